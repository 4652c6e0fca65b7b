#pragma once
// Value axes of the charts: where the ticks go (1-2-5 steps on a linear axis, 1-2-5 per decade on a
// logarithmic one) and how they are spelled (one unit for the whole axis: "$250k", "20 kW", "500 µs").

#include "chart.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace iovplan::reports {

/// An axis range and its ticks, ticks ascending from `min` to `max` inclusive.
struct AxisScale
{
    double min = 0.0;
    double max = 1.0;
    std::vector<double> ticks;
    bool logarithmic = false;

    /// Where `value` lies from min (0) to max (1); a logarithmic axis places it by its log10.
    [[nodiscard]] double fraction(double value) const;
};

/// A linear axis covering [low, high] with about `targetTicks` intervals of a 1, 2 or 5 × 10^n step; the ends
/// are rounded outwards to a step. Non-finite or reversed input gives [0, 1]; an empty span grows to one.
[[nodiscard]] AxisScale linearAxis(double low, double high, int targetTicks = 5);
/// A logarithmic axis covering [low, high] (both > 0): ends rounded to 1, 2 or 5 × 10^n, ticks at 1-2-5 of
/// each decade when it spans few decades, else at the powers of ten. Bad input gives linearAxis(low, high).
[[nodiscard]] AxisScale logAxis(double low, double high);

/// The tick labels of `scale` for values in `unit`, in one shared unit and with just enough decimals to
/// tell neighbouring ticks apart ("$0", "$250k", "$500k"; "0 %", "20 %"; "×0.5"). A logarithmic axis spells
/// each tick on its own ("100 µs", "1 ms").
[[nodiscard]] QStringList axisTickLabels(const AxisScale &scale, ChartUnit unit);

} // namespace iovplan::reports
