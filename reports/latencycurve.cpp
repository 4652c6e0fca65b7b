#include "latencycurve.h"

#include "model/iov/whatif.h"

#include <cmath>

namespace iovplan::reports {

LatencyCurve latencyCurve(const design::Scenario &scenario, const design::PinnedCatalog &catalog,
                          std::optional<double> maxLoadScale, int steps,
                          const iov::ProgressCallback &progress)
{
    LatencyCurve curve;
    if (!maxLoadScale || !std::isfinite(*maxLoadScale) || *maxLoadScale <= 0.0) {
        curve.note = QStringLiteral("no saturation point: the design carries no load");
        return curve;
    }
    steps = std::max(2, steps);
    const double to = latencyCurveReach * *maxLoadScale;
    const double from = to / steps;
    iov::SweepOptions options;
    options.progress = progress;
    const iov::SweepResult swept = iov::sweep(scenario, catalog, iov::SweepParameter { iov::SweepKind::LoadScale, {} },
                                              from, to, steps, options);
    if (swept.cancelled) {
        curve.note = QStringLiteral("cancelled");
        return curve;
    }
    if (!swept.error.isEmpty()) {
        curve.note = swept.error;
        return curve;
    }
    for (const iov::TrafficClass traffic : { iov::TrafficClass::Lan, iov::TrafficClass::San, iov::TrafficClass::Ipc }) {
        LatencySeries series { traffic, {} };
        for (const iov::SweepRow &row : swept.rows) {
            for (const iov::ClassMetrics &c : row.performance.classes) {
                if (c.traffic == traffic && c.offeredBytesPerS > 0.0 && c.p99LatencyS && std::isfinite(*c.p99LatencyS))
                    series.points.emplace_back(row.value, *c.p99LatencyS);
            }
        }
        if (!series.points.empty())
            curve.series.push_back(std::move(series));
    }
    curve.maxLoadScale = to;
    if (curve.series.empty())
        curve.note = QStringLiteral("no interactive class carries load");
    return curve;
}

} // namespace iovplan::reports
