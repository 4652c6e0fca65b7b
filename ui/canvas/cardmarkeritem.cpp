#include "cardmarkeritem.h"

#include "canvasstyle.h"

#include "ui/editing/designselection.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace iovplan::ui {

CardMarkerItem::CardMarkerItem(const QString &deviceId, const FaceSlot &slot, const QRectF &rect, QGraphicsItem *parent)
    : QGraphicsItem(parent), m_deviceId(deviceId), m_slot(slot), m_rect(rect)
{
    setFlag(ItemIsSelectable, !isEmpty());
    setData(objectIdDataKey, DesignSelection::cardId(deviceId, slot.slot));
    setZValue(1.0);
}

void CardMarkerItem::setHighlighted(bool on)
{
    if (on != m_highlighted) {
        m_highlighted = on;
        update();
    }
}

void CardMarkerItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal lod = canvasstyle::levelOfDetail(option, painter);
    if (lod < canvasstyle::labelLod && !m_highlighted)
        return;
    const QColor accent = canvasstyle::protocolColor(m_slot.protocol);
    if (isEmpty()) {
        painter->setPen(QPen(QColor(255, 255, 255, 70), 0.8, Qt::DashLine));
        painter->setBrush(QColor(0, 0, 0, 50));
    } else {
        painter->setPen(QPen(accent.darker(120), 0.8));
        painter->setBrush(QColor(0x1b, 0x1f, 0x25));
    }
    painter->drawRect(m_rect);
    if (!isEmpty()) // a coloured bracket on the left, like a card's bracket
        painter->fillRect(QRectF(m_rect.left(), m_rect.top(), 2.5, m_rect.height()), accent);
    if (m_highlighted || isSelected()) {
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(canvasstyle::selectionColor(), 2));
        painter->drawRect(m_rect.adjusted(-1, -1, 1, 1));
    }
    if (lod < canvasstyle::detailLod || m_rect.height() < 16)
        return;
    // The card's model (or the slot number when empty) along the top of the marker.
    painter->setPen(QColor(0xc8, 0xcd, 0xd4));
    painter->setFont(canvasstyle::canvasFont(6.5));
    const QString text = isEmpty() ? QStringLiteral("%1 %2").arg(m_slot.kindLabel).arg(m_slot.slot) : m_slot.label;
    painter->drawText(m_rect.adjusted(4, 1, -1, 0), Qt::AlignLeft | Qt::AlignTop,
                      painter->fontMetrics().elidedText(text, Qt::ElideRight, qRound(m_rect.width() - 5)));
}

} // namespace iovplan::ui
