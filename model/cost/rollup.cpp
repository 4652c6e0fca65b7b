#include "rollup.h"

#include <algorithm>
#include <set>

namespace iovplan::cost {

using namespace iovplan::design;

namespace {

DesignCounts countDesign(const Design &design)
{
    DesignCounts counts;
    counts.servers = static_cast<int>(design.servers.size());
    for (const Server &server : design.servers)
        counts.adapters += static_cast<int>(server.adapters.size());
    counts.switches = static_cast<int>(design.switches.size());
    counts.gateways = static_cast<int>(design.gateways.size());
    for (const Gateway &gateway : design.gateways)
        counts.gatewayModules += static_cast<int>(gateway.modules.size());
    counts.cables = static_cast<int>(design.cables.size());
    counts.storageArrays = static_cast<int>(design.storage.size());
    for (const Cable &cable : design.cables)
        counts.transceivers += static_cast<int>(cable.transceiverItemIds.size());
    return counts;
}

// Maintenance per year over the BOM lines (all, or I/O only); lines with no percentage count 0 and are
// reported once each.
double maintenancePerYear(const BillOfMaterials &bom, bool ioOnly)
{
    double sum = 0.0;
    for (const BomLine &line : bom.lines) {
        if (ioOnly && !isIoCategory(line.category))
            continue;
        sum += toUsd(line.extendedPrice) * line.maintenancePctPerYear.value_or(0.0) / 100.0;
    }
    return sum;
}

} // namespace

bool Rollup::hasErrors() const
{
    return std::any_of(problems.begin(), problems.end(),
                       [](const Problem &p) { return p.severity == Severity::Error; });
}

Rollup rollUp(const Scenario &scenario, const PinnedCatalog &catalog)
{
    Rollup rollup;
    rollup.bom = billOfMaterials(scenario, catalog);
    rollup.power = powerRollup(scenario, catalog);
    rollup.counts = countDesign(scenario.design);
    DesignCheck check = checkDesign(scenario, catalog);
    rollup.capacity = check.capacity;

    const Assumptions &assumptions = scenario.assumptions;
    CostFigures &cost = rollup.cost;
    cost.ioPurchase = rollup.bom.ioTotal();
    cost.purchase = rollup.bom.total();
    cost.ioMaintenanceUsdPerYear = maintenancePerYear(rollup.bom, true);
    cost.maintenanceUsdPerYear = maintenancePerYear(rollup.bom, false);
    cost.ioEnergyUsdPerYear = energyUsdPerYear(rollup.power.ioTypicalW, assumptions);
    cost.energyUsdPerYear = energyUsdPerYear(rollup.power.typicalW(), assumptions);
    cost.years = assumptions.years;
    cost.ioTcoUsd = toUsd(cost.ioPurchase) + assumptions.years * (cost.ioMaintenanceUsdPerYear + cost.ioEnergyUsdPerYear);
    cost.tcoUsd = toUsd(cost.purchase) + assumptions.years * (cost.maintenanceUsdPerYear + cost.energyUsdPerYear);

    std::vector<Problem> problems = std::move(check.problems);
    problems.insert(problems.end(), rollup.power.problems.begin(), rollup.power.problems.end());
    for (const BomLine &line : rollup.bom.lines) {
        if (!line.maintenancePctPerYear) {
            problems.push_back({ Severity::Warning,
                QStringLiteral("%1 has no maintenance figure and the scenario sets no override; its maintenance counts as $0")
                    .arg(line.name),
                line.itemId });
        }
    }
    // Errors first; otherwise keep design order (stable).
    std::stable_sort(problems.begin(), problems.end(), [](const Problem &a, const Problem &b) {
        return a.severity == Severity::Error && b.severity != Severity::Error;
    });
    rollup.problems = std::move(problems);
    return rollup;
}

} // namespace iovplan::cost
