#include "fabricitem.h"

#include "canvasstyle.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>

namespace iovplan::ui {

FabricItem::FabricItem(const design::Fabric &fabric, const QRectF &rect)
{
    setFlag(ItemIsSelectable);
    setZValue(1.0);
    setFabric(fabric, rect);
}

void FabricItem::setFabric(const design::Fabric &fabric, const QRectF &rect)
{
    prepareGeometryChange();
    m_fabric = fabric;
    m_rect = rect;
    setData(objectIdDataKey, fabric.id);
    update();
}

QString FabricItem::protocol() const
{
    return canvasstyle::fabricProtocol(m_fabric.kind);
}

QPointF FabricItem::attachPoint(QPointF from) const
{
    const qreal x = std::clamp(from.x(), m_rect.left() + 4, m_rect.right() - 4);
    return QPointF(x, from.y() > m_rect.center().y() ? m_rect.bottom() : m_rect.top());
}

void FabricItem::setHighlighted(bool on)
{
    if (on != m_highlighted) {
        m_highlighted = on;
        update();
    }
}

QRectF FabricItem::boundingRect() const
{
    return m_rect.adjusted(-3, -3, 3, 3);
}

void FabricItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QColor color = canvasstyle::protocolColor(protocol());
    QColor fill = color;
    fill.setAlpha(canvasstyle::darkPalette() ? 90 : 60);
    painter->setPen(QPen(color, 1.5));
    painter->setBrush(fill);
    painter->drawRoundedRect(m_rect, 4, 4);
    if (isSelected() || m_highlighted) {
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(m_highlighted ? color : canvasstyle::selectionColor(), 3));
        painter->drawRoundedRect(m_rect.adjusted(-1.5, -1.5, 1.5, 1.5), 5, 5);
    }
    if (canvasstyle::levelOfDetail(option, painter) < canvasstyle::labelLod * 0.5)
        return;
    painter->setPen(canvasstyle::canvasTextColor());
    painter->setFont(canvasstyle::canvasFont(12, true));
    const QString kind = design::fabricKindName(m_fabric.kind).toUpper();
    const QString text = QStringLiteral("%1  ·  %2").arg(m_fabric.name.isEmpty() ? m_fabric.id : m_fabric.name, kind);
    painter->drawText(m_rect.adjusted(10, 0, -10, 0), Qt::AlignLeft | Qt::AlignVCenter, text);
    painter->drawText(m_rect.adjusted(10, 0, -10, 0), Qt::AlignRight | Qt::AlignVCenter, text);
}

} // namespace iovplan::ui
