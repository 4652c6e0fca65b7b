// The performance model's mechanics: aggregation exactness, load behaviour, saturation, problems for bad
// designs, Table 3 properties, and a hand-checked single-server case.
#include "iovtesthelpers.h"

#include "model/io/evaluationjson.h"
#include "model/iov/linkrates.h"
#include "model/iov/whatifedits.h"

#include <QJsonDocument>
#include <QTest>

using namespace iovplan;
using namespace iovplan::iov;
using iovplan::testing::exampleScenario;
using iovplan::testing::trafficClass;

namespace {

PerformanceMetrics evaluate(const design::Scenario &scenario, bool aggregate = true)
{
    PerformanceOptions options;
    options.capacitySearch = false;
    options.aggregate = aggregate;
    return evaluatePerformance(scenario, testing::ciovExample().catalog, options);
}

bool relativelyEqual(double a, double b, double tolerance = 1e-9)
{
    return qAbs(a - b) <= tolerance * std::max({ 1e-300, qAbs(a), qAbs(b) });
}

} // namespace

class TestPerformanceModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aggregationEqualsOneStationSetPerServer_data();
    void aggregationEqualsOneStationSetPerServer();
    void latencyAndCpuGrowWithLoad();
    void saturationIsNamedWithTheSustainableLoad();
    void saturatedEvaluationWritesNoNaN();
    void unsupportedModeIsAProblemNamingTheAdapter();
    void missingCpuFiguresAreAProblemNamingTheServerItem();
    void endpointsCapTheVmsPerServer();
    void storageArrayIsTheSanBackEnd();
    void tableThreeProperties_data();
    void tableThreeProperties();
    void oversubscriptionOfTheGateways();
    void softwareIovChargesTheHypervisorOnTheHostCpu();
};

void TestPerformanceModel::aggregationEqualsOneStationSetPerServer_data()
{
    QTest::addColumn<QString>("scenario");
    for (const design::Scenario &s : testing::ciovExample().scenarios)
        QTest::newRow(qPrintable(s.name)) << s.name;
}

void TestPerformanceModel::aggregationEqualsOneStationSetPerServer()
{
    // Issue 4: "Servers with the same configuration may be aggregated, but results must equal the
    // unaggregated network." Open product form: exact to rounding (1e-9 relative).
    QFETCH(QString, scenario);
    const design::Scenario s = exampleScenario(scenario);
    const PerformanceMetrics together = evaluate(s, true);
    const PerformanceMetrics apart = evaluate(s, false);
    QVERIFY(together.networkStations < apart.networkStations);
    QCOMPARE(together.classes.size(), apart.classes.size());
    for (std::size_t c = 0; c < together.classes.size(); ++c) {
        const ClassMetrics &a = together.classes[c];
        const ClassMetrics &b = apart.classes[c];
        QVERIFY(relativelyEqual(a.throughputBytesPerS, b.throughputBytesPerS));
        QVERIFY(relativelyEqual(*a.latencyS, *b.latencyS));
        QVERIFY(relativelyEqual(*a.p99LatencyS, *b.p99LatencyS));
        QVERIFY(relativelyEqual(a.peakVmBytesPerS, b.peakVmBytesPerS));
    }
    QVERIFY(relativelyEqual(together.cpuUtilization, apart.cpuUtilization));
    QVERIFY(relativelyEqual(together.ioCpuShare, apart.ioCpuShare));
    QVERIFY(relativelyEqual(*together.maxLoadScale, *apart.maxLoadScale));
}

void TestPerformanceModel::latencyAndCpuGrowWithLoad()
{
    design::Scenario s = exampleScenario(QStringLiteral("IB software IOV"));
    double lastLatency = 0.0;
    double lastCpu = 0.0;
    for (const double factor : { 0.25, 0.5, 1.0, 1.5 }) {
        design::Scenario scaled = s;
        scaleLoad(scaled.workload, factor);
        const PerformanceMetrics m = evaluate(scaled);
        QVERIFY(!m.saturated);
        const double latency = *trafficClass(m, TrafficClass::Ipc).latencyS;
        QVERIFY(latency > lastLatency);
        QVERIFY(m.cpuUtilization > lastCpu);
        lastLatency = latency;
        lastCpu = m.cpuUtilization;
    }
}

void TestPerformanceModel::saturationIsNamedWithTheSustainableLoad()
{
    // Ten times the example's LAN load overruns the gateways' six GigE ports (21-22 servers behind each).
    design::Scenario s = exampleScenario(QStringLiteral("IB native IOV"));
    for (design::VmProfile &p : s.workload.profiles)
        p.networkBytesPerS *= 10.0;
    const PerformanceMetrics m = evaluate(s);
    QVERIFY(m.saturated);
    QVERIFY2(m.bottleneck.startsWith(QStringLiteral("gateway/")) && m.bottleneck.endsWith(QStringLiteral("/ethernet")),
             qPrintable(m.bottleneck));
    QVERIFY(m.maxLoadScale && *m.maxLoadScale < 1.0 && *m.maxLoadScale > 0.0);
    const ClassMetrics &lan = trafficClass(m, TrafficClass::Lan);
    QVERIFY(lan.saturated);
    QVERIFY(!lan.latencyS);
    QVERIFY(qAbs(lan.throughputBytesPerS - lan.offeredBytesPerS * *m.maxLoadScale) <= 1e-6 * lan.offeredBytesPerS);
    QVERIFY(std::any_of(m.problems.begin(), m.problems.end(),
                        [&](const design::Problem &p) { return p.object == m.bottleneck; }));
}

void TestPerformanceModel::saturatedEvaluationWritesNoNaN()
{
    design::Project project = testing::ciovExample();
    for (design::Scenario &s : project.scenarios)
        scaleLoad(s.workload, 50.0);
    const QByteArray json = QJsonDocument(io::evaluationJson(project)).toJson();
    // A number field that went wrong would read ": nan", ": inf" or ": -inf" (key names may contain "nan").
    for (const char *bad : { ": nan", ": inf", ": -inf", ": NaN", ": Infinity" })
        QVERIFY2(!json.contains(bad), bad);
    QVERIFY(json.contains("\"saturated\": true"));
    QVERIFY(json.contains("\"latency_s\": null"));
}

void TestPerformanceModel::unsupportedModeIsAProblemNamingTheAdapter()
{
    // The Intel PRO/1000 PT lists software and bare-metal only; native IOV needs adapter support.
    design::Scenario s = exampleScenario(QStringLiteral("GigE+FC"));
    s.iovMode = design::IovMode::Native;
    const PerformanceMetrics m = evaluate(s);
    const auto found = std::find_if(m.problems.begin(), m.problems.end(), [](const design::Problem &p) {
        return p.severity == design::Severity::Error && p.object == u"intel-pro1000-pt-quad"
            && p.message.contains(QStringLiteral("does not support native IOV"));
    });
    QVERIFY(found != m.problems.end());
    QVERIFY(!m.classes.empty()); // still evaluated
}

void TestPerformanceModel::missingCpuFiguresAreAProblemNamingTheServerItem()
{
    design::PinnedCatalog catalog = testing::ciovExample().catalog;
    auto &specs = catalog[QStringLiteral("hp-proliant-dl380-g5")].specs;
    specs.erase(std::remove_if(specs.begin(), specs.end(), [](const design::PinnedSpec &sp) { return sp.field == u"ghz"; }),
                specs.end());
    PerformanceOptions options;
    options.capacitySearch = false;
    const PerformanceMetrics m = evaluatePerformance(exampleScenario(QStringLiteral("GigE+FC")), catalog, options);
    QVERIFY(std::any_of(m.problems.begin(), m.problems.end(), [](const design::Problem &p) {
        return p.object == u"hp-proliant-dl380-g5" && p.message.contains(QStringLiteral("GHz"));
    }));
}

void TestPerformanceModel::endpointsCapTheVmsPerServer()
{
    // Native IOV gives each VM its own CIOV end point: the MHGA28-XTC's 64 (catalog) cap the VMs per server.
    design::Scenario s = exampleScenario(QStringLiteral("IB native IOV"));
    for (design::VmProfile &p : s.workload.profiles) {
        p.vmsPerServer = 100;
        p.vcpuUtilization = 0.0;
        p.networkBytesPerS = p.ipcBytesPerS = p.storageBytesPerS = p.iops = p.migrationBytesPerS = 1000.0;
    }
    const PerformanceMetrics crowded = evaluate(s);
    QVERIFY(std::any_of(crowded.problems.begin(), crowded.problems.end(), [](const design::Problem &p) {
        return p.severity == design::Severity::Error && p.object == u"mellanox-mhga28-xtc"
            && p.message.contains(QStringLiteral("offers 64 CIOV end points"));
    }));
    PerformanceOptions search;
    const PerformanceMetrics searched = evaluatePerformance(s, testing::ciovExample().catalog, search);
    QCOMPARE(searched.maxVmsPerServer, 64); // the load is tiny: only the end points limit
    // Software IOV multiplexes the adapter in the hypervisor: no such cap.
    s.iovMode = design::IovMode::Software;
    QVERIFY(evaluatePerformance(s, testing::ciovExample().catalog, search).maxVmsPerServer > 64);
}

void TestPerformanceModel::storageArrayIsTheSanBackEnd()
{
    // An SRP array on the InfiniBand fabric: san I/Os end there instead of leaving by the gateways' FC
    // modules. Its 20,000 IO/s (catalog) cannot serve 128 servers x 10 VMs x 50 IO/s = 64,000 IO/s.
    design::Scenario s = exampleScenario(QStringLiteral("IB native IOV"));
    s.design.racks.push_back({ QStringLiteral("rack-9"), QStringLiteral("Rack 9"), 42 });
    s.design.storage.push_back({ QStringLiteral("array-1"), QStringLiteral("SRP array"),
                                 QStringLiteral("generic-ib-srp-array-2007"), QStringLiteral("rack-9"), 1, QStringLiteral("ib") });
    PerformanceOptions options;
    options.capacitySearch = false;
    const design::PinnedCatalog catalog = testing::catalogWith({ QStringLiteral("generic-ib-srp-array-2007") });
    const PerformanceMetrics m = evaluatePerformance(s, catalog, options);
    QVERIFY(m.saturated);
    QCOMPARE(m.bottleneck, QStringLiteral("storage/array-1"));
    QVERIFY(relativelyEqual(*m.maxLoadScale, 20000.0 / 64000.0));
    for (const StationMetrics &st : m.stations) {
        if (st.name.endsWith(QStringLiteral("/fc")))
            QCOMPARE(st.utilization, 0.0); // the FC modules carry nothing now
    }
    // One VM alone: 16,000-byte I/Os (0.8 MB/s over 50 IO/s) at the array's 20,000 IO/s = 320 MB/s.
    QVERIFY(relativelyEqual(trafficClass(m, TrafficClass::San).peakVmBytesPerS, 320e6));
    // A tenth of the I/O rate fits: 6,400 IO/s on 20,000.
    for (design::VmProfile &p : s.workload.profiles) {
        p.storageBytesPerS /= 10.0;
        p.iops /= 10.0;
    }
    const PerformanceMetrics light = evaluatePerformance(s, catalog, options);
    QVERIFY(!light.saturated);
    const auto array = std::find_if(light.stations.begin(), light.stations.end(),
                                    [](const StationMetrics &st) { return st.name == u"storage/array-1"; });
    QVERIFY(array != light.stations.end());
    QVERIFY(relativelyEqual(array->utilization, 6400.0 / 20000.0));
}

void TestPerformanceModel::tableThreeProperties_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<bool>("liveMigration");
    QTest::addColumn<bool>("legacyIo");
    QTest::addColumn<bool>("transparent");
    // reference-data.md §1 (white paper Table 3): software IOV keeps live migration, legacy I/O in the VM and
    // management transparency; native IOV needs a restart to migrate, new guest drivers, not transparent.
    QTest::newRow("ciov-whitepaper.txt Table 3: software") << int(design::IovMode::Software) << true << true << true;
    QTest::newRow("ciov-whitepaper.txt Table 3: native") << int(design::IovMode::Native) << false << false << false;
    QTest::newRow("passthrough: no live migration (issue 4)") << int(design::IovMode::Passthrough) << false << false << false;
}

void TestPerformanceModel::tableThreeProperties()
{
    QFETCH(int, mode);
    QFETCH(bool, liveMigration);
    QFETCH(bool, legacyIo);
    QFETCH(bool, transparent);
    const ModeProperties p = iovModeModel(static_cast<design::IovMode>(mode)).properties();
    QCOMPARE(p.liveMigration, liveMigration);
    QCOMPARE(p.legacyIoInVm, legacyIo);
    QCOMPARE(p.managementTransparency, transparent);
}

void TestPerformanceModel::oversubscriptionOfTheGateways()
{
    // gw-1a serves 22 servers: 22 DDR HCA ports (16 Gb/s data each, 98.7 %) behind 6 GigE ports (94.1 %).
    const PerformanceMetrics m = evaluate(exampleScenario(QStringLiteral("IB software IOV")));
    const auto found = std::find_if(m.oversubscription.begin(), m.oversubscription.end(),
                                    [](const Oversubscription &o) { return o.station == u"gateway/gw-1a/ethernet"; });
    QVERIFY(found != m.oversubscription.end());
    const double expected = 22 * *usablePortBytesPerS(QStringLiteral("infiniband"), 20.0)
        / (6 * *usablePortBytesPerS(QStringLiteral("ethernet"), 1.0));
    QVERIFY(relativelyEqual(found->ratio, expected));
}

void TestPerformanceModel::softwareIovChargesTheHypervisorOnTheHostCpu()
{
    // The same design and load: software IOV puts the hypervisor's switch and SCSI layers on the host CPU.
    const PerformanceMetrics software = evaluate(exampleScenario(QStringLiteral("IB software IOV")));
    const PerformanceMetrics native = evaluate(exampleScenario(QStringLiteral("IB native IOV")));
    QVERIFY(software.cpuUtilization > native.cpuUtilization);
    QVERIFY(software.ioCpuShare > native.ioCpuShare);
    QVERIFY(trafficClass(software, TrafficClass::Ipc).unloadedLatencyS > trafficClass(native, TrafficClass::Ipc).unloadedLatencyS);
    // Hand check of the VMs' own load: 10 VMs x 1 vCPU x 30 % on 8 cores = 0.375 of the CPU, plus I/O.
    QVERIFY(native.cpuUtilization > 0.375);
    QVERIFY(qAbs(native.cpuUtilization * (1.0 - native.ioCpuShare) - 0.375) < 1e-9);
}

QTEST_GUILESS_MAIN(TestPerformanceModel)
#include "tst_performancemodel.moc"
