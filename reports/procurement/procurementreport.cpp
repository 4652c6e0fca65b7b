#include "procurementreport.h"

#include "reportcontext.h"

#include "reports/figureformat.h"

#include <iovplan/version.h>

#include <QCryptographicHash>

#include <algorithm>

namespace iovplan::reports {

namespace {

QString scenarioList(const std::vector<EvaluatedScenario> &scenarios)
{
    QStringList names;
    for (const EvaluatedScenario &e : scenarios)
        names << e.scenario.name;
    return names.join(QStringLiteral(", "));
}

ReportCover cover(const design::Project &project, const std::vector<EvaluatedScenario> &scenarios,
                  const ReportOptions &options, const QString &author)
{
    const CatalogSnapshot catalog = catalogSnapshot(project);
    ReportCover c;
    c.title = project.name.isEmpty() ? QStringLiteral("I/O procurement report") : project.name;
    c.subtitle = QStringLiteral("I/O consolidation: procurement report");
    c.lines = {
        { QStringLiteral("Scenarios"), scenarioList(scenarios) },
        { QStringLiteral("Date"), reportLocale().toString(options.date, QStringLiteral("d MMMM yyyy")) },
        { QStringLiteral("Author"), author.isEmpty() ? QStringLiteral("(not given)") : author },
        { QStringLiteral("Catalog"),
          QStringLiteral("%1 pinned items, snapshot %2").arg(catalog.items).arg(catalog.fingerprint) },
        { QStringLiteral("Price dates"), catalog.oldestPriceDate == catalog.newestPriceDate
              ? catalog.oldestPriceDate
              : QStringLiteral("%1 to %2").arg(catalog.oldestPriceDate, catalog.newestPriceDate) },
        { QStringLiteral("Prepared with"), QStringLiteral("IOV Planner %1").arg(QStringLiteral(IOVPLAN_VERSION_STRING)) },
    };
    c.note = QStringLiteral("Prices are the project's pinned catalog items (list or street prices as dated, US dollars); "
                            "every price and parameter names its source in \"Sources of prices and parameters\". "
                            "Performance figures come from an analytic queueing model explained in \"Model notes\".");
    return c;
}

std::size_t baselineIndex(const std::vector<EvaluatedScenario> &scenarios, const QString &baseline)
{
    const auto found = std::find_if(scenarios.begin(), scenarios.end(),
                                    [&](const EvaluatedScenario &e) { return e.scenario.name == baseline; });
    return found == scenarios.end() ? 0 : std::size_t(found - scenarios.begin());
}

} // namespace

CatalogSnapshot catalogSnapshot(const design::Project &project)
{
    CatalogSnapshot snapshot;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const auto add = [&hash](const QString &text) {
        hash.addData(text.toUtf8());
        hash.addData(QByteArrayView("\x1f", 1));
    };
    for (const auto &[id, item] : project.catalog) {
        ++snapshot.items;
        add(id);
        add(QString::number(cost::toCents(item.priceUsd)));
        add(item.priceDate);
        add(item.priceSource);
        add(item.maintenancePctPerYear ? QString::number(*item.maintenancePctPerYear, 'g', 17) : QString());
        add(item.maintenanceSource);
        for (const design::PinnedSpec &spec : item.specs) {
            add(spec.field);
            add(spec.value);
            add(spec.unit);
            add(spec.source);
        }
        if (!item.priceDate.isEmpty()) {
            if (snapshot.oldestPriceDate.isEmpty() || item.priceDate < snapshot.oldestPriceDate)
                snapshot.oldestPriceDate = item.priceDate;
            if (item.priceDate > snapshot.newestPriceDate)
                snapshot.newestPriceDate = item.priceDate;
        }
    }
    snapshot.fingerprint = QString::fromLatin1(hash.result().toHex().left(12));
    return snapshot;
}

ReportDocument buildProcurementReport(const design::Project &project, const ReportInputs &inputs,
                                      const ReportOptions &options)
{
    const QString author = options.author.isEmpty() ? project.author : options.author;
    const QString date = reportLocale().toString(options.date, QStringLiteral("d MMMM yyyy"));
    ReportDocument document;
    document.setMetadata({ project.name + QStringLiteral(": procurement report"), author,
                           QStringLiteral("I/O consolidation: %1").arg(scenarioList(inputs.scenarios)),
                           QStringLiteral("IOV Planner %1").arg(QStringLiteral(IOVPLAN_VERSION_STRING)) });
    document.setRunningHeader(project.name, date);
    document.setFooter(QStringLiteral("IOV Planner procurement report"));
    document.setCover(cover(project, inputs.scenarios, options, author));
    document.addTableOfContents();

    const procurement::ReportContext context { project, inputs.scenarios, options, recommend(inputs.scenarios),
                                              baselineIndex(inputs.scenarios, options.baseline) };
    if (options.includes(ReportSection::Summary))
        procurement::addSummarySection(document, context);
    if (options.includes(ReportSection::Comparison) && inputs.scenarios.size() > 1)
        procurement::addComparisonSection(document, context);
    for (const EvaluatedScenario &e : inputs.scenarios) {
        document.addHeading(1, QStringLiteral("Scenario: %1").arg(e.scenario.name));
        procurement::addCostSections(document, context, e);
        procurement::addDesignSections(document, context, e);
    }
    if (options.includes(ReportSection::Sources))
        procurement::addSourcesSection(document, context);
    if (options.includes(ReportSection::ModelNotes))
        procurement::addModelNotesSection(document, context);
    return document;
}

QString writeProcurementReport(const design::Project &project, const ReportOptions &options, const QString &path)
{
    const ReportInputs inputs = evaluateReportInputs(project, options);
    if (!inputs.ok())
        return inputs.error;
    return buildProcurementReport(project, inputs, options).writePdf(path, options.paper);
}

} // namespace iovplan::reports
