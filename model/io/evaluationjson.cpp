#include "evaluationjson.h"

#include "model/iov/performancesimulation.h"

#include <QJsonArray>

#include <cmath>

namespace iovplan::io {

using namespace iovplan::cost;
using namespace iovplan::design;

namespace {

// Whole-cent money as a JSON number of dollars.
QJsonValue usd(Cents cents)
{
    return toUsd(cents);
}

// Dollars rounded to the cent, so JSON never shows 0.30000000000000004 for a computed figure.
QJsonValue usd(double dollars)
{
    return toUsd(toCents(dollars));
}

QJsonObject costJson(const Rollup &rollup)
{
    const CostFigures &c = rollup.cost;
    QJsonObject byCategory;
    for (const BomCategory category : allBomCategories)
        byCategory.insert(bomCategoryName(category), usd(rollup.bom.subtotal(category)));
    return QJsonObject {
        { QStringLiteral("io_purchase_usd"), usd(c.ioPurchase) },
        { QStringLiteral("purchase_usd"), usd(c.purchase) },
        { QStringLiteral("io_maintenance_usd_per_year"), usd(c.ioMaintenanceUsdPerYear) },
        { QStringLiteral("maintenance_usd_per_year"), usd(c.maintenanceUsdPerYear) },
        { QStringLiteral("io_energy_usd_per_year"), usd(c.ioEnergyUsdPerYear) },
        { QStringLiteral("energy_usd_per_year"), usd(c.energyUsdPerYear) },
        { QStringLiteral("io_tco_usd"), usd(c.ioTcoUsd) },
        { QStringLiteral("tco_usd"), usd(c.tcoUsd) },
        { QStringLiteral("tco_years"), c.years },
        { QStringLiteral("by_category"), byCategory },
    };
}

QJsonObject powerJson(const PowerRollup &p)
{
    return QJsonObject {
        { QStringLiteral("adapter_typical_w"), p.adapterTypicalW },
        { QStringLiteral("adapter_max_w"), p.adapterMaxW },
        { QStringLiteral("gateway_module_typical_w"), p.gatewayModuleTypicalW },
        { QStringLiteral("endpoint_typical_w"), p.endpointTypicalW() },
        { QStringLiteral("io_typical_w"), p.ioTypicalW },
        { QStringLiteral("io_max_w"), p.ioMaxW },
        { QStringLiteral("server_idle_w"), p.serverIdleW },
        { QStringLiteral("server_typical_w"), p.serverTypicalW },
        { QStringLiteral("typical_w"), p.typicalW() },
        { QStringLiteral("max_w"), p.maxW() },
        { QStringLiteral("btu_per_hour"), btuPerHour(p.typicalW()) },
        { QStringLiteral("io_btu_per_hour"), btuPerHour(p.ioTypicalW) },
        { QStringLiteral("kwh_per_year"), kwhPerYear(p.typicalW()) },
        { QStringLiteral("io_kwh_per_year"), kwhPerYear(p.ioTypicalW) },
    };
}

QJsonObject countsJson(const Rollup &rollup)
{
    const DesignCounts &n = rollup.counts;
    const CapacityUse &c = rollup.capacity;
    return QJsonObject {
        { QStringLiteral("servers"), n.servers },
        { QStringLiteral("adapters"), n.adapters },
        { QStringLiteral("switches"), n.switches },
        { QStringLiteral("switch_ports"), c.switchPortsUsed },
        { QStringLiteral("switch_ports_available"), c.switchPortsAvailable },
        { QStringLiteral("gateways"), n.gateways },
        { QStringLiteral("gateway_modules"), n.gatewayModules },
        { QStringLiteral("cables"), n.cables },
        { QStringLiteral("transceivers"), n.transceivers },
        { QStringLiteral("storage_arrays"), n.storageArrays },
        { QStringLiteral("rack_units"), c.rackUnitsUsed },
        { QStringLiteral("rack_units_available"), c.rackUnitsAvailable },
        { QStringLiteral("pcie_slots"), c.pcieSlotsUsed },
        { QStringLiteral("pcie_slots_available"), c.pcieSlotsAvailable },
        { QStringLiteral("mezzanine_slots"), c.mezzanineSlotsUsed },
        { QStringLiteral("mezzanine_slots_available"), c.mezzanineSlotsAvailable },
        { QStringLiteral("gateway_module_slots"), c.gatewayModuleSlotsUsed },
        { QStringLiteral("gateway_module_slots_available"), c.gatewayModuleSlotsAvailable },
    };
}

// A figure that may be absent (saturation) or unbounded: JSON null rather than NaN or infinity.
QJsonValue optionalFigure(const std::optional<double> &x)
{
    return x && std::isfinite(*x) ? QJsonValue(*x) : QJsonValue(QJsonValue::Null);
}

QJsonValue finiteFigure(double x)
{
    return std::isfinite(x) ? QJsonValue(x) : QJsonValue(QJsonValue::Null);
}

QJsonObject performanceJson(const iov::PerformanceMetrics &p)
{
    QJsonArray classes;
    for (const iov::ClassMetrics &c : p.classes) {
        classes.append(QJsonObject {
            { QStringLiteral("name"), iov::trafficClassName(c.traffic) },
            { QStringLiteral("transport"), iov::transportName(c.transport) },
            { QStringLiteral("offered_bytes_per_s"), c.offeredBytesPerS },
            { QStringLiteral("throughput_bytes_per_s"), c.throughputBytesPerS },
            { QStringLiteral("servers"), c.servers },
            { QStringLiteral("server_offered_bytes_per_s"), c.servers > 0 ? c.offeredBytesPerS / c.servers : 0.0 },
            { QStringLiteral("server_throughput_bytes_per_s"), c.servers > 0 ? c.throughputBytesPerS / c.servers : 0.0 },
            { QStringLiteral("peak_vm_bytes_per_s"), finiteFigure(c.peakVmBytesPerS) },
            { QStringLiteral("peak_vm_adapter_bytes_per_s"), finiteFigure(c.peakVmAdapterBytesPerS) },
            { QStringLiteral("peak_server_bytes_per_s"), finiteFigure(c.peakServerBytesPerS) },
            { QStringLiteral("latency_s"), optionalFigure(c.latencyS) },
            { QStringLiteral("unloaded_latency_s"), c.unloadedLatencyS },
            { QStringLiteral("p99_latency_s"), optionalFigure(c.p99LatencyS) },
            { QStringLiteral("bottleneck"), c.bottleneck },
            { QStringLiteral("saturated"), c.saturated },
        });
    }
    QJsonArray stations;
    for (const iov::StationMetrics &s : p.stations)
        stations.append(QJsonObject { { QStringLiteral("name"), s.name }, { QStringLiteral("utilization"), s.utilization } });
    QJsonArray oversubscription;
    for (const iov::Oversubscription &o : p.oversubscription) {
        oversubscription.append(QJsonObject { { QStringLiteral("station"), o.station }, { QStringLiteral("ratio"), o.ratio },
                                              { QStringLiteral("utilization"), o.utilization } });
    }
    return QJsonObject {
        { QStringLiteral("classes"), classes },
        { QStringLiteral("cpu_utilization"), p.cpuUtilization },
        { QStringLiteral("cpu_headroom"), p.cpuHeadroom },
        { QStringLiteral("io_cpu_share"), p.ioCpuShare },
        { QStringLiteral("max_vms_per_server"), p.maxVmsPerServer },
        { QStringLiteral("stations"), stations },
        { QStringLiteral("oversubscription"), oversubscription },
        { QStringLiteral("saturated"), p.saturated },
        { QStringLiteral("bottleneck"), p.bottleneck },
        { QStringLiteral("max_load_scale"), optionalFigure(p.maxLoadScale) },
    };
}

QJsonArray problemsJson(const std::vector<Problem> &problems)
{
    QJsonArray array;
    for (const Problem &problem : problems) {
        array.append(QJsonObject {
            { QStringLiteral("severity"), severityName(problem.severity) },
            { QStringLiteral("message"), problem.message },
            { QStringLiteral("object"), problem.object },
        });
    }
    return array;
}

} // namespace

double vmsPerServer(const Scenario &scenario)
{
    const std::vector<Server> &servers = scenario.design.servers;
    if (servers.empty())
        return 0.0;
    double vms = 0.0;
    for (const Server &server : servers) {
        for (const VmProfile &profile : scenario.workload.profiles) {
            if (profile.serverGroup == server.group)
                vms += profile.vmsPerServer;
        }
    }
    return vms / static_cast<double>(servers.size());
}

QJsonObject scenarioEvaluationJson(const Scenario &scenario, const iov::ScenarioMetrics &metrics)
{
    const Rollup &rollup = metrics.rollup;
    const iov::PerformanceMetrics &performance = metrics.performance;
    return QJsonObject {
        { QStringLiteral("name"), scenario.name },
        { QStringLiteral("iov_mode"), iovModeName(scenario.iovMode) },
        { QStringLiteral("servers"), rollup.counts.servers },
        { QStringLiteral("vms_per_server"), vmsPerServer(scenario) },
        { QStringLiteral("cost"), costJson(rollup) },
        { QStringLiteral("power"), powerJson(rollup.power) },
        { QStringLiteral("counts"), countsJson(rollup) },
        { QStringLiteral("performance"), performanceJson(performance) },
        { QStringLiteral("properties"),
            QJsonObject { { QStringLiteral("live_migration"), performance.properties.liveMigration },
                { QStringLiteral("legacy_io_in_vm"), performance.properties.legacyIoInVm },
                { QStringLiteral("management_transparency"), performance.properties.managementTransparency } } },
        { QStringLiteral("problems"), problemsJson(metrics.problems) },
    };
}

namespace {

// Adds the simulated latencies of `scenario` to its evaluation object.
void addSimulation(QJsonObject &evaluation, const Scenario &scenario, const PinnedCatalog &catalog,
                   const queueing::SimulationOptions &options)
{
    const iov::PerformanceSimulation sim = iov::simulatePerformance(scenario, catalog, options);
    QJsonObject performance = evaluation.value(QStringLiteral("performance")).toObject();
    QJsonArray classes = performance.value(QStringLiteral("classes")).toArray();
    for (qsizetype i = 0; i < classes.size(); ++i) {
        QJsonObject c = classes.at(i).toObject();
        for (const iov::SimulatedClassLatency &s : sim.classes) {
            if (iov::trafficClassName(s.traffic) == c.value(QStringLiteral("name")).toString()) {
                c.insert(QStringLiteral("simulated_latency_s"), s.latencyS);
                c.insert(QStringLiteral("simulated_latency_ci95_s"), s.halfWidthS);
            }
        }
        classes[i] = c;
    }
    performance.insert(QStringLiteral("classes"), classes);
    performance.insert(QStringLiteral("simulation"),
                       QJsonObject { { QStringLiteral("simulated"), sim.simulated },
                                     { QStringLiteral("replications"), sim.replications },
                                     { QStringLiteral("events"), static_cast<double>(sim.events) },
                                     { QStringLiteral("note"), sim.note } });
    evaluation.insert(QStringLiteral("performance"), performance);
}

} // namespace

QJsonObject evaluationJson(const Project &project, const QString &onlyScenario,
                           const queueing::SimulationOptions *simulation)
{
    QJsonArray scenarios;
    for (const Scenario &scenario : project.scenarios) {
        if (!onlyScenario.isEmpty() && scenario.name != onlyScenario)
            continue;
        QJsonObject evaluation = scenarioEvaluationJson(scenario, iov::evaluate(scenario, project.catalog));
        if (simulation != nullptr)
            addSimulation(evaluation, scenario, project.catalog, *simulation);
        scenarios.append(evaluation);
    }
    return QJsonObject { { QStringLiteral("scenarios"), scenarios } };
}

} // namespace iovplan::io
