// Buzen's convolution in scaled arithmetic against published cases (queueing-reference-cases.md,
// cases 3 and 7) and against exact MVA on random networks, plus the ScaledReal arithmetic it uses.
#include "closedmodelbuilders.h"
#include "queueing/convolution.h"
#include "queueing/exactmva.h"
#include "queueing/invalidnetwork.h"
#include "queueing/scaledreal.h"

#include <QtTest>

#include <cmath>
#include <random>
#include <vector>

using namespace iovplan::queueing;
using namespace iovplan::queueing::testing;

Q_DECLARE_METATYPE(std::vector<double>)
Q_DECLARE_METATYPE(std::vector<int>)

namespace {

using Kind = ClosedModel::Kind;

/// Both solutions agree station by station, marginals included; every probability is valid.
void verifySame(const ClosedModel &model, const ClosedSolution &actual, const ClosedSolution &expected, double relative)
{
    QVERIFY(actual.throughput.allFinite() && actual.queueLength.allFinite() && actual.residence.allFinite());
    VERIFY_NEAR("X", actual.throughput[0], expected.throughput[0], relative);
    for (Eigen::Index k = 0; k < model.stationCount(); ++k) {
        QVERIFY2(near(actual.queueLength(0, k), expected.queueLength(0, k), relative, 1e-300),
                 mismatch("Q", actual.queueLength(0, k), expected.queueLength(0, k)).constData());
        QVERIFY2(near(actual.residence(0, k), expected.residence(0, k), relative, 1e-300),
                 mismatch("residence", actual.residence(0, k), expected.residence(0, k)).constData());
    }
    QCOMPARE(actual.marginal.size(), expected.marginal.size());
    for (std::size_t k = 0; k < actual.marginal.size(); ++k) {
        QCOMPARE(actual.marginal[k].size(), expected.marginal[k].size());
        double sum = 0.0;
        for (std::size_t j = 0; j < actual.marginal[k].size(); ++j) {
            const double p = actual.marginal[k][j];
            QVERIFY(std::isfinite(p) && p >= 0.0);
            sum += p;
            // Absolute 1e-150: exact MVA may store probabilities below that as zero (docs/queueing-exact.md).
            QVERIFY2(near(p, expected.marginal[k][j], relative, 1e-150),
                     mismatch("p(j)", p, expected.marginal[k][j]).constData());
        }
        if (!actual.marginal[k].empty())
            VERIFY_NEAR("marginal sum", sum, 1.0, kRecomputed);
    }
}

} // namespace

class TestConvolution : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scaledReal()
    {
        const ScaledReal a(3.0);
        const ScaledReal b(0.25);
        QCOMPARE((a * b).toDouble(), 0.75);
        QCOMPARE((a + b).toDouble(), 3.25);
        QCOMPARE((a / b).toDouble(), 12.0);
        QCOMPARE(ratio(b, a), 0.25 / 3.0);
        QVERIFY(ScaledReal().isZero());
        QCOMPARE((ScaledReal() + a).toDouble(), 3.0);
        QCOMPARE((a / ScaledReal()).toDouble(), 0.0); // guarded, never inf
        // 1e300^4 = 1e1200: far outside double, exact in ScaledReal.
        ScaledReal big(1e300);
        big *= big;
        big *= big;
        QVERIFY(!big.fitsInDouble());
        QVERIFY(std::isinf(big.toDouble()));
        QVERIFY(near(big.logAbs(), 1200.0 * std::log(10.0), 1e-15));
        QVERIFY(near(ratio(big, big * ScaledReal(4.0)), 0.25, 1e-15));
        // Tiny addends vanish, equal magnitudes add.
        QCOMPARE((big + ScaledReal(1.0)).mantissa(), big.mantissa());
        QVERIFY(near(ratio(big + big, big), 2.0, 1e-15));
        QVERIFY(near(ScaledReal::fromLog(std::log(123.5)).toDouble(), 123.5, 1e-14));
        QVERIFY(near(ScaledReal::fromLog(-5000.0).logAbs(), -5000.0, 1e-14));
        QCOMPARE(ScaledReal::fromParts(0.75, 10).toDouble(), 768.0);
    }

    void published_data()
    {
        QTest::addColumn<std::vector<int>>("servers"); // 0 delay, 1 queue, c > 1 multi-server
        QTest::addColumn<std::vector<double>>("demands");
        QTest::addColumn<int>("population");
        QTest::addColumn<double>("think");
        QTest::addColumn<double>("throughput");
        QTest::addColumn<std::vector<double>>("queueLength");
        QTest::addColumn<std::vector<double>>("constants"); // G(0..N) when published

        // Bolch et al. 1998 Ex. 8.1 p.318: M/M/2 mu = 0.8, M/M/3 mu = 0.6, M/M/1 mu = 0.4, V = [1, 2/3, 0.2].
        QTest::newRow("Bolch 1998 Ex. 8.1 p.318")
            << std::vector<int>{2, 3, 1} << std::vector<double>{1.25, (2.0 / 3.0) / 0.6, 0.5} << 3 << 0.0 << 0.944559
            << std::vector<double>{1.290042, 1.049510, 0.660448}
            << std::vector<double>{1.0, 2.861111, 4.217978, 4.465555};
        // Bolch et al. 1998 Ex. 8.4 p.333: M/M/2 S = 0.5, S = 0.6, S = 0.8, delay S = 1, V = [1, .5, .5, 1].
        QTest::newRow("Bolch 1998 Ex. 8.4 p.333")
            << std::vector<int>{2, 1, 1, 0} << std::vector<double>{0.5, 0.3, 0.4, 1.0} << 3 << 0.0 << 1.217461
            << std::vector<double>{0.623679, 0.472872, 0.685988, 1.217461} << std::vector<double>{};
        // Jain 1991 p.577: D = [0.125 x 16, 0.3 x 10, 0.2 x 5], Z = 4.
        QTest::newRow("Jain 1991 p.577")
            << std::vector<int>{1, 1, 1} << std::vector<double>{2.0, 3.0, 1.0} << 20 << 4.0 << 0.333247
            << std::vector<double>{1.990623, 16.176651, 0.499740} << std::vector<double>{};
        // Bolch et al. 1998 Ex. 8.3 p.331: S = [0.02, 0.2, 0.4, 0.6], V = [1, 0.4, 0.2, 0.1].
        QTest::newRow("Bolch 1998 Ex. 8.3 p.331")
            << std::vector<int>{1, 1, 1, 1} << std::vector<double>{0.02, 0.08, 0.08, 0.06} << 6 << 0.0 << 9.919836
            << std::vector<double>{0.243615, 2.261038, 2.261038, 1.234309} << std::vector<double>{};
    }

    void published()
    {
        QFETCH(std::vector<int>, servers);
        QFETCH(std::vector<double>, demands);
        QFETCH(int, population);
        QFETCH(double, think);
        QFETCH(double, throughput);
        QFETCH(std::vector<double>, queueLength);
        QFETCH(std::vector<double>, constants);

        const ClosedModel model = singleClassModel(servers, demands, population, think);
        const ClosedSolution solution = convolution(model);
        VERIFY_NEAR("X", solution.throughput[0], throughput, kPublished);
        for (std::size_t k = 0; k < queueLength.size(); ++k)
            VERIFY_NEAR("Q", solution.queueLength(0, static_cast<Eigen::Index>(k)), queueLength[k], kPublished);
        const std::vector<double> g = convolutionNormalisingConstants(model);
        QCOMPARE(g.size(), static_cast<std::size_t>(population + 1));
        for (std::size_t n = 0; n < constants.size(); ++n)
            VERIFY_NEAR("G", g[n], constants[n], kPublished);
        // X = G(N - 1) / G(N), Little's law, and exact MVA as the independent re-computation.
        VERIFY_NEAR("G ratio", solution.throughput[0], g[g.size() - 2] / g.back(), kRecomputed);
        VERIFY_NEAR("Little", solution.throughput[0] * (think + solution.residence.sum()), population, kRecomputed);
        verifySame(model, solution, exactMva(model), kRecomputed);
    }

    // 50 random single-class networks with delay, queue, multi-server and arbitrary load-dependent
    // stations and think times: convolution equals exact MVA to 1e-9 relative.
    void matchesExactMva()
    {
        std::mt19937_64 random(19730501); // Buzen 1973
        std::uniform_int_distribution<int> stationCount(1, 6);
        std::uniform_int_distribution<int> jobs(1, 60);
        std::uniform_int_distribution<int> kind(0, 4);
        std::uniform_int_distribution<int> servers(2, 8);
        std::uniform_real_distribution<double> demand(0.05, 3.0);
        std::uniform_real_distribution<double> alpha(0.3, 3.0);
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        for (int trial = 0; trial < 50; ++trial) {
            const std::int64_t population = jobs(random);
            const int m = stationCount(random);
            ClosedModel model;
            model.population = {population};
            model.thinkTime = {unit(random) < 0.5 ? 0.0 : 10.0 * unit(random)};
            model.demands = Eigen::MatrixXd(1, m);
            for (int k = 0; k < m; ++k) {
                ClosedModel::StationModel station;
                switch (kind(random)) {
                case 0:
                    station.kind = Kind::Delay;
                    break;
                case 1:
                    station.kind = Kind::Queue;
                    break;
                case 2:
                    station = multiServer(servers(random), population);
                    break;
                default:
                    station.kind = Kind::LoadDependent;
                    for (std::int64_t n = 1; n <= population; ++n)
                        station.alpha.push_back(alpha(random));
                    break;
                }
                model.stations.push_back(station);
                model.demands(0, k) = unit(random) < 0.15 ? 0.0 : demand(random);
            }
            if (!(model.demands.sum() > 0.0))
                model.demands(0, 0) = demand(random);
            verifySame(model, convolution(model), exactMva(model), kRecomputed);
        }
    }

    // N = 10,000 over 100 stations: G(N) is around 1e+-30000 yet every result is finite and equals
    // exact MVA; the double-valued constants are refused.
    void hugeNormalisingConstants_data()
    {
        QTest::addColumn<double>("scale"); // demand scale: large overflows G, small underflows it
        QTest::newRow("G overflows double") << 10.0;
        QTest::newRow("G underflows double") << 0.001;
    }

    void hugeNormalisingConstants()
    {
        QFETCH(double, scale);
        std::mt19937_64 random(100);
        std::uniform_real_distribution<double> demand(0.5, 1.5);
        std::vector<int> servers(100, 1);
        std::vector<double> demands(100);
        for (double &d : demands)
            d = scale * demand(random);
        servers[0] = 0;
        servers[1] = 8;
        const ClosedModel model = singleClassModel(servers, demands, 10000, 50.0 * scale);
        const std::vector<ScaledReal> g = normalisingConstants(model);
        QVERIFY(!g.back().fitsInDouble());
        QVERIFY(convolutionNormalisingConstants(model).empty());
        const ClosedSolution solution = convolution(model);
        verifySame(model, solution, exactMva(model), kRecomputed);
        // Utilization law: X D_k <= c_k for every queue.
        for (Eigen::Index k = 1; k < model.stationCount(); ++k)
            QVERIFY(solution.throughput[0] * model.demands(0, k) <= servers[static_cast<std::size_t>(k)] * (1.0 + 1e-12));
    }

    void refusesMulticlass()
    {
        ClosedModel model = singleClassModel({1}, {1.0}, 2, 0.0);
        model.demands = Eigen::MatrixXd::Ones(2, 1);
        model.population = {1, 1};
        model.thinkTime = {0.0, 0.0};
        QVERIFY_THROWS_EXCEPTION(InvalidNetwork, (void)convolution(model));
        QVERIFY_THROWS_EXCEPTION(InvalidNetwork, (void)convolution(singleClassModel({1}, {0.0}, 2, 0.0)));
    }
};

QTEST_GUILESS_MAIN(TestConvolution)
#include "tst_convolution.moc"
