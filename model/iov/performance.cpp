#include "performance.h"

#include "networkbuilder.h"
#include "serverpaths.h"
#include "streampeaks.h"

#include "queueing/invalidnetwork.h"
#include "queueing/percentiles.h"
#include "queueing/solver.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <unordered_map>

namespace iovplan::iov {

using namespace iovplan::design;
namespace q = iovplan::queueing;

namespace {

// Results of solving a built network: per class mean and p99 response (empty when saturated).
struct Solved
{
    std::vector<double> utilization;
    bool saturated = false;
    double maxLoadScale = std::numeric_limits<double>::infinity();
    std::size_t bottleneck = 0;
    std::vector<std::optional<double>> latency; ///< per class of the built network
    std::vector<std::optional<double>> p99;
};

Solved solveBuilt(const BuiltNetwork &built)
{
    Solved solved;
    const q::Network &net = built.network;
    solved.utilization = stationUtilizations(net);
    solved.latency.assign(net.classCount(), std::nullopt);
    solved.p99.assign(net.classCount(), std::nullopt);
    double highest = -1.0;
    for (std::size_t k = 0; k < net.stationCount(); ++k) {
        const double u = solved.utilization[k];
        if (u > highest) {
            highest = u;
            solved.bottleneck = k;
        }
        if (net.stations[k].kind == q::StationKind::Queue && u > 0.0)
            solved.maxLoadScale = std::min(solved.maxLoadScale, 1.0 / u);
        if (net.stations[k].kind == q::StationKind::Queue && u >= saturationUtilization)
            solved.saturated = true;
    }
    if (solved.saturated || net.classCount() == 0)
        return solved;
    const q::Solution solution = q::solve(net);
    // Per-visit residence of each class at each station, from the engine's per-pass residence (V × R).
    std::vector<std::unordered_map<std::string, double>> perVisit(net.stationCount());
    for (std::size_t k = 0; k < solution.stations.size(); ++k) {
        for (const q::StationClassResult &r : solution.stations[k].perClass) {
            const auto cls = std::find_if(net.classes.begin(), net.classes.end(),
                                          [&](const q::JobClass &c) { return c.name == r.className; });
            const double v = cls->visits[k];
            if (r.residenceTime && v > 0.0)
                perVisit[k][r.className] = *r.residenceTime / v;
        }
    }
    for (std::size_t c = 0; c < built.classes.size(); ++c) {
        const ClassInfo &info = built.classes[c];
        if (info.compute)
            continue;
        double mean = 0.0;
        double variance = 0.0;
        for (const auto &[k, visits] : info.trueVisits) {
            const auto found = perVisit[k].find(net.classes[c].name);
            const double r = found != perVisit[k].end() ? found->second : 0.0;
            mean += visits * r;
            variance += visits * r * r; // each visit an exponential sojourn (percentiles.h)
        }
        solved.latency[c] = mean + info.fixedLatencyS;
        solved.p99[c] = q::gammaPercentiles(mean, variance).p99 + info.fixedLatencyS;
    }
    return solved;
}

// ---- putting it together -----------------------------------------------------------------------

struct Evaluated
{
    DesignPaths paths;
    BuiltNetwork built;
    Solved solved;
};

Evaluated evaluateAt(const Scenario &scenario, const PinnedCatalog &catalog, bool aggregate,
                     std::optional<double> vmsPerServer)
{
    Evaluated e { designPaths(scenario, catalog, vmsPerServer), {}, {} };
    e.built = buildNetwork(e.paths, aggregate);
    e.solved = solveBuilt(e.built);
    return e;
}

// Whether the scenario meets its SLA: nothing saturated, the p99 of every loaded interactive class (lan,
// san, ipc — migration is a bulk background copy) within the latency target, and each VM offered at
// least the throughput target (docs/model.md, "Capacity search").
bool meetsSla(const Evaluated &e, const Sla &sla)
{
    if (e.solved.saturated)
        return false;
    for (std::size_t c = 0; c < e.built.classes.size(); ++c) {
        const ClassInfo &info = e.built.classes[c];
        if (!info.compute && info.traffic != TrafficClass::Migration && e.solved.p99[c] && *e.solved.p99[c] > sla.latencyS)
            return false;
    }
    if (sla.throughputBytesPerS > 0.0) {
        for (const ServerModel &s : e.paths.servers) {
            double bytes = 0.0;
            for (const ClassPath &p : s.paths)
                bytes += p.bytesPerS;
            if (s.vms > 0.0 && bytes / s.vms < sla.throughputBytesPerS)
                return false;
        }
    }
    return true;
}

int capacitySearch(const Scenario &scenario, const PinnedCatalog &catalog, int limit)
{
    const auto ok = [&](int vms) {
        return meetsSla(evaluateAt(scenario, catalog, true, static_cast<double>(vms)), scenario.workload.sla);
    };
    if (scenario.workload.profiles.empty() || !ok(1))
        return 0;
    int good = 1;
    int bad = 0;
    while (bad == 0) { // doubling until the SLA fails or the limit is reached
        const int next = std::min(limit, good * 2);
        if (next == good)
            return good;
        if (ok(next))
            good = next;
        else
            bad = next;
    }
    while (bad - good > 1) {
        const int mid = good + (bad - good) / 2;
        (ok(mid) ? good : bad) = mid;
    }
    return good;
}

} // namespace

PerformanceMetrics evaluatePerformance(const Scenario &scenario, const PinnedCatalog &catalog,
                                       const PerformanceOptions &options)
{
    PerformanceMetrics metrics;
    metrics.properties = iovModeModel(scenario.iovMode).properties();
    Evaluated e;
    try {
        e = evaluateAt(scenario, catalog, options.aggregate, std::nullopt);
    } catch (const q::InvalidNetwork &error) {
        metrics.problems.push_back({ Severity::Error,
            QStringLiteral("the performance model could not be solved: %1").arg(QString::fromStdString(error.what())),
            scenario.name });
        return metrics;
    }
    metrics.problems = e.paths.problems;
    const q::Network &net = e.built.network;
    const Solved &solved = e.solved;
    metrics.networkStations = net.stationCount();
    metrics.networkClasses = net.classCount();
    metrics.saturated = solved.saturated;
    if (net.stationCount() > 0)
        metrics.bottleneck = QString::fromStdString(net.stations[solved.bottleneck].name);
    if (std::isfinite(solved.maxLoadScale))
        metrics.maxLoadScale = solved.maxLoadScale;
    for (std::size_t k = 0; k < net.stationCount(); ++k)
        metrics.stations.push_back({ QString::fromStdString(net.stations[k].name), solved.utilization[k] });
    for (const std::size_t k : e.built.sharedStation) {
        const SharedStation &s = *e.built.sharedOf.at(k);
        metrics.oversubscription.push_back({ s.name, s.capacity() > 0.0 ? s.attachedBytesPerS / s.capacity() : 0.0,
                                             solved.utilization[k] });
    }
    // Carried load: with a saturated station every offered rate scales down to the saturation point.
    const double carriedScale = solved.saturated ? std::min(1.0, solved.maxLoadScale) : 1.0;

    // CPU: utilization of every server's cores and the share I/O takes.
    double cpuBusy = 0.0;
    double ioBusy = 0.0;
    int servers = 0;
    for (std::size_t g = 0; g < e.built.groups.size(); ++g) {
        const std::size_t cpu = e.built.cpuStation[g];
        const int m = e.built.groups[g].count;
        cpuBusy += m * std::min(1.0, solved.utilization[cpu]);
        servers += m;
        for (std::size_t c = 0; c < net.classCount(); ++c) {
            if (e.built.classes[c].group == g && !e.built.classes[c].compute) {
                ioBusy += m * std::min(1.0, net.classes[c].arrivalRate * net.classes[c].demand(cpu)
                                                / net.stations[cpu].servers);
            }
        }
    }
    if (servers > 0) {
        metrics.cpuUtilization = cpuBusy / servers;
        metrics.cpuHeadroom = std::max(0.0, 1.0 - metrics.cpuUtilization);
        metrics.ioCpuShare = cpuBusy > 0.0 ? std::min(1.0, ioBusy / cpuBusy) : 0.0;
    }

    for (const TrafficClass traffic : allTrafficClasses) {
        ClassMetrics cm;
        cm.traffic = traffic;
        bool any = false;
        double rate = 0.0;
        double weightedLatency = 0.0;
        double highest = -1.0;
        for (std::size_t c = 0; c < e.built.classes.size(); ++c) {
            const ClassInfo &info = e.built.classes[c];
            if (info.compute || info.traffic != traffic)
                continue;
            const Group &group = e.built.groups[info.group];
            if (!any)
                cm.transport = info.path->transport;
            any = true;
            cm.offeredBytesPerS += group.count * info.path->bytesPerS;
            const StreamPeaks peaks = streamPeaks(*group.model, *info.path, e.paths.shared);
            cm.peakVmBytesPerS = std::max(cm.peakVmBytesPerS, peaks.vm);
            cm.peakVmAdapterBytesPerS = std::max(cm.peakVmAdapterBytesPerS, peaks.vmAdapter);
            cm.peakServerBytesPerS = std::max(cm.peakServerBytesPerS, peaks.server);
            cm.unloadedLatencyS = std::max(cm.unloadedLatencyS, peaks.unloadedLatencyS);
            for (const auto &[k, visits] : info.trueVisits) {
                if (solved.utilization[k] > highest) {
                    highest = solved.utilization[k];
                    cm.bottleneck = QString::fromStdString(net.stations[k].name);
                }
                cm.saturated = cm.saturated || solved.utilization[k] >= saturationUtilization;
            }
            if (solved.latency[c]) {
                rate += info.arrivalRate;
                weightedLatency += info.arrivalRate * *solved.latency[c];
                cm.p99LatencyS = std::max(cm.p99LatencyS.value_or(0.0), *solved.p99[c]);
            }
        }
        if (!any)
            continue;
        cm.throughputBytesPerS = cm.offeredBytesPerS * carriedScale;
        if (!solved.saturated && rate > 0.0)
            cm.latencyS = weightedLatency / rate;
        else
            cm.p99LatencyS.reset();
        metrics.classes.push_back(cm);
    }
    if (solved.saturated) {
        metrics.problems.push_back({ Severity::Warning,
            QStringLiteral("the offered load saturates %1: the design carries at most %2 % of it")
                .arg(metrics.bottleneck)
                .arg(100.0 * carriedScale, 0, 'f', 1),
            metrics.bottleneck });
    }
    if (options.capacitySearch) {
        try {
            metrics.maxVmsPerServer = capacitySearch(scenario, catalog, options.maxVmsSearched);
        } catch (const q::InvalidNetwork &) {
            metrics.maxVmsPerServer = 0;
        }
    }
    return metrics;
}

} // namespace iovplan::iov
