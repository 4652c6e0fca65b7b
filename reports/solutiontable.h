#pragma once
// Plain-text report of a queueing Solution: what `iovplan-cli qn --format table` prints.

#include "queueing/network.h"
#include "queueing/solution.h"

#include <QString>

namespace iovplan::reports {

/// A human-readable, column-aligned report of `solution` (which solved `network`): the method and
/// algorithm, saturation and the bottleneck, then a classes table, a stations table and a
/// per-class-at-station table. Absent values print as "-"; approximate percentiles are marked "~"
/// and explained in a note. Ends with a newline.
[[nodiscard]] QString solutionTable(const queueing::Network &network, const queueing::Solution &solution);

} // namespace iovplan::reports
