#pragma once
// The charts of one scenario and of a comparison of scenarios, built from the model's own figures (no
// rounding, no other units: dollars, watts, bytes/s, seconds, shares), so a chart's values equal the
// tables and the `iovplan-cli evaluate` JSON.

#include "chart.h"

#include "reports/latencycurve.h"

#include "model/design/scenario.h"
#include "model/iov/evaluation.h"

#include <QString>

#include <vector>

namespace iovplan::reports {

/// The stations the busiest-stations chart shows.
inline constexpr int busiestStationCount = 10;

/// The charts of `scenario` evaluated as `metrics`, with its latency `curve` (reports/latencycurve.h), in
/// report order:
/// - "cost-by-category": Bars, Usd, every BOM category's subtotal in cost::allBomCategories order;
/// - "power-by-part": Bars, Watts, server adapters, gateway modules, other I/O, servers, storage (they add up
///   to PowerRollup::typicalW());
/// - "p99-vs-load": Lines, Seconds against LoadFactor, one series per class of `curve`, the SLA as a marker,
///   the design's load (×1) as an x marker; the curve's note (or why there is none) when it is empty;
/// - "busiest-stations": Bars, Share, the busiest stations busiest first, the bottleneck highlighted.
[[nodiscard]] std::vector<Chart> scenarioCharts(const design::Scenario &scenario, const iov::ScenarioMetrics &metrics,
                                                const LatencyCurve &curve);

/// The charts comparing the scenarios `names` (one per entry of `metrics`, same order; null metrics are
/// skipped with their name), categories = scenario names, in report order:
/// - "compare-purchase": GroupedBars, Usd, "I/O purchase" and "Total purchase";
/// - "compare-tco": "I/O TCO" and "TCO";
/// - "compare-power": Watts, "I/O typical", "Server adapters" and "Adapters + gateway modules (Table 1 basis)";
/// - "compare-throughput": BytesPerS, one series per carried class (comparisonmetrics.h carriedClasses:
///   "LAN", "SAN", "IPC", "Migration"); a class a scenario does not carry has no bar;
/// - "compare-headroom": GroupedBars, Share, "CPU headroom".
[[nodiscard]] std::vector<Chart> comparisonCharts(const std::vector<QString> &names,
                                                  const std::vector<const iov::ScenarioMetrics *> &metrics);

/// The report's name of a traffic class: "LAN", "SAN", "IPC", "Migration" (as the comparison table).
[[nodiscard]] QString trafficClassLabel(iov::TrafficClass traffic);

} // namespace iovplan::reports
