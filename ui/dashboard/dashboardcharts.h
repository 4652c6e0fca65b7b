#pragma once
// The dashboard's four Qt Charts: cost breakdown by BOM category, power breakdown, p99 latency against load
// with the SLA line, and the busiest stations with the bottleneck marked. Each chart is built once and its
// series and axes are updated in place with every evaluation (recreating QCharts costs milliseconds per
// edit); colours come from the palette so the charts read in light and dark themes.

#include "reports/charts/breakdowns.h"
#include "reports/latencycurve.h"

#include "model/cost/bom.h"
#include "model/cost/power.h"
#include "model/iov/performance.h"

#include <QColor>
#include <QPalette>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>
#include <vector>

class QBarCategoryAxis;
class QBarSet;
class QChart;
class QLineSeries;
class QLogValueAxis;
class QScatterSeries;
class QValueAxis;

namespace iovplan::ui {

/// One bar of a breakdown (the builders live in reports/charts/breakdowns.h, shared with the report).
using ChartBar = reports::ChartBar;

/// The cost chart's bars: reports::costBars in thousands of USD, the dock's compact unit.
[[nodiscard]] std::vector<ChartBar> costBars(const cost::BillOfMaterials &bom);
/// The power chart's bars: reports::powerBars in kW.
[[nodiscard]] std::vector<ChartBar> powerBars(const cost::PowerRollup &power);

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

/// A horizontal bar chart built once and updated in place: one QBarSet (values replaced, categories on a
/// QBarCategoryAxis at the left) and a value axis at the bottom. Bars read top-down in the order given.
class BarChart
{
public:
    /// A new chart; a QChartView takes ownership of chart().
    BarChart(const QString &title, const QString &valueTitle, int precision);

    [[nodiscard]] QChart *chart() const { return m_chart; }
    /// Replaces the bars; `selected` (index into `bars`, −1 for none) is drawn in the accent colour;
    /// `fixedMax` pins the value axis (e.g. 120 % for utilization) instead of fitting it to the bars.
    void setBars(const std::vector<ChartBar> &bars, int selected = -1, std::optional<double> fixedMax = {});
    /// Clears the bars and shows `message` as the title (no results yet).
    void clear(const QString &message);
    void setColours(const ChartColours &colours);

private:
    QChart *m_chart = nullptr;
    QString m_title;
    QBarSet *m_set = nullptr;
    QBarCategoryAxis *m_categories = nullptr;
    QValueAxis *m_values = nullptr;
};

/// The latency-against-load chart built once and updated in place: one p99 line per class ("lan", "san",
/// "ipc"; a class without points is hidden), the SLA line ("SLA", dashed), the design's own load as a dot
/// ("design"), a linear load axis and a log µs axis.
class LatencyChart
{
public:
    LatencyChart();

    [[nodiscard]] QChart *chart() const { return m_chart; }
    /// Shows `curve` with the SLA at `slaS` and, when given, the design's p99 at x = 1; `status` (e.g.
    /// "computing…") goes into the title.
    void setCurve(const reports::LatencyCurve &curve, double slaS, std::optional<double> nowP99S, const QString &status);
    /// Clears every series and shows `message` as the title.
    void clear(const QString &message);
    void setColours(const ChartColours &colours);

private:
    QChart *m_chart = nullptr;
    std::vector<std::pair<iov::TrafficClass, QLineSeries *>> m_classes; ///< lan, san, ipc
    QLineSeries *m_sla = nullptr;
    QScatterSeries *m_now = nullptr;
    QValueAxis *m_x = nullptr;
    QLogValueAxis *m_y = nullptr;
    ChartColours m_colours;
};

/// Titles of the four charts, short enough for a quarter of a bottom dock.
[[nodiscard]] QString costChartTitle();
[[nodiscard]] QString powerChartTitle();
[[nodiscard]] QString utilizationChartTitle();
/// The stations the utilization chart shows: the busiest, the bottleneck first (room for 7 at ~230 px).
inline constexpr int utilizationBarCount = 7;
/// The utilization chart's bars with the bottleneck's label suffixed, and the bottleneck's index (−1: none).
struct UtilizationBars
{
    std::vector<ChartBar> bars;
    int bottleneck = -1;
};
[[nodiscard]] UtilizationBars utilizationChartBars(const iov::PerformanceMetrics &performance);

} // namespace iovplan::ui
