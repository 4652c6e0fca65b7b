#pragma once
// From the servers' paths to the open queueing network the performance model solves (docs/model.md,
// "The network"), and how to read the solution back per traffic class.

#include "serverpaths.h"

#include "queueing/network.h"

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace iovplan::iov {

/// A single-stream benchmark moves bulk data (netperf-style 64 KiB sends); a latency probe a small message.
inline constexpr double bulkNetworkMessageBytes = 65536.0;
inline constexpr double smallNetworkMessageBytes = 64.0;
inline constexpr double smallStorageMessageBytes = 4096.0;
/// A station counts as saturated at this utilization (rounding of the arrival rates aside).
inline constexpr double saturationUtilization = 1.0 - 1e-12;

/// Network classes move messages; san moves I/Os.
inline bool isNetwork(TrafficClass t)
{
    return t != TrafficClass::San;
}

/// One group of identical servers and the stations they own.
struct Group
{
    const ServerModel *model = nullptr;
    int count = 0;
    QString prefix; ///< station-name prefix: the representative server id
};

/// A class of the built network and what the metrics need about it.
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

/// The queueing network of a scenario and how to read it back.
/// One class's demand at one station: visits as the engine counts them (scaled for aggregation) and the
/// service time per visit.
struct StationDemand
{
    std::size_t station = 0;
    double visits = 0.0;
    double serviceTime = 0.0;
};

/// An open class of the network, kept sparse: the stations it visits only. A design's network falls
/// apart into small connected pieces (a gateway and its servers, a rack and its switches), so the
/// dense class × station tables of queueing::Network are built per piece (docs/model.md, "Solving").
struct ClassDemands
{
    std::string name;
    double arrivalRate = 0.0;
    std::vector<StationDemand> demands;
};

struct BuiltNetwork
{
    std::vector<queueing::Station> stations;
    std::vector<ClassDemands> demands; ///< parallel to `classes`
    std::vector<ClassInfo> classes;
    std::vector<Group> groups;
    std::vector<std::size_t> cpuStation; ///< per group
    std::vector<std::size_t> sharedStation; ///< indices of shared stations
    std::map<std::size_t, const SharedStation *> sharedOf;
    std::unordered_map<std::string, std::size_t> stationIndex;
};

/// Builds the network of `paths`; with `aggregate`, identical servers share one set of stations.
[[nodiscard]] BuiltNetwork buildNetwork(const DesignPaths &paths, bool aggregate);

/// Utilization of every station at the offered load (queue: busy fraction of its servers; delay: mean number).
[[nodiscard]] std::vector<double> stationUtilizations(const BuiltNetwork &built);

/// The stations `classes` visit, as one dense queueing::Network (stations renumbered in `stations` order;
/// `stations` must hold every station those classes visit).
[[nodiscard]] queueing::Network denseNetwork(const BuiltNetwork &built, const std::vector<std::size_t> &stations,
                                             const std::vector<std::size_t> &classes);

/// The whole network, dense (for the simulator; fine for designs of a few hundred servers).
[[nodiscard]] queueing::Network denseNetwork(const BuiltNetwork &built);

} // namespace iovplan::iov
