// Physical rules: each broken rule is reported as an error naming the object (issue 3, part 5).
#include "costtesthelpers.h"

#include "model/cost/designcheck.h"

#include <QTest>

#include <functional>

using namespace iovplan;
using namespace iovplan::cost;

using Mutation = std::function<void(design::Scenario &)>;
Q_DECLARE_METATYPE(Mutation)

namespace {

design::Gateway makeGateway(std::initializer_list<std::pair<int, const char *>> modules)
{
    design::Gateway g;
    g.id = QStringLiteral("gw1");
    g.itemId = QStringLiteral("gw");
    g.rackId = QStringLiteral("r1");
    g.positionU = 10;
    for (const auto &[slot, item] : modules)
        g.modules.push_back({ slot, QLatin1String(item) });
    return g;
}

QString errorsText(const DesignCheck &check)
{
    QStringList lines;
    for (const design::Problem &p : check.problems)
        lines << design::severityName(p.severity) + QStringLiteral(" [") + p.object + QStringLiteral("] ") + p.message;
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestDesignCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validDesignHasNoProblems();
    void brokenRuleIsAnErrorNamingTheObject_data();
    void brokenRuleIsAnErrorNamingTheObject();
    void sixteenHalfHeightBladesFitTenU();
    void cableOnAnotherFabricIsAWarning();
    void gatewayCapacityCounts();
    void dualHomingNeedsTwoDevicesPerFabric();
};

void TestDesignCheck::validDesignHasNoProblems()
{
    const DesignCheck check = checkDesign(testing::smallScenario(), testing::testCatalog());
    QVERIFY2(check.problems.empty(), qPrintable(errorsText(check)));
}

void TestDesignCheck::brokenRuleIsAnErrorNamingTheObject_data()
{
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<QString>("object");
    QTest::addColumn<QString>("fragment");

    QTest::newRow("server in an occupied U")
        << Mutation([](design::Scenario &s) { s.design.servers[1].positionU = 1; }) << QStringLiteral("s2")
        << QStringLiteral("overlaps server s1");
    QTest::newRow("switch above the top of the rack")
        << Mutation([](design::Scenario &s) { s.design.racks[0].heightU = 41; }) << QStringLiteral("sw1")
        << QStringLiteral("rack r1 has 41 U");
    QTest::newRow("six adapters in a blade with two mezzanine slots")
        << Mutation([](design::Scenario &s) {
               s.design.servers.push_back(testing::makeServer(QStringLiteral("b1"), QStringLiteral("blade"), 20,
                   { { 1, "hba-mezz" }, { 2, "hba-mezz" }, { 3, "hba-mezz" }, { 4, "hba-mezz" }, { 5, "hba-mezz" },
                     { 6, "hba-mezz" } }));
           })
        << QStringLiteral("b1") << QStringLiteral("has 2 slots (0 PCIe, 2 mezzanine)");
    QTest::newRow("PCIe card in a mezzanine slot")
        << Mutation([](design::Scenario &s) { s.design.servers[0].adapters[0].slot = 3; }) << QStringLiteral("s1")
        << QStringLiteral("needs a PCIe slot; slot 3 is a mezzanine slot");
    QTest::newRow("mezzanine card in a PCIe slot")
        << Mutation([](design::Scenario &s) { s.design.servers[0].adapters.push_back({ 2, QStringLiteral("hba-mezz") }); })
        << QStringLiteral("s1") << QStringLiteral("needs a mezzanine slot; slot 2 is a PCIe slot");
    QTest::newRow("more cables than switch ports")
        << Mutation([](design::Scenario &s) {
               s.design.cables.push_back(testing::makeCable(QStringLiteral("c9"), { QStringLiteral("s1"), 1, 2 },
                                                            { QStringLiteral("sw1"), 0, 5 }));
           })
        << QStringLiteral("c9") << QStringLiteral("port 5 of switch sw1, which has 4 ports");
    QTest::newRow("two cables in one switch port")
        << Mutation([](design::Scenario &s) { s.design.cables[1].to.port = 1; }) << QStringLiteral("c2")
        << QStringLiteral("port 1 of switch sw1 carries two cables: c1 and c2");
    QTest::newRow("adapter port beyond the card's two")
        << Mutation([](design::Scenario &s) { s.design.cables[0].from.port = 3; }) << QStringLiteral("c1")
        << QStringLiteral("which has 2 ports");
    QTest::newRow("cable into an empty slot")
        << Mutation([](design::Scenario &s) { s.design.cables[0].from.slot = 2; }) << QStringLiteral("c1")
        << QStringLiteral("slot 2 of server s1, which holds no adapter");
    QTest::newRow("cable into a switch slot")
        << Mutation([](design::Scenario &s) { s.design.cables[0].to.slot = 1; }) << QStringLiteral("c1")
        << QStringLiteral("switch ports are slot 0");
    QTest::newRow("LOM port beyond the server's two")
        << Mutation([](design::Scenario &s) { s.design.cables[0].from = { QStringLiteral("s1"), 0, 3 }; })
        << QStringLiteral("c1") << QStringLiteral("on-board ports of server s1, which has 2 ports");
    QTest::newRow("gateway module beyond the chassis' slots")
        << Mutation([](design::Scenario &s) { s.design.gateways.push_back(makeGateway({ { 3, "gw-eth" } })); })
        << QStringLiteral("gw1") << QStringLiteral("has 2 module slots");
    QTest::newRow("gateway module of another chassis")
        << Mutation([](design::Scenario &s) {
               s.design.gateways.push_back(makeGateway({ { 1, "gw-eth" } }));
               s.design.gateways.back().itemId = QStringLiteral("gw-other"); // gw-eth fits "gw"
           })
        << QStringLiteral("gw1") << QStringLiteral("fits the gw");
    QTest::newRow("item not pinned")
        << Mutation([](design::Scenario &s) { s.design.servers[0].itemId = QStringLiteral("ghost"); })
        << QStringLiteral("s1") << QStringLiteral("does not pin");
}

void TestDesignCheck::brokenRuleIsAnErrorNamingTheObject()
{
    QFETCH(Mutation, mutate);
    QFETCH(QString, object);
    QFETCH(QString, fragment);
    design::Scenario scenario = testing::smallScenario();
    mutate(scenario);
    const DesignCheck check = checkDesign(scenario, testing::testCatalog());
    const bool found = std::any_of(check.problems.begin(), check.problems.end(), [&](const design::Problem &p) {
        return p.severity == design::Severity::Error && p.object == object && p.message.contains(fragment);
    });
    QVERIFY2(found, qPrintable(QStringLiteral("expected an error on %1 containing \"%2\"; got:\n%3")
                                   .arg(object, fragment, errorsText(check))));
}

void TestDesignCheck::sixteenHalfHeightBladesFitTenU()
{
    // 0.625 U blades: sixteen side by side fill exactly 10 U without overlapping (reference: the
    // catalog's BL460c height, a 10 U enclosure of 16 bays). Positions are whole U, so they step by 1 here.
    design::Scenario s = testing::smallScenario();
    s.design.racks[0].heightU = 42;
    for (int i = 0; i < 16; ++i)
        s.design.servers.push_back(testing::makeServer(QStringLiteral("b%1").arg(i), QStringLiteral("blade"), 20 + i));
    const DesignCheck check = checkDesign(s, testing::testCatalog());
    QVERIFY2(check.problems.empty(), qPrintable(errorsText(check)));
    QCOMPARE(check.capacity.rackUnitsUsed, 3.0 + 16 * 0.625);
    QCOMPARE(check.capacity.mezzanineSlotsAvailable, 2 + 16 * 2);
}

void TestDesignCheck::cableOnAnotherFabricIsAWarning()
{
    design::Scenario s = testing::smallScenario();
    s.design.fabrics.push_back({ QStringLiteral("san"), design::FabricKind::San, QStringLiteral("SAN") });
    s.design.cables[0].fabricId = QStringLiteral("san");
    const DesignCheck check = checkDesign(s, testing::testCatalog());
    QCOMPARE(check.problems.size(), std::size_t(1));
    QCOMPARE(check.problems[0].severity, design::Severity::Warning);
    QCOMPARE(check.problems[0].object, QStringLiteral("c1"));
}

void TestDesignCheck::gatewayCapacityCounts()
{
    // The gateway serves at most 2 servers (max_servers) over its 4 InfiniBand ports.
    design::Scenario s = testing::smallScenario();
    s.design.gateways.push_back(makeGateway({ { 1, "gw-eth" } }));
    s.design.servers.push_back(testing::makeServer(QStringLiteral("s3"), QStringLiteral("srv"), 3, { { 1, "nic" } }));
    for (int i = 1; i <= 3; ++i) {
        s.design.cables.push_back(testing::makeCable(QStringLiteral("ib%1").arg(i),
            { QStringLiteral("s%1").arg(i), 1, 2 }, { QStringLiteral("gw1"), 0, i }));
    }
    s.design.cables.push_back(testing::makeCable(QStringLiteral("up1"), { QStringLiteral("gw1"), 1, 4 },
                                                 { QStringLiteral("lan"), 0, 0 }));
    const DesignCheck check = checkDesign(s, testing::testCatalog());
    QCOMPARE(check.capacity.gatewayModuleSlotsUsed, 1);
    QCOMPARE(check.capacity.gatewayModuleSlotsAvailable, 2);
    QCOMPARE(check.problems.size(), std::size_t(1));
    QCOMPARE(check.problems[0].object, QStringLiteral("gw1"));
    QVERIFY(check.problems[0].message.contains(QStringLiteral("serves 3 servers")));
}

void TestDesignCheck::dualHomingNeedsTwoDevicesPerFabric()
{
    // Both servers of the small scenario reach the LAN through sw1 only.
    design::Scenario s = testing::smallScenario();
    QVERIFY(checkDesign(s, testing::testCatalog()).problems.empty()); // no HA assumed: fine
    s.assumptions.haDualHoming = true;
    const DesignCheck single = checkDesign(s, testing::testCatalog());
    QCOMPARE(single.problems.size(), std::size_t(1));
    QCOMPARE(single.problems[0].severity, design::Severity::Warning);
    QCOMPARE(single.problems[0].object, QStringLiteral("s1"));
    QVERIFY(single.problems[0].message.contains(QStringLiteral("2 server connection(s)")));
    // A second switch with a cable from each server's second NIC port: both dual-homed.
    design::Switch sw2 = s.design.switches[0];
    sw2.id = QStringLiteral("sw2");
    sw2.positionU = 41;
    s.design.switches.push_back(sw2);
    s.design.cables.push_back(testing::makeCable(QStringLiteral("c4"), { QStringLiteral("s1"), 1, 2 }, { QStringLiteral("sw2"), 0, 1 }));
    s.design.cables.push_back(testing::makeCable(QStringLiteral("c5"), { QStringLiteral("s2"), 1, 2 }, { QStringLiteral("sw2"), 0, 2 }));
    const DesignCheck dual = checkDesign(s, testing::testCatalog());
    QVERIFY(dual.problems.empty());
}

QTEST_GUILESS_MAIN(TestDesignCheck)
#include "tst_designcheck.moc"
