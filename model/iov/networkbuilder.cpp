#include "networkbuilder.h"

#include <algorithm>

namespace iovplan::iov {

namespace q = iovplan::queueing;
using design::IovMode;

namespace {

constexpr double computeJobSeconds = 1e-3;

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
            // The VMs' work as a stream of short jobs keeping vmCores cores busy: its size does not change
            // the I/O classes' figures at the M/M/c station, and 1 ms keeps a simulation of it short.
            info.arrivalRate = m * server.vmCores / computeJobSeconds;
            info.trueVisits = { { cpu, 1.0 } };
            m_classes.push_back(info);
            m_demands.push_back({ { cpu, { 1.0 / m, computeJobSeconds } } });
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
            // The adapter's catalog latency already holds the bare-metal host software and the wire for a
            // small message; the stations above charge the host and the wire, so keep only the remainder.
            const double small = isNetwork(path.traffic) ? smallNetworkMessageBytes : smallStorageMessageBytes;
            double bareSmallCycles = 0.0;
            for (const CpuStage &stage : iovModeModel(IovMode::BareMetal).cpuStages(path.transport))
                bareSmallCycles += stage.cycles(small);
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
                const double adapterRemainder = std::max(0.0, a.latencyS - bareSmallCycles / hz * path.cpuPasses);
                fixed += share * (adapterRemainder + peerLatency + sharedLatency);
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

} // namespace

BuiltNetwork buildNetwork(const DesignPaths &paths, bool aggregate)
{
    return NetworkBuilder(paths, aggregate).build();
}

std::vector<double> stationUtilizations(const q::Network &net)
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

} // namespace iovplan::iov
