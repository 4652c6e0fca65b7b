#include "evaluationtable.h"

#include "figureformat.h"

#include <QTextStream>

namespace iovplan::reports {

using namespace iovplan::cost;

namespace {

// One "  label .......... value" line.
void line(QTextStream &out, const QString &label, const QString &value)
{
    out << "  " << label.leftJustified(38, QLatin1Char(' ')) << value << '\n';
}

QString used(double usedCount, double available, int decimals = 0)
{
    return QStringLiteral("%1 of %2").arg(formatNumber(usedCount, decimals), formatNumber(available));
}

} // namespace

QString evaluationTable(const design::Scenario &scenario, const Rollup &rollup)
{
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
    if (rollup.problems.empty()) {
        out << "  No problems.\n";
    } else {
        out << "  Problems:\n";
        for (const design::Problem &problem : rollup.problems)
            out << "    " << design::severityName(problem.severity) << ": " << problem.message << '\n';
    }
    out.flush();
    return text;
}

} // namespace iovplan::reports
