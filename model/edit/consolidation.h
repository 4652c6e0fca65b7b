#pragma once
// The "Consolidate..." wizard's plan (issue 5, part 2): turn a GigE/FC scenario into its InfiniBand
// counterpart — NICs and HBAs replaced by HCAs, gateways sized for the traffic, an IOV mode chosen — as a
// reviewable list of changes the user accepts before it is applied. Pure: no I/O. The sizing rule and its
// reasoning: docs/consolidation.md.

#include "model/design/itemspecs.h"
#include "model/design/scenario.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace iovplan::edit {

/// The part an item plays in a consolidation, for choosing items of the right kind.
enum class ConsolidationRole { Hca, Gateway, EthernetModule, FibreChannelModule, IbCable, IbSwitch };

/// Whether `item` can play `role`: an adapter with an InfiniBand (or VPI) protocol; a gateway; a gateway
/// module bridging to Ethernet / Fibre Channel (for any chassis: match `chassis` separately); a cable or
/// switch with the InfiniBand protocol.
[[nodiscard]] bool fitsRole(const design::PinnedItem &item, ConsolidationRole role);

/// Gateway modules are sized so that the mean LAN or SAN load of the servers behind one chassis uses at
/// most this share of the modules' capacity (docs/consolidation.md: queueing delay at 50 % equals one
/// service time; the rest is headroom for bursts).
inline constexpr double gatewayModuleTargetUtilization = 0.5;

/// What the user chooses in the wizard.
struct ConsolidationOptions
{
    QString hcaItemId; ///< the InfiniBand adapter put into each server (pinned in the catalog passed)
    int hcasPerServer = 1; ///< 1, or 2 for dual homing (also sets Assumptions::haDualHoming)
    QString ibSwitchItemId; ///< optional; empty: servers cable straight to the gateway chassis ports
    QString gatewayItemId; ///< the IB gateway chassis (or fixed gateway)
    QString ethernetModuleItemId; ///< IB-to-Ethernet gateway module (chassis gateways)
    QString fibreChannelModuleItemId; ///< IB-to-FC gateway module (chassis gateways)
    QString ibCableItemId; ///< cable for InfiniBand ports within one rack
    QString ibLongCableItemId; ///< cable for InfiniBand links between racks (empty: ibCableItemId)
    design::IovMode iovMode = design::IovMode::Software;
    QString scenarioName; ///< the new scenario's name (empty: "<old name> (InfiniBand)")

    bool operator==(const ConsolidationOptions &) const = default;
};

/// The options the wizard proposes first, among `catalog`: an HCA that fits the servers' slots and
/// supports software IOV with the most CIOV end points, a modular gateway with Ethernet and FC modules
/// (cheapest per server it serves), the cheapest module per Gb/s of each kind, the shortest InfiniBand
/// cable reaching 3 m in a rack and the longest between racks, no IB switch, HCAs per server 2 when the
/// scenario assumes HA dual homing, IOV mode software. Items of `preferredItemIds` (the project's pinned
/// items: the user has already chosen them) rank first within each rule. Fields stay empty where the
/// catalog has nothing fitting.
[[nodiscard]] ConsolidationOptions proposeConsolidation(const design::Scenario &scenario,
                                                        const design::PinnedCatalog &catalog,
                                                        const QStringList &preferredItemIds = {});

/// One line of the plan the wizard shows for review.
struct ConsolidationStep
{
    QString what; ///< "Remove 128 Intel PRO/1000 PT Quad Port adapters from 128 servers", "Add 6 gateways ..."
    QString why; ///< the sizing reason ("LAN 286 MB/s per chassis against 706 MB/s of module capacity ...")

    bool operator==(const ConsolidationStep &) const = default;
};

/// The consolidated scenario and how it was sized, or why it cannot be built (then `scenario` is empty).
struct ConsolidationPlan
{
    std::optional<design::Scenario> scenario;
    std::vector<ConsolidationStep> steps;
    int gateways = 0; ///< gateways (chassis) the plan adds, both sides with HA
    int ethernetModules = 0; ///< in all gateways
    int fibreChannelModules = 0;
    int hcas = 0; ///< HCAs the plan adds
    int ibSwitches = 0;
    QString refusal; ///< every missing or unfit choice, "; "-separated, when the plan is refused

    [[nodiscard]] bool ok() const { return scenario.has_value(); }
    bool operator==(const ConsolidationPlan &) const = default;
};

/// Plans the consolidation of `scenario` with `options`: removes Ethernet and FC adapters and the cables
/// on server LAN/SAN ports (and the GigE/FC switches that then serve no server, with their uplinks), adds
/// the HCAs, sizes the gateway count and modules from the workload's LAN and SAN load, the gateway's
/// max_servers and InfiniBand ports, places the gateways in free rack space, cables servers to the gateways
/// (or to IB switches that connect to every gateway), chains the gateways over their last two IB ports,
/// cables every gateway module port as an uplink into the design's LAN and SAN fabrics, sets the IOV mode,
/// HA assumption and name. The original is not changed.
[[nodiscard]] ConsolidationPlan planConsolidation(const design::Scenario &scenario, const design::PinnedCatalog &catalog,
                                                  const ConsolidationOptions &options);

} // namespace iovplan::edit
