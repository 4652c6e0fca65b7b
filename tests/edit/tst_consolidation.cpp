// The "Consolidate..." plan (issue 5, part 2): the white paper's GigE+FC scenario consolidated onto
// InfiniBand must give the kind of design the example's IB scenarios are (docs/consolidation.md).
#include "model/cost/designcheck.h"
#include "model/cost/rollup.h"
#include "model/edit/consolidation.h"
#include "model/iov/evaluation.h"
#include "tests/iov/iovtesthelpers.h"

#include <QTest>

using namespace iovplan;
using namespace iovplan::edit;

namespace {

// The plan's I/O purchase may differ from the hand-built example's (cable lengths, ...): the issue asks
// for within 15 %.
constexpr double exampleTolerance = 0.15;

const design::PinnedCatalog &exampleCatalog() { return testing::ciovExample().catalog; }

design::Scenario gigeFc() { return testing::exampleScenario(QStringLiteral("GigE+FC")); }

int errorCount(const std::vector<design::Problem> &problems)
{
    return static_cast<int>(std::count_if(problems.begin(), problems.end(),
                                          [](const design::Problem &p) { return p.severity == design::Severity::Error; }));
}

QString family(const design::PinnedItem &item) { return design::specText(item, u"protocol"); }

int modulesOf(const design::Scenario &s, const QString &protocol)
{
    int n = 0;
    for (const design::Gateway &g : s.design.gateways) {
        for (const design::SlotItem &m : g.modules)
            n += design::specText(exampleCatalog().at(m.itemId), u"ext_protocol") == protocol ? 1 : 0;
    }
    return n;
}

} // namespace

class TestConsolidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void proposalIsTheWhitePapersChoice();
    void consolidatesLikeTheExample_data();
    void consolidatesLikeTheExample();
    void originalIsUnchanged();
    void modulesFollowTheLoad_data();
    void modulesFollowTheLoad();
    void refusalsNameWhatIsMissing_data();
    void refusalsNameWhatIsMissing();
    void preferredItemsRankFirst();
    void ibSwitchVariantIsBuildable();
};

void TestConsolidation::proposalIsTheWhitePapersChoice()
{
    const ConsolidationOptions o = proposeConsolidation(gigeFc(), exampleCatalog());
    QCOMPARE(o.hcaItemId, QStringLiteral("mellanox-mhga28-xtc"));
    QCOMPARE(o.gatewayItemId, QStringLiteral("cisco-sfs-3012"));
    QCOMPARE(o.ethernetModuleItemId, QStringLiteral("cisco-sfs-3012-eth-gw"));
    QCOMPARE(o.fibreChannelModuleItemId, QStringLiteral("cisco-sfs-3012-fc-gw"));
    QCOMPARE(o.ibCableItemId, QStringLiteral("ib-cx4-copper-3m"));
    QCOMPARE(o.ibLongCableItemId, QStringLiteral("ib-cx4-copper-8m"));
    QVERIFY(o.ibSwitchItemId.isEmpty());
    QCOMPARE(o.hcasPerServer, 1);
    QCOMPARE(o.iovMode, design::IovMode::Software);
    QCOMPARE(o.scenarioName, QStringLiteral("GigE+FC (InfiniBand)"));

    design::Scenario ha = gigeFc();
    ha.assumptions.haDualHoming = true;
    QCOMPARE(proposeConsolidation(ha, exampleCatalog()).hcasPerServer, 2);
}

void TestConsolidation::consolidatesLikeTheExample_data()
{
    QTest::addColumn<QString>("example");
    QTest::addColumn<int>("hcasPerServer");
    QTest::addColumn<design::IovMode>("mode");
    // Rows: docs/ciov-whitepaper-example.md, "IB software IOV", "IB software IOV HA", "IB native IOV".
    QTest::newRow("Figure 5, software IOV") << QStringLiteral("IB software IOV") << 1 << design::IovMode::Software;
    QTest::newRow("Figure 5, HA") << QStringLiteral("IB software IOV HA") << 2 << design::IovMode::Software;
    QTest::newRow("Table 2, native IOV") << QStringLiteral("IB native IOV") << 1 << design::IovMode::Native;
}

void TestConsolidation::consolidatesLikeTheExample()
{
    QFETCH(QString, example);
    QFETCH(int, hcasPerServer);
    QFETCH(design::IovMode, mode);
    const design::Scenario source = gigeFc();
    ConsolidationOptions options = proposeConsolidation(source, exampleCatalog());
    options.hcasPerServer = hcasPerServer;
    options.iovMode = mode;
    options.scenarioName = example + QStringLiteral(" (planned)");
    const ConsolidationPlan plan = planConsolidation(source, exampleCatalog(), options);
    QVERIFY2(plan.ok(), qPrintable(plan.refusal));
    const design::Scenario &out = *plan.scenario;
    const design::Scenario reference = testing::exampleScenario(example);

    QCOMPARE(out.name, options.scenarioName);
    QCOMPARE(out.iovMode, mode);
    QCOMPARE(out.assumptions.haDualHoming, hcasPerServer == 2);
    QCOMPARE(out.workload, source.workload);

    const cost::DesignCheck check = cost::checkDesign(out, exampleCatalog());
    for (const design::Problem &p : check.problems)
        QVERIFY2(p.severity != design::Severity::Error, qPrintable(p.message));

    QCOMPARE(out.design.servers.size(), source.design.servers.size());
    for (const design::Server &s : out.design.servers) {
        int hcas = 0;
        for (const design::SlotItem &a : s.adapters) {
            const design::PinnedItem &it = exampleCatalog().at(a.itemId);
            QVERIFY2(family(it) != u"ethernet" && family(it) != u"fibre-channel", qPrintable(s.id + QLatin1Char(' ') + a.itemId));
            hcas += fitsRole(it, ConsolidationRole::Hca) ? 1 : 0;
        }
        QCOMPARE(hcas, hcasPerServer);
    }
    // No GigE or FC switch is left: every one of them served servers only.
    for (const design::Switch &sw : out.design.switches)
        QVERIFY2(family(exampleCatalog().at(sw.itemId)) == u"infiniband", qPrintable(sw.id));

    QCOMPARE(plan.gateways, static_cast<int>(reference.design.gateways.size()));
    QCOMPARE(static_cast<int>(out.design.gateways.size()), plan.gateways);
    QCOMPARE(plan.ethernetModules, modulesOf(reference, QStringLiteral("ethernet")));
    QCOMPARE(plan.fibreChannelModules, modulesOf(reference, QStringLiteral("fibre-channel")));
    QCOMPARE(modulesOf(out, QStringLiteral("ethernet")), plan.ethernetModules);
    QCOMPARE(modulesOf(out, QStringLiteral("fibre-channel")), plan.fibreChannelModules);
    QCOMPARE(plan.hcas, static_cast<int>(source.design.servers.size()) * hcasPerServer);

    const cost::Rollup planned = cost::rollUp(out, exampleCatalog());
    const cost::Rollup before = cost::rollUp(source, exampleCatalog());
    const cost::Rollup hand = cost::rollUp(reference, exampleCatalog());
    QVERIFY2(planned.cost.ioPurchase < before.cost.ioPurchase,
             qPrintable(QStringLiteral("%1 vs %2").arg(planned.cost.ioPurchase).arg(before.cost.ioPurchase)));
    const double ratio = static_cast<double>(planned.cost.ioPurchase) / static_cast<double>(hand.cost.ioPurchase);
    QVERIFY2(std::abs(ratio - 1.0) <= exampleTolerance, qPrintable(QString::number(ratio)));
    QCOMPARE(planned.counts.cables, hand.counts.cables);
    // Same chassis, modules, HCAs, cables and optics as the hand-built example: the very same purchase.
    QCOMPARE(planned.cost.ioPurchase, hand.cost.ioPurchase);

    const iov::ScenarioMetrics metrics = iov::evaluate(out, exampleCatalog());
    QVERIFY(!metrics.performance.saturated);
    QCOMPARE(errorCount(metrics.problems), 0);

    // The plan explains itself: a step for the adapters, the gateways, the modules and the cabling.
    QVERIFY(plan.steps.size() >= 5);
    for (const ConsolidationStep &step : plan.steps) {
        QVERIFY(!step.what.isEmpty());
        QVERIFY2(!step.why.isEmpty(), qPrintable(step.what));
    }
}

void TestConsolidation::originalIsUnchanged()
{
    const design::Scenario source = gigeFc();
    const design::Scenario copy = source;
    const ConsolidationPlan plan = planConsolidation(source, exampleCatalog(), proposeConsolidation(source, exampleCatalog()));
    QVERIFY(plan.ok());
    QCOMPARE(source, copy);
    QCOMPARE(source, gigeFc());
    QVERIFY(!(*plan.scenario == source));
}

void TestConsolidation::modulesFollowTheLoad_data()
{
    QTest::addColumn<double>("lanScale");
    QTest::addColumn<double>("sanScale");
    QTest::addColumn<int>("ethPerGateway");
    QTest::addColumn<int>("fcPerGateway");
    // 22 servers × 10 VMs per chassis; Ethernet module 705.75 MB/s (6 × 117.6), FC module 400 MB/s;
    // target 50 %: LAN (1.2 + 0.1 MB/s) × 220 = 286 MB/s → 1; ×4 = 1,144 MB/s → 4; SAN 0.8 × 220 = 176 → 1, ×3 → 3.
    QTest::newRow("as shipped") << 1.0 << 1.0 << 1 << 1;
    QTest::newRow("LAN x4") << 4.0 << 1.0 << 4 << 1;
    QTest::newRow("SAN x3") << 1.0 << 3.0 << 1 << 3;
}

void TestConsolidation::modulesFollowTheLoad()
{
    QFETCH(double, lanScale);
    QFETCH(double, sanScale);
    QFETCH(int, ethPerGateway);
    QFETCH(int, fcPerGateway);
    design::Scenario source = gigeFc();
    for (design::VmProfile &p : source.workload.profiles) {
        p.networkBytesPerS *= lanScale;
        p.migrationBytesPerS *= lanScale;
        p.storageBytesPerS *= sanScale;
    }
    const ConsolidationPlan plan = planConsolidation(source, exampleCatalog(), proposeConsolidation(source, exampleCatalog()));
    QVERIFY2(plan.ok(), qPrintable(plan.refusal));
    QCOMPARE(plan.gateways, 6);
    QCOMPARE(plan.ethernetModules, 6 * ethPerGateway);
    QCOMPARE(plan.fibreChannelModules, 6 * fcPerGateway);
    QCOMPARE(errorCount(cost::checkDesign(*plan.scenario, exampleCatalog()).problems), 0);
    QVERIFY(!iov::evaluate(*plan.scenario, exampleCatalog()).performance.saturated);
}

void TestConsolidation::refusalsNameWhatIsMissing_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("field"); // which option to spoil
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected"); // a phrase the refusal must contain
    QTest::newRow("no HCA") << "GigE+FC" << "hca" << "" << "no InfiniBand HCA chosen";
    QTest::newRow("HCA not pinned") << "GigE+FC" << "hca" << "mellanox-mhgh28-xtc" << "mellanox-mhgh28-xtc is not in the catalog";
    QTest::newRow("a NIC as HCA") << "GigE+FC" << "hca" << "intel-pro1000-pt-quad" << "is not an InfiniBand HCA";
    QTest::newRow("no gateway") << "GigE+FC" << "gateway" << "" << "no InfiniBand gateway chosen";
    QTest::newRow("no FC module") << "GigE+FC" << "fc" << "" << "no Fibre Channel gateway module chosen";
    QTest::newRow("no cable") << "GigE+FC" << "cable" << "" << "no InfiniBand cable chosen";
    QTest::newRow("passthrough on InfiniHost III") << "GigE+FC" << "mode" << "passthrough" << "not passthrough";
    QTest::newRow("three HCAs") << "GigE+FC" << "hcas" << "3" << "must be 1 or 2";
    QTest::newRow("already InfiniBand") << "IB software IOV" << "" << "" << "already InfiniBand";
    QTest::newRow("no servers") << "no servers" << "" << "" << "no servers";
}

void TestConsolidation::refusalsNameWhatIsMissing()
{
    QFETCH(QString, scenario);
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    design::Scenario source = scenario == u"no servers" ? gigeFc() : testing::exampleScenario(scenario);
    if (scenario == u"no servers") {
        source.design.servers.clear();
        source.design.cables.clear();
    }
    ConsolidationOptions o = proposeConsolidation(gigeFc(), exampleCatalog());
    if (field == u"hca")
        o.hcaItemId = value;
    else if (field == u"gateway")
        o.gatewayItemId = value;
    else if (field == u"fc")
        o.fibreChannelModuleItemId = value;
    else if (field == u"cable")
        o.ibCableItemId = value;
    else if (field == u"mode")
        o.iovMode = *design::iovModeFromName(value);
    else if (field == u"hcas")
        o.hcasPerServer = value.toInt();
    const ConsolidationPlan plan = planConsolidation(source, exampleCatalog(), o);
    QVERIFY(!plan.ok());
    QVERIFY(plan.steps.empty());
    QVERIFY2(plan.refusal.contains(expected), qPrintable(plan.refusal));
}

void TestConsolidation::preferredItemsRankFirst()
{
    // With the whole 2007 catalog the ConnectX HCA (256 CIOV end points) wins; the project's pinned HCA
    // ranks first when the caller prefers the project's items.
    const design::PinnedCatalog all = testing::catalogWith(
        { QStringLiteral("mellanox-mhgh28-xtc"), QStringLiteral("ib-cx4-copper-1m"), QStringLiteral("xsigo-vp780") });
    QCOMPARE(proposeConsolidation(gigeFc(), all).hcaItemId, QStringLiteral("mellanox-mhgh28-xtc"));
    QStringList preferred;
    for (const auto &[id, item] : exampleCatalog())
        preferred << id;
    const ConsolidationOptions o = proposeConsolidation(gigeFc(), all, preferred);
    QCOMPARE(o.hcaItemId, QStringLiteral("mellanox-mhga28-xtc"));
    QCOMPARE(o.gatewayItemId, QStringLiteral("cisco-sfs-3012"));
    QCOMPARE(o.ibCableItemId, QStringLiteral("ib-cx4-copper-3m")); // 1 m is too short for a rack
}

void TestConsolidation::ibSwitchVariantIsBuildable()
{
    const design::PinnedCatalog catalog = testing::catalogWith({ QStringLiteral("cisco-sfs-7000d") });
    ConsolidationOptions o = proposeConsolidation(gigeFc(), catalog);
    o.ibSwitchItemId = QStringLiteral("cisco-sfs-7000d");
    const ConsolidationPlan plan = planConsolidation(gigeFc(), catalog, o);
    QVERIFY2(plan.ok(), qPrintable(plan.refusal));
    // 128 servers over 24 - 6 ports per switch → 8 switches, each cabled to each of the 6 gateways.
    QCOMPARE(plan.gateways, 6);
    QCOMPARE(plan.ibSwitches, 8);
    QCOMPARE(errorCount(cost::checkDesign(*plan.scenario, catalog).problems), 0);
}

QTEST_GUILESS_MAIN(TestConsolidation)
#include "tst_consolidation.moc"
