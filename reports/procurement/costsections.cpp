// One scenario's bill of materials, power and cooling, and total cost of ownership.
#include "reportcontext.h"

#include "reports/figureformat.h"

#include <QLocale>

#include <memory>

namespace iovplan::reports::procurement {

namespace {

QString categoryTitle(cost::BomCategory category)
{
    QString name = cost::bomCategoryName(category);
    name[0] = name[0].toUpper();
    return name;
}

QString lineDescription(const cost::BomLine &line)
{
    return line.description.isEmpty() ? line.name : line.name + QStringLiteral(": ") + line.description;
}

void addBillOfMaterials(ReportDocument &document, const EvaluatedScenario &e)
{
    const cost::BillOfMaterials &bom = e.metrics.rollup.bom;
    document.addHeading(2, reportSectionTitle(ReportSection::BillOfMaterials));
    if (bom.lines.empty()) {
        document.addParagraph(QStringLiteral("The design places no priced items."), ParagraphStyle::Note);
        return;
    }
    ReportTable table;
    // The part number column fits the longest part numbers of the shipped catalogs ("WS-C3750G-48TS-S") on
    // one line: a buyer copies them into a purchase order.
    // Extended fits a bold grand total in the tens of millions ("$12,345,678.90").
    table.columns = { { QStringLiteral("Part number"), Qt::AlignLeft, 1.7 },
                      { QStringLiteral("Description"), Qt::AlignLeft, 2.7 },
                      { QStringLiteral("Qty"), Qt::AlignRight, 0.7 },
                      { QStringLiteral("Unit price"), Qt::AlignRight, 1.15 },
                      { QStringLiteral("Extended"), Qt::AlignRight, 1.55 } };
    for (const cost::BomCategory category : cost::allBomCategories) {
        bool any = false;
        for (const cost::BomLine &line : bom.lines) {
            if (line.category != category)
                continue;
            if (!any)
                table.rows.push_back({ { categoryTitle(category) }, RowStyle::Group, false });
            any = true;
            table.rows.push_back({ { line.partNumber.isEmpty() ? QStringLiteral("—") : line.partNumber, lineDescription(line),
                                     formatNumber(line.quantity), formatUsd(line.unitPrice), formatUsd(line.extendedPrice) },
                                   RowStyle::Normal, false });
        }
        if (any)
            table.rows.push_back({ { QStringLiteral("Subtotal %1").arg(cost::bomCategoryName(category)), QString(),
                                     formatNumber(bom.quantity(category)), QString(), formatUsd(bom.subtotal(category)) },
                                   RowStyle::Subtotal, false });
    }
    table.rows.push_back({ { QStringLiteral("I/O total"), QStringLiteral("adapters, switching, gateways, cabling"), QString(),
                             QString(), formatUsd(bom.ioTotal()) },
                           RowStyle::Subtotal, false });
    table.rows.push_back({ { QStringLiteral("Grand total"), QString(), QString(), QString(), formatUsd(bom.total()) },
                           RowStyle::Total, false });
    table.caption = QStringLiteral("US dollars, list or street prices as pinned in the project (dated %1); each price's source is "
                                   "listed under \"Sources of prices and parameters\". Extended = quantity × unit price, exact "
                                   "to the cent.")
                        .arg([&] {
                            QString oldest, newest;
                            for (const cost::BomLine &line : bom.lines) {
                                if (oldest.isEmpty() || line.priceDate < oldest)
                                    oldest = line.priceDate;
                                newest = std::max(newest, line.priceDate);
                            }
                            return oldest == newest ? oldest : QStringLiteral("%1 to %2").arg(oldest, newest);
                        }());
    document.addTable(table);
    addScenarioCharts(document, e, { QStringLiteral("cost-by-category") });
}

void addPower(ReportDocument &document, const EvaluatedScenario &e)
{
    const cost::PowerRollup &p = e.metrics.rollup.power;
    const design::Assumptions &a = e.scenario.assumptions;
    document.addHeading(2, reportSectionTitle(ReportSection::Power));
    ReportTable table;
    table.columns = { { QStringLiteral("Part"), Qt::AlignLeft, 2.4 },
                      { QStringLiteral("Typical"), Qt::AlignRight, 1.0 },
                      { QStringLiteral("Max"), Qt::AlignRight, 1.0 },
                      { QStringLiteral("Heat, BTU/hr"), Qt::AlignRight, 1.1 },
                      { QStringLiteral("kWh/yr"), Qt::AlignRight, 1.1 },
                      { QStringLiteral("Energy cost/yr"), Qt::AlignRight, 1.2 } };
    const auto row = [&](const QString &label, double typical, std::optional<double> max, RowStyle style) {
        table.rows.push_back({ { label, formatWatts(typical), max ? formatWatts(*max) : QStringLiteral("—"),
                                 formatNumber(cost::btuPerHour(typical)), formatNumber(cost::kwhPerYear(typical)),
                                 formatUsd(cost::energyUsdPerYear(typical, a)) },
                               style, false });
    };
    row(QStringLiteral("Server adapters (Table 1 basis)"), p.adapterTypicalW, p.adapterMaxW, RowStyle::Normal);
    row(QStringLiteral("Gateway I/O modules"), p.gatewayModuleTypicalW, std::nullopt, RowStyle::Normal);
    row(QStringLiteral("All I/O"), p.ioTypicalW, p.ioMaxW, RowStyle::Subtotal);
    row(QStringLiteral("Servers"), p.serverTypicalW, p.serverMaxW, RowStyle::Normal);
    row(QStringLiteral("Storage arrays"), p.storageTypicalW, p.storageMaxW, RowStyle::Normal);
    row(QStringLiteral("Total"), p.typicalW(), p.maxW(), RowStyle::Total);
    table.caption = QStringLiteral("Typical and maximum draw from each item's data sheet (see Sources). Heat = W × 3.412 BTU/hr; "
                                   "kWh/yr = typical W × 8,760 h ÷ 1,000 (IT load); energy cost = kWh/yr × PUE %1 × %2 per kWh. "
                                   "All I/O = adapters, switches, gateways with their modules, cables and optics.")
                        .arg(formatNumber(a.pue, 2), formatUsd(a.electricityUsdPerKwh));
    document.addTable(table);
    document.addKeyValues({
        { QStringLiteral("Facility energy, total"),
          QStringLiteral("%1 kWh/yr at PUE %2").arg(formatNumber(cost::kwhPerYear(p.typicalW()) * a.pue), formatNumber(a.pue, 2)) },
        { QStringLiteral("Energy cost per year"),
          QStringLiteral("%1 (I/O %2)").arg(formatUsd(e.metrics.rollup.cost.energyUsdPerYear), formatUsd(e.metrics.rollup.cost.ioEnergyUsdPerYear)) },
    });
    addScenarioCharts(document, e, { QStringLiteral("power-by-part") });
}

void addTco(ReportDocument &document, const EvaluatedScenario &e)
{
    const cost::CostFigures &c = e.metrics.rollup.cost;
    document.addHeading(2, QStringLiteral("%1 over %2 years").arg(reportSectionTitle(ReportSection::Tco)).arg(c.years));
    ReportTable table;
    table.columns = { { QStringLiteral("Year"), Qt::AlignLeft, 0.8 },
                      { QStringLiteral("I/O: spent"), Qt::AlignRight, 1.2 },
                      { QStringLiteral("I/O: cumulative"), Qt::AlignRight, 1.3 },
                      { QStringLiteral("All: spent"), Qt::AlignRight, 1.2 },
                      { QStringLiteral("All: cumulative"), Qt::AlignRight, 1.3 } };
    const double ioYearly = c.ioMaintenanceUsdPerYear + c.ioEnergyUsdPerYear;
    const double yearly = c.maintenanceUsdPerYear + c.energyUsdPerYear;
    table.rows.push_back({ { QStringLiteral("Purchase"), formatUsd(c.ioPurchase), formatUsd(c.ioPurchase), formatUsd(c.purchase),
                             formatUsd(c.purchase) },
                           RowStyle::Normal, false });
    for (int year = 1; year <= c.years; ++year) {
        const bool last = year == c.years;
        // The last row prints the model's own TCO figure, the one the summary and the CLI report.
        const double ioCumulative = last ? c.ioTcoUsd : cost::toUsd(c.ioPurchase) + year * ioYearly;
        const double cumulative = last ? c.tcoUsd : cost::toUsd(c.purchase) + year * yearly;
        table.rows.push_back({ { QStringLiteral("Year %1").arg(year), formatUsd(ioYearly), formatUsd(ioCumulative),
                                 formatUsd(yearly), formatUsd(cumulative) },
                               last ? RowStyle::Total : RowStyle::Normal, false });
    }
    table.caption = QStringLiteral("Each year adds maintenance (%1 a year for I/O, %2 for all) and energy (%3 for I/O, %4 for "
                                   "all). TCO = purchase + %5 × (maintenance + energy). \"All\" adds the servers and storage "
                                   "the design prices. No discounting.")
                        .arg(formatUsd(c.ioMaintenanceUsdPerYear), formatUsd(c.maintenanceUsdPerYear),
                             formatUsd(c.ioEnergyUsdPerYear), formatUsd(c.energyUsdPerYear))
                        .arg(c.years);
    document.addTable(table);
    document.addKeyValues({ { QStringLiteral("I/O TCO"), formatUsd(c.ioTcoUsd) }, { QStringLiteral("TCO"), formatUsd(c.tcoUsd) } });
}

} // namespace

void addCostSections(ReportDocument &document, const ReportContext &context, const EvaluatedScenario &scenario)
{
    if (context.options.includes(ReportSection::BillOfMaterials))
        addBillOfMaterials(document, scenario);
    if (context.options.includes(ReportSection::Power))
        addPower(document, scenario);
    if (context.options.includes(ReportSection::Tco))
        addTco(document, scenario);
}

} // namespace iovplan::reports::procurement
