#include "racklabels.h"

#include "rackstyle.h"

#include <QFontMetricsF>

#include <algorithm>

namespace iovplan::reports {

namespace {
const QString ellipsis = QStringLiteral("…");
}

RackLabelFont::RackLabelFont(const QPainter &painter, double size, bool bold)
    : m_font(rackFont(painter, size, bold)), m_device(painter.device())
{
    QFont base(rackFontFamily());
    base.setBold(bold);
    m_raw = QRawFont::fromFont(base);
    if (m_raw.isValid()) {
        m_raw.setPixelSize(std::max(0.1, size));
        m_ascent = m_raw.ascent();
        m_descent = m_raw.descent();
        const QList<quint32> glyphs = m_raw.glyphIndexesForString(ellipsis);
        if (glyphs.size() == 1 && glyphs.front() != 0) {
            m_ellipsis = glyphs.front();
            m_ellipsisWidth = m_raw.advancesForGlyphIndexes(glyphs, QRawFont::UseDesignMetrics).front().x();
        }
    } else {
        const QFontMetricsF metrics(m_font, m_device);
        m_ascent = metrics.ascent();
        m_descent = metrics.descent();
    }
}

RackLabelFont::Shaped RackLabelFont::shape(const QString &text) const
{
    Shaped shaped;
    if (!m_raw.isValid() || m_ellipsis == 0) {
        shaped.mapped = false;
        return shaped;
    }
    shaped.glyphs = m_raw.glyphIndexesForString(text);
    shaped.mapped = std::none_of(shaped.glyphs.begin(), shaped.glyphs.end(), [](quint32 g) { return g == 0; });
    if (shaped.mapped)
        shaped.advances = m_raw.advancesForGlyphIndexes(shaped.glyphs, QRawFont::UseDesignMetrics);
    return shaped;
}

double RackLabelFont::width(const QString &text) const
{
    const Shaped shaped = shape(text);
    if (!shaped.mapped)
        return QFontMetricsF(m_font, m_device).horizontalAdvance(text);
    double total = 0.0;
    for (const QPointF &advance : shaped.advances)
        total += advance.x();
    return total;
}

void RackLabelFont::drawFallback(QPainter &painter, QPointF origin, const QString &text) const
{
    painter.setFont(m_font);
    painter.drawText(origin, text);
}

RackLabelFont::Drawn RackLabelFont::draw(QPainter &painter, QPointF origin, const QString &text, double room) const
{
    if (text.isEmpty() || room <= 0.0)
        return { 0.0, text.isEmpty() };
    Shaped shaped = shape(text);
    if (!shaped.mapped) {
        const QFontMetricsF metrics(m_font, painter.device());
        const QString elided = metrics.elidedText(text, Qt::ElideRight, room);
        drawFallback(painter, origin, elided);
        return { metrics.horizontalAdvance(elided), elided == text };
    }
    // Positions along the baseline; cut the run where the rest no longer fits with "…" after it.
    const qsizetype count = shaped.glyphs.size();
    QList<QPointF> positions;
    positions.reserve(count + 1);
    double x = 0.0;
    qsizetype kept = count;
    for (qsizetype i = 0; i < count; ++i) {
        positions.append(QPointF(x, 0.0));
        x += shaped.advances[i].x();
    }
    const double total = x;
    const bool whole = total <= room + 1e-9;
    if (!whole) {
        kept = 0;
        while (kept < count && positions[kept].x() + shaped.advances[kept].x() + m_ellipsisWidth <= room)
            ++kept;
        if (kept == 0 && m_ellipsisWidth > room)
            return { 0.0, false };
        shaped.glyphs.resize(kept);
        positions.resize(kept);
        const double end = kept == 0 ? 0.0 : positions[kept - 1].x() + shaped.advances[kept - 1].x();
        shaped.glyphs.append(m_ellipsis);
        positions.append(QPointF(end, 0.0));
    }
    QGlyphRun run;
    run.setRawFont(m_raw);
    run.setGlyphIndexes(shaped.glyphs);
    run.setPositions(positions);
    painter.drawGlyphRun(origin, run);
    const double drawn = whole ? total : positions.back().x() + m_ellipsisWidth;
    return { drawn, whole };
}

void RackLabelFont::drawRightAligned(QPainter &painter, double right, double baseline, const QString &text) const
{
    const double w = width(text);
    draw(painter, QPointF(right - w, baseline), text, w + 1.0);
}

} // namespace iovplan::reports
