#pragma once
// A rack on the canvas: frame, rails with U numbers, its name above. Points at the rack by id.

#include "canvasitemtypes.h"
#include "designlayout.h"

#include <QGraphicsItem>

namespace iovplan::ui {

/// Draws one rack to scale; selectable by its frame (the interior belongs to the devices and the
/// rubber band).
class RackItem : public QGraphicsItem
{
public:
    explicit RackItem(const RackPlacement &placement);

    enum { Type = RackItemType };
    [[nodiscard]] int type() const override { return Type; }

    [[nodiscard]] QString rackId() const { return m_placement.id; }
    [[nodiscard]] const RackPlacement &placement() const { return m_placement; }
    void setPlacement(const RackPlacement &placement);

    [[nodiscard]] QRectF boundingRect() const override;
    [[nodiscard]] QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    RackPlacement m_placement;
};

} // namespace iovplan::ui
