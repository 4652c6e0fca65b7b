#pragma once

#include "closedmodel.h"

namespace iovplan::queueing {

struct ApproximateOptions {
    double tolerance = 1e-10; ///< stop when no queue length changes by more than this (relative)
    int maxIterations = 100000;
};

/// Bard-Schweitzer approximate MVA: Q_k(N - e_c) ~ Q_k(N) scaled by (N_c - 1) / N_c for class c.
[[nodiscard]] ClosedSolution bardSchweitzer(const ClosedModel &model, const ApproximateOptions &options = {});

/// Chandy-Neuse Linearizer: Bard-Schweitzer refined with fractional deviations estimated at N - e_c.
[[nodiscard]] ClosedSolution linearizer(const ClosedModel &model, const ApproximateOptions &options = {});

} // namespace iovplan::queueing
