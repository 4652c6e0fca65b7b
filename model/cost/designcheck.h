#pragma once
// The physical rules a design must keep — rack space, slots, modules, ports — checked against the pinned
// items' specs. A broken rule is a problem naming the object, never silently rolled up (docs/cost-model.md).

#include "model/design/itemspecs.h"
#include "model/design/problem.h"
#include "model/design/scenario.h"

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
