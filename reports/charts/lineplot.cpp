// The x/y plot: one line per series with point marks, reference lines across it, a logarithmic value axis
// when the values span more than a decade and a half (a p99 curve's knee next to its flat start).

#include "chartdrawing.h"

#include <algorithm>
#include <limits>

namespace iovplan::reports::chartdrawing {

namespace {

// Past this ratio of the largest to the smallest value a linear axis flattens the small ones onto the axis.
constexpr double logAxisRatio = 20.0;

struct Span
{
    double xLow = std::numeric_limits<double>::max();
    double xHigh = std::numeric_limits<double>::lowest();
    double yLow = std::numeric_limits<double>::max();
    double yHigh = std::numeric_limits<double>::lowest();
    bool yPositive = true;

    void addX(double x)
    {
        xLow = std::min(xLow, x);
        xHigh = std::max(xHigh, x);
    }
    void addY(double y)
    {
        yLow = std::min(yLow, y);
        yHigh = std::max(yHigh, y);
        yPositive = yPositive && y > 0.0;
    }
};

Span spanOf(const Chart &chart)
{
    Span span;
    for (const ChartSeries &s : chart.series) {
        for (const QPointF &p : s.points) {
            if (finite(p.x()) && finite(p.y())) {
                span.addX(p.x());
                span.addY(p.y());
            }
        }
    }
    for (const ChartMarker &m : chart.markers) {
        if (finite(m.value))
            span.addY(m.value);
    }
    for (const ChartMarker &m : chart.xMarkers) {
        if (finite(m.value))
            span.addX(m.value);
    }
    return span;
}

// Keeps the powers of ten of a logarithmic axis whose 1-2-5 ticks would sit closer than `minimum` points.
AxisScale thinLogTicks(AxisScale scale, double length, double minimum)
{
    const double decades = std::log10(scale.max / scale.min);
    if (decades <= 0.0 || length / decades * std::log10(2.0) >= minimum)
        return scale;
    std::vector<double> kept;
    for (const double t : scale.ticks) {
        const double mantissa = t / std::pow(10.0, std::floor(std::log10(t) + 1e-9));
        if (std::abs(mantissa - 1.0) < 1e-6)
            kept.push_back(t);
    }
    // Still crowded (many decades): every k-th power of ten.
    const double perDecade = length / decades;
    const auto every = static_cast<std::size_t>(std::ceil(minimum / std::max(perDecade, 1e-9)));
    if (every > 1) {
        std::vector<double> sparse;
        for (std::size_t i = 0; i < kept.size(); i += every)
            sparse.push_back(kept[i]);
        kept = sparse;
    }
    if (kept.size() >= 2)
        scale.ticks = kept;
    return scale;
}

} // namespace

void paintLines(QPainter &painter, const QRectF &rect, const Chart &chart)
{
    const QFont axisFont = chartFont(painter, sizes::axis);
    const QFont titleFont = chartFont(painter, sizes::axisTitle);
    const QFontMetricsF axisMetrics = metricsOf(painter, axisFont);
    const QFontMetricsF titleMetrics = metricsOf(painter, titleFont);
    const Span span = spanOf(chart);

    const double topPad = (chart.xMarkers.empty() ? 0.0 : axisMetrics.height() + 2.0) + 4.0;
    const double bottomBand = axisMetrics.height() + 5.0 + (chart.xTitle.isEmpty() ? 0.0 : titleMetrics.height() + 2.0);
    const double plotHeight = std::max(1.0, rect.height() - topPad - bottomBand);
    const bool logarithmic = span.yPositive && span.yHigh / span.yLow > logAxisRatio;
    const AxisScale yScale = logarithmic
                                 ? thinLogTicks(logAxis(span.yLow, span.yHigh), plotHeight, axisMetrics.height() * 1.3)
                                 : fittedLinearAxis(std::min(0.0, span.yLow), span.yHigh, plotHeight, chart.valueUnit,
                                                    [&](const QString &) { return axisMetrics.height(); });
    const QStringList yTicks = axisTickLabels(yScale, chart.valueUnit);
    const double tickWidth = std::min(widestLine(yTicks, axisMetrics) + 2.0, rect.width() * 0.3); // wider labels are skipped
    const double titleBand = chart.valueTitle.isEmpty() ? 0.0 : titleMetrics.height() + 4.0;
    const QRectF plot(rect.left() + titleBand + tickWidth + 6.0, rect.top() + topPad,
                      std::max(1.0, rect.width() - titleBand - tickWidth - 6.0 - 10.0), plotHeight);
    const AxisScale xScale = fittedLinearAxis(std::min(0.0, span.xLow), span.xHigh, plot.width(), chart.xUnit,
                                              [&](const QString &l) { return axisMetrics.horizontalAdvance(l); });
    const QStringList xTicks = axisTickLabels(xScale, chart.xUnit);
    const auto xOf = [&](double x) { return plot.left() + xScale.fraction(x) * plot.width(); };
    const auto yOf = [&](double y) { return plot.bottom() - yScale.fraction(y) * plot.height(); };

    // Grid, ticks and axis titles.
    // Tick labels: the value axis's first, then the load axis's where they do not collide with them (the
    // two meet at the origin).
    LabelPlacer placer(QRectF(rect.left() + titleBand, rect.top(), rect.width() - titleBand, rect.height()));
    painter.setFont(axisFont);
    for (std::size_t t = 0; t < yScale.ticks.size(); ++t)
        drawHorizontalTick(painter, plot, yOf(yScale.ticks[t]), yTicks[static_cast<qsizetype>(t)], axisMetrics, placer);
    for (std::size_t t = 0; t < xScale.ticks.size(); ++t)
        drawVerticalTick(painter, rect, plot, xOf(xScale.ticks[t]), xTicks[static_cast<qsizetype>(t)], axisMetrics, placer);
    painter.setFont(titleFont);
    painter.setPen(colours::muted);
    if (!chart.xTitle.isEmpty()) {
        painter.drawText(QRectF(plot.left(), plot.bottom() + 5.0 + axisMetrics.height(), plot.width(), titleMetrics.height()),
                         static_cast<int>(Qt::AlignCenter | Qt::TextSingleLine),
                         titleMetrics.elidedText(chart.xTitle, Qt::ElideRight, plot.width()));
    }
    if (!chart.valueTitle.isEmpty()) {
        drawVerticalText(painter, QPointF(rect.left() + titleMetrics.height() / 2.0, plot.center().y()),
                         titleMetrics.elidedText(chart.valueTitle, Qt::ElideRight, plot.height()));
    }
    QPen axisPen(colours::axis, 0.9);
    axisPen.setCapStyle(Qt::FlatCap);
    painter.setPen(axisPen);
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
    painter.drawLine(plot.bottomLeft(), plot.topLeft());

    // Vertical reference lines (the design's load), labelled above the plot.
    painter.setFont(axisFont);
    for (const ChartMarker &m : chart.xMarkers) {
        if (!finite(m.value))
            continue;
        const double x = xOf(m.value);
        QPen pen(colours::muted, 0.8, Qt::DotLine);
        painter.setPen(pen);
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        const double w = axisMetrics.horizontalAdvance(m.label) + 2.0;
        painter.setPen(colours::muted);
        painter.drawText(QRectF(std::clamp(x - w / 2.0, rect.left(), rect.right() - w), rect.top(), w, axisMetrics.height()),
                         static_cast<int>(Qt::AlignCenter | Qt::TextSingleLine), m.label);
    }

    // The series, clipped to the plot (a point beyond a rounded axis end stays inside the frame).
    painter.save();
    painter.setClipRect(plot.adjusted(-4.0, -4.0, 4.0, 4.0));
    for (std::size_t i = 0; i < chart.series.size(); ++i) {
        const int index = static_cast<int>(i);
        QPen pen(seriesColour(index), 1.6, seriesDash(index));
        pen.setJoinStyle(Qt::RoundJoin);
        pen.setCapStyle(Qt::RoundCap);
        std::vector<QPointF> run; // consecutive finite points: a missing one breaks the line
        std::vector<QPointF> all;
        const auto flush = [&] {
            if (run.size() >= 2) {
                painter.setPen(pen);
                painter.setBrush(Qt::NoBrush);
                painter.drawPolyline(run.data(), static_cast<int>(run.size()));
            }
            run.clear();
        };
        for (const QPointF &p : chart.series[i].points) {
            if (!finite(p.x()) || !finite(p.y()) || (yScale.logarithmic && p.y() <= 0.0)) {
                flush();
                continue;
            }
            run.emplace_back(xOf(p.x()), yOf(p.y()));
            all.push_back(run.back());
        }
        flush();
        // Point marks, thinned on dense series so they stay marks rather than a smear.
        const std::size_t every = std::max<std::size_t>(1, all.size() / 16);
        painter.setPen(QPen(Qt::white, 0.5));
        painter.setBrush(seriesColour(index));
        for (std::size_t p = 0; p < all.size(); p += every)
            drawPointMark(painter, index, all[p], 2.4);
    }
    painter.restore();

    // Horizontal reference lines (the SLA), labelled at the right end above the line.
    painter.setFont(axisFont);
    for (const ChartMarker &m : chart.markers) {
        if (!finite(m.value) || (yScale.logarithmic && m.value <= 0.0))
            continue;
        const double y = yOf(m.value);
        QPen pen(colours::reference, 1.1, Qt::DashLine);
        pen.setCapStyle(Qt::FlatCap);
        painter.setPen(pen);
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        const double w = axisMetrics.horizontalAdvance(m.label) + 6.0;
        const QRectF box(plot.right() - w - 2.0, y - axisMetrics.height() - 1.5, w, axisMetrics.height());
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(255, 255, 255, 220)); // keeps the label readable where a line passes behind it
        painter.drawRect(box);
        painter.setPen(colours::reference);
        painter.drawText(box, static_cast<int>(Qt::AlignCenter | Qt::TextSingleLine), m.label);
    }
}

} // namespace iovplan::reports::chartdrawing
