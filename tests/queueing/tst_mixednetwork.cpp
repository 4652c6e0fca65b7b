// Mixed networks: closedModelOf + a closed solver + completeMixed against published cases (exact MVA)
// and against brute-force sums over the product-form joint distribution (independent of any MVA).
#include "networkbuilders.h"
#include "queueing/exactmva.h"
#include "queueing/invalidnetwork.h"
#include "queueing/mixednetwork.h"
#include "queueing/network.h"
#include "queueing/openproductform.h"

#include <QtTest>

#include <cmath>
#include <functional>

using namespace iovplan::queueing;
using namespace iovplan::queueing::testing;

Q_DECLARE_METATYPE(Network)
Q_DECLARE_METATYPE(std::vector<double>)

namespace {

/// Exact solution of a (small) ClosedModel by enumerating every state of its product-form
/// distribution: station factor n! / prod alpha(i) x prod_c D_c^{n_c} / n_c! (queue: alpha = 1,
/// delay: without n!), think time a delay column. Throughput X_c = E[n_ck alpha(n_k) / n_k] / D_ck.
ClosedSolution bruteForce(const ClosedModel &model)
{
    const auto classes = static_cast<std::size_t>(model.classCount());
    const auto m = static_cast<std::size_t>(model.stationCount());
    const std::int64_t total = model.totalPopulation();
    std::vector<std::vector<std::int64_t>> n(classes, std::vector<std::int64_t>(m + 1, 0)); // last: thinking
    ClosedSolution s;
    s.throughput = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(classes));
    s.queueLength = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(classes), static_cast<Eigen::Index>(m));
    s.marginal.assign(m, std::vector<double>(static_cast<std::size_t>(total) + 1, 0.0));
    Eigen::MatrixXd flow = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(classes), static_cast<Eigen::Index>(m));
    double g = 0.0;
    const auto alpha = [&](std::size_t k, std::int64_t j) {
        const auto &st = model.stations[k];
        if (st.kind == ClosedModel::Kind::Queue)
            return 1.0;
        if (st.kind == ClosedModel::Kind::Delay)
            return static_cast<double>(j);
        return st.alpha[static_cast<std::size_t>(j) - 1];
    };
    const auto evaluate = [&] {
        double w = 1.0;
        for (std::size_t c = 0; c < classes; ++c) {
            const double z = model.thinkTime[c];
            const auto nz = n[c][m];
            w *= std::pow(z, static_cast<double>(nz)) / std::tgamma(static_cast<double>(nz) + 1.0);
        }
        for (std::size_t k = 0; k < m; ++k) {
            std::int64_t nk = 0;
            for (std::size_t c = 0; c < classes; ++c) {
                const double d = model.demands(static_cast<Eigen::Index>(c), static_cast<Eigen::Index>(k));
                w *= std::pow(d, static_cast<double>(n[c][k])) / std::tgamma(static_cast<double>(n[c][k]) + 1.0);
                nk += n[c][k];
            }
            for (std::int64_t i = 1; i <= nk; ++i)
                w *= static_cast<double>(i) / alpha(k, i);
        }
        if (!(w > 0.0))
            return;
        g += w;
        for (std::size_t k = 0; k < m; ++k) {
            std::int64_t nk = 0;
            for (std::size_t c = 0; c < classes; ++c)
                nk += n[c][k];
            s.marginal[k][static_cast<std::size_t>(nk)] += w;
            for (std::size_t c = 0; c < classes; ++c) {
                s.queueLength(static_cast<Eigen::Index>(c), static_cast<Eigen::Index>(k)) += w * static_cast<double>(n[c][k]);
                if (n[c][k] > 0)
                    flow(static_cast<Eigen::Index>(c), static_cast<Eigen::Index>(k)) +=
                        w * static_cast<double>(n[c][k]) * alpha(k, nk) / static_cast<double>(nk);
            }
        }
    };
    // Enumerate every class's compositions over m + 1 places, class by class.
    std::function<void(std::size_t, std::size_t, std::int64_t)> place;
    place = [&](std::size_t c, std::size_t k, std::int64_t left) {
        if (c == classes) {
            evaluate();
            return;
        }
        if (k == m) {
            n[c][m] = left;
            if (c + 1 < classes)
                place(c + 1, 0, model.population[c + 1]);
            else
                evaluate();
            return;
        }
        for (std::int64_t j = 0; j <= left; ++j) {
            n[c][k] = j;
            place(c, k + 1, left - j);
        }
    };
    place(0, 0, model.population[0]);
    s.queueLength /= g;
    flow /= g;
    for (auto &p : s.marginal) {
        for (double &x : p)
            x /= g;
    }
    s.residence = Eigen::MatrixXd::Zero(s.queueLength.rows(), s.queueLength.cols());
    for (std::size_t c = 0; c < classes; ++c) {
        const auto ci = static_cast<Eigen::Index>(c);
        for (std::size_t k = 0; k < m; ++k) {
            const auto ki = static_cast<Eigen::Index>(k);
            const double d = model.demands(ci, ki);
            if (d > 0.0 && s.throughput[ci] == 0.0)
                s.throughput[ci] = flow(ci, ki) / d;
        }
        s.residence.row(ci) = s.queueLength.row(ci) / s.throughput[ci];
    }
    // Stations that are not load dependent carry no marginal, as in the solvers.
    for (std::size_t k = 0; k < m; ++k) {
        if (model.stations[k].kind != ClosedModel::Kind::LoadDependent)
            s.marginal[k].clear();
    }
    return s;
}

struct MixedResult {
    ClosedSolution closed;
    MixedMetrics metrics;
};

MixedResult solveMixed(const Network &network, bool useExactMva)
{
    const OpenSolution open = solveOpenClasses(network);
    const ClosedModel model = closedModelOf(network, &open);
    MixedResult r;
    r.closed = useExactMva ? exactMva(model) : bruteForce(model);
    r.metrics = completeMixed(network, open, model, r.closed);
    return r;
}

Network bolch86()
{
    Network n;
    n.stations = {station("1"), station("2")};
    n.classes = {openClass("open1", 0.5, {2, 1}, {0.4, 0.6}), openClass("open2", 0.25, {2.5, 1.5}, {0.8, 1.6}),
                 closedClass("closed1", 1, 0.0, {1, 0.5}, {0.3, 0.5}),
                 closedClass("closed2", 1, 0.0, {1, 0.4}, {0.5, 0.8})};
    return n;
}

Network qsp148()
{
    Network n;
    n.stations = {station("cpu"), station("disk")};
    n.classes = {openClass("open1", 1.0, {1, 1}, {0.25, 1.0 / 6.0}), openClass("open2", 0.5, {1, 1}, {0.5, 1.0}),
                 closedClass("closed1", 1, 0.0, {1, 1}, {0.5, 1.0}), closedClass("closed2", 1, 0.0, {1, 1}, {1.0, 4.0 / 3.0})};
    return n;
}

/// Joint product-form sums for a network with ONE closed class and open classes: every closed
/// state and open counts up to `openLimit` per station, weights binom(n+m, m) D^n rho^m / prod alpha.
struct JointSums {
    double throughput = 0.0;
    std::vector<double> openMean;   // E[open jobs] per station
    std::vector<double> closedMean; // E[closed jobs] per station
};
JointSums jointBruteForce(const Network &network, std::size_t closedIndex, int openLimit)
{
    const std::size_t m = network.stationCount();
    const JobClass &job = network.classes[closedIndex];
    std::vector<double> rho(m, 0.0);
    for (const JobClass &j : network.classes) {
        if (j.kind == ClassKind::Open) {
            for (std::size_t k = 0; k < m; ++k)
                rho[k] += j.arrivalRate * j.demand(k);
        }
    }
    // Per station: h_k(n) = sum_m binom(n+m, m) rho^m / prod_{i<=n+m} alpha(i) and sum_m m (...).
    std::vector<std::vector<double>> h(m), hm(m);
    const auto population = job.population;
    for (std::size_t k = 0; k < m; ++k) {
        const Station &st = network.stations[k];
        for (std::int64_t nn = 0; nn <= population; ++nn) {
            double sum = 0.0, weighted = 0.0;
            for (int mm = 0; mm <= openLimit; ++mm) {
                double t = 0.0;
                if (st.kind == StationKind::Delay) {
                    // Infinite server: D^n rho^m / (n! m!) (D^n is applied by the caller).
                    t = std::pow(rho[k], mm) / std::tgamma(mm + 1.0) / std::tgamma(static_cast<double>(nn) + 1.0);
                } else {
                    t = std::exp(std::lgamma(static_cast<double>(nn + mm) + 1.0) - std::lgamma(static_cast<double>(nn) + 1.0) -
                                 std::lgamma(mm + 1.0)) *
                        std::pow(rho[k], mm);
                    for (std::int64_t i = 1; i <= nn + mm; ++i)
                        t /= st.rateMultiplier(i);
                }
                const double w = 1.0;
                sum += t * w;
                weighted += mm * t * w;
            }
            h[k].push_back(sum);
            hm[k].push_back(weighted);
        }
    }
    JointSums out;
    out.openMean.assign(m, 0.0);
    out.closedMean.assign(m, 0.0);
    double g = 0.0, thinking = 0.0;
    std::vector<std::int64_t> n(m + 1, 0);
    std::function<void(std::size_t, std::int64_t)> place = [&](std::size_t k, std::int64_t left) {
        if (k == m) {
            n[m] = left;
            double w = std::pow(job.thinkTime, static_cast<double>(left)) / std::tgamma(static_cast<double>(left) + 1.0);
            for (std::size_t i = 0; i < m; ++i)
                w *= std::pow(job.demand(i), static_cast<double>(n[i])) * h[i][static_cast<std::size_t>(n[i])];
            if (!(w > 0.0))
                return;
            g += w;
            thinking += w * static_cast<double>(left);
            for (std::size_t i = 0; i < m; ++i) {
                out.closedMean[i] += w * static_cast<double>(n[i]);
                out.openMean[i] += w * hm[i][static_cast<std::size_t>(n[i])] / h[i][static_cast<std::size_t>(n[i])];
            }
            return;
        }
        for (std::int64_t j = 0; j <= left; ++j) {
            n[k] = j;
            place(k + 1, left - j);
        }
    };
    place(0, population);
    for (std::size_t i = 0; i < m; ++i) {
        out.closedMean[i] /= g;
        out.openMean[i] /= g;
    }
    out.throughput = thinking / g / job.thinkTime;
    return out;
}

} // namespace

class TestMixedNetwork : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void published_data()
    {
        QTest::addColumn<Network>("network");
        QTest::addColumn<bool>("useExactMva");
        QTest::addColumn<std::vector<double>>("closedX");
        QTest::addColumn<std::vector<double>>("perVisitR"); // classes x stations, row-major, network order
        // Bolch Ex. 8.6 p.345: per-visit R, rows open1, open2, closed1, closed2.
        const std::vector<double> bolchR{8.822320, 10.766520, 17.644640, 28.710720,
                                         4.829268, 6.951220,  7.727273,  11.636364};
        // QSP p.148 (V = 1): open R1 = [14/19, 24/19], R2 = [28/19, 144/19]; closed from X = [3/19, 2/19].
        for (bool exact : {false, true}) {
            const char *how = exact ? " exact MVA" : " brute force";
            QTest::newRow(qPrintable(QStringLiteral("Bolch 1998 Ex. 8.6 p.345") + how))
                << bolch86() << exact << std::vector<double>{0.120411, 0.080764} << bolchR;
            QTest::newRow(qPrintable(QStringLiteral("Lazowska QSP 1984 p.148") + how))
                << qsp148() << exact << std::vector<double>{3.0 / 19.0, 2.0 / 19.0}
                << std::vector<double>{14.0 / 19.0, 24.0 / 19.0, 28.0 / 19.0, 144.0 / 19.0};
        }
    }
    void published()
    {
        QFETCH(Network, network);
        QFETCH(bool, useExactMva);
        QFETCH(std::vector<double>, closedX);
        QFETCH(std::vector<double>, perVisitR);
        const MixedResult r = solveMixed(network, useExactMva);
        constexpr double published = 1e-3;
        for (std::size_t i = 0; i < closedX.size(); ++i)
            QVERIFY2(near(r.closed.throughput[static_cast<Eigen::Index>(i)], closedX[i], published),
                     qPrintable(QString::number(r.closed.throughput[static_cast<Eigen::Index>(i)], 'g', 10)));
        const std::size_t m = network.stationCount();
        for (std::size_t idx = 0; idx < perVisitR.size(); ++idx) {
            const std::size_t c = idx / m, k = idx % m;
            const double rv = r.metrics.residence(static_cast<Eigen::Index>(c), static_cast<Eigen::Index>(k)) /
                network.classes[c].visits[k];
            QVERIFY2(near(rv, perVisitR[idx], published),
                     qPrintable(QStringLiteral("class %1 station %2: %3 vs %4").arg(c).arg(k).arg(rv, 0, 'g', 10).arg(perVisitR[idx])));
        }
    }

    void openLoadEffectSingleServer()
    {
        // alpha = 1 everywhere: g(n) = (1 - U)^-(n+1), so alpha'(n) = 1 - U and E[m | n] = (n + 1) U / (1 - U).
        const Station s = station("ld", StationKind::LoadDependent, 1, {1.0});
        const double u = 0.7;
        const OpenLoadEffect e = openLoadEffect(s, u, 6);
        for (std::size_t n = 1; n <= 6; ++n)
            QVERIFY(near(e.effectiveAlpha[n - 1], 1.0 - u, 1e-13));
        for (std::size_t n = 0; n <= 6; ++n)
            QVERIFY(near(e.openMean[n], static_cast<double>(n + 1) * u / (1.0 - u), 1e-13));
        // Near saturation (U = 0.999, ~10^5 terms per n) the same identities hold: 1e-10.
        const OpenLoadEffect hot = openLoadEffect(s, 0.999, 4);
        QVERIFY(near(hot.effectiveAlpha[3], 0.001, 1e-10));
        QVERIFY(near(hot.openMean[4], 5.0 * 0.999 / 0.001, 1e-10));
    }

    void loadDependentAgainstJointDistribution_data()
    {
        QTest::addColumn<Network>("network");
        Network ms;
        ms.stations = {station("m2", StationKind::Queue, 2), station("disk"), station("think", StationKind::Delay)};
        ms.classes = {openClass("o", 0.6, {1, 0.5, 1}, {1.0, 0.4, 2.0}), closedClass("c", 3, 1.5, {1, 2, 1}, {0.7, 0.3, 1.0})};
        QTest::newRow("M/M/2 + single server + delay, N=3, Z=1.5") << ms;
        Network ld;
        ld.stations = {station("ld", StationKind::LoadDependent, 1, {0.8, 1.7, 2.2}), station("q")};
        ld.classes = {openClass("o1", 0.5, {1, 1}, {1.0, 0.2}), openClass("o2", 0.2, {2, 0}, {0.5, 0.0}),
                      closedClass("c", 4, 2.0, {1, 1}, {0.9, 0.5})};
        QTest::newRow("load-dependent [0.8,1.7,2.2] + queue, N=4, Z=2") << ld;
    }
    void loadDependentAgainstJointDistribution()
    {
        QFETCH(Network, network);
        const std::size_t closedIndex = network.classCount() - 1;
        const JointSums joint = jointBruteForce(network, closedIndex, 600);
        const MixedResult r = solveMixed(network, false);
        // Different summation orders over the same product form: 1e-9 (open sums truncated at 600 jobs,
        // whose remaining mass is below 1e-30 here).
        QVERIFY2(near(r.closed.throughput[0], joint.throughput, 1e-9),
                 qPrintable(QStringLiteral("%1 vs %2").arg(r.closed.throughput[0], 0, 'g', 15).arg(joint.throughput, 0, 'g', 15)));
        for (std::size_t k = 0; k < network.stationCount(); ++k) {
            const auto ek = static_cast<Eigen::Index>(k);
            double open = 0.0;
            for (std::size_t c = 0; c < closedIndex; ++c)
                open += r.metrics.queueLength(static_cast<Eigen::Index>(c), ek);
            QVERIFY2(near(open, joint.openMean[k], 1e-9),
                     qPrintable(QStringLiteral("station %1: %2 vs %3").arg(k).arg(open, 0, 'g', 15).arg(joint.openMean[k], 0, 'g', 15)));
            QVERIFY(near(r.metrics.queueLength(static_cast<Eigen::Index>(closedIndex), ek), joint.closedMean[k], 1e-9));
        }
        // Exact MVA on the same reduced model agrees with the brute force: 1e-9.
        const MixedResult e = solveMixed(network, true);
        QVERIFY(near(e.closed.throughput[0], joint.throughput, 1e-9));
        for (std::size_t k = 0; k < network.stationCount(); ++k) {
            double open = 0.0;
            for (std::size_t c = 0; c < closedIndex; ++c)
                open += e.metrics.queueLength(static_cast<Eigen::Index>(c), static_cast<Eigen::Index>(k));
            QVERIFY(near(open, joint.openMean[k], 1e-9));
        }
    }

    void delayStationsWork()
    {
        // Octave's qnmix fails with a delay station present; here the delay station is just D for both.
        Network n = bolch86();
        n.stations.push_back(station("think", StationKind::Delay));
        for (auto &c : n.classes) {
            c.visits.push_back(1.0);
            c.serviceTimes.push_back(3.0);
        }
        const MixedResult r = solveMixed(n, true);
        const MixedResult b = solveMixed(n, false);
        for (Eigen::Index c = 0; c < 4; ++c) {
            QCOMPARE(r.metrics.residence(c, 2), 3.0);
            for (Eigen::Index k = 0; k < 3; ++k)
                QVERIFY(near(r.metrics.residence(c, k), b.metrics.residence(c, k), 1e-10));
        }
        QVERIFY(r.metrics.residence.allFinite() && r.metrics.queueLength.allFinite());
    }

    void saturatedOpenLoadIsRefused()
    {
        Network n = bolch86();
        n.classes[0].arrivalRate = 5.0;
        const OpenSolution open = solveOpenClasses(n);
        QVERIFY(open.saturated);
        QVERIFY_THROWS_EXCEPTION(InvalidNetwork, (void)closedModelOf(n, &open));
    }
};

QTEST_GUILESS_MAIN(TestMixedNetwork)
#include "tst_mixednetwork.moc"
