#include "performance.h"

#include "serverpaths.h"

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

// A single-stream benchmark moves bulk data (netperf-style 64 KiB sends); a latency probe a small message.
constexpr double bulkNetworkMessageBytes = 65536.0;
constexpr double smallNetworkMessageBytes = 64.0;
constexpr double smallStorageMessageBytes = 4096.0;
// A station counts as saturated at this utilization (rounding of the arrival rates aside).
constexpr double saturationUtilization = 1.0 - 1e-12;

bool isNetwork(TrafficClass t)
{
    return t != TrafficClass::San;
}

// One group of identical servers and the stations they own.
struct Group
{
    const ServerModel *model = nullptr;
    int count = 0;
    QString prefix; ///< station-name prefix: the representative server id
};

// A class of the built network and what the metrics need about it.
struct ClassInfo
{
    bool compute = false; ///< the VMs' own CPU work, not traffic
    TrafficClass traffic = TrafficClass::Lan;
    std::size_t group = 0;
    const ClassPath *path = nullptr;
    double arrivalRate = 0.0; ///< messages per second, all servers of the group
    double fixedLatencyS = 0.0;
    std::vector<std::pair<std::size_t, double>> trueVisits; ///< station → visits one message makes
};

// The queueing network of a scenario and how to read it back.
struct BuiltNetwork
{
    q::Network network;
    std::vector<ClassInfo> classes;
    std::vector<Group> groups;
    std::vector<std::size_t> cpuStation; ///< per group
    std::vector<std::size_t> sharedStation; ///< indices of shared stations
    std::map<std::size_t, const SharedStation *> sharedOf;
    std::unordered_map<std::string, std::size_t> stationIndex;
};

class NetworkBuilder
{
public:
    NetworkBuilder(const DesignPaths &paths, bool aggregate) : m_paths(paths), m_aggregate(aggregate) { }

    BuiltNetwork build()
    {
        groupServers();
        for (const auto &[name, shared] : m_paths.shared) {
            const std::size_t k = station(name.toStdString(), q::StationKind::Queue, std::max(1, shared.ports));
            m_built.sharedStation.push_back(k);
            m_built.sharedOf[k] = &shared;
        }
        for (std::size_t g = 0; g < m_built.groups.size(); ++g)
            addGroup(g);
        finishClasses();
        return std::move(m_built);
    }

private:
    void groupServers()
    {
        std::map<QString, std::size_t> bySignature;
        for (const ServerModel &server : m_paths.servers) {
            const QString key = m_aggregate ? server.signature : server.serverId;
            const auto [it, fresh] = bySignature.emplace(key, m_built.groups.size());
            if (fresh)
                m_built.groups.push_back({ &server, 0, server.serverId });
            ++m_built.groups[it->second].count;
        }
        for (Group &g : m_built.groups) {
            if (g.count > 1)
                g.prefix += QStringLiteral(" (x%1)").arg(g.count);
        }
    }

    std::size_t station(const std::string &name, q::StationKind kind, int servers)
    {
        const auto [it, fresh] = m_built.stationIndex.emplace(name, m_built.network.stations.size());
        if (fresh) {
            q::Station s;
            s.name = name;
            s.kind = kind;
            s.servers = servers;
            m_built.network.stations.push_back(s);
        }
        return it->second;
    }

    // A class's demand at one station: engine visits (scaled for aggregation) and service time.
    struct Demand
    {
        double visits = 0.0;
        double serviceTime = 0.0;
    };

    void addGroup(std::size_t g)
    {
        const Group &group = m_built.groups[g];
        const ServerModel &server = *group.model;
        const double hz = server.ghz * 1e9;
        const std::string prefix = group.prefix.toStdString();
        const std::size_t cpu = station(prefix + "/cpu", q::StationKind::Queue, server.cores);
        m_built.cpuStation.push_back(cpu);
        const double m = group.count;

        if (server.vmCores > 0.0) {
            ClassInfo info;
            info.compute = true;
            info.group = g;
            info.arrivalRate = m * server.vmCores; // one-second jobs: utilization = cores busy
            info.trueVisits = { { cpu, 1.0 } };
            m_classes.push_back(info);
            m_demands.push_back({ { cpu, { 1.0 / m, 1.0 } } });
        }
        for (const ClassPath &path : server.paths) {
            ClassInfo info;
            info.traffic = path.traffic;
            info.group = g;
            info.path = &path;
            const double msg = path.messageBytes;
            info.arrivalRate = m * path.bytesPerS / msg;
            std::map<std::size_t, Demand> demands;
            const auto visit = [&](std::size_t k, double trueVisits, double serviceTime, bool perServer) {
                Demand &d = demands[k];
                // Service times of one station are equal for one class (same message); visits add up.
                d.serviceTime = serviceTime;
                d.visits += perServer ? trueVisits / m : trueVisits;
                info.trueVisits.emplace_back(k, trueVisits);
            };
            double cycles = 0.0;
            for (const CpuStage &stage : path.stages)
                cycles += stage.cycles(msg);
            visit(cpu, path.cpuPasses, cycles / hz, true);

            const double share = 1.0 / static_cast<double>(path.adapters.size());
            double fixed = 0.0;
            for (const AdapterUse &a : path.adapters) {
                const std::string slot = prefix + "/slot" + std::to_string(a.slot);
                double portRate = 0.0;
                double peerLatency = 0.0;
                for (const PortLink &p : a.ports) {
                    portRate += p.bytesPerS;
                    peerLatency += p.peerLatencyS;
                }
                portRate /= static_cast<double>(a.ports.size());
                peerLatency /= static_cast<double>(a.ports.size());
                const int ports = static_cast<int>(a.ports.size());
                const auto direction = [&](bool out) {
                    const double bus = out ? a.busFromHostBytesPerS : a.busToHostBytesPerS;
                    if (bus > 0.0) {
                        const std::string busName = a.sharedBus ? slot + "/pci-x" : slot + (out ? "/pcie-out" : "/pcie-in");
                        visit(station(busName, q::StationKind::Queue, 1), share, msg / bus, true);
                    }
                    if (portRate > 0.0) {
                        visit(station(slot + (out ? "/ports-out" : "/ports-in"), q::StationKind::Queue, ports), share,
                              msg / portRate, true);
                    }
                };
                if (!path.toHost() || path.bothDirections())
                    direction(true);
                if (path.toHost() || path.bothDirections())
                    direction(false);
                // Shared stations beyond the ports, in proportion to the ports that lead to each.
                std::map<QString, int> portsTo;
                for (const PortLink &p : a.ports) {
                    if (!p.sharedStation.isEmpty())
                        ++portsTo[p.sharedStation];
                }
                double sharedLatency = 0.0;
                for (const auto &[name, n] : portsTo) {
                    const SharedStation &s = m_paths.shared.at(name);
                    const double fraction = static_cast<double>(n) / ports;
                    visit(m_built.stationIndex.at(name.toStdString()), share * fraction, msg / s.portBytesPerS, false);
                    sharedLatency += fraction * s.latencyS;
                }
                fixed += share * (a.latencyS + peerLatency + sharedLatency);
            }
            info.fixedLatencyS = fixed;
            m_classes.push_back(info);
            m_demands.push_back(std::move(demands));
        }
    }

    void finishClasses()
    {
        const std::size_t stations = m_built.network.stations.size();
        for (std::size_t c = 0; c < m_classes.size(); ++c) {
            const ClassInfo &info = m_classes[c];
            q::JobClass job;
            job.name = (info.compute ? QStringLiteral("compute") : trafficClassName(info.traffic)).toStdString() + "@"
                + m_built.groups[info.group].prefix.toStdString();
            job.kind = q::ClassKind::Open;
            job.arrivalRate = info.arrivalRate;
            job.visits.assign(stations, 0.0);
            job.serviceTimes.assign(stations, 0.0);
            for (const auto &[k, d] : m_demands[c]) {
                job.visits[k] = d.visits;
                job.serviceTimes[k] = d.serviceTime;
            }
            m_built.network.classes.push_back(std::move(job));
        }
        m_built.classes = std::move(m_classes);
    }

    const DesignPaths &m_paths;
    bool m_aggregate;
    BuiltNetwork m_built;
    std::vector<ClassInfo> m_classes;
    std::vector<std::map<std::size_t, Demand>> m_demands;
};

// Utilization of every station at the offered load (queue: busy fraction of its servers; delay: mean number).
std::vector<double> utilizations(const q::Network &net)
{
    std::vector<double> u(net.stationCount(), 0.0);
    for (const q::JobClass &c : net.classes) {
        for (std::size_t k = 0; k < net.stationCount(); ++k)
            u[k] += c.arrivalRate * c.demand(k);
    }
    for (std::size_t k = 0; k < net.stationCount(); ++k) {
        if (net.stations[k].kind == q::StationKind::Queue)
            u[k] /= std::max(1, net.stations[k].servers);
    }
    return u;
}

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
    solved.utilization = utilizations(net);
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

// ---- single-stream and whole-server peaks, unloaded latency --------------------------------------

double stageCapacity(const CpuStage &stage, double hz, double bytes)
{
    const double cycles = stage.cycles(bytes);
    return cycles > 0.0 ? hz * bytes / cycles : std::numeric_limits<double>::infinity();
}

double busCapacity(const AdapterUse &a, const ClassPath &path)
{
    double cap = std::numeric_limits<double>::infinity();
    const auto limit = [&cap](double bus) {
        if (bus > 0.0)
            cap = std::min(cap, bus);
    };
    if (!path.toHost() || path.bothDirections())
        limit(a.busFromHostBytesPerS);
    if (path.toHost() || path.bothDirections())
        limit(a.busToHostBytesPerS);
    return cap;
}

struct Peaks
{
    double vm = 0.0;
    double vmAdapter = 0.0;
    double server = 0.0;
    double unloadedLatencyS = 0.0;
};

Peaks peaksOf(const ServerModel &server, const ClassPath &path, const std::map<QString, SharedStation> &shared)
{
    const double hz = server.ghz * 1e9;
    const double bulk = isNetwork(path.traffic) ? bulkNetworkMessageBytes : path.messageBytes;
    double stageCap = std::numeric_limits<double>::infinity();
    double allStageCycles = 0.0;
    for (const CpuStage &stage : path.stages) {
        stageCap = std::min(stageCap, stageCapacity(stage, hz, bulk));
        allStageCycles += stage.cycles(bulk) * path.cpuPasses;
    }
    Peaks peaks;
    double bestStream = 0.0;
    double bestAdapterStream = 0.0;
    double serverAdapters = 0.0;
    std::map<QString, double> serverShared;
    for (const AdapterUse &a : path.adapters) {
        const double bus = busCapacity(a, path);
        double bestPort = 0.0;
        double ownPort = 0.0;
        double allPorts = 0.0;
        for (const PortLink &p : a.ports) {
            double port = p.bytesPerS;
            if (!p.sharedStation.isEmpty()) {
                const SharedStation &s = shared.at(p.sharedStation);
                port = std::min(port, s.portBytesPerS); // one flow leaves by one gateway or uplink port
                serverShared[p.sharedStation] = s.capacity();
            }
            bestPort = std::max(bestPort, port);
            ownPort = std::max(ownPort, p.adapterBytesPerS);
            allPorts += p.bytesPerS;
        }
        bestStream = std::max(bestStream, std::min(bus, bestPort));
        bestAdapterStream = std::max(bestAdapterStream, std::min(bus, ownPort));
        serverAdapters += std::min(bus, allPorts);
    }
    peaks.vm = std::min(stageCap, bestStream);
    peaks.vmAdapter = std::min(stageCap, bestAdapterStream);
    double wholeServer = std::min(allStageCycles > 0.0 ? server.cores * hz * bulk / allStageCycles
                                                       : std::numeric_limits<double>::infinity(),
                                  serverAdapters);
    if (!serverShared.empty()) {
        double sharedCap = 0.0;
        for (const auto &[name, cap] : serverShared)
            sharedCap += cap;
        wholeServer = std::min(wholeServer, sharedCap);
    }
    peaks.server = wholeServer;

    // Zero load: a small message's service everywhere plus the fixed latencies of the first adapter's path.
    const double small = isNetwork(path.traffic) ? smallNetworkMessageBytes : smallStorageMessageBytes;
    double latency = 0.0;
    for (const CpuStage &stage : path.stages)
        latency += stage.cycles(small) / hz * path.cpuPasses;
    const AdapterUse &a = path.adapters.front();
    const PortLink &port = a.ports.front();
    const double bus = busCapacity(a, path);
    if (std::isfinite(bus))
        latency += small / bus * (path.bothDirections() ? 2 : 1);
    if (port.bytesPerS > 0.0)
        latency += small / port.bytesPerS * (path.bothDirections() ? 2 : 1);
    latency += a.latencyS + port.peerLatencyS;
    if (!port.sharedStation.isEmpty()) {
        const SharedStation &s = shared.at(port.sharedStation);
        latency += s.latencyS + small / s.portBytesPerS;
    }
    peaks.unloadedLatencyS = latency;
    return peaks;
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
    e.built = NetworkBuilder(e.paths, aggregate).build();
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
            const Peaks peaks = peaksOf(*group.model, *info.path, e.paths.shared);
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
