#pragma once
// Internal to simulation.cpp: one replication of the discrete-event simulation (the event loop and its
// bookkeeping), and the plan and outcome it shares with the code that runs replications and assembles
// the result.

#include "network.h"
#include "simulation.h"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <utility>
#include <vector>

namespace iovplan::queueing {

/// How a station serves its jobs in the simulation (QueueDiscipline with Auto resolved).
enum class SimulatedDiscipline : std::uint8_t { Fcfs, ProcessorSharing, InfiniteServer };

/// Per class: how a pass becomes visits (see RouteConstruction).
struct ClassRoute {
    /// One station the class visits.
    struct Entry {
        std::uint32_t station = 0;
        std::int64_t wholeVisits = 0;
        double extraVisitProbability = 0.0;
        double cumulativeProbability = 0.0; // Markov: P(next is this station or one before it)
    };
    std::vector<Entry> entries; // stations with demand > 0, network order
};

/// A station during a replication: its jobs and, once the replication ends, its statistics.
struct StationState {
    SimulatedDiscipline mode = SimulatedDiscipline::Fcfs;
    std::int64_t present = 0;
    std::int64_t busy = 0; // FCFS: servers in use
    std::deque<std::uint32_t> waiting;
    // Processor sharing: every job present progresses at alpha(n) / n; its finishing point is fixed on
    // the station's virtual clock, which runs at that rate.
    double virtualTime = 0.0;
    double virtualSince = 0.0;
    std::uint64_t version = 0;
    std::vector<std::pair<double, std::uint32_t>> finishing; // min-heap on virtual finishing time
    // Statistics.
    double lastUpdate = 0.0;
    double areaPresent = 0.0;
    double areaBusy = 0.0;
    std::int64_t visits = 0;
};

/// One class at one station during a replication: the statistics over the measured window.
struct StationClassStats {
    std::int64_t present = 0;
    double lastUpdate = 0.0;
    double areaPresent = 0.0;
    double sojournSum = 0.0;
    double workDone = 0.0;
    std::int64_t visits = 0;
};

/// One class's passes completed in the measured window.
struct ClassStats {
    std::int64_t passes = 0;
    double responseSum = 0.0;
};

/// What one replication measured over its window.
struct ReplicationOutcome {
    double measuredLength = 0.0;
    std::int64_t events = 0;
    bool budgetExhausted = false;
    std::vector<ClassStats> classes;
    std::vector<StationState> stations;
    std::vector<StationClassStats> stationClasses; // class-major: c * M + k
};

/// What every replication of one simulate() call runs: the network, the options, the resolved window,
/// and each station's discipline and each class's route.
struct ReplicationPlan {
    const Network *network = nullptr;
    SimulationOptions options;
    double warmup = 0.0;
    double length = 0.0;
    std::vector<SimulatedDiscipline> modes;
    std::vector<ClassRoute> routes;
};

/// Runs replication number `replication` of `plan` from an empty network to warmup + length (or to the
/// event budget). Its random stream is seeded from (options.seed, replication), so equal arguments give
/// equal outcomes and replications are independent.
[[nodiscard]] ReplicationOutcome runReplication(const ReplicationPlan &plan, std::uint64_t replication);

} // namespace iovplan::queueing
