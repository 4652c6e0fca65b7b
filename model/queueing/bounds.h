#pragma once
// Bounds on a class's throughput and response time from the network alone (no solve): asymptotic
// bounds for every class, balanced-job bounds where they apply.

#include "network.h"
#include "opensolution.h"
#include "solution.h"

#include <cstddef>

namespace iovplan::queueing {

/// Bounds for class `cls`. Closed classes: asymptotic bounds (capacity-aware, multi-server and
/// load-dependent stations included; other closed classes accounted for in the upper response
/// bound; open load through reduced capacities) and, when the class is the only closed class and
/// visits only single-server queues and delay stations, the balanced-job bounds of Zahorjan et al.
/// (1982) with think time (Lazowska et al., QSP 1984, Table 5.2), delay demand counted as think
/// time. Open classes: throughput up to lambda x min(1, maxArrivalScale), response time at least
/// the demand, no finite upper response bound (0). `open` may be null: the open load is then
/// computed from the network. Equations: docs/queueing-open-mixed.md ("Bounds").
[[nodiscard]] ClassBounds classBounds(const Network &network, std::size_t cls, const OpenSolution *open = nullptr);

} // namespace iovplan::queueing
