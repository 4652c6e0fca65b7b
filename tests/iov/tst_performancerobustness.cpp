// Randomly damaged and overloaded versions of the example never crash the performance model or give a
// non-finite figure (issue 4, part 7: "never NaN"). Fixed seed: the same 150 scenarios every run.
#include "iovtesthelpers.h"

#include "model/io/evaluationjson.h"
#include "model/iov/whatifedits.h"

#include <QJsonDocument>
#include <QTest>

#include <cmath>
#include <random>

using namespace iovplan;
using namespace iovplan::iov;

namespace {

constexpr int scenarioCount = 150;

bool finiteOrAbsent(const std::optional<double> &x)
{
    return !x || std::isfinite(*x);
}

// A damaged copy of a random example scenario: another mode, loads scaled over four decades, a tenth of
// cables and adapters removed in some of them, RDMA on or off.
design::Scenario damaged(std::mt19937_64 &random)
{
    const auto &all = testing::ciovExample().scenarios;
    design::Scenario s = all[std::uniform_int_distribution<std::size_t>(0, all.size() - 1)(random)];
    s.iovMode = static_cast<design::IovMode>(std::uniform_int_distribution<int>(0, 3)(random));
    const double scale = std::pow(10.0, std::uniform_real_distribution<double>(-2.0, 2.0)(random));
    scaleLoad(s.workload, scale);
    for (design::VmProfile &p : s.workload.profiles) {
        p.vmsPerServer = std::uniform_int_distribution<int>(0, 40)(random);
        p.rdma = std::bernoulli_distribution(0.5)(random);
    }
    // Half the scenarios keep every cable; the others lose about 2 % of them.
    std::bernoulli_distribution drop(std::bernoulli_distribution(0.5)(random) ? 0.0 : 0.02);
    std::vector<design::Cable> kept;
    for (const design::Cable &c : s.design.cables) {
        if (!drop(random))
            kept.push_back(c);
    }
    s.design.cables = std::move(kept);
    std::bernoulli_distribution stripAdapters(std::bernoulli_distribution(0.5)(random) ? 0.0 : 0.02);
    for (design::Server &server : s.design.servers) {
        if (stripAdapters(random))
            server.adapters.clear();
    }
    return s;
}

} // namespace

class TestPerformanceRobustness : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void damagedScenariosGiveFiniteFigures();
};

void TestPerformanceRobustness::damagedScenariosGiveFiniteFigures()
{
    std::mt19937_64 random(20261124);
    PerformanceOptions options;
    options.maxVmsSearched = 64;
    int saturated = 0;
    int withProblems = 0;
    for (int i = 0; i < scenarioCount; ++i) {
        const design::Scenario s = damaged(random);
        const PerformanceMetrics m = evaluatePerformance(s, testing::ciovExample().catalog, options);
        saturated += m.saturated ? 1 : 0;
        withProblems += m.problems.empty() ? 0 : 1;
        QVERIFY(std::isfinite(m.cpuUtilization) && m.cpuUtilization >= 0.0);
        QVERIFY(std::isfinite(m.ioCpuShare) && m.ioCpuShare >= 0.0 && m.ioCpuShare <= 1.0);
        QVERIFY(finiteOrAbsent(m.maxLoadScale));
        QVERIFY(m.maxVmsPerServer >= 0 && m.maxVmsPerServer <= 64);
        for (const StationMetrics &st : m.stations)
            QVERIFY2(std::isfinite(st.utilization) && st.utilization >= 0.0, qPrintable(st.name));
        for (const ClassMetrics &c : m.classes) {
            QVERIFY(std::isfinite(c.offeredBytesPerS) && std::isfinite(c.throughputBytesPerS));
            QVERIFY(c.throughputBytesPerS <= c.offeredBytesPerS * (1.0 + 1e-12));
            QVERIFY(finiteOrAbsent(c.latencyS) && finiteOrAbsent(c.p99LatencyS));
            QVERIFY(std::isfinite(c.unloadedLatencyS) && c.unloadedLatencyS >= 0.0);
            QVERIFY(c.peakVmBytesPerS >= 0.0 && c.peakServerBytesPerS >= 0.0);
            QCOMPARE(c.saturated && !m.saturated, false);
            if (c.latencyS && c.p99LatencyS)
                QVERIFY(*c.p99LatencyS >= *c.latencyS * (1.0 - 1e-12));
        }
        // The JSON a report reads never holds NaN or infinity.
        design::Project one;
        one.catalog = testing::ciovExample().catalog;
        one.scenarios = { s };
        const QByteArray json = QJsonDocument(io::evaluationJson(one)).toJson();
        for (const char *bad : { ": nan", ": inf", ": -inf" })
            QVERIFY2(!json.contains(bad), bad);
    }
    // The generator must exercise both healthy and broken, light and saturated designs.
    QVERIFY(saturated > 10 && saturated < scenarioCount - 10);
    QVERIFY(withProblems > 10 && withProblems < scenarioCount - 10);
    qInfo("%d scenarios: %d saturated, %d with problems", scenarioCount, saturated, withProblems);
}

QTEST_GUILESS_MAIN(TestPerformanceRobustness)
#include "tst_performancerobustness.moc"
