#pragma once
// Reduction of a network to the closed model its closed classes see, and completion of the open
// classes' metrics once the closed classes are solved (exact for product-form mixed networks).

#include "closedmodel.h"
#include "network.h"
#include "opensolution.h"

namespace iovplan::queueing {

/// The closed classes of the network as a ClosedModel. With open load (openLoad != nullptr, not
/// saturated) single-server queues get D / (1 - U_open) and load-dependent / multi-server stations an
/// effective rate table accounting for the open jobs; delay stations are unaffected.
/// Stations no closed class visits stay in the model with zero demand.
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

} // namespace iovplan::queueing
