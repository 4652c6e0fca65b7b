#pragma once
// Throughput, latency and CPU headroom of a scenario's design under its IOV mode (issue 4; docs/model.md).
// A pure function of the scenario and the pinned items: the design becomes an open queueing network —
// per server the host cores, each adapter's PCIe link and ports per direction; shared gateway modules and
// switch uplinks — solved by model/queueing.

#include "iovmodes.h"

#include "model/design/itemspecs.h"
#include "model/design/problem.h"
#include "model/design/scenario.h"

#include <QString>

#include <array>
#include <functional>
#include <optional>
#include <vector>

namespace iovplan::iov {

/// Progress of a long computation (a sweep, a capacity search): called from the computing thread with the
/// work done so far and its total (or an upper bound); returning false asks the computation to stop early.
using ProgressCallback = std::function<bool(int done, int total)>;

/// The traffic classes of ARCHITECTURE.md.
enum class TrafficClass { Lan, San, Ipc, Migration };
inline constexpr std::array<TrafficClass, 4> allTrafficClasses { TrafficClass::Lan, TrafficClass::San,
    TrafficClass::Ipc, TrafficClass::Migration };
/// "lan", "san", "ipc" or "migration".
[[nodiscard]] QString trafficClassName(TrafficClass traffic);

/// One traffic class over the whole scenario. Bytes/s count payload in one direction.
struct ClassMetrics
{
    TrafficClass traffic = TrafficClass::Lan;
    Transport transport = Transport::Tcp; ///< of the first server group that carries the class
    double offeredBytesPerS = 0.0; ///< all servers
    double throughputBytesPerS = 0.0; ///< carried, all servers
    int servers = 0; ///< servers that offer the class (the per-server figures divide by it)
    /// One VM alone driving the class end to end (single stream: each CPU stage on one core, one port,
    /// one gateway port), at a bulk 64 KiB message for network classes and the profile's block for san.
    double peakVmBytesPerS = 0.0;
    /// The same stream measured at the server's adapter: host CPU, PCIe and the adapter's own port rate
    /// (the white paper's "per adapter" figures), ignoring link partners, gateways and uplinks.
    double peakVmAdapterBytesPerS = 0.0;
    /// All VMs of one server together, the other servers idle.
    double peakServerBytesPerS = 0.0;
    std::optional<double> latencyS; ///< mean per message at the offered load; none when saturated
    std::optional<double> p99LatencyS;
    double unloadedLatencyS = 0.0; ///< a 64-byte message (4 KiB I/O for san) at zero load
    QString bottleneck; ///< the most utilized station the class visits
    bool saturated = false;
};

/// A station of the network and how busy it is (queue stations: busy fraction of its servers).
struct StationMetrics
{
    QString name;
    double utilization = 0.0;
};

/// A shared station and how far the ports behind it could oversubscribe it.
struct Oversubscription
{
    QString station;
    double ratio = 0.0; ///< Σ line rate of the server ports behind it / its capacity
    double utilization = 0.0;
};

/// Everything the performance model finds for one scenario.
struct PerformanceMetrics
{
    std::vector<ClassMetrics> classes; ///< lan, san, ipc, migration (those the workload offers)
    double cpuUtilization = 0.0; ///< mean over servers, I/O and VM work
    double cpuHeadroom = 0.0; ///< 1 − cpuUtilization
    double ioCpuShare = 0.0; ///< share of the busy CPU spent on I/O
    int maxVmsPerServer = 0; ///< the capacity search (docs/model.md): most VMs per server meeting the SLA
    /// The capacity search was stopped by its progress callback: maxVmsPerServer is then only the largest
    /// count found to meet the SLA so far (a lower bound), or 0 when none was.
    bool capacitySearchCancelled = false;
    std::vector<StationMetrics> stations;
    std::vector<Oversubscription> oversubscription;
    bool saturated = false;
    QString bottleneck; ///< the scenario's most utilized station
    /// Factor by which the whole offered load can grow before the first station saturates.
    std::optional<double> maxLoadScale;
    ModeProperties properties;
    std::vector<design::Problem> problems;
    std::size_t networkStations = 0; ///< size of the solved queueing network
    std::size_t networkClasses = 0;
};

/// Options of an evaluation.
struct PerformanceOptions
{
    /// Servers with the same configuration and attachments share one set of stations (exact for the open
    /// product-form network: a station's figures depend only on its own load). Off builds one per server.
    bool aggregate = true;
    bool capacitySearch = true;
    int maxVmsSearched = 1024;
    /// Called after each SLA evaluation of the capacity search with (evaluations done, upper bound on the
    /// evaluations: 1 + 2·⌈log2 limit⌉); returning false stops the search (capacitySearchCancelled). Empty:
    /// not called, the same results.
    ProgressCallback capacityProgress;
};

/// Evaluates the scenario's performance. Never throws for a readable document: missing figures and
/// unsupported adapters become problems naming the item.
[[nodiscard]] PerformanceMetrics evaluatePerformance(const design::Scenario &scenario,
                                                     const design::PinnedCatalog &catalog,
                                                     const PerformanceOptions &options = {});

} // namespace iovplan::iov
