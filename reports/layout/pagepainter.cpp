#include "reports/layout/pagepainter.h"

#include <QPen>

#include <optional>

namespace iovplan::reports::pagelayout {

namespace {

// Sets font and pen only when they change: every change is written into the PDF's content stream.
class TextPainter
{
public:
    TextPainter(QPainter &painter, const ReportFonts &fonts)
        : m_painter(painter)
        , m_fonts(fonts)
    {
    }

    void draw(FontRole role, const QColor &color, QPointF baseline, const QString &text)
    {
        if (text.isEmpty())
            return;
        if (!m_font || *m_font != role) {
            m_painter.setFont(m_fonts.font(role));
            m_font = role;
        }
        if (!m_pen || m_pen->color() != color) {
            m_pen = QPen(color);
            m_painter.setPen(*m_pen);
        }
        m_painter.drawText(baseline, text);
    }
    /// Another component set the pen: set ours again before the next text.
    void penChanged() { m_pen.reset(); }

private:
    QPainter &m_painter;
    const ReportFonts &m_fonts;
    std::optional<FontRole> m_font;
    std::optional<QPen> m_pen;
};

void paintChrome(QPainter &painter, const LaidOutDocument &document, std::size_t index, const ReportFonts &fonts)
{
    TextPainter text(painter, fonts);
    const PageGeometry &geometry = document.geometry;
    const double left = geometry.body.left();
    const double right = geometry.body.right();
    const double width = geometry.body.width();
    const QColor muted = ReportColors::muted();
    QPen rule(ReportColors::rule(), 0.5);

    const QString headerLeft = fonts.elided(FontRole::Chrome, document.chrome.headerLeft, width * 0.6 - 8.0);
    const double rightRoom = width - fonts.advance(FontRole::Chrome, headerLeft) - 16.0;
    const QString headerRight = fonts.elided(FontRole::Chrome, document.chrome.headerRight, rightRoom);
    text.draw(FontRole::Chrome, muted, QPointF(left, geometry.headerBaseline), headerLeft);
    text.draw(FontRole::Chrome, muted,
             QPointF(right - fonts.advance(FontRole::Chrome, headerRight), geometry.headerBaseline), headerRight);
    painter.setPen(rule);
    painter.drawLine(QLineF(left, geometry.headerRule, right, geometry.headerRule));
    painter.drawLine(QLineF(left, geometry.footerRule, right, geometry.footerRule));

    const QString pageLabel = QStringLiteral("Page %1 of %2").arg(index + 1).arg(document.pages.size());
    const double labelWidth = fonts.advance(FontRole::Chrome, pageLabel);
    const QString footer = fonts.elided(FontRole::Chrome, document.chrome.footer, width - labelWidth - 16.0);
    text.draw(FontRole::Chrome, muted, QPointF(left, geometry.footerBaseline), footer);
    text.draw(FontRole::Chrome, muted, QPointF(right - labelWidth, geometry.footerBaseline), pageLabel);
}

} // namespace

void paintPage(QPainter &painter, const LaidOutDocument &document, std::size_t index, const ReportFonts &fonts)
{
    if (index >= document.pages.size())
        return;
    painter.save();
    const LaidOutPage &page = document.pages[index];
    TextPainter textPainter(painter, fonts);
    for (const PageOp &op : page.ops) {
        if (const auto *text = std::get_if<TextOp>(&op)) {
            textPainter.draw(text->font, text->color, text->baseline, text->text);
        } else if (const auto *line = std::get_if<LineOp>(&op)) {
            QPen pen(line->color, line->width);
            if (line->dotted) {
                // Round dots every 4 points: a near-zero dash with round caps, in units of the pen width.
                pen.setCapStyle(Qt::RoundCap);
                pen.setDashPattern({0.01, 4.0 / line->width - 0.01});
            } else {
                pen.setCapStyle(Qt::FlatCap);
            }
            painter.setPen(pen);
            textPainter.penChanged();
            painter.drawLine(line->line);
        } else if (const auto *rect = std::get_if<RectOp>(&op)) {
            painter.fillRect(rect->rect, rect->fill);
        } else if (const auto *figure = std::get_if<FigureOp>(&op)) {
            if (!figure->figure || figure->natural.width() <= 0 || figure->natural.height() <= 0)
                continue;
            painter.save();
            painter.translate(figure->target.topLeft());
            painter.scale(figure->target.width() / figure->natural.width(),
                          figure->target.height() / figure->natural.height());
            figure->figure->paint(painter, QRectF(QPointF(0, 0), figure->natural));
            painter.restore(); // back to the font and pen the text painter set
        }
    }
    if (page.chrome)
        paintChrome(painter, document, index, fonts);
    painter.restore();
}

} // namespace iovplan::reports::pagelayout
