#pragma once
// What a rack elevation shows, read once from a scenario and its pinned items: each rack with the devices
// placed in it (name, model, U extent, slot markers) and which of them break the rack rules. A snapshot,
// so a figure owns its data and paints without the scenario.

#include "rackstyle.h"

#include "model/design/itemspecs.h"
#include "model/design/scenario.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace iovplan::reports {

/// One card slot of a device, as a marker.
struct RackSlotMarker
{
    int slot = 1;
    SlotMarkerKind kind = SlotMarkerKind::Empty;
};

/// A device placed in a rack.
struct RackDevice
{
    RackDeviceKind kind = RackDeviceKind::Server;
    QString id;
    QString name; ///< the design's name, or the id when it has none
    QString model; ///< "HP ProLiant DL380 G5" (the item id when the item is not pinned)
    int positionU = 1; ///< lowest U, as the design says (may be outside the rack)
    double heightU = 1.0; ///< from u_height; 1 when the item has none
    std::vector<RackSlotMarker> cardSlots; ///< every slot of the chassis plus any card beyond them, by slot
    bool outsideRack = false; ///< reaches below U 1 or above the rack's top
    bool overlaps = false; ///< shares a U with another device of the rack

    // Where the drawing puts it: a device outside the rack is moved to the nearest end, and devices drawn
    // over the same U share the rack's width side by side (lane `lane` of `lanes`), so each stays legible.
    double drawnPositionU = 1.0;
    double drawnHeightU = 1.0;
    int lane = 0;
    int lanes = 1;
};

/// A rack taller than any product still draws, but not as a figure pages high.
inline constexpr int rackMaxDrawnHeightU = 100;

/// A rack and what is in it.
struct RackContents
{
    QString id;
    QString name; ///< the design's name, or the id when it has none
    int heightU = 42; ///< as the design says
    int drawnHeightU = 42; ///< heightU kept within 1 .. rackMaxDrawnHeightU
    double usedU = 0.0; ///< Σ heights of the devices placed in it
    std::vector<RackDevice> devices; ///< servers, switches, gateways, storage arrays, in design order
};

/// The racks `rackIds` of `scenario` in the given order, with their devices; ids the design does not have
/// are left out.
[[nodiscard]] std::vector<RackContents> rackContents(const design::Scenario &scenario,
                                                     const design::PinnedCatalog &catalog, const QStringList &rackIds);

/// Devices the design does not place in any rack (no rackId, or a rack the design does not have), one line
/// each for the report's text: "Server esx-001 (srv-001): in no rack", "Switch LAN-1A (lan-1a): in rack
/// 'rack-9', which the design does not have". In design order: servers, switches, gateways, storage arrays.
[[nodiscard]] QStringList unrackedDevices(const design::Scenario &scenario);

} // namespace iovplan::reports
