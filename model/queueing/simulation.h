#pragma once
// Discrete-event simulation of the networks the analytic engine solves: a cross-check of its means
// with independent replications and 95% confidence intervals (docs/simulation.md).

#include "network.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace iovplan::queueing {

/// The law of every service time, given its mean from the network.
enum class ServiceDistribution {
    Exponential,   ///< what the product-form solution assumes
    Deterministic, ///< fixed-size work (packets of one size): M/D/1 at a single FCFS queue
    Gamma,         ///< mean and coefficient of variation (SimulationOptions::serviceCv); cv 1 = exponential
};

/// How a pass through the network is turned into a sequence of station visits.
enum class RouteConstruction {
    /// floor(v) visits to each station plus one more with probability frac(v), drawn at the start of
    /// the pass and made in rounds in network order (a tandem for v = 1 everywhere).
    Fixed,
    /// Markov routing: after the pass starts and after every visit, go to station k with probability
    /// v_k / (1 + V), end the pass with 1 / (1 + V), V = sum v (geometric number of visits).
    Markov,
};

/// Scheduling at Queue stations (Delay stations are infinite servers, LoadDependent ones always
/// processor sharing with rate alpha(n)).
enum class QueueDiscipline {
    /// FCFS where every class visiting the station has the same mean service time (the case the
    /// product-form solution describes), processor sharing (rate min(n, c)) where they differ.
    Auto,
    Fcfs,
    ProcessorSharing,
};

/// How long, how often and with which randomness to simulate.
struct SimulationOptions {
    std::uint64_t seed = 1;       ///< replication r uses a seed derived from (seed, r): std::mt19937_64
    int replications = 10;        ///< independent replications, >= 2 (the interval needs two)
    std::optional<double> warmupTime; ///< discarded start of each replication; default runLength / 10
    std::optional<double> runLength;  ///< measured time of each replication after warm-up; default sized
                                      ///< so one replication processes about targetEventsPerReplication
    double targetEventsPerReplication = 400000.0;
    std::int64_t maxEventsPerReplication = 50000000; ///< budget: a replication stops here and says so
    ServiceDistribution service = ServiceDistribution::Exponential;
    double serviceCv = 1.0; ///< Gamma only: coefficient of variation, > 0 and <= 10
    RouteConstruction routing = RouteConstruction::Fixed;
    QueueDiscipline discipline = QueueDiscipline::Auto;
};

/// A mean over replications and the half-width of its 95% Student-t confidence interval.
struct Estimate {
    double mean = 0.0;
    double halfWidth = 0.0;
};

struct SimulatedClass {
    std::string name;
    bool open = false;
    Estimate throughput;    ///< passes per time unit
    Estimate responseTime;  ///< time in the stations per pass, think time excluded
    std::int64_t passes = 0; ///< passes measured, over all replications
};

struct SimulatedStationClass {
    std::string className;
    Estimate utilization;   ///< the station's utilization times this class's share of the work done
    Estimate throughput;    ///< visits per time unit
    Estimate queueLength;   ///< time-average number of this class present
    Estimate residenceTime; ///< measured time at the station per pass of the class (V x R)
};

struct SimulatedStation {
    std::string name;
    StationKind kind = StationKind::Queue;
    bool processorSharing = false; ///< the discipline simulated (Delay: false)
    /// Queue: mean fraction of busy servers; Delay: mean number present; LoadDependent: P(not empty).
    Estimate utilization;
    Estimate queueLength;  ///< time-average number present (waiting and in service)
    Estimate throughput;   ///< visits per time unit
    Estimate responseTime; ///< measured mean time per visit
    std::vector<SimulatedStationClass> perClass; ///< the classes that visit the station
};

/// Immutable outcome of simulate(). Never holds NaN or infinity.
struct SimulationResult {
    // The settings that ran (defaults resolved).
    std::uint64_t seed = 0;
    int replications = 0;
    double warmupTime = 0.0;
    double runLength = 0.0;
    ServiceDistribution service = ServiceDistribution::Exponential;
    double serviceCv = 1.0; ///< the coefficient of variation simulated (0 deterministic, 1 exponential)
    RouteConstruction routing = RouteConstruction::Fixed;
    double tQuantile = 0.0; ///< t_{0.975, R-1} used for every half-width

    std::int64_t events = 0; ///< events processed over all replications
    /// True when a replication hit maxEventsPerReplication: its statistics cover the time it reached.
    bool eventBudgetExhausted = false;
    std::string note; ///< why a run stopped early (empty otherwise)

    std::vector<SimulatedClass> classes;
    std::vector<SimulatedStation> stations;
};

/// Simulates `network` (validated like solve()) with `options`. Throws InvalidNetwork for a network
/// the simulation cannot reach a steady state on (open load at or above a station's capacity) and for
/// invalid options (field "options.<name>"). Equal options give equal results.
[[nodiscard]] SimulationResult simulate(const Network &network, const SimulationOptions &options = {});

/// t_{0.975, dof}: the two-sided 95% Student-t quantile (table to 30, Cornish-Fisher beyond), dof >= 1.
[[nodiscard]] double studentT975(int degreesOfFreedom);

} // namespace iovplan::queueing
