#include "dropghostitem.h"

#include "canvasstyle.h"

#include <QPainter>

namespace iovplan::ui {

namespace {
constexpr qreal reasonWidth = 360.0;
constexpr qreal reasonHeight = 40.0;
} // namespace

DropGhostItem::DropGhostItem()
{
    setZValue(100.0);
    setAcceptedMouseButtons(Qt::NoButton);
    hide();
}

void DropGhostItem::show(const QRectF &rect, const QString &label, const QString &refusal)
{
    prepareGeometryChange();
    m_rect = rect;
    m_label = label;
    m_refusal = refusal;
    setVisible(true);
    update();
}

QRectF DropGhostItem::boundingRect() const
{
    return m_rect.adjusted(-2, -2, 2, 2).united(QRectF(m_rect.left(), m_rect.bottom(), reasonWidth, reasonHeight + 4));
}

void DropGhostItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const bool ok = m_refusal.isEmpty();
    const QColor color = ok ? QColor(0x2e, 0xcc, 0x71) : QColor(0xe7, 0x4c, 0x3c);
    QColor fill = color;
    fill.setAlpha(70);
    painter->setPen(QPen(color, 2, Qt::DashLine));
    painter->setBrush(fill);
    painter->drawRect(m_rect);
    painter->setPen(Qt::white);
    painter->setFont(canvasstyle::canvasFont(10, true));
    painter->drawText(m_rect.adjusted(6, 0, -4, 0), Qt::AlignLeft | Qt::AlignVCenter,
                      painter->fontMetrics().elidedText(m_label, Qt::ElideRight, qRound(m_rect.width() - 10)));
    if (ok)
        return;
    // The reason in a callout under the ghost, so it is readable while the cursor stays put.
    const QRectF callout(m_rect.left(), m_rect.bottom() + 4, reasonWidth, reasonHeight);
    painter->setPen(QPen(color, 1));
    painter->setBrush(QColor(0x2b, 0x1a, 0x1a, 235));
    painter->drawRoundedRect(callout, 4, 4);
    painter->setPen(Qt::white);
    painter->setFont(canvasstyle::canvasFont(11));
    painter->drawText(callout.adjusted(8, 2, -8, -2), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, m_refusal);
}

} // namespace iovplan::ui
