#include "rackitem.h"

#include "canvasstyle.h"

#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace iovplan::ui {

namespace {
constexpr qreal rail = DesignLayout::railWidth;
}

RackItem::RackItem(const RackPlacement &placement)
    : m_placement(placement)
{
    setFlag(ItemIsSelectable);
    setData(objectIdDataKey, placement.id);
    setZValue(0.0);
}

void RackItem::setPlacement(const RackPlacement &placement)
{
    prepareGeometryChange();
    m_placement = placement;
    setData(objectIdDataKey, placement.id);
    update();
}

QRectF RackItem::boundingRect() const
{
    return m_placement.interior.adjusted(-rail - 1, -rail - DesignLayout::rackLabelHeight - 1, rail + 1, rail + 1);
}

QPainterPath RackItem::shape() const
{
    QPainterPath path;
    path.addRect(m_placement.interior.adjusted(-rail, -rail - DesignLayout::rackLabelHeight, rail, rail));
    QPainterPath inside;
    inside.addRect(m_placement.interior);
    return path.subtracted(inside);
}

void RackItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal lod = canvasstyle::levelOfDetail(option, painter);
    const QRectF interior = m_placement.interior;
    const QRectF frame = interior.adjusted(-rail, -rail, rail, rail);

    painter->setPen(Qt::NoPen);
    painter->setBrush(canvasstyle::rackFrameColor());
    painter->drawRoundedRect(frame, 3, 3);
    painter->setBrush(canvasstyle::rackInteriorColor());
    painter->drawRect(interior);

    if (isSelected()) {
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(canvasstyle::selectionColor(), 3));
        painter->drawRoundedRect(frame.adjusted(-1.5, -1.5, 1.5, 1.5), 4, 4);
    }

    if (lod >= canvasstyle::labelLod) {
        // Name above the frame, sized to stay readable a little below 100 %.
        painter->setPen(canvasstyle::canvasTextColor());
        painter->setFont(canvasstyle::canvasFont(15, true));
        const QRectF label(frame.left(), frame.top() - DesignLayout::rackLabelHeight, frame.width(),
                           DesignLayout::rackLabelHeight - 4);
        painter->drawText(label, Qt::AlignHCenter | Qt::AlignBottom,
                          m_placement.name.isEmpty() ? m_placement.id : m_placement.name);
    }
    if (lod < canvasstyle::labelLod)
        return;

    // U lines and numbers: every U when readable, else every fifth.
    const int step = lod >= 0.7 ? 1 : 5;
    const QColor line = canvasstyle::darkPalette() ? QColor(255, 255, 255, 18) : QColor(0, 0, 0, 22);
    painter->setPen(QPen(line, 0));
    for (int u = 1; u < m_placement.heightU; ++u) {
        const qreal y = interior.bottom() - u * DesignLayout::unitHeight;
        painter->drawLine(QPointF(interior.left(), y), QPointF(interior.right(), y));
    }
    painter->setFont(canvasstyle::canvasFont(step == 1 ? 10 : 14));
    painter->setPen(QColor(0xd8, 0xdc, 0xe2));
    for (int u = 1; u <= m_placement.heightU; ++u) {
        if (u % step != 0 && u != 1)
            continue;
        const qreal y = interior.bottom() - u * DesignLayout::unitHeight;
        const QRectF cell(frame.left(), y, rail - 2, DesignLayout::unitHeight);
        painter->drawText(cell, Qt::AlignRight | Qt::AlignVCenter, QString::number(u));
    }
    // Mounting holes on the right rail, as on a real rack.
    if (lod >= 0.7) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0, 0, 0, 90));
        for (int u = 0; u < m_placement.heightU; ++u) {
            const qreal y = interior.bottom() - (u + 0.5) * DesignLayout::unitHeight;
            painter->drawRect(QRectF(interior.right() + rail / 2 - 2, y - 2, 4, 4));
        }
    }
}

} // namespace iovplan::ui
