#pragma once
// The figures a report prints, computed once: each chosen scenario evaluated (iov::evaluate) with its
// latency-against-load curve. The GUI passes the evaluations it already has; the CLI computes them here.

#include "reportoptions.h"

#include "model/design/project.h"
#include "model/iov/evaluation.h"
#include "reports/latencycurve.h"

#include <QString>

#include <vector>

namespace iovplan::reports {

/// One scenario of the report and everything computed from it.
struct EvaluatedScenario
{
    design::Scenario scenario;
    iov::ScenarioMetrics metrics;
    LatencyCurve curve;
};

/// The scenarios a report covers, evaluated, or why it cannot be made.
struct ReportInputs
{
    std::vector<EvaluatedScenario> scenarios; ///< in the options' order (project order when none named)
    QString error; ///< "--scenarios: no scenario named 'X' (the project has: A, B)"
    [[nodiscard]] bool ok() const { return error.isEmpty(); }
};

/// The scenarios `options` names (every scenario when none), in that order, checked to exist.
/// `error` names the first unknown one. Nothing is evaluated.
[[nodiscard]] ReportInputs chooseReportScenarios(const design::Project &project, const ReportOptions &options);

/// chooseReportScenarios, then every chosen scenario evaluated with the pinned catalog of `project`
/// (capacity search included) and its latency curve swept in `options.latencyCurveSteps` steps.
[[nodiscard]] ReportInputs evaluateReportInputs(const design::Project &project, const ReportOptions &options);

} // namespace iovplan::reports
