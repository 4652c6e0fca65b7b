#pragma once
// Entry point of the engine: validate a network, choose an algorithm, return an immutable Solution.

#include "network.h"
#include "solution.h"

#include <cstdint>

namespace iovplan::queueing {

enum class MethodRequest {
    Auto,           ///< exact when small enough (see SolveOptions), else approximate
    Exact,          ///< exact MVA (convolution is used only when asked for by name)
    Approximate,    ///< Linearizer, the accurate approximate default; Bard-Schweitzer beyond its size limit
    Mva,            ///< exact MVA by name
    Convolution,    ///< single closed class only
    BardSchweitzer, ///< approximate, faster and coarser than Linearizer
    Linearizer,
};

struct SolveOptions {
    MethodRequest method = MethodRequest::Auto;
    /// Auto chooses exact MVA while the work estimate (see exactWorkEstimate) stays at or below this.
    double autoExactWorkLimit = 2.0e8;
    /// Exact MVA refuses larger lattices (memory): product over closed classes of (N_c + 1).
    double exactLatticeLimit = 4.0e6;
    /// Linearizer keeps C x C x M estimates (C closed classes, M stations); above this many, auto and
    /// approximate fall back to Bard-Schweitzer (C x M) and an explicit linearizer request is refused.
    double linearizerSizeLimit = 2.0e7;
    double tolerance = 1e-10;  ///< approximate solvers: largest relative change of Q between iterations
    int maxIterations = 100000;
};

/// Number of population vectors exact MVA visits: prod_c (N_c + 1).
[[nodiscard]] double latticeSize(const Network &network);
/// Work exact MVA would do, in station-class updates (lattice x stations x classes, plus the
/// marginal-probability work of load-dependent stations).
[[nodiscard]] double exactWorkEstimate(const Network &network);

/// Checks that the network is solvable (names, counts, finite positive numbers, every class has
/// demand, product-form restrictions). Throws InvalidNetwork naming the field.
void validateNetwork(const Network &network);

/// Solves the network. Throws InvalidNetwork for a network it cannot solve as asked (including an
/// exact solve whose lattice exceeds exactLatticeLimit). Never returns NaN or infinity.
[[nodiscard]] Solution solve(const Network &network, const SolveOptions &options = {});

} // namespace iovplan::queueing
