#include "reportinputs.h"

#include <algorithm>

namespace iovplan::reports {

ReportInputs chooseReportScenarios(const design::Project &project, const ReportOptions &options)
{
    ReportInputs inputs;
    if (project.scenarios.empty()) {
        inputs.error = QStringLiteral("the project has no scenarios");
        return inputs;
    }
    if (options.scenarios.isEmpty()) {
        for (const design::Scenario &scenario : project.scenarios)
            inputs.scenarios.push_back({ scenario, {}, {} });
        return inputs;
    }
    for (const QString &name : options.scenarios) {
        const auto found = std::find_if(project.scenarios.begin(), project.scenarios.end(),
                                        [&](const design::Scenario &s) { return s.name == name; });
        if (found == project.scenarios.end()) {
            QStringList names;
            for (const design::Scenario &s : project.scenarios)
                names << s.name;
            inputs.error = QStringLiteral("--scenarios: no scenario named '%1' (the project has: %2)")
                               .arg(name, names.join(QStringLiteral(", ")));
            inputs.scenarios.clear();
            return inputs;
        }
        const bool repeated = std::any_of(inputs.scenarios.begin(), inputs.scenarios.end(),
                                          [&](const EvaluatedScenario &e) { return e.scenario.name == name; });
        if (!repeated)
            inputs.scenarios.push_back({ *found, {}, {} });
    }
    return inputs;
}

ReportInputs evaluateReportInputs(const design::Project &project, const ReportOptions &options)
{
    ReportInputs inputs = chooseReportScenarios(project, options);
    for (EvaluatedScenario &e : inputs.scenarios) {
        e.metrics = iov::evaluate(e.scenario, project.catalog);
        e.curve = latencyCurve(e.scenario, project.catalog, e.metrics.performance.maxLoadScale,
                               std::max(2, options.latencyCurveSteps));
    }
    return inputs;
}

} // namespace iovplan::reports
