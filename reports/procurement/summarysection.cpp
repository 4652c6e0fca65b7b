// The executive summary and the comparison of scenarios.
#include "reportcontext.h"

#include "reports/charts/chartpainter.h"
#include "reports/charts/scenariocharts.h"
#include "reports/comparisonmetrics.h"
#include "reports/figureformat.h"
#include "reports/kpifigures.h"

#include <algorithm>
#include <memory>

namespace iovplan::reports::procurement {

namespace {

// The figures the summary weighs, by their evaluate-JSON path (the Compare view's definitions).
const QStringList &summaryMetricPaths()
{
    static const QStringList paths {
        QStringLiteral("cost/io_purchase_usd"), QStringLiteral("cost/purchase_usd"), QStringLiteral("cost/io_tco_usd"),
        QStringLiteral("cost/tco_usd"), QStringLiteral("power/adapter_typical_w"), QStringLiteral("power/io_typical_w"),
        QStringLiteral("performance/classes/lan/throughput_bytes_per_s"), QStringLiteral("performance/classes/lan/peak_vm_bytes_per_s"),
        QStringLiteral("performance/classes/lan/p99_latency_s"), QStringLiteral("performance/classes/san/peak_vm_bytes_per_s"),
        QStringLiteral("performance/classes/san/p99_latency_s"), QStringLiteral("performance/cpu_headroom"),
        QStringLiteral("performance/max_vms_per_server"),
    };
    return paths;
}

std::vector<const iov::ScenarioMetrics *> metricsOf(const std::vector<EvaluatedScenario> &scenarios)
{
    std::vector<const iov::ScenarioMetrics *> metrics;
    for (const EvaluatedScenario &e : scenarios)
        metrics.push_back(&e.metrics);
    return metrics;
}

QString valueText(const MetricDefinition &metric, const MetricValue &value)
{
    return value.number ? formatFigure(metric.kind, *value.number) : value.text;
}

QString ratioText(const MetricDefinition &metric, const MetricValue &value, const MetricValue &baseline)
{
    if (!value.number || !baseline.number || *baseline.number == 0.0 || metric.kind == FigureKind::YesNo
        || metric.kind == FigureKind::Text)
        return QString();
    return QStringLiteral("×") + formatNumber(*value.number / *baseline.number, 2);
}

QString deltaText(const MetricDefinition &metric, const MetricValue &value, const MetricValue &baseline)
{
    const std::optional<double> delta = metricDelta(metric, value, baseline);
    return delta ? formatDelta(metric.kind, *delta) : QString();
}

QString gainText(const MetricDefinition &metric, const MetricValue &value, const MetricValue &baseline)
{
    const std::optional<double> gain = metricGainPercent(metric, value, baseline);
    return gain ? formatPercent(*gain) : QString();
}

// The recommended scenario against the baseline, one row per summary figure.
ReportTable recommendationTable(const ReportContext &context, const std::vector<MetricDefinition> &metrics,
                                std::size_t recommended)
{
    const EvaluatedScenario &base = context.scenarios[context.baseline];
    const EvaluatedScenario &chosen = context.scenarios[recommended];
    ReportTable table;
    table.columns = { { QStringLiteral("Figure"), Qt::AlignLeft, 2.4 },
                      { base.scenario.name, Qt::AlignRight, 1.5 },
                      { chosen.scenario.name, Qt::AlignRight, 1.5 },
                      { QStringLiteral("Difference"), Qt::AlignRight, 1.5 },
                      { QStringLiteral("Saving / gain"), Qt::AlignRight, 1.0 },
                      { QStringLiteral("Ratio"), Qt::AlignRight, 0.8 } };
    for (const QString &path : summaryMetricPaths()) {
        const auto found = std::find_if(metrics.begin(), metrics.end(), [&](const MetricDefinition &m) { return m.jsonPath == path; });
        if (found == metrics.end())
            continue;
        const MetricValue b = found->value(base.metrics);
        const MetricValue v = found->value(chosen.metrics);
        if (!b.number && !v.number)
            continue;
        const std::optional<double> gain = metricGainPercent(*found, v, b);
        TableRow row { { found->label, valueText(*found, b), valueText(*found, v), deltaText(*found, v, b),
                         gainText(*found, v, b), ratioText(*found, v, b) },
                       RowStyle::Normal, gain && *gain > 0.0 && !sameFigure(*gain, 0.0) };
        table.rows.push_back(row);
    }
    table.caption = QStringLiteral("Difference = %1 minus %2. Saving / gain: how much better %1 is, in % of %2 (a saving for "
                                   "costs, watts and latency; a gain for throughput, headroom and VMs). Ratio = %1 ÷ %2. "
                                   "Marked rows are better in %1.")
                        .arg(chosen.scenario.name, base.scenario.name);
    return table;
}

ReportTable glanceTable(const ReportContext &context)
{
    ReportTable table;
    const int years = context.scenarios.front().metrics.rollup.cost.years;
    table.columns = { { QStringLiteral("Scenario"), Qt::AlignLeft, 1.5 },
                      { QStringLiteral("IOV mode"), Qt::AlignLeft, 0.9 },
                      { QStringLiteral("I/O purchase"), Qt::AlignRight, 1.35 },
                      { QStringLiteral("TCO (%1 years)").arg(years), Qt::AlignRight, 1.5 },
                      { QStringLiteral("I/O power"), Qt::AlignRight, 0.9 },
                      { QStringLiteral("Worst p99"), Qt::AlignRight, 0.9 },
                      { QStringLiteral("Verdict"), Qt::AlignLeft, 1.7 } };
    for (std::size_t i = 0; i < context.scenarios.size(); ++i) {
        const EvaluatedScenario &e = context.scenarios[i];
        const cost::CostFigures &c = e.metrics.rollup.cost;
        const ScenarioVerdict &verdict = context.recommendation.verdicts[i];
        const std::optional<double> p99 = e.metrics.performance.saturated ? std::nullopt : worstInteractiveP99(e.metrics.performance);
        QString verdictText = context.recommendation.recommended == i ? QStringLiteral("Recommended")
            : verdict.qualifies                                       ? QStringLiteral("Meets its SLA")
                                                                      : verdict.reasons.join(QStringLiteral("; "));
        table.rows.push_back({ { e.scenario.name, design::iovModeName(e.scenario.iovMode), formatUsd(c.ioPurchase),
                                 formatUsd(c.tcoUsd), formatWatts(e.metrics.rollup.power.ioTypicalW),
                                 e.metrics.performance.saturated ? QStringLiteral("saturated") : p99 ? formatLatency(*p99) : QStringLiteral("—"),
                                 verdictText },
                               RowStyle::Normal, context.recommendation.recommended == i });
    }
    table.caption = QStringLiteral("TCO = purchase + %1 × (maintenance + energy per year), servers included where the design "
                                   "prices them; I/O power = adapters, switches, gateways with modules, cables and optics, typical "
                                   "draw. Worst p99 = the highest 99th-percentile latency of the lan, san and ipc classes.")
                        .arg(years);
    return table;
}

} // namespace

void addSummarySection(ReportDocument &document, const ReportContext &context)
{
    document.addHeading(1, reportSectionTitle(ReportSection::Summary));
    const Recommendation &r = context.recommendation;
    if (r.recommended) {
        const EvaluatedScenario &chosen = context.scenarios[*r.recommended];
        document.addParagraph(QStringLiteral("Recommendation: %1 (%2 I/O virtualization).")
                                  .arg(chosen.scenario.name, design::iovModeName(chosen.scenario.iovMode)),
                              ParagraphStyle::Lead);
    } else {
        document.addParagraph(QStringLiteral("No scenario can be recommended as drawn."), ParagraphStyle::Lead);
    }
    document.addParagraph(r.rationale);

    if (r.recommended && *r.recommended != context.baseline) {
        const EvaluatedScenario &base = context.scenarios[context.baseline];
        const EvaluatedScenario &chosen = context.scenarios[*r.recommended];
        const std::vector<MetricDefinition> metrics = comparisonMetrics(carriedClasses(metricsOf(context.scenarios)));
        const cost::CostFigures &b = base.metrics.rollup.cost;
        const cost::CostFigures &c = chosen.metrics.rollup.cost;
        const double ioSaving = cost::toUsd(b.ioPurchase - c.ioPurchase);
        const double tcoSaving = b.tcoUsd - c.tcoUsd;
        const double wattSaving = base.metrics.rollup.power.ioTypicalW - chosen.metrics.rollup.power.ioTypicalW;
        document.addParagraph(
            QStringLiteral("Against %1, %2 %3 %4 of I/O purchase cost, %5 %6 of %7-year TCO and %8 %9 of I/O power "
                           "(typical draw).")
                .arg(base.scenario.name, chosen.scenario.name, ioSaving >= 0 ? QStringLiteral("saves") : QStringLiteral("adds"),
                     formatUsd(std::abs(ioSaving)), tcoSaving >= 0 ? QStringLiteral("saves") : QStringLiteral("adds"),
                     formatUsd(std::abs(tcoSaving)), QString::number(c.years),
                     wattSaving >= 0 ? QStringLiteral("saves") : QStringLiteral("adds"), formatWatts(std::abs(wattSaving))));
        document.addTable(recommendationTable(context, metrics, *r.recommended));
    } else if (r.recommended) {
        document.addParagraph(QStringLiteral("The recommended scenario is the baseline of this report (%1): the others cost more "
                                             "to own or miss a target.")
                                  .arg(context.scenarios[context.baseline].scenario.name));
    }

    document.addHeading(3, QStringLiteral("Scenarios at a glance"));
    document.addTable(glanceTable(context));
    for (std::size_t i = 0; i < context.scenarios.size(); ++i) {
        const EvaluatedScenario &e = context.scenarios[i];
        const auto errors = std::count_if(e.metrics.problems.begin(), e.metrics.problems.end(),
                                          [](const design::Problem &p) { return p.severity == design::Severity::Error; });
        if (errors > 0)
            document.addParagraph(QStringLiteral("%1 has %2 design error(s): its figures describe the design as drawn, which "
                                                 "cannot be built as it stands. See its Problems section.")
                                      .arg(e.scenario.name)
                                      .arg(errors),
                                  ParagraphStyle::Alert);
    }
}

void addComparisonSection(ReportDocument &document, const ReportContext &context)
{
    document.addHeading(1, reportSectionTitle(ReportSection::Comparison));
    const EvaluatedScenario &base = context.scenarios[context.baseline];
    document.addParagraph(QStringLiteral("Every figure of the Compare view for the %1 scenarios, computed by the same model as "
                                         "the desktop application and `iovplan-cli evaluate`. Differences are taken against %2.")
                              .arg(context.scenarios.size())
                              .arg(base.scenario.name));
    const std::vector<MetricDefinition> metrics = comparisonMetrics(carriedClasses(metricsOf(context.scenarios)));

    ReportTable values;
    values.columns.push_back({ QStringLiteral("Figure"), Qt::AlignLeft, 1.9 });
    for (const EvaluatedScenario &e : context.scenarios)
        values.columns.push_back({ e.scenario.name, Qt::AlignRight, 1.5 });
    ReportTable deltas;
    deltas.columns.push_back({ QStringLiteral("Figure"), Qt::AlignLeft, 2.2 });
    for (std::size_t i = 0; i < context.scenarios.size(); ++i) {
        if (i == context.baseline)
            continue;
        deltas.columns.push_back({ QStringLiteral("%1: difference").arg(context.scenarios[i].scenario.name), Qt::AlignRight, 1.3 });
        deltas.columns.push_back({ QStringLiteral("saving / gain"), Qt::AlignRight, 0.9 });
    }

    std::optional<MetricGroup> group;
    for (const MetricDefinition &metric : metrics) {
        if (group != metric.group) {
            group = metric.group;
            values.rows.push_back({ { metricGroupName(metric.group) }, RowStyle::Group, false });
            deltas.rows.push_back({ { metricGroupName(metric.group) }, RowStyle::Group, false });
        }
        std::vector<MetricValue> row;
        for (const EvaluatedScenario &e : context.scenarios)
            row.push_back(metric.value(e.metrics));
        const std::vector<bool> best = bestValues(metric, row);
        TableRow valueRow { { metric.label }, RowStyle::Normal, false };
        for (std::size_t i = 0; i < row.size(); ++i)
            valueRow.cells << valueText(metric, row[i]) + (best[i] ? QStringLiteral(" ✓") : QString());
        values.rows.push_back(valueRow);
        TableRow deltaRow { { metric.label }, RowStyle::Normal, false };
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (i == context.baseline)
                continue;
            deltaRow.cells << deltaText(metric, row[i], row[context.baseline]) << gainText(metric, row[i], row[context.baseline]);
        }
        deltas.rows.push_back(deltaRow);
    }
    values.caption = QStringLiteral("✓ marks the better figure where the scenarios differ. \"saturated\": the class cannot be "
                                    "carried at the offered load, so it has no latency.");
    document.addTable(values);
    if (context.scenarios.size() > 1) {
        document.addHeading(3, QStringLiteral("Against %1").arg(base.scenario.name));
        deltas.caption = QStringLiteral("Difference = scenario minus %1; saving / gain in % of %1 (positive is better).")
                             .arg(base.scenario.name);
        document.addTable(deltas);
    }

    QStringList names;
    for (const EvaluatedScenario &e : context.scenarios)
        names << e.scenario.name;
    std::vector<QString> nameList(names.begin(), names.end());
    for (Chart &chart : comparisonCharts(nameList, metricsOf(context.scenarios))) {
        const QString title = chart.title;
        document.addFigure(std::make_shared<ChartFigure>(std::move(chart)), title);
    }
}

} // namespace iovplan::reports::procurement
