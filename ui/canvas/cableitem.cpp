#include "cableitem.h"

#include "canvasstyle.h"

#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

namespace iovplan::ui {

namespace {
constexpr qreal restingZ = 2.5;
constexpr qreal selectedZ = 6.0;
} // namespace

CableItem::CableItem(const design::Cable &cable)
    : m_cable(cable)
{
    setFlag(ItemIsSelectable);
    // Behind the device panels (z 3), in front of the racks: like a real rack's front, cables show in the
    // cable managers and between racks, and a port's fill says it is cabled. Selected cables come forward.
    setZValue(restingZ);
    setData(objectIdDataKey, cable.id);
}

void CableItem::setCable(const design::Cable &cable)
{
    m_cable = cable;
    setData(objectIdDataKey, cable.id);
}

void CableItem::setEnds(QPointF from, QPointF to, const QColor &color, bool toFabric)
{
    prepareGeometryChange();
    m_from = from;
    m_to = to;
    m_color = color;
    m_path = QPainterPath(from);
    if (toFabric) {
        // Out to the right of the panel, then up into the bar.
        const qreal bend = std::min(40.0, std::abs(to.y() - from.y()) / 3);
        m_path.cubicTo(from + QPointF(bend, 0), to + QPointF(0, bend), to);
    } else {
        // Both ends leave to the right, where a rack's cable manager runs; longer runs bow out further.
        const qreal reach = 14.0 + std::min(90.0, std::hypot(to.x() - from.x(), to.y() - from.y()) * 0.12);
        const qreal right = std::max(from.x(), to.x());
        m_path.cubicTo(QPointF(right + reach, from.y()), QPointF(right + reach, to.y()), to);
    }
    m_bounds = m_path.controlPointRect().adjusted(-3, -3, 3, 3);
    update();
}

QVariant CableItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemSelectedHasChanged)
        setZValue(value.toBool() ? selectedZ : restingZ);
    return QGraphicsItem::itemChange(change, value);
}

QPainterPath CableItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(5);
    return stroker.createStroke(m_path);
}

void CableItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal lod = canvasstyle::levelOfDetail(option, painter);
    QColor color = isSelected() ? canvasstyle::selectionColor() : m_color;
    if (lod < canvasstyle::detailLod && !isSelected()) {
        // Zoomed out: a faint straight line is all the eye can resolve and costs far less.
        color.setAlpha(70);
        painter->setPen(QPen(color, 0));
        painter->drawLine(m_from, m_to);
        return;
    }
    color.setAlpha(isSelected() ? 255 : 170);
    painter->setPen(QPen(color, isSelected() ? 2.2 : 1.1, Qt::SolidLine, Qt::RoundCap));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);
}

} // namespace iovplan::ui
