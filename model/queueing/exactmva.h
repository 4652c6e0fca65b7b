#pragma once

#include "closedmodel.h"

namespace iovplan::queueing {

/// Exact multiclass MVA over the population lattice with delay, single-server and load-dependent
/// stations. Load-dependent marginals are kept numerically stable: p_k(0 | n) is obtained from the
/// complement network's throughput rather than as 1 - sum (see docs/queueing.md).
[[nodiscard]] ClosedSolution exactMva(const ClosedModel &model);

} // namespace iovplan::queueing
