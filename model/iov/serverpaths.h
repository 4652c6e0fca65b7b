#pragma once
// How each server's traffic leaves it: the adapters, ports, host-bus links and shared devices a traffic
// class uses, read from the design and the pinned items (docs/model.md, "From the design to stations").

#include "iovmodes.h"
#include "performance.h"

#include "model/design/itemspecs.h"
#include "model/design/problem.h"
#include "model/design/scenario.h"

#include <QByteArray>
#include <QString>

#include <map>
#include <vector>

namespace iovplan::iov {

/// A station several servers share: a switch's uplinks into a fabric or a gateway's modules of one kind.
struct SharedStation
{
    QString name; ///< "uplink/lan-1a", "gateway/gw-1a/ethernet", "storage/array-1"
    int ports = 0; ///< parallel servers (ports)
    double portBytesPerS = 0.0; ///< usable rate of each port
    double opsPerS = 0.0; ///< a storage array's I/O rate limit (0: none)
    double latencyS = 0.0; ///< a gateway module's forwarding latency (0 for uplinks)
    double attachedBytesPerS = 0.0; ///< Σ line rate of the server ports behind it (oversubscription)
    std::vector<QString> exitFabrics; ///< fabrics its uplink cables lead into (where SAN traffic goes next)

    [[nodiscard]] double capacity() const { return ports * portBytesPerS; }
    /// Service time of one message of `bytes` at one port: the byte rate, or the I/O rate when it binds.
    [[nodiscard]] double serviceTime(double bytes) const
    {
        const double byBytes = portBytesPerS > 0.0 ? bytes / portBytesPerS : 0.0;
        return opsPerS > 0.0 && 1.0 / opsPerS > byBytes ? 1.0 / opsPerS : byBytes;
    }
    /// The bytes/s one port moves in messages of `bytes`.
    [[nodiscard]] double bytesPerSAt(double bytes) const
    {
        const double t = serviceTime(bytes);
        return t > 0.0 ? bytes / t : portBytesPerS;
    }
};

/// One cabled port of an adapter and where it leads.
struct PortLink
{
    double bytesPerS = 0.0; ///< usable at the speed negotiated with the link partner
    double adapterBytesPerS = 0.0; ///< usable at the adapter's own speed
    double peerLatencyS = 0.0; ///< the switch or gateway hop
    QString sharedStation; ///< for this class; empty when the class stays inside the fabric
    /// san only: the storage arrays the port's I/Os end at (split evenly); empty when the design has none
    /// on the way (the existing SAN's back end is outside the model).
    std::vector<QString> backEnds;
};

/// An adapter a traffic class uses.
struct AdapterUse
{
    int slot = 0; ///< 0 = on-board LOM ports
    QString itemId;
    std::vector<PortLink> ports;
    double busFromHostBytesPerS = 0.0; ///< PCIe to the wire (adapter reads host memory); 0 = no limit
    double busToHostBytesPerS = 0.0;
    bool sharedBus = false; ///< PCI-X: one half-duplex bus for both directions
    double latencyS = 0.0; ///< the adapter's base small-message latency (end to end)
};

/// One traffic class of one server: its path and load.
struct ClassPath
{
    TrafficClass traffic = TrafficClass::Lan;
    Transport transport = Transport::Tcp;
    std::vector<AdapterUse> adapters;
    std::vector<CpuStage> stages;
    double bytesPerS = 0.0; ///< offered by the server's VMs
    double messageBytes = 0.0;
    /// Host CPU passes per message: IPC is sent and received by servers of the design, so each server
    /// pays both ends; other classes cross this host once.
    int cpuPasses = 1;

    [[nodiscard]] bool toHost() const { return traffic == TrafficClass::San; }
    [[nodiscard]] bool bothDirections() const { return traffic == TrafficClass::Ipc; }
};

/// One server's model: its CPU, VM load and class paths.
struct ServerModel
{
    QString serverId;
    int cores = 1;
    double ghz = 1.0;
    double vms = 0.0;
    double vmCores = 0.0; ///< cores the VMs' own work keeps busy
    /// Most VMs the server's adapters can serve in this mode (virtual functions or CIOV end points of the
    /// adapters its classes use); none when the mode sets no such limit.
    std::optional<int> vmLimit;
    std::vector<ClassPath> paths;
    QByteArray signature; ///< equal for servers whose stations behave identically
};

/// The servers' models and the shared stations they reach.
struct DesignPaths
{
    std::vector<ServerModel> servers;
    std::map<QString, SharedStation> shared;
    std::vector<design::Problem> problems;
};

/// Reads every server's paths under `scenario`'s mode. `vmsPerServer`, when given, replaces the VM counts
/// (each server's profiles scaled to that total) — the capacity search's knob.
[[nodiscard]] DesignPaths designPaths(const design::Scenario &scenario, const design::PinnedCatalog &catalog,
                                      std::optional<double> vmsPerServer = std::nullopt);

/// `paths` with every server's VM count, VM work and offered bytes multiplied by `factor` (message sizes,
/// paths and aggregation keys unchanged): designPaths(s, c, n × k) equals scaledLoads(designPaths(s, c, n), k)
/// — the capacity search reads the design once.
[[nodiscard]] DesignPaths scaledLoads(DesignPaths paths, double factor);

} // namespace iovplan::iov
