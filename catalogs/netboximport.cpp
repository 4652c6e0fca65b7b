#include "netboximport.h"

#include "catalogexport.h"
#include "catalogfields.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace iovplan::catalogs {

namespace {

/// Thrown inside this file only, caught by readNetboxDeviceType: the first problem ends the read.
struct NetboxError
{
    QString message;
};

/// What an interface type string says about the port.
struct PortKind
{
    QString protocol;  ///< ethernet, fibre-channel or infiniband (catalogfields.cpp words)
    double speedGbps = 0.0;
    QString connector; ///< catalogfields.cpp connector word, "" when the type does not name one
};

/// One group of data interfaces of the same protocol and speed.
struct PortGroup
{
    PortKind kind;
    QString type; ///< the NetBox type of the first interface, for the source text
    int count = 0;
};

/// InfiniBand 4x link signalling rates as marketed (standard: IBTA; reference-data.md §2 has the data rates).
double infinibandSpeed(const QString &generation)
{
    static const std::map<QString, double> rates = {
        {QStringLiteral("sdr"), 10.0},  {QStringLiteral("ddr"), 20.0},  {QStringLiteral("qdr"), 40.0},
        {QStringLiteral("fdr10"), 40.0}, {QStringLiteral("fdr"), 56.0}, {QStringLiteral("edr"), 100.0},
        {QStringLiteral("hdr"), 200.0}, {QStringLiteral("ndr"), 400.0}, {QStringLiteral("xdr"), 800.0},
    };
    const auto it = rates.find(generation);
    return it == rates.end() ? 0.0 : it->second;
}

QString connectorOf(const QString &media)
{
    static const std::map<QString, QString> bySuffix = {
        {QStringLiteral("sfpp"), QStringLiteral("sfp-plus")}, {QStringLiteral("sfp28"), QStringLiteral("sfp28")},
        {QStringLiteral("sfp"), QStringLiteral("sfp")},       {QStringLiteral("qsfpp"), QStringLiteral("qsfp")},
        {QStringLiteral("qsfp28"), QStringLiteral("qsfp28")}, {QStringLiteral("qsfp56"), QStringLiteral("qsfp56")},
        {QStringLiteral("qsfp112"), QStringLiteral("qsfp112")}, {QStringLiteral("osfp"), QStringLiteral("osfp")},
        {QStringLiteral("xfp"), QStringLiteral("xfp")},       {QStringLiteral("cx4"), QStringLiteral("cx4")},
        {QStringLiteral("t"), QStringLiteral("rj45")},        {QStringLiteral("tx"), QStringLiteral("rj45")},
    };
    const auto it = bySuffix.find(media.section(u'-', -1));
    return it == bySuffix.end() ? QString() : it->second;
}

/// The port a NetBox interface type describes ("1000base-t", "10gbase-x-sfpp", "32gfc-sfp28",
/// "infiniband-hdr"), or nothing for types that are not physical data ports (virtual, lag, wireless).
std::optional<PortKind> portKind(const QString &type)
{
    static const QRegularExpression ethernet(QStringLiteral("^([0-9]+(?:\\.[0-9]+)?)(g?)base-(.+)$"));
    static const QRegularExpression fibreChannel(QStringLiteral("^([0-9]+)gfc-(.+)$"));
    static const QRegularExpression infiniband(QStringLiteral("^infiniband-([a-z0-9]+)$"));
    if (const auto m = ethernet.match(type); m.hasMatch()) {
        const double value = m.captured(1).toDouble();
        return PortKind{QStringLiteral("ethernet"), m.captured(2).isEmpty() ? value / 1000.0 : value, connectorOf(m.captured(3))};
    }
    if (const auto m = fibreChannel.match(type); m.hasMatch())
        return PortKind{QStringLiteral("fibre-channel"), m.captured(1).toDouble(), connectorOf(m.captured(2))};
    if (const auto m = infiniband.match(type); m.hasMatch()) {
        const double speed = infinibandSpeed(m.captured(1));
        if (speed > 0.0)
            return PortKind{QStringLiteral("infiniband"), speed, QString()};
    }
    return std::nullopt;
}

QString slugOf(const QString &text)
{
    QString slug;
    for (const QChar c : text.toLower()) {
        const bool keep = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
        if (keep)
            slug += c;
        else if (!slug.isEmpty() && !slug.endsWith(u'-'))
            slug += u'-';
    }
    slug = slug.left(80);
    while (slug.endsWith(u'-'))
        slug.chop(1);
    return slug;
}

/// Typed access to the YAML document with "file:line:" errors.
class YamlFields
{
public:
    explicit YamlFields(QString fileName)
        : m_file(std::move(fileName))
    {
    }

    [[nodiscard]] NetboxError errorAt(const YAML::Node &node, const QString &message) const
    {
        const int line = node.Mark().is_null() ? 1 : node.Mark().line + 1;
        return NetboxError{QStringLiteral("%1:%2: %3").arg(m_file).arg(line).arg(message)};
    }

    /// Text of a scalar key; nothing when absent or empty; throws when required and absent or not a scalar.
    [[nodiscard]] std::optional<QString> text(const YAML::Node &map, const char *key, bool required = false) const
    {
        const YAML::Node value = map[key];
        if (!value || value.IsNull()) {
            if (required)
                throw errorAt(map, QStringLiteral("%1 is required").arg(QString::fromLatin1(key)));
            return std::nullopt;
        }
        if (!value.IsScalar())
            throw errorAt(value, QStringLiteral("%1 must be text, not a list or mapping").arg(QString::fromLatin1(key)));
        const QString result = QString::fromStdString(value.Scalar()).trimmed();
        if (required && result.isEmpty())
            throw errorAt(value, QStringLiteral("%1 must not be empty").arg(QString::fromLatin1(key)));
        return result.isEmpty() ? std::nullopt : std::optional<QString>(result);
    }

    /// A finite number >= 0, or nothing when absent.
    [[nodiscard]] std::optional<double> number(const YAML::Node &map, const char *key) const
    {
        const YAML::Node value = map[key];
        if (!value || value.IsNull())
            return std::nullopt;
        bool ok = value.IsScalar();
        const QString written = ok ? QString::fromStdString(value.Scalar()) : QString();
        const double result = written.trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(result) || result < 0.0)
            throw errorAt(value, QStringLiteral("%1 must be a number >= 0, got \"%2\"").arg(QString::fromLatin1(key), written));
        return result;
    }

    [[nodiscard]] std::optional<bool> flag(const YAML::Node &map, const char *key) const
    {
        const YAML::Node value = map[key];
        if (!value || value.IsNull())
            return std::nullopt;
        bool result = false;
        if (!value.IsScalar() || !YAML::convert<bool>::decode(value, result))
            throw errorAt(value, QStringLiteral("%1 must be true or false").arg(QString::fromLatin1(key)));
        return result;
    }

    /// The entries of a list of mappings (interfaces, power-ports); empty when absent.
    [[nodiscard]] std::vector<YAML::Node> mappings(const YAML::Node &map, const char *key) const
    {
        const YAML::Node value = map[key];
        if (!value || value.IsNull())
            return {};
        if (!value.IsSequence())
            throw errorAt(value, QStringLiteral("%1 must be a list").arg(QString::fromLatin1(key)));
        std::vector<YAML::Node> entries;
        for (const YAML::Node &entry : value) {
            if (!entry.IsMap())
                throw errorAt(entry, QStringLiteral("each entry of %1 must be a mapping (name: ..., type: ...)")
                                         .arg(QString::fromLatin1(key)));
            entries.push_back(entry);
        }
        return entries;
    }

private:
    QString m_file;
};

/// Builds the draft; throws NetboxError on the first malformed or mistyped field.
NetboxImportResult readDocument(const YAML::Node &root, const QString &fileName)
{
    const YamlFields yaml(fileName);
    if (!root.IsMap())
        throw yaml.errorAt(root, QStringLiteral("a NetBox device or module type is a mapping (manufacturer: ..., model: ...)"));
    NetboxImportResult result;
    CatalogItemRow &item = result.draft.item;
    const QString source = QStringLiteral("NetBox devicetype-library: ") + fileName;

    item.vendor = *yaml.text(root, "manufacturer", true);
    item.model = *yaml.text(root, "model", true);
    item.partNumber = yaml.text(root, "part_number").value_or(QString());
    item.catalog = QStringLiteral("user");
    const std::optional<QString> slug = yaml.text(root, "slug");
    item.id = slug && isValidItemId(*slug) ? *slug : slugOf(item.vendor + u' ' + item.model);
    const std::optional<double> uHeight = yaml.number(root, "u_height");
    const std::optional<bool> fullDepth = yaml.flag(root, "is_full_depth");
    const std::optional<QString> subdeviceRole = yaml.text(root, "subdevice_role");
    const bool module = fileName.contains(QStringLiteral("module-types/"))
                        || (!fileName.contains(QStringLiteral("device-types/")) && !slug && !uHeight);

    // Data interfaces grouped by protocol and speed, in first-seen order.
    std::vector<PortGroup> groups;
    QStringList skippedTypes;
    for (const YAML::Node &entry : yaml.mappings(root, "interfaces")) {
        const QString type = *yaml.text(entry, "type", true);
        if (yaml.flag(entry, "mgmt_only").value_or(false))
            continue; // a management port is not part of the fabric
        const std::optional<PortKind> kind = portKind(type);
        if (!kind) {
            skippedTypes << type;
            continue;
        }
        const auto group = std::find_if(groups.begin(), groups.end(), [&](const PortGroup &g) {
            return g.kind.protocol == kind->protocol && g.kind.speedGbps == kind->speedGbps;
        });
        if (group == groups.end())
            groups.push_back(PortGroup{*kind, type, 1});
        else
            ++group->count;
    }
    // Largest group first; equal counts: the faster one (uplinks are fewer and faster).
    std::stable_sort(groups.begin(), groups.end(), [](const PortGroup &a, const PortGroup &b) {
        return a.count != b.count ? a.count > b.count : a.kind.speedGbps > b.kind.speedGbps;
    });
    int dataPorts = 0;
    for (const PortGroup &group : groups)
        dataPorts += group.count;

    double maxDraw = 0.0, allocatedDraw = 0.0;
    int powerPorts = 0;
    bool anyMax = false, anyAllocated = false;
    for (const YAML::Node &entry : yaml.mappings(root, "power-ports")) {
        ++powerPorts;
        if (const auto draw = yaml.number(entry, "maximum_draw")) {
            maxDraw = std::max(maxDraw, *draw);
            anyMax = true;
        }
        if (const auto draw = yaml.number(entry, "allocated_draw")) {
            allocatedDraw = std::max(allocatedDraw, *draw);
            anyAllocated = true;
        }
    }

    item.kind = module ? QStringLiteral("adapter")
                       : dataPorts >= kNetboxSwitchMinPorts ? QStringLiteral("switch") : QStringLiteral("server");
    const QString comments = yaml.text(root, "comments").value_or(QString()).simplified();
    item.description = comments.isEmpty() ? QStringLiteral("NetBox %1 type").arg(module ? QStringLiteral("module") : QStringLiteral("device"))
                                          : comments;
    if (fullDepth.value_or(false))
        item.description += QStringLiteral(" (full depth)");

    QList<CatalogSpecRow> &specs = result.draft.specs;
    const auto add = [&](const char *field, const QString &value, const QString &detail = {}) {
        CatalogSpecRow spec;
        spec.itemId = item.id;
        spec.field = QString::fromLatin1(field);
        spec.value = value;
        spec.unit = findSpecField(spec.field)->unit;
        spec.source = detail.isEmpty() ? source : source + QStringLiteral(" (") + detail + u')';
        specs << spec;
    };
    const auto addGroup = [&](const char *portsField, const char *speedField, const PortGroup &group) {
        add(portsField, QString::number(group.count), QStringLiteral("%1 interfaces of type %2").arg(group.count).arg(group.type));
        add(speedField, catalogNumberText(group.kind.speedGbps), QStringLiteral("interface type %1").arg(group.type));
    };

    if (!groups.empty()) {
        const PortGroup &main = groups.front();
        if (item.kind == u"server") {
            int ethernet = 0;
            for (const PortGroup &group : groups)
                ethernet += group.kind.protocol == u"ethernet" ? group.count : 0;
            if (ethernet > 0)
                add("lom_ports", QString::number(ethernet), QStringLiteral("Ethernet interfaces that are not mgmt_only"));
        } else {
            addGroup("ports", "speed_gbps", main);
            add("protocol", main.kind.protocol, QStringLiteral("interface type %1").arg(main.type));
            if (!main.kind.connector.isEmpty())
                add("connector", main.kind.connector, QStringLiteral("interface type %1").arg(main.type));
            if (item.kind == u"adapter") {
                const QString adapterType = main.kind.protocol == u"infiniband"      ? QStringLiteral("ib-hca")
                                            : main.kind.protocol == u"fibre-channel" ? QStringLiteral("fc-hba")
                                                                                     : QStringLiteral("nic");
                add("adapter_type", adapterType, QStringLiteral("protocol of interface type %1").arg(main.type));
            }
            std::size_t next = 1;
            if (item.kind == u"switch" && groups.size() > 1 && groups.at(1).kind.protocol == main.kind.protocol) {
                addGroup("uplink_ports", "uplink_speed_gbps", groups.at(1));
                next = 2;
            }
            for (std::size_t i = next; i < groups.size(); ++i)
                result.notes << QStringLiteral("%1 %2 interfaces (%3) are not described by the draft")
                                    .arg(groups.at(i).count)
                                    .arg(groups.at(i).kind.protocol, groups.at(i).type);
        }
    }
    if (!skippedTypes.isEmpty())
        result.notes << QStringLiteral("interfaces of types %1 are not data ports and were skipped")
                            .arg(skippedTypes.join(u", "));

    if (!module && uHeight) {
        if (*uHeight > 0.0)
            add("u_height", catalogNumberText(*uHeight));
        else
            result.notes << QStringLiteral("u_height is 0 (a child device): give the U it takes in its enclosure");
    }
    if (item.kind == u"server") {
        const bool blade = subdeviceRole.value_or(QString()) == u"child" || uHeight.value_or(1.0) == 0.0;
        add("form_factor", blade ? QStringLiteral("blade") : QStringLiteral("rack"),
            blade ? QStringLiteral("subdevice_role child / u_height 0") : QStringLiteral("u_height %1").arg(uHeight.value_or(0.0)));
    }
    if (powerPorts > 1)
        result.notes << QStringLiteral("%1 power ports: taken as redundant supplies, watts are those of one port").arg(powerPorts);
    if (anyMax)
        add("watts_max", catalogNumberText(maxDraw), QStringLiteral("maximum_draw"));
    if (anyAllocated)
        add("watts_typical", catalogNumberText(allocatedDraw), QStringLiteral("allocated_draw"));

    QStringList fields, values;
    for (const CatalogSpecRow &spec : std::as_const(specs)) {
        fields << spec.field;
        values << spec.value;
    }
    result.missingFields << QStringLiteral("price_usd") << QStringLiteral("price_date") << QStringLiteral("price_source");
    result.missingFields << requiredSpecsMissing(item.kind, fields, values);
    result.notes.prepend(QStringLiteral("kind guessed as %1: %2")
                             .arg(item.kind,
                                  module ? QStringLiteral("a module type")
                                         : QStringLiteral("%1 data interfaces (a switch has %2 or more)").arg(dataPorts).arg(kNetboxSwitchMinPorts)));
    return result;
}

} // namespace

NetboxImportResult readNetboxDeviceType(const QByteArray &yaml, const QString &fileName)
{
    if (yaml.size() > kNetboxMaxFileBytes) {
        NetboxImportResult result;
        result.error = QStringLiteral("%1:1: the file is %2 bytes, more than the limit of %3 bytes")
                           .arg(fileName)
                           .arg(yaml.size())
                           .arg(kNetboxMaxFileBytes);
        return result;
    }
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        if (!root || root.IsNull())
            throw NetboxError{QStringLiteral("%1:1: the file is empty").arg(fileName)};
        return readDocument(root, fileName);
    } catch (const NetboxError &error) {
        NetboxImportResult result;
        result.error = error.message;
        return result;
    } catch (const YAML::Exception &error) {
        NetboxImportResult result;
        const int line = error.mark.is_null() ? 1 : error.mark.line + 1;
        result.error = QStringLiteral("%1:%2: malformed YAML: %3").arg(fileName).arg(line).arg(QString::fromStdString(error.msg));
        return result;
    }
}

NetboxImportResult readNetboxDeviceTypeFile(const QString &path)
{
    if (const QFileInfo info(path); info.isFile() && info.size() > kNetboxMaxFileBytes) {
        NetboxImportResult result;
        result.error = QStringLiteral("%1: the file is %2 bytes, more than the limit of %3 bytes")
                           .arg(path)
                           .arg(info.size())
                           .arg(kNetboxMaxFileBytes);
        return result;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        NetboxImportResult result;
        result.error = QStringLiteral("%1: cannot read: %2").arg(path, file.errorString());
        return result;
    }
    QString label = QDir::fromNativeSeparators(path);
    const qsizetype at = std::max(label.lastIndexOf(QStringLiteral("device-types/")), label.lastIndexOf(QStringLiteral("module-types/")));
    label = at >= 0 ? label.mid(at) : label.section(u'/', -1);
    // One byte past the limit is enough for readNetboxDeviceType to refuse a file that grew.
    return readNetboxDeviceType(file.read(kNetboxMaxFileBytes + 1), label);
}

} // namespace iovplan::catalogs
