#pragma once
// `iovplan-cli evaluate --format table`: a scenario's roll-up as a text block for people.

#include "model/cost/rollup.h"
#include "model/design/scenario.h"

#include <QString>

namespace iovplan::reports {

/// The roll-up of `scenario` as aligned text: purchase (I/O and total, by category), maintenance,
/// energy, TCO, power, counts and capacity, then the problems.
[[nodiscard]] QString evaluationTable(const design::Scenario &scenario, const cost::Rollup &rollup);

} // namespace iovplan::reports
