#pragma once
// What a device shows on its front: its height, its own ports and its card slots (filled or empty),
// read from the pinned items by the rules model/cost/designcheck applies, so a port handle exists exactly
// where a cable end may point (docs/canvas.md).

#include "canvasitemtypes.h"

#include "model/design/itemspecs.h"
#include "model/design/server.h"

#include <QString>

#include <vector>

namespace iovplan::ui {

/// A device as the canvas compares it between syncs: the fields of a server, switch, gateway or
/// storage array that change what is drawn.
struct DeviceRecord
{
    DeviceKind kind = DeviceKind::Server;
    QString id;
    QString name;
    QString itemId;
    QString rackId;
    int positionU = 1;
    std::vector<design::SlotItem> cards; ///< adapters of a server, modules of a gateway

    bool operator==(const DeviceRecord &) const = default;
};

/// One card slot of a device face.
struct FaceSlot
{
    int slot = 1;
    QString itemId; ///< empty: a free slot
    QString label; ///< the card's model ("" for a free slot)
    QString kindLabel; ///< "PCIe", "mezzanine", "module"
    int ports = 0;
    QString protocol;
};

/// The front of a device.
struct DeviceFace
{
    double heightU = 1.0;
    QString itemName; ///< "HP ProLiant DL380 G5"
    int ownPorts = 0; ///< slot 0: on-board, switch, gateway InfiniBand or storage ports
    QString ownProtocol;
    std::vector<FaceSlot> cardSlots; ///< every slot the chassis has, plus any card in a slot beyond them
};

/// The face of `record` from the pinned items in `catalog` (missing items draw as 1 U with no ports).
[[nodiscard]] DeviceFace deviceFace(const DeviceRecord &record, const design::PinnedCatalog &catalog);

} // namespace iovplan::ui
