#include "networkbuilder.h"

#include <algorithm>
#include <unordered_map>

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
        std::map<QByteArray, std::size_t> bySignature;
        for (const ServerModel &server : m_paths.servers) {
            const QByteArray key = m_aggregate ? server.signature : server.serverId.toUtf8();
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
        const auto [it, fresh] = m_built.stationIndex.emplace(name, m_built.stations.size());
        if (fresh) {
            q::Station s;
            s.name = name;
            s.kind = kind;
            s.servers = servers;
            m_built.stations.push_back(s);
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
            for (const CpuStage &stage : iovModeModel(IovMode::BareMetal).cpuStages(measuredTransport(path.transport)))
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
                    visit(m_built.stationIndex.at(name.toStdString()), share * fraction, s.serviceTime(msg), false);
                    sharedLatency += fraction * s.latencyS;
                }
                // The storage arrays behind each port, its I/Os split evenly over them.
                for (const PortLink &p : a.ports) {
                    for (const QString &name : p.backEnds) {
                        const SharedStation &s = m_paths.shared.at(name);
                        visit(m_built.stationIndex.at(name.toStdString()),
                              share / ports / static_cast<double>(p.backEnds.size()), s.serviceTime(msg), false);
                    }
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
        for (std::size_t c = 0; c < m_classes.size(); ++c) {
            const ClassInfo &info = m_classes[c];
            ClassDemands job;
            job.name = (info.compute ? QStringLiteral("compute") : trafficClassName(info.traffic)).toStdString() + "@"
                + m_built.groups[info.group].prefix.toStdString();
            job.arrivalRate = info.arrivalRate;
            for (const auto &[k, d] : m_demands[c])
                job.demands.push_back({ k, d.visits, d.serviceTime });
            m_built.demands.push_back(std::move(job));
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

std::vector<double> stationUtilizations(const BuiltNetwork &built)
{
    std::vector<double> u(built.stations.size(), 0.0);
    for (const ClassDemands &c : built.demands) {
        for (const StationDemand &d : c.demands)
            u[d.station] += c.arrivalRate * d.visits * d.serviceTime;
    }
    for (std::size_t k = 0; k < built.stations.size(); ++k) {
        if (built.stations[k].kind == q::StationKind::Queue)
            u[k] /= std::max(1, built.stations[k].servers);
    }
    return u;
}

q::Network denseNetwork(const BuiltNetwork &built, const std::vector<std::size_t> &stations,
                        const std::vector<std::size_t> &classes)
{
    q::Network net;
    std::unordered_map<std::size_t, std::size_t> local;
    for (const std::size_t k : stations) {
        local.emplace(k, net.stations.size());
        net.stations.push_back(built.stations[k]);
    }
    for (const std::size_t c : classes) {
        const ClassDemands &demands = built.demands[c];
        q::JobClass job;
        job.name = demands.name;
        job.kind = q::ClassKind::Open;
        job.arrivalRate = demands.arrivalRate;
        job.visits.assign(stations.size(), 0.0);
        job.serviceTimes.assign(stations.size(), 0.0);
        for (const StationDemand &d : demands.demands) {
            const std::size_t k = local.at(d.station);
            job.visits[k] = d.visits;
            job.serviceTimes[k] = d.serviceTime;
        }
        net.classes.push_back(std::move(job));
    }
    return net;
}

q::Network denseNetwork(const BuiltNetwork &built)
{
    std::vector<std::size_t> stations(built.stations.size());
    std::vector<std::size_t> classes(built.demands.size());
    for (std::size_t k = 0; k < stations.size(); ++k)
        stations[k] = k;
    for (std::size_t c = 0; c < classes.size(); ++c)
        classes[c] = c;
    return denseNetwork(built, stations, classes);
}

} // namespace iovplan::iov
