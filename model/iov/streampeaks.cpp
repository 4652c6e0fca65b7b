#include "streampeaks.h"

#include "networkbuilder.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace iovplan::iov {

using design::IovMode;

namespace {

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

} // namespace

StreamPeaks streamPeaks(const ServerModel &server, const ClassPath &path, const std::map<QString, SharedStation> &shared)
{
    const double hz = server.ghz * 1e9;
    const double bulk = isNetwork(path.traffic) ? bulkNetworkMessageBytes : path.messageBytes;
    double stageCap = std::numeric_limits<double>::infinity();
    double allStageCycles = 0.0;
    for (const CpuStage &stage : path.stages) {
        stageCap = std::min(stageCap, stageCapacity(stage, hz, bulk));
        allStageCycles += stage.cycles(bulk) * path.cpuPasses;
    }
    StreamPeaks peaks;
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
                port = std::min(port, s.bytesPerSAt(bulk)); // one flow leaves by one gateway or uplink port
                serverShared[p.sharedStation] = s.ports * s.bytesPerSAt(bulk);
            }
            if (!p.backEnds.empty()) { // one stream ends at one array (the best); the server reaches them all
                double bestArray = 0.0;
                for (const QString &name : p.backEnds) {
                    const SharedStation &s = shared.at(name);
                    bestArray = std::max(bestArray, s.bytesPerSAt(bulk));
                    serverShared[name] = s.bytesPerSAt(bulk);
                }
                port = std::min(port, bestArray);
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

    // Zero load: the adapter's catalog latency is an end-to-end small-message figure measured on bare metal
    // (host software included), so only what the mode adds to the bare-metal stages counts on top, plus
    // the hops and serialization of the first adapter's path (docs/model.md, "Unloaded latency").
    const double small = isNetwork(path.traffic) ? smallNetworkMessageBytes : smallStorageMessageBytes;
    double modeCycles = 0.0;
    for (const CpuStage &stage : path.stages)
        modeCycles += stage.cycles(small);
    for (const CpuStage &stage : iovModeModel(IovMode::BareMetal).cpuStages(measuredTransport(path.transport)))
        modeCycles -= stage.cycles(small);
    double latency = std::max(0.0, modeCycles) / hz * path.cpuPasses;
    const AdapterUse &a = path.adapters.front();
    const PortLink &port = a.ports.front();
    latency += a.latencyS + port.peerLatencyS;
    if (!port.sharedStation.isEmpty()) {
        const SharedStation &s = shared.at(port.sharedStation);
        latency += s.latencyS + s.serviceTime(small);
    }
    if (!port.backEnds.empty())
        latency += shared.at(port.backEnds.front()).serviceTime(small);
    peaks.unloadedLatencyS = latency;
    return peaks;
}

} // namespace iovplan::iov
