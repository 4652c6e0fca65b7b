#pragma once
// Edits of a scenario's design, as the GUI's gestures make them (issue 5): place, move, slot, cable,
// delete, duplicate, "add N servers like this one", "apply adapter kit". Pure functions: each takes the
// scenario and the pinned items and returns the edited copy, or why the edit is refused (nothing changed).
// The GUI's undo commands store the before and after; the rules are the ones checkDesign enforces
// (model/cost/designcheck.h), so an accepted edit never adds a slot, U or port problem. docs/editing.md.

#include "model/design/cable.h"
#include "model/design/itemspecs.h"
#include "model/design/scenario.h"

#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <vector>

namespace iovplan::edit {

/// The outcome of an edit: the edited scenario, or a one-line reason naming the object and the rule
/// ("rack-1 U 12-13 is taken by server-7"; "server-3 (ProLiant DL380 G5) has no free PCIe slot: 3 of 3 used").
struct EditResult
{
    std::optional<design::Scenario> scenario;
    QString refusal;
    /// Ids of the objects the edit created (new devices, new cables), for the GUI to select.
    QStringList createdIds;
    [[nodiscard]] bool ok() const { return scenario.has_value(); }
    [[nodiscard]] static EditResult refused(QString reason);
};

/// A new id for an object of `prefix` ("server", "switch", "gw", "cable", "rack", "storage", "fabric"),
/// unique across every object of the design: prefix-N with N one more than the largest in use.
[[nodiscard]] QString newObjectId(const design::Design &design, const QString &prefix);

/// The U height of a rack-mounted item (its u_height spec; 1 when absent).
[[nodiscard]] double itemHeightU(const design::PinnedCatalog &catalog, const QString &itemId);

/// Whether `heightU` units starting at `positionU` fit in rack `rackId` without overlapping another
/// device (ignoring `ignoreDeviceId`, the device being moved). Empty when it fits, else the reason.
[[nodiscard]] QString rackSpaceRefusal(const design::Scenario &scenario, const design::PinnedCatalog &catalog,
                                       const QString &rackId, int positionU, double heightU,
                                       const QString &ignoreDeviceId = {});

/// Adds a rack of `heightU` units named `name` (empty: "Rack N").
[[nodiscard]] EditResult addRack(const design::Scenario &scenario, int heightU = 42, const QString &name = {});

/// Adds a fabric of `kind` named `name` (empty: "LAN", "SAN" or "InfiniBand", numbered when taken).
[[nodiscard]] EditResult addFabric(const design::Scenario &scenario, design::FabricKind kind, const QString &name = {});

/// Places catalog item `itemId` (a server, switch, gateway or storage item, already pinned in `catalog`)
/// in rack `rackId` with its lowest U at `positionU`. Refused: an item of another kind, a rack that does
/// not exist, beyond the rack's top or below U 1, an overlap (naming the device there). A switch or a
/// storage array joins `fabricId` (default: the design's first fabric of the item's protocol; a new
/// fabric of that kind when the design has none, listed in createdIds after the device);
/// a server joins group `group` (default: the group of the design's first server, else of the first
/// VM profile, else "servers"). The new device's name is its id.
[[nodiscard]] EditResult placeItem(const design::Scenario &scenario, const design::PinnedCatalog &catalog,
                                   const QString &itemId, const QString &rackId, int positionU,
                                   const QString &fabricId = {}, const QString &group = {});

/// Moves a placed device (server, switch, gateway, storage array) to `rackId` at `positionU`. Moving to
/// where it already is returns the scenario unchanged (ok, equal). Same refusals as placeItem.
[[nodiscard]] EditResult moveDevice(const design::Scenario &scenario, const design::PinnedCatalog &catalog,
                                    const QString &deviceId, const QString &rackId, int positionU);

/// Puts adapter item `itemId` into server `serverId`: into `slot` when given, else the lowest free slot of
/// the adapter's form factor (PCIe cards in PCIe slots 1..P, mezzanine/OCP cards in P+1..P+M). Gateway
/// modules go into a gateway chassis the same way (module slots 1..module_slots, chassis must match).
/// Refused: wrong item kind, slot of the wrong kind or taken, no free slot (with used/available counts).
[[nodiscard]] EditResult insertCard(const design::Scenario &scenario, const design::PinnedCatalog &catalog,
                                    const QString &deviceId, const QString &itemId, std::optional<int> slot = {});

/// Removes the card in `slot` of server or gateway `deviceId`, and the cables on its ports.
[[nodiscard]] EditResult removeCard(const design::Scenario &scenario, const QString &deviceId, int slot);

/// One port of a device that a cable can plug into, with what the GUI needs to draw and match it.
struct PortInfo
{
    design::CableEnd end; ///< device, slot (0 for a switch's or fixed gateway's own ports), port
    QString protocol; ///< "ethernet", "fibre-channel", "infiniband" (the item's protocol spec)
    double speedGbps = 0.0;
    QString cableId; ///< the cable on it, empty when free
};

/// Every cable port of device `deviceId` (a server's on-board and adapter ports, switch ports, gateway
/// ports and module ports, storage ports) in slot then port order; empty for an unknown id.
[[nodiscard]] std::vector<PortInfo> devicePorts(const design::Scenario &scenario, const design::PinnedCatalog &catalog,
                                                const QString &deviceId);

/// devicePorts of every device of the design in one pass (for drawing 2,000 servers: calling devicePorts
/// per device would scan the cables once per device).
[[nodiscard]] std::map<QString, std::vector<PortInfo>> designPorts(const design::Scenario &scenario,
                                                                   const design::PinnedCatalog &catalog);

/// Whether ports of protocols `a` and `b` can be cabled together: equal, or one is "vpi" (a Virtual
/// Protocol Interconnect adapter runs InfiniBand or Ethernet) and the other InfiniBand, Ethernet or vpi.
[[nodiscard]] bool protocolsMatch(const QString &a, const QString &b);

/// The cable item autoCable uses for `protocol`: the item of the design's first cable whose item has that
/// protocol, else the first pinned cable item (by id) of that protocol; empty if there is none.
[[nodiscard]] QString defaultCableItem(const design::Scenario &scenario, const design::PinnedCatalog &catalog,
                                       const QString &protocol);

/// Connects `from` and `to` with a cable of item `cableItemId` (pinned in `catalog`). An end whose
/// deviceId names a fabric is an uplink into that fabric (its slot and port are set to 0). The cable is on
/// the fabric of its fabric end or switch end, else on the design's first fabric of its protocol (made
/// when there is none); it gets the transceivers of the design's first cable of the same item.
/// Refused: a port that does not exist or already carries a cable, both ends on one device, protocols
/// that differ (InfiniBand to Ethernet, ...) between the ports, the fabric or the cable item, a switch
/// of another fabric, a gateway already serving its max_servers servers.
[[nodiscard]] EditResult connectPorts(const design::Scenario &scenario, const design::PinnedCatalog &catalog,
                                      const design::CableEnd &from, const design::CableEnd &to,
                                      const QString &cableItemId);

/// Cables every free adapter port of `serverIds` to a free port of the same protocol on a switch or
/// gateway (InfiniBand ports, slot 0), preferring devices in the server's own rack, then a device the server
/// has no cable to yet, then the least-used device. Works in rounds (every server's first free port, then
/// every server's second ...; port 1 of each card before port 2) so scarce ports reach every server. The cable item is
/// the one of `catalog` already used for that protocol in the design, else the first pinned cable item
/// whose protocol matches. Ports left without a partner are listed in EditResult::refusal only when no
/// cable at all could be made; otherwise the result is ok and `createdIds` names the new cables.
[[nodiscard]] EditResult autoCable(const design::Scenario &scenario, const design::PinnedCatalog &catalog,
                                   const QStringList &serverIds);

/// Removes objects by id: racks (with every device in them), servers, switches, gateways, storage
/// arrays, fabrics (with their switches, storage arrays and cables); every cable that ends on a removed
/// device or fabric goes too. Unknown ids are ignored; nothing known to remove is refused ("nothing to
/// delete"), and so is removing the last server of a VM profile's group (the document would not load).
[[nodiscard]] EditResult removeObjects(const design::Scenario &scenario, const QStringList &ids);

/// The objects `ids` and the cables between them, as a design of their own (for copy / paste): the
/// racks they sit in are not copied; device rackId/positionU keep their values.
[[nodiscard]] design::Design extractObjects(const design::Scenario &scenario, const QStringList &ids);

/// Pastes `fragment` (from extractObjects) into the scenario with fresh ids: each device goes into
/// `rackId` when given (else its own rack if it still exists, else the first rack) at the lowest free
/// position at or above its old one; cables between pasted devices are re-pointed. Refused when a
/// device finds no room (naming it); then nothing is pasted.
[[nodiscard]] EditResult pasteObjects(const design::Scenario &scenario, const design::PinnedCatalog &catalog,
                                      const design::Design &fragment, const QString &rackId = {});

/// Duplicates devices `ids` (with their cards) next to themselves: pasteObjects of extractObjects.
[[nodiscard]] EditResult duplicateObjects(const design::Scenario &scenario, const design::PinnedCatalog &catalog,
                                          const QStringList &ids);

/// Adds `count` servers like `serverId` (item, group, cards; no cables): into free U of its rack, then
/// of the other racks in order, then into new racks of the same height as needed. Refused for count < 1
/// or above 10,000.
[[nodiscard]] EditResult addServersLike(const design::Scenario &scenario, const design::PinnedCatalog &catalog,
                                        const QString &serverId, int count);

/// Gives every server of `serverIds` the same cards in the same slots as `kitServerId` (its "adapter
/// kit"), removing their old cards and the cables on those (a slot whose card stays the same item keeps
/// its cables). Refused when a target server's item lacks a slot the kit needs (naming the server), then
/// nothing changes.
[[nodiscard]] EditResult applyAdapterKit(const design::Scenario &scenario, const design::PinnedCatalog &catalog,
                                         const QString &kitServerId, const QStringList &serverIds);

} // namespace iovplan::edit
