#pragma once
// evaluate(): everything IOV Planner knows about one scenario (ARCHITECTURE.md, "Data flow") — the cost and
// power roll-up and the performance model, with their problems together. A pure function: no I/O, no
// globals; the dashboard, compare view, reports and `iovplan-cli evaluate` all read its result.

#include "performance.h"

#include "model/cost/rollup.h"

#include <vector>

namespace iovplan::iov {

/// The metrics of one scenario.
struct ScenarioMetrics
{
    cost::Rollup rollup;
    PerformanceMetrics performance;
    /// The roll-up's problems (physical rules, missing figures) then the performance model's (modes,
    /// saturation, paths): errors first within each.
    std::vector<design::Problem> problems;
};

/// Evaluates `scenario` with the items `catalog` pins.
[[nodiscard]] ScenarioMetrics evaluate(const design::Scenario &scenario, const design::PinnedCatalog &catalog,
                                       const PerformanceOptions &options = {});

} // namespace iovplan::iov
