#include "paletteitemtooltip.h"

#include "catalogs/catalogfields.h"
#include "reports/figureformat.h"

#include <QHash>

namespace iovplan::ui {

namespace {

/// Short labels for the key fields; catalogfields.cpp's meanings are sentences, too long for a tooltip.
QString fieldLabel(const QString &field)
{
    static const QHash<QString, QString> labels = {
        {QStringLiteral("form_factor"), QStringLiteral("Form factor")},
        {QStringLiteral("u_height"), QStringLiteral("Height")},
        {QStringLiteral("sockets"), QStringLiteral("Sockets")},
        {QStringLiteral("cores"), QStringLiteral("Cores")},
        {QStringLiteral("ghz"), QStringLiteral("Clock")},
        {QStringLiteral("memory_gb"), QStringLiteral("Memory")},
        {QStringLiteral("pcie_slots"), QStringLiteral("PCIe slots")},
        {QStringLiteral("mezzanine_slots"), QStringLiteral("Mezzanine slots")},
        {QStringLiteral("lom_ports"), QStringLiteral("On-board Ethernet ports")},
        {QStringLiteral("watts_typical"), QStringLiteral("Typical power")},
        {QStringLiteral("watts_max"), QStringLiteral("Maximum power")},
        {QStringLiteral("adapter_type"), QStringLiteral("Type")},
        {QStringLiteral("protocol"), QStringLiteral("Protocol")},
        {QStringLiteral("ports"), QStringLiteral("Ports")},
        {QStringLiteral("speed_gbps"), QStringLiteral("Speed")},
        {QStringLiteral("host_bus"), QStringLiteral("Host bus")},
        {QStringLiteral("pcie_gen"), QStringLiteral("PCIe generation")},
        {QStringLiteral("pcie_lanes"), QStringLiteral("PCIe lanes")},
        {QStringLiteral("latency_us"), QStringLiteral("Latency")},
        {QStringLiteral("latency_ns"), QStringLiteral("Latency")},
        {QStringLiteral("iov_modes"), QStringLiteral("IOV modes")},
        {QStringLiteral("switching"), QStringLiteral("Switching")},
        {QStringLiteral("uplink_ports"), QStringLiteral("Uplink ports")},
        {QStringLiteral("module_slots"), QStringLiteral("Module slots")},
        {QStringLiteral("max_servers"), QStringLiteral("Servers served")},
        {QStringLiteral("ib_ports"), QStringLiteral("InfiniBand ports")},
        {QStringLiteral("ib_speed_gbps"), QStringLiteral("InfiniBand speed")},
        {QStringLiteral("ext_protocol"), QStringLiteral("Outside protocol")},
        {QStringLiteral("ext_ports"), QStringLiteral("Outside ports")},
        {QStringLiteral("ext_speed_gbps"), QStringLiteral("Outside speed")},
        {QStringLiteral("throughput_gbps"), QStringLiteral("Throughput")},
        {QStringLiteral("chassis"), QStringLiteral("Fits chassis")},
        {QStringLiteral("mb_per_s"), QStringLiteral("Throughput")},
        {QStringLiteral("iops"), QStringLiteral("IOPS")},
        {QStringLiteral("capacity_tb"), QStringLiteral("Capacity")},
        {QStringLiteral("medium"), QStringLiteral("Medium")},
        {QStringLiteral("connector"), QStringLiteral("Connector")},
        {QStringLiteral("reach_m"), QStringLiteral("Reach")},
        {QStringLiteral("wavelength_nm"), QStringLiteral("Wavelength")},
        {QStringLiteral("virtual_functions"), QStringLiteral("SR-IOV virtual functions")},
        {QStringLiteral("ciov_endpoints"), QStringLiteral("CIOV end points")},
    };
    const auto it = labels.constFind(field);
    if (it != labels.constEnd())
        return *it;
    if (const catalogs::SpecFieldDefinition *definition = catalogs::findSpecField(field)) {
        QString meaning = definition->meaning;
        if (!meaning.isEmpty())
            meaning[0] = meaning[0].toUpper();
        return meaning;
    }
    return field;
}

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace

QStringList keySpecFields(const QString &kind)
{
    static const QHash<QString, QStringList> fields = {
        {QStringLiteral("server"),
         {QStringLiteral("form_factor"), QStringLiteral("u_height"), QStringLiteral("sockets"), QStringLiteral("cores"),
          QStringLiteral("ghz"), QStringLiteral("memory_gb"), QStringLiteral("pcie_slots"),
          QStringLiteral("mezzanine_slots"), QStringLiteral("lom_ports"), QStringLiteral("watts_typical")}},
        {QStringLiteral("adapter"),
         {QStringLiteral("adapter_type"), QStringLiteral("protocol"), QStringLiteral("ports"),
          QStringLiteral("speed_gbps"), QStringLiteral("host_bus"), QStringLiteral("pcie_gen"),
          QStringLiteral("pcie_lanes"), QStringLiteral("latency_us"), QStringLiteral("iov_modes"),
          QStringLiteral("watts_typical")}},
        {QStringLiteral("switch"),
         {QStringLiteral("protocol"), QStringLiteral("ports"), QStringLiteral("speed_gbps"),
          QStringLiteral("uplink_ports"), QStringLiteral("latency_ns"), QStringLiteral("switching"),
          QStringLiteral("u_height"), QStringLiteral("watts_typical")}},
        {QStringLiteral("gateway"),
         {QStringLiteral("module_slots"), QStringLiteral("max_servers"), QStringLiteral("ib_ports"),
          QStringLiteral("ib_speed_gbps"), QStringLiteral("ext_protocol"), QStringLiteral("ext_ports"),
          QStringLiteral("ext_speed_gbps"), QStringLiteral("throughput_gbps"), QStringLiteral("latency_ns"),
          QStringLiteral("latency_us"), QStringLiteral("u_height"), QStringLiteral("watts_typical")}},
        {QStringLiteral("gateway-module"),
         {QStringLiteral("chassis"), QStringLiteral("ext_protocol"), QStringLiteral("ext_ports"),
          QStringLiteral("ext_speed_gbps"), QStringLiteral("throughput_gbps"), QStringLiteral("latency_us"),
          QStringLiteral("watts_typical")}},
        {QStringLiteral("storage"),
         {QStringLiteral("protocol"), QStringLiteral("ports"), QStringLiteral("mb_per_s"), QStringLiteral("iops"),
          QStringLiteral("capacity_tb"), QStringLiteral("u_height"), QStringLiteral("watts_typical")}},
        {QStringLiteral("cable"),
         {QStringLiteral("protocol"), QStringLiteral("medium"), QStringLiteral("connector"),
          QStringLiteral("speed_gbps"), QStringLiteral("reach_m"), QStringLiteral("watts_typical")}},
        {QStringLiteral("transceiver"),
         {QStringLiteral("protocol"), QStringLiteral("connector"), QStringLiteral("speed_gbps"),
          QStringLiteral("reach_m"), QStringLiteral("wavelength_nm"), QStringLiteral("watts_typical")}},
    };
    return fields.value(kind);
}

QString specValueText(const PaletteSpec &spec)
{
    QString value = spec.value;
    value.replace(u';', QStringLiteral(", "));
    if (spec.unit.isEmpty())
        return value;
    // The catalog writes microseconds as "us" (ASCII CSV); people read "µs".
    const QString unit = spec.unit == u"us" ? QStringLiteral("µs") : spec.unit;
    return value + QChar(0x00A0) + unit; // no break between number and unit
}

QString paletteItemToolTip(const PaletteItem &item)
{
    QString html = QStringLiteral("<b>%1 %2</b>").arg(escaped(item.vendor), escaped(item.model));
    QStringList facts;
    if (!item.partNumber.isEmpty())
        facts << QStringLiteral("part number %1").arg(escaped(item.partNumber));
    facts << QStringLiteral("%1 catalog").arg(escaped(item.catalog));
    if (item.retired)
        facts << QStringLiteral("<b>retired</b>");
    html += QStringLiteral("<br>") + facts.join(QStringLiteral(" · "));
    if (!item.description.isEmpty())
        html += QStringLiteral("<br><i>%1</i>").arg(escaped(item.description));

    const auto row = [](const QString &label, const QString &value, const QString &source) {
        return QStringLiteral("<tr><td style='padding-right:8px'>%1</td><td><b>%2</b><br><small>%3</small></td></tr>")
            .arg(label, value, source);
    };
    html += QStringLiteral("<table cellspacing='0' cellpadding='2' style='margin-top:6px'>");
    if (item.priceUsd) {
        const QString date = item.priceDate.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(escaped(item.priceDate));
        html += row(QStringLiteral("Price"), escaped(reports::formatUsd(*item.priceUsd)) + date,
                    escaped(item.priceSource));
    } else {
        html += row(QStringLiteral("Price"), QStringLiteral("none"),
                    QStringLiteral("the catalog has no price: set one before using the item in a design"));
    }
    for (const QString &field : keySpecFields(item.kind)) {
        for (const PaletteSpec &spec : item.specs) {
            if (spec.field == field) {
                html += row(escaped(fieldLabel(field)), escaped(specValueText(spec)), escaped(spec.source));
                break;
            }
        }
    }
    html += QStringLiteral("</table>");
    return html;
}

} // namespace iovplan::ui
