#pragma once
// The QGraphicsItem::type() of each canvas item class and where items keep their design object's id,
// so the view finds what is under the cursor with qgraphicsitem_cast and one lookup (CONVENTIONS 5).

#include <QGraphicsItem>

namespace iovplan::ui {

/// QGraphicsItem::type() values of the canvas items.
enum CanvasItemType {
    RackItemType = QGraphicsItem::UserType + 1,
    DeviceItemType,
    CardMarkerItemType,
    PortItemType,
    CableItemType,
    FabricItemType,
    DropGhostItemType,
};

/// QGraphicsItem::data() key holding the design object id an item shows ("srv-001", "srv-001/slot2").
inline constexpr int objectIdDataKey = 0;

/// What kind of rack-mounted device an item shows.
enum class DeviceKind { Server, Switch, Gateway, Storage };

} // namespace iovplan::ui
