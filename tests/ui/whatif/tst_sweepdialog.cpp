// The what-if dialogs (ui/whatif): a sweep run off the GUI thread gives exactly iov::sweep's rows, Cancel
// stops a long sweep early with the rows computed so far, the table model passes QAbstractItemModelTester,
// the CSV carries the table, a refused request names its field; the capacity search dialog finds
// evaluatePerformance's answer and can be cancelled. Screenshots go to IOVPLAN_SCREENSHOT_DIR.

#include "sweeprequest.h"
#include "sweeprowcompare.h"
#include "tests/exampleproject.h"

#include "ui/whatif/capacitysearchdialog.h"
#include "ui/whatif/sweepdialog.h"
#include "ui/whatif/sweepresultmodel.h"

#include <QtCharts/QChart>
#include <QtCharts/QChartView>

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSemaphore>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace iovplan;

class TestSweepDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void runGivesSweepRows_data();
    void runGivesSweepRows();
    void cancelStopsLongSweepEarly();
    void refusedRequestNamesField();
    void csvExportCarriesTable();
    void capacitySearchFindsAnswer();
    void capacitySearchCancel();
    void screenshots();
};

namespace {

// Sweeps take seconds on a loaded machine; a generous bound, not a timing assertion.
constexpr int sweepTimeoutMs = 120'000;

const design::PinnedCatalog &catalog()
{
    return testing::ciovExample().catalog;
}

void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("IOVPLAN_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QVERIFY(widget->grab().save(QDir(dir).filePath(name)));
}

} // namespace

void TestSweepDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestSweepDialog::runGivesSweepRows_data()
{
    testing::addSweepRequestColumns();
    QTest::newRow("load with capacity, IB software") << "IB software IOV" << "load_scale" << 0.5 << 2.0 << 4 << true;
    QTest::newRow("vms, GigE+FC") << "GigE+FC" << "vms_per_server" << 1.0 << 40.0 << 40 << false;
    QTest::newRow("price, IB native") << "IB native IOV" << "price:cisco-sfs-3012" << 5000.0 << 15000.0 << 3 << false;
}

void TestSweepDialog::runGivesSweepRows()
{
    const testing::SweepRequest request = testing::fetchSweepRequest();
    QFETCH(QString, parameter); // the name the dialog must give back
    const design::Scenario s = testing::exampleScenario(request.scenario);
    const iov::SweepParameter &p = request.parameter;
    iov::SweepOptions options;
    options.capacitySearch = request.capacity;
    const iov::SweepResult reference = iov::sweep(s, catalog(), p, request.from, request.to, request.steps, options);
    QVERIFY2(reference.error.isEmpty(), qPrintable(reference.error));

    ui::SweepDialog dialog(s, catalog());
    QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    dialog.setParameter(p);
    QCOMPARE(dialog.parameter().name(), parameter);
    dialog.setRange(request.from, request.to, request.steps);
    dialog.setCapacitySearch(request.capacity);
    QSignalSpy finished(&dialog, &ui::SweepDialog::sweepFinished);
    dialog.run();
    QVERIFY(dialog.isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, sweepTimeoutMs);
    QVERIFY(!dialog.isRunning());

    const iov::SweepResult &result = dialog.result();
    QVERIFY(!result.cancelled);
    QCOMPARE(result.rows.size(), reference.rows.size());
    const QString difference = testing::sweepRowsDifference(result.rows, reference.rows);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
    QCOMPARE(dialog.model()->rowCount(), request.steps);
    QCOMPARE(dialog.statusText(), QStringLiteral("%1 steps computed.").arg(request.steps));
    QCOMPARE(dialog.stepsDone(), request.steps);
    // The first column is the value, the CPU column the utilization in percent.
    QCOMPARE(dialog.model()->value(request.steps - 1, 0), std::optional(reference.rows.back().value));
    bool sawCpu = false;
    for (int c = 0; c < dialog.model()->columnCount(); ++c) {
        if (dialog.model()->csvName(c) == u"cpu_utilization") {
            sawCpu = true;
            QCOMPARE(*dialog.model()->displayValue(0, c), reference.rows.front().performance.cpuUtilization * 100.0);
        }
        if (dialog.model()->csvName(c) == u"max_vms_per_server")
            QVERIFY(request.capacity);
    }
    QVERIFY(sawCpu);
}

void TestSweepDialog::cancelStopsLongSweepEarly()
{
    // 5,000 steps, each with a capacity search: minutes of work if it ran to the end.
    const design::Scenario s = testing::exampleScenario(QStringLiteral("IB native IOV"));
    ui::SweepDialog dialog(s, catalog());
    QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    dialog.setParameter({ iov::SweepKind::LoadScale, {} });
    dialog.setRange(0.1, 2.0, 5000);
    dialog.setCapacitySearch(true);
    QSignalSpy finished(&dialog, &ui::SweepDialog::sweepFinished);
    dialog.run();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.stepsDone() >= 2, sweepTimeoutMs);
    dialog.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, sweepTimeoutMs);

    const iov::SweepResult &result = dialog.result();
    QVERIFY(result.cancelled);
    const int k = static_cast<int>(result.rows.size());
    QVERIFY2(k >= 2 && k < 5000, qPrintable(QString::number(k)));
    QCOMPARE(dialog.statusText(), QStringLiteral("Cancelled after %1 of 5000 steps.").arg(k));
    QCOMPARE(dialog.model()->rowCount(), k); // the rows computed are shown
    // They are the sweep's first k rows.
    iov::SweepOptions options;
    options.capacitySearch = true;
    options.progress = [k](int done, int) { return done < k; };
    const iov::SweepResult reference = iov::sweep(s, catalog(), { iov::SweepKind::LoadScale, {} }, 0.1, 2.0, 5000, options);
    QCOMPARE(int(reference.rows.size()), k);
    for (std::size_t i = 0; i < result.rows.size(); ++i)
        QVERIFY(testing::sweepRowDifference(result.rows[i], reference.rows[i]).isEmpty());
}

void TestSweepDialog::refusedRequestNamesField()
{
    ui::SweepDialog dialog(testing::exampleScenario(QStringLiteral("IB native IOV")), catalog());
    dialog.setParameter({ iov::SweepKind::Hcas, {} });
    dialog.setRange(0.0, 2.0, 3);
    QSignalSpy finished(&dialog, &ui::SweepDialog::sweepFinished);
    dialog.run();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, sweepTimeoutMs);
    QVERIFY2(dialog.statusText().startsWith(QStringLiteral("From: hcas must be 1 or 2")), qPrintable(dialog.statusText()));
    QCOMPARE(dialog.model()->rowCount(), 0);
}

void TestSweepDialog::csvExportCarriesTable()
{
    const design::Scenario s = testing::exampleScenario(QStringLiteral("GigE+FC"));
    ui::SweepDialog dialog(s, catalog());
    dialog.setParameter({ iov::SweepKind::VmsPerServer, {} });
    dialog.setRange(5.0, 40.0, 8);
    QSignalSpy finished(&dialog, &ui::SweepDialog::sweepFinished);
    dialog.run();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, sweepTimeoutMs);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sweep.csv"));
    QCOMPARE(dialog.exportCsv(path), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 9); // header + 8 steps
    const QStringList header = lines.front().split(QLatin1Char(','));
    QCOMPARE(header.front(), QStringLiteral("vms_per_server"));
    QVERIFY(header.contains(QStringLiteral("lan_throughput_bytes_per_s")));
    QVERIFY(header.contains(QStringLiteral("san_p99_latency_s")));
    QCOMPARE(header.back(), QStringLiteral("watts_at_cpu_utilization"));
    const auto lan = header.indexOf(QStringLiteral("lan_throughput_bytes_per_s"));
    const auto tco = header.indexOf(QStringLiteral("tco_usd"));
    for (int r = 0; r < 8; ++r) {
        const QStringList fields = lines[r + 1].split(QLatin1Char(','));
        QCOMPARE(fields.size(), header.size());
        const iov::SweepRow &row = dialog.result().rows[std::size_t(r)];
        QCOMPARE(fields[0].toDouble(), row.value);
        QCOMPARE(fields[lan].toDouble(), row.performance.classes.front().throughputBytesPerS); // lan comes first
        QCOMPARE(fields[tco].toDouble(), row.tcoUsd); // shortest round-trip: exact
    }
}

void TestSweepDialog::capacitySearchFindsAnswer()
{
    const design::Scenario s = testing::exampleScenario(QStringLiteral("IB software IOV"));
    const iov::PerformanceMetrics reference = iov::evaluatePerformance(s, catalog(), {});
    ui::CapacitySearchDialog dialog(s, catalog());
    QSignalSpy finished(&dialog, &ui::CapacitySearchDialog::searchFinished);
    dialog.run();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, sweepTimeoutMs);
    QVERIFY(dialog.metrics().has_value());
    QVERIFY(!dialog.metrics()->capacitySearchCancelled);
    QCOMPARE(dialog.metrics()->maxVmsPerServer, reference.maxVmsPerServer);
    QVERIFY(reference.maxVmsPerServer > 0);
    QVERIFY2(dialog.answerText().startsWith(QStringLiteral("Max VMs per server within the SLA: %1 (").arg(reference.maxVmsPerServer)),
             qPrintable(dialog.answerText()));
    QVERIFY(dialog.evaluationsDone() > 1);
}

void TestSweepDialog::capacitySearchCancel()
{
    // Cancelled before the search starts: the search sees the request at its first report (after the
    // evaluation of the whole 128-server design) and stops after one evaluation. Every thread of the
    // global pool is held until the cancel has been requested, so the search cannot get ahead of it (on
    // an idle machine it once finished three evaluations between run() and cancel()).
    const design::Scenario s = testing::exampleScenario(QStringLiteral("IB software IOV"));
    ui::CapacitySearchDialog dialog(s, catalog());
    QSignalSpy finished(&dialog, &ui::CapacitySearchDialog::searchFinished);
    QThreadPool *pool = QThreadPool::globalInstance();
    const int threads = pool->maxThreadCount();
    QSemaphore holding, released;
    for (int i = 0; i < threads; ++i) {
        pool->start([&holding, &released] {
            holding.release();
            released.acquire();
        });
    }
    holding.acquire(threads);
    dialog.run();
    dialog.cancel();
    released.release(threads);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, sweepTimeoutMs);
    QVERIFY(dialog.metrics()->capacitySearchCancelled);
    QCOMPARE(dialog.evaluationsDone(), 1);
    QCOMPARE(dialog.metrics()->maxVmsPerServer, 1);
    QVERIFY2(dialog.answerText().startsWith(QStringLiteral("Cancelled after 1 of at most ")), qPrintable(dialog.answerText()));
    QVERIFY2(dialog.answerText().endsWith(QStringLiteral("Max VMs per server within the SLA: at least 1.")),
             qPrintable(dialog.answerText()));
}

void TestSweepDialog::screenshots()
{
    const design::Scenario s = testing::exampleScenario(QStringLiteral("IB software IOV"));
    ui::SweepDialog dialog(s, catalog());
    dialog.setParameter({ iov::SweepKind::VmsPerServer, {} });
    dialog.setRange(1.0, 40.0, 40);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy finished(&dialog, &ui::SweepDialog::sweepFinished);
    dialog.run();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, sweepTimeoutMs);
    // Chart the LAN p99: it climbs towards saturation and stops where the design saturates.
    for (int c = 0; c < dialog.model()->columnCount(); ++c) {
        if (dialog.model()->csvName(c) == u"lan_p99_latency_s")
            dialog.setChartColumn(c);
    }
    QVERIFY(!dialog.chartView()->chart()->series().isEmpty());
    QCOMPARE(dialog.chartView()->chart()->axes().size(), 2);
    QTest::qWait(100); // let the chart's scene lay out its axes before the grab (not an assertion)
    saveScreenshot(&dialog, QStringLiteral("sweep-dialog.png"));

    ui::CapacitySearchDialog capacity(s, catalog());
    capacity.show();
    QVERIFY(QTest::qWaitForWindowExposed(&capacity));
    QSignalSpy searched(&capacity, &ui::CapacitySearchDialog::searchFinished);
    capacity.run();
    QTRY_COMPARE_WITH_TIMEOUT(searched.count(), 1, sweepTimeoutMs);
    saveScreenshot(&capacity, QStringLiteral("capacity-search-dialog.png"));
}

QTEST_MAIN(TestSweepDialog)
#include "tst_sweepdialog.moc"
