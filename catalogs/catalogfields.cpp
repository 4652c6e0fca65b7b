#include "catalogfields.h"

#include <QHash>

namespace iovplan::catalogs {

namespace {

QStringList words(const char *spaceSeparated)
{
    return QString::fromLatin1(spaceSeparated).split(u' ', Qt::SkipEmptyParts);
}

SpecFieldDefinition field(const char *name, SpecType type, const char *unit, const char *meaning,
                          const char *allowed = "")
{
    return SpecFieldDefinition{QString::fromLatin1(name), type, QString::fromUtf8(unit), words(allowed),
                               QString::fromUtf8(meaning)};
}

QList<SpecFieldDefinition> makeSpecFields()
{
    using T = SpecType;
    return {
        // What the item is.
        field("adapter_type", T::Choice, "", "kind of adapter", "nic fc-hba ib-hca converged dpu"),
        field("protocol", T::Choice, "", "protocol of the ports (vpi: InfiniBand or Ethernet per port)",
              "ethernet fibre-channel infiniband vpi"),
        field("form_factor", T::Choice, "", "server or adapter form factor",
              "blade rack tower pcie-card mezzanine ocp3 chassis module"),
        field("chip", T::Text, "", "controller chip or processor family"),
        field("connector", T::Choice, "", "port connector",
              "rj45 lc sfp sfp-plus sfp28 qsfp qsfp28 qsfp56 qsfp112 osfp cx4 xfp"),
        field("medium", T::Choice, "", "cable medium", "copper fiber aoc"),
        // Ports and speeds.
        field("ports", T::Integer, "", "ports of the main protocol"),
        field("speed_gbps", T::Number, "Gb/s", "signalling rate per port as marketed (data rates in reference-data.md §2)"),
        field("uplink_ports", T::Integer, "", "extra uplink ports of a switch"),
        field("uplink_speed_gbps", T::Number, "Gb/s", "speed of each uplink port"),
        field("ib_ports", T::Integer, "", "InfiniBand-side ports of a gateway"),
        field("ib_speed_gbps", T::Number, "Gb/s", "speed of each InfiniBand-side gateway port"),
        field("ext_protocol", T::Choice, "", "protocol on the gateway's outside", "ethernet fibre-channel"),
        field("ext_ports", T::Integer, "", "Ethernet or Fibre Channel ports of a gateway"),
        field("ext_speed_gbps", T::Number, "Gb/s", "speed of each outside gateway port"),
        field("throughput_gbps", T::Number, "Gb/s", "bridging throughput of a gateway, one direction"),
        field("max_servers", T::Integer, "", "servers a gateway chassis serves"),
        // Host bus.
        field("host_bus", T::Choice, "", "host bus", "pcie pci-x"),
        field("pcie_gen", T::Integer, "", "PCI Express generation"),
        field("pcie_lanes", T::Integer, "", "PCI Express lanes"),
        field("pcix_bits", T::Integer, "bit", "PCI-X bus width"),
        field("pcix_mhz", T::Number, "MHz", "PCI-X clock"),
        // Power and space.
        field("watts_idle", T::Number, "W", "power at idle"),
        field("watts_typical", T::Number, "W", "typical power"),
        field("watts_max", T::Number, "W", "maximum power"),
        field("u_height", T::Number, "U", "rack units"),
        field("blade_slots_used", T::Integer, "", "enclosure bays a blade takes"),
        // Latency and behaviour.
        field("latency_us", T::Number, "us", "base small-message latency (adapter end to end, gateway port to port)"),
        field("latency_ns", T::Number, "ns", "switch port-to-port latency"),
        field("switching", T::Choice, "", "forwarding method", "cut-through store-and-forward"),
        field("offloads", T::List, "", "offloads",
              "checksum tso lro rss rdma srp iser iscsi fcoe nvmeof vxlan crypto ipsec tls gpudirect sharp fc-offload"),
        field("iov_modes", T::List, "", "I/O virtualization modes supported", "software native passthrough bare-metal"),
        field("virtual_functions", T::Integer, "", "SR-IOV virtual functions"),
        field("ciov_endpoints", T::Integer, "", "CIOV end points (channel adapters a VM or VMM function can own)"),
        // Modular products.
        field("module_slots", T::Integer, "", "module slots of a chassis (0 for a fixed product)"),
        field("chassis", T::ItemRef, "", "the chassis item a module fits"),
        // Servers.
        field("sockets", T::Integer, "", "processor sockets"),
        field("cores", T::Integer, "", "cores in all sockets"),
        field("ghz", T::Number, "GHz", "core clock"),
        field("memory_gb", T::Number, "GB", "memory as configured"),
        field("pcie_slots", T::Integer, "", "PCIe (or PCI-X) expansion slots"),
        field("mezzanine_slots", T::Integer, "", "mezzanine or OCP slots"),
        field("slot_pcie_gen", T::Integer, "", "PCIe generation of the expansion slots"),
        field("slot_pcie_lanes", T::Integer, "", "PCIe lanes of the widest expansion slot"),
        field("lom_ports", T::Integer, "", "Ethernet ports on the motherboard"),
        // Cables, optics, storage.
        field("reach_m", T::Number, "m", "maximum reach or cable length"),
        field("wavelength_nm", T::Number, "nm", "optical wavelength"),
        field("mb_per_s", T::Number, "MB/s", "sequential throughput"),
        field("iops", T::Number, "IO/s", "small random I/O operations per second"),
        field("capacity_tb", T::Number, "TB", "raw capacity as configured"),
    };
}

} // namespace

QStringList catalogNames()
{
    return {QStringLiteral("2007"), QStringLiteral("current"), QStringLiteral("user")};
}

QStringList itemKinds()
{
    return words("server adapter switch gateway gateway-module cable transceiver storage");
}

const QList<SpecFieldDefinition> &specFields()
{
    static const QList<SpecFieldDefinition> fields = makeSpecFields();
    return fields;
}

const SpecFieldDefinition *findSpecField(QStringView name)
{
    static const QHash<QString, qsizetype> index = [] {
        QHash<QString, qsizetype> byName;
        const auto &fields = specFields();
        for (qsizetype i = 0; i < fields.size(); ++i)
            byName.insert(fields.at(i).name, i);
        return byName;
    }();
    const auto it = index.constFind(name.toString());
    return it == index.constEnd() ? nullptr : &specFields().at(*it);
}

QStringList requiredSpecFields(QStringView kind)
{
    if (kind == u"server")
        return words("form_factor u_height sockets cores ghz watts_idle watts_typical watts_max pcie_slots "
                     "mezzanine_slots slot_pcie_gen");
    if (kind == u"adapter")
        return words("adapter_type form_factor ports protocol speed_gbps host_bus watts_typical watts_max latency_us "
                     "offloads iov_modes");
    if (kind == u"switch")
        return words("ports protocol speed_gbps latency_ns switching watts_typical u_height");
    if (kind == u"gateway")
        return words("module_slots watts_typical u_height");
    if (kind == u"gateway-module")
        return words("chassis ext_protocol ext_ports ext_speed_gbps throughput_gbps watts_typical");
    if (kind == u"cable")
        return words("protocol medium speed_gbps reach_m watts_typical");
    if (kind == u"transceiver")
        return words("protocol connector speed_gbps reach_m watts_typical");
    if (kind == u"storage")
        return words("protocol ports mb_per_s iops watts_typical u_height");
    return {};
}

QStringList requiredSpecsMissing(QStringView kind, const QStringList &fields, const QStringList &values)
{
    QStringList required = requiredSpecFields(kind);
    const auto valueOf = [&](const QString &name) {
        const qsizetype at = fields.indexOf(name);
        return at < 0 ? QString() : values.value(at);
    };
    if (kind == u"adapter") {
        const QString bus = valueOf(QStringLiteral("host_bus"));
        if (bus == u"pcie")
            required << QStringLiteral("pcie_gen") << QStringLiteral("pcie_lanes");
        else if (bus == u"pci-x")
            required << QStringLiteral("pcix_bits") << QStringLiteral("pcix_mhz");
        // An adapter that virtualizes says how many functions or end points it offers.
        if (!fields.contains(QStringLiteral("virtual_functions")) && !fields.contains(QStringLiteral("ciov_endpoints")))
            required << QStringLiteral("virtual_functions|ciov_endpoints");
    }
    if (kind == u"gateway" && valueOf(QStringLiteral("module_slots")) == u"0")
        required << words("ib_ports ib_speed_gbps ext_protocol ext_ports ext_speed_gbps throughput_gbps latency_us");
    if (kind == u"gateway" && !valueOf(QStringLiteral("module_slots")).isEmpty()
        && valueOf(QStringLiteral("module_slots")) != u"0")
        required << words("max_servers");
    QStringList missing;
    for (const QString &name : std::as_const(required)) {
        if (name.contains(u'|'))
            missing << name; // added above only when all alternatives are absent
        else if (!fields.contains(name))
            missing << name;
    }
    return missing;
}

SourceClass classifySource(QStringView source)
{
    const QStringView text = source.trimmed();
    if (text.isEmpty() || text.contains(u'\n') || text.contains(u'\r'))
        return SourceClass::Missing;
    if (text.startsWith(u"estimate: ")) {
        // The reasoning must be there: a bare "estimate: guess" says nothing a reviewer can check.
        return text.size() >= 30 ? SourceClass::Estimate : SourceClass::Missing;
    }
    if (text.startsWith(u"derived: "))
        return text.size() >= 20 ? SourceClass::Derived : SourceClass::Missing;
    static const QStringList namedPrefixes = {
        QStringLiteral("reference-data.md §"), QStringLiteral("ciov-whitepaper.txt"), QStringLiteral("standard: "),
        QStringLiteral("data sheet: "),        QStringLiteral("paper: "),             QStringLiteral("survey: "),
        QStringLiteral("product name: "),
        // A vendor's quote (catalogs/vendorquoteimport.h) and a NetBox device-type file (netboximport.h)
        // are documents the user actually holds.
        QStringLiteral("quote: "),             QStringLiteral("NetBox devicetype-library: "),
    };
    for (const QString &prefix : namedPrefixes) {
        if (text.startsWith(prefix))
            return text.size() >= prefix.size() + 3 ? SourceClass::Sourced : SourceClass::Missing;
    }
    return SourceClass::Missing;
}

bool isValidItemId(QStringView id)
{
    if (id.isEmpty() || id.size() > 80 || id.front() == u'-')
        return false;
    for (const QChar c : id) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace iovplan::catalogs
