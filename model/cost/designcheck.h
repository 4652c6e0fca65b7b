#pragma once
// The physical rules a design must keep — rack space, slots, modules, ports — checked against the pinned
// items' specs. A broken rule is a problem naming the object, never silently rolled up (docs/cost-model.md).

#include "model/design/itemspecs.h"
#include "model/design/problem.h"
#include "model/design/scenario.h"

#include <QStringView>

#include <optional>
#include <vector>

namespace iovplan::cost {

/// What the design uses of what it has.
struct CapacityUse
{
    double rackUnitsUsed = 0.0; ///< U taken by placed devices (blades may take fractions)
    int rackUnitsAvailable = 0; ///< Σ rack heights
    int pcieSlotsUsed = 0;
    int pcieSlotsAvailable = 0;
    int mezzanineSlotsUsed = 0; ///< mezzanine and OCP slots
    int mezzanineSlotsAvailable = 0;
    int switchPortsUsed = 0; ///< switch ports with a cable
    int switchPortsAvailable = 0;
    int gatewayModuleSlotsUsed = 0;
    int gatewayModuleSlotsAvailable = 0;

    bool operator==(const CapacityUse &) const = default;
};

/// The outcome of checking a design.
struct DesignCheck
{
    CapacityUse capacity;
    std::vector<design::Problem> problems; ///< in design order: racks, servers, gateways, cables
};

// ---- the rules' building blocks, shared with the design edits (model/edit/designedits.h) --------------

/// Rack units are compared with this slack so 16 blades of 0.625 U fill 10 U exactly.
inline constexpr double rackUnitSlack = 1e-9;

/// An item's rack height from its u_height spec, when positive (blades may take fractions); the check
/// counts an item without one as 1 U (with a warning).
[[nodiscard]] std::optional<double> specRackHeightU(const design::PinnedItem &item);

/// Whether a device `heightU` tall with its lowest U at `positionU` reaches above a rack `rackHeightU` tall.
[[nodiscard]] bool reachesAboveRack(double positionU, double heightU, int rackHeightU);

/// Whether rack extents [bottomA, topA) and [bottomB, topB) (U, top exclusive) overlap.
[[nodiscard]] bool rackExtentsOverlap(double bottomA, double topA, double bottomB, double topB);

/// Whether an adapter needs a mezzanine/OCP slot (form_factor mezzanine or ocp3) rather than a PCIe slot.
[[nodiscard]] bool needsMezzanineSlot(const design::PinnedItem &adapter);

/// Whether slot `slot` of a server with `pcieSlots` PCIe slots is a mezzanine/OCP slot (slots P+1..P+M).
[[nodiscard]] constexpr bool isMezzanineSlot(int slot, int pcieSlots) { return slot > pcieSlots; }

/// Whether a gateway chassis is fixed (no module_slots): its outside ports are then slot 1 of the chassis.
[[nodiscard]] bool isFixedGateway(const design::PinnedItem &chassis);

/// The spec fields that give the ports of one slot of a device (see CableEnd): how many, their protocol
/// and their speed (a null field: the catalog has none for it).
struct PortFields
{
    QStringView count;
    QStringView protocol;
    QStringView speedGbps;
};
/// A server's on-board (LOM) ports, slot 0: Ethernet.
inline constexpr PortFields onboardPortFields { u"lom_ports", {}, {} };
/// An adapter's ports (server slot k >= 1), a switch's or a storage array's ports (slot 0).
inline constexpr PortFields devicePortFields { u"ports", u"protocol", u"speed_gbps" };
/// A gateway chassis's InfiniBand ports, slot 0.
inline constexpr PortFields gatewayInfiniBandPortFields { u"ib_ports", {}, u"ib_speed_gbps" };
/// A gateway module's outside ports, or a fixed gateway's (slot 1).
inline constexpr PortFields gatewayOutsidePortFields { u"ext_ports", u"ext_protocol", u"ext_speed_gbps" };

/// Checks `scenario`'s design against the specs of the items it pins:
/// - every device fits inside its rack (position_u .. position_u + u_height) and overlaps no other;
/// - server slots 1..P are the P = pcie_slots PCIe slots, P+1..P+M the M = mezzanine_slots mezzanine/OCP
///   slots; an adapter sits in a slot of its form factor (pcie-card in PCIe, mezzanine/ocp3 in mezzanine);
/// - gateway modules sit in slots 1..module_slots of the chassis their `chassis` spec names, and a
///   gateway serves at most max_servers servers cabled to it;
/// - every cable end names a port that exists (see CableEnd) and no port carries two cables; a cable on a
///   switch is on the switch's fabric.
[[nodiscard]] DesignCheck checkDesign(const design::Scenario &scenario, const design::PinnedCatalog &catalog);

} // namespace iovplan::cost
