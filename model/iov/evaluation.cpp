#include "evaluation.h"

namespace iovplan::iov {

ScenarioMetrics evaluate(const design::Scenario &scenario, const design::PinnedCatalog &catalog,
                         const PerformanceOptions &options)
{
    ScenarioMetrics metrics { cost::rollUp(scenario, catalog), evaluatePerformance(scenario, catalog, options), {} };
    metrics.problems = metrics.rollup.problems;
    metrics.problems.insert(metrics.problems.end(), metrics.performance.problems.begin(),
                            metrics.performance.problems.end());
    return metrics;
}

} // namespace iovplan::iov
