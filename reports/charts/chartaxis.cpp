#include "chartaxis.h"

#include "reports/figureformat.h"

#include <algorithm>
#include <cmath>

namespace iovplan::reports {

namespace {

// The 1, 2 or 5 × 10^n step nearest above `rough`.
double niceStep(double rough)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    const double normalized = rough / magnitude;
    const double nice = normalized <= 1.0 ? 1.0 : normalized <= 2.0 ? 2.0 : normalized <= 5.0 ? 5.0 : 10.0;
    return nice * magnitude;
}

// Ticks are multiples of a step: computed from an integer index so no rounding error builds up.
std::vector<double> ticksBetween(double low, double high, double step)
{
    std::vector<double> ticks;
    const double first = std::round(low / step);
    const double last = std::round(high / step);
    for (double i = first; i <= last + 0.5; i += 1.0)
        ticks.push_back(i * step == 0.0 ? 0.0 : i * step); // no "-0"
    return ticks;
}

// 1, 2 or 5 × 10^n at or below `value` (> 0), or at or above it.
double niceLogFloor(double value)
{
    const double decade = std::pow(10.0, std::floor(std::log10(value)));
    for (const double m : { 5.0, 2.0, 1.0 }) {
        if (m * decade <= value * (1.0 + 1e-12))
            return m * decade;
    }
    return decade;
}

double niceLogCeil(double value)
{
    const double decade = std::pow(10.0, std::floor(std::log10(value)));
    for (const double m : { 1.0, 2.0, 5.0, 10.0 }) {
        if (m * decade >= value * (1.0 - 1e-12))
            return m * decade;
    }
    return 10.0 * decade;
}

// How many decimals tell ticks `step` apart once divided by `divisor`.
int decimalsFor(double step, double divisor)
{
    const double scaled = step / divisor;
    if (!(scaled > 0.0) || !std::isfinite(scaled))
        return 0;
    return std::clamp(static_cast<int>(std::ceil(-std::log10(scaled) - 1e-9)), 0, 6);
}

struct TickUnit
{
    double divisor = 1.0;
    QString prefix;
    QString suffix;
};

// One unit for the whole axis, chosen by its largest magnitude.
TickUnit tickUnit(ChartUnit unit, double largest)
{
    switch (unit) {
    case ChartUnit::Usd:
        if (largest >= 1e6)
            return { 1e6, QStringLiteral("$"), QStringLiteral("M") };
        if (largest >= 1e4)
            return { 1e3, QStringLiteral("$"), QStringLiteral("k") };
        return { 1.0, QStringLiteral("$"), QString() };
    case ChartUnit::Watts:
        if (largest >= 1e4)
            return { 1e3, QString(), QStringLiteral(" kW") };
        return { 1.0, QString(), QStringLiteral(" W") };
    case ChartUnit::BytesPerS:
        // MB/s like the bars' labels until the figures grow past six digits.
        if (largest >= 1e11)
            return { 1e9, QString(), QStringLiteral(" GB/s") };
        return { 1e6, QString(), QStringLiteral(" MB/s") };
    case ChartUnit::Seconds:
        if (largest >= 1.0)
            return { 1.0, QString(), QStringLiteral(" s") };
        if (largest >= 1e-3)
            return { 1e-3, QString(), QStringLiteral(" ms") };
        return { 1e-6, QString(), QStringLiteral(" \u00b5s") };
    case ChartUnit::Share:
        return { 0.01, QString(), QStringLiteral(" %") };
    case ChartUnit::Count:
        return {};
    case ChartUnit::LoadFactor:
        return { 1.0, QStringLiteral("×"), QString() };
    }
    return {};
}

QString spell(const TickUnit &u, double value, int decimals)
{
    if (value == 0.0 && !u.suffix.startsWith(QLatin1Char(' '))) // "$0", not "$0M"
        return u.prefix + QStringLiteral("0");
    const QString number = formatNumber(value / u.divisor, decimals);
    if (value < 0.0 && !u.prefix.isEmpty()) // "-$250k", not "$-250k"
        return QStringLiteral("-") + u.prefix + number.mid(1) + u.suffix;
    return u.prefix + number + u.suffix;
}

} // namespace

double AxisScale::fraction(double value) const
{
    if (logarithmic) {
        if (!(value > 0.0) || !(min > 0.0) || !(max > min))
            return 0.0;
        return (std::log10(value) - std::log10(min)) / (std::log10(max) - std::log10(min));
    }
    if (!(max > min))
        return 0.0;
    return (value - min) / (max - min);
}

AxisScale linearAxis(double low, double high, int targetTicks)
{
    if (!std::isfinite(low) || !std::isfinite(high) || low > high)
        return linearAxis(0.0, 1.0, targetTicks);
    if (low == high) {
        const double pad = low == 0.0 ? 1.0 : std::abs(low) * 0.5;
        low = low >= 0.0 && low - pad < 0.0 ? 0.0 : low - pad;
        high += pad;
    }
    const double step = niceStep((high - low) / std::max(1, targetTicks));
    AxisScale scale;
    scale.min = std::floor(low / step + 1e-9) * step;
    scale.max = std::ceil(high / step - 1e-9) * step;
    if (scale.min == 0.0)
        scale.min = 0.0; // no "-0"
    scale.ticks = ticksBetween(scale.min, scale.max, step);
    return scale;
}

AxisScale logAxis(double low, double high)
{
    if (!(low > 0.0) || !(high > 0.0) || !std::isfinite(low) || !std::isfinite(high) || low > high)
        return linearAxis(low, high);
    AxisScale scale;
    scale.logarithmic = true;
    scale.min = niceLogFloor(low);
    scale.max = niceLogCeil(high);
    if (scale.max <= scale.min)
        scale.max = niceLogCeil(scale.min * 1.5);
    const double decades = std::log10(scale.max / scale.min);
    const std::vector<double> multiples = decades <= 3.5 ? std::vector<double> { 1.0, 2.0, 5.0 } : std::vector<double> { 1.0 };
    for (double decade = std::pow(10.0, std::floor(std::log10(scale.min))); decade <= scale.max * 1.0001; decade *= 10.0) {
        for (const double m : multiples) {
            const double tick = m * decade;
            if (tick >= scale.min * 0.9999 && tick <= scale.max * 1.0001)
                scale.ticks.push_back(tick);
        }
    }
    return scale;
}

QStringList axisTickLabels(const AxisScale &scale, ChartUnit unit)
{
    QStringList labels;
    if (scale.ticks.empty())
        return labels;
    if (scale.logarithmic) {
        for (const double tick : scale.ticks) {
            const TickUnit u = tickUnit(unit, tick);
            labels << spell(u, tick, decimalsFor(tick, u.divisor));
        }
        return labels;
    }
    const double largest = std::max(std::abs(scale.ticks.front()), std::abs(scale.ticks.back()));
    const TickUnit u = tickUnit(unit, largest);
    const double step = scale.ticks.size() > 1 ? scale.ticks[1] - scale.ticks[0] : largest;
    const int decimals = decimalsFor(step, u.divisor);
    for (const double tick : scale.ticks)
        labels << spell(u, tick, decimals);
    return labels;
}

} // namespace iovplan::reports
