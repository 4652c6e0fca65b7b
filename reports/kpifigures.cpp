#include "kpifigures.h"

#include "reports/figureformat.h"

#include <QHash>

#include <algorithm>
#include <cmath>

namespace iovplan::reports {

using reports::formatLatency;
using reports::formatNumber;
using reports::formatUsd;
using reports::formatWatts;

namespace {

// VMs per server of each group (a group may run several profiles).
QHash<QString, int> vmsPerServerOfGroup(const design::Scenario &scenario)
{
    QHash<QString, int> vms;
    for (const design::VmProfile &p : scenario.workload.profiles)
        vms[p.serverGroup] += std::max(0, p.vmsPerServer);
    return vms;
}

int largestVmsPerServer(const design::Scenario &scenario)
{
    int most = 0;
    const QHash<QString, int> vms = vmsPerServerOfGroup(scenario);
    for (const int n : vms)
        most = std::max(most, n);
    return most;
}

// "$0.10" for whole cents, "$0.125" for finer tariffs (formatUsd would round them to the cent).
QString pricePerKwh(double usd)
{
    const double cents = usd * 100.0;
    return std::abs(cents - std::round(cents)) < 1e-9 ? formatUsd(usd) : QStringLiteral("$") + formatNumber(usd, 4);
}

QString percent(double fraction)
{
    return formatNumber(100.0 * fraction, 1) + QStringLiteral(" %");
}

KpiFigure purchaseTile(const cost::CostFigures &c)
{
    return { QStringLiteral("purchase"), QStringLiteral("Purchase cost"), formatUsd(c.purchase),
             QStringLiteral("I/O only %1").arg(formatUsd(c.ioPurchase)),
             QStringLiteral("List price of every BOM line. I/O = adapters, switching, gateways, cabling; "
                            "the total adds the servers and storage the design prices."),
             false };
}

KpiFigure tcoTile(const cost::CostFigures &c, const design::Assumptions &a)
{
    return { QStringLiteral("tco"), QStringLiteral("TCO, %1 years").arg(c.years), formatUsd(c.tcoUsd),
             QStringLiteral("I/O only %1").arg(formatUsd(c.ioTcoUsd)),
             QStringLiteral("Purchase + %1 years of maintenance and energy (typical watts × 8,760 h × PUE %2 × %3/kWh).")
                 .arg(c.years)
                 .arg(formatNumber(a.pue, 2), pricePerKwh(a.electricityUsdPerKwh)),
             false };
}

KpiFigure wattsTile(const cost::PowerRollup &p)
{
    return { QStringLiteral("watts"), QStringLiteral("Power, typical"), formatWatts(p.typicalW()),
             QStringLiteral("I/O %1, adapters %2").arg(formatWatts(p.ioTypicalW), formatWatts(p.adapterTypicalW)),
             QStringLiteral("Each item's typical draw: servers, I/O and storage. I/O = adapters, switching, gateways, "
                            "cabling; \"adapters\" counts the adapters inside the servers alone (the white "
                            "paper's Table 1 basis)."),
             false };
}

QString lanPeak(const iov::PerformanceMetrics &perf)
{
    for (const iov::ClassMetrics &c : perf.classes) {
        if (c.traffic == iov::TrafficClass::Lan)
            return QStringLiteral("lan, one VM: %1").arg(reports::formatMegabytesPerS(c.peakVmBytesPerS));
    }
    return {};
}

KpiFigure throughputTile(const design::Scenario &scenario, const iov::PerformanceMetrics &perf)
{
    KpiFigure tile { QStringLiteral("throughput"), QStringLiteral("Throughput per VM"), {}, lanPeak(perf), {}, false };
    const double slaBytes = scenario.workload.sla.throughputBytesPerS;
    const QString sla = slaBytes > 0.0 ? QStringLiteral(" SLA: at least %1 per VM.").arg(reports::formatMegabytesPerS(slaBytes))
                                       : QStringLiteral(" The SLA sets no throughput target.");
    tile.caption = QStringLiteral("Carried bytes/s per VM, all classes, one direction, over %1 VMs.")
                       .arg(formatNumber(totalVms(scenario)))
                   + sla;
    if (perf.saturated) {
        tile.value = saturatedText(perf);
        tile.alert = true;
        return tile;
    }
    const double perVm = carriedBytesPerVm(scenario, perf);
    tile.value = reports::formatMegabytesPerS(perVm);
    tile.alert = slaBytes > 0.0 && perVm < slaBytes;
    return tile;
}

KpiFigure p99Tile(const design::Scenario &scenario, const iov::PerformanceMetrics &perf)
{
    const double sla = scenario.workload.sla.latencyS;
    KpiFigure tile { QStringLiteral("p99"), QStringLiteral("p99 latency"), {}, {},
                     QStringLiteral("Worst 99th-percentile latency of the lan, san and ipc classes at the offered "
                                    "load (migration is a background copy). SLA: %1.")
                         .arg(formatLatency(sla)),
                     false };
    if (perf.saturated) {
        tile.value = saturatedText(perf);
        tile.detail = QStringLiteral("bottleneck: %1").arg(perf.bottleneck);
        tile.alert = true;
        return tile;
    }
    const std::optional<double> worst = worstInteractiveP99(perf);
    if (!worst) {
        tile.value = QStringLiteral("—");
        tile.detail = QStringLiteral("no interactive traffic");
        return tile;
    }
    tile.value = formatLatency(*worst);
    tile.alert = *worst > sla;
    tile.detail = tile.alert ? QStringLiteral("misses %1 SLA by %2").arg(formatLatency(sla), formatLatency(*worst - sla))
                             : QStringLiteral("within %1 SLA").arg(formatLatency(sla));
    return tile;
}

KpiFigure headroomTile(const iov::PerformanceMetrics &perf)
{
    KpiFigure tile { QStringLiteral("headroom"), QStringLiteral("CPU headroom"), {}, {},
                     QStringLiteral("1 − mean CPU utilization over all servers (VM work and I/O) at the offered load."),
                     false };
    if (perf.saturated) {
        tile.value = saturatedText(perf);
        tile.detail = QStringLiteral("bottleneck: %1").arg(perf.bottleneck);
        tile.alert = true;
        return tile;
    }
    tile.value = percent(perf.cpuHeadroom);
    tile.detail = QStringLiteral("I/O: %1 of busy CPU").arg(percent(perf.ioCpuShare));
    return tile;
}

KpiFigure maxVmsTile(const design::Scenario &scenario, const iov::PerformanceMetrics &perf)
{
    const int now = largestVmsPerServer(scenario);
    return { QStringLiteral("max-vms"), QStringLiteral("Max VMs per server"), QString::number(perf.maxVmsPerServer),
             QStringLiteral("now %1 per server").arg(now),
             QStringLiteral("Most VMs per server with nothing saturated, every interactive p99 within the SLA "
                            "latency and each VM offered the SLA throughput (capacity search)."),
             perf.maxVmsPerServer < now };
}

} // namespace

const KpiFigure *KpiFigures::tile(const QString &id) const
{
    const auto found = std::find_if(tiles.begin(), tiles.end(), [&](const KpiFigure &t) { return t.id == id; });
    return found != tiles.end() ? &*found : nullptr;
}

KpiFigures kpiFigures(const design::Scenario &scenario, const iov::ScenarioMetrics &metrics)
{
    const iov::PerformanceMetrics &perf = metrics.performance;
    KpiFigures figures;
    figures.tiles = { purchaseTile(metrics.rollup.cost),
                      tcoTile(metrics.rollup.cost, scenario.assumptions),
                      wattsTile(metrics.rollup.power),
                      throughputTile(scenario, perf),
                      p99Tile(scenario, perf),
                      headroomTile(perf),
                      maxVmsTile(scenario, perf) };
    return figures;
}

QString saturatedText(const iov::PerformanceMetrics &performance)
{
    if (performance.maxLoadScale && std::isfinite(*performance.maxLoadScale))
        return QStringLiteral("Saturated at %1× load").arg(formatNumber(*performance.maxLoadScale, 2));
    return QStringLiteral("Saturated");
}

int totalVms(const design::Scenario &scenario)
{
    const QHash<QString, int> vms = vmsPerServerOfGroup(scenario);
    int total = 0;
    for (const design::Server &s : scenario.design.servers)
        total += vms.value(s.group, 0);
    return total;
}

std::optional<double> worstInteractiveP99(const iov::PerformanceMetrics &performance)
{
    std::optional<double> worst;
    for (const iov::ClassMetrics &c : performance.classes) {
        if (c.traffic == iov::TrafficClass::Migration || !c.p99LatencyS || !std::isfinite(*c.p99LatencyS))
            continue;
        worst = std::max(worst.value_or(0.0), *c.p99LatencyS);
    }
    return worst;
}

double carriedBytesPerVm(const design::Scenario &scenario, const iov::PerformanceMetrics &performance)
{
    const int vms = totalVms(scenario);
    if (vms <= 0)
        return 0.0;
    double carried = 0.0;
    for (const iov::ClassMetrics &c : performance.classes)
        carried += c.throughputBytesPerS;
    return carried / vms;
}

} // namespace iovplan::reports
