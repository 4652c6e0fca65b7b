#pragma once
// Writes a queueing Solution as the qn JSON output (ARCHITECTURE.md, docs/qn-format.md).

#include "queueing/network.h"
#include "queueing/solution.h"

#include <QByteArray>

namespace iovplan::io {

/// The qn output document of `solution`, which solved `network`. Keys appear in the contract's
/// order; the additions (algorithm, max_arrival_scale, iterations, converged, per class kind and
/// bottleneck, per station kind, per_class throughput) follow the keys they belong with.
/// Numbers are written in shortest round-trip form. Values the solution leaves absent
/// (saturated networks) and any non-finite number are written as null: no NaN or infinity ever
/// reaches the output. Ends with a newline.
[[nodiscard]] QByteArray writeQnSolution(
    const queueing::Network &network, const queueing::Solution &solution);

/// The contract's spelling of an algorithm ("exact-mva", "bard-schweitzer", ...).
[[nodiscard]] const char *algorithmName(queueing::Algorithm algorithm);
/// "exact" or "approximate".
[[nodiscard]] const char *methodName(queueing::Method method);
/// "queue", "delay" or "load-dependent".
[[nodiscard]] const char *stationKindName(queueing::StationKind kind);

} // namespace iovplan::io
