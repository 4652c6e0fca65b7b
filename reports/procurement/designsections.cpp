// One scenario's performance, rack elevations, problems and assumptions.
#include "reportcontext.h"

#include "model/iov/iovmodes.h"
#include "reports/charts/chartpainter.h"
#include "reports/charts/scenariocharts.h"
#include "reports/figureformat.h"
#include "reports/kpifigures.h"
#include "reports/rack/rackelevation.h"

#include <algorithm>
#include <memory>

namespace iovplan::reports::procurement {

namespace {

QString yesNo(bool value)
{
    return value ? QStringLiteral("yes") : QStringLiteral("no");
}

QString share(double fraction)
{
    return formatNumber(100.0 * fraction, 1) + QStringLiteral(" %");
}

QString latencyOrState(const iov::ClassMetrics &c, const std::optional<double> &seconds)
{
    if (c.saturated)
        return QStringLiteral("saturated");
    return seconds ? formatLatency(*seconds) : QStringLiteral("—");
}

ReportTable throughputTable(const iov::PerformanceMetrics &performance)
{
    ReportTable table;
    table.columns = { { QStringLiteral("Class"), Qt::AlignLeft, 0.9 },
                      { QStringLiteral("Transport"), Qt::AlignLeft, 0.9 },
                      { QStringLiteral("Offered"), Qt::AlignRight, 1.1 },
                      { QStringLiteral("Carried"), Qt::AlignRight, 1.1 },
                      { QStringLiteral("Peak, one VM"), Qt::AlignRight, 1.1 },
                      { QStringLiteral("Peak, one server"), Qt::AlignRight, 1.2 } };
    for (const iov::ClassMetrics &c : performance.classes)
        table.rows.push_back({ { iov::trafficClassName(c.traffic), iov::transportName(c.transport),
                                 formatMegabytesPerS(c.offeredBytesPerS), formatMegabytesPerS(c.throughputBytesPerS),
                                 formatMegabytesPerS(c.peakVmBytesPerS), formatMegabytesPerS(c.peakServerBytesPerS) },
                               RowStyle::Normal, c.saturated });
    table.caption = QStringLiteral("Payload in one direction, decimal MB/s, all servers together unless stated. Peak, one VM: one VM "
                                   "alone driving the class to its bottleneck (a 64 KiB message; the profile's block for san). "
                                   "Marked rows saturate.");
    return table;
}

ReportTable latencyTable(const design::Scenario &scenario, const iov::PerformanceMetrics &performance)
{
    ReportTable table;
    table.columns = { { QStringLiteral("Class"), Qt::AlignLeft, 0.9 },
                      { QStringLiteral("Unloaded"), Qt::AlignRight, 1.0 },
                      { QStringLiteral("Mean"), Qt::AlignRight, 1.0 },
                      { QStringLiteral("p99"), Qt::AlignRight, 1.0 },
                      { QStringLiteral("Bottleneck"), Qt::AlignLeft, 2.6 } };
    const double sla = scenario.workload.sla.latencyS;
    for (const iov::ClassMetrics &c : performance.classes) {
        const bool missed = c.saturated
            || (c.traffic != iov::TrafficClass::Migration && c.p99LatencyS && *c.p99LatencyS > sla);
        table.rows.push_back({ { iov::trafficClassName(c.traffic), formatLatency(c.unloadedLatencyS), latencyOrState(c, c.latencyS),
                                 latencyOrState(c, c.p99LatencyS), c.bottleneck },
                               RowStyle::Normal, missed });
    }
    table.caption = QStringLiteral("Latency per message at the offered load (unloaded: a 64-byte message, 4 KiB for san, at zero "
                                   "load). The SLA bounds the p99 of lan, san and ipc at %1; marked rows miss it or saturate.")
                        .arg(formatLatency(sla));
    return table;
}

void addPerformance(ReportDocument &document, const EvaluatedScenario &e)
{
    const iov::PerformanceMetrics &performance = e.metrics.performance;
    document.addHeading(2, reportSectionTitle(ReportSection::Performance));
    std::vector<std::pair<QString, QString>> kpis;
    for (const KpiFigure &tile : kpiFigures(e.scenario, e.metrics).tiles)
        kpis.push_back({ tile.title, tile.detail.isEmpty() ? tile.value : QStringLiteral("%1 (%2)").arg(tile.value, tile.detail) });
    document.addKeyValues(kpis);
    if (performance.classes.empty()) {
        document.addParagraph(QStringLiteral("The workload offers no traffic: there is nothing to carry."), ParagraphStyle::Note);
    } else {
        document.addHeading(3, QStringLiteral("Throughput"));
        document.addTable(throughputTable(performance));
        document.addHeading(3, QStringLiteral("Latency"));
        document.addTable(latencyTable(e.scenario, performance));
    }

    document.addHeading(3, QStringLiteral("CPU and capacity"));
    std::vector<std::pair<QString, QString>> cpu {
        { QStringLiteral("CPU utilization"), share(performance.cpuUtilization) },
        { QStringLiteral("CPU headroom"), share(performance.cpuHeadroom) },
        { QStringLiteral("Share of busy CPU spent on I/O"), share(performance.ioCpuShare) },
        { QStringLiteral("Max VMs per server within the SLA"), formatNumber(performance.maxVmsPerServer) },
        { QStringLiteral("Offered load can grow by"),
          performance.maxLoadScale ? QStringLiteral("×") + formatNumber(*performance.maxLoadScale, 2) : QStringLiteral("—") },
        { QStringLiteral("Bottleneck"), performance.bottleneck.isEmpty() ? QStringLiteral("—") : performance.bottleneck },
        { QStringLiteral("Live migration"), yesNo(performance.properties.liveMigration) },
        { QStringLiteral("Legacy I/O drivers in the VM"), yesNo(performance.properties.legacyIoInVm) },
        { QStringLiteral("Transparent to management"), yesNo(performance.properties.managementTransparency) },
    };
    if (performance.saturated)
        cpu.insert(cpu.begin(), { QStringLiteral("State"), saturatedText(performance) });
    document.addKeyValues(cpu);

    if (!performance.stations.empty()) {
        std::vector<iov::StationMetrics> busiest = performance.stations;
        std::stable_sort(busiest.begin(), busiest.end(),
                         [](const iov::StationMetrics &a, const iov::StationMetrics &b) { return a.utilization > b.utilization; });
        busiest.resize(std::min<std::size_t>(busiest.size(), 10));
        ReportTable stations;
        stations.columns = { { QStringLiteral("Station"), Qt::AlignLeft, 4.0 }, { QStringLiteral("Utilization"), Qt::AlignRight, 1.0 } };
        for (const iov::StationMetrics &s : busiest)
            stations.rows.push_back({ { s.name, share(s.utilization) }, RowStyle::Normal, s.name == performance.bottleneck });
        stations.caption = QStringLiteral("The %1 busiest of %2 stations of the solved queueing network; the bottleneck is marked.")
                               .arg(busiest.size())
                               .arg(performance.stations.size());
        document.addHeading(3, QStringLiteral("Busiest stations"));
        document.addTable(stations);
    }
    if (!performance.oversubscription.empty()) {
        // The most oversubscribed first; a design with one uplink per rack would otherwise list dozens of
        // equal rows.
        std::vector<iov::Oversubscription> worst = performance.oversubscription;
        std::stable_sort(worst.begin(), worst.end(), [](const iov::Oversubscription &a, const iov::Oversubscription &b) {
            return a.ratio != b.ratio ? a.ratio > b.ratio : a.utilization > b.utilization;
        });
        worst.resize(std::min<std::size_t>(worst.size(), 10));
        ReportTable over;
        over.columns = { { QStringLiteral("Shared station"), Qt::AlignLeft, 3.0 },
                         { QStringLiteral("Oversubscription"), Qt::AlignRight, 1.2 },
                         { QStringLiteral("Utilization"), Qt::AlignRight, 1.0 } };
        for (const iov::Oversubscription &o : worst)
            over.rows.push_back({ { o.station, QStringLiteral("%1 : 1").arg(formatNumber(o.ratio, 2)), share(o.utilization) },
                                  RowStyle::Normal, o.utilization >= 1.0 });
        over.caption = QStringLiteral("Sum of the line rates of the server ports behind a shared station over its capacity; the %1 "
                                      "most oversubscribed of %2 shared stations.")
                           .arg(worst.size())
                           .arg(performance.oversubscription.size());
        document.addHeading(3, QStringLiteral("Oversubscription"));
        document.addTable(over);
    }
    addScenarioCharts(document, e, { QStringLiteral("p99-vs-load"), QStringLiteral("busiest-stations") });
}

void addRacks(ReportDocument &document, const ReportContext &context, const EvaluatedScenario &e)
{
    document.addHeading(2, reportSectionTitle(ReportSection::Racks));
    const auto figures = rackElevationFigures(e.scenario, context.project.catalog, 4);
    if (figures.empty())
        document.addParagraph(QStringLiteral("The design has no racks."), ParagraphStyle::Note);
    for (const auto &figure : figures)
        document.addFigure(figure, QStringLiteral("Front elevation: %1").arg(figure->rackIds().join(QStringLiteral(", "))));
    if (!figures.empty())
        document.addFigure(std::make_shared<RackLegendFigure>(), QString());
    const QStringList unracked = unrackedDevices(e.scenario);
    if (!unracked.isEmpty())
        document.addParagraph(QStringLiteral("Not placed in a rack: %1.").arg(unracked.join(QStringLiteral(", "))), ParagraphStyle::Alert);
}

void addProblems(ReportDocument &document, const EvaluatedScenario &e)
{
    const std::vector<design::Problem> &problems = e.metrics.problems;
    if (problems.empty())
        return;
    document.addHeading(2, reportSectionTitle(ReportSection::Problems));
    const auto errors = std::count_if(problems.begin(), problems.end(),
                                      [](const design::Problem &p) { return p.severity == design::Severity::Error; });
    document.addParagraph(errors > 0
                              ? QStringLiteral("%1 error(s) and %2 warning(s). Errors mean the design cannot be built as drawn: "
                                               "the figures above describe it as drawn and are not a basis for purchase.")
                                    .arg(errors)
                                    .arg(qsizetype(problems.size()) - errors)
                              : QStringLiteral("%1 warning(s): worth a look; the figures stand.").arg(problems.size()),
                          errors > 0 ? ParagraphStyle::Alert : ParagraphStyle::Body);
    ReportTable table;
    table.columns = { { QStringLiteral("Severity"), Qt::AlignLeft, 0.8 },
                      { QStringLiteral("Object"), Qt::AlignLeft, 1.2 },
                      { QStringLiteral("Problem"), Qt::AlignLeft, 4.5 } };
    for (const design::Problem &p : problems)
        table.rows.push_back({ { design::severityName(p.severity), p.object.isEmpty() ? QStringLiteral("—") : p.object, p.message },
                               RowStyle::Normal, p.severity == design::Severity::Error });
    document.addTable(table);
}

void addAssumptions(ReportDocument &document, const EvaluatedScenario &e)
{
    const design::Scenario &s = e.scenario;
    const design::Assumptions &a = s.assumptions;
    document.addHeading(2, reportSectionTitle(ReportSection::Assumptions));
    document.addKeyValues({
        { QStringLiteral("IOV mode"), design::iovModeName(s.iovMode) },
        { QStringLiteral("Electricity price"), QStringLiteral("%1 per kWh").arg(formatUsd(a.electricityUsdPerKwh)) },
        { QStringLiteral("PUE"), formatNumber(a.pue, 2) },
        { QStringLiteral("TCO horizon"), QStringLiteral("%1 years").arg(a.years) },
        { QStringLiteral("Maintenance"), a.maintenancePctOverride
              ? QStringLiteral("%1 % of list per year on every item (scenario override)").arg(formatNumber(*a.maintenancePctOverride, 2))
              : QStringLiteral("each item's own figure (see Sources)") },
        { QStringLiteral("High availability"), a.haDualHoming ? QStringLiteral("every server connected twice")
                                                               : QStringLiteral("single-homed servers") },
        { QStringLiteral("SLA: p99 latency"), formatLatency(s.workload.sla.latencyS) },
        { QStringLiteral("SLA: throughput"), s.workload.sla.throughputBytesPerS > 0.0
              ? formatMegabytesPerS(s.workload.sla.throughputBytesPerS) : QStringLiteral("none") },
    });
    if (s.workload.profiles.empty())
        return;
    ReportTable table;
    table.columns = { { QStringLiteral("VM profile"), Qt::AlignLeft, 1.4 },
                      { QStringLiteral("Group"), Qt::AlignLeft, 0.9 },
                      { QStringLiteral("VMs per server"), Qt::AlignRight, 0.9 },
                      { QStringLiteral("vCPUs"), Qt::AlignRight, 0.7 },
                      { QStringLiteral("Network"), Qt::AlignRight, 1.0 },
                      { QStringLiteral("Storage"), Qt::AlignRight, 1.0 },
                      { QStringLiteral("IOPS"), Qt::AlignRight, 0.8 },
                      { QStringLiteral("IPC"), Qt::AlignRight, 1.0 },
                      { QStringLiteral("vCPU busy"), Qt::AlignRight, 0.8 } };
    for (const design::VmProfile &p : s.workload.profiles)
        table.rows.push_back({ { p.name, p.serverGroup, formatNumber(p.vmsPerServer), formatNumber(p.vcpus),
                                 formatMegabytesPerS(p.networkBytesPerS), formatMegabytesPerS(p.storageBytesPerS),
                                 formatNumber(p.iops), formatMegabytesPerS(p.ipcBytesPerS), share(p.vcpuUtilization) },
                               RowStyle::Normal, false });
    table.caption = QStringLiteral("Per VM. The workload is the user's statement of what the VMs do; the model carries it over the "
                                   "design (Model notes).");
    document.addTable(table);
}

} // namespace

void addScenarioCharts(ReportDocument &document, const EvaluatedScenario &e, const QStringList &ids, double widthShare)
{
    for (Chart &chart : scenarioCharts(e.scenario, e.metrics, e.curve)) {
        if (!ids.contains(chart.id))
            continue;
        const QString caption = QStringLiteral("%1, %2").arg(chart.title, e.scenario.name);
        document.addFigure(std::make_shared<ChartFigure>(std::move(chart)), caption, widthShare);
    }
}

void addDesignSections(ReportDocument &document, const ReportContext &context, const EvaluatedScenario &scenario)
{
    if (context.options.includes(ReportSection::Performance))
        addPerformance(document, scenario);
    if (context.options.includes(ReportSection::Racks))
        addRacks(document, context, scenario);
    if (context.options.includes(ReportSection::Problems))
        addProblems(document, scenario);
    if (context.options.includes(ReportSection::Assumptions))
        addAssumptions(document, scenario);
}

} // namespace iovplan::reports::procurement
