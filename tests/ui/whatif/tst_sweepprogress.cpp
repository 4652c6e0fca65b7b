// The progress and cancellation hooks of iov::sweep and the capacity search (model/iov/whatif.h,
// performance.h): called once per step / evaluation, a false return stops with exactly the work done so
// far, and without a callback (or with one that never cancels) the figures are bit-for-bit the same.

#include "sweeprequest.h"
#include "sweeprowcompare.h"
#include "tests/exampleproject.h"

#include "model/iov/performance.h"
#include "model/iov/whatif.h"

#include <QTest>

#include <vector>

using namespace iovplan;

class TestSweepProgress : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void callbackCalledPerStep_data();
    void callbackCalledPerStep();
    void cancelAfterKSteps_data();
    void cancelAfterKSteps();
    void cancelAtLastStepIsNotCancelled();
    void shardReportsItsOwnRows();
    void capacitySearchProgress();
    void capacitySearchCancel();
};

namespace {

using Request = testing::SweepRequest;

iov::SweepResult run(const Request &r, const iov::SweepOptions &options)
{
    return iov::sweep(testing::exampleScenario(r.scenario), testing::ciovExample().catalog, r.parameter, r.from, r.to,
                      r.steps, options);
}

void addRequests()
{
    testing::addSweepRequestColumns();
    QTest::newRow("vms 1..30, GigE+FC") << "GigE+FC" << "vms_per_server" << 1.0 << 30.0 << 30 << false;
    QTest::newRow("load 0.5..3 with capacity, IB native") << "IB native IOV" << "load_scale" << 0.5 << 3.0 << 6 << true;
    QTest::newRow("gateways 1..3, IB software") << "IB software IOV" << "gateways" << 1.0 << 3.0 << 3 << false;
    QTest::newRow("price of the HCA") << "IB software IOV" << "price:mellanox-mhga28-xtc" << 100.0 << 900.0 << 5 << false;
}

} // namespace

void TestSweepProgress::callbackCalledPerStep_data()
{
    addRequests();
}

void TestSweepProgress::callbackCalledPerStep()
{
    const Request request = testing::fetchSweepRequest();
    iov::SweepOptions plain;
    plain.capacitySearch = request.capacity;
    const iov::SweepResult reference = run(request, plain);
    QVERIFY2(reference.error.isEmpty(), qPrintable(reference.error));
    QCOMPARE(int(reference.rows.size()), request.steps);

    std::vector<std::pair<int, int>> calls;
    iov::SweepOptions watched = plain;
    watched.progress = [&calls](int done, int total) {
        calls.emplace_back(done, total);
        return true;
    };
    const iov::SweepResult result = run(request, watched);
    QVERIFY(!result.cancelled);
    QCOMPARE(int(calls.size()), request.steps);
    for (int k = 0; k < request.steps; ++k) {
        QCOMPARE(calls[std::size_t(k)].first, k + 1);
        QCOMPARE(calls[std::size_t(k)].second, request.steps);
    }
    QCOMPARE(result.rows.size(), reference.rows.size());
    const QString difference = testing::sweepRowsDifference(result.rows, reference.rows);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

void TestSweepProgress::cancelAfterKSteps_data()
{
    QTest::addColumn<int>("k");
    QTest::newRow("after the first step") << 1;
    QTest::newRow("after 7 steps") << 7;
    QTest::newRow("one before the end") << 29;
}

void TestSweepProgress::cancelAfterKSteps()
{
    QFETCH(int, k);
    const Request request { QStringLiteral("GigE+FC"), { iov::SweepKind::VmsPerServer, {} }, 1.0, 30.0, 30, false };
    const iov::SweepResult reference = run(request, {});
    int calls = 0;
    iov::SweepOptions options;
    options.progress = [&calls, k](int done, int) {
        ++calls;
        return done < k;
    };
    const iov::SweepResult result = run(request, options);
    QVERIFY(result.error.isEmpty());
    QVERIFY(result.cancelled);
    QCOMPARE(int(result.rows.size()), k);
    QCOMPARE(calls, k); // not called again once it said stop
    const QString difference = testing::sweepRowsDifference(result.rows, reference.rows);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

void TestSweepProgress::cancelAtLastStepIsNotCancelled()
{
    // Stopping after the last step stops nothing: the sweep is complete and says so.
    const Request request { QStringLiteral("GigE+FC"), { iov::SweepKind::LoadScale, {} }, 0.5, 1.5, 3, false };
    iov::SweepOptions options;
    options.progress = [](int, int) { return false; };
    QCOMPARE(int(run(request, options).rows.size()), 1);
    options.progress = [](int done, int total) { return done < total; };
    const iov::SweepResult result = run(request, options);
    QCOMPARE(int(result.rows.size()), 3);
    QVERIFY(!result.cancelled);
}

void TestSweepProgress::shardReportsItsOwnRows()
{
    // Shard 1 of 3 of 10 steps computes steps 1, 4, 7: its total is 3, not 10.
    const Request request { QStringLiteral("GigE+FC"), { iov::SweepKind::VmsPerServer, {} }, 1.0, 10.0, 10, false };
    std::vector<std::pair<int, int>> calls;
    iov::SweepOptions options;
    options.shard = iov::SweepShard { 1, 3 };
    options.progress = [&calls](int done, int total) {
        calls.emplace_back(done, total);
        return true;
    };
    const iov::SweepResult result = run(request, options);
    QCOMPARE(int(result.rows.size()), 3);
    const std::vector<std::pair<int, int>> expected { { 1, 3 }, { 2, 3 }, { 3, 3 } };
    QCOMPARE(calls, expected);
}

void TestSweepProgress::capacitySearchProgress()
{
    const design::Scenario scenario = testing::exampleScenario(QStringLiteral("IB native IOV"));
    const design::PinnedCatalog &catalog = testing::ciovExample().catalog;
    iov::PerformanceOptions plain;
    plain.maxVmsSearched = 1000;
    const iov::PerformanceMetrics reference = iov::evaluatePerformance(scenario, catalog, plain);
    QVERIFY(reference.maxVmsPerServer > 1);

    std::vector<std::pair<int, int>> calls;
    iov::PerformanceOptions watched = plain;
    watched.capacityProgress = [&calls](int done, int total) {
        calls.emplace_back(done, total);
        return true;
    };
    const iov::PerformanceMetrics metrics = iov::evaluatePerformance(scenario, catalog, watched);
    QCOMPARE(metrics.maxVmsPerServer, reference.maxVmsPerServer);
    QVERIFY(!metrics.capacitySearchCancelled);
    QVERIFY(!calls.empty());
    // The bound is 1 + 2·⌈log2 limit⌉ for the limit in force: 1000 searched, or fewer when the adapters
    // cap the VMs (CIOV end points): 21 at most, and the same at every call.
    const int bound = calls.front().second;
    QVERIFY2(bound >= 3 && bound <= 21 && bound % 2 == 1, qPrintable(QString::number(bound)));
    for (std::size_t i = 0; i < calls.size(); ++i) {
        QCOMPARE(calls[i].first, int(i) + 1);
        QCOMPARE(calls[i].second, bound);
    }
    QVERIFY(int(calls.size()) <= bound);
}

void TestSweepProgress::capacitySearchCancel()
{
    const design::Scenario scenario = testing::exampleScenario(QStringLiteral("IB native IOV"));
    const design::PinnedCatalog &catalog = testing::ciovExample().catalog;
    const iov::PerformanceMetrics reference = iov::evaluatePerformance(scenario, catalog, {});
    int calls = 0;
    iov::PerformanceOptions options;
    options.capacityProgress = [&calls](int done, int) {
        ++calls;
        return done < 2;
    };
    const iov::PerformanceMetrics metrics = iov::evaluatePerformance(scenario, catalog, options);
    QCOMPARE(calls, 2);
    QVERIFY(metrics.capacitySearchCancelled);
    // Two evaluations (1 and 2 VMs) both met the SLA: 2 is a lower bound below the full answer.
    QCOMPARE(metrics.maxVmsPerServer, 2);
    QVERIFY(reference.maxVmsPerServer > 2);
    // The rest of the evaluation does not depend on the search.
    QCOMPARE(metrics.cpuUtilization, reference.cpuUtilization);
}

QTEST_GUILESS_MAIN(TestSweepProgress)
#include "tst_sweepprogress.moc"
