// The procurement report (issue 6): every figure printed is the model's, spelled as the GUI spells it; the
// PDF has real text, embedded fonts and non-empty pages; an invalid design still gets its report.
#include "../pdftools.h"
#include "../../exampleproject.h"

#include "model/iov/evaluation.h"
#include "reports/figureformat.h"
#include "reports/procurement/procurementreport.h"
#include "reports/procurement/recommendation.h"

#include <iovplan/version.h>

#include <QImage>
#include <QRegularExpression>
#include <QTest>

#include <memory>

using namespace iovplan;
using namespace iovplan::reports;

namespace {

// A fixed date and author so the text is the same on every run.
ReportOptions fixedOptions()
{
    ReportOptions options;
    options.date = QDate(2026, 1, 15);
    options.author = QStringLiteral("Procurement team");
    return options;
}

// The lines of `text` from the heading "N Scenario: NAME" to the next "N Scenario:" heading or the sources.
QStringList scenarioSection(const QString &layoutText, const QString &name)
{
    const QStringList lines = layoutText.split(QLatin1Char('\n'));
    const QRegularExpression heading(QStringLiteral("^\\s*\\d+\\s+Scenario: (.+?)\\s*$"));
    const QRegularExpression nextChapter(QStringLiteral("^\\s*\\d+\\s+(Scenario: |Sources of prices|Model notes)"));
    QStringList section;
    bool inside = false;
    for (const QString &line : lines) {
        const QRegularExpressionMatch m = heading.match(line);
        if (m.hasMatch() && !line.contains(QStringLiteral(" . ."))) {
            inside = m.captured(1) == name;
            if (inside)
                continue;
        } else if (inside && nextChapter.match(line).hasMatch() && !line.contains(QStringLiteral(" . ."))) {
            inside = false;
        }
        if (inside)
            section << line;
    }
    return section;
}

// Whether one line holds every one of `parts`, in this order.
bool lineWith(const QStringList &lines, const QStringList &parts)
{
    for (const QString &line : lines) {
        qsizetype at = 0;
        bool all = true;
        for (const QString &part : parts) {
            at = line.indexOf(part, at);
            if (at < 0) {
                all = false;
                break;
            }
            at += part.size();
        }
        if (all)
            return true;
    }
    return false;
}

} // namespace

class TestProcurementReport : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::PdfFile> m_pdf;
    ReportInputs m_inputs;
    int m_layoutPages = 0;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(testing::havePdfTools(), "poppler-utils (pdftotext, pdfinfo, pdffonts, pdftoppm) is required: scripts/deps.sh");
        const ReportOptions options = fixedOptions();
        m_inputs = evaluateReportInputs(testing::ciovExample(), options);
        QVERIFY(m_inputs.ok());
        QCOMPARE(m_inputs.scenarios.size(), std::size_t(4));
        const ReportDocument document = buildProcurementReport(testing::ciovExample(), m_inputs, options);
        m_layoutPages = document.layout(PaperSize::A4).pageCount;
        m_pdf = std::make_unique<testing::PdfFile>(document.toPdf(PaperSize::A4));
    }

    void everyBomLineSubtotalAndTotalIsPrinted()
    {
        const QString text = m_pdf->text(true);
        for (const EvaluatedScenario &e : m_inputs.scenarios) {
            const QStringList section = scenarioSection(text, e.scenario.name);
            QVERIFY2(!section.isEmpty(), qPrintable(e.scenario.name));
            const cost::BillOfMaterials &bom = e.metrics.rollup.bom;
            QVERIFY(!bom.lines.empty());
            for (const cost::BomLine &line : bom.lines) {
                const QStringList parts { formatNumber(line.quantity), formatUsd(line.unitPrice), formatUsd(line.extendedPrice) };
                QVERIFY2(lineWith(section, parts),
                         qPrintable(QStringLiteral("%1: no line with %2").arg(e.scenario.name, parts.join(QStringLiteral(" | ")))));
                if (!line.partNumber.isEmpty())
                    QVERIFY2(lineWith(section, { line.partNumber }), qPrintable(line.partNumber));
            }
            for (const cost::BomCategory category : cost::allBomCategories) {
                if (bom.quantity(category) == 0)
                    continue;
                const QStringList parts { QStringLiteral("Subtotal ") + cost::bomCategoryName(category), formatNumber(bom.quantity(category)),
                                          formatUsd(bom.subtotal(category)) };
                QVERIFY2(lineWith(section, parts), qPrintable(e.scenario.name + QStringLiteral(": ") + parts.join(QStringLiteral(" | "))));
            }
            QVERIFY2(lineWith(section, { QStringLiteral("I/O total"), formatUsd(bom.ioTotal()) }), qPrintable(e.scenario.name));
            QVERIFY2(lineWith(section, { QStringLiteral("Grand total"), formatUsd(bom.total()) }), qPrintable(e.scenario.name));
        }
    }

    // Table 1 of the white paper, as the example reproduces it (docs/ciov-whitepaper-example.md).
    void whitePaperTable1Totals()
    {
        const QString text = m_pdf->text(true);
        QVERIFY(lineWith(scenarioSection(text, QStringLiteral("GigE+FC")), { QStringLiteral("I/O total"), QStringLiteral("$873,792.00") }));
        QVERIFY(lineWith(scenarioSection(text, QStringLiteral("IB software IOV")), { QStringLiteral("I/O total"), QStringLiteral("$384,798.00") }));
        QVERIFY(lineWith(scenarioSection(text, QStringLiteral("IB software IOV HA")), { QStringLiteral("I/O total"), QStringLiteral("$769,596.00") }));
    }

    void keyFiguresOfEachScenarioArePrinted()
    {
        const QString text = m_pdf->text(true);
        for (const EvaluatedScenario &e : m_inputs.scenarios) {
            const QStringList section = scenarioSection(text, e.scenario.name);
            const cost::CostFigures &c = e.metrics.rollup.cost;
            const cost::PowerRollup &p = e.metrics.rollup.power;
            const iov::PerformanceMetrics &perf = e.metrics.performance;
            const QStringList figures { formatUsd(c.tcoUsd), formatUsd(c.ioTcoUsd), formatUsd(c.energyUsdPerYear),
                                        formatWatts(p.adapterTypicalW), formatWatts(p.ioTypicalW), formatWatts(p.typicalW()),
                                        formatNumber(cost::btuPerHour(p.typicalW())), formatNumber(cost::kwhPerYear(p.typicalW())),
                                        formatNumber(100.0 * perf.cpuHeadroom, 1) + QStringLiteral(" %"),
                                        formatNumber(perf.maxVmsPerServer) };
            for (const QString &figure : figures)
                QVERIFY2(lineWith(section, { figure }), qPrintable(e.scenario.name + QStringLiteral(": ") + figure));
            for (const iov::ClassMetrics &cls : perf.classes) {
                QVERIFY2(lineWith(section, { iov::trafficClassName(cls.traffic), formatMegabytesPerS(cls.offeredBytesPerS),
                                             formatMegabytesPerS(cls.throughputBytesPerS) }),
                         qPrintable(e.scenario.name + QStringLiteral(": throughput of ") + iov::trafficClassName(cls.traffic)));
                if (cls.p99LatencyS)
                    QVERIFY2(lineWith(section, { iov::trafficClassName(cls.traffic), formatLatency(*cls.p99LatencyS) }),
                             qPrintable(e.scenario.name + QStringLiteral(": p99 of ") + iov::trafficClassName(cls.traffic)));
            }
        }
    }

    void coverNamesProjectDateAuthorAndCatalog()
    {
        const QString cover = m_pdf->text(false, 1).simplified();
        QVERIFY(cover.contains(testing::ciovExample().name));
        QVERIFY(cover.contains(QStringLiteral("15 January 2026")));
        QVERIFY(cover.contains(QStringLiteral("Procurement team")));
        const CatalogSnapshot snapshot = catalogSnapshot(testing::ciovExample());
        QCOMPARE(snapshot.items, int(testing::ciovExample().catalog.size()));
        QCOMPARE(snapshot.fingerprint.size(), 12);
        QVERIFY(cover.contains(snapshot.fingerprint));
        QVERIFY(cover.contains(snapshot.oldestPriceDate));
        // The snapshot changes with any price.
        design::Project repriced = testing::ciovExample();
        repriced.catalog.begin()->second.priceUsd += 0.01;
        QVERIFY(catalogSnapshot(repriced).fingerprint != snapshot.fingerprint);
    }

    void recommendsTheQualifyingScenarioWithTheLowestTco()
    {
        const Recommendation r = recommend(m_inputs.scenarios);
        std::optional<std::size_t> expected;
        for (std::size_t i = 0; i < m_inputs.scenarios.size(); ++i) {
            const iov::ScenarioMetrics &m = m_inputs.scenarios[i].metrics;
            const bool errors = std::any_of(m.problems.begin(), m.problems.end(),
                                            [](const design::Problem &p) { return p.severity == design::Severity::Error; });
            bool withinSla = !m.performance.saturated;
            for (const iov::ClassMetrics &c : m.performance.classes)
                if (c.traffic != iov::TrafficClass::Migration && c.p99LatencyS
                    && *c.p99LatencyS > m_inputs.scenarios[i].scenario.workload.sla.latencyS)
                    withinSla = false;
            if (!errors && withinSla && (!expected || m.rollup.cost.tcoUsd < m_inputs.scenarios[*expected].metrics.rollup.cost.tcoUsd))
                expected = i;
        }
        QCOMPARE(r.recommended, expected);
        QVERIFY(r.recommended.has_value());
        const QString summary = m_pdf->text(false, 3) + m_pdf->text(false, 4);
        QVERIFY2(summary.contains(QStringLiteral("Recommendation: ") + m_inputs.scenarios[*r.recommended].scenario.name),
                 qPrintable(summary.left(400)));
    }

    void pagesAndEmbeddedFonts()
    {
        QCOMPARE(m_pdf->pages(), m_layoutPages);
        QVERIFY2(m_layoutPages >= 12, qPrintable(QString::number(m_layoutPages)));
        QVERIFY2(m_pdf->info(QStringLiteral("Page size")).endsWith(QStringLiteral("(A4)")), qPrintable(m_pdf->info(QStringLiteral("Page size"))));
        QVERIFY(m_pdf->info(QStringLiteral("Title")).contains(testing::ciovExample().name));
        const QStringList fonts = m_pdf->fonts();
        QVERIFY(!fonts.isEmpty());
        for (const QString &row : fonts) {
            QVERIFY2(row.contains(QStringLiteral("DejaVu")), qPrintable(row));
            // Columns: name type encoding emb sub uni object ID — "emb" is the fourth from the end.
            const QStringList columns = row.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            QVERIFY2(columns.size() >= 7 && columns.at(columns.size() - 5) == QStringLiteral("yes"), qPrintable(row));
        }
    }

    void everyPageRendersWithInk()
    {
        const QStringList pngs = m_pdf->renderPages(24);
        QCOMPARE(pngs.size(), m_layoutPages);
        for (const QString &png : pngs) {
            const QImage image(png);
            QVERIFY2(!image.isNull(), qPrintable(png));
            qint64 ink = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x)
                    if (qGray(image.pixel(x, y)) < 200)
                        ++ink;
            QVERIFY2(ink > image.width() * image.height() / 400, qPrintable(png));
        }
    }

    void letterPaper()
    {
        const ReportOptions options = fixedOptions();
        const ReportDocument document = buildProcurementReport(testing::ciovExample(), m_inputs, options);
        const testing::PdfFile letter(document.toPdf(PaperSize::Letter));
        QCOMPARE(letter.info(QStringLiteral("Page size")), QStringLiteral("612 x 792 pts (letter)"));
        QCOMPARE(letter.pages(), document.layout(PaperSize::Letter).pageCount);
    }

    void chosenScenariosAndSections()
    {
        ReportOptions options = fixedOptions();
        options.scenarios = { QStringLiteral("IB software IOV") };
        options.sections = { ReportSection::BillOfMaterials };
        const ReportInputs inputs = evaluateReportInputs(testing::ciovExample(), options);
        QVERIFY(inputs.ok());
        const ReportDocument document = buildProcurementReport(testing::ciovExample(), inputs, options);
        const testing::PdfFile pdf(document.toPdf(PaperSize::A4));
        const QString text = pdf.text();
        QVERIFY(text.contains(QStringLiteral("Scenario: IB software IOV")));
        QVERIFY(text.contains(QStringLiteral("Bill of materials")));
        QVERIFY(text.contains(QStringLiteral("$384,798.00")));
        QVERIFY(!text.contains(QStringLiteral("Scenario: GigE+FC")));
        QVERIFY(!text.contains(QStringLiteral("Executive summary")));
        QVERIFY(!text.contains(QStringLiteral("Power and cooling")));
        QVERIFY(pdf.pages() < m_layoutPages);

        options.scenarios = { QStringLiteral("No such scenario") };
        const ReportInputs missing = evaluateReportInputs(testing::ciovExample(), options);
        QVERIFY(!missing.ok());
        QVERIFY(missing.error.contains(QStringLiteral("No such scenario")));
    }

    void invalidDesignGetsItsProblemsSection()
    {
        design::Project project = testing::ciovExample();
        design::Scenario &broken = project.scenarios.front();
        // Two servers in the same U of the same rack: the design cannot be built as drawn.
        broken.design.servers.at(1).rackId = broken.design.servers.at(0).rackId;
        broken.design.servers.at(1).positionU = broken.design.servers.at(0).positionU;
        const ReportOptions options = fixedOptions();
        const ReportInputs inputs = evaluateReportInputs(project, options);
        QVERIFY(inputs.ok());
        const iov::ScenarioMetrics &metrics = inputs.scenarios.front().metrics;
        const auto error = std::find_if(metrics.problems.begin(), metrics.problems.end(),
                                        [](const design::Problem &p) { return p.severity == design::Severity::Error; });
        QVERIFY(error != metrics.problems.end());
        const ReportDocument document = buildProcurementReport(project, inputs, options);
        const testing::PdfFile pdf(document.toPdf(PaperSize::A4));
        const QString text = pdf.text();
        QVERIFY(text.contains(QStringLiteral("Problems")));
        QVERIFY2(text.simplified().contains(error->message.left(40).simplified()), qPrintable(error->message));
        QVERIFY(text.contains(QStringLiteral("design error")));
        QVERIFY(!recommend(inputs.scenarios).verdicts.front().qualifies);
    }

    // The example's report as text (reading order), against the golden file; a difference writes
    // <golden>.actual beside the build's copy and prints the first differing line.
    void goldenText()
    {
        QString text = m_pdf->text();
        text.replace(QStringLiteral("IOV Planner " IOVPLAN_VERSION_STRING), QStringLiteral("IOV Planner VERSION"));
        const QString goldenPath = QStringLiteral(IOVPLAN_SOURCE_DIR "/tests/data/golden/ciov-whitepaper.report.txt");
        QFile golden(goldenPath);
        if (qEnvironmentVariableIsSet("IOVPLAN_UPDATE_GOLDEN")) {
            QVERIFY(golden.open(QIODevice::WriteOnly | QIODevice::Truncate));
            golden.write(text.toUtf8());
            golden.close();
        }
        QVERIFY2(golden.open(QIODevice::ReadOnly), qPrintable(goldenPath));
        const QString expected = QString::fromUtf8(golden.readAll());
        if (text != expected) {
            QFile actual(QDir::current().filePath(QStringLiteral("ciov-whitepaper.report.txt.actual")));
            if (actual.open(QIODevice::WriteOnly))
                actual.write(text.toUtf8());
            const QStringList a = text.split(QLatin1Char('\n'));
            const QStringList b = expected.split(QLatin1Char('\n'));
            for (qsizetype i = 0; i < std::max(a.size(), b.size()); ++i) {
                const QString left = a.value(i);
                const QString right = b.value(i);
                if (left != right)
                    QFAIL(qPrintable(QStringLiteral("line %1: got '%2', golden '%3' (whole text in %4)")
                                         .arg(i + 1)
                                         .arg(left, right, actual.fileName())));
            }
        }
    }
};

QTEST_MAIN(TestProcurementReport)
#include "tst_procurementreport.moc"
