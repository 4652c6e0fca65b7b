// Visit ratios from routing probabilities (traffic equations) against published networks.
#include "queueing/invalidnetwork.h"
#include "queueing/routing.h"

#include <QtTest>

using namespace iovplan::queueing;

Q_DECLARE_METATYPE(std::vector<double>)
Q_DECLARE_METATYPE(Routing)

namespace {

Routing routingOf(std::size_t stations, std::vector<Transition> transitions)
{
    return Routing{stations, std::move(transitions)};
}

} // namespace

class TestRouting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void openVisits_data()
    {
        QTest::addColumn<Routing>("routing");
        QTest::addColumn<std::vector<double>>("entry");
        QTest::addColumn<std::vector<double>>("expected");
        // Bolch et al. 1998 Ex. 7.4 p.287: lambda = 4 entering at station 4, X = [20, 10, 10, 4].
        QTest::newRow("Bolch 1998 Ex. 7.4 p.287")
            << routingOf(4, {{0, 1, 0.5}, {0, 2, 0.5}, {1, 0, 1.0}, {2, 0, 0.6}, {3, 0, 1.0}})
            << std::vector<double>{0, 0, 0, 1} << std::vector<double>{5, 2.5, 2.5, 1};
        // A tandem line: every station visited once.
        QTest::newRow("tandem of three")
            << routingOf(3, {{0, 1, 1.0}, {1, 2, 1.0}}) << std::vector<double>{1, 0, 0}
            << std::vector<double>{1, 1, 1};
        // Feedback with probability 0.75: geometric number of visits, mean 1 / 0.25 = 4.
        QTest::newRow("single station with feedback 0.75")
            << routingOf(1, {{0, 0, 0.75}}) << std::vector<double>{1} << std::vector<double>{4};
    }
    void openVisits()
    {
        QFETCH(Routing, routing);
        QFETCH(std::vector<double>, entry);
        QFETCH(std::vector<double>, expected);
        const auto visits = openVisitRatios(routing, entry);
        QCOMPARE(visits.size(), expected.size());
        for (std::size_t k = 0; k < visits.size(); ++k)
            QVERIFY2(std::abs(visits[k] - expected[k]) <= 1e-12 * std::max(1.0, expected[k]),
                     qPrintable(QStringLiteral("station %1: %2 vs %3").arg(k).arg(visits[k]).arg(expected[k])));
    }

    void closedVisits_data()
    {
        QTest::addColumn<Routing>("routing");
        QTest::addColumn<std::size_t>("reference");
        QTest::addColumn<std::vector<double>>("expected");
        // queueing-reference-cases.md case 3, routing form: P = [0 .3 .7; 1 0 0; 1 0 0] -> V = [1, .3, .7].
        QTest::newRow("Bolch 1998 closed routing form (case 3)")
            << routingOf(3, {{0, 1, 0.3}, {0, 2, 0.7}, {1, 0, 1.0}, {2, 0, 1.0}}) << std::size_t{0}
            << std::vector<double>{1, 0.3, 0.7};
        // Central server (Jain 1991 p.577 shape): CPU -> disk A 10/16, disk B 5/16, back 1/16 per pass.
        QTest::newRow("Jain 1991 p.577 central server")
            << routingOf(3, {{0, 1, 10.0 / 16}, {0, 2, 5.0 / 16}, {0, 0, 1.0 / 16}, {1, 0, 1.0}, {2, 0, 1.0}})
            << std::size_t{0} << std::vector<double>{1, 10.0 / 16, 5.0 / 16};
        // A station the class never reaches keeps visit ratio 0.
        QTest::newRow("unreachable station")
            << routingOf(3, {{0, 1, 1.0}, {1, 0, 1.0}}) << std::size_t{1} << std::vector<double>{1, 1, 0};
    }
    void closedVisits()
    {
        QFETCH(Routing, routing);
        QFETCH(std::size_t, reference);
        QFETCH(std::vector<double>, expected);
        const auto visits = closedVisitRatios(routing, reference);
        QCOMPARE(visits.size(), expected.size());
        for (std::size_t k = 0; k < visits.size(); ++k)
            QVERIFY2(std::abs(visits[k] - expected[k]) <= 1e-12,
                     qPrintable(QStringLiteral("station %1: %2 vs %3").arg(k).arg(visits[k]).arg(expected[k])));
    }

    void openRoutingWithoutExitIsRejected()
    {
        // Jobs bounce between two stations forever: I - P^T is singular.
        const auto routing = routingOf(2, {{0, 1, 1.0}, {1, 0, 1.0}});
        QVERIFY_THROWS_EXCEPTION(InvalidNetwork, (void)openVisitRatios(routing, {1, 0}));
    }

    void closedRowsMustSumToOne()
    {
        const auto routing = routingOf(2, {{0, 1, 0.5}, {1, 0, 1.0}});
        QVERIFY_THROWS_EXCEPTION(InvalidNetwork, (void)closedVisitRatios(routing, 0));
    }

    void probabilitiesOutOfRangeAreRejected()
    {
        QVERIFY_THROWS_EXCEPTION(InvalidNetwork, (void)openVisitRatios(routingOf(2, {{0, 1, 1.5}}), {1, 0}));
        QVERIFY_THROWS_EXCEPTION(InvalidNetwork, (void)openVisitRatios(routingOf(2, {{0, 1, -0.1}}), {1, 0}));
        QVERIFY_THROWS_EXCEPTION(InvalidNetwork, (void)openVisitRatios(routingOf(2, {{0, 5, 0.5}}), {1, 0}));
    }

    void largeSparseTandemSolvesQuickly()
    {
        // 100,000 stations in a line; after the last, 90% return to the first and 10% leave, so every
        // station is visited 1 / 0.1 = 10 times per job.
        const std::size_t n = 100000;
        Routing routing{n, {}};
        for (std::size_t k = 0; k + 1 < n; ++k)
            routing.transitions.push_back({k, k + 1, 1.0});
        routing.transitions.push_back({n - 1, 0, 0.9}); // 10% leave after the last station
        std::vector<double> entry(n, 0.0);
        entry[0] = 1.0;
        const auto visits = openVisitRatios(routing, entry);
        for (double v : visits)
            QVERIFY(std::abs(v - 10.0) < 1e-9);
    }
};

QTEST_GUILESS_MAIN(TestRouting)
#include "tst_routing.moc"
