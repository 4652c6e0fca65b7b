#include "portitem.h"

#include "canvasstyle.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace iovplan::ui {

PortItem::PortItem(const design::CableEnd &end, const QString &protocol, const QRectF &rect, QGraphicsItem *parent)
    : QGraphicsItem(parent), m_end(end), m_protocol(protocol), m_rect(rect)
{
    setAcceptHoverEvents(false);
    setZValue(2.0);
}

void PortItem::setCableId(const QString &cableId)
{
    if (cableId != m_cableId) {
        m_cableId = cableId;
        update();
    }
}

void PortItem::setHighlighted(bool on)
{
    if (on != m_highlighted) {
        m_highlighted = on;
        update();
    }
}

void PortItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    if (canvasstyle::levelOfDetail(option, painter) < canvasstyle::detailLod && !m_highlighted)
        return;
    const QColor color = canvasstyle::protocolColor(m_protocol);
    painter->setPen(QPen(m_highlighted ? canvasstyle::selectionColor() : color.lighter(130), m_highlighted ? 1.5 : 0.8));
    painter->setBrush(isFree() ? QColor(0x12, 0x14, 0x17) : color);
    painter->drawRect(m_rect.adjusted(0.4, 0.4, -0.4, -0.4));
}

} // namespace iovplan::ui
