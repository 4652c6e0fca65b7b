#include "whatif.h"

#include "serverpaths.h"
#include "whatifedits.h"

#include "model/cost/rollup.h"

#include <QHash>

#include <algorithm>
#include <array>
#include <cmath>
#include <set>

namespace iovplan::iov {

using namespace iovplan::design;

namespace {

// Whole-number parameters stay far below int overflow after rounding.
constexpr double largestWholeValue = 1e6;

// Which classes a server's workload offers (as serverpaths.cpp reads a profile's load).
std::array<bool, 4> offeredClasses(const Server &server, const Workload &workload)
{
    std::array<bool, 4> offered {};
    for (const VmProfile &p : workload.profiles) {
        if (p.serverGroup != server.group || p.vmsPerServer <= 0)
            continue;
        offered[0] = offered[0] || p.networkBytesPerS > 0.0;
        offered[1] = offered[1] || p.storageBytesPerS > 0.0 || (p.iops > 0.0 && p.blockBytes > 0.0);
        offered[2] = offered[2] || p.ipcBytesPerS > 0.0;
        offered[3] = offered[3] || p.migrationBytesPerS > 0.0;
    }
    return offered;
}

// Which classes each server has a cabled path for. Whether a path exists depends on the design alone, so
// it is read once with a probe load on every class (serverpaths.cpp skips classes without load) and
// reused while only the workload or the prices change.
using CabledPaths = QHash<QString, std::array<bool, 4>>;

CabledPaths cabledPaths(const Scenario &scenario, const PinnedCatalog &catalog)
{
    Scenario probe = scenario;
    for (VmProfile &p : probe.workload.profiles) {
        p.vmsPerServer = std::max(1, p.vmsPerServer);
        p.networkBytesPerS = p.storageBytesPerS = p.ipcBytesPerS = p.migrationBytesPerS = 1.0;
    }
    CabledPaths cabled;
    for (const ServerModel &m : designPaths(probe, catalog).servers) {
        std::array<bool, 4> &served = cabled[m.serverId];
        for (const ClassPath &p : m.paths) {
            const auto k = std::find(allTrafficClasses.begin(), allTrafficClasses.end(), p.traffic) - allTrafficClasses.begin();
            served[static_cast<std::size_t>(k)] = true;
        }
    }
    return cabled;
}

// Per class, the servers whose workload offers it but that have no cabled path for it; and the servers
// missing any class.
struct PathlessServers
{
    std::array<int, 4> perClass {};
    int any = 0;
};

PathlessServers pathlessServers(const Scenario &scenario, const CabledPaths &cabled)
{
    PathlessServers result;
    for (const Server &server : scenario.design.servers) {
        const std::array<bool, 4> offered = offeredClasses(server, scenario.workload);
        const std::array<bool, 4> served = cabled.value(server.id, std::array<bool, 4> {});
        bool missing = false;
        for (std::size_t k = 0; k < offered.size(); ++k) {
            if (offered[k] && !served[k]) {
                ++result.perClass[k];
                missing = true;
            }
        }
        result.any += missing ? 1 : 0;
    }
    return result;
}

// Why `value` cannot be applied (empty when it can).
QString valueError(const SweepParameter &parameter, double value)
{
    switch (parameter.kind) {
    case SweepKind::VmsPerServer:
        if (value < 0.0 || value > largestWholeValue)
            return QStringLiteral("vms_per_server must be between 0 and 1000000, got %1").arg(value);
        break;
    case SweepKind::LoadScale:
        if (value < 0.0)
            return QStringLiteral("load_scale must be at least 0, got %1").arg(value);
        break;
    case SweepKind::Gateways:
        if (value < 1.0 || value > largestWholeValue)
            return QStringLiteral("gateways must be between 1 and 1000000 per side, got %1").arg(value);
        break;
    case SweepKind::Hcas:
        if (value < 1.0 || value > 2.0)
            return QStringLiteral("hcas must be 1 or 2, got %1").arg(value);
        break;
    case SweepKind::Price:
        if (value < 0.0 || value > 1e12)
            return QStringLiteral("a price must be between 0 and 1e12 USD, got %1").arg(value);
        break;
    }
    return {};
}

double roundedValue(const SweepParameter &parameter, double value)
{
    return parameter.integral() ? std::round(value) + 0.0 : value; // + 0.0: no "-0" in the output
}

} // namespace

QString SweepParameter::name() const
{
    switch (kind) {
    case SweepKind::VmsPerServer:
        return QStringLiteral("vms_per_server");
    case SweepKind::LoadScale:
        return QStringLiteral("load_scale");
    case SweepKind::Gateways:
        return QStringLiteral("gateways");
    case SweepKind::Hcas:
        return QStringLiteral("hcas");
    case SweepKind::Price:
        return QStringLiteral("price:") + itemId;
    }
    return {};
}

bool SweepParameter::integral() const
{
    return kind == SweepKind::VmsPerServer || kind == SweepKind::Gateways || kind == SweepKind::Hcas;
}

std::optional<SweepParameter> sweepParameterFromName(const QString &text)
{
    if (text == u"vms_per_server")
        return SweepParameter { SweepKind::VmsPerServer, {} };
    if (text == u"load_scale")
        return SweepParameter { SweepKind::LoadScale, {} };
    if (text == u"gateways")
        return SweepParameter { SweepKind::Gateways, {} };
    if (text == u"hcas")
        return SweepParameter { SweepKind::Hcas, {} };
    if (text.startsWith(u"price:") && text.size() > 6)
        return SweepParameter { SweepKind::Price, text.mid(6) };
    return std::nullopt;
}

double sweepValue(double from, double to, int steps, int step)
{
    if (steps <= 1 || step <= 0)
        return from;
    if (step >= steps - 1)
        return to; // exactly, whatever the rounding of the spacing
    return from + (to - from) * step / (steps - 1);
}

AppliedChange applySweepValue(const Scenario &scenario, const PinnedCatalog &catalog,
                              const SweepParameter &parameter, double value)
{
    AppliedChange change { scenario, catalog, {} };
    switch (parameter.kind) {
    case SweepKind::VmsPerServer:
        setVmsPerServer(change.scenario.workload, static_cast<int>(value));
        break;
    case SweepKind::LoadScale:
        scaleLoad(change.scenario.workload, value);
        break;
    case SweepKind::Gateways:
        change.serversNotRewired = keepGateways(change.scenario.design, catalog, static_cast<int>(value));
        break;
    case SweepKind::Hcas:
        change.serversNotRewired = setHcas(change.scenario.design, catalog, static_cast<int>(value));
        break;
    case SweepKind::Price:
        if (const auto item = change.catalog.find(parameter.itemId); item != change.catalog.end())
            item->second.priceUsd = value;
        break;
    }
    return change;
}

SweepResult sweep(const Scenario &scenario, const PinnedCatalog &catalog, const SweepParameter &parameter,
                  double from, double to, int steps, const SweepOptions &options)
{
    SweepResult result;
    result.parameter = parameter;
    const auto refuse = [&result](const QString &field, const QString &message) {
        result.errorField = field;
        result.error = message;
        return result;
    };
    if (parameter.kind == SweepKind::Price && catalog.count(parameter.itemId) == 0)
        return refuse(QStringLiteral("--param"), QStringLiteral("the document pins no item '%1'").arg(parameter.itemId));
    if (!std::isfinite(from))
        return refuse(QStringLiteral("--from"), QStringLiteral("must be a finite number"));
    if (!std::isfinite(to))
        return refuse(QStringLiteral("--to"), QStringLiteral("must be a finite number"));
    if (steps < 1)
        return refuse(QStringLiteral("--steps"), QStringLiteral("must be at least 1, got %1").arg(steps));
    if (steps == 1 && from != to)
        return refuse(QStringLiteral("--steps"), QStringLiteral("one step needs --from equal to --to"));
    const SweepShard shard = options.shard.value_or(SweepShard {});
    if (shard.count < 1 || shard.index < 0 || shard.index >= shard.count)
        return refuse(QStringLiteral("--shard"), QStringLiteral("must be i/n with 0 <= i < n"));
    if (const QString e = valueError(parameter, roundedValue(parameter, from)); !e.isEmpty())
        return refuse(QStringLiteral("--from"), e);
    if (const QString e = valueError(parameter, roundedValue(parameter, to)); !e.isEmpty())
        return refuse(QStringLiteral("--to"), e);

    PerformanceOptions performanceOptions;
    performanceOptions.capacitySearch = options.capacitySearch && parameter.kind != SweepKind::VmsPerServer;
    // Figures a parameter cannot change are computed once: a price moves no traffic, and the VM count
    // and load move no money (the roll-up prices the design, not its load).
    const bool designChanges = parameter.kind == SweepKind::Gateways || parameter.kind == SweepKind::Hcas;
    std::optional<cost::Rollup> fixedRollup;
    if (!designChanges && parameter.kind != SweepKind::Price)
        fixedRollup = cost::rollUp(scenario, catalog);
    std::optional<PerformanceMetrics> fixedPerformance;
    if (parameter.kind == SweepKind::Price)
        fixedPerformance = evaluatePerformance(scenario, catalog, performanceOptions);
    std::optional<CabledPaths> fixedCabling;
    if (!designChanges)
        fixedCabling = cabledPaths(scenario, catalog);

    const int rowsToCompute = (steps - shard.index + shard.count - 1) / shard.count;
    for (int step = shard.index; step < steps; step += shard.count) {
        SweepRow row;
        row.step = step;
        row.value = roundedValue(parameter, sweepValue(from, to, steps, step));
        const AppliedChange change = applySweepValue(scenario, catalog, parameter, row.value);
        row.serversNotRewired = change.serversNotRewired;
        row.performance = fixedPerformance ? *fixedPerformance
                                           : evaluatePerformance(change.scenario, change.catalog, performanceOptions);
        row.capacitySearched = performanceOptions.capacitySearch;
        row.serversWithoutPath = pathlessServers(change.scenario, fixedCabling ? *fixedCabling
                                                                               : cabledPaths(change.scenario, change.catalog))
                                     .any;
        const cost::Rollup rollup = fixedRollup ? *fixedRollup : cost::rollUp(change.scenario, change.catalog);
        row.ioPurchase = rollup.cost.ioPurchase;
        row.purchase = rollup.cost.purchase;
        row.tcoUsd = rollup.cost.tcoUsd;
        row.typicalW = rollup.power.typicalW();
        row.wattsAtCpuUtilization = rollup.power.typicalWAtServerUtilization(std::min(1.0, row.performance.cpuUtilization));
        result.rows.push_back(std::move(row));
        if (options.progress && !options.progress(static_cast<int>(result.rows.size()), rowsToCompute)) {
            result.cancelled = static_cast<int>(result.rows.size()) < rowsToCompute; // the last row finishes it
            break;
        }
    }
    return result;
}

// ---- failures ----------------------------------------------------------------------------------

QString failureKindName(FailureKind kind)
{
    switch (kind) {
    case FailureKind::None:
        return QStringLiteral("none");
    case FailureKind::Gateway:
        return QStringLiteral("gateway");
    case FailureKind::Switch:
        return QStringLiteral("switch");
    case FailureKind::Uplink:
        return QStringLiteral("uplink");
    case FailureKind::Hca:
        return QStringLiteral("hca");
    }
    return {};
}

namespace {

FailureCase evaluateFailure(const Scenario &degraded, const PinnedCatalog &catalog, const PerformanceMetrics &intact,
                            FailureKind kind, const QString &element, int removedCables)
{
    PerformanceOptions options;
    options.capacitySearch = false;
    const PerformanceMetrics m = evaluatePerformance(degraded, catalog, options);
    const PathlessServers pathless = pathlessServers(degraded, cabledPaths(degraded, catalog));
    FailureCase f;
    f.kind = kind;
    f.element = element;
    f.removedCables = removedCables;
    f.saturated = m.saturated;
    f.bottleneck = m.bottleneck;
    f.cpuUtilization = m.cpuUtilization;
    for (const ClassMetrics &base : intact.classes) {
        FailureClass fc;
        fc.traffic = base.traffic;
        fc.offeredBytesPerS = base.offeredBytesPerS;
        const auto now = std::find_if(m.classes.begin(), m.classes.end(),
                                      [&](const ClassMetrics &c) { return c.traffic == base.traffic; });
        if (now != m.classes.end()) {
            fc.carriedBytesPerS = now->throughputBytesPerS;
            fc.p99LatencyS = now->p99LatencyS;
            fc.latencyS = now->latencyS;
            fc.bottleneck = now->bottleneck;
            fc.saturated = now->saturated;
        }
        const auto k = static_cast<std::size_t>(
            std::find(allTrafficClasses.begin(), allTrafficClasses.end(), base.traffic) - allTrafficClasses.begin());
        fc.serversWithoutPath = pathless.perClass[k];
        f.classes.push_back(fc);
    }
    return f;
}

} // namespace

FailureReport failures(const Scenario &scenario, const PinnedCatalog &catalog)
{
    FailureReport report;
    report.scenario = scenario.name;
    PerformanceOptions options;
    options.capacitySearch = false;
    const PerformanceMetrics intact = evaluatePerformance(scenario, catalog, options);
    report.intact = evaluateFailure(scenario, catalog, intact, FailureKind::None, {}, 0);

    const Design &design = scenario.design;
    for (const Gateway &g : design.gateways) {
        Scenario degraded = scenario;
        const int removed = removeCables(degraded.design, [&](const Cable &c) { return touches(c, g.id); });
        auto &gateways = degraded.design.gateways;
        gateways.erase(std::remove_if(gateways.begin(), gateways.end(), [&](const Gateway &x) { return x.id == g.id; }),
                       gateways.end());
        report.failures.push_back(evaluateFailure(degraded, catalog, intact, FailureKind::Gateway, g.id, removed));
    }
    for (const Switch &s : design.switches) {
        Scenario degraded = scenario;
        const int removed = removeCables(degraded.design, [&](const Cable &c) { return touches(c, s.id); });
        auto &switches = degraded.design.switches;
        switches.erase(std::remove_if(switches.begin(), switches.end(), [&](const Switch &x) { return x.id == s.id; }),
                       switches.end());
        report.failures.push_back(evaluateFailure(degraded, catalog, intact, FailureKind::Switch, s.id, removed));
    }
    std::set<QString> fabrics;
    for (const Fabric &f : design.fabrics)
        fabrics.insert(f.id);
    for (const Cable &cable : design.cables) {
        if (fabrics.count(cable.from.deviceId) == 0 && fabrics.count(cable.to.deviceId) == 0)
            continue;
        Scenario degraded = scenario;
        const int removed = removeCables(degraded.design, [&](const Cable &c) { return c.id == cable.id; });
        report.failures.push_back(evaluateFailure(degraded, catalog, intact, FailureKind::Uplink, cable.id, removed));
    }
    for (std::size_t i = 0; i < design.servers.size(); ++i) {
        const Server &server = design.servers[i];
        const auto hca = std::find_if(server.adapters.begin(), server.adapters.end(),
                                      [&](const SlotItem &a) { return isInfiniBandAdapter(catalog, a.itemId); });
        if (hca == server.adapters.end())
            continue;
        Scenario degraded = scenario;
        const int slot = hca->slot;
        const int removed = removeCables(degraded.design, [&](const Cable &c) { return touchesSlot(c, server.id, slot); });
        auto &adapters = degraded.design.servers[i].adapters;
        adapters.erase(std::remove_if(adapters.begin(), adapters.end(), [slot](const SlotItem &a) { return a.slot == slot; }),
                       adapters.end());
        report.failures.push_back(evaluateFailure(degraded, catalog, intact, FailureKind::Hca,
                                                  QStringLiteral("%1/slot%2").arg(server.id).arg(slot), removed));
        break; // one HCA stands for all: every server's is alike in the designs this serves
    }
    return report;
}

} // namespace iovplan::iov
