// The benchmarks' synthetic designs (tests/bench/designgenerator.h, issue 4 part 6) are buildable at any
// size and, at 128 servers, are the white paper example's designs.
#include "tests/exampleproject.h"
#include "tests/bench/designgenerator.h"

#include "model/cost/rollup.h"

#include <QTest>

using namespace iovplan;
using iovplan::bench::DesignShape;

Q_DECLARE_METATYPE(iovplan::bench::DesignShape)

namespace {

const design::Project &example()
{
    return testing::ciovExample();
}

design::Scenario exampleScenario(const QString &name)
{
    return testing::exampleScenario(name);
}

int ceilDiv(int a, int b)
{
    return (a + b - 1) / b;
}

// The first element where two device or cable lists differ, for a readable failure.
template <typename T>
QString firstDifference(const char *what, const std::vector<T> &got, const std::vector<T> &want)
{
    if (got.size() != want.size())
        return QStringLiteral("%1: %2 generated, %3 in the example")
            .arg(QLatin1String(what))
            .arg(got.size())
            .arg(want.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        if (!(got[i] == want[i]))
            return QStringLiteral("%1: entry %2 (%3) differs")
                .arg(QLatin1String(what))
                .arg(i)
                .arg(want[i].id);
    }
    return {};
}

QString firstDifference(const design::Design &got, const design::Design &want)
{
    const QString parts[] = { firstDifference("racks", got.racks, want.racks),
        firstDifference("servers", got.servers, want.servers),
        firstDifference("switches", got.switches, want.switches),
        firstDifference("gateways", got.gateways, want.gateways),
        firstDifference("fabrics", got.fabrics, want.fabrics),
        firstDifference("cables", got.cables, want.cables) };
    for (const QString &p : parts) {
        if (!p.isEmpty())
            return p;
    }
    return {};
}

} // namespace

class TestDesignGenerator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void generatedDesignIsBuildable_data();
    void generatedDesignIsBuildable();
    void reproducesTheExampleAt128Servers_data();
    void reproducesTheExampleAt128Servers();
    void copiesTheTemplateScenario();
    void refusesZeroServers();
};

void TestDesignGenerator::generatedDesignIsBuildable_data()
{
    QTest::addColumn<DesignShape>("shape");
    QTest::addColumn<int>("servers");
    for (const int n : { 1, 16, 128, 1000 }) {
        QTest::addRow("GigE+FC, %d", n) << DesignShape::GigeFc << n;
        QTest::addRow("IB software IOV, %d", n) << DesignShape::IbSoftwareIov << n;
    }
    // 17 servers: a second, almost empty rack; 23: the first size needing a second gateway chassis.
    QTest::addRow("GigE+FC, 17") << DesignShape::GigeFc << 17;
    QTest::addRow("IB software IOV, 23") << DesignShape::IbSoftwareIov << 23;
}

void TestDesignGenerator::generatedDesignIsBuildable()
{
    QFETCH(DesignShape, shape);
    QFETCH(int, servers);
    const design::Scenario scenario = bench::generateScenario(example(), shape, servers);
    const cost::Rollup rollup = cost::rollUp(scenario, example().catalog);
    for (const design::Problem &p : rollup.problems)
        qWarning("%s: %s", qPrintable(p.object), qPrintable(p.message));
    QVERIFY(rollup.problems.empty());

    // The counts the example's rules give (make_ciov_whitepaper.py, generalised in designgenerator.h).
    const int racks = ceilDiv(servers, 16);
    QCOMPARE(rollup.counts.servers, servers);
    QCOMPARE(static_cast<int>(scenario.design.racks.size()), racks);
    if (shape == DesignShape::GigeFc) {
        QCOMPARE(rollup.counts.adapters, 3 * servers);
        QCOMPARE(rollup.counts.switches, 4 * racks);
        QCOMPARE(rollup.counts.gateways, 0);
        // 4 GigE + 2 FC per server; per rack 2 uplinks from each of the 4 switches.
        QCOMPARE(rollup.counts.cables, 6 * servers + 8 * racks);
    } else {
        const int gateways = ceilDiv(servers, 22); // 24 IB ports less the two chain ports
        QCOMPARE(rollup.counts.adapters, servers);
        QCOMPARE(rollup.counts.switches, 0);
        QCOMPARE(rollup.counts.gateways, gateways);
        QCOMPARE(rollup.counts.gatewayModules, 2 * gateways);
        // One HCA cable per server; per chassis 6 LAN + 2 FC uplinks; the chain between chassis.
        QCOMPARE(rollup.counts.cables, servers + 8 * gateways + (gateways - 1));
    }
}

void TestDesignGenerator::reproducesTheExampleAt128Servers_data()
{
    QTest::addColumn<DesignShape>("shape");
    QTest::newRow("GigE+FC") << DesignShape::GigeFc;
    QTest::newRow("IB software IOV") << DesignShape::IbSoftwareIov;
    QTest::newRow("IB native IOV") << DesignShape::IbNativeIov;
}

void TestDesignGenerator::reproducesTheExampleAt128Servers()
{
    QFETCH(DesignShape, shape);
    const design::Scenario generated = bench::generateScenario(example(), shape, 128);
    const design::Scenario original = exampleScenario(bench::templateScenarioName(shape));
    // The same rules give the same design, so the roll-up below is exact, cabling included.
    const QString difference = firstDifference(generated.design, original.design);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
    QVERIFY(generated.design == original.design);

    const cost::Rollup got = cost::rollUp(generated, example().catalog);
    const cost::Rollup want = cost::rollUp(original, example().catalog);
    QCOMPARE(got.cost.purchase, want.cost.purchase);
    QCOMPARE(got.cost.ioPurchase, want.cost.ioPurchase);
    QCOMPARE(got.counts.cables, want.counts.cables);
    QCOMPARE(got.counts.transceivers, want.counts.transceivers);
    QCOMPARE(got.cost.tcoUsd, want.cost.tcoUsd);
}

void TestDesignGenerator::copiesTheTemplateScenario()
{
    const design::Scenario generated = bench::generateScenario(example(), DesignShape::IbNativeIov, 40);
    const design::Scenario original = exampleScenario(QStringLiteral("IB native IOV"));
    QCOMPARE(generated.iovMode, design::IovMode::Native);
    QVERIFY(generated.workload == original.workload);
    QVERIFY(generated.assumptions == original.assumptions);
    QCOMPARE(generated.name, QStringLiteral("IB native IOV, 40 servers"));
}

void TestDesignGenerator::refusesZeroServers()
{
    QVERIFY_THROWS_EXCEPTION(
        std::invalid_argument, bench::generateScenario(example(), DesignShape::GigeFc, 0));
}

QTEST_GUILESS_MAIN(TestDesignGenerator)
#include "tst_designgenerator.moc"
