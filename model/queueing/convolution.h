#pragma once

#include "closedmodel.h"

namespace iovplan::queueing {

/// Buzen's convolution algorithm for a single closed class, with load-dependent stations, computed
/// with scaled arithmetic so that normalising constants of any size neither overflow nor underflow.
/// Requires model.classCount() == 1.
[[nodiscard]] ClosedSolution convolution(const ClosedModel &model);

} // namespace iovplan::queueing
