#pragma once
// The cost and power roll-up of one scenario: what it costs to buy, run and power (docs/cost-model.md).
// A pure function of the scenario and the pinned items: no I/O, no globals.

#include "bom.h"
#include "designcheck.h"
#include "power.h"

#include <vector>

namespace iovplan::cost {

/// Money figures. "io" figures cover I/O only (adapters, switching, gateways, cabling); the others add
/// the servers the design prices (ARCHITECTURE.md, evaluate JSON).
struct CostFigures
{
    Cents ioPurchase = 0;
    Cents purchase = 0;
    double ioMaintenanceUsdPerYear = 0.0;
    double maintenanceUsdPerYear = 0.0;
    double ioEnergyUsdPerYear = 0.0; ///< I/O typical watts × 8,760 h × PUE × price
    double energyUsdPerYear = 0.0;
    int years = 0; ///< the TCO horizon
    double ioTcoUsd = 0.0; ///< ioPurchase + years × (ioMaintenance + ioEnergy)
    double tcoUsd = 0.0; ///< purchase + years × (maintenance + energy)
};

/// How many of each thing the design places.
struct DesignCounts
{
    int servers = 0;
    int adapters = 0;
    int switches = 0;
    int gateways = 0; ///< chassis and fixed gateways
    int gatewayModules = 0;
    int cables = 0;
    int transceivers = 0;
    int storageArrays = 0;
};

/// Everything the roll-up finds for one scenario.
struct Rollup
{
    BillOfMaterials bom;
    PowerRollup power;
    CostFigures cost;
    DesignCounts counts;
    CapacityUse capacity;
    /// Broken physical rules, missing figures: errors first, then warnings, each in design order.
    std::vector<design::Problem> problems;

    [[nodiscard]] bool hasErrors() const;
};

/// Rolls up `scenario` with the items of `catalog`. Problems never stop the roll-up: the figures are
/// computed for the design as drawn and the problems say why they may not be buildable.
[[nodiscard]] Rollup rollUp(const design::Scenario &scenario, const design::PinnedCatalog &catalog);

} // namespace iovplan::cost
