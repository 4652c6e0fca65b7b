#pragma once
// The dashboard's "latency against load" curve: the scenario's offered load scaled from light up to just
// below its saturation point (iov::sweep over SweepKind::LoadScale) and each interactive class's p99 at each
// step. Slow enough (a few dozen evaluations) to run off the GUI thread; a pure function so it can.

#include "model/design/itemspecs.h"
#include "model/design/scenario.h"
#include "model/iov/performance.h"

#include <QPointF>
#include <QString>

#include <optional>
#include <vector>

namespace iovplan::reports {

/// One class's p99 latency against load: x is the factor on the offered load (1 = as designed), y seconds.
struct LatencySeries
{
    iov::TrafficClass traffic = iov::TrafficClass::Lan;
    std::vector<QPointF> points;
};

/// The curve of one scenario, or why there is none.
struct LatencyCurve
{
    std::vector<LatencySeries> series; ///< lan, san, ipc (the classes the SLA latency bounds) that carry load
    double maxLoadScale = 0.0; ///< the last x swept (just below saturation)
    QString note; ///< non-empty when there is no curve: why
};

/// Share of the saturation point the sweep stops at: close enough to show the knee, far enough that the p99
/// stays finite and readable.
inline constexpr double latencyCurveReach = 0.97;

/// Sweeps the load of `scenario` in `steps` steps from latencyCurveReach × maxLoadScale / steps up to
/// latencyCurveReach × maxLoadScale, where maxLoadScale is the evaluated one (`maxLoadScale`; none gives a
/// note instead of a curve). `progress` is called after each step; returning false stops the sweep (a
/// newer evaluation made this curve useless) and the curve comes back empty with the note "cancelled".
[[nodiscard]] LatencyCurve latencyCurve(const design::Scenario &scenario, const design::PinnedCatalog &catalog,
                                        std::optional<double> maxLoadScale, int steps = 24,
                                        const iov::ProgressCallback &progress = {});

} // namespace iovplan::reports
