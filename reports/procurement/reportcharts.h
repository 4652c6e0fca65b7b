#pragma once
// Every chart of a report as a file to export (File > Export > Charts, `iovplan-cli export-chart`): each
// scenario's charts and the comparison charts, named so the files sort and never collide.

#include "reportinputs.h"

#include "model/design/project.h"
#include "reports/charts/chart.h"

#include <QString>

#include <vector>

namespace iovplan::reports {

/// A chart with the scenario it belongs to and the file name it is exported under.
struct NamedChart
{
    QString scenario; ///< empty for comparison charts
    QString fileStem; ///< "gige-fc-cost-by-category", "compare-purchase"
    Chart chart;
};

/// `text` as a file-name slug: lower case, runs of anything but a-z and 0-9 become one '-'.
[[nodiscard]] QString fileSlug(const QString &text);

/// The charts of the evaluated scenarios: each scenario's charts, then (with two or more) the comparison charts.
[[nodiscard]] std::vector<NamedChart> reportCharts(const std::vector<EvaluatedScenario> &scenarios);

/// The charts of `project`: its scenarios evaluated, each one's charts (only `scenario`'s when given),
/// then the comparison charts of all of them.
[[nodiscard]] std::vector<NamedChart> projectCharts(const design::Project &project, const QString &scenario = {});

/// The chart `id` of `scenario` (a comparison chart ignores the scenario; a scenario chart needs one unless
/// only one scenario's charts are present), or null.
[[nodiscard]] const NamedChart *findChart(const std::vector<NamedChart> &charts, const QString &id, const QString &scenario);

} // namespace iovplan::reports
