#pragma once
// Immutable results of a solve, in the shape of the qn JSON output (ARCHITECTURE.md).

#include <optional>
#include <string>
#include <vector>

namespace iovplan::queueing {

/// What ran, as the qn output's "method" key says it.
enum class Method { Exact, Approximate };

/// Which algorithm ran (the output's "algorithm" key, an addition to the contract).
enum class Algorithm {
    OpenProductForm, ///< open classes only: closed-form product-form solution
    ExactMva,        ///< exact multiclass MVA over the population lattice (mixed: after open reduction)
    Convolution,     ///< Buzen's convolution, single closed class
    BardSchweitzer,  ///< approximate MVA, Bard-Schweitzer proportional estimate
    Linearizer,      ///< approximate MVA, Chandy-Neuse Linearizer
};

struct Percentiles {
    double p50 = 0.0;
    double p90 = 0.0;
    double p95 = 0.0;
    double p99 = 0.0;
    /// True for a single M/M/1 or M/M/c FCFS station; otherwise a gamma fit to the first two moments.
    bool exact = false;
};

struct ClassBounds {
    double throughputUpper = 0.0;
    double throughputLower = 0.0;
    double responseTimeLower = 0.0;
    double responseTimeUpper = 0.0; ///< 0 when no finite bound exists (open classes)
    bool balancedJob = false;       ///< balanced-job bounds (tighter) rather than asymptotic ones
    /// Asymptotic bounds, always present.
    double asymptoticThroughputUpper = 0.0;
    double asymptoticThroughputLower = 0.0;
    double asymptoticResponseTimeLower = 0.0;
    double asymptoticResponseTimeUpper = 0.0;
    /// Closed classes: N* = (D + Z) / D_max, the population beyond which the bottleneck saturates.
    double saturationPopulation = 0.0;
};

struct ClassResult {
    std::string name;
    bool open = false;
    /// Passes through the network per time unit. For a saturated open class: what it could carry
    /// at the saturation point (lambda x min(1, maxArrivalScale)).
    double throughput = 0.0;
    /// Time in the network per pass, think time excluded. Absent when the class cannot reach
    /// a steady state (saturated open network).
    std::optional<double> responseTime;
    std::optional<Percentiles> percentiles;
    ClassBounds bounds;
    std::string bottleneck; ///< station with the largest demand relative to its capacity
};

struct StationClassResult {
    std::string className;
    double utilization = 0.0; ///< this class's share of the station's utilization
    double throughput = 0.0;  ///< visits per time unit, X_c V_ck
    std::optional<double> queueLength;
    std::optional<double> residenceTime; ///< per pass (V x R)
};

struct StationResult {
    std::string name;
    /// Queue: mean fraction of busy servers (0..1). Delay: mean number present.
    /// LoadDependent: probability the station is not empty.
    double utilization = 0.0;
    std::optional<double> queueLength;
    std::vector<StationClassResult> perClass; ///< only the classes that visit the station
};

struct Solution {
    Method method = Method::Exact;
    Algorithm algorithm = Algorithm::ExactMva;
    bool saturated = false;
    std::string bottleneck;
    /// Networks with open classes: the factor by which all open arrival rates can grow before
    /// the first station saturates (< 1 when already saturated).
    std::optional<double> maxArrivalScale;
    int iterations = 0;        ///< approximate algorithms
    bool converged = true;     ///< approximate algorithms
    std::vector<ClassResult> classes;
    std::vector<StationResult> stations;
};

} // namespace iovplan::queueing
