#pragma once
// Short labels drawn fast: a rack drawing has hundreds of names, models and U numbers, and QPainter::drawText
// shapes each one (HarfBuzz, itemising) before the PDF engine writes it. Labels here are mapped straight from
// the font's character map to glyphs with design advances (no kerning, no ligatures: right for names and
// part numbers) and drawn as glyph runs, elided with "…" to the room they get. Text the font cannot map
// falls back to QPainter::drawText.

#include <QGlyphRun>
#include <QPainter>
#include <QPointF>
#include <QRawFont>
#include <QString>

#include <vector>

namespace iovplan::reports {

/// One font at one size, in the painter's coordinates, for drawing many labels.
class RackLabelFont
{
public:
    /// `size`: the font's pixel size in the painter's coordinates (points when the painter draws in points).
    RackLabelFont(const QPainter &painter, double size, bool bold);

    [[nodiscard]] double ascent() const { return m_ascent; }
    [[nodiscard]] double descent() const { return m_descent; }
    [[nodiscard]] double height() const { return m_ascent + m_descent; }
    /// The baseline that centres a line on `centreY`.
    [[nodiscard]] double centredBaseline(double centreY) const { return centreY + (m_ascent - m_descent) / 2.0; }

    /// The width `text` takes.
    [[nodiscard]] double width(const QString &text) const;
    /// Draws `text` with its baseline's left end at `origin`, elided with "…" to `room` (nothing when even
    /// "…" does not fit). Returns the width drawn and whether the text was drawn whole.
    struct Drawn
    {
        double width = 0.0;
        bool whole = false;
    };
    Drawn draw(QPainter &painter, QPointF origin, const QString &text, double room) const;
    /// Draws `text` whole, its right end at `right`.
    void drawRightAligned(QPainter &painter, double right, double baseline, const QString &text) const;

private:
    struct Shaped
    {
        QList<quint32> glyphs;
        QList<QPointF> advances;
        bool mapped = true; ///< every character has a glyph
    };
    [[nodiscard]] Shaped shape(const QString &text) const;
    void drawFallback(QPainter &painter, QPointF origin, const QString &text) const;

    QRawFont m_raw;
    QFont m_font; ///< for the fallback, sized for the painter's device
    const QPaintDevice *m_device = nullptr;
    double m_ascent = 0.0;
    double m_descent = 0.0;
    quint32 m_ellipsis = 0;
    double m_ellipsisWidth = 0.0;
};

} // namespace iovplan::reports
