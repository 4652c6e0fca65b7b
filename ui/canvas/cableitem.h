#pragma once
// A cable as a thin curve between two port handles (or a port and a fabric bar), coloured by protocol.

#include "canvasitemtypes.h"

#include "model/design/cable.h"

#include <QColor>
#include <QGraphicsItem>
#include <QPainterPath>

namespace iovplan::ui {

/// One cable of the design. The scene places its ends; the item only draws. Points at the cable by id.
class CableItem : public QGraphicsItem
{
public:
    explicit CableItem(const design::Cable &cable);

    enum { Type = CableItemType };
    [[nodiscard]] int type() const override { return Type; }

    [[nodiscard]] const design::Cable &cable() const { return m_cable; }
    void setCable(const design::Cable &cable);
    /// Routes the cable from `from` to `to`; `toFabric` runs it straight up into a fabric bar.
    void setEnds(QPointF from, QPointF to, const QColor &color, bool toFabric);

    [[nodiscard]] QRectF boundingRect() const override { return m_bounds; }
    [[nodiscard]] QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    design::Cable m_cable;
    QPointF m_from;
    QPointF m_to;
    QPainterPath m_path;
    QRectF m_bounds;
    QColor m_color;
};

} // namespace iovplan::ui
