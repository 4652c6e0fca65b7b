// Where every price and parameter comes from, and how the figures are computed.
#include "reportcontext.h"

#include "model/cost/power.h"
#include "reports/figureformat.h"

#include <set>

namespace iovplan::reports::procurement {

namespace {

// The pinned items the chosen scenarios buy, in catalog (id) order.
std::set<QString> itemsBought(const std::vector<EvaluatedScenario> &scenarios)
{
    std::set<QString> ids;
    for (const EvaluatedScenario &e : scenarios)
        for (const cost::BomLine &line : e.metrics.rollup.bom.lines)
            ids.insert(line.itemId);
    return ids;
}

QString itemTitle(const design::PinnedItem &item)
{
    const QString name = QStringLiteral("%1 %2").arg(item.vendor, item.model).trimmed();
    return item.partNumber.isEmpty() ? name : QStringLiteral("%1 (%2)").arg(name, item.partNumber);
}

void addItem(ReportDocument &document, const design::PinnedItem &item)
{
    document.addHeading(3, itemTitle(item));
    document.addKeyValues({
        { QStringLiteral("Catalog id, kind"), QStringLiteral("%1, %2").arg(item.id, item.kind) },
        { QStringLiteral("Price"), QStringLiteral("%1 (%2)").arg(formatUsd(item.priceUsd), item.priceDate) },
        { QStringLiteral("Price source"), item.priceSource.isEmpty() ? QStringLiteral("(none given)") : item.priceSource },
        { QStringLiteral("Maintenance"), item.maintenancePctPerYear
              ? QStringLiteral("%1 % of list per year").arg(formatNumber(*item.maintenancePctPerYear, 2))
              : QStringLiteral("the scenario's assumption") },
        { QStringLiteral("Maintenance source"), item.maintenanceSource.isEmpty() ? QStringLiteral("—") : item.maintenanceSource },
    });
    if (item.specs.empty())
        return;
    ReportTable specs;
    // Values may be word lists ("software;native;bare-metal"): room for them on one line.
    specs.columns = { { QStringLiteral("Parameter"), Qt::AlignLeft, 1.3 },
                      { QStringLiteral("Value"), Qt::AlignRight, 1.5 },
                      { QStringLiteral("Source"), Qt::AlignLeft, 3.9 } };
    for (const design::PinnedSpec &spec : item.specs) {
        const QString value = QString(spec.value).replace(QLatin1Char(';'), QStringLiteral("; "));
        specs.rows.push_back({ { spec.field, spec.unit.isEmpty() ? value : QStringLiteral("%1 %2").arg(value, spec.unit),
                                 spec.source.isEmpty() ? QStringLiteral("(none given)") : spec.source },
                               RowStyle::Normal, false });
    }
    document.addTable(specs);
}

} // namespace

void addSourcesSection(ReportDocument &document, const ReportContext &context)
{
    document.addHeading(1, reportSectionTitle(ReportSection::Sources));
    const std::set<QString> bought = itemsBought(context.scenarios);
    document.addParagraph(QStringLiteral("The %1 catalog items these scenarios buy, as pinned in the project: the price and the date "
                                         "it refers to, the support contract, and every parameter the model reads, each with its "
                                         "source. \"estimate\" marks a figure without a published source, with the reasoning.")
                              .arg(bought.size()));
    for (const QString &id : bought) {
        const auto found = context.project.catalog.find(id);
        if (found != context.project.catalog.end())
            addItem(document, found->second);
    }
    const std::size_t unused = context.project.catalog.size() - bought.size();
    if (unused > 0)
        document.addParagraph(QStringLiteral("%1 more pinned item(s) are not used by the scenarios in this report.").arg(unused),
                              ParagraphStyle::Note);
}

void addModelNotesSection(ReportDocument &document, const ReportContext &)
{
    document.addHeading(1, reportSectionTitle(ReportSection::ModelNotes));
    document.addParagraph(QStringLiteral("IOV Planner computes every figure of this report from the design as drawn, the workload, the "
                                         "IOV mode and the assumptions; nothing is typed in by hand. The full notes ship with the "
                                         "program (Help > Model Notes and Sources)."));

    document.addHeading(2, QStringLiteral("Cost, power and TCO"));
    document.addParagraph(QStringLiteral("The bill of materials counts every server, adapter, switch, gateway chassis and module, cable "
                                         "and transceiver the design places; prices are rounded to the cent once per line, so every "
                                         "subtotal and total adds up exactly. I/O figures cover adapters, switching, gateways and "
                                         "cabling; the other figures add the servers and storage arrays the design prices."));
    document.addParagraph(QStringLiteral("Maintenance per year = Σ extended price × maintenance % ÷ 100 (the item's own figure unless "
                                         "the scenario overrides it). Energy per year = typical W × 8,760 h ÷ 1,000 × PUE × price per "
                                         "kWh. TCO = purchase + years × (maintenance + energy), without discounting."));
    document.addKeyValues({
        { QStringLiteral("Heat per watt"), QStringLiteral("%1 BTU/hr (reference-data.md §6)").arg(formatNumber(cost::btuPerHourPerWatt, 3)) },
        { QStringLiteral("Hours per year"), QStringLiteral("%1 (continuous operation, reference-data.md §6)").arg(formatNumber(cost::hoursPerYear)) },
        { QStringLiteral("White paper's Table 1"), QStringLiteral("its purchase cost reads as all of I/O, its power as the server adapters "
                                                                  "alone; both bases are printed and named") },
    });

    document.addHeading(2, QStringLiteral("Performance"));
    document.addParagraph(QStringLiteral("Each scenario becomes an open multiclass queueing network with M/M/c stations, solved exactly "
                                         "(open product form): per server the host's cores, each adapter's bus and ports per direction; "
                                         "shared by the servers behind them the gateways' Ethernet and Fibre Channel modules, switch "
                                         "uplinks and storage arrays. Jobs are messages (lan, ipc, migration) or I/Os (san)."));
    document.addParagraph(QStringLiteral("The IOV mode decides the CPU each message costs: software IOV adds the hypervisor's virtual "
                                         "switch or SCSI layer to the guest's stack; native IOV lets a VM drive its own adapter end point; "
                                         "passthrough adds IOMMU remapping per message and gives up live migration; bare metal is the "
                                         "operating system's stack alone. Link rates are usable payload rates: TCP goodput 94.1 % of "
                                         "the Ethernet line rate, Fibre Channel at its MB/s rating, InfiniBand 4x at 98.7 % of the data "
                                         "rate, PCIe at 85 % (writes) and 75 % (reads, estimate) of the lane rate."));
    document.addParagraph(QStringLiteral("Throughput is payload in one direction. When a station saturates, every offered rate is scaled "
                                         "to the largest sustainable load and the latencies are not given. Mean latency sums the "
                                         "residence times along a message's path plus the adapters' fixed latency; the p99 fits a gamma "
                                         "distribution to the mean and variance. Max VMs per server is the largest count (doubling, then "
                                         "bisection, up to 1,024) that saturates nothing and keeps the p99 of lan, san and ipc within "
                                         "the SLA."));
    document.addParagraph(QStringLiteral("Left out: per-flow hashing across teamed ports, the receive side of lan traffic, IPC between "
                                         "servers behind different gateway chassis, the existing LAN and SAN cores (assumed "
                                         "non-blocking) and interrupt coalescing. The model reproduces the white paper's Table 1 and "
                                         "its throughput claims within the tolerances stated in the program's notes."),
                          ParagraphStyle::Note);
}

} // namespace iovplan::reports::procurement
