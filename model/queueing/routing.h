#pragma once
// Visit ratios from routing probabilities: the traffic equations, solved with Eigen's sparse LU.

#include <cstddef>
#include <vector>

namespace iovplan::queueing {

struct Transition {
    std::size_t from = 0;
    std::size_t to = 0;
    double probability = 0.0;
};

/// Routing of one class among the network's stations. Probabilities leaving a station sum to at
/// most 1; for an open class the remainder leaves the network, a closed class's rows sum to 1.
struct Routing {
    std::size_t stationCount = 0;
    std::vector<Transition> transitions;
};

/// Open class: v = e + P^T v, where e[k] is the fraction of external arrivals entering at k
/// (summing to 1). Throws InvalidNetwork("routing") when jobs can never leave (I - P^T singular).
[[nodiscard]] std::vector<double> openVisitRatios(const Routing &routing, const std::vector<double> &entry);

/// Closed class: v = P^T v with v[reference] = 1. Stations unreachable from the reference get 0.
/// Throws InvalidNetwork("routing") when the reference station is never left or rows do not sum to 1.
[[nodiscard]] std::vector<double> closedVisitRatios(const Routing &routing, std::size_t reference);

} // namespace iovplan::queueing
