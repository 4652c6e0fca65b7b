// Asymptotic and balanced-job bounds: the published case, and that they bracket exact MVA on
// random closed and mixed networks.
#include "networkbuilders.h"
#include "queueing/bounds.h"
#include "queueing/exactmva.h"
#include "queueing/mixednetwork.h"
#include "queueing/network.h"
#include "queueing/openproductform.h"

#include <QtTest>

#include <cmath>
#include <random>

using namespace iovplan::queueing;
using namespace iovplan::queueing::testing;

namespace {

Network case9()
{
    Network n;
    n.stations = {station("cpu"), station("disk")};
    JobClass j;
    j.name = "users";
    j.population = 20;
    j.thinkTime = 120.0;
    j.visits = {1, 1};
    j.serviceTimes = {9.2, 8.0};
    n.classes = {j};
    return n;
}

} // namespace

class TestBounds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void publishedCase9()
    {
        // queueing-reference-cases.md case 9: N = 20, D = [9.2, 8], Z = 120.
        const ClassBounds b = classBounds(case9(), 0);
        constexpr double published = 1e-3;
        QVERIFY(near(b.asymptoticThroughputLower, 0.043103, published));
        QVERIFY(near(b.asymptoticThroughputUpper, 0.108696, published));
        QVERIFY(near(b.asymptoticResponseTimeLower, 64.0, published));
        QVERIFY(near(b.asymptoticResponseTimeUpper, 344.0, published));
        QVERIFY(b.balancedJob);
        QVERIFY(near(b.throughputLower, 0.074964, published));
        QVERIFY(near(b.throughputUpper, 0.108696, published));
        QVERIFY(near(b.responseTimeLower, 64.0, published));
        QVERIFY(near(b.responseTimeUpper, 146.793103, published));
        // Re-computed from the formulas, 1e-12: X- = 20 / 464, BJB X- = 20 / (137.2 + 174.8 / (1 + 120 / 344)).
        QVERIFY(near(b.asymptoticThroughputLower, 20.0 / 464.0, 1e-12));
        QVERIFY(near(b.throughputUpper, 1.0 / 9.2, 1e-12));
        QVERIFY(near(b.throughputLower, 20.0 / (137.2 + 174.8 / (1.0 + 120.0 / 344.0)), 1e-12));
        QVERIFY(near(b.saturationPopulation, 137.2 / 9.2, 1e-12));
        // The exact solution (X = 0.099768, R = 80.464838) lies inside.
        QVERIFY(b.throughputLower <= 0.099768 && 0.099768 <= b.throughputUpper);
        QVERIFY(b.responseTimeLower <= 80.464838 && 80.464838 <= b.responseTimeUpper);
    }

    void openClass()
    {
        Network n;
        n.stations = {station("q"), station("m", StationKind::Queue, 2), station("z", StationKind::Delay)};
        JobClass j;
        j.name = "web";
        j.kind = ClassKind::Open;
        j.arrivalRate = 0.5;
        j.visits = {1, 1, 1};
        j.serviceTimes = {1.0, 2.0, 7.0};
        n.classes = {j};
        ClassBounds b = classBounds(n, 0);
        QCOMPARE(b.throughputUpper, 0.5);
        QVERIFY(near(b.responseTimeLower, 1.0 / 0.5 + 2.0 + 7.0, 1e-12)); // M/M/1 part is exact: D / (1 - U)
        QCOMPARE(b.responseTimeUpper, 0.0);
        n.classes[0].arrivalRate = 2.0; // loads [2, 4]: saturated, maxArrivalScale = 0.5, capacity 1/s
        b = classBounds(n, 0);
        QVERIFY(near(b.throughputUpper, 1.0, 1e-12));
        QVERIFY(std::isfinite(b.responseTimeLower));
    }

    void bracketExactMvaOnRandomNetworks()
    {
        std::mt19937_64 random(977);
        std::uniform_real_distribution<double> u(0.0, 1.0);
        int checked = 0;
        for (int trial = 0; trial < 60; ++trial) {
            Network n;
            const int m = 1 + static_cast<int>(u(random) * 5);
            const bool simpleOnly = trial % 3 == 0; // exercises balanced-job bounds
            for (int k = 0; k < m; ++k) {
                const double kind = simpleOnly ? u(random) * 0.6 : u(random);
                const std::string name = "s" + std::to_string(k);
                if (kind < 0.45)
                    n.stations.push_back(station(name));
                else if (kind < 0.6)
                    n.stations.push_back(station(name, StationKind::Delay));
                else if (kind < 0.8)
                    n.stations.push_back(station(name, StationKind::Queue, 1 + static_cast<int>(u(random) * 4)));
                else
                    n.stations.push_back(station(name, StationKind::LoadDependent, 1, {1.0, 0.6 + u(random) * 2, 0.6 + u(random) * 3}));
            }
            const int closed = trial % 2 == 0 ? 1 : 1 + static_cast<int>(u(random) * 3);
            const int open = trial % 4 == 1 ? 1 : 0;
            for (int c = 0; c < closed + open; ++c) {
                JobClass j;
                j.name = "c" + std::to_string(c);
                j.kind = c < closed ? ClassKind::Closed : ClassKind::Open;
                j.population = 1 + static_cast<int>(u(random) * 8);
                j.thinkTime = u(random) < 0.3 ? 0.0 : u(random) * 5;
                j.arrivalRate = 0.05;
                for (int k = 0; k < m; ++k) {
                    j.visits.push_back(u(random) < 0.2 ? 0.0 : 0.5 + u(random));
                    j.serviceTimes.push_back(0.1 + u(random));
                }
                j.visits[0] = std::max(j.visits[0], 0.5);
                n.classes.push_back(j);
            }
            const OpenSolution openSolution = solveOpenClasses(n);
            if (openSolution.saturated)
                continue;
            const ClosedModel model = closedModelOf(n, open > 0 ? &openSolution : nullptr);
            const ClosedSolution exact = exactMva(model);
            for (int c = 0; c < closed; ++c) {
                const auto ci = static_cast<std::size_t>(c);
                const ClassBounds b = classBounds(n, ci, open > 0 ? &openSolution : nullptr);
                const double x = exact.throughput[c];
                const double r = exact.residence.row(c).sum();
                // Bounds are inequalities on exact values: only rounding slack, 1e-9 relative.
                const QString where = QStringLiteral("trial %1 class %2: X %3 in [%4, %5], R %6 in [%7, %8]")
                                          .arg(trial).arg(c).arg(x).arg(b.throughputLower).arg(b.throughputUpper)
                                          .arg(r).arg(b.responseTimeLower).arg(b.responseTimeUpper);
                QVERIFY2(x <= b.throughputUpper * (1 + 1e-9) && x >= b.throughputLower * (1 - 1e-9), qPrintable(where));
                QVERIFY2(r >= b.responseTimeLower * (1 - 1e-9) && r <= b.responseTimeUpper * (1 + 1e-9), qPrintable(where));
                QVERIFY(b.asymptoticThroughputLower <= b.throughputLower && b.throughputUpper <= b.asymptoticThroughputUpper);
                ++checked;
            }
        }
        QVERIFY(checked >= 50);
    }
};

QTEST_GUILESS_MAIN(TestBounds)
#include "tst_bounds.moc"
