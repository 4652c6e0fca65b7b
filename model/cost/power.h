#pragma once
// Electrical power of a scenario's design, from the pinned items' watts (docs/cost-model.md).

#include "model/design/itemspecs.h"
#include "model/design/problem.h"
#include "model/design/scenario.h"

#include <vector>

namespace iovplan::cost {

/// Heat per watt: 1 W = 3.412 BTU/hr (reference-data.md §6).
inline constexpr double btuPerHourPerWatt = 3.412;
/// Hours in a year of continuous operation: kWh/yr = W × 8,760 / 1,000 (reference-data.md §6).
inline constexpr double hoursPerYear = 8760.0;

/// Watts drawn by the design, split the ways the white paper's Table 1 and a facility planner need.
/// "Typical" is each item's watts_typical; "max" its watts_max (watts_typical where an item gives no max).
struct PowerRollup
{
    double adapterTypicalW = 0.0; ///< the adapters inside the servers alone
    double adapterMaxW = 0.0;
    double gatewayModuleTypicalW = 0.0; ///< the I/O modules in gateway chassis
    double ioTypicalW = 0.0; ///< adapters, switches, gateways with modules, cables, transceivers
    double ioMaxW = 0.0;
    double serverIdleW = 0.0; ///< servers without their adapters (watts_idle, else watts_typical)
    double serverTypicalW = 0.0;
    double serverMaxW = 0.0;
    double storageTypicalW = 0.0; ///< storage arrays (neither I/O nor servers)
    double storageMaxW = 0.0;

    /// The devices that end a server's LAN and SAN protocols: the server adapters plus the gateway
    /// modules that do that work for InfiniBand-attached servers (the Table 1 basis, docs/cost-model.md).
    [[nodiscard]] double endpointTypicalW() const { return adapterTypicalW + gatewayModuleTypicalW; }
    [[nodiscard]] double typicalW() const { return ioTypicalW + serverTypicalW + storageTypicalW; }
    [[nodiscard]] double maxW() const { return ioMaxW + serverMaxW + storageMaxW; }
    /// Servers at CPU utilization `u` in [0, 1], linear between idle and max (reference-data.md §6
    /// asks for typical draw; the linear model is the usual SPECpower-style interpolation), plus I/O typical.
    [[nodiscard]] double typicalWAtServerUtilization(double u) const;

    /// Missing wattage figures, as warnings naming the item (the watts count as 0).
    std::vector<design::Problem> problems;
};

/// Sums the watts of every placed item of the scenario.
[[nodiscard]] PowerRollup powerRollup(const design::Scenario &scenario, const design::PinnedCatalog &catalog);

/// Energy of `watts` drawn all year, in kWh (IT load, before PUE).
[[nodiscard]] constexpr double kwhPerYear(double watts) { return watts * hoursPerYear / 1000.0; }
/// Heat of `watts` in BTU/hr.
[[nodiscard]] constexpr double btuPerHour(double watts) { return watts * btuPerHourPerWatt; }
/// What a year of `watts` costs at the facility: IT energy × PUE × electricity price.
[[nodiscard]] double energyUsdPerYear(double watts, const design::Assumptions &assumptions);

} // namespace iovplan::cost
