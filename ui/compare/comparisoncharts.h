#pragma once
// Grouped bar charts of a comparison: one bar set per chosen scenario, one group per metric, read from the
// ComparisonModel so the charts show exactly the table's figures. Sized to read at about 200×170 px each:
// few categories with short (at most two-line) labels, the unit in the title instead of an axis title.

#include <QString>
#include <QStringList>

#include <QColor>

class QChart;

namespace iovplan::ui {

class ComparisonModel;

/// What one chart shows: metrics of the comparison (by evaluate-JSON path) and how to scale them.
struct ComparisonChartSpec
{
    QString title; ///< "I/O cost"
    QString unit; ///< "US$ k": shown after the title ("I/O cost, US$ k"), no axis title (it costs width)
    QStringList jsonPaths; ///< the metrics, one bar group each; paths the model lacks are left out
    QStringList categories; ///< the group labels, parallel to jsonPaths; may hold one "<br>" (two lines)
    double scale = 1.0; ///< figure × scale is the bar's height (1e-3 for thousands)
};

/// The four charts of the Compare view: I/O cost (purchase, TCO), I/O power (the white paper's bases), p99
/// latency of the interactive classes (migration's, ten times larger, would flatten them: it stays in the
/// table) and per-VM throughput per traffic class. The totals (servers included) stay in the table.
[[nodiscard]] QList<ComparisonChartSpec> compareViewCharts();

/// The bar color of the `index`th compared scenario, the same in every chart and in the view's legend
/// (mid-tone colors that read on a light and a dark background).
[[nodiscard]] QColor scenarioColor(int index);

/// A new grouped bar chart of `spec` over `model`'s scenarios (the caller owns it), without a legend (the
/// view shows one for all charts). `dark` picks the dark theme. A pending scenario gets empty bars.
[[nodiscard]] QChart *comparisonBarChart(const ComparisonModel &model, const ComparisonChartSpec &spec, bool dark);

/// Puts `model`'s figures into `chart` (made by comparisonBarChart for `spec`) in place: bar values, bar
/// set labels, the value axis range. Returns false, changing nothing, when the chart's shape no longer
/// fits (another number of scenarios or of categories): then make a new chart.
[[nodiscard]] bool updateComparisonBarChart(QChart *chart, const ComparisonModel &model, const ComparisonChartSpec &spec);

/// The number of bar groups `spec` gets from `model` (metrics it has).
[[nodiscard]] int chartCategoryCount(const ComparisonModel &model, const ComparisonChartSpec &spec);

} // namespace iovplan::ui
