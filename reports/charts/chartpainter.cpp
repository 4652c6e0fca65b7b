#include "chartpainter.h"

#include "chartdrawing.h"

#include <algorithm>
#include <cmath>

namespace iovplan::reports {

using namespace chartdrawing;

namespace {

enum class Swatch { Box, Line };

struct LegendEntry
{
    QString label;
    QColor colour;
    Swatch swatch = Swatch::Box;
    int index = 0; ///< the line series (dash and point mark)
};

std::vector<LegendEntry> legendOf(const Chart &chart)
{
    std::vector<LegendEntry> entries;
    switch (chart.kind) {
    case ChartKind::Bars:
        if (chart.highlighted >= 0 && chart.highlighted < chart.categories.size() && !chart.highlightLabel.isEmpty()) {
            const QString name = chart.series.front().name.isEmpty() ? chart.valueTitle : chart.series.front().name;
            if (!name.isEmpty())
                entries.push_back({ name, seriesColour(0), Swatch::Box, 0 });
            entries.push_back({ chart.highlightLabel, colours::accent, Swatch::Box, 0 });
        }
        break;
    case ChartKind::GroupedBars:
        if (chart.series.size() > 1) {
            for (std::size_t i = 0; i < chart.series.size(); ++i)
                entries.push_back({ chart.series[i].name, seriesColour(static_cast<int>(i)), Swatch::Box, static_cast<int>(i) });
        }
        break;
    case ChartKind::Lines:
        for (std::size_t i = 0; i < chart.series.size(); ++i)
            entries.push_back({ chart.series[i].name, seriesColour(static_cast<int>(i)), Swatch::Line, static_cast<int>(i) });
        break;
    }
    return entries;
}

// Entries flow left to right and wrap; returns the height used.
double paintLegend(QPainter &painter, const QRectF &area, const std::vector<LegendEntry> &entries, bool paint)
{
    if (entries.empty())
        return 0.0;
    const QFont font = chartFont(painter, sizes::legend);
    const QFontMetricsF metrics = metricsOf(painter, font);
    const double lineHeight = metrics.height() + 3.0;
    const double swatchWidth = 18.0;
    double x = area.left();
    double y = area.top();
    painter.setFont(font);
    for (const LegendEntry &e : entries) {
        const QString label = metrics.elidedText(e.label, Qt::ElideRight, area.width() - swatchWidth - 4.0);
        const double width = swatchWidth + 4.0 + metrics.horizontalAdvance(label) + 14.0;
        if (x > area.left() && x + width - 14.0 > area.right()) {
            x = area.left();
            y += lineHeight;
        }
        if (paint) {
            const double cy = y + lineHeight / 2.0;
            if (e.swatch == Swatch::Box) {
                painter.setPen(Qt::NoPen);
                painter.setBrush(e.colour);
                painter.drawRect(QRectF(x + 4.0, cy - 4.5, 10.0, 9.0));
            } else {
                QPen pen(e.colour, 1.6, seriesDash(e.index));
                pen.setCapStyle(Qt::FlatCap);
                painter.setPen(pen);
                painter.drawLine(QPointF(x, cy), QPointF(x + swatchWidth, cy));
                painter.setPen(QPen(Qt::white, 0.5));
                painter.setBrush(e.colour);
                drawPointMark(painter, e.index, QPointF(x + swatchWidth / 2.0, cy), 2.4);
            }
            painter.setPen(colours::text);
            painter.drawText(QRectF(x + swatchWidth + 4.0, y, metrics.horizontalAdvance(label) + 4.0, lineHeight),
                             static_cast<int>(Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine), label);
        }
        x += width;
    }
    return y + lineHeight - area.top();
}

// The title block (title, subtitle); returns the height used.
double paintHeading(QPainter &painter, const QRectF &area, const Chart &chart, bool paint)
{
    double y = area.top();
    if (!chart.title.isEmpty()) {
        const QFont font = chartFont(painter, sizes::title, true);
        painter.setFont(font);
        const QFontMetricsF metrics = metricsOf(painter, font);
        const QStringList lines = wrapText(chart.title, metrics, area.width(), 2);
        if (paint) {
            painter.setPen(colours::text);
            drawLines(painter, QRectF(area.left(), y, area.width(), metrics.height() * static_cast<double>(lines.size())),
                      lines, Qt::AlignLeft | Qt::AlignTop);
        }
        y += metrics.height() * static_cast<double>(lines.size()) + 1.0;
    }
    if (!chart.subtitle.isEmpty()) {
        const QFont font = chartFont(painter, sizes::subtitle);
        painter.setFont(font);
        const QFontMetricsF metrics = metricsOf(painter, font);
        const QStringList lines = wrapText(chart.subtitle, metrics, area.width(), 2);
        if (paint) {
            painter.setPen(colours::muted);
            drawLines(painter, QRectF(area.left(), y, area.width(), metrics.height() * static_cast<double>(lines.size())),
                      lines, Qt::AlignLeft | Qt::AlignTop);
        }
        y += metrics.height() * static_cast<double>(lines.size());
    }
    return y - area.top();
}

void paintNote(QPainter &painter, const QRectF &area, const Chart &chart)
{
    const QString text = chart.note.isEmpty() ? QStringLiteral("No data to chart.") : chart.note;
    const QFont font = chartFont(painter, sizes::note);
    painter.setFont(font);
    const QFontMetricsF metrics = metricsOf(painter, font);
    const QStringList lines = wrapText(text, metrics, std::max(10.0, area.width() - 24.0), 4);
    painter.setPen(QPen(colours::grid, 0.8));
    painter.setBrush(colours::noteBackground);
    painter.drawRoundedRect(area, 3.0, 3.0);
    painter.setPen(colours::muted);
    drawLines(painter, area.adjusted(12.0, 6.0, -12.0, -6.0), lines, Qt::AlignCenter);
}

constexpr double padding = 6.0;

} // namespace

void paintChart(QPainter &painter, const QRectF &rect, const Chart &chart)
{
    if (!(rect.width() > 2.0 * padding) || !(rect.height() > 2.0 * padding))
        return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.setClipRect(rect, Qt::IntersectClip);
    const QRectF inner = rect.adjusted(padding, padding, -padding, -padding);
    double y = inner.top();
    y += paintHeading(painter, inner, chart, true);
    const bool plottable = hasPlottableData(chart);
    if (plottable) {
        y += 4.0;
        y += paintLegend(painter, QRectF(inner.left(), y, inner.width(), inner.bottom() - y), legendOf(chart), true);
    }
    const QRectF area(inner.left(), y + 6.0, inner.width(), std::max(1.0, inner.bottom() - y - 6.0));
    if (!plottable) {
        paintNote(painter, area, chart);
    } else {
        switch (chart.kind) {
        case ChartKind::Bars:
            paintHorizontalBars(painter, area, chart);
            break;
        case ChartKind::GroupedBars:
            paintGroupedBars(painter, area, chart);
            break;
        case ChartKind::Lines:
            paintLines(painter, area, chart);
            break;
        }
    }
    painter.restore();
}

double chartHeightForWidth(const Chart &chart, double width)
{
    if (!(width > 0.0) || !std::isfinite(width))
        return 1.0;
    double height = 0.55 * width;
    if (chart.kind == ChartKind::Bars && hasPlottableData(chart)) {
        // Title, legend and value axis take about 80 pt; every bar wants a row of at least 18 pt.
        height = std::max(height, 80.0 + 18.0 * static_cast<double>(chart.categories.size()));
    }
    if (!hasPlottableData(chart))
        height = std::min(height, 0.3 * width); // a note needs no plot's room
    return height;
}

ChartFigure::ChartFigure(Chart chart)
    : m_chart(std::move(chart))
{
}

double ChartFigure::heightForWidth(double width) const
{
    return chartHeightForWidth(m_chart, width);
}

void ChartFigure::paint(QPainter &painter, const QRectF &rect) const
{
    paintChart(painter, rect, m_chart);
}

} // namespace iovplan::reports
