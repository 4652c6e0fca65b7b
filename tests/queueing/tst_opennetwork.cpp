// Open product-form networks (solveOpenClasses) against published cases, brute-force sums and
// properties on random networks; a 100,000-station network.
#include "networkbuilders.h"
#include "queueing/network.h"
#include "queueing/openproductform.h"

#include <QtTest>

#include <cmath>
#include <limits>
#include <random>

using namespace iovplan::queueing;
using namespace iovplan::queueing::testing;

Q_DECLARE_METATYPE(Network)
Q_DECLARE_METATYPE(std::vector<double>)

namespace {

bool allFinite(const OpenSolution &s)
{
    if (!s.load.allFinite() || !s.residence.allFinite() || !s.queueLength.allFinite() ||
        !std::isfinite(s.maxArrivalScale))
        return false;
    for (const auto &p : s.marginal) {
        for (double x : p) {
            if (!std::isfinite(x))
                return false;
        }
    }
    return true;
}

} // namespace

class TestOpenNetwork : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void published_data()
    {
        QTest::addColumn<Network>("network");
        QTest::addColumn<std::vector<double>>("utilization"); // per station, per server
        QTest::addColumn<std::vector<double>>("queue");       // per station, all classes
        QTest::addColumn<std::vector<double>>("perVisitR");   // class 0, per station (empty: skip)
        QTest::addColumn<std::vector<double>>("response");    // per class, residence summed

        Network bolch;
        bolch.stations = {queue("1"), queue("2"), queue("3"), queue("4")};
        // Visits per external arrival from the routing (lambda = 4 entering at station 4): X = [20,10,10,4].
        bolch.classes = {openClass("jobs", 4.0, {5, 2.5, 2.5, 1}, {0.04, 0.03, 0.06, 0.05})};
        // N_sys = 6.178571 => response = N / lambda (Little).
        QTest::newRow("Bolch 1998 Ex. 7.4 p.287") << bolch << std::vector<double>{0.8, 0.3, 0.6, 0.2}
                                                  << std::vector<double>{4, 0.428571, 1.5, 0.25}
                                                  << std::vector<double>{0.2, 0.042857, 0.15, 0.0625}
                                                  << std::vector<double>{6.178571 / 4.0};

        Network qsp;
        qsp.stations = {queue("cpu"), queue("disk1"), queue("disk2")};
        qsp.classes = {openClass("tx", 0.3, {121, 70, 50}, {0.005, 0.03, 0.027})};
        QTest::newRow("Lazowska QSP 1984 p.113") << qsp << std::vector<double>{0.1815, 0.63, 0.405}
                                                 << std::vector<double>{0.221747, 1.702703, 0.680672}
                                                 << std::vector<double>{} << std::vector<double>{8.683740};

        Network ex72;
        ex72.stations = {queue("cpu"), queue("disk")};
        ex72.classes = {openClass("A", 3.0 / 19.0, {10, 9}, {0.1, 1.0 / 3.0}),
                        openClass("B", 2.0 / 19.0, {5, 4}, {0.4, 1.0})};
        QTest::newRow("Lazowska QSP 1984 Ex. 7.2 p.138")
            << ex72 << std::vector<double>{7.0 / 19.0, 17.0 / 19.0} << std::vector<double>{0.583333, 8.5}
            << std::vector<double>{} << std::vector<double>{30.083333, 41.166667};

        for (int c : {2, 4}) {
            Network mmc;
            mmc.stations = {queue("m", c)};
            mmc.classes = {openClass("x", 9.0, {1}, {0.2})};
            const bool two = c == 2;
            QTest::newRow(two ? "M/M/2 lambda=9 mu=5 (case 2)" : "M/M/4 lambda=9 mu=5 (case 2)")
                << mmc << std::vector<double>{two ? 0.9 : 0.45}
                << std::vector<double>{two ? 9.473684 : 9.0 * 0.211685} << std::vector<double>{}
                << std::vector<double>{two ? 1.052632 : 0.211685};
        }
    }
    void published()
    {
        QFETCH(Network, network);
        QFETCH(std::vector<double>, utilization);
        QFETCH(std::vector<double>, queue);
        QFETCH(std::vector<double>, perVisitR);
        QFETCH(std::vector<double>, response);
        const OpenSolution s = solveOpenClasses(network);
        QVERIFY(!s.saturated);
        QVERIFY(allFinite(s));
        constexpr double published = 1e-3; // rounded published values
        for (std::size_t k = 0; k < network.stationCount(); ++k) {
            const auto ek = static_cast<Eigen::Index>(k);
            const double u = s.load[ek] / network.stations[k].capacityMultiplier();
            QVERIFY2(near(u, utilization[k], published), qPrintable(QString::number(u, 'g', 10)));
            QVERIFY2(near(s.queueLength.col(ek).sum(), queue[k], published),
                     qPrintable(QString::number(s.queueLength.col(ek).sum(), 'g', 10)));
            if (!perVisitR.empty())
                QVERIFY(near(s.residence(0, ek) / network.classes[0].visits[k], perVisitR[k], published));
        }
        for (std::size_t c = 0; c < response.size(); ++c) {
            const double r = s.residence.row(static_cast<Eigen::Index>(c)).sum();
            QVERIFY2(near(r, response[c], published), qPrintable(QString::number(r, 'g', 10)));
            // Little's law per class, re-computed: 1e-12.
            QVERIFY(near(s.queueLength.row(static_cast<Eigen::Index>(c)).sum(), network.classes[c].arrivalRate * r, 1e-12));
        }
    }

    void loadDependentEqualsMultiServer()
    {
        Network a;
        a.stations = {queue("m", 3)};
        a.classes = {openClass("x", 2.0, {1}, {1.2})};
        Network b = a;
        b.stations = {loadDependent("m", {1, 2, 3})};
        const OpenSolution sa = solveOpenClasses(a);
        const OpenSolution sb = solveOpenClasses(b);
        // Erlang C and the load-dependent sum are different formulas for the same quantity: 1e-12.
        QVERIFY(near(sa.residence(0, 0), sb.residence(0, 0), 1e-12));
        QCOMPARE(sa.marginal[0].size(), sb.marginal[0].size());
        for (std::size_t n = 0; n < sa.marginal[0].size(); ++n)
            QVERIFY(std::abs(sa.marginal[0][n] - sb.marginal[0][n]) <= 1e-15);
    }

    void loadDependentBruteForce()
    {
        // Non-monotone rate list: p(n) ~ rho^n / prod alpha(i) summed term by term to n = 20000.
        const std::vector<double> alpha{0.5, 1.5, 1.2};
        const double rho = 1.0;
        Network n;
        n.stations = {loadDependent("ld", alpha)};
        n.classes = {openClass("x", 0.5, {2}, {1.0})};
        const OpenSolution s = solveOpenClasses(n);
        QVERIFY(!s.saturated);
        std::vector<double> f{1.0};
        for (int i = 1; i < 20000; ++i)
            f.push_back(f.back() * rho / alpha[std::min<std::size_t>(static_cast<std::size_t>(i), alpha.size()) - 1]);
        double g = 0.0, mean = 0.0;
        for (std::size_t i = 0; i < f.size(); ++i) {
            g += f[i];
            mean += static_cast<double>(i) * f[i];
        }
        mean /= g;
        QVERIFY2(near(s.queueLength(0, 0), mean, 1e-12), qPrintable(QString::number(s.queueLength(0, 0), 'g', 15)));
        double total = 0.0;
        for (std::size_t i = 0; i < s.marginal[0].size(); ++i) {
            QVERIFY(near(s.marginal[0][i], f[i] / g, 1e-12));
            total += s.marginal[0][i];
        }
        QVERIFY(1.0 - total < 1e-15 && total <= 1.0 + 1e-15); // truncated where the tail < 1e-16
    }

    void multiServerMarginal()
    {
        Network n;
        n.stations = {queue("m", 2)};
        n.classes = {openClass("x", 9.0, {1}, {0.2})};
        const OpenSolution s = solveOpenClasses(n);
        QVERIFY(near(s.marginal[0][0], 0.052632, 1e-3)); // case 2: p0 = 0.052632
        QVERIFY(near(s.marginal[0][0], 1.0 / 19.0, 1e-12));
    }

    void saturation_data()
    {
        QTest::addColumn<double>("lambda");
        QTest::addColumn<bool>("saturated");
        QTest::addColumn<int>("bottleneck");
        QTest::addColumn<double>("scale");
        // Loads rho = lambda x [0.6, 1.2, 1.8, 5.0] against capacities [1, 2, 1.5, inf].
        QTest::newRow("stable lambda=0.5") << 0.5 << false << 2 << 1.5 / 0.9;
        QTest::newRow("saturated lambda=1") << 1.0 << true << 2 << 1.5 / 1.8;
        QTest::newRow("exactly at capacity") << 1.5 / 1.8 << true << 2 << 1.0;
    }
    void saturation()
    {
        QFETCH(double, lambda);
        QFETCH(bool, saturated);
        QFETCH(int, bottleneck);
        QFETCH(double, scale);
        Network n;
        n.stations = {queue("q"), queue("m", 2), loadDependent("ld", {1.0, 1.5}), delay("z")};
        n.classes = {openClass("x", lambda, {1, 1, 1, 1}, {0.6, 1.2, 1.8, 5.0})};
        const OpenSolution s = solveOpenClasses(n);
        QCOMPARE(s.saturated, saturated);
        QCOMPARE(s.bottleneck, bottleneck);
        QVERIFY2(near(s.maxArrivalScale, scale, 1e-12), qPrintable(QString::number(s.maxArrivalScale, 'g', 15)));
        QVERIFY(allFinite(s));
    }

    void delayOnlyAndClosedRowsIgnored()
    {
        Network n;
        n.stations = {delay("z")};
        n.classes = {openClass("x", 3.0, {1}, {2.0})};
        JobClass closed;
        closed.name = "batch";
        closed.population = 4;
        closed.visits = {1};
        closed.serviceTimes = {7.0};
        n.classes.push_back(closed);
        const OpenSolution s = solveOpenClasses(n);
        QVERIFY(!s.saturated);
        QCOMPARE(s.bottleneck, -1);
        QVERIFY(allFinite(s));
        QCOMPARE(s.maxArrivalScale, std::numeric_limits<double>::max());
        QCOMPARE(s.residence(0, 0), 2.0);
        QCOMPARE(s.queueLength(0, 0), 6.0);
        QCOMPARE(s.residence(1, 0), 0.0);
    }

    void randomNetworksProperties()
    {
        std::mt19937_64 random(20240611);
        std::uniform_real_distribution<double> u(0.0, 1.0);
        for (int trial = 0; trial < 50; ++trial) {
            Network n;
            const int m = 1 + static_cast<int>(u(random) * 6);
            for (int k = 0; k < m; ++k) {
                const double kind = u(random);
                if (kind < 0.4)
                    n.stations.push_back(queue("s" + std::to_string(k)));
                else if (kind < 0.6)
                    n.stations.push_back(queue("s" + std::to_string(k), 1 + static_cast<int>(u(random) * 8)));
                else if (kind < 0.8)
                    n.stations.push_back(loadDependent("s" + std::to_string(k), {1.0, 0.5 + u(random) * 2, 0.5 + u(random) * 3}));
                else
                    n.stations.push_back(delay("s" + std::to_string(k)));
            }
            const int classes = 1 + static_cast<int>(u(random) * 3);
            for (int c = 0; c < classes; ++c) {
                std::vector<double> v, s;
                for (int k = 0; k < m; ++k) {
                    v.push_back(u(random) < 0.2 ? 0.0 : 0.5 + u(random) * 2);
                    s.push_back(0.05 + u(random));
                }
                n.classes.push_back(openClass("c" + std::to_string(c), 0.1 + u(random), v, s));
            }
            const OpenSolution s = solveOpenClasses(n);
            QVERIFY(allFinite(s));
            for (std::size_t k = 0; k < n.stationCount(); ++k) {
                const auto ek = static_cast<Eigen::Index>(k);
                const Station &st = n.stations[k];
                const double cap = st.capacityMultiplier();
                QVERIFY(!(s.load[ek] >= cap) || s.saturated);
                if (s.saturated)
                    continue;
                // Little per class and the mean of the marginal: 1e-10 (sums of up to 1e6 terms).
                for (std::size_t c = 0; c < n.classCount(); ++c)
                    QVERIFY(near(s.queueLength(static_cast<Eigen::Index>(c), ek),
                                 n.classes[c].arrivalRate * s.residence(static_cast<Eigen::Index>(c), ek), 1e-12));
                if (!s.marginal[k].empty() && s.load[ek] > 0.0) {
                    double mean = 0.0, total = 0.0;
                    for (std::size_t j = 0; j < s.marginal[k].size(); ++j) {
                        mean += static_cast<double>(j) * s.marginal[k][j];
                        total += s.marginal[k][j];
                    }
                    QVERIFY(std::abs(total - 1.0) < 1e-12);
                    QVERIFY2(near(mean, s.queueLength.col(ek).sum(), 1e-10),
                             qPrintable(QStringLiteral("trial %1 station %2: %3 vs %4").arg(trial).arg(k).arg(mean).arg(s.queueLength.col(ek).sum())));
                }
            }
        }
    }

    void hundredThousandStations()
    {
        // The benchmark model of tests/bench/benchmodels.h: 3 open classes, 100,000 single-server stations.
        constexpr std::size_t m = 100000;
        Network n;
        n.stations.reserve(m);
        for (std::size_t k = 0; k < m; ++k)
            n.stations.push_back(queue("s" + std::to_string(k)));
        for (std::size_t c = 0; c < 3; ++c) {
            JobClass j = openClass("c" + std::to_string(c), 1.5, {}, {});
            for (std::size_t k = 0; k < m; ++k) {
                j.visits.push_back(1.0 + 0.25 * static_cast<double>((k + 2 * c) % 5));
                j.serviceTimes.push_back(0.01 + 0.005 * static_cast<double>((7 * k + 3 * c) % 13));
            }
            n.classes.push_back(std::move(j));
        }
        // Timing lives in tests/bench (docs/PERFORMANCE.md); here the large solve must be right.
        const OpenSolution s = solveOpenClasses(n);
        QVERIFY(!s.saturated);
        QVERIFY(allFinite(s));
        // Station 0 serves every class: rho = 1.5 x sum_c V_c0 S_c0, R_c0 = D_c0 / (1 - rho).
        double rho = 0;
        for (const auto &j : n.classes)
            rho += 1.5 * j.demand(0);
        QVERIFY(std::abs(s.residence(0, 0) - n.classes[0].demand(0) / (1 - rho)) < 1e-12);
    }
};

QTEST_GUILESS_MAIN(TestOpenNetwork)
#include "tst_opennetwork.moc"
