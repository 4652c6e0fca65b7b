#include "chartdrawing.h"

#include <QPaintDevice>
#include <QPainterPath>
#include <QPolygonF>

#include <algorithm>
#include "reports/layout/reportfonts.h"

#include <array>

namespace iovplan::reports::chartdrawing {

QString fontFamily()
{
    return reportFontFamily();
}

QColor seriesColour(int index)
{
    static const std::array<QColor, 7> palette { QColor(0x00, 0x72, 0xb2), QColor(0xe6, 0x9f, 0x00),
                                                 QColor(0x00, 0x9e, 0x73), QColor(0xcc, 0x79, 0xa7),
                                                 QColor(0x56, 0xb4, 0xe9), QColor(0xf0, 0xe4, 0x42),
                                                 QColor(0x00, 0x00, 0x00) };
    return palette[static_cast<std::size_t>(std::max(0, index)) % palette.size()];
}

QColor textOn(const QColor &background)
{
    // Relative luminance, sRGB weights (WCAG): light backgrounds take dark text.
    const double luminance = 0.2126 * double(background.redF()) + 0.7152 * double(background.greenF())
                             + 0.0722 * double(background.blueF());
    return luminance > 0.45 ? colours::text : QColor(Qt::white);
}

Qt::PenStyle seriesDash(int index)
{
    static const std::array<Qt::PenStyle, 4> dashes { Qt::SolidLine, Qt::DashLine, Qt::DotLine, Qt::DashDotLine };
    return dashes[static_cast<std::size_t>(std::max(0, index)) % dashes.size()];
}

void drawPointMark(QPainter &painter, int index, const QPointF &at, double radius)
{
    const double r = radius;
    switch (std::max(0, index) % 4) {
    case 0:
        painter.drawEllipse(at, r, r);
        break;
    case 1:
        painter.drawRect(QRectF(at.x() - 0.9 * r, at.y() - 0.9 * r, 1.8 * r, 1.8 * r));
        break;
    case 2:
        painter.drawPolygon(QPolygonF({ QPointF(at.x(), at.y() - 1.15 * r), QPointF(at.x() + r, at.y() + 0.75 * r),
                                        QPointF(at.x() - r, at.y() + 0.75 * r) }));
        break;
    default:
        painter.drawPolygon(QPolygonF({ QPointF(at.x(), at.y() - 1.2 * r), QPointF(at.x() + 1.2 * r, at.y()),
                                        QPointF(at.x(), at.y() + 1.2 * r), QPointF(at.x() - 1.2 * r, at.y()) }));
        break;
    }
}

QFont chartFont(const QPainter &painter, double points, bool bold)
{
    QFont font(fontFamily());
    // QFont converts points to device pixels with the device's resolution and the painter then applies its
    // own transform: undo the first so the text is `points` units tall in user space on every device.
    const QPaintDevice *device = painter.device();
    const int dpi = device != nullptr && device->logicalDpiY() > 0 ? device->logicalDpiY() : 72;
    font.setPointSizeF(points * 72.0 / dpi);
    font.setBold(bold);
    // Unhinted outlines scale exactly, so what is measured is what a scaled painter draws.
    font.setHintingPreference(QFont::PreferNoHinting);
    font.setKerning(true);
    return font;
}

QFontMetricsF metricsOf(const QPainter &painter, const QFont &font)
{
    return QFontMetricsF(font, painter.device());
}

namespace {

QString elided(const QString &text, const QFontMetricsF &metrics, double width)
{
    return metrics.elidedText(text, Qt::ElideRight, std::max(0.0, width));
}

} // namespace

QStringList wrapText(const QString &text, const QFontMetricsF &metrics, double width, int maxLines)
{
    const QStringList words = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QStringList lines;
    if (words.isEmpty())
        return lines;
    maxLines = std::max(1, maxLines);
    QString line;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString candidate = line.isEmpty() ? words[i] : line + QLatin1Char(' ') + words[i];
        if (line.isEmpty() || metrics.horizontalAdvance(candidate) <= width) {
            line = candidate;
            continue;
        }
        lines << line;
        line = words[i];
        if (lines.size() == maxLines - 1) { // the last line takes the rest
            for (qsizetype j = i + 1; j < words.size(); ++j)
                line += QLatin1Char(' ') + words[j];
            break;
        }
    }
    lines << line;
    for (QString &l : lines) {
        if (metrics.horizontalAdvance(l) > width)
            l = elided(l, metrics, width);
    }
    return lines;
}

double widestLine(const QStringList &lines, const QFontMetricsF &metrics)
{
    double widest = 0.0;
    for (const QString &l : lines)
        widest = std::max(widest, metrics.horizontalAdvance(l));
    return widest;
}

void drawLines(QPainter &painter, const QRectF &rect, const QStringList &lines, Qt::Alignment alignment)
{
    const QFontMetricsF metrics = metricsOf(painter, painter.font());
    const double lineHeight = metrics.height();
    const double blockHeight = lineHeight * static_cast<double>(lines.size());
    double y = rect.top();
    if (alignment & Qt::AlignVCenter)
        y = rect.center().y() - blockHeight / 2.0;
    else if (alignment & Qt::AlignBottom)
        y = rect.bottom() - blockHeight;
    const Qt::Alignment horizontal = alignment & Qt::AlignHorizontal_Mask;
    for (const QString &line : lines) {
        // Text may overhang its rectangle on the side away from its alignment: measured and drawn widths
        // can differ by a hair, and a clipped glyph is worse than a hair of overhang.
        QRectF r(rect.left(), y, rect.width(), lineHeight);
        if (horizontal & Qt::AlignLeft)
            r.setRight(r.right() + 50.0);
        else if (horizontal & Qt::AlignRight)
            r.setLeft(r.left() - 50.0);
        else
            r.adjust(-50.0, 0.0, 50.0, 0.0);
        painter.drawText(r, static_cast<int>(horizontal | Qt::AlignVCenter | Qt::TextSingleLine), line);
        y += lineHeight;
    }
}

void drawVerticalText(QPainter &painter, const QPointF &centre, const QString &text)
{
    const QFontMetricsF metrics = metricsOf(painter, painter.font());
    const double width = metrics.horizontalAdvance(text) + 4.0;
    painter.save();
    painter.translate(centre);
    painter.rotate(-90.0);
    painter.drawText(QRectF(-width / 2.0, -metrics.height() / 2.0, width, metrics.height()),
                     static_cast<int>(Qt::AlignCenter | Qt::TextSingleLine), text);
    painter.restore();
}

bool LabelPlacer::take(const QRectF &box)
{
    if (!m_bounds.adjusted(-0.5, -0.5, 0.5, 0.5).contains(box))
        return false;
    const QRectF padded = box.adjusted(-1.5, 0.0, 1.5, 0.0);
    for (const QRectF &t : m_taken) {
        if (padded.intersects(t))
            return false;
    }
    m_taken.push_back(box);
    return true;
}

AxisScale fittedLinearAxis(double low, double high, double length, ChartUnit unit,
                           const std::function<double(const QString &)> &labelExtent)
{
    constexpr double gap = 10.0;
    AxisScale scale;
    for (int target = std::clamp(static_cast<int>(length / 30.0), 2, 8); target >= 1; --target) {
        scale = linearAxis(low, high, target);
        const QStringList labels = axisTickLabels(scale, unit);
        const double intervals = std::max(1.0, static_cast<double>(scale.ticks.size()) - 1.0);
        double widest = 0.0;
        for (const QString &l : labels)
            widest = std::max(widest, labelExtent(l));
        if (widest + gap <= length / intervals)
            return scale;
    }
    return scale;
}

QPen gridPen()
{
    QPen pen(colours::grid, 0.6);
    pen.setCapStyle(Qt::FlatCap);
    return pen;
}

void drawVerticalTick(QPainter &painter, const QRectF &rect, const QRectF &plot, double x, const QString &label,
                      const QFontMetricsF &metrics, LabelPlacer &placer)
{
    painter.setPen(gridPen());
    painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
    const double w = metrics.horizontalAdvance(label) + 2.0;
    const QRectF box(std::max(rect.left(), std::min(x - w / 2.0, rect.right() - w)), plot.bottom() + 3.0, w, metrics.height());
    if (!placer.take(box))
        return;
    painter.setPen(colours::muted);
    painter.drawText(box, static_cast<int>(Qt::AlignCenter | Qt::TextSingleLine), label);
}

void drawHorizontalTick(QPainter &painter, const QRectF &plot, double y, const QString &label,
                        const QFontMetricsF &metrics, LabelPlacer &placer)
{
    painter.setPen(gridPen());
    painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
    const double w = metrics.horizontalAdvance(label) + 2.0;
    const QRectF box(plot.left() - 5.0 - w, y - metrics.height() / 2.0, w, metrics.height());
    if (!placer.take(box))
        return;
    painter.setPen(colours::muted);
    painter.drawText(box, static_cast<int>(Qt::AlignRight | Qt::AlignVCenter | Qt::TextSingleLine), label);
}

} // namespace iovplan::reports::chartdrawing
