#pragma once
// A chart as data: what to plot, in which unit, with which reference lines. Built from the model's figures
// (scenariocharts.h), painted with QPainter (chartpainter.h) and exported as PNG or SVG (chartexport.h), so
// the report, the exports and the tests all read one description.

#include <QPointF>
#include <QString>
#include <QStringList>

#include <vector>

namespace iovplan::reports {

/// How a chart plots its series.
enum class ChartKind {
    Bars, ///< horizontal bars, categories top-down, one series (the first; others are ignored)
    GroupedBars, ///< vertical, one group per category, one bar per series
    Lines, ///< x/y series
};

/// The unit of an axis; values are in the base unit (dollars, watts, bytes/s, seconds, a 0..1 share).
enum class ChartUnit {
    Usd, ///< "$880,192.00"
    Watts, ///< "2,176 W"
    BytesPerS, ///< "117.6 MB/s"
    Seconds, ///< "352.1 µs", "2 ms"
    Share, ///< a 0..1 fraction shown as "66.8 %"
    Count, ///< "128"
    LoadFactor, ///< "×1.5"
};

/// One series. A non-finite value or point is a missing one: it is neither drawn nor labelled.
struct ChartSeries
{
    QString name;
    std::vector<double> values; ///< Bars/GroupedBars: one per category
    std::vector<QPointF> points; ///< Lines: x in the chart's xUnit, y in its valueUnit
};

/// A reference line across the plot at `value` (e.g. "SLA 2 ms"): horizontal on the value axis of a Lines or
/// GroupedBars chart, vertical on the value axis of a Bars chart; in `xMarkers`, vertical at x = value.
struct ChartMarker
{
    QString label;
    double value = 0.0;
};

/// Everything a chart shows.
struct Chart
{
    QString id; ///< file-name safe, stable: "cost-by-category", "compare-purchase", ...
    QString title;
    ChartKind kind = ChartKind::Bars;
    QStringList categories;
    std::vector<ChartSeries> series;
    ChartUnit valueUnit = ChartUnit::Count;
    ChartUnit xUnit = ChartUnit::LoadFactor; ///< Lines only
    QString valueTitle, xTitle;
    std::vector<ChartMarker> markers; ///< reference lines on the value axis
    std::vector<ChartMarker> xMarkers; ///< Lines only: vertical reference lines (e.g. "design load" at ×1)
    int highlighted = -1; ///< category index drawn in the accent colour (the bottleneck), -1 none
    QString highlightLabel; ///< legend entry for the accent colour ("bottleneck"); empty: no entry
    QString note; ///< shown instead of a plot when there is nothing to draw ("saturated at 0.8× load")
    QString subtitle; ///< one muted line under the title: the basis of the figures; may be empty
};

/// Whether `chart` has at least one finite value (Bars, GroupedBars) or point (Lines) to plot.
[[nodiscard]] bool hasPlottableData(const Chart &chart);

} // namespace iovplan::reports
