#pragma once

#include "closedmodel.h"

namespace iovplan::queueing {

struct ApproximateOptions {
    double tolerance = 1e-10; ///< stop when no queue length changes by more than this (relative)
    int maxIterations = 100000;
    /// Networks of single-server queues and delay stations only: solve the fixed point by Newton's
    /// method on the C class throughputs, then check it with plain iterations (the same stopping
    /// test). False runs plain substitution from the start (kept for tests and comparison).
    /// Networks with load-dependent stations always use plain substitution.
    bool accelerated = true;
};

/// Bard-Schweitzer approximate MVA: Q_k(N - e_c) ~ Q_k(N) with class c's queue scaled by
/// (N_c - 1) / N_c. Load-dependent stations use a fitted finite-source marginal (exact for one
/// class with one such station and think time); see docs/queueing-approximate.md.
/// `iterations` counts Newton steps plus plain iterations (see ApproximateOptions::accelerated).
[[nodiscard]] ClosedSolution bardSchweitzer(const ClosedModel &model, const ApproximateOptions &options = {});

/// Chandy-Neuse Linearizer: Bard-Schweitzer refined with fractional deviations estimated at N - e_c
/// (at least 3 outer passes as in the 1982 paper, then until Q(N) is stable, at most 10).
[[nodiscard]] ClosedSolution linearizer(const ClosedModel &model, const ApproximateOptions &options = {});

} // namespace iovplan::queueing
