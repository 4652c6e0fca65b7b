#include "evaluationtable.h"

#include "figureformat.h"

#include <QTextStream>

namespace iovplan::reports {

using namespace iovplan::cost;

namespace {

// One "  label .......... value" line.
void line(QTextStream &out, const QString &label, const QString &value)
{
    out << "  " << label.leftJustified(42, QLatin1Char(' ')) << value << '\n';
}

QString used(double usedCount, double available, int decimals = 0)
{
    return QStringLiteral("%1 of %2").arg(formatNumber(usedCount, decimals), formatNumber(available));
}

QString megabytes(double bytesPerS)
{
    return formatMegabytesPerS(bytesPerS);
}

// ASCII "us": the table is plain text that scripts and golden files compare byte for byte.
QString micros(const std::optional<double> &seconds)
{
    return seconds ? formatMicroseconds(*seconds, MicroSign::Ascii) : QStringLiteral("saturated");
}

QString yesNo(bool value)
{
    return value ? QStringLiteral("yes") : QStringLiteral("no");
}

void performanceLines(QTextStream &out, const iov::PerformanceMetrics &p)
{
    for (const iov::ClassMetrics &c : p.classes) {
        line(out, QStringLiteral("%1 (%2), carried / offered").arg(iov::trafficClassName(c.traffic), iov::transportName(c.transport)),
             megabytes(c.throughputBytesPerS) + QStringLiteral(" / ") + megabytes(c.offeredBytesPerS));
        line(out, QStringLiteral("  peak: one VM, at adapter, server"),
             QStringLiteral("%1, %2, %3").arg(megabytes(c.peakVmBytesPerS), megabytes(c.peakVmAdapterBytesPerS),
                                              megabytes(c.peakServerBytesPerS)));
        line(out, QStringLiteral("  latency: mean, p99, unloaded"),
             QStringLiteral("%1, %2, %3").arg(micros(c.latencyS), micros(c.p99LatencyS), micros(c.unloadedLatencyS)));
        line(out, QStringLiteral("  bottleneck"), c.bottleneck + (c.saturated ? QStringLiteral(" (saturated)") : QString()));
    }
    line(out, QStringLiteral("CPU utilization (I/O share)"),
         QStringLiteral("%1 % (%2 %)").arg(formatNumber(100.0 * p.cpuUtilization, 1), formatNumber(100.0 * p.ioCpuShare, 1)));
    line(out, QStringLiteral("Most VMs per server within the SLA"), QString::number(p.maxVmsPerServer));
    line(out, QStringLiteral("Bottleneck"), p.bottleneck + (p.saturated ? QStringLiteral(" (saturated)") : QString()));
    if (p.maxLoadScale)
        line(out, QStringLiteral("Load can grow by"), QStringLiteral("x%1").arg(formatNumber(*p.maxLoadScale, 2)));
    line(out, QStringLiteral("Live migration, legacy I/O, transparent"),
         QStringLiteral("%1, %2, %3").arg(yesNo(p.properties.liveMigration), yesNo(p.properties.legacyIoInVm),
                                          yesNo(p.properties.managementTransparency)));
}

} // namespace

QString evaluationTable(const design::Scenario &scenario, const iov::ScenarioMetrics &metrics)
{
    const Rollup &rollup = metrics.rollup;
    QString text;
    QTextStream out(&text);
    const CostFigures &c = rollup.cost;
    const PowerRollup &p = rollup.power;
    out << "Scenario \"" << scenario.name << "\" — " << design::iovModeName(scenario.iovMode) << " IOV, "
        << rollup.counts.servers << " servers\n";
    line(out, QStringLiteral("Purchase, I/O only"), formatUsd(c.ioPurchase));
    for (const BomCategory category : allBomCategories) {
        line(out, QStringLiteral("  ") + bomCategoryName(category), formatUsd(rollup.bom.subtotal(category)));
    }
    line(out, QStringLiteral("Purchase, total"), formatUsd(c.purchase));
    line(out, QStringLiteral("Maintenance per year (I/O / total)"),
         formatUsd(c.ioMaintenanceUsdPerYear) + QStringLiteral(" / ") + formatUsd(c.maintenanceUsdPerYear));
    line(out, QStringLiteral("Energy per year (I/O / total)"),
         formatUsd(c.ioEnergyUsdPerYear) + QStringLiteral(" / ") + formatUsd(c.energyUsdPerYear));
    line(out, QStringLiteral("TCO over %1 years (I/O / total)").arg(c.years),
         formatUsd(c.ioTcoUsd) + QStringLiteral(" / ") + formatUsd(c.tcoUsd));
    line(out, QStringLiteral("Power, server adapters"), formatWatts(p.adapterTypicalW));
    line(out, QStringLiteral("Power, adapters + gateway modules"), formatWatts(p.endpointTypicalW()));
    line(out, QStringLiteral("Power, all I/O (typical / max)"),
         formatWatts(p.ioTypicalW) + QStringLiteral(" / ") + formatWatts(p.ioMaxW));
    line(out, QStringLiteral("Power, total (typical / max)"),
         formatWatts(p.typicalW()) + QStringLiteral(" / ") + formatWatts(p.maxW()));
    line(out, QStringLiteral("Heat, total"), formatNumber(btuPerHour(p.typicalW())) + QStringLiteral(" BTU/hr"));
    line(out, QStringLiteral("Energy, total (IT load)"), formatNumber(kwhPerYear(p.typicalW())) + QStringLiteral(" kWh/yr"));
    const CapacityUse &cap = rollup.capacity;
    line(out, QStringLiteral("Rack units"), used(cap.rackUnitsUsed, cap.rackUnitsAvailable, 3));
    line(out, QStringLiteral("Adapters (PCIe / mezzanine slots)"),
         QStringLiteral("%1 (%2; %3)")
             .arg(rollup.counts.adapters)
             .arg(used(cap.pcieSlotsUsed, cap.pcieSlotsAvailable), used(cap.mezzanineSlotsUsed, cap.mezzanineSlotsAvailable)));
    line(out, QStringLiteral("Switch ports"), used(cap.switchPortsUsed, cap.switchPortsAvailable));
    line(out, QStringLiteral("Gateways (module slots)"),
         QStringLiteral("%1 (%2)").arg(rollup.counts.gateways).arg(used(cap.gatewayModuleSlotsUsed, cap.gatewayModuleSlotsAvailable)));
    line(out, QStringLiteral("Cables, transceivers"),
         QStringLiteral("%1, %2").arg(rollup.counts.cables).arg(rollup.counts.transceivers));
    performanceLines(out, metrics.performance);
    const std::vector<design::Problem> &problems = metrics.problems;
    if (problems.empty()) {
        out << "  No problems.\n";
    } else {
        out << "  Problems:\n";
        for (const design::Problem &problem : problems)
            out << "    " << design::severityName(problem.severity) << ": " << problem.message << '\n';
    }
    out.flush();
    return text;
}

} // namespace iovplan::reports
