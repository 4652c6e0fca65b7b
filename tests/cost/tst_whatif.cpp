// What-if sweeps and failure analysis (issue 4, part 5; docs/whatif.md) on the white paper's example
// (examples/ciov-whitepaper.iovplan: 128 servers; InfiniBand designs on six Cisco SFS 3012 chassis per
// side, 24 InfiniBand ports each, chained over ports 23/24).

#include "tests/exampleproject.h"
#include "model/cost/rollup.h"
#include "model/io/projectdocument.h"
#include "model/iov/whatif.h"

#include <QTest>

#include <algorithm>

using namespace iovplan;
using iov::SweepKind;
using iov::SweepParameter;
using iov::TrafficClass;

namespace {

const design::Project &example()
{
    return testing::ciovExample();
}

design::Scenario scenario(const QString &name)
{
    return testing::exampleScenario(name);
}

const iov::ClassMetrics *classOf(const iov::PerformanceMetrics &m, TrafficClass traffic)
{
    const auto found = std::find_if(m.classes.begin(), m.classes.end(),
                                    [traffic](const iov::ClassMetrics &c) { return c.traffic == traffic; });
    return found != m.classes.end() ? &*found : nullptr;
}

const iov::FailureCase *failureOf(const iov::FailureReport &report, iov::FailureKind kind, const QString &element)
{
    const auto found = std::find_if(report.failures.begin(), report.failures.end(), [&](const iov::FailureCase &f) {
        return f.kind == kind && (element.isEmpty() || f.element == element);
    });
    return found != report.failures.end() ? &*found : nullptr;
}

const iov::FailureClass &failureClass(const iov::FailureCase &f, TrafficClass traffic)
{
    const auto found = std::find_if(f.classes.begin(), f.classes.end(),
                                    [traffic](const iov::FailureClass &c) { return c.traffic == traffic; });
    if (found == f.classes.end())
        qFatal("failure case without class %d", static_cast<int>(traffic));
    return *found;
}

int gatewayCount(const design::Scenario &s)
{
    return static_cast<int>(s.design.gateways.size());
}

} // namespace

class TestWhatIf : public QObject
{
    Q_OBJECT

private slots:
    void parameterNames_data();
    void parameterNames();
    void sweepValuesIncludeBothEnds();
    void vmsPerServerCurve_data();
    void vmsPerServerCurve();
    void vmsScaleProfilesInProportion();
    void loadScaleMultipliesOfferedLoad();
    void priceSweepChangesOnlyCost();
    void gatewaysRewireRoundRobin();
    void gatewaysAllKeptChangesNothing();
    void hcasAddSecondAdapterWherePortsAreFree();
    void hcasRemoveSecondAdapter();
    void shardsPartitionTheSweep();
    void refusesBadRequests_data();
    void refusesBadRequests();
    void descendingSweep();
    void gatewayFailureWithoutHaCutsServersOff();
    void gatewayFailureWithHaKeepsPaths();
    void hcaFailure_data();
    void hcaFailure();
    void switchFailureOfDualHomedGigeFc();
    void failureCasesCoverEveryElement();
};

void TestWhatIf::parameterNames_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<bool>("integral");
    QTest::newRow("vms_per_server") << "vms_per_server" << true << true;
    QTest::newRow("load_scale") << "load_scale" << true << false;
    QTest::newRow("gateways") << "gateways" << true << true;
    QTest::newRow("hcas") << "hcas" << true << true;
    QTest::newRow("price:item") << "price:cisco-sfs-3012" << true << false;
    QTest::newRow("price without item") << "price:" << false << false;
    QTest::newRow("unknown") << "vms" << false << false;
    QTest::newRow("case matters") << "Gateways" << false << false;
}

void TestWhatIf::parameterNames()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(bool, integral);
    const std::optional<SweepParameter> p = iov::sweepParameterFromName(text);
    QCOMPARE(p.has_value(), valid);
    if (p) {
        QCOMPARE(p->name(), text); // round trip
        QCOMPARE(p->integral(), integral);
    }
}

void TestWhatIf::sweepValuesIncludeBothEnds()
{
    QCOMPARE(iov::sweepValue(0.1, 0.7, 7, 0), 0.1);
    QCOMPARE(iov::sweepValue(0.1, 0.7, 7, 6), 0.7); // exactly the end, not 0.1 + 6 × 0.1
    QCOMPARE(iov::sweepValue(10, 20, 3, 1), 15.0);
    QCOMPARE(iov::sweepValue(20, 10, 3, 1), 15.0);
    QCOMPARE(iov::sweepValue(5, 5, 1, 0), 5.0);
}

void TestWhatIf::vmsPerServerCurve_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("GigE+FC") << "GigE+FC";
    QTest::newRow("IB software IOV") << "IB software IOV";
    QTest::newRow("IB native IOV") << "IB native IOV";
}

void TestWhatIf::vmsPerServerCurve()
{
    QFETCH(QString, name);
    // 1 to 60 VMs per server, one at a time: each VM keeps 30 % of a vCPU busy besides its I/O, so the
    // 8-core hosts saturate at roughly 15-25 VMs and the sweep sees both sides of saturation.
    const iov::SweepResult r = iov::sweep(scenario(name), example().catalog, { SweepKind::VmsPerServer, {} }, 1, 60, 60);
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.rows.size(), std::size_t(60));
    QCOMPARE(r.rows.front().value, 1.0);
    QCOMPARE(r.rows.back().value, 60.0);
    const auto firstSaturated = std::find_if(r.rows.begin(), r.rows.end(),
                                             [](const iov::SweepRow &row) { return row.performance.saturated; });
    QVERIFY2(firstSaturated != r.rows.end(), "60 VMs per server should saturate the design");
    QVERIFY2(firstSaturated - r.rows.begin() >= 10, "10 VMs per server (the example's load) should not saturate");
    for (auto row = r.rows.begin() + 1; row != firstSaturated; ++row) {
        const iov::SweepRow &before = *(row - 1);
        QVERIFY(row->value > before.value);
        QVERIFY2(row->performance.cpuUtilization > before.performance.cpuUtilization,
                 qPrintable(QStringLiteral("CPU at %1 VMs").arg(row->value)));
        for (const TrafficClass traffic : iov::allTrafficClasses) {
            const iov::ClassMetrics *now = classOf(row->performance, traffic);
            const iov::ClassMetrics *then = classOf(before.performance, traffic);
            QVERIFY(now != nullptr && then != nullptr);
            QVERIFY(now->throughputBytesPerS >= then->throughputBytesPerS);
            QCOMPARE(now->throughputBytesPerS, now->offeredBytesPerS); // unsaturated: all of it is carried
            QVERIFY(now->p99LatencyS && then->p99LatencyS);
            QVERIFY2(*now->p99LatencyS >= *then->p99LatencyS,
                     qPrintable(QStringLiteral("%1 p99 at %2 VMs").arg(iov::trafficClassName(traffic)).arg(row->value)));
        }
        QCOMPARE(row->ioPurchase, before.ioPurchase); // VMs cost nothing in the roll-up
    }
    for (auto row = firstSaturated; row != r.rows.end(); ++row) {
        QVERIFY(row->performance.saturated);
        QVERIFY(!classOf(row->performance, TrafficClass::Lan)->p99LatencyS); // no latency past saturation
    }
}

void TestWhatIf::vmsScaleProfilesInProportion()
{
    design::Scenario s = scenario(QStringLiteral("IB software IOV"));
    design::VmProfile second = s.workload.profiles.front();
    second.name = QStringLiteral("second");
    s.workload.profiles.front().vmsPerServer = 3;
    second.vmsPerServer = 1;
    s.workload.profiles.push_back(second);
    // 3 : 1 scaled to 10 is 7.5 : 2.5; the equal remainders go to the first profile: 8 + 2 = 10.
    const iov::AppliedChange c = iov::applySweepValue(s, example().catalog, { SweepKind::VmsPerServer, {} }, 10);
    QCOMPARE(c.scenario.workload.profiles[0].vmsPerServer, 8);
    QCOMPARE(c.scenario.workload.profiles[1].vmsPerServer, 2);
    const iov::AppliedChange d = iov::applySweepValue(s, example().catalog, { SweepKind::VmsPerServer, {} }, 40);
    QCOMPARE(d.scenario.workload.profiles[0].vmsPerServer, 30);
    QCOMPARE(d.scenario.workload.profiles[1].vmsPerServer, 10);
}

void TestWhatIf::loadScaleMultipliesOfferedLoad()
{
    const design::Scenario &s = scenario(QStringLiteral("IB native IOV"));
    const iov::SweepResult r = iov::sweep(s, example().catalog, { SweepKind::LoadScale, {} }, 1, 3, 3);
    QVERIFY(r.error.isEmpty());
    for (const TrafficClass traffic : iov::allTrafficClasses) {
        const double base = classOf(r.rows[0].performance, traffic)->offeredBytesPerS;
        QVERIFY(base > 0.0);
        QCOMPARE(classOf(r.rows[1].performance, traffic)->offeredBytesPerS, 2 * base);
        QCOMPARE(classOf(r.rows[2].performance, traffic)->offeredBytesPerS, 3 * base);
    }
    // The VMs' own CPU work is not I/O load: scaling I/O by 3 raises the CPU by less than 3×.
    QVERIFY(r.rows[2].performance.cpuUtilization > r.rows[0].performance.cpuUtilization);
    QVERIFY(r.rows[2].performance.cpuUtilization < 3 * r.rows[0].performance.cpuUtilization);
}

void TestWhatIf::priceSweepChangesOnlyCost()
{
    const design::Scenario &s = scenario(QStringLiteral("IB software IOV"));
    // The SFS 3012 chassis from $20,000 to $30,000.01 in 5 steps of $2,500.0025: six chassis each step.
    const iov::SweepResult r = iov::sweep(s, example().catalog, { SweepKind::Price, QStringLiteral("cisco-sfs-3012") },
                                          20000, 30000, 5);
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.rows.size(), std::size_t(5));
    const iov::SweepRow &first = r.rows.front();
    QCOMPARE(first.ioPurchase, cost::rollUp(s, [] {
                                   design::PinnedCatalog c = example().catalog;
                                   c.at(QStringLiteral("cisco-sfs-3012")).priceUsd = 20000;
                                   return c;
                               }())
                                   .cost.ioPurchase);
    for (std::size_t i = 1; i < r.rows.size(); ++i) {
        const iov::SweepRow &row = r.rows[i];
        const auto k = static_cast<cost::Cents>(i);
        // 6 chassis × $2,500 = $15,000 = 1,500,000 cents per step, exactly.
        QCOMPARE(row.ioPurchase - first.ioPurchase, k * 1500000);
        QCOMPARE(row.purchase - first.purchase, k * 1500000);
        // TCO adds maintenance in proportion to the price: linear (second difference 0 up to rounding).
        const double secondDifference = row.tcoUsd - 2 * r.rows[i - 1].tcoUsd + (i >= 2 ? r.rows[i - 2].tcoUsd : 0.0);
        if (i >= 2)
            QVERIFY2(std::abs(secondDifference) < 1e-6, qPrintable(QString::number(secondDifference)));
        QVERIFY(row.tcoUsd > r.rows[i - 1].tcoUsd);
        // Nothing else moves.
        QCOMPARE(row.typicalW, first.typicalW);
        QCOMPARE(row.performance.cpuUtilization, first.performance.cpuUtilization);
        QCOMPARE(row.performance.bottleneck, first.performance.bottleneck);
        for (const TrafficClass traffic : iov::allTrafficClasses) {
            QCOMPARE(classOf(row.performance, traffic)->throughputBytesPerS,
                     classOf(first.performance, traffic)->throughputBytesPerS);
            QCOMPARE(classOf(row.performance, traffic)->p99LatencyS, classOf(first.performance, traffic)->p99LatencyS);
        }
    }
}

void TestWhatIf::gatewaysRewireRoundRobin()
{
    const design::Scenario &s = scenario(QStringLiteral("IB software IOV"));
    const iov::AppliedChange c = iov::applySweepValue(s, example().catalog, { SweepKind::Gateways, {} }, 3);
    QCOMPARE(gatewayCount(c.scenario), 3);
    // Three chassis of 24 ports keep the chain gw-1a—gw-2a—gw-3a (4 ports): 68 ports for 128 servers.
    QCOMPARE(c.serversNotRewired.size(), std::size_t(128 - (3 * 24 - 4)));
    // The first servers moved are those of rack 4 (gw-4a), in order, spread round-robin.
    std::map<QString, int> serversOn;
    for (const design::Cable &cable : c.scenario.design.cables) {
        if (cable.from.deviceId.startsWith(u"srv-"))
            ++serversOn[cable.to.deviceId];
        QVERIFY2(cable.to.port <= 24 && cable.from.port <= 24, qPrintable(cable.id));
    }
    QCOMPARE(serversOn[QStringLiteral("gw-1a")], 23); // 22 of its own + 1 free port
    QCOMPARE(serversOn[QStringLiteral("gw-2a")], 22); // 22 of its own, both chain ports in use
    QCOMPARE(serversOn[QStringLiteral("gw-3a")], 23); // 21 of its own + 2 (port 24's chain cable went with gw-4a)
    const iov::SweepResult r = iov::sweep(s, example().catalog, { SweepKind::Gateways, {} }, 3, 6, 4);
    QVERIFY(r.error.isEmpty());
    QCOMPARE(r.rows[0].serversWithoutPath, 60);
    QCOMPARE(r.rows[0].serversNotRewired.size(), std::size_t(60));
    QCOMPARE(r.rows[3].serversWithoutPath, 0);
    QVERIFY(r.rows[0].ioPurchase < r.rows[3].ioPurchase);
    QVERIFY(classOf(r.rows[0].performance, TrafficClass::Lan)->throughputBytesPerS
            < classOf(r.rows[3].performance, TrafficClass::Lan)->throughputBytesPerS);
}

void TestWhatIf::gatewaysAllKeptChangesNothing()
{
    for (const char *name : { "IB software IOV", "IB software IOV HA", "GigE+FC" }) {
        const design::Scenario &s = scenario(QLatin1String(name));
        const iov::AppliedChange c = iov::applySweepValue(s, example().catalog, { SweepKind::Gateways, {} }, 6);
        QVERIFY2(c.scenario == s, name);
        QVERIFY(c.serversNotRewired.empty());
    }
    // HA: six per side (slot 1 and slot 2 rows); keeping 5 drops gw-6a and gw-6b.
    const iov::AppliedChange ha = iov::applySweepValue(scenario(QStringLiteral("IB software IOV HA")), example().catalog,
                                                       { SweepKind::Gateways, {} }, 5);
    QCOMPARE(gatewayCount(ha.scenario), 10);
    for (const design::Gateway &g : ha.scenario.design.gateways)
        QVERIFY2(!g.id.startsWith(u"gw-6"), qPrintable(g.id));
}

void TestWhatIf::hcasAddSecondAdapterWherePortsAreFree()
{
    const design::Scenario &s = scenario(QStringLiteral("IB software IOV"));
    const iov::AppliedChange c = iov::applySweepValue(s, example().catalog, { SweepKind::Hcas, {} }, 2);
    // 6 × 24 ports − 128 servers − 10 chain ports = 6 free ports: six servers get a second HCA.
    QCOMPARE(c.serversNotRewired.size(), std::size_t(122));
    int dual = 0;
    for (const design::Server &server : c.scenario.design.servers) {
        if (server.adapters.size() != 2)
            continue;
        ++dual;
        QCOMPARE(server.adapters[1].slot, 2);
        QCOMPARE(server.adapters[1].itemId, server.adapters[0].itemId);
        QString first;
        QString second;
        for (const design::Cable &cable : c.scenario.design.cables) {
            if (cable.from.deviceId == server.id)
                (cable.from.slot == 1 ? first : second) = cable.to.deviceId;
        }
        QCOMPARE(second, first); // cabled like the first: the same gateway
    }
    QCOMPARE(dual, 6);
    QCOMPARE(cost::rollUp(c.scenario, example().catalog).counts.adapters, 134);
}

void TestWhatIf::hcasRemoveSecondAdapter()
{
    const design::Scenario &ha = scenario(QStringLiteral("IB software IOV HA"));
    const iov::AppliedChange two = iov::applySweepValue(ha, example().catalog, { SweepKind::Hcas, {} }, 2);
    QVERIFY(two.scenario == ha);
    const iov::AppliedChange one = iov::applySweepValue(ha, example().catalog, { SweepKind::Hcas, {} }, 1);
    QVERIFY(one.serversNotRewired.empty());
    const cost::Rollup before = cost::rollUp(ha, example().catalog);
    const cost::Rollup after = cost::rollUp(one.scenario, example().catalog);
    QCOMPARE(after.counts.adapters, 128);
    QCOMPARE(after.counts.cables, before.counts.cables - 128);
    QCOMPARE(after.counts.gateways, before.counts.gateways); // the b-side chassis stay (only adapters go)
    // 128 HCAs at $900 fewer, and their cables.
    QVERIFY(before.cost.ioPurchase - after.cost.ioPurchase > 128 * 90000);
}

void TestWhatIf::shardsPartitionTheSweep()
{
    const design::Scenario &s = scenario(QStringLiteral("IB native IOV"));
    const SweepParameter p { SweepKind::VmsPerServer, {} };
    const iov::SweepResult full = iov::sweep(s, example().catalog, p, 1, 40, 8);
    std::vector<iov::SweepRow> joined;
    for (int i = 0; i < 3; ++i) {
        iov::SweepOptions options;
        options.shard = iov::SweepShard { i, 3 };
        const iov::SweepResult part = iov::sweep(s, example().catalog, p, 1, 40, 8, options);
        QVERIFY(part.error.isEmpty());
        for (std::size_t k = 0; k < part.rows.size(); ++k)
            QCOMPARE(part.rows[k].step, i + 3 * static_cast<int>(k));
        joined.insert(joined.end(), part.rows.begin(), part.rows.end());
    }
    std::sort(joined.begin(), joined.end(), [](const auto &a, const auto &b) { return a.step < b.step; });
    QCOMPARE(joined.size(), full.rows.size());
    for (std::size_t k = 0; k < joined.size(); ++k) {
        QCOMPARE(joined[k].step, full.rows[k].step);
        QCOMPARE(joined[k].value, full.rows[k].value);
        QCOMPARE(joined[k].performance.cpuUtilization, full.rows[k].performance.cpuUtilization);
        QCOMPARE(classOf(joined[k].performance, TrafficClass::San)->p99LatencyS,
                 classOf(full.rows[k].performance, TrafficClass::San)->p99LatencyS);
    }
    // A shard past the last step is empty, not an error (more jobs than steps).
    iov::SweepOptions wide;
    wide.shard = iov::SweepShard { 9, 10 };
    const iov::SweepResult none = iov::sweep(s, example().catalog, p, 1, 40, 8, wide);
    QVERIFY(none.error.isEmpty());
    QVERIFY(none.rows.empty());
}

void TestWhatIf::refusesBadRequests_data()
{
    QTest::addColumn<QString>("param");
    QTest::addColumn<double>("from");
    QTest::addColumn<double>("to");
    QTest::addColumn<int>("steps");
    QTest::addColumn<int>("shardIndex");
    QTest::addColumn<int>("shardCount");
    QTest::addColumn<QString>("field");
    QTest::newRow("no steps") << "vms_per_server" << 1.0 << 2.0 << 0 << 0 << 1 << "--steps";
    QTest::newRow("one step, two ends") << "vms_per_server" << 1.0 << 2.0 << 1 << 0 << 1 << "--steps";
    QTest::newRow("shard index = count") << "vms_per_server" << 1.0 << 2.0 << 2 << 3 << 3 << "--shard";
    QTest::newRow("shard count 0") << "vms_per_server" << 1.0 << 2.0 << 2 << 0 << 0 << "--shard";
    QTest::newRow("negative VMs") << "vms_per_server" << -1.0 << 2.0 << 2 << 0 << 1 << "--from";
    QTest::newRow("negative load") << "load_scale" << 1.0 << -0.5 << 2 << 0 << 1 << "--to";
    QTest::newRow("no gateways") << "gateways" << 0.0 << 2.0 << 3 << 0 << 1 << "--from";
    QTest::newRow("gateways 0.4 rounds to 0") << "gateways" << 0.4 << 2.0 << 3 << 0 << 1 << "--from";
    QTest::newRow("three HCAs") << "hcas" << 1.0 << 3.0 << 3 << 0 << 1 << "--to";
    QTest::newRow("unpinned price item") << "price:no-such-item" << 1.0 << 2.0 << 2 << 0 << 1 << "--param";
    QTest::newRow("negative price") << "price:cisco-sfs-3012" << -1.0 << 2.0 << 2 << 0 << 1 << "--from";
}

void TestWhatIf::refusesBadRequests()
{
    QFETCH(QString, param);
    QFETCH(double, from);
    QFETCH(double, to);
    QFETCH(int, steps);
    QFETCH(int, shardIndex);
    QFETCH(int, shardCount);
    QFETCH(QString, field);
    iov::SweepOptions options;
    options.shard = iov::SweepShard { shardIndex, shardCount };
    const iov::SweepResult r = iov::sweep(scenario(QStringLiteral("IB software IOV")), example().catalog,
                                          *iov::sweepParameterFromName(param), from, to, steps, options);
    QVERIFY(!r.error.isEmpty());
    QCOMPARE(r.errorField, field);
    QVERIFY(r.rows.empty());
}

void TestWhatIf::descendingSweep()
{
    const iov::SweepResult r = iov::sweep(scenario(QStringLiteral("IB software IOV")), example().catalog,
                                          { SweepKind::VmsPerServer, {} }, 20, 10, 3);
    QVERIFY(r.error.isEmpty());
    QCOMPARE(r.rows[0].value, 20.0);
    QCOMPARE(r.rows[2].value, 10.0);
    QVERIFY(r.rows[0].performance.cpuUtilization > r.rows[2].performance.cpuUtilization);
    // Whole-number parameters are rounded: 1..2 in 3 steps is 1, 2 (1.5 rounds up), 2.
    const iov::SweepResult h = iov::sweep(scenario(QStringLiteral("IB software IOV")), example().catalog,
                                          { SweepKind::Hcas, {} }, 1, 2, 3);
    QCOMPARE(h.rows[1].value, 2.0);
}

void TestWhatIf::gatewayFailureWithoutHaCutsServersOff()
{
    const iov::FailureReport report = iov::failures(scenario(QStringLiteral("IB software IOV")), example().catalog);
    for (const iov::FailureClass &c : report.intact.classes) {
        QCOMPARE(c.serversWithoutPath, 0);
        QCOMPARE(c.carriedBytesPerS, c.offeredBytesPerS);
    }
    const iov::FailureCase *gw = failureOf(report, iov::FailureKind::Gateway, QStringLiteral("gw-1a"));
    QVERIFY(gw != nullptr);
    // gw-1a serves rack 1's 16 servers and 6 of racks 7-8: 22 servers lose lan, san, ipc and migration.
    QCOMPARE(gw->removedCables, 22 + 8 + 1); // servers, 6 LAN + 2 SAN uplinks, the chain to gw-2a
    for (const TrafficClass traffic : { TrafficClass::Lan, TrafficClass::San }) {
        const iov::FailureClass &c = failureClass(*gw, traffic);
        QCOMPARE(c.serversWithoutPath, 22);
        QCOMPARE(c.carriedBytesPerS, c.offeredBytesPerS * 106 / 128); // the other 106 servers, unsaturated
        QVERIFY(c.p99LatencyS.has_value());
    }
}

void TestWhatIf::gatewayFailureWithHaKeepsPaths()
{
    const iov::FailureReport report = iov::failures(scenario(QStringLiteral("IB software IOV HA")), example().catalog);
    const iov::FailureCase *gw = failureOf(report, iov::FailureKind::Gateway, QStringLiteral("gw-1a"));
    QVERIFY(gw != nullptr);
    QVERIFY(!gw->saturated);
    for (const iov::FailureClass &c : gw->classes) {
        QCOMPARE(c.serversWithoutPath, 0); // the slot-2 HCA reaches gw-1b
        QCOMPARE(c.carriedBytesPerS, c.offeredBytesPerS);
    }
    // gw-1b now carries all of its servers' LAN traffic instead of half: no faster than intact.
    const iov::FailureClass &lan = failureClass(*gw, TrafficClass::Lan);
    const iov::FailureClass &intactLan = failureClass(report.intact, TrafficClass::Lan);
    QVERIFY(lan.p99LatencyS && intactLan.p99LatencyS);
    QVERIFY(*lan.p99LatencyS >= *intactLan.p99LatencyS);
}

void TestWhatIf::hcaFailure_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("cutOff");
    QTest::newRow("single HCA") << "IB software IOV" << 1;
    QTest::newRow("HA: the second HCA carries on") << "IB software IOV HA" << 0;
}

void TestWhatIf::hcaFailure()
{
    QFETCH(QString, name);
    QFETCH(int, cutOff);
    const iov::FailureReport report = iov::failures(scenario(name), example().catalog);
    const iov::FailureCase *hca = failureOf(report, iov::FailureKind::Hca, {});
    QVERIFY(hca != nullptr);
    QCOMPARE(hca->element, QStringLiteral("srv-001/slot1"));
    QCOMPARE(hca->removedCables, 1);
    for (const iov::FailureClass &c : hca->classes)
        QCOMPARE(c.serversWithoutPath, cutOff);
}

void TestWhatIf::switchFailureOfDualHomedGigeFc()
{
    // Figure 4's design: LAN ports 1-2 to switch a, 3-4 to switch b; one HBA per SAN fabric.
    const iov::FailureReport report = iov::failures(scenario(QStringLiteral("GigE+FC")), example().catalog);
    for (const QString &sw : { QStringLiteral("lan-1a"), QStringLiteral("fc-1a") }) {
        const iov::FailureCase *f = failureOf(report, iov::FailureKind::Switch, sw);
        QVERIFY(f != nullptr);
        for (const iov::FailureClass &c : f->classes)
            QCOMPARE(c.serversWithoutPath, 0);
    }
    QVERIFY(failureOf(report, iov::FailureKind::Hca, {}) == nullptr); // no InfiniBand adapter to fail
}

void TestWhatIf::failureCasesCoverEveryElement()
{
    const iov::FailureReport report = iov::failures(scenario(QStringLiteral("IB software IOV")), example().catalog);
    // 6 gateways, no switches, 6 × (6 LAN + 2 SAN) uplinks, one HCA.
    QCOMPARE(report.failures.size(), std::size_t(6 + 48 + 1));
    const iov::FailureReport gige = iov::failures(scenario(QStringLiteral("GigE+FC")), example().catalog);
    // 32 switches, 8 racks × (4 LAN + 4 SAN) uplinks.
    QCOMPARE(gige.failures.size(), std::size_t(32 + 64));
}

QTEST_GUILESS_MAIN(TestWhatIf)
#include "tst_whatif.moc"
