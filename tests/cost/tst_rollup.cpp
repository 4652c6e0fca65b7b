// The cost and power roll-up against figures worked out by hand (tests/cost/costtesthelpers.h).
#include "costtesthelpers.h"

#include "model/cost/rollup.h"

#include <QTest>

using namespace iovplan;
using namespace iovplan::cost;

class TestRollup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void centsRoundOnceToTheNearestCent_data();
    void centsRoundOnceToTheNearestCent();
    void billOfMaterialsOfTheSmallScenario();
    void purchaseMaintenanceEnergyAndTco();
    void powerSplitsAndConversions();
    void powerAtServerUtilizationIsLinearBetweenIdleAndMax();
    void capacityUseOfTheSmallScenario();
    void maintenanceOverrideReplacesEveryItemsFigure();
    void missingFiguresAreWarningsNamingTheItem();
    void emptyScenarioRollsUpToZero();
    void storageArrayIsBoughtAndPoweredButNotIo();
};

void TestRollup::centsRoundOnceToTheNearestCent_data()
{
    QTest::addColumn<double>("usd");
    QTest::addColumn<qint64>("cents");
    QTest::newRow("19.99 (binary 19.989999...)") << 19.99 << qint64(1999);
    QTest::newRow("0.10") << 0.10 << qint64(10);
    QTest::newRow("4200.50") << 4200.50 << qint64(420050);
    QTest::newRow("half a cent rounds away from zero") << 0.125 << qint64(13);
    QTest::newRow("1e9 dollars") << 1e9 << qint64(100000000000);
}

void TestRollup::centsRoundOnceToTheNearestCent()
{
    QFETCH(double, usd);
    QFETCH(qint64, cents);
    QCOMPARE(toCents(usd), cents);
}

void TestRollup::billOfMaterialsOfTheSmallScenario()
{
    const BillOfMaterials bom = billOfMaterials(testing::smallScenario(), testing::testCatalog());
    // Category order, then item id: adapters (nic), switching (sw4), cabling (cat6, sfp), servers (srv).
    QCOMPARE(bom.lines.size(), std::size_t(5));
    QCOMPARE(bom.lines[0].itemId, QStringLiteral("nic"));
    QCOMPARE(bom.lines[0].quantity, 2);
    QCOMPARE(bom.lines[0].unitPrice, Cents(9999));
    QCOMPARE(bom.lines[0].extendedPrice, Cents(19998));
    QCOMPARE(bom.lines[1].itemId, QStringLiteral("sw4"));
    QCOMPARE(bom.lines[2].itemId, QStringLiteral("cat6"));
    QCOMPARE(bom.lines[2].quantity, 3); // two server cables and the uplink
    QCOMPARE(bom.lines[3].itemId, QStringLiteral("sfp"));
    QCOMPARE(bom.lines[3].category, BomCategory::Cabling);
    QCOMPARE(bom.lines[4].itemId, QStringLiteral("srv"));
    QCOMPARE(bom.lines[4].extendedPrice, Cents(840100));
    // Subtotals: adapters 2 × $99.99; switching $1,000; cabling 3 × $0.10 + $150; servers 2 × $4,200.50.
    QCOMPARE(bom.subtotal(BomCategory::Adapters), Cents(19998));
    QCOMPARE(bom.subtotal(BomCategory::Switching), Cents(100000));
    QCOMPARE(bom.subtotal(BomCategory::Gateways), Cents(0));
    QCOMPARE(bom.subtotal(BomCategory::Cabling), Cents(15030));
    QCOMPARE(bom.subtotal(BomCategory::Servers), Cents(840100));
    QCOMPARE(bom.ioTotal(), Cents(135028));
    QCOMPARE(bom.total(), Cents(975128));
    QCOMPARE(bom.quantity(BomCategory::Adapters), 2);
}

void TestRollup::purchaseMaintenanceEnergyAndTco()
{
    const Rollup r = rollUp(testing::smallScenario(), testing::testCatalog());
    QCOMPARE(r.cost.ioPurchase, Cents(135028));
    QCOMPARE(r.cost.purchase, Cents(975128));
    // Maintenance: servers 10 % of $8,401 = $840.10; NICs 10 % of $199.98; switch 15 % of $1,000; cabling 0 %.
    QVERIFY(qAbs(r.cost.ioMaintenanceUsdPerYear - (19.998 + 150.0)) < 1e-9);
    QVERIFY(qAbs(r.cost.maintenanceUsdPerYear - (840.10 + 19.998 + 150.0)) < 1e-9);
    // Energy: 548.5 W × 8.76 kWh/W/yr × PUE 2 × $0.10; I/O alone 48.5 W.
    QVERIFY(qAbs(r.cost.energyUsdPerYear - 960.972) < 1e-9);
    QVERIFY(qAbs(r.cost.ioEnergyUsdPerYear - 84.972) < 1e-9);
    QCOMPARE(r.cost.years, 3);
    // TCO = purchase + 3 × (maintenance + energy).
    QVERIFY(qAbs(r.cost.tcoUsd - (9751.28 + 3.0 * (1010.098 + 960.972))) < 1e-6);
    QVERIFY(qAbs(r.cost.ioTcoUsd - (1350.28 + 3.0 * (169.998 + 84.972))) < 1e-6);
    QVERIFY(r.problems.empty());
    QVERIFY(!r.hasErrors());
}

void TestRollup::powerSplitsAndConversions()
{
    const PowerRollup p = powerRollup(testing::smallScenario(), testing::testCatalog());
    QCOMPARE(p.adapterTypicalW, 8.0); // 2 NICs × 4 W
    QCOMPARE(p.adapterMaxW, 10.0); // 2 × 5 W
    QCOMPARE(p.gatewayModuleTypicalW, 0.0);
    QCOMPARE(p.endpointTypicalW(), 8.0);
    QCOMPARE(p.ioTypicalW, 48.5); // adapters 8 + switch 40 + optic 0.5
    QCOMPARE(p.ioMaxW, 70.5); // 10 + 60 + 0.5 (the optic has no max: its typical counts)
    QCOMPARE(p.serverIdleW, 300.0);
    QCOMPARE(p.serverTypicalW, 500.0);
    QCOMPARE(p.serverMaxW, 700.0);
    QCOMPARE(p.typicalW(), 548.5);
    QCOMPARE(p.maxW(), 770.5);
    // reference-data.md §6: BTU/hr = W × 3.412; kWh/yr = W × 8,760 / 1,000.
    QVERIFY(qAbs(btuPerHour(p.typicalW()) - 1871.482) < 1e-9);
    QVERIFY(qAbs(kwhPerYear(p.typicalW()) - 4804.86) < 1e-9);
}

void TestRollup::powerAtServerUtilizationIsLinearBetweenIdleAndMax()
{
    const PowerRollup p = powerRollup(testing::smallScenario(), testing::testCatalog());
    QCOMPARE(p.typicalWAtServerUtilization(0.0), 348.5); // I/O 48.5 + idle 300
    QCOMPARE(p.typicalWAtServerUtilization(0.5), 548.5);
    QCOMPARE(p.typicalWAtServerUtilization(1.0), 748.5);
    QCOMPARE(p.typicalWAtServerUtilization(7.0), 748.5); // clamped
}

void TestRollup::capacityUseOfTheSmallScenario()
{
    const Rollup r = rollUp(testing::smallScenario(), testing::testCatalog());
    QCOMPARE(r.capacity.rackUnitsUsed, 3.0);
    QCOMPARE(r.capacity.rackUnitsAvailable, 42);
    QCOMPARE(r.capacity.pcieSlotsUsed, 2);
    QCOMPARE(r.capacity.pcieSlotsAvailable, 4);
    QCOMPARE(r.capacity.mezzanineSlotsUsed, 0);
    QCOMPARE(r.capacity.mezzanineSlotsAvailable, 2);
    QCOMPARE(r.capacity.switchPortsUsed, 3);
    QCOMPARE(r.capacity.switchPortsAvailable, 4);
    QCOMPARE(r.counts.servers, 2);
    QCOMPARE(r.counts.adapters, 2);
    QCOMPARE(r.counts.cables, 3);
    QCOMPARE(r.counts.transceivers, 1);
}

void TestRollup::maintenanceOverrideReplacesEveryItemsFigure()
{
    design::Scenario s = testing::smallScenario();
    s.assumptions.maintenancePctOverride = 20.0;
    const Rollup r = rollUp(s, testing::testCatalog());
    // 20 % of every line, cabling included: I/O $1,350.28, total $9,751.28.
    QVERIFY(qAbs(r.cost.ioMaintenanceUsdPerYear - 270.056) < 1e-9);
    QVERIFY(qAbs(r.cost.maintenanceUsdPerYear - 1950.256) < 1e-9);
    QCOMPARE(r.bom.lines.front().maintenancePctPerYear, std::optional<double>(20.0));
}

void TestRollup::missingFiguresAreWarningsNamingTheItem()
{
    design::PinnedCatalog catalog = testing::testCatalog();
    catalog[QStringLiteral("nic")].specs.erase(catalog[QStringLiteral("nic")].specs.begin() + 2); // watts_typical
    catalog[QStringLiteral("nic")].maintenancePctPerYear.reset();
    const Rollup r = rollUp(testing::smallScenario(), catalog);
    QCOMPARE(r.power.adapterTypicalW, 0.0);
    QVERIFY(!r.hasErrors());
    int wattWarnings = 0;
    int maintenanceWarnings = 0;
    for (const design::Problem &p : r.problems) {
        QCOMPARE(p.severity, design::Severity::Warning);
        QCOMPARE(p.object, QStringLiteral("nic"));
        wattWarnings += p.message.contains(QStringLiteral("wattage")) ? 1 : 0;
        maintenanceWarnings += p.message.contains(QStringLiteral("maintenance")) ? 1 : 0;
    }
    QCOMPARE(wattWarnings, 1); // once per item, not once per NIC
    QCOMPARE(maintenanceWarnings, 1);
}

void TestRollup::emptyScenarioRollsUpToZero()
{
    const Rollup r = rollUp(design::Scenario {}, testing::testCatalog());
    QCOMPARE(r.cost.purchase, Cents(0));
    QCOMPARE(r.cost.tcoUsd, 0.0);
    QCOMPARE(r.power.typicalW(), 0.0);
    QVERIFY(r.problems.empty());
}

void TestRollup::storageArrayIsBoughtAndPoweredButNotIo()
{
    design::Scenario s = testing::smallScenario();
    s.design.storage.push_back({ QStringLiteral("a1"), QStringLiteral("array"), QStringLiteral("array"),
                                 QStringLiteral("r1"), 10, QStringLiteral("lan") });
    const Rollup r = rollUp(s, testing::testCatalog());
    QCOMPARE(r.bom.subtotal(BomCategory::Storage), Cents(9000000));
    QCOMPARE(r.cost.ioPurchase, Cents(135028)); // unchanged: the back end is not I/O
    QCOMPARE(r.cost.purchase, Cents(975128 + 9000000));
    QCOMPARE(r.power.storageTypicalW, 800.0);
    QCOMPARE(r.power.ioTypicalW, 48.5);
    QCOMPARE(r.power.typicalW(), 548.5 + 800.0);
    QCOMPARE(r.power.maxW(), 770.5 + 1000.0);
    QCOMPARE(r.counts.storageArrays, 1);
    QCOMPARE(r.capacity.rackUnitsUsed, 3.0 + 4.0);
    QVERIFY(r.problems.empty());
}

QTEST_GUILESS_MAIN(TestRollup)
#include "tst_rollup.moc"
