#include "reportcharts.h"

#include "reports/charts/scenariocharts.h"

#include <QRegularExpression>

#include <algorithm>

namespace iovplan::reports {

QString fileSlug(const QString &text)
{
    static const QRegularExpression notSlug(QStringLiteral("[^a-z0-9]+"));
    QString slug = text.toLower().replace(notSlug, QStringLiteral("-"));
    while (slug.startsWith(QLatin1Char('-')))
        slug.remove(0, 1);
    while (slug.endsWith(QLatin1Char('-')))
        slug.chop(1);
    return slug.isEmpty() ? QStringLiteral("scenario") : slug;
}

std::vector<NamedChart> reportCharts(const std::vector<EvaluatedScenario> &scenarios)
{
    std::vector<NamedChart> charts;
    std::vector<QString> names;
    std::vector<const iov::ScenarioMetrics *> metrics;
    for (const EvaluatedScenario &e : scenarios) {
        for (Chart &chart : scenarioCharts(e.scenario, e.metrics, e.curve)) {
            const QString stem = fileSlug(e.scenario.name) + QLatin1Char('-') + chart.id;
            charts.push_back({ e.scenario.name, stem, std::move(chart) });
        }
        names.push_back(e.scenario.name);
        metrics.push_back(&e.metrics);
    }
    if (scenarios.size() > 1) {
        for (Chart &chart : comparisonCharts(names, metrics)) {
            const QString stem = chart.id;
            charts.push_back({ QString(), stem, std::move(chart) });
        }
    }
    return charts;
}

std::vector<NamedChart> projectCharts(const design::Project &project, const QString &scenario)
{
    ReportOptions options;
    const ReportInputs inputs = evaluateReportInputs(project, options);
    std::vector<NamedChart> charts = reportCharts(inputs.scenarios);
    if (!scenario.isEmpty())
        charts.erase(std::remove_if(charts.begin(), charts.end(),
                                    [&](const NamedChart &c) { return !c.scenario.isEmpty() && c.scenario != scenario; }),
                     charts.end());
    return charts;
}

const NamedChart *findChart(const std::vector<NamedChart> &charts, const QString &id, const QString &scenario)
{
    const NamedChart *found = nullptr;
    int matches = 0;
    for (const NamedChart &c : charts) {
        if (c.chart.id != id)
            continue;
        if (!c.scenario.isEmpty() && !scenario.isEmpty() && c.scenario != scenario)
            continue;
        found = &c;
        ++matches;
    }
    return matches == 1 ? found : nullptr;
}

} // namespace iovplan::reports
