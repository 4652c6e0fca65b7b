#pragma once

#include "opensolution.h"

namespace iovplan::queueing {

/// Solves the open classes of a network (closed classes are ignored): M/M/1 (FCFS or PS),
/// M/M/c through Erlang C, infinite server, and load-dependent stations. Saturation is reported,
/// never computed through.
[[nodiscard]] OpenSolution solveOpenClasses(const Network &network);

} // namespace iovplan::queueing
