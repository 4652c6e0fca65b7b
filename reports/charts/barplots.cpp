// The two bar plots: horizontal bars (one series, categories top-down) and grouped vertical bars.

#include "chartdrawing.h"
#include "chartvalueformat.h"

#include <algorithm>
#include <limits>

namespace iovplan::reports::chartdrawing {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

double valueAt(const ChartSeries &series, qsizetype category)
{
    const auto i = static_cast<std::size_t>(category);
    return i < series.values.size() ? series.values[i] : nan;
}

// The span an axis must cover: zero, every finite value of the plotted series and every reference line; a
// share axis always reaches 100 % so shares compare across charts.
std::pair<double, double> valueSpan(const Chart &chart, std::size_t seriesCount)
{
    double low = 0.0;
    double high = 0.0;
    for (std::size_t s = 0; s < std::min(seriesCount, chart.series.size()); ++s) {
        for (qsizetype c = 0; c < chart.categories.size(); ++c) {
            const double v = valueAt(chart.series[s], c);
            if (finite(v)) {
                low = std::min(low, v);
                high = std::max(high, v);
            }
        }
    }
    for (const ChartMarker &m : chart.markers) {
        if (finite(m.value)) {
            low = std::min(low, m.value);
            high = std::max(high, m.value);
        }
    }
    if (chart.valueUnit == ChartUnit::Share)
        high = std::max(high, 1.0);
    if (high <= low)
        high = low + 1.0;
    return { low, high };
}

QPen baselinePen()
{
    QPen pen(colours::axis, 0.9);
    pen.setCapStyle(Qt::FlatCap);
    return pen;
}

QPen referencePen()
{
    QPen pen(colours::reference, 1.0, Qt::DashLine);
    pen.setCapStyle(Qt::FlatCap);
    return pen;
}

QColor barColour(const Chart &chart, int series, qsizetype category)
{
    if (chart.highlighted >= 0 && category == chart.highlighted && chart.kind == ChartKind::Bars)
        return colours::accent;
    return seriesColour(series);
}

} // namespace

void paintHorizontalBars(QPainter &painter, const QRectF &rect, const Chart &chart)
{
    const ChartSeries &series = chart.series.front();
    const qsizetype n = chart.categories.size();
    const QFont axisFont = chartFont(painter, sizes::axis);
    const QFont labelFont = chartFont(painter, sizes::axis + 0.5);
    const QFont labelBold = chartFont(painter, sizes::axis + 0.5, true);
    const QFont valueFont = chartFont(painter, sizes::valueLabel);
    const QFont titleFont = chartFont(painter, sizes::axisTitle);
    const QFontMetricsF axisMetrics = metricsOf(painter, axisFont);
    const QFontMetricsF labelMetrics = metricsOf(painter, labelFont);
    const QFontMetricsF boldMetrics = metricsOf(painter, labelBold);
    const QFontMetricsF valueMetrics = metricsOf(painter, valueFont);
    const QFontMetricsF titleMetrics = metricsOf(painter, titleFont);

    const double topPad = chart.markers.empty() ? 2.0 : axisMetrics.height() + 3.0;
    const double bottomBand = axisMetrics.height() + 4.0 + (chart.valueTitle.isEmpty() ? 0.0 : titleMetrics.height() + 2.0);
    const double rowHeight = std::max(1.0, (rect.height() - topPad - bottomBand) / static_cast<double>(std::max<qsizetype>(1, n)));
    const int maxLines = std::clamp(static_cast<int>(rowHeight * 0.95 / labelMetrics.height()), 1, 2);

    // The category column: as wide as the widest label, at most 38 % of the chart; longer labels wrap.
    const double columnLimit = rect.width() * 0.38;
    std::vector<QStringList> labels;
    double column = 0.0;
    for (qsizetype i = 0; i < n; ++i) {
        const QFontMetricsF &m = i == chart.highlighted ? boldMetrics : labelMetrics;
        labels.push_back(wrapText(chart.categories[i], m, columnLimit, maxLines));
        column = std::max(column, widestLine(labels.back(), m));
    }
    const QRectF plot(rect.left() + column + 8.0, rect.top() + topPad, std::max(1.0, rect.width() - column - 14.0),
                      std::max(1.0, rect.height() - topPad - bottomBand));

    const auto [low, high] = valueSpan(chart, 1);
    const AxisScale scale = fittedLinearAxis(low, high, plot.width(), chart.valueUnit,
                                             [&](const QString &l) { return axisMetrics.horizontalAdvance(l); });
    const auto xOf = [&](double v) { return plot.left() + scale.fraction(v) * plot.width(); };

    // Grid and tick labels.
    const QStringList ticks = axisTickLabels(scale, chart.valueUnit);
    LabelPlacer placer(rect);
    painter.setFont(axisFont);
    for (std::size_t t = 0; t < scale.ticks.size(); ++t)
        drawVerticalTick(painter, rect, plot, xOf(scale.ticks[t]), ticks[static_cast<qsizetype>(t)], axisMetrics, placer);
    if (!chart.valueTitle.isEmpty()) {
        painter.setFont(titleFont);
        painter.setPen(colours::muted);
        painter.drawText(QRectF(plot.left(), plot.bottom() + 4.0 + axisMetrics.height(), plot.width(), titleMetrics.height()),
                         static_cast<int>(Qt::AlignCenter | Qt::TextSingleLine),
                         titleMetrics.elidedText(chart.valueTitle, Qt::ElideRight, plot.width()));
    }

    // Bars, their labels and their values.
    const double thickness = std::min(rowHeight * 0.64, 22.0);
    const double zero = xOf(std::clamp(0.0, scale.min, scale.max));
    for (qsizetype i = 0; i < n; ++i) {
        const double rowTop = plot.top() + static_cast<double>(i) * rowHeight;
        const double centre = rowTop + rowHeight / 2.0;
        painter.setFont(i == chart.highlighted ? labelBold : labelFont);
        painter.setPen(colours::text);
        drawLines(painter, QRectF(rect.left(), rowTop, column, rowHeight), labels[static_cast<std::size_t>(i)],
                  Qt::AlignRight | Qt::AlignVCenter);

        const double v = valueAt(series, i);
        if (!finite(v))
            continue;
        const double end = xOf(v);
        const QColor fill = barColour(chart, 0, i);
        const QRectF bar(std::min(zero, end), centre - thickness / 2.0, std::abs(end - zero), thickness);
        painter.setPen(Qt::NoPen);
        painter.setBrush(fill);
        painter.drawRect(bar);

        // Past the bar's end; inside it (in a colour that reads on it) when there is no room past it; elided
        // only when neither has room (absurd values).
        QString text = formatChartValue(chart.valueUnit, v);
        double w = valueMetrics.horizontalAdvance(text) + 2.0;
        const double roomOutside = v >= 0.0 ? rect.right() - bar.right() - 3.0 : bar.left() - 3.0 - rect.left();
        const double roomInside = bar.width() - 6.0;
        const bool outside = w <= roomOutside || (w > roomInside && roomOutside >= roomInside);
        const double room = outside ? roomOutside : roomInside;
        if (w > room) {
            text = valueMetrics.elidedText(text, Qt::ElideRight, std::max(0.0, room - 2.0));
            w = valueMetrics.horizontalAdvance(text) + 2.0;
        }
        const double left = v >= 0.0 ? (outside ? bar.right() + 3.0 : bar.right() - 3.0 - w)
                                     : (outside ? bar.left() - 3.0 - w : bar.left() + 3.0);
        painter.setFont(valueFont);
        painter.setPen(outside ? colours::text : textOn(fill));
        if (!text.isEmpty()) {
            painter.drawText(QRectF(left, centre - valueMetrics.height() / 2.0, w, valueMetrics.height()),
                             static_cast<int>(Qt::AlignCenter | Qt::TextSingleLine), text);
        }
    }
    painter.setPen(baselinePen());
    painter.drawLine(QPointF(zero, plot.top()), QPointF(zero, plot.bottom()));

    // Reference lines across the bars, labelled above the plot.
    painter.setFont(axisFont);
    for (const ChartMarker &m : chart.markers) {
        if (!finite(m.value))
            continue;
        const double x = xOf(m.value);
        painter.setPen(referencePen());
        painter.drawLine(QPointF(x, plot.top() - 1.0), QPointF(x, plot.bottom()));
        const double w = axisMetrics.horizontalAdvance(m.label) + 2.0;
        painter.setPen(colours::reference);
        painter.drawText(QRectF(std::clamp(x - w / 2.0, rect.left(), rect.right() - w), rect.top(), w, axisMetrics.height()),
                         static_cast<int>(Qt::AlignCenter | Qt::TextSingleLine), m.label);
    }
}

void paintGroupedBars(QPainter &painter, const QRectF &rect, const Chart &chart)
{
    const qsizetype categories = chart.categories.size();
    const int seriesCount = static_cast<int>(chart.series.size());
    const QFont axisFont = chartFont(painter, sizes::axis);
    const QFont labelFont = chartFont(painter, sizes::axis + 0.5);
    const QFont labelBold = chartFont(painter, sizes::axis + 0.5, true);
    const QFont titleFont = chartFont(painter, sizes::axisTitle);
    const QFontMetricsF axisMetrics = metricsOf(painter, axisFont);
    const QFontMetricsF labelMetrics = metricsOf(painter, labelFont);
    const QFontMetricsF boldMetrics = metricsOf(painter, labelBold);
    const QFontMetricsF titleMetrics = metricsOf(painter, titleFont);

    const auto [low, high] = valueSpan(chart, chart.series.size());
    const auto tickExtent = [&](const QString &) { return axisMetrics.height(); };
    const auto widestTick = [&](const AxisScale &s) { return widestLine(axisTickLabels(s, chart.valueUnit), axisMetrics) + 2.0; };

    // Left band (axis title, tick labels) and bottom band (category labels) depend on each other through
    // the plot's size: a first guess, then the real layout.
    const double titleBand = chart.valueTitle.isEmpty() ? 0.0 : titleMetrics.height() + 4.0;
    AxisScale scale = fittedLinearAxis(low, high, rect.height() * 0.7, chart.valueUnit, tickExtent);
    double leftBand = titleBand + std::min(widestTick(scale), rect.width() * 0.3) + 6.0;
    const double groupWidth = std::max(1.0, (rect.width() - leftBand - 4.0) / static_cast<double>(std::max<qsizetype>(1, categories)));
    std::vector<QStringList> labels;
    int lines = 1;
    for (qsizetype i = 0; i < categories; ++i) {
        const QFontMetricsF &m = i == chart.highlighted ? boldMetrics : labelMetrics;
        labels.push_back(wrapText(chart.categories[i], m, groupWidth - 6.0, 3));
        lines = std::max(lines, static_cast<int>(labels.back().size()));
    }
    const double valueRoom = metricsOf(painter, chartFont(painter, sizes::valueLabel)).height() + 3.0;
    const double bottomBand = labelMetrics.height() * lines + 5.0;
    QRectF plot(rect.left() + leftBand, rect.top() + valueRoom, std::max(1.0, rect.width() - leftBand - 4.0),
                std::max(1.0, rect.height() - valueRoom - bottomBand));
    scale = fittedLinearAxis(low, high, plot.height(), chart.valueUnit, tickExtent);
    const double tickWidth = std::min(widestTick(scale), rect.width() * 0.3); // wider labels are skipped
    leftBand = titleBand + tickWidth + 6.0;
    plot = QRectF(rect.left() + leftBand, plot.top(), std::max(1.0, rect.width() - leftBand - 4.0), plot.height());
    const auto yOf = [&](double v) { return plot.bottom() - scale.fraction(v) * plot.height(); };

    // Grid, tick labels and the axis title.
    const QStringList ticks = axisTickLabels(scale, chart.valueUnit);
    LabelPlacer placer(QRectF(rect.left() + titleBand, rect.top(), rect.width() - titleBand, rect.height()));
    painter.setFont(axisFont);
    for (std::size_t t = 0; t < scale.ticks.size(); ++t)
        drawHorizontalTick(painter, plot, yOf(scale.ticks[t]), ticks[static_cast<qsizetype>(t)], axisMetrics, placer);
    if (!chart.valueTitle.isEmpty()) {
        painter.setFont(titleFont);
        painter.setPen(colours::muted);
        drawVerticalText(painter, QPointF(rect.left() + titleMetrics.height() / 2.0, plot.center().y()),
                         titleMetrics.elidedText(chart.valueTitle, Qt::ElideRight, plot.height()));
    }

    // Bars: a cluster per category, one bar per series.
    const double group = plot.width() / static_cast<double>(std::max<qsizetype>(1, categories));
    const double cluster = group * (seriesCount > 1 ? 0.8 : 0.55);
    const double slot = cluster / std::max(1, seriesCount);
    const double barWidth = slot * (seriesCount > 1 ? 0.9 : 1.0);
    const double zero = yOf(std::clamp(0.0, scale.min, scale.max));

    // Value labels: level above each bar when every one fits its bar's slot, else turned to read upwards
    // (inside the bar's top when it is long enough), at a smaller size if the bars are narrow; none when not
    // even that fits: labels never overlap.
    QFont valueFont = chartFont(painter, sizes::valueLabel);
    double widestValue = 0.0;
    for (const ChartSeries &s : chart.series) {
        for (qsizetype c = 0; c < categories; ++c) {
            const double v = valueAt(s, c);
            if (finite(v))
                widestValue = std::max(widestValue, metricsOf(painter, valueFont).horizontalAdvance(formatChartValue(chart.valueUnit, v)));
        }
    }
    const double levelRoom = seriesCount > 1 ? slot - 1.0 : group - 4.0;
    const bool level = widestValue <= levelRoom;
    if (!level && metricsOf(painter, valueFont).height() > barWidth)
        valueFont = chartFont(painter, sizes::valueLabel - 1.0);
    const QFontMetricsF valueMetrics = metricsOf(painter, valueFont);
    const bool turned = !level && valueMetrics.height() <= barWidth + 1.0;

    for (qsizetype c = 0; c < categories; ++c) {
        const double clusterLeft = plot.left() + static_cast<double>(c) * group + (group - cluster) / 2.0;
        for (int s = 0; s < seriesCount; ++s) {
            const double v = valueAt(chart.series[static_cast<std::size_t>(s)], c);
            if (!finite(v))
                continue;
            const double x = clusterLeft + static_cast<double>(s) * slot + (slot - barWidth) / 2.0;
            const double top = yOf(v);
            const QColor fill = barColour(chart, s, c);
            const QRectF bar(x, std::min(top, zero), barWidth, std::abs(zero - top));
            painter.setPen(Qt::NoPen);
            painter.setBrush(fill);
            painter.drawRect(bar);

            QString text = formatChartValue(chart.valueUnit, v);
            painter.setFont(valueFont);
            double w = valueMetrics.horizontalAdvance(text);
            if (level) {
                const double y = v >= 0.0 ? bar.top() - valueMetrics.height() - 1.0 : bar.bottom() + 1.0;
                painter.setPen(colours::text);
                painter.drawText(QRectF(bar.center().x() - w / 2.0 - 20.0, y, w + 40.0, valueMetrics.height()),
                                 static_cast<int>(Qt::AlignCenter | Qt::TextSingleLine), text);
            } else if (turned) {
                const bool inside = bar.height() >= w + 6.0 || bar.top() - w - 4.0 < rect.top();
                if (inside && w > bar.height() - 6.0) { // absurd values only: no room anywhere
                    text = valueMetrics.elidedText(text, Qt::ElideRight, std::max(0.0, bar.height() - 6.0));
                    w = valueMetrics.horizontalAdvance(text);
                }
                const double cy = v >= 0.0 ? (inside ? bar.top() + 3.0 + w / 2.0 : bar.top() - 3.0 - w / 2.0)
                                           : (inside ? bar.bottom() - 3.0 - w / 2.0 : bar.bottom() + 3.0 + w / 2.0);
                painter.setPen(inside ? textOn(fill) : colours::text);
                drawVerticalText(painter, QPointF(bar.center().x(), cy), text);
            }
        }
        painter.setFont(c == chart.highlighted ? labelBold : labelFont);
        painter.setPen(c == chart.highlighted ? colours::accent : colours::text);
        drawLines(painter, QRectF(plot.left() + static_cast<double>(c) * group + 2.0, plot.bottom() + 4.0, group - 4.0, bottomBand),
                  labels[static_cast<std::size_t>(c)], Qt::AlignHCenter | Qt::AlignTop);
    }
    painter.setPen(baselinePen());
    painter.drawLine(QPointF(plot.left(), zero), QPointF(plot.right(), zero));

    // Reference lines across the groups, labelled at the right end above the line.
    painter.setFont(axisFont);
    for (const ChartMarker &m : chart.markers) {
        if (!finite(m.value))
            continue;
        const double y = yOf(m.value);
        painter.setPen(referencePen());
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        painter.setPen(colours::reference);
        painter.drawText(QRectF(plot.left(), y - axisMetrics.height() - 1.0, plot.width() - 2.0, axisMetrics.height()),
                         static_cast<int>(Qt::AlignRight | Qt::AlignVCenter | Qt::TextSingleLine), m.label);
    }
}

} // namespace iovplan::reports::chartdrawing
