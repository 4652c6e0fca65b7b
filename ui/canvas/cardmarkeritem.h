#pragma once
// A card slot on a device's face: an adapter in a server slot or a module in a gateway slot, or the
// empty slot itself (dashed), so the user sees where a dropped card goes.

#include "canvasitemtypes.h"
#include "deviceface.h"

#include <QGraphicsItem>

namespace iovplan::ui {

/// One slot of a device (child of its DeviceItem). Selectable when it holds a card; its id is the
/// card id of DesignSelection ("srv-001/slot2").
class CardMarkerItem : public QGraphicsItem
{
public:
    CardMarkerItem(const QString &deviceId, const FaceSlot &slot, const QRectF &rect, QGraphicsItem *parent);

    enum { Type = CardMarkerItemType };
    [[nodiscard]] int type() const override { return Type; }

    [[nodiscard]] const QString &deviceId() const { return m_deviceId; }
    [[nodiscard]] const FaceSlot &slot() const { return m_slot; }
    [[nodiscard]] bool isEmpty() const { return m_slot.itemId.isEmpty(); }
    /// Highlights the slot as where a dragged card would go.
    void setHighlighted(bool on);

    [[nodiscard]] QRectF boundingRect() const override { return m_rect; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QString m_deviceId;
    FaceSlot m_slot;
    QRectF m_rect;
    bool m_highlighted = false;
};

} // namespace iovplan::ui
