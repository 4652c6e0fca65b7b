#pragma once
// Which scenario the report recommends, and why: the lowest total cost of ownership among the scenarios
// that can be built as drawn and meet their SLA. A rule a buyer can check by reading the comparison table.

#include "reportinputs.h"

#include <QString>

#include <optional>
#include <vector>

namespace iovplan::reports {

/// Whether one scenario qualifies for the recommendation, and if not, why.
struct ScenarioVerdict
{
    bool qualifies = false;
    /// Empty when it qualifies; else the reasons, e.g. "2 design errors", "saturated at 0.83× load",
    /// "p99 latency 1.4 ms exceeds the SLA of 1 ms".
    QStringList reasons;
};

/// The recommendation over the evaluated scenarios.
struct Recommendation
{
    std::vector<ScenarioVerdict> verdicts; ///< one per scenario, in the inputs' order
    std::optional<std::size_t> recommended; ///< index of the qualifying scenario with the lowest TCO
    /// One sentence: why this scenario (or why none).
    QString rationale;
};

/// The verdict on one scenario: qualifies when it has no design error, does not saturate and its worst
/// interactive p99 latency (lan, san, ipc) is within the SLA.
[[nodiscard]] ScenarioVerdict scenarioVerdict(const EvaluatedScenario &scenario);

/// Recommends the qualifying scenario with the lowest TCO (ties: the lower purchase, then the earlier one).
[[nodiscard]] Recommendation recommend(const std::vector<EvaluatedScenario> &scenarios);

} // namespace iovplan::reports
