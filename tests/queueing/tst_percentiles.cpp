// Response-time percentiles: M/M/1 and M/M/c closed forms (case 10), numerical integration of the
// M/M/c sojourn, the theta = mu limit, and the gamma approximation.
#include "networkbuilders.h"
#include "queueing/network.h"
#include "queueing/openproductform.h"
#include "queueing/percentiles.h"

#include <QtTest>

#include <cmath>

using namespace iovplan::queueing;
using namespace iovplan::queueing::testing;

namespace {

/// P(T > t) of the M/M/c sojourn by Simpson integration of its definition: T = W + S, W = 0 with
/// probability 1 - C, else Exp(theta); S ~ Exp(mu). Independent of the closed form.
double survivalByIntegration(double lambda, double mu, int c, double wait, double t)
{
    const double theta = c * mu - lambda;
    const int steps = 20000;
    const double h = t / steps;
    double integral = 0.0;
    for (int i = 0; i <= steps; ++i) {
        const double x = i * h;
        const double f = theta * std::exp(-theta * x) * std::exp(-mu * (t - x));
        integral += f * (i == 0 || i == steps ? 1.0 : (i % 2 == 1 ? 4.0 : 2.0));
    }
    integral *= h / 3.0;
    return (1.0 - wait) * std::exp(-mu * t) + wait * (std::exp(-theta * t) + integral);
}

Network singleStation(int servers, double lambda, double service)
{
    Network n;
    Station s;
    s.name = "q";
    s.servers = servers;
    n.stations = {s};
    JobClass j;
    j.name = "x";
    j.kind = ClassKind::Open;
    j.arrivalRate = lambda;
    j.visits = {1};
    j.serviceTimes = {service};
    n.classes = {j};
    return n;
}

} // namespace

class TestPercentiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mm1()
    {
        // Case 10: T ~ Exp(mu - lambda), p-quantile = -ln(1 - p) / (mu - lambda). lambda = 4, mu = 5.
        const Network n = singleStation(1, 4.0, 0.2);
        const OpenSolution open = solveOpenClasses(n);
        const Percentiles p = responseTimePercentiles(n, 0, open.residence, &open);
        QVERIFY(p.exact);
        QVERIFY(near(p.p50, std::log(2.0), 1e-14));
        QVERIFY(near(p.p90, std::log(10.0), 1e-14));
        QVERIFY(near(p.p95, std::log(20.0), 1e-14));
        QVERIFY(near(p.p99, std::log(100.0), 1e-14));
    }

    void mmc_data()
    {
        QTest::addColumn<double>("lambda");
        QTest::addColumn<double>("mu");
        QTest::addColumn<int>("servers");
        QTest::newRow("M/M/2 lambda=9 mu=5 (case 2/10)") << 9.0 << 5.0 << 2;
        QTest::newRow("M/M/4 lambda=9 mu=5 (case 2/10)") << 9.0 << 5.0 << 4;
        QTest::newRow("M/M/2 theta=mu limit, lambda=5 mu=5") << 5.0 << 5.0 << 2;
        QTest::newRow("M/M/3 theta<mu, lambda=2.5 mu=1") << 2.5 << 1.0 << 3;
        QTest::newRow("M/M/50 lambda=45 mu=1") << 45.0 << 1.0 << 50;
    }
    void mmc()
    {
        QFETCH(double, lambda);
        QFETCH(double, mu);
        QFETCH(int, servers);
        const Network n = singleStation(servers, lambda, 1.0 / mu);
        const OpenSolution open = solveOpenClasses(n);
        const Percentiles p = responseTimePercentiles(n, 0, open.residence, &open);
        QVERIFY(p.exact);
        QVERIFY(p.p50 < p.p90 && p.p90 < p.p95 && p.p95 < p.p99);
        // The closed form against numerical integration of the definition: 1e-9 (Simpson, 2e4 steps).
        for (double t : {0.05, 0.2, 0.7, 2.0}) {
            const double closedForm = mmcResponseSurvival(lambda, mu, servers, t);
            // C recovered from the network's mean residence: W_q (c mu - lambda) = C (Erlang C).
            const double residence = open.residence(0, 0);
            const double c = (residence - 1.0 / mu) * (servers * mu - lambda);
            QVERIFY2(near(closedForm, survivalByIntegration(lambda, mu, servers, c, t), 1e-9),
                     qPrintable(QStringLiteral("t=%1: %2 vs %3").arg(t).arg(closedForm, 0, 'g', 15)
                                    .arg(survivalByIntegration(lambda, mu, servers, c, t), 0, 'g', 15)));
        }
        // Each quantile solves P(T > t) = 1 - p: 1e-12.
        const double levels[] = {0.5, 0.9, 0.95, 0.99};
        const double values[] = {p.p50, p.p90, p.p95, p.p99};
        for (int i = 0; i < 4; ++i)
            QVERIFY(near(mmcResponseSurvival(lambda, mu, servers, values[i]), 1.0 - levels[i], 1e-12));
    }

    void thetaEqualsMuIsContinuous()
    {
        // lambda = (c - 1) mu gives theta = mu: the limit form must join its neighbours.
        const double at = mmcResponseSurvival(5.0, 5.0, 2, 0.4);
        const double below = mmcResponseSurvival(5.0 - 1e-7, 5.0, 2, 0.4);
        const double above = mmcResponseSurvival(5.0 + 1e-7, 5.0, 2, 0.4);
        QVERIFY(std::abs(at - below) < 1e-7 && std::abs(at - above) < 1e-7);
    }

    void gammaReducesToExponential()
    {
        // SCV = 1: the gamma fit is Exp(mean) exactly: quantile = -mean ln(1 - p), 1e-12.
        for (double mean : {0.001, 1.0, 250.0}) {
            const Percentiles p = gammaPercentiles(mean, mean * mean);
            QVERIFY(!p.exact);
            QVERIFY(near(p.p50, -mean * std::log(0.5), 1e-12));
            QVERIFY(near(p.p90, -mean * std::log(0.1), 1e-12));
            QVERIFY(near(p.p99, -mean * std::log(0.01), 1e-12));
        }
    }

    void gammaKnownQuantiles()
    {
        // Chi-square quantiles (shape k/2, scale 2): chi2(0.95; 10) = 18.307038, chi2(0.99; 3) = 11.344867,
        // chi2(0.5; 100) = 99.334129 (standard tables, e.g. NIST/SEMATECH e-Handbook 1.3.6.7.4).
        QVERIFY(near(2.0 * gammaQuantile(5.0, 0.95), 18.307038, 1e-6));
        QVERIFY(near(2.0 * gammaQuantile(1.5, 0.99), 11.344867, 1e-6));
        QVERIFY(near(2.0 * gammaQuantile(50.0, 0.5), 99.334129, 1e-6));
        // Large shape (100,000 similar stations): the quantile inverts P to 1e-9; P itself is only
        // good to ~a x 1e-16 there (cancellation in a log x - x - lgamma(a)), measured 2e-12.
        const double x = gammaQuantile(1e5, 0.99);
        QVERIFY(near(regularizedLowerGamma(1e5, x), 0.99, 1e-9));
        // Wilson-Hilferty: (x - a) / sqrt(a) tends to z_0.99 = 2.326348; at a = 1e5 it is 2.3310, 1e-3.
        QVERIFY(near((x - 1e5) / std::sqrt(1e5), 2.326348 + 2.0 * (2.326348 * 2.326348 - 1.0) / (6.0 * std::sqrt(1e5)), 1e-3));
        QVERIFY(std::isfinite(gammaQuantile(1e-3, 0.5)));
    }

    void networkUsesLabelledApproximation()
    {
        // Two stations in tandem: not exact; the gamma fit has mean = R and variance = sum r^2 / V.
        Network n = singleStation(1, 2.0, 0.2);
        Station d;
        d.name = "d";
        n.stations.push_back(d);
        n.classes[0].visits.push_back(2.0);
        n.classes[0].serviceTimes.push_back(0.1);
        const OpenSolution open = solveOpenClasses(n);
        const Percentiles p = responseTimePercentiles(n, 0, open.residence, &open);
        QVERIFY(!p.exact);
        const double r0 = open.residence(0, 0), r1 = open.residence(0, 1);
        const Percentiles fit = gammaPercentiles(r0 + r1, r0 * r0 + r1 * r1 / 2.0);
        QCOMPARE(p.p95, fit.p95);
        // Closed classes are never exact.
        n.classes[0].kind = ClassKind::Closed;
        n.classes[0].population = 3;
        QVERIFY(!responseTimePercentiles(n, 0, open.residence, nullptr).exact);
    }
};

QTEST_GUILESS_MAIN(TestPercentiles)
#include "tst_percentiles.moc"
