#pragma once
// Paints a Chart with QPainter in points: title, optional subtitle, legend, then the plot — or the chart's
// note when there is nothing to plot. Pure QtGui, so it runs under QGuiApplication (the CLI) and paints the
// same into a PDF page, an SVG or an image.

#include "chart.h"

#include "reports/reportfigure.h"

#include <QPainter>
#include <QRectF>

namespace iovplan::reports {

/// Paints `chart` into `rect` (points, 1 unit = 1 pt in the painter's user space). Leaves the painter's
/// state as it found it. Never paints a non-finite value: a chart without finite data shows its note.
void paintChart(QPainter &painter, const QRectF &rect, const Chart &chart);

/// The height a chart wants at `width` points: about 0.55 × width, more when it has many bars.
[[nodiscard]] double chartHeightForWidth(const Chart &chart, double width);

/// A chart as a figure of the paged report.
class ChartFigure final : public ReportFigure
{
public:
    explicit ChartFigure(Chart chart);

    [[nodiscard]] double heightForWidth(double width) const override;
    void paint(QPainter &painter, const QRectF &rect) const override;
    [[nodiscard]] const Chart &chart() const { return m_chart; }

private:
    Chart m_chart;
};

} // namespace iovplan::reports
