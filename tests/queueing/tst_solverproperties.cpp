// Operational laws that every solution must satisfy, checked on random networks of every shape
// through the public solve(): utilization law, Little's law per station and per class, flow balance,
// no NaN or infinity, and the auto method's choice.
#include "networkbuilders.h"
#include "queueing/invalidnetwork.h"
#include "queueing/solver.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace iovplan::queueing;
using iovplan::queueing::testing::optionsFor;

namespace {

// Laws hold to round-off in exact solutions and to the convergence tolerance in approximate ones.
constexpr double lawTolerance = 1e-9;

bool near(double a, double b, double tolerance = lawTolerance)
{
    return std::abs(a - b) <= tolerance * std::max({1.0, std::abs(a), std::abs(b)});
}

Network randomNetwork(std::mt19937_64 &random, int shape)
{
    auto uniform = [&](double a, double b) { return std::uniform_real_distribution<double>(a, b)(random); };
    auto integer = [&](int a, int b) { return std::uniform_int_distribution<int>(a, b)(random); };
    Network network;
    const int m = integer(1, 7);
    for (int k = 0; k < m; ++k) {
        Station s;
        s.name = "s" + std::to_string(k);
        const double pick = uniform(0, 1);
        if (pick < 0.15 && k > 0) {
            s.kind = StationKind::Delay;
        } else if (pick < 0.35) {
            s.servers = integer(2, 6);
        } else if (pick < 0.5) {
            s.kind = StationKind::LoadDependent;
            s.rateMultipliers = {1.0, uniform(1.0, 2.0), uniform(2.0, 3.0)};
        }
        network.stations.push_back(s);
    }
    // shape 0: closed, 1: open, 2: mixed
    const int open = shape == 0 ? 0 : integer(1, 2);
    const int closed = shape == 1 ? 0 : integer(1, 3);
    for (int c = 0; c < open + closed; ++c) {
        JobClass j;
        j.name = "c" + std::to_string(c);
        j.kind = c < open ? ClassKind::Open : ClassKind::Closed;
        j.arrivalRate = c < open ? uniform(0.05, 0.5) : 0.0;
        j.population = c < open ? 0 : integer(1, 6);
        j.thinkTime = uniform(0, 1) < 0.5 ? 0.0 : uniform(0.1, 3.0);
        for (int k = 0; k < m; ++k) {
            j.visits.push_back(uniform(0, 1) < 0.2 && k > 0 ? 0.0 : uniform(0.2, 3.0));
            j.serviceTimes.push_back(uniform(0.01, 0.5));
        }
        if (j.visits[0] == 0.0)
            j.visits[0] = 1.0;
        network.classes.push_back(j);
    }
    // Class-independent service times at multi-server and load-dependent stations (product form).
    for (std::size_t k = 0; k < network.stationCount(); ++k) {
        if (network.stations[k].kind == StationKind::LoadDependent || network.stations[k].servers > 1)
            for (auto &j : network.classes)
                j.serviceTimes[k] = network.classes.front().serviceTimes[k];
    }
    // Keep open load below 90% of every station's capacity so the network is stable.
    double worst = 0;
    for (std::size_t k = 0; k < network.stationCount(); ++k) {
        double load = 0;
        for (const auto &j : network.classes)
            if (j.kind == ClassKind::Open)
                load += j.arrivalRate * j.demand(k);
        if (network.stations[k].kind != StationKind::Delay)
            worst = std::max(worst, load / network.stations[k].capacityMultiplier());
    }
    if (worst > 0.9)
        for (auto &j : network.classes)
            if (j.kind == ClassKind::Open)
                j.arrivalRate *= 0.9 / worst;
    return network;
}

} // namespace

class TestSolverProperties : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void operationalLaws_data()
    {
        QTest::addColumn<int>("shape");
        QTest::addColumn<int>("method");
        const char *shapes[] = {"closed", "open", "mixed"};
        const std::pair<const char *, MethodRequest> methods[] = {
            {"exact", MethodRequest::Exact}, {"linearizer", MethodRequest::Linearizer},
            {"bard-schweitzer", MethodRequest::BardSchweitzer}};
        for (int shape = 0; shape < 3; ++shape)
            for (const auto &[name, method] : methods)
                QTest::newRow(qPrintable(QStringLiteral("%1 networks, %2").arg(QLatin1String(shapes[shape]), QLatin1String(name))))
                    << shape << static_cast<int>(method);
    }
    void operationalLaws()
    {
        QFETCH(int, shape);
        QFETCH(int, method);
        std::mt19937_64 random(static_cast<std::uint64_t>(1000 + shape));
        for (int trial = 0; trial < 40; ++trial) {
            const Network network = randomNetwork(random, shape);
            const Solution solution = solve(network, optionsFor(static_cast<MethodRequest>(method), 1e-12));
            QVERIFY(!solution.saturated);
            const auto context = QStringLiteral("trial %1").arg(trial);
            for (std::size_t c = 0; c < network.classCount(); ++c) {
                const JobClass &job = network.classes[c];
                const ClassResult &result = solution.classes[c];
                QVERIFY2(std::isfinite(result.throughput) && result.throughput > 0, qPrintable(context));
                QVERIFY(result.responseTime.has_value() && std::isfinite(*result.responseTime));
                double jobsInNetwork = 0;
                double residenceSum = 0;
                for (std::size_t k = 0; k < network.stationCount(); ++k) {
                    if (!job.visitsStation(k))
                        continue;
                    const auto &stationResult = solution.stations[k];
                    const auto perClass = std::find_if(stationResult.perClass.begin(), stationResult.perClass.end(),
                                                       [&](const StationClassResult &p) { return p.className == job.name; });
                    QVERIFY(perClass != stationResult.perClass.end());
                    // Forced flow law: station throughput = class throughput x visits.
                    QVERIFY2(near(perClass->throughput, result.throughput * job.visits[k]), qPrintable(context));
                    // Little's law at the station: Q = X_c x residence per pass.
                    QVERIFY2(near(*perClass->queueLength, result.throughput * *perClass->residenceTime), qPrintable(context));
                    jobsInNetwork += *perClass->queueLength;
                    residenceSum += *perClass->residenceTime;
                    // Queues and delays never serve a job faster than its own service time.
                    if (network.stations[k].kind != StationKind::LoadDependent)
                        QVERIFY2(*perClass->residenceTime >= job.demand(k) * (1 - 1e-12), qPrintable(context));
                }
                QVERIFY2(near(residenceSum, *result.responseTime), qPrintable(context));
                if (job.kind == ClassKind::Closed) {
                    // Little's law over the whole cycle: N = X (Z + R).
                    QVERIFY2(near(static_cast<double>(job.population), result.throughput * (job.thinkTime + *result.responseTime), 1e-8),
                             qPrintable(context + QStringLiteral(" N=%1 X(Z+R)=%2").arg(job.population).arg(result.throughput * (job.thinkTime + *result.responseTime))));
                    QVERIFY(result.throughput <= result.bounds.throughputUpper * (1 + 1e-9));
                } else {
                    QVERIFY2(near(result.throughput, job.arrivalRate), qPrintable(context));
                    QVERIFY2(near(jobsInNetwork, job.arrivalRate * *result.responseTime), qPrintable(context));
                }
            }
            for (std::size_t k = 0; k < network.stationCount(); ++k) {
                const Station &station = network.stations[k];
                const StationResult &result = solution.stations[k];
                QVERIFY(std::isfinite(result.utilization) && result.utilization >= 0);
                if (station.kind == StationKind::Queue) {
                    // Utilization law: U = sum_c X_c D_ck / c. Approximate throughputs can overshoot a
                    // multi-server station's capacity slightly; the reported fraction of busy servers is
                    // then capped at 1.
                    double load = 0;
                    for (std::size_t c = 0; c < network.classCount(); ++c)
                        load += solution.classes[c].throughput * network.classes[c].demand(k);
                    QVERIFY2(near(result.utilization, std::min(1.0, load / station.servers)), qPrintable(context));
                    QVERIFY(result.utilization <= 1.0 + 1e-12);
                }
                if (station.kind == StationKind::LoadDependent)
                    QVERIFY(result.utilization <= 1.0 + 1e-12);
            }
        }
    }

    // A mixed network's multi-server station is busy unless neither closed nor open jobs are there:
    // P(not empty) from the joint product-form distribution, summed directly.
    void mixedMultiServerUtilizationIsProbabilityNotEmpty()
    {
        const double closedDemand = 0.8, openLoad = 1.1, think = 1.5;
        const std::int64_t population = 3;
        Network network;
        network.stations = {Station{"cpu", StationKind::Queue, 2, {}}};
        network.classes = {JobClass{"batch", ClassKind::Closed, 0, population, think, {1.0}, {closedDemand}},
                           JobClass{"web", ClassKind::Open, openLoad / 0.5, 0, 0.0, {1.0}, {0.5}}};
        // weight(n, m) = binom(n+m, m) D^n rho^m / prod_{i<=n+m} min(i, 2) x Z^(N-n) / (N-n)!
        double total = 0.0, empty = 0.0;
        for (std::int64_t n = 0; n <= population; ++n) {
            for (std::int64_t m = 0; m < 4000; ++m) {
                double log = std::lgamma(static_cast<double>(n + m + 1)) - std::lgamma(static_cast<double>(m + 1)) -
                    std::lgamma(static_cast<double>(n + 1)) + static_cast<double>(n) * std::log(closedDemand) +
                    static_cast<double>(m) * std::log(openLoad) +
                    static_cast<double>(population - n) * std::log(think) -
                    std::lgamma(static_cast<double>(population - n + 1));
                for (std::int64_t i = 1; i <= n + m; ++i)
                    log -= std::log(static_cast<double>(std::min<std::int64_t>(i, 2)));
                const double weight = std::exp(log);
                total += weight;
                if (n == 0 && m == 0)
                    empty += weight;
            }
        }
        const Solution solution = solve(network, optionsFor(MethodRequest::Exact, 1e-12));
        // Queue stations report the mean fraction of busy servers; the same station as load-dependent
        // reports P(not empty), which is what this checks.
        network.stations[0] = Station{"cpu", StationKind::LoadDependent, 1, {1.0, 2.0}};
        const Solution asLoadDependent = solve(network, optionsFor(MethodRequest::Exact, 1e-12));
        QVERIFY(std::abs(asLoadDependent.stations[0].utilization - (1.0 - empty / total)) < 1e-9);
        QCOMPARE(asLoadDependent.classes[0].throughput, solution.classes[0].throughput);
    }

    void autoChoosesExactForSmallLatticesAndSaysSo()
    {
        Network network;
        network.stations = {Station{"cpu", StationKind::Queue, 1, {}}};
        network.classes = {JobClass{"batch", ClassKind::Closed, 0, 5, 1.0, {1.0}, {0.2}}};
        const Solution small = solve(network);
        QCOMPARE(small.method, Method::Exact);
        QCOMPARE(small.algorithm, Algorithm::ExactMva);
        // 12 classes of 30 jobs: 31^12 population vectors, far beyond exact reach.
        network.classes.clear();
        for (int c = 0; c < 12; ++c)
            network.classes.push_back(JobClass{"c" + std::to_string(c), ClassKind::Closed, 0, 30, 1.0, {1.0}, {0.01}});
        const Solution large = solve(network);
        QCOMPARE(large.method, Method::Approximate);
        QCOMPARE(large.algorithm, Algorithm::Linearizer);
        QVERIFY_THROWS_EXCEPTION(InvalidNetwork, (void)solve(network, SolveOptions{MethodRequest::Exact}));
    }

    void saturatedOpenNetworkIsReportedWithoutInfinities()
    {
        Network network;
        network.stations = {Station{"cpu", StationKind::Queue, 2, {}}, Station{"disk", StationKind::Queue, 1, {}}};
        // cpu load 0.5 x 2 = 1.0 of capacity 2; disk load 0.5 x 3 = 1.5 of capacity 1 -> disk saturates.
        network.classes = {JobClass{"web", ClassKind::Open, 0.5, 0, 0.0, {1.0, 1.0}, {2.0, 3.0}}};
        const Solution solution = solve(network);
        QVERIFY(solution.saturated);
        QCOMPARE(solution.bottleneck, std::string("disk"));
        QVERIFY(solution.maxArrivalScale.has_value());
        QVERIFY(std::abs(*solution.maxArrivalScale - 1.0 / 1.5) < 1e-12);
        QVERIFY(!solution.classes[0].responseTime.has_value());
        QVERIFY(std::abs(solution.classes[0].throughput - 0.5 / 1.5) < 1e-12);
        for (const auto &station : solution.stations)
            QVERIFY(std::isfinite(station.utilization));
    }

    void invalidNetworksNameTheField_data()
    {
        QTest::addColumn<int>("defect");
        QTest::addColumn<QString>("field");
        QTest::newRow("no stations") << 0 << QStringLiteral("stations");
        QTest::newRow("zero servers") << 1 << QStringLiteral("stations[0].servers");
        QTest::newRow("duplicate station") << 2 << QStringLiteral("stations[1].name");
        QTest::newRow("zero population") << 3 << QStringLiteral("classes[0].population");
        QTest::newRow("negative think time") << 4 << QStringLiteral("classes[0].think_time");
        QTest::newRow("no demand") << 5 << QStringLiteral("classes[0].demands");
        QTest::newRow("infinite arrival rate") << 6 << QStringLiteral("classes[1].arrival_rate");
        QTest::newRow("non-positive rate multiplier") << 7 << QStringLiteral("stations[1].rate_multipliers");
    }
    void invalidNetworksNameTheField()
    {
        QFETCH(int, defect);
        QFETCH(QString, field);
        Network network;
        network.stations = {Station{"a", StationKind::Queue, 1, {}}, Station{"b", StationKind::Queue, 1, {}}};
        network.classes = {JobClass{"closed", ClassKind::Closed, 0, 3, 0.0, {1, 1}, {0.1, 0.1}},
                           JobClass{"open", ClassKind::Open, 0.5, 0, 0.0, {1, 1}, {0.1, 0.1}}};
        switch (defect) {
        case 0: network.stations.clear(); break;
        case 1: network.stations[0].servers = 0; break;
        case 2: network.stations[1].name = "a"; break;
        case 3: network.classes[0].population = 0; break;
        case 4: network.classes[0].thinkTime = -1; break;
        case 5: network.classes[0].visits = {0, 0}; break;
        case 6: network.classes[1].arrivalRate = std::numeric_limits<double>::infinity(); break;
        case 7:
            network.stations[1].kind = StationKind::LoadDependent;
            network.stations[1].rateMultipliers = {1.0, 0.0};
            break;
        }
        try {
            (void)solve(network);
            QFAIL("an invalid network was solved");
        } catch (const InvalidNetwork &e) {
            QCOMPARE(QString::fromStdString(e.field()), field);
        }
    }
};

QTEST_GUILESS_MAIN(TestSolverProperties)
#include "tst_solverproperties.moc"
