#pragma once

#include "closedmodel.h"
#include "scaledreal.h"

#include <vector>

namespace iovplan::queueing {

/// Buzen's convolution algorithm for a single closed class, with load-dependent stations, computed
/// with scaled arithmetic so that normalising constants of any size neither overflow nor underflow.
/// Requires model.classCount() == 1 (throws InvalidNetwork otherwise). Think time enters as a delay
/// factor. Load-dependent stations get their exact marginal P(j present), j = 0..N.
[[nodiscard]] ClosedSolution convolution(const ClosedModel &model);

/// The normalising constants G(0..N) of a single-class model (think time included as a delay
/// station), in scaled arithmetic. G(0) = 1.
[[nodiscard]] std::vector<ScaledReal> normalisingConstants(const ClosedModel &model);

/// G(0..N) as doubles, for tests against published tables; empty when some G(n) does not fit in a
/// double (then use normalisingConstants()).
[[nodiscard]] std::vector<double> convolutionNormalisingConstants(const ClosedModel &model);

} // namespace iovplan::queueing
