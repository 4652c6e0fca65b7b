#pragma once
// Internal to planConsolidation (consolidation.cpp): the InfiniBand half of the plan — sizing the gateways,
// modules and IB switches from the workload's LAN and SAN load, placing them in free rack space, cabling the
// servers, chaining the chassis and cabling the module uplinks into the LAN and SAN. consolidation.cpp checks
// the user's choices, removes the NICs and HBAs and adds the HCAs first. Sizing rule: docs/consolidation.md.

#include "consolidation.h"

#include <QString>
#include <QStringView>

#include <map>
#include <vector>

namespace iovplan::edit {

/// An item's protocol family from `field`: "vpi" adapters run their ports as InfiniBand by default (as the
/// IOV model reads them), so "vpi" reads as "infiniband".
[[nodiscard]] QString protocolFamily(const design::PinnedItem &item, QStringView field = u"protocol");

/// The item `id` of `catalog`, or nullptr when it is not pinned there.
[[nodiscard]] const design::PinnedItem *findPinnedItem(const design::PinnedCatalog &catalog, const QString &id);

/// The checked choices the InfiniBand side is built from (every pointer needed is non-null and in the
/// catalog; the modules and uplink cables only where the scenario needs that side).
struct ConsolidationChoices
{
    bool needLan = false; ///< the servers had Ethernet adapters or LAN-cabled on-board ports
    bool needSan = false; ///< the servers had Fibre Channel adapters
    bool modular = true; ///< the gateway is a chassis with module slots
    int hcasPerServer = 1; ///< 1, or 2: a second, independent set of gateways (HA)
    const design::PinnedItem *gateway = nullptr;
    const design::PinnedItem *ethModule = nullptr; ///< a fixed gateway stands for its own outside ports here
    const design::PinnedItem *fcModule = nullptr;
    const design::PinnedItem *cable = nullptr; ///< InfiniBand within one rack
    const design::PinnedItem *longCable = nullptr; ///< InfiniBand between racks
    const design::PinnedItem *ibSwitch = nullptr; ///< optional
    QString lanCableItemId; ///< cable for the Ethernet uplinks
    QString sanCableItemId; ///< cable for the Fibre Channel uplinks
};

/// How many gateways, modules and switches the load needs, with the plan steps explaining it, or why no
/// count works (`refusal` non-empty, the counts 0).
struct GatewaySizing
{
    int gatewaysPerSide = 0;
    int switchesPerSide = 0;
    int ethPerGateway = 0; ///< Ethernet modules per gateway (0 for a fixed gateway)
    int fcPerGateway = 0;
    int gateways = 0; ///< over both sides with HA
    int ethernetModules = 0;
    int fibreChannelModules = 0;
    int ibSwitches = 0;
    std::vector<ConsolidationStep> steps;
    QString refusal;
};

/// Sizes the gateways for the servers of `design` with the LAN and SAN load of `source`'s workload: the
/// fewest gateways per side whose InfiniBand ports (less two chaining the chassis), max_servers and module
/// slots carry the busiest servers at gatewayModuleTargetUtilization.
[[nodiscard]] GatewaySizing sizeGateways(const design::Scenario &source, const design::Design &design,
                                         const ConsolidationChoices &choices);

/// `design` with the InfiniBand side added, and the plan steps describing it.
struct InfiniBandBuild
{
    design::Design design;
    std::vector<ConsolidationStep> steps;
};

/// Adds to `design` (`source`'s design with the NICs, HBAs and their cables removed and the HCAs added in
/// the slots `hcaSlots` names per server id and side) the gateways and switches of `sizing`, placed in free
/// rack space (new 42 U racks when full), the InfiniBand cables from servers to them and between them, and
/// an uplink cable per gateway module port into the LAN and SAN fabrics. New ids are unique also against
/// the ids `source` used.
[[nodiscard]] InfiniBandBuild buildInfiniBand(const design::Scenario &source, design::Design design,
                                              const design::PinnedCatalog &catalog, const ConsolidationChoices &choices,
                                              const GatewaySizing &sizing,
                                              const std::map<QString, std::vector<int>> &hcaSlots);

} // namespace iovplan::edit
