#include "recommendation.h"

#include "reports/figureformat.h"
#include "reports/kpifigures.h"

#include <algorithm>

namespace iovplan::reports {

ScenarioVerdict scenarioVerdict(const EvaluatedScenario &e)
{
    ScenarioVerdict verdict;
    const auto errors = std::count_if(e.metrics.problems.begin(), e.metrics.problems.end(),
                                      [](const design::Problem &p) { return p.severity == design::Severity::Error; });
    if (errors > 0)
        verdict.reasons << (errors == 1 ? QStringLiteral("1 design error") : QStringLiteral("%1 design errors").arg(errors));
    const iov::PerformanceMetrics &performance = e.metrics.performance;
    if (performance.saturated) {
        verdict.reasons << saturatedText(performance).toLower();
    } else {
        const std::optional<double> p99 = worstInteractiveP99(performance);
        const double sla = e.scenario.workload.sla.latencyS;
        if (p99 && *p99 > sla)
            verdict.reasons << QStringLiteral("p99 latency %1 exceeds the SLA of %2").arg(formatLatency(*p99), formatLatency(sla));
    }
    verdict.qualifies = verdict.reasons.isEmpty();
    return verdict;
}

Recommendation recommend(const std::vector<EvaluatedScenario> &scenarios)
{
    Recommendation r;
    for (const EvaluatedScenario &e : scenarios)
        r.verdicts.push_back(scenarioVerdict(e));
    for (std::size_t i = 0; i < scenarios.size(); ++i) {
        if (!r.verdicts[i].qualifies)
            continue;
        if (!r.recommended) {
            r.recommended = i;
            continue;
        }
        const cost::CostFigures &best = scenarios[*r.recommended].metrics.rollup.cost;
        const cost::CostFigures &c = scenarios[i].metrics.rollup.cost;
        if (c.tcoUsd < best.tcoUsd || (c.tcoUsd == best.tcoUsd && c.purchase < best.purchase))
            r.recommended = i;
    }
    if (r.recommended) {
        const EvaluatedScenario &e = scenarios[*r.recommended];
        const cost::CostFigures &c = e.metrics.rollup.cost;
        const auto qualifying = std::count_if(r.verdicts.begin(), r.verdicts.end(), [](const ScenarioVerdict &v) { return v.qualifies; });
        r.rationale = qualifying == 1
            ? QStringLiteral("%1 is the only scenario that can be built as drawn and meets its SLA; its %2-year TCO is %3.")
                  .arg(e.scenario.name).arg(c.years).arg(formatUsd(c.tcoUsd))
            : QStringLiteral("%1 has the lowest %2-year total cost of ownership (%3) of the %4 scenarios that can be built as "
                             "drawn, do not saturate and meet their SLA.")
                  .arg(e.scenario.name).arg(c.years).arg(formatUsd(c.tcoUsd)).arg(qualifying);
    } else {
        r.rationale = QStringLiteral("No scenario can be recommended: none can be built as drawn, stays below saturation and "
                                     "meets its SLA. The reasons are listed for each scenario below.");
    }
    return r;
}

} // namespace iovplan::reports
