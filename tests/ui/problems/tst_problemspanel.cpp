// The Problems panel: its model under QAbstractItemModelTester, problems mapped to design objects,
// SLA misses derived from the metrics, the severity filter and count, and activating a row selects its object.

#include "ui/problems/problemobjects.h"
#include "ui/problems/problemspanel.h"

#include "reports/figureformat.h"
#include "tests/exampleproject.h"
#include "tests/ui/uitesthelpers.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QHeaderView>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace iovplan;
using namespace iovplan::ui;
using iovplan::testing::ciovExample;
using iovplan::testing::exampleScenario;
using iovplan::testing::darkPalette;
using iovplan::testing::evaluatedExample;

namespace {


// GigE+FC with srv-002 moved onto srv-001's U: a rack overlap.
design::Scenario withOverlap()
{
    design::Scenario s = exampleScenario(QStringLiteral("GigE+FC"));
    const design::Server &first = s.design.servers[0];
    design::Server &second = s.design.servers[1];
    Q_ASSERT(first.id == u"srv-001" && second.id == u"srv-002");
    second.rackId = first.rackId;
    second.positionU = first.positionU;
    return s;
}

int rowWith(const ProblemsModel &model, const QString &text)
{
    for (int r = 0; r < model.rowCount(); ++r) {
        if (model.rows()[static_cast<std::size_t>(r)].problem.message.contains(text))
            return r;
    }
    return -1;
}

} // namespace

class TestProblemsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_document = std::make_unique<Document>();
        m_service = std::make_unique<EvaluationService>(*m_document);
    }

    void cleanupTestCase()
    {
        m_service->waitForIdle();
    }

    void modelPassesTheTester()
    {
        ProblemsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        const EvaluationPtr bad = evaluatedExample(withOverlap());
        model.setEvaluation(bad->scenario, bad->metrics);
        QVERIFY(model.rowCount() > 0);
        QCOMPARE(model.columnCount(), 3);
        const QModelIndex severity = model.index(0, ProblemsModel::SeverityColumn);
        QCOMPARE(model.data(severity).toString(), QStringLiteral("Error"));
        QVERIFY(!model.data(severity, Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(model.data(model.index(0, ProblemsModel::MessageColumn)).toString(), bad->metrics.problems[0].message);
        QCOMPARE(model.data(model.index(0, ProblemsModel::ObjectColumn)).toString(), bad->metrics.problems[0].object);
        const EvaluationPtr good = evaluatedExample(exampleScenario(QStringLiteral("IB native IOV")));
        model.setEvaluation(good->scenario, good->metrics);
        QCOMPARE(model.rowCount(), static_cast<int>(good->metrics.problems.size()));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void objectsMapToDesignIds_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("object");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QStringList>("expected");
        const QString gige = QStringLiteral("GigE+FC");
        const QString ib = QStringLiteral("IB software IOV");
        QTest::newRow("device id") << gige << QStringLiteral("lan-1a") << QString() << QStringList { QStringLiteral("lan-1a") };
        QTest::newRow("cable id") << gige << QStringLiteral("cbl-0001") << QString() << QStringList { QStringLiteral("cbl-0001") };
        QTest::newRow("slot rule: server id, slot in message")
            << gige << QStringLiteral("srv-001")
            << QStringLiteral("QLogic QLE2460 in slot 3 of server srv-001: a PCIe adapter needs a mezzanine slot")
            << QStringList { QStringLiteral("srv-001/slot3") };
        QTest::newRow("aggregated cpu station") << gige << QStringLiteral("srv-001 (x16)/cpu") << QString()
                                                << QStringList { QStringLiteral("srv-001") };
        QTest::newRow("adapter port station") << gige << QStringLiteral("srv-017 (x16)/slot2/ports-in") << QString()
                                              << QStringList { QStringLiteral("srv-017/slot2") };
        QTest::newRow("uplink station") << gige << QStringLiteral("uplink/fc-2b") << QString()
                                        << QStringList { QStringLiteral("fc-2b") };
        QTest::newRow("gateway station") << ib << QStringLiteral("gateway/gw-1a/fc") << QString()
                                         << QStringList { QStringLiteral("gw-1a") };
        QTest::newRow("scenario name") << gige << gige << QString() << QStringList {};
        QTest::newRow("unknown") << gige << QStringLiteral("nothing-like-it") << QString() << QStringList {};
    }

    void objectsMapToDesignIds()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, object);
        QFETCH(QString, message);
        QFETCH(QStringList, expected);
        const design::Scenario s = exampleScenario(scenario);
        QCOMPARE(designObjectsOf({ design::Severity::Warning, message, object }, s.design), expected);
    }

    void itemsAndGroupsMapToEveryUser()
    {
        const design::Scenario s = exampleScenario(QStringLiteral("GigE+FC"));
        const QStringList hbas = designObjectsOf({ design::Severity::Warning, {}, QStringLiteral("qlogic-qle2460") }, s.design);
        QCOMPARE(hbas.size(), 2 * 128); // two HBAs in every server
        QVERIFY(hbas.contains(QStringLiteral("srv-001/slot2")));
        QVERIFY(hbas.contains(QStringLiteral("srv-128/slot3")));
        const QStringList group = designObjectsOf({ design::Severity::Warning, {}, QStringLiteral("vm-hosts") }, s.design);
        QCOMPARE(group.size(), 128);
        QCOMPARE(group.front(), QStringLiteral("srv-001"));
    }

    void slaMissesSayByHowMuch()
    {
        design::Scenario s = exampleScenario(QStringLiteral("GigE+FC"));
        const iov::ScenarioMetrics base = iov::evaluate(s, ciovExample().catalog);
        QVERIFY(slaProblems(s, base).empty()); // the example meets its SLA
        double worst = 0.0;
        QString worstClass;
        for (const iov::ClassMetrics &c : base.performance.classes) {
            if (c.traffic != iov::TrafficClass::Migration && c.p99LatencyS && *c.p99LatencyS > worst) {
                worst = *c.p99LatencyS;
                worstClass = iov::trafficClassName(c.traffic);
            }
        }
        s.workload.sla.latencyS = worst / 2.0;
        double carried = 0.0;
        for (const iov::ClassMetrics &c : base.performance.classes)
            carried += c.throughputBytesPerS;
        s.workload.sla.throughputBytesPerS = 2.0 * carried / 1280.0; // twice what each VM carries
        const EvaluationPtr e = evaluatedExample(s);
        const std::vector<design::Problem> misses = slaProblems(s, e->metrics);
        QVERIFY(misses.size() >= 2);
        const auto latency = std::find_if(misses.begin(), misses.end(),
                                          [&](const design::Problem &p) { return p.message.startsWith(worstClass + QStringLiteral(" p99")); });
        QVERIFY(latency != misses.end());
        const QString by = reports::formatNumber(worst / 2.0 * 1e6, 1) + QStringLiteral(" µs (100 %)");
        QVERIFY2(latency->message.contains(QStringLiteral("by ") + by), qPrintable(latency->message));
        QCOMPARE(latency->severity, design::Severity::Warning);
        QCOMPARE(designObjectsOf(*latency, s.design), QStringList { QStringLiteral("srv-001") });
        const design::Problem &throughput = misses.back();
        QVERIFY2(throughput.message.contains(QStringLiteral("(50 %) below the")), qPrintable(throughput.message));

        ProblemsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEvaluation(s, e->metrics);
        QCOMPARE(model.rowCount(), static_cast<int>(e->metrics.problems.size() + misses.size()));
        QVERIFY(model.rows().back().slaMiss);
    }

    void overlapShowsTheErrorAndActivatingSelectsTheDevice()
    {
        DesignSelection selection;
        ProblemsPanel panel(*m_service, selection);
        panel.resize(900, 300);
        panel.setEvaluation(evaluatedExample(withOverlap()));
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const int row = rowWith(*panel.model(), QStringLiteral("overlaps"));
        QVERIFY(row >= 0);
        const ProblemRow &overlap = panel.model()->rows()[static_cast<std::size_t>(row)];
        QCOMPARE(overlap.problem.severity, design::Severity::Error);
        QCOMPARE(overlap.problem.object, QStringLiteral("srv-002"));
        QCOMPARE(panel.model()->errorCount(), 1);
        QVERIFY2(panel.countText().contains(QStringLiteral(": 1 error,")), qPrintable(panel.countText()));

        QSignalSpy selected(&selection, &DesignSelection::selectionChanged);
        QTableView *view = panel.view();
        const QRect rect = view->visualRect(view->model()->index(row, ProblemsModel::MessageColumn));
        QVERIFY(rect.isValid());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selection.ids(), QStringList { QStringLiteral("srv-002") });
    }

    void filterShowsErrorsOrWarnings()
    {
        DesignSelection selection;
        ProblemsPanel panel(*m_service, selection);
        design::Scenario s = withOverlap();
        s.workload.sla.latencyS = 1e-6; // every interactive class misses: warnings besides the error
        panel.setEvaluation(evaluatedExample(s));
        const int errors = panel.model()->errorCount();
        const int warnings = panel.model()->warningCount();
        QVERIFY(errors >= 1);
        QVERIFY(warnings >= 3);
        QCOMPARE(panel.view()->model()->rowCount(), errors + warnings);
        panel.setFilter(ProblemsPanel::Filter::Errors);
        QCOMPARE(panel.view()->model()->rowCount(), errors);
        for (int r = 0; r < errors; ++r)
            QCOMPARE(panel.view()->model()->index(r, 0).data().toString(), QStringLiteral("Error"));
        QVERIFY2(panel.countText().endsWith(QStringLiteral("showing %1").arg(errors)), qPrintable(panel.countText()));
        panel.setFilter(ProblemsPanel::Filter::Warnings);
        QCOMPARE(panel.view()->model()->rowCount(), warnings);
        QCOMPARE(panel.view()->model()->index(0, 0).data().toString(), QStringLiteral("Warning"));
        panel.setFilter(ProblemsPanel::Filter::All);
        QCOMPARE(panel.view()->model()->rowCount(), errors + warnings);
        QVERIFY(panel.countText().startsWith(QStringLiteral("%1 problems").arg(errors + warnings)));
    }

    void followsTheServiceAndTheSelection()
    {
        Document document;
        EvaluationService service(document);
        DesignSelection selection;
        ProblemsPanel panel(service, selection);
        design::Project project = ciovExample();
        project.scenarios[0] = withOverlap();
        document.adopt(project, {}, io::currentDocumentVersion);
        selection.setScenario(document.scenarioKeys()[0]);
        QVERIFY(service.waitForIdle());
        QTRY_VERIFY(rowWith(*panel.model(), QStringLiteral("overlaps")) >= 0);
        selection.setScenario(document.scenarioKeys()[1]);
        QCOMPARE(rowWith(*panel.model(), QStringLiteral("overlaps")), -1);
    }

    void screenshot()
    {
        const QString dir = qEnvironmentVariable("IOVPLAN_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("IOVPLAN_SCREENSHOT_DIR is not set");
        DesignSelection selection;
        ProblemsPanel panel(*m_service, selection);
        design::Scenario s = withOverlap();
        s.workload.sla.latencyS = 1e-4;
        panel.resize(900, 320);
        panel.setEvaluation(evaluatedExample(s));
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QDir().mkpath(dir);
        QVERIFY(panel.grab().save(QDir(dir).filePath(QStringLiteral("problems-panel.png"))));
    }

private:
    std::unique_ptr<Document> m_document;
    std::unique_ptr<EvaluationService> m_service;
};

QTEST_MAIN(TestProblemsPanel)
#include "tst_problemspanel.moc"
