#include "performance.h"

#include "networkbuilder.h"
#include "serverpaths.h"
#include "streampeaks.h"

#include "queueing/invalidnetwork.h"
#include "queueing/openproductform.h"
#include "queueing/opensolution.h"
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

// The connected pieces of the network: stations joined by a class that visits both. Each piece is solved
// on its own — exact for an open product-form network, whose stations interact only through their loads —
// which keeps the work linear in the number of servers (docs/model.md, "Solving").
struct Piece
{
    std::vector<std::size_t> stations;
    std::vector<std::size_t> classes;
};

std::vector<Piece> connectedPieces(const BuiltNetwork &built)
{
    std::vector<std::size_t> parent(built.stations.size());
    for (std::size_t k = 0; k < parent.size(); ++k)
        parent[k] = k;
    const auto root = [&parent](std::size_t k) {
        while (parent[k] != k)
            k = parent[k] = parent[parent[k]];
        return k;
    };
    for (const ClassDemands &c : built.demands) {
        for (std::size_t i = 1; i < c.demands.size(); ++i)
            parent[root(c.demands[i].station)] = root(c.demands[0].station);
    }
    std::unordered_map<std::size_t, std::size_t> pieceOf;
    std::vector<Piece> pieces;
    const auto piece = [&](std::size_t station) -> Piece & {
        const auto [it, fresh] = pieceOf.emplace(root(station), pieces.size());
        if (fresh)
            pieces.emplace_back();
        return pieces[it->second];
    };
    for (std::size_t k = 0; k < built.stations.size(); ++k)
        piece(k).stations.push_back(k);
    for (std::size_t c = 0; c < built.demands.size(); ++c) {
        if (!built.demands[c].demands.empty())
            piece(built.demands[c].demands.front().station).classes.push_back(c);
    }
    return pieces;
}

Solved solveBuilt(const BuiltNetwork &built)
{
    Solved solved;
    solved.utilization = stationUtilizations(built);
    solved.latency.assign(built.classes.size(), std::nullopt);
    solved.p99.assign(built.classes.size(), std::nullopt);
    double highest = -1.0;
    for (std::size_t k = 0; k < built.stations.size(); ++k) {
        const double u = solved.utilization[k];
        if (u > highest) {
            highest = u;
            solved.bottleneck = k;
        }
        if (built.stations[k].kind == q::StationKind::Queue && u > 0.0)
            solved.maxLoadScale = std::min(solved.maxLoadScale, 1.0 / u);
        if (built.stations[k].kind == q::StationKind::Queue && u >= saturationUtilization)
            solved.saturated = true;
    }
    if (solved.saturated || built.classes.empty())
        return solved;
    // Per-visit residence of each class at each station it visits, from each piece's per-pass residence (V × R).
    std::vector<std::vector<std::pair<std::size_t, double>>> perVisit(built.classes.size());
    for (const Piece &piece : connectedPieces(built)) {
        if (piece.classes.empty())
            continue;
        const q::Network net = denseNetwork(built, piece.stations, piece.classes);
        const q::OpenSolution open = q::solveOpenClasses(net);
        for (std::size_t c = 0; c < piece.classes.size(); ++c) {
            for (std::size_t k = 0; k < piece.stations.size(); ++k) {
                const double v = net.classes[c].visits[k];
                if (v > 0.0)
                    perVisit[piece.classes[c]].emplace_back(piece.stations[k], open.residence(static_cast<Eigen::Index>(c),
                                                                                              static_cast<Eigen::Index>(k)) / v);
            }
        }
    }
    for (std::size_t c = 0; c < built.classes.size(); ++c) {
        const ClassInfo &info = built.classes[c];
        if (info.compute)
            continue;
        double mean = 0.0;
        double variance = 0.0;
        for (const auto &[k, visits] : info.trueVisits) {
            const auto found = std::find_if(perVisit[c].begin(), perVisit[c].end(),
                                            [k = k](const auto &entry) { return entry.first == k; });
            const double r = found != perVisit[c].end() ? found->second : 0.0;
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

struct CapacityFound
{
    int maxVms = 0;
    bool cancelled = false;
};

// Evaluations the search below makes at most for `limit`: one at 1 VM, ⌈log2 limit⌉ doublings, and a
// bisection over the last doubled interval, which is at most as many.
int capacityEvaluationBound(int limit)
{
    int doublings = 0;
    for (long long reach = 1; reach < limit; reach *= 2)
        ++doublings;
    return 1 + 2 * doublings;
}

CapacityFound capacitySearch(const Scenario &scenario, const PinnedCatalog &catalog, int limit,
                             const ProgressCallback &progress)
{
    if (scenario.workload.profiles.empty())
        return {};
    // One VM per server, read once; each probe scales the loads (serverpaths.h, scaledLoads).
    const DesignPaths onePerServer = designPaths(scenario, catalog, 1.0);
    for (const ServerModel &server : onePerServer.servers) {
        if (server.vmLimit)
            limit = std::min(limit, *server.vmLimit); // virtual functions or CIOV end points
    }
    if (limit < 1)
        return {};
    const int bound = capacityEvaluationBound(limit);
    int evaluations = 0;
    bool stop = false;
    const auto ok = [&](int vms) {
        Evaluated e;
        e.paths = scaledLoads(onePerServer, vms);
        e.built = buildNetwork(e.paths, true);
        e.solved = solveBuilt(e.built);
        const bool met = meetsSla(e, scenario.workload.sla);
        ++evaluations;
        stop = progress && !progress(evaluations, bound);
        return met;
    };
    if (!ok(1))
        return {}; // exact whatever the callback said: not even one VM meets the SLA
    int good = 1;
    int bad = 0;
    while (bad == 0) { // doubling until the SLA fails or the limit is reached
        if (stop)
            return { good, true };
        const int next = std::min(limit, good * 2);
        if (next == good)
            return { good, false };
        if (ok(next))
            good = next;
        else
            bad = next;
    }
    while (bad - good > 1) {
        if (stop)
            return { good, true };
        const int mid = good + (bad - good) / 2;
        (ok(mid) ? good : bad) = mid;
    }
    return { good, false };
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
    const BuiltNetwork &built = e.built;
    const Solved &solved = e.solved;
    metrics.networkStations = built.stations.size();
    metrics.networkClasses = built.classes.size();
    metrics.saturated = solved.saturated;
    if (!built.stations.empty())
        metrics.bottleneck = QString::fromStdString(built.stations[solved.bottleneck].name);
    if (std::isfinite(solved.maxLoadScale))
        metrics.maxLoadScale = solved.maxLoadScale;
    for (std::size_t k = 0; k < built.stations.size(); ++k)
        metrics.stations.push_back({ QString::fromStdString(built.stations[k].name), solved.utilization[k] });
    for (const std::size_t k : e.built.sharedStation) {
        const SharedStation &s = *e.built.sharedOf.at(k);
        if (s.attachedBytesPerS <= 0.0)
            continue; // a storage array: no ports of its own to oversubscribe
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
        for (std::size_t c = 0; c < built.classes.size(); ++c) {
            if (built.classes[c].group != g || built.classes[c].compute)
                continue;
            for (const StationDemand &d : built.demands[c].demands) {
                if (d.station == cpu) {
                    ioBusy += m * std::min(1.0, built.demands[c].arrivalRate * d.visits * d.serviceTime
                                                    / built.stations[cpu].servers);
                }
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
            cm.servers += group.count;
            const StreamPeaks peaks = streamPeaks(*group.model, *info.path, e.paths.shared);
            cm.peakVmBytesPerS = std::max(cm.peakVmBytesPerS, peaks.vm);
            cm.peakVmAdapterBytesPerS = std::max(cm.peakVmAdapterBytesPerS, peaks.vmAdapter);
            cm.peakServerBytesPerS = std::max(cm.peakServerBytesPerS, peaks.server);
            cm.unloadedLatencyS = std::max(cm.unloadedLatencyS, peaks.unloadedLatencyS);
            for (const auto &[k, visits] : info.trueVisits) {
                if (solved.utilization[k] > highest) {
                    highest = solved.utilization[k];
                    cm.bottleneck = QString::fromStdString(built.stations[k].name);
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
            QStringLiteral("the offered load saturates %1: the design carries at most %2 % of it; add capacity there or lower the load")
                .arg(metrics.bottleneck)
                .arg(100.0 * carriedScale, 0, 'f', 1),
            metrics.bottleneck });
    }
    if (options.capacitySearch) {
        try {
            const CapacityFound found = capacitySearch(scenario, catalog, options.maxVmsSearched, options.capacityProgress);
            metrics.maxVmsPerServer = found.maxVms;
            metrics.capacitySearchCancelled = found.cancelled;
        } catch (const q::InvalidNetwork &) {
            metrics.maxVmsPerServer = 0;
        }
    }
    return metrics;
}

} // namespace iovplan::iov
