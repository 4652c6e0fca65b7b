// Exact multiclass MVA against published cases (queueing-reference-cases.md, cases 3, 4, 7), a
// brute-force product-form enumeration, a log-space birth-death solution and convolution.
#include "closedmodelbuilders.h"
#include "queueing/convolution.h"
#include "queueing/exactmva.h"
#include "queueing/invalidnetwork.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <functional>
#include <random>
#include <vector>

using namespace iovplan::queueing;
using namespace iovplan::queueing::testing;

Q_DECLARE_METATYPE(std::vector<double>)
Q_DECLARE_METATYPE(std::vector<int>)

namespace {

using Kind = ClosedModel::Kind;

/// Finite, non-negative probabilities summing to 1 for every load-dependent station.
void verifyMarginals(const ClosedModel &model, const ClosedSolution &solution)
{
    QCOMPARE(solution.marginal.size(), model.stations.size());
    for (std::size_t k = 0; k < model.stations.size(); ++k) {
        const auto &marginal = solution.marginal[k];
        if (model.stations[k].kind != Kind::LoadDependent) {
            QVERIFY(marginal.empty());
            continue;
        }
        QCOMPARE(marginal.size(), static_cast<std::size_t>(model.totalPopulation() + 1));
        double sum = 0.0;
        double mean = 0.0;
        for (std::size_t j = 0; j < marginal.size(); ++j) {
            QVERIFY(std::isfinite(marginal[j]) && marginal[j] >= 0.0);
            sum += marginal[j];
            mean += static_cast<double>(j) * marginal[j];
        }
        // Internal consistency: the marginal is a distribution and its mean is the MVA queue length.
        VERIFY_NEAR("marginal sum", sum, 1.0, kRecomputed);
        VERIFY_NEAR("marginal mean", mean, solution.queueLength.col(static_cast<Eigen::Index>(k)).sum(), kRecomputed);
    }
}

void verifyFinite(const ClosedSolution &solution)
{
    QVERIFY(solution.throughput.allFinite());
    QVERIFY(solution.residence.allFinite());
    QVERIFY(solution.queueLength.allFinite());
    QVERIFY((solution.throughput.array() >= 0.0).all());
    QVERIFY((solution.queueLength.array() >= 0.0).all());
}

/// Product-form enumeration of every state (Baskett et al. 1975): G(n), class queue lengths and
/// load-dependent marginals, by brute force for small networks.
struct Enumeration {
    double normalisingConstant = 0.0;
    Eigen::MatrixXd queueLength;              // C x M, unnormalised sums until divided
    std::vector<std::vector<double>> marginal; // per station, P(j present)
};

double stationWeight(const ClosedModel &model, Eigen::Index k, const std::vector<int> &count)
{
    const auto &station = model.stations[static_cast<std::size_t>(k)];
    double weight = 1.0;
    int total = 0;
    for (std::size_t c = 0; c < count.size(); ++c) {
        weight *= std::pow(model.demands(static_cast<Eigen::Index>(c), k), count[c]) / std::tgamma(count[c] + 1.0);
        total += count[c];
    }
    if (station.kind == Kind::Delay)
        return weight;
    weight *= std::tgamma(total + 1.0); // multinomial: orderings of the jobs present
    if (station.kind == Kind::LoadDependent) {
        for (int i = 1; i <= total; ++i)
            weight /= station.alpha[static_cast<std::size_t>(i - 1)];
    }
    return weight;
}

Enumeration enumerate(const ClosedModel &model, const std::vector<std::int64_t> &population)
{
    const auto classes = static_cast<std::size_t>(model.classCount());
    const auto m = static_cast<std::size_t>(model.stationCount());
    Enumeration result;
    result.queueLength = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(classes), static_cast<Eigen::Index>(m));
    std::int64_t total = 0;
    for (auto n : population)
        total += n;
    result.marginal.assign(m, std::vector<double>(static_cast<std::size_t>(total + 1), 0.0));
    // counts[c][k]: class c jobs at station k; slot m is the think state.
    std::vector<std::vector<int>> counts(classes, std::vector<int>(m + 1, 0));
    std::function<void(std::size_t, std::size_t, int)> place = [&](std::size_t c, std::size_t slot, int left) {
        if (c == classes) {
            double weight = 1.0;
            for (std::size_t k = 0; k < m; ++k) {
                std::vector<int> here(classes);
                for (std::size_t i = 0; i < classes; ++i)
                    here[i] = counts[i][k];
                weight *= stationWeight(model, static_cast<Eigen::Index>(k), here);
            }
            for (std::size_t i = 0; i < classes; ++i)
                weight *= std::pow(model.thinkTime[i], counts[i][m]) / std::tgamma(counts[i][m] + 1.0);
            result.normalisingConstant += weight;
            for (std::size_t k = 0; k < m; ++k) {
                int present = 0;
                for (std::size_t i = 0; i < classes; ++i) {
                    result.queueLength(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(k)) += weight * counts[i][k];
                    present += counts[i][k];
                }
                result.marginal[k][static_cast<std::size_t>(present)] += weight;
            }
            return;
        }
        if (slot == m) {
            counts[c][m] = left;
            place(c + 1, 0, static_cast<int>(c + 1 < classes ? population[c + 1] : 0));
            return;
        }
        for (int here = 0; here <= left; ++here) {
            counts[c][slot] = here;
            place(c, slot + 1, left - here);
        }
        counts[c][slot] = 0;
    };
    place(0, 0, static_cast<int>(population[0]));
    if (result.normalisingConstant > 0.0) {
        result.queueLength /= result.normalisingConstant;
        for (auto &marginal : result.marginal) {
            for (double &p : marginal)
                p /= result.normalisingConstant;
        }
    }
    return result;
}

/// A random multiclass network small enough to enumerate: 2-3 classes of 1-3 jobs, 2-4 stations.
ClosedModel randomMulticlass(std::mt19937_64 &random)
{
    std::uniform_int_distribution<int> classCount(2, 3);
    std::uniform_int_distribution<int> jobs(1, 3);
    std::uniform_int_distribution<int> stationCount(2, 4);
    std::uniform_int_distribution<int> kind(0, 4);
    std::uniform_real_distribution<double> demand(0.1, 2.0);
    std::uniform_real_distribution<double> alpha(0.3, 3.0);
    std::uniform_real_distribution<double> unit(0.0, 1.0);

    ClosedModel model;
    const int classes = classCount(random);
    for (int c = 0; c < classes; ++c) {
        model.population.push_back(jobs(random));
        model.thinkTime.push_back(unit(random) < 0.5 ? 0.0 : 5.0 * unit(random));
    }
    const std::int64_t total = model.totalPopulation();
    const int m = stationCount(random);
    model.demands = Eigen::MatrixXd::Zero(classes, m);
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
            station = multiServer(2 + static_cast<int>(unit(random) * 2.0), total);
            break;
        default: // arbitrary positive rate multipliers, not monotone
            station.kind = Kind::LoadDependent;
            for (std::int64_t n = 1; n <= total; ++n)
                station.alpha.push_back(alpha(random));
            break;
        }
        model.stations.push_back(station);
        for (int c = 0; c < classes; ++c)
            model.demands(c, k) = unit(random) < 0.25 ? 0.0 : demand(random);
    }
    for (int c = 0; c < classes; ++c) {
        if (!(model.demands.row(c).sum() > 0.0))
            model.demands(c, 0) = demand(random);
    }
    return model;
}

/// P(j at the station), j = 0..N, of a c-server station fed by N sources with think time Z, as a
/// birth-death chain solved in log space: pi_j / pi_{j-1} = ((N - j + 1) / Z) / (min(j, c) / S).
std::vector<double> finiteSourceMarginal(std::int64_t population, int servers, double service, double think)
{
    std::vector<double> logWeight(static_cast<std::size_t>(population + 1), 0.0);
    for (std::int64_t j = 1; j <= population; ++j) {
        logWeight[static_cast<std::size_t>(j)] = logWeight[static_cast<std::size_t>(j - 1)] +
                                                 std::log(static_cast<double>(population - j + 1) / think) -
                                                 std::log(static_cast<double>(std::min<std::int64_t>(j, servers)) / service);
    }
    double top = 0.0; // logWeight[0] = 0
    for (double w : logWeight)
        top = std::max(top, w);
    double sum = 0.0;
    for (double w : logWeight)
        sum += std::exp(w - top);
    std::vector<double> marginal;
    for (double w : logWeight)
        marginal.push_back(std::exp(w - top - std::log(sum)));
    return marginal;
}

} // namespace

class TestExactMva : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void publishedSingleClass_data()
    {
        QTest::addColumn<std::vector<int>>("servers"); // 0 delay, 1 queue, c > 1 multi-server
        QTest::addColumn<std::vector<double>>("demands");
        QTest::addColumn<int>("population");
        QTest::addColumn<double>("think");
        QTest::addColumn<double>("throughput");
        QTest::addColumn<std::vector<double>>("utilization"); // per server, X D / c
        QTest::addColumn<std::vector<double>>("queueLength");
        QTest::addColumn<std::vector<double>>("residence"); // V R; empty when not published

        // Jain 1991 p.577: S = [0.125, 0.3, 0.2], V = [16, 10, 5]; per-visit R = [0.373339, 4.854260,
        // 0.299922] gives residence V R.
        QTest::newRow("Jain 1991 p.577")
            << std::vector<int>{1, 1, 1} << std::vector<double>{2.0, 3.0, 1.0} << 20 << 4.0 << 0.333247
            << std::vector<double>{0.666493, 0.999740, 0.333247} << std::vector<double>{1.990623, 16.176651, 0.499740}
            << std::vector<double>{16 * 0.373339, 10 * 4.854260, 5 * 0.299922};
        // Bolch et al. 1998 Ex. 8.3 p.331: S = [0.02, 0.2, 0.4, 0.6], V = [1, 0.4, 0.2, 0.1].
        QTest::newRow("Bolch 1998 Ex. 8.3 p.331")
            << std::vector<int>{1, 1, 1, 1} << std::vector<double>{0.02, 0.08, 0.08, 0.06} << 6 << 0.0 << 9.919836
            << std::vector<double>{0.198397, 0.793587, 0.793587, 0.595190}
            << std::vector<double>{0.243615, 2.261038, 2.261038, 1.234309} << std::vector<double>{};
        // Routing form of case 3: P = [0 .3 .7; 1 0 0; 1 0 0] gives V = [1, .3, .7]; S = [1, 2, 0.8].
        // Published to 5 digits: the row's tolerance is kPublished x 10 (see the test).
        QTest::newRow("reference case 3 routing form V=[1,.3,.7]")
            << std::vector<int>{1, 1, 1} << std::vector<double>{1.0, 0.6, 0.56} << 10 << 0.0 << 0.99139
            << std::vector<double>{0.99139, 0.59483, 0.55518} << std::vector<double>{7.3719, 1.4136, 1.2144}
            << std::vector<double>{};
        // Bolch et al. 1998 Ex. 8.4 p.333: M/M/2 S = 0.5, S = 0.6, S = 0.8, delay S = 1, V = [1, .5, .5, 1].
        QTest::newRow("Bolch 1998 Ex. 8.4 p.333")
            << std::vector<int>{2, 1, 1, 0} << std::vector<double>{0.5, 0.3, 0.4, 1.0} << 3 << 0.0 << 1.217461
            << std::vector<double>{0.304365, 0.365238, 0.486984, 1.217461}
            << std::vector<double>{0.623679, 0.472872, 0.685988, 1.217461} << std::vector<double>{};
        // Bolch et al. 1998 Ex. 8.1 p.318: M/M/2 mu = 0.8, M/M/3 mu = 0.6, M/M/1 mu = 0.4, V = [1, 2/3, 0.2];
        // X per station = [0.944559, 0.629706, 0.188912].
        QTest::newRow("Bolch 1998 Ex. 8.1 p.318")
            << std::vector<int>{2, 3, 1} << std::vector<double>{1.25, (2.0 / 3.0) / 0.6, 0.5} << 3 << 0.0 << 0.944559
            << std::vector<double>{}
            << std::vector<double>{1.290042, 1.049510, 0.660448} << std::vector<double>{};
    }

    void publishedSingleClass()
    {
        QFETCH(std::vector<int>, servers);
        QFETCH(std::vector<double>, demands);
        QFETCH(int, population);
        QFETCH(double, think);
        QFETCH(double, throughput);
        QFETCH(std::vector<double>, utilization);
        QFETCH(std::vector<double>, queueLength);
        QFETCH(std::vector<double>, residence);
        const double tolerance = QByteArray(QTest::currentDataTag()).contains("routing form") ? 10 * kPublished : kPublished;

        const ClosedModel model = singleClassModel(servers, demands, population, think);
        const ClosedSolution solution = exactMva(model);
        verifyFinite(solution);
        verifyMarginals(model, solution);
        const double x = solution.throughput[0];
        VERIFY_NEAR("X", x, throughput, tolerance);
        for (std::size_t k = 0; k < utilization.size(); ++k) {
            const double perServer = x * demands[k] / std::max(servers[k], 1);
            VERIFY_NEAR("U", perServer, utilization[k], tolerance);
        }
        for (std::size_t k = 0; k < queueLength.size(); ++k)
            VERIFY_NEAR("Q", solution.queueLength(0, static_cast<Eigen::Index>(k)), queueLength[k], tolerance);
        for (std::size_t k = 0; k < residence.size(); ++k)
            VERIFY_NEAR("residence", solution.residence(0, static_cast<Eigen::Index>(k)), residence[k], tolerance);
        // Little's law over the whole cycle: N = X (Z + sum of residences).
        VERIFY_NEAR("Little", x * (think + solution.residence.sum()), static_cast<double>(population), kRecomputed);

        // Re-computed by convolution, an independent exact method.
        const ClosedSolution reference = convolution(model);
        VERIFY_NEAR("X vs convolution", x, reference.throughput[0], kRecomputed);
        for (Eigen::Index k = 0; k < model.stationCount(); ++k)
            VERIFY_NEAR("Q vs convolution", solution.queueLength(0, k), reference.queueLength(0, k), kRecomputed);
    }

    void publishedMulticlass_data()
    {
        QTest::addColumn<std::vector<int>>("servers");
        QTest::addColumn<std::vector<double>>("demands"); // row-major, class by station
        QTest::addColumn<std::vector<int>>("population");
        QTest::addColumn<std::vector<double>>("throughput");
        QTest::addColumn<std::vector<double>>("queueLength"); // row-major; empty entries skipped (< 0)
        QTest::addColumn<std::vector<double>>("utilization"); // row-major X_c D_ck; < 0 skipped
        QTest::addColumn<double>("tolerance");

        // Lazowska et al. 1984 (QSP) p.142: CPU and disk, D_A = [1, 3], D_B = [2, 4], N = [1, 1];
        // exact fractions X = [3/19, 2/19], Q_A = [4/19, 15/19], Q_B = [5/19, 14/19].
        QTest::newRow("QSP 1984 p.142")
            << std::vector<int>{1, 1} << std::vector<double>{1, 3, 2, 4} << std::vector<int>{1, 1}
            << std::vector<double>{3.0 / 19, 2.0 / 19} << std::vector<double>{4.0 / 19, 15.0 / 19, 5.0 / 19, 14.0 / 19}
            << std::vector<double>{3.0 / 19, 9.0 / 19, 4.0 / 19, 8.0 / 19} << kRecomputed;
        // Schwetman, Purdue CSD-TR-355 (1982) Table 5: stations APL (delay), IMS (delay), SYS (PS).
        QTest::newRow("Schwetman CSD-TR-355 1982 Table 5")
            << std::vector<int>{0, 0, 1} << std::vector<double>{1.0, 0.0, 0.025, 0.0, 15.0, 0.5}
            << std::vector<int>{15, 5} << std::vector<double>{14.323115, 0.313799}
            << std::vector<double>{-1, -1, 0.676885, -1, -1, 0.293009}
            << std::vector<double>{-1, -1, 0.358078, -1, -1, 0.156900} << kPublished;
    }

    void publishedMulticlass()
    {
        QFETCH(std::vector<int>, servers);
        QFETCH(std::vector<double>, demands);
        QFETCH(std::vector<int>, population);
        QFETCH(std::vector<double>, throughput);
        QFETCH(std::vector<double>, queueLength);
        QFETCH(std::vector<double>, utilization);
        QFETCH(double, tolerance);

        const auto classes = static_cast<Eigen::Index>(population.size());
        const auto m = static_cast<Eigen::Index>(servers.size());
        ClosedModel model;
        model.demands = Eigen::MatrixXd(classes, m);
        for (Eigen::Index c = 0; c < classes; ++c) {
            for (Eigen::Index k = 0; k < m; ++k)
                model.demands(c, k) = demands[static_cast<std::size_t>(c * m + k)];
            model.population.push_back(population[static_cast<std::size_t>(c)]);
            model.thinkTime.push_back(0.0);
        }
        for (int s : servers) {
            ClosedModel::StationModel station;
            station.kind = s == 0 ? Kind::Delay : Kind::Queue;
            model.stations.push_back(station);
        }
        const ClosedSolution solution = exactMva(model);
        verifyFinite(solution);
        for (Eigen::Index c = 0; c < classes; ++c) {
            const double x = solution.throughput[c];
            VERIFY_NEAR("X", x, throughput[static_cast<std::size_t>(c)], tolerance);
            VERIFY_NEAR("Little", x * solution.residence.row(c).sum(), population[static_cast<std::size_t>(c)],
                        kRecomputed);
            for (Eigen::Index k = 0; k < m; ++k) {
                const auto i = static_cast<std::size_t>(c * m + k);
                if (queueLength[i] >= 0.0)
                    VERIFY_NEAR("Q", solution.queueLength(c, k), queueLength[i], tolerance);
                if (utilization[i] >= 0.0)
                    VERIFY_NEAR("U", x * model.demands(c, k), utilization[i], tolerance);
            }
        }
        // QSP p.142 system response times per class: R_A = 19/3, R_B = 19/2.
        if (QByteArray(QTest::currentDataTag()).startsWith("QSP")) {
            VERIFY_NEAR("R_A", solution.residence.row(0).sum(), 19.0 / 3.0, kRecomputed);
            VERIFY_NEAR("R_B", solution.residence.row(1).sum(), 19.0 / 2.0, kRecomputed);
        }
    }

    // 50 random multiclass networks with delay, queue, multi-server and arbitrary load-dependent
    // stations, against the product form summed over every state: 1e-9 relative. The "extreme
    // alpha" rows give one station alpha(1) = 1e-260, so that the marginals span more than the
    // double range and exact MVA switches to ScaledReal storage (docs/queueing-exact.md).
    void matchesProductFormEnumeration_data()
    {
        QTest::addColumn<bool>("extremeAlpha");
        QTest::newRow("50 random networks") << false;
        QTest::newRow("50 random networks, extreme alpha") << true;
    }

    void matchesProductFormEnumeration()
    {
        QFETCH(bool, extremeAlpha);
        std::mt19937_64 random(extremeAlpha ? 1980 : 20240611);
        for (int trial = 0; trial < 50; ++trial) {
            ClosedModel model = randomMulticlass(random);
            if (extremeAlpha) {
                model.stations[0].kind = Kind::LoadDependent;
                model.stations[0].alpha.assign(static_cast<std::size_t>(model.totalPopulation()), 1.0);
                model.stations[0].alpha[0] = 1e-260;
                model.demands.col(0).setConstant(0.5);
            }
            const ClosedSolution solution = exactMva(model);
            verifyFinite(solution);
            verifyMarginals(model, solution);
            const Enumeration full = enumerate(model, model.population);
            for (Eigen::Index c = 0; c < model.classCount(); ++c) {
                auto fewer = model.population;
                --fewer[static_cast<std::size_t>(c)];
                const double x = enumerate(model, fewer).normalisingConstant / full.normalisingConstant;
                VERIFY_NEAR("X", solution.throughput[c], x, kRecomputed);
                for (Eigen::Index k = 0; k < model.stationCount(); ++k)
                    QVERIFY2(near(solution.queueLength(c, k), full.queueLength(c, k), kRecomputed, 1e-15),
                             mismatch("Q", solution.queueLength(c, k), full.queueLength(c, k)).constData());
            }
            for (std::size_t k = 0; k < model.stations.size(); ++k) {
                if (model.stations[k].kind != Kind::LoadDependent)
                    continue;
                for (std::size_t j = 0; j < full.marginal[k].size(); ++j)
                    QVERIFY2(near(solution.marginal[k][j], full.marginal[k][j], kRecomputed, 1e-15),
                             mismatch("p(j)", solution.marginal[k][j], full.marginal[k][j]).constData());
            }
        }
    }

    // alpha = 1 is a single-server queue, alpha(n) = n a delay station; multiclass, 1e-12 relative.
    void loadDependentSpecialCases()
    {
        std::mt19937_64 random(7);
        for (int trial = 0; trial < 20; ++trial) {
            ClosedModel model = randomMulticlass(random);
            const std::int64_t total = model.totalPopulation();
            for (Kind kind : {Kind::Queue, Kind::Delay}) {
                ClosedModel plain = model;
                ClosedModel loadDependent = model;
                plain.stations[0] = ClosedModel::StationModel{kind, {}};
                loadDependent.stations[0].kind = Kind::LoadDependent;
                loadDependent.stations[0].alpha.clear();
                for (std::int64_t n = 1; n <= total; ++n)
                    loadDependent.stations[0].alpha.push_back(kind == Kind::Queue ? 1.0 : static_cast<double>(n));
                const ClosedSolution a = exactMva(plain);
                const ClosedSolution b = exactMva(loadDependent);
                verifyMarginals(loadDependent, b);
                for (Eigen::Index c = 0; c < model.classCount(); ++c) {
                    VERIFY_NEAR("X", b.throughput[c], a.throughput[c], 1e-12);
                    for (Eigen::Index k = 0; k < model.stationCount(); ++k)
                        QVERIFY(near(b.queueLength(c, k), a.queueLength(c, k), 1e-12, 1e-15));
                }
            }
        }
    }

    // A station that no class visits, of every kind: zero residence, always empty.
    void unvisitedStations()
    {
        ClosedModel model = singleClassModel({1, 1, 0, 3}, {1.0, 0.0, 0.0, 0.0}, 5, 2.0);
        model.stations[1].kind = Kind::LoadDependent;
        model.stations[1].alpha.assign(5, 2.0);
        const ClosedSolution solution = exactMva(model);
        verifyFinite(solution);
        verifyMarginals(model, solution);
        for (Eigen::Index k = 1; k < 4; ++k)
            QCOMPARE(solution.queueLength(0, k), 0.0);
        QCOMPARE(solution.marginal[3].front(), 1.0);
        // One single-server queue with D = 1 and Z = 2: the same as without the idle stations.
        const ClosedSolution alone = exactMva(singleClassModel({1}, {1.0}, 5, 2.0));
        VERIFY_NEAR("X", solution.throughput[0], alone.throughput[0], 1e-15);
    }

    // 300 servers, 400 jobs: the station is rarely empty (p0 far below 1e-300), the case where
    // p0 = 1 - sum cancels. Against the finite-source birth-death chain solved in log space.
    void manyServersAgainstBirthDeath_data()
    {
        QTest::addColumn<int>("servers");
        QTest::addColumn<int>("population");
        QTest::addColumn<double>("think");
        QTest::addColumn<bool>("thinkAsStation"); // the think time as a delay station instead of Z
        QTest::newRow("c=300 N=400 Z=0.1 saturated") << 300 << 400 << 0.1 << false;
        QTest::newRow("c=300 N=400 Z=0.1 saturated, delay station") << 300 << 400 << 0.1 << true;
        QTest::newRow("c=300 N=400 Z=1 balanced") << 300 << 400 << 1.0 << false;
        QTest::newRow("c=300 N=400 Z=5 light") << 300 << 400 << 5.0 << true;
        QTest::newRow("c=300 N=400 Z=0 no think time") << 300 << 400 << 0.0 << false;
        // Beyond the double range of the marginals (growth e^1000): the ScaledReal path.
        QTest::newRow("c=1000 N=1200 Z=0.2") << 1000 << 1200 << 0.2 << false;
        QTest::newRow("c=1000 N=1200 Z=1") << 1000 << 1200 << 1.0 << true;
    }

    void manyServersAgainstBirthDeath()
    {
        QFETCH(int, servers);
        QFETCH(int, population);
        QFETCH(double, think);
        QFETCH(bool, thinkAsStation);
        constexpr double service = 1.0;
        const ClosedModel model = thinkAsStation
                                      ? singleClassModel({servers, 0}, {service, think}, population, 0.0)
                                      : singleClassModel({servers}, {service}, population, think);
        const ClosedSolution solution = exactMva(model);
        verifyFinite(solution);
        verifyMarginals(model, solution);

        std::vector<double> expected;
        if (think > 0.0) {
            expected = finiteSourceMarginal(population, servers, service, think);
        } else { // every job is at the station
            expected.assign(static_cast<std::size_t>(population), 0.0);
            expected.push_back(1.0);
        }
        double queue = 0.0;
        double busyServers = 0.0;
        for (std::size_t j = 0; j < expected.size(); ++j) {
            queue += static_cast<double>(j) * expected[j];
            busyServers += static_cast<double>(std::min<std::size_t>(j, static_cast<std::size_t>(servers))) * expected[j];
        }
        VERIFY_NEAR("X", solution.throughput[0], busyServers / service, kRecomputed);
        VERIFY_NEAR("Q", solution.queueLength(0, 0), queue, kRecomputed);
        const auto &marginal = solution.marginal[0];
        for (std::size_t j = 0; j < expected.size(); ++j) {
            // Relative 1e-9; absolute 1e-150, the bound on what flushing tiny values may change
            // (docs/queueing-exact.md: at most ~1e-179 for 300 servers).
            QVERIFY2(near(marginal[j], expected[j], kRecomputed, 1e-150),
                     mismatch("p(j)", marginal[j], expected[j]).constData());
        }
    }

    // Single class, N = 10,000, 100 queues (some multi-server) and think time: laws and convolution.
    void largePopulationLaws()
    {
        std::mt19937_64 random(42);
        std::uniform_real_distribution<double> demand(0.001, 0.02);
        std::vector<int> servers(100, 1);
        std::vector<double> demands(100);
        for (double &d : demands)
            d = demand(random);
        servers[3] = 0;
        servers[10] = 4;
        servers[20] = 2;
        const ClosedModel model = singleClassModel(servers, demands, 10000, 10.0);
        const ClosedSolution solution = exactMva(model);
        verifyFinite(solution);
        verifyMarginals(model, solution);
        const double x = solution.throughput[0];
        VERIFY_NEAR("Little", x * (10.0 + solution.residence.sum()), 10000.0, kRecomputed);
        for (Eigen::Index k = 0; k < model.stationCount(); ++k) {
            if (servers[static_cast<std::size_t>(k)] > 0) // utilization law: X D_k <= capacity
                QVERIFY(x * model.demands(0, k) <= servers[static_cast<std::size_t>(k)] * (1.0 + 1e-12));
        }
        const ClosedSolution reference = convolution(model);
        VERIFY_NEAR("X vs convolution", x, reference.throughput[0], kRecomputed);
        for (Eigen::Index k = 0; k < model.stationCount(); ++k)
            VERIFY_NEAR("Q vs convolution", solution.queueLength(0, k), reference.queueLength(0, k), kRecomputed);
    }

    // One class over queues and delays takes a fast path (flat arrays, no lattice). A station kind
    // LoadDependent with zero demand is never visited but sends the same model through the lattice
    // path, whose per-station arithmetic is identical: only the order of the sum over stations
    // differs, so 1e-12 relative (round-off of <= 130 terms over <= 3000 levels) must hold. Convolution
    // is independent: kRecomputed. Station counts 1..130 exercise the padding to the SIMD lane width.
    void singleClassFastPathMatchesLatticeAndConvolution()
    {
        constexpr double kSumOrder = 1e-12;
        std::mt19937_64 random(20260101);
        std::uniform_int_distribution<int> stationCount(1, 130);
        std::uniform_int_distribution<int> kind(0, 9); // 0 delay, 1 unvisited queue, else visited queue
        std::uniform_int_distribution<std::int64_t> jobs(1, 3000);
        std::uniform_real_distribution<double> demand(0.001, 0.5);
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        for (int trial = 0; trial < 50; ++trial) {
            const int m = stationCount(random);
            std::vector<int> servers(static_cast<std::size_t>(m), 1);
            std::vector<double> demands(static_cast<std::size_t>(m));
            for (std::size_t k = 0; k < demands.size(); ++k) {
                const int what = kind(random);
                servers[k] = what == 0 ? 0 : 1;
                demands[k] = what == 1 ? 0.0 : demand(random);
            }
            demands[0] = demand(random); // some demand: a valid model even with no think time
            const double think = unit(random) < 0.2 ? 0.0 : 5.0 * unit(random);
            const std::int64_t population = jobs(random);
            const ClosedModel model = singleClassModel(servers, demands, population, think);
            const ClosedSolution fast = exactMva(model);
            verifyFinite(fast);
            QCOMPARE(fast.marginal.size(), static_cast<std::size_t>(m));
            for (const auto &marginal : fast.marginal)
                QVERIFY(marginal.empty());
            const double x = fast.throughput[0];
            VERIFY_NEAR("Little", x * (think + fast.residence.sum()), static_cast<double>(population), kSumOrder);

            ClosedModel latticeModel = model;
            latticeModel.demands.conservativeResize(1, m + 1);
            latticeModel.demands(0, m) = 0.0;
            ClosedModel::StationModel unvisited;
            unvisited.kind = Kind::LoadDependent;
            unvisited.alpha.assign(static_cast<std::size_t>(population), 1.0);
            latticeModel.stations.push_back(unvisited);
            const ClosedSolution lattice = exactMva(latticeModel);
            const ClosedSolution reference = convolution(model);
            VERIFY_NEAR("X vs lattice", x, lattice.throughput[0], kSumOrder);
            VERIFY_NEAR("X vs convolution", x, reference.throughput[0], kRecomputed);
            for (Eigen::Index k = 0; k < m; ++k) {
                VERIFY_NEAR("R vs lattice", fast.residence(0, k), lattice.residence(0, k), kSumOrder);
                VERIFY_NEAR("Q vs lattice", fast.queueLength(0, k), lattice.queueLength(0, k), kSumOrder);
                VERIFY_NEAR("R vs convolution", fast.residence(0, k), reference.residence(0, k), kRecomputed);
                VERIFY_NEAR("Q vs convolution", fast.queueLength(0, k), reference.queueLength(0, k), kRecomputed);
            }
        }
    }

    void refusesUnsolvableModels()
    {
        ClosedModel model = singleClassModel({1}, {0.0}, 3, 0.0);
        QVERIFY_THROWS_EXCEPTION(InvalidNetwork, (void)exactMva(model));
        ClosedModel huge = singleClassModel({1}, {1.0}, 3, 0.0);
        huge.demands = Eigen::MatrixXd::Ones(3, 1);
        huge.population = {300, 300, 300};
        huge.thinkTime = {0.0, 0.0, 0.0};
        QVERIFY_THROWS_EXCEPTION(InvalidNetwork, (void)exactMva(huge));
    }
};

QTEST_GUILESS_MAIN(TestExactMva)
#include "tst_exactmva.moc"
