#pragma once
// `iovplan-cli evaluate --format table`: a scenario's roll-up as a text block for people.

#include "model/iov/evaluation.h"
#include "model/design/scenario.h"

#include <QString>

namespace iovplan::reports {

/// The evaluation of `scenario` as aligned text: purchase (I/O and total, by category), maintenance,
/// energy, TCO, power, counts and capacity; per traffic class throughput, peaks and latencies; CPU,
/// capacity search, bottleneck and the mode's properties; then the problems of both.
[[nodiscard]] QString evaluationTable(const design::Scenario &scenario, const iov::ScenarioMetrics &metrics);

} // namespace iovplan::reports
