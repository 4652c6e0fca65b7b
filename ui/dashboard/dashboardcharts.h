#pragma once
// The dashboard's four Qt Charts, built from immutable figures: cost breakdown by BOM category, power
// breakdown, p99 latency against load with the SLA line, and the busiest stations with the bottleneck marked.
// Each function returns a new chart the caller owns (a QChartView takes it); colours come from the palette
// so the charts read in light and dark themes.

#include "latencycurve.h"

#include "model/cost/bom.h"
#include "model/cost/power.h"
#include "model/iov/performance.h"

#include <QColor>
#include <QPalette>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

class QChart;

namespace iovplan::ui {

/// One bar of a breakdown: its label and value (in the chart's unit).
struct ChartBar
{
    QString label;
    double value = 0.0;
};

/// The bars of the cost chart: every BOM category's subtotal in thousands of USD, in report order.
[[nodiscard]] std::vector<ChartBar> costBars(const cost::BillOfMaterials &bom);
/// The bars of the power chart, typical kW: server adapters, gateway modules, other I/O (switches, gateway
/// chassis, cables, transceivers), servers, storage. They add up to PowerRollup::typicalW().
[[nodiscard]] std::vector<ChartBar> powerBars(const cost::PowerRollup &power);
/// The `top` busiest stations, busiest first, utilization in %; the bottleneck is always among them.
[[nodiscard]] std::vector<ChartBar> utilizationBars(const iov::PerformanceMetrics &performance, int top = 10);

/// Colours the charts draw with, derived from a palette: text and grid from its roles, accents chosen to
/// stand out on both light and dark backgrounds.
struct ChartColours
{
    QColor background;
    QColor text;
    QColor grid;
    QColor bar; ///< ordinary bars
    QColor accent; ///< the bottleneck bar
    QColor sla; ///< the SLA line and missed targets
    bool dark = false;
};
[[nodiscard]] ChartColours chartColours(const QPalette &palette);

/// Suffix of the bottleneck's category label in the utilization chart: " ◀" (the title explains it; a longer
/// label would not fit beside the bars).
[[nodiscard]] QString bottleneckSuffix();
/// Name of the SLA line series in the latency chart: "SLA".
[[nodiscard]] QString slaSeriesName();

[[nodiscard]] QChart *costChart(const cost::BillOfMaterials &bom, const ChartColours &colours);
[[nodiscard]] QChart *powerChart(const cost::PowerRollup &power, const ChartColours &colours);
/// The bottleneck's bar is selected (QBarSet::selectedBars) and drawn in the accent colour.
[[nodiscard]] QChart *utilizationChart(const iov::PerformanceMetrics &performance, const ChartColours &colours);
/// One p99 line per class against load (µs), the SLA as a horizontal line at `slaS`, and the current load
/// (x = 1) marked when `nowP99S` is given. `status` (e.g. "computing…") is shown in the title.
[[nodiscard]] QChart *latencyChart(const LatencyCurve &curve, double slaS, std::optional<double> nowP99S,
                                   const QString &status, const ChartColours &colours);

} // namespace iovplan::ui
