#pragma once
// Reduction of a network to the closed model its closed classes see, and completion of the open
// classes' metrics once the closed classes are solved (exact for product-form mixed networks).

#include "closedmodel.h"
#include "network.h"
#include "opensolution.h"

#include <cstdint>
#include <vector>

namespace iovplan::queueing {

/// The closed classes of the network as a ClosedModel. With open load (openLoad != nullptr, not
/// saturated) single-server queues get D / (1 - U_open) and load-dependent / multi-server stations an
/// effective rate table accounting for the open jobs; delay stations are unaffected.
/// Stations no closed class visits stay in the model with zero demand.
/// Throws InvalidNetwork("classes") when the open load saturates a station.
[[nodiscard]] ClosedModel closedModelOf(const Network &network, const OpenSolution *openLoad);

/// All classes' residence times and queue lengths (C x M, network class order) of a mixed network:
/// the closed rows from the closed solution, the open rows computed from the open load and the
/// closed jobs present at each station.
struct MixedMetrics {
    Eigen::MatrixXd residence;
    Eigen::MatrixXd queueLength;
};
[[nodiscard]] MixedMetrics completeMixed(const Network &network, const OpenSolution &open,
                                         const ClosedModel &closedModel, const ClosedSolution &closed);

/// What open load rho (< capacity) does to the closed jobs at a load-dependent or multi-server
/// station of a product-form mixed network, for n = 0..maxClosed closed jobs present. With
///   g(n) = sum_{m>=0} binom(n+m, m) rho^m / prod_{i<=n+m} alpha(i),
/// the closed jobs see the rate table alpha'(n) = g(n-1) / g(n), and given n closed jobs the number
/// of open jobs m has mean E[m | n] = sum_m m t(n,m) / g(n). Derivation: docs/queueing-open-mixed.md.
struct OpenLoadEffect {
    std::vector<double> effectiveAlpha; ///< alpha'(n), n = 1..maxClosed (index n - 1)
    std::vector<double> openMean;       ///< E[m | n], n = 0..maxClosed
};
[[nodiscard]] OpenLoadEffect openLoadEffect(const Station &station, double openLoad, std::int64_t maxClosed);

} // namespace iovplan::queueing
