#pragma once
// The simulation cross-check of a scenario (`iovplan-cli evaluate FILE --simulate`): the same open queueing
// network the performance model solves, run through the discrete-event simulator (docs/simulation.md).

#include "performance.h"

#include "queueing/simulation.h"

#include <QString>

#include <vector>

namespace iovplan::iov {

/// One traffic class's simulated mean latency per message and its 95 % half-width.
struct SimulatedClassLatency
{
    TrafficClass traffic = TrafficClass::Lan;
    double latencyS = 0.0;
    double halfWidthS = 0.0; ///< conservative: the stations' half-widths added
};

/// The outcome of simulating a scenario.
struct PerformanceSimulation
{
    std::vector<SimulatedClassLatency> classes;
    std::int64_t events = 0;
    int replications = 0;
    QString note; ///< the simulator's note (an event budget hit), or why nothing was simulated
    bool simulated = false; ///< false when the load saturates a station (the simulator refuses it)
};

/// Simulates the scenario's network with `options` and recombines the per-station residence times into
/// per-class latencies exactly as the analytic model does.
[[nodiscard]] PerformanceSimulation simulatePerformance(const design::Scenario &scenario,
                                                        const design::PinnedCatalog &catalog,
                                                        const queueing::SimulationOptions &options);

} // namespace iovplan::iov
