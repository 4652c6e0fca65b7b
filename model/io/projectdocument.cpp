#include "projectdocument.h"

#include "jsonduplicatekeys.h"
#include "jsonfieldreader.h"
#include "projectchecks.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <array>
#include <limits>

namespace iovplan::io {

using namespace iovplan::design;

namespace {

// Bounds that keep a hostile document from asking for absurd allocations or overflowing int.
constexpr qint64 maxWhole = std::numeric_limits<int>::max();
constexpr qint64 maxRackU = 1000;
// A cable has optics at most at its two ends.
constexpr qsizetype maxTransceiversPerCable = 2;

// The item kinds of catalogs/data/README.md.
constexpr std::array<const char *, 8> itemKinds { "server", "adapter", "switch", "gateway",
    "gateway-module", "cable", "transceiver", "storage" };

// ---- reading -------------------------------------------------------------------------------

int whole(const QJsonValue &value, const JsonPath &path, qint64 minimum, qint64 maximum = maxWhole)
{
    return static_cast<int>(wholeNumber(value, path, minimum, maximum));
}

bool requireBool(const QJsonValue &value, const JsonPath &path)
{
    if (value.isUndefined())
        rejectField(path, QStringLiteral("is missing"));
    if (!value.isBool())
        rejectField(path, QStringLiteral("must be true or false, got ") + describeValue(value));
    return value.toBool();
}

// null (or absent) reads as "no value"; otherwise a percentage in [0, 100].
std::optional<double> optionalPercent(const QJsonValue &value, const JsonPath &path)
{
    if (value.isNull() || value.isUndefined())
        return std::nullopt;
    const double x = nonNegativeNumber(value, path);
    if (x > 100.0)
        rejectField(path, QStringLiteral("must be a percentage in [0, 100], got ") + numberText(x));
    return x;
}

QJsonArray arrayOf(const QJsonObject &object, const char *key, const JsonPath &path, const char *what)
{
    return requireArray(object.value(QLatin1String(key)), path, QLatin1String(what));
}

QJsonObject objectAt(const QJsonValue &value, const JsonPath &path)
{
    return requireObject(value, path, QStringLiteral("an object"));
}

// How many elements a list may hold, and what messages call them ("servers").
struct ListBound
{
    qsizetype maxItems;
    const char *noun;
};

// Calls read(object, path) for each element of the array `object[key]`, each required to be an object,
// after checking the array against `bound`. An absent array is an error unless `optional` (keys added
// within a version read as empty).
template <typename Read>
void forEachObjectIn(const QJsonObject &object, const char *key, const JsonPath &path, const char *what,
                     ListBound bound, Read read, bool optional = false)
{
    const JsonPath arrayPath = path.member(key);
    const QJsonValue value = object.value(QLatin1String(key));
    if (optional && value.isUndefined())
        return;
    const QJsonArray array = requireArray(value, arrayPath, QLatin1String(what));
    requireAtMost(array.size(), arrayPath, QLatin1String(bound.noun), bound.maxItems);
    for (qsizetype i = 0; i < array.size(); ++i) {
        const JsonPath p = arrayPath.index(i);
        read(objectAt(array.at(i), p), p);
    }
}

QString stringAt(const QJsonObject &object, const char *key, const JsonPath &path)
{
    return requireString(object.value(QLatin1String(key)), path.member(key));
}

// The pinned catalog, for checking that the design only uses pinned items.
class ItemRefs
{
public:
    explicit ItemRefs(const std::map<QString, PinnedItem> &catalog)
        : m_catalog(catalog)
    {
    }
    QString read(const QJsonObject &object, const JsonPath &path) const
    {
        const JsonPath field = path.member("item_id");
        return readValue(object.value(QLatin1String("item_id")), field);
    }
    // An item id given as an array element (a cable's transceiver_item_ids).
    QString readValue(const QJsonValue &value, const JsonPath &path) const
    {
        const QString id = requireString(value, path);
        if (m_catalog.find(id) == m_catalog.end())
            rejectField(path, QStringLiteral("names item ") + quoted(id) + QStringLiteral(", which the project's catalog does not pin"));
        return id;
    }

private:
    const std::map<QString, PinnedItem> &m_catalog;
};

// Ids of one design, unique across all its objects.
class IdSet
{
public:
    QString add(const QJsonObject &object, const JsonPath &path)
    {
        const JsonPath field = path.member("id");
        const QString id = requireString(object.value(QLatin1String("id")), field);
        if (id.isEmpty())
            rejectField(field, QStringLiteral("is empty"));
        if (m_ids.contains(id))
            rejectField(field, QStringLiteral("duplicates id ") + quoted(id));
        m_ids.insert(id);
        return id;
    }

private:
    QSet<QString> m_ids;
};

// A reference to an object of `known` (racks, fabrics, devices) read before.
QString referenceTo(const QJsonObject &object, const char *key, const JsonPath &path,
    const QSet<QString> &known, const char *what)
{
    const JsonPath field = path.member(key);
    const QString id = requireString(object.value(QLatin1String(key)), field);
    if (!known.contains(id))
        rejectField(field, QStringLiteral("names ") + quoted(id) + QStringLiteral(", which is not a ") + QLatin1String(what) + QStringLiteral(" of this design"));
    return id;
}

PinnedItem readItem(const QString &id, const QJsonObject &o, const JsonPath &path, const DocumentLimits &limits)
{
    PinnedItem item;
    item.id = id;
    item.kind = stringAt(o, "kind", path);
    bool knownKind = false;
    for (const char *kind : itemKinds)
        knownKind = knownKind || item.kind == QLatin1String(kind);
    if (!knownKind)
        rejectField(path.member("kind"), QStringLiteral("is not an item kind: ") + quoted(item.kind));
    item.vendor = stringAt(o, "vendor", path);
    item.model = stringAt(o, "model", path);
    item.partNumber = stringAt(o, "part_number", path);
    item.description = stringAt(o, "description", path);
    item.priceUsd = nonNegativeNumber(o.value(QLatin1String("price_usd")), path.member("price_usd"));
    item.priceDate = stringAt(o, "price_date", path);
    item.priceSource = stringAt(o, "price_source", path);
    item.maintenancePctPerYear = optionalPercent(
        o.value(QLatin1String("maintenance_pct_per_year")), path.member("maintenance_pct_per_year"));
    item.maintenanceSource = stringAt(o, "maintenance_source", path);
    const JsonPath specsPath = path.member("specs");
    const QJsonArray specs = arrayOf(o, "specs", specsPath, "an array of specs");
    requireAtMost(specs.size(), specsPath, QStringLiteral("specs"), limits.maxSpecsPerItem);
    for (qsizetype i = 0; i < specs.size(); ++i) {
        const JsonPath p = specsPath.index(i);
        const QJsonObject s = objectAt(specs.at(i), p);
        item.specs.push_back({ stringAt(s, "field", p), stringAt(s, "value", p), stringAt(s, "unit", p),
            stringAt(s, "source", p) });
    }
    return item;
}

std::vector<SlotItem> readSlots(const QJsonObject &o, const char *key, const JsonPath &path, const ItemRefs &items,
                               const DocumentLimits &limits)
{
    const JsonPath listPath = path.member(key);
    const QJsonArray list = arrayOf(o, key, listPath, "an array of {slot, item_id}");
    requireAtMost(list.size(), listPath, QStringLiteral("slots"), limits.maxSlotsPerDevice);
    std::vector<SlotItem> slots;
    QSet<int> used;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const JsonPath p = listPath.index(i);
        const QJsonObject s = objectAt(list.at(i), p);
        SlotItem slot;
        slot.slot = whole(s.value(QLatin1String("slot")), p.member("slot"), 1);
        if (used.contains(slot.slot))
            rejectField(p.member("slot"), QStringLiteral("slot ") + numberText(static_cast<qint64>(slot.slot)) + QStringLiteral(" is used twice"));
        used.insert(slot.slot);
        slot.itemId = items.read(s, p);
        slots.push_back(slot);
    }
    return slots;
}

// The racks of a design by id, built once per design: looking them up per device keeps reading a
// design linear in its size (100,000 servers in 10,000 racks).
struct RackIndex
{
    QSet<QString> ids;
    QHash<QString, int> heightU;
};

// rack_id and position_u of a racked device; the device must fit inside the rack.
void readPlacement(const QJsonObject &o, const JsonPath &path, const RackIndex &racks,
    QString &rackId, int &positionU)
{
    rackId = referenceTo(o, "rack_id", path, racks.ids, "rack");
    const int height = racks.heightU.value(rackId);
    positionU = whole(o.value(QLatin1String("position_u")), path.member("position_u"), 1, height);
}

Design readDesign(const QJsonObject &o, const JsonPath &path, const ItemRefs &items, const DocumentLimits &limits)
{
    Design d;
    IdSet ids;
    forEachObjectIn(o, "racks", path, "an array of racks", {limits.maxRacks, "racks"}, [&](const QJsonObject &r, const JsonPath &p) {
        Rack rack;
        rack.id = ids.add(r, p);
        rack.name = stringAt(r, "name", p);
        rack.heightU = whole(r.value(QLatin1String("height_u")), p.member("height_u"), 1, maxRackU);
        d.racks.push_back(rack);
    });

    RackIndex rackIndex;
    for (const Rack &rack : d.racks) {
        rackIndex.ids.insert(rack.id);
        rackIndex.heightU.insert(rack.id, rack.heightU);
    }

    QSet<QString> fabricIds;
    forEachObjectIn(o, "fabrics", path, "an array of fabrics", {limits.maxFabrics, "fabrics"}, [&](const QJsonObject &f, const JsonPath &p) {
        Fabric fabric;
        fabric.id = ids.add(f, p);
        fabric.kind = requireKeyword(f.value(QLatin1String("kind")), p.member("kind"), fabricKindSpellings);
        fabric.name = stringAt(f, "name", p);
        fabricIds.insert(fabric.id);
        d.fabrics.push_back(fabric);
    });

    // What every placed device has: id, name, catalog item and its rack position.
    QSet<QString> deviceIds;
    const auto readPlacedDevice = [&](auto &device, const QJsonObject &object, const JsonPath &p) {
        device.id = ids.add(object, p);
        device.name = stringAt(object, "name", p);
        device.itemId = items.read(object, p);
        readPlacement(object, p, rackIndex, device.rackId, device.positionU);
        deviceIds.insert(device.id);
    };
    forEachObjectIn(o, "servers", path, "an array of servers", {limits.maxServers, "servers"}, [&](const QJsonObject &s, const JsonPath &p) {
        Server server;
        readPlacedDevice(server, s, p);
        server.group = stringAt(s, "group", p);
        server.adapters = readSlots(s, "adapters", p, items, limits);
        d.servers.push_back(server);
    });

    forEachObjectIn(o, "switches", path, "an array of switches", {limits.maxSwitches, "switches"}, [&](const QJsonObject &s, const JsonPath &p) {
        Switch sw;
        readPlacedDevice(sw, s, p);
        sw.fabricId = referenceTo(s, "fabric_id", p, fabricIds, "fabric");
        d.switches.push_back(sw);
    });

    forEachObjectIn(o, "gateways", path, "an array of gateways", {limits.maxGateways, "gateways"}, [&](const QJsonObject &g, const JsonPath &p) {
        Gateway gateway;
        readPlacedDevice(gateway, g, p);
        gateway.modules = readSlots(g, "modules", p, items, limits);
        d.gateways.push_back(gateway);
    });

    // Storage arrays arrived after version 2 was first written: an absent list reads as none.
    forEachObjectIn(o, "storage", path, "an array of storage arrays", {limits.maxStorageArrays, "storage arrays"}, [&](const QJsonObject &a, const JsonPath &p) {
        StorageArray array;
        readPlacedDevice(array, a, p);
        array.fabricId = referenceTo(a, "fabric_id", p, fabricIds, "fabric");
        d.storage.push_back(array);
    }, true);

    // A cable end names a device, or a fabric for an uplink into that fabric's existing network.
    const QSet<QString> endIds = deviceIds + fabricIds;
    forEachObjectIn(o, "cables", path, "an array of cables", {limits.maxCables, "cables"}, [&](const QJsonObject &c, const JsonPath &p) {
        Cable cable;
        cable.id = ids.add(c, p);
        cable.itemId = items.read(c, p);
        cable.fabricId = referenceTo(c, "fabric_id", p, fabricIds, "fabric");
        const auto readEnd = [&](const char *key) {
            const JsonPath endPath = p.member(key);
            const QJsonObject e = objectAt(c.value(QLatin1String(key)), endPath);
            CableEnd end;
            end.deviceId = referenceTo(e, "device_id", endPath, endIds, "server, switch, gateway, storage array or fabric");
            end.slot = whole(e.value(QLatin1String("slot")), endPath.member("slot"), 0);
            // 0 is a fabric end's port; checkProject requires >= 1 at a device end.
            end.port = whole(e.value(QLatin1String("port")), endPath.member("port"), 0);
            return end;
        };
        cable.from = readEnd("from");
        cable.to = readEnd("to");
        const JsonPath opticsPath = p.member("transceiver_item_ids");
        const QJsonValue opticsValue = c.value(QLatin1String("transceiver_item_ids"));
        if (opticsValue.isUndefined())
            rejectField(opticsPath, QStringLiteral("is missing (write [] for a cable without transceivers)"));
        const QJsonArray optics = requireArray(opticsValue, opticsPath, QStringLiteral("an array of transceiver item ids"));
        if (optics.size() > maxTransceiversPerCable)
            rejectField(opticsPath,
                QStringLiteral("has ") + numberText(static_cast<qint64>(optics.size()))
                    + QStringLiteral(" transceivers; a cable has at most ") + numberText(static_cast<qint64>(maxTransceiversPerCable))
                    + QStringLiteral(" (one per end)"));
        for (qsizetype k = 0; k < optics.size(); ++k)
            cable.transceiverItemIds.push_back(items.readValue(optics.at(k), opticsPath.index(k)));
        d.cables.push_back(cable);
    });
    return d;
}

Workload readWorkload(const QJsonObject &o, const JsonPath &path, const DocumentLimits &limits)
{
    Workload w;
    const JsonPath profilesPath = path.member("profiles");
    const QJsonArray profiles = arrayOf(o, "profiles", profilesPath, "an array of VM profiles");
    requireAtMost(profiles.size(), profilesPath, QStringLiteral("VM profiles"), limits.maxVmProfiles);
    for (qsizetype i = 0; i < profiles.size(); ++i) {
        const JsonPath p = profilesPath.index(i);
        const QJsonObject v = objectAt(profiles.at(i), p);
        const auto size = [&](const char *key) { return nonNegativeNumber(v.value(QLatin1String(key)), p.member(key)); };
        VmProfile profile;
        profile.name = stringAt(v, "name", p);
        profile.serverGroup = stringAt(v, "server_group", p);
        profile.vmsPerServer = whole(v.value(QLatin1String("vms_per_server")), p.member("vms_per_server"), 0);
        profile.vcpus = whole(v.value(QLatin1String("vcpus")), p.member("vcpus"), 0);
        profile.networkBytesPerS = size("network_bytes_per_s");
        profile.networkMessageBytes = size("network_message_bytes");
        profile.storageBytesPerS = size("storage_bytes_per_s");
        profile.iops = size("iops");
        profile.blockBytes = size("block_bytes");
        profile.ipcBytesPerS = size("ipc_bytes_per_s");
        profile.migrationBytesPerS = size("migration_bytes_per_s");
        // Added in version 2 without a migration: absent means no VM compute load and TCP/IP.
        if (const QJsonValue u = v.value(QLatin1String("vcpu_utilization")); !u.isUndefined()) {
            profile.vcpuUtilization = nonNegativeNumber(u, p.member("vcpu_utilization"));
            if (profile.vcpuUtilization > 1.0)
                rejectField(p.member("vcpu_utilization"), QStringLiteral("must be a fraction in [0, 1], got ")
                                                              + numberText(profile.vcpuUtilization));
        }
        if (const QJsonValue t = v.value(QLatin1String("network_transport")); !t.isUndefined()) {
            const QString transport = t.toString();
            if (transport != u"tcp" && transport != u"rdma")
                rejectField(p.member("network_transport"), QStringLiteral("must be \"tcp\" or \"rdma\", got ") + describeValue(t));
            profile.rdma = transport == u"rdma";
        }
        w.profiles.push_back(profile);
    }
    const JsonPath slaPath = path.member("sla");
    const QJsonObject sla = objectAt(o.value(QLatin1String("sla")), slaPath);
    w.sla.latencyS = positiveNumber(sla.value(QLatin1String("latency_s")), slaPath.member("latency_s"));
    w.sla.throughputBytesPerS = nonNegativeNumber(
        sla.value(QLatin1String("throughput_bytes_per_s")), slaPath.member("throughput_bytes_per_s"));
    return w;
}

Assumptions readAssumptions(const QJsonObject &o, const JsonPath &path)
{
    Assumptions a;
    a.electricityUsdPerKwh = nonNegativeNumber(
        o.value(QLatin1String("electricity_usd_per_kwh")), path.member("electricity_usd_per_kwh"));
    a.pue = requireNumber(o.value(QLatin1String("pue")), path.member("pue"));
    if (a.pue < 1.0)
        rejectField(path.member("pue"), QStringLiteral("must be >= 1, got ") + numberText(a.pue));
    a.years = whole(o.value(QLatin1String("years")), path.member("years"), 1, 100);
    a.maintenancePctOverride = optionalPercent(
        o.value(QLatin1String("maintenance_pct_override")), path.member("maintenance_pct_override"));
    a.haDualHoming = requireBool(o.value(QLatin1String("ha_dual_homing")), path.member("ha_dual_homing"));
    return a;
}

Project readProject(const QJsonObject &root, const DocumentLimits &limits)
{
    Project project;
    project.name = requireString(root.value(QLatin1String("name")), JsonPath("name"));
    project.author = requireString(root.value(QLatin1String("author")), JsonPath("author"));

    const JsonPath catalogPath("catalog");
    const QJsonObject catalog = requireObject(root.value(QLatin1String("catalog")), catalogPath,
        QStringLiteral("an object of pinned items by id"));
    requireAtMost(catalog.size(), catalogPath, QStringLiteral("pinned items"), limits.maxCatalogItems);
    for (auto it = catalog.begin(); it != catalog.end(); ++it) {
        const JsonPath p = catalogPath.member(it.key());
        if (it.key().isEmpty())
            rejectField(p, QStringLiteral("an item id must not be empty"));
        project.catalog.emplace(it.key(), readItem(it.key(), objectAt(it.value(), p), p, limits));
    }
    const ItemRefs items(project.catalog);

    const JsonPath scenariosPath("scenarios");
    const QJsonArray scenarios = requireArray(
        root.value(QLatin1String("scenarios")), scenariosPath, QStringLiteral("an array of scenarios"));
    requireAtMost(scenarios.size(), scenariosPath, QStringLiteral("scenarios"), limits.maxScenarios);
    QSet<QString> names;
    for (qsizetype i = 0; i < scenarios.size(); ++i) {
        const JsonPath p = scenariosPath.index(i);
        const QJsonObject s = objectAt(scenarios.at(i), p);
        Scenario scenario;
        scenario.name = stringAt(s, "name", p);
        if (names.contains(scenario.name))
            rejectField(p.member("name"), QStringLiteral("duplicates scenario name ") + quoted(scenario.name));
        names.insert(scenario.name);
        scenario.design = readDesign(objectAt(s.value(QLatin1String("design")), p.member("design")), p.member("design"), items, limits);
        scenario.workload = readWorkload(objectAt(s.value(QLatin1String("workload")), p.member("workload")), p.member("workload"), limits);
        scenario.iovMode = requireKeyword(s.value(QLatin1String("iov_mode")), p.member("iov_mode"), iovModeSpellings);
        scenario.assumptions = readAssumptions(
            objectAt(s.value(QLatin1String("assumptions")), p.member("assumptions")), p.member("assumptions"));
        project.scenarios.push_back(std::move(scenario));
    }
    return project;
}

// The "version" of a document on disk, if it is a readable iovplan document.
std::optional<int> versionOnDisk(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
    const QJsonValue version = document.object().value(QLatin1String("version"));
    if (!version.isDouble())
        return std::nullopt;
    return version.toInt();
}

} // namespace

ProjectReadResult readProjectJson(const QByteArray &json, const std::vector<DocumentMigration> &migrations,
                                  const DocumentLimits &limits)
{
    ProjectReadResult result;
    // Both checked before parsing: the parser's memory grows with the size, its stack with the nesting.
    if (json.size() > limits.maxFileBytes) {
        result.error = { QString(), QStringLiteral("the document is ") + QString::number(json.size())
                + QStringLiteral(" bytes, more than the limit of ") + QString::number(limits.maxFileBytes)
                + QStringLiteral(" bytes") };
        return result;
    }
    if (const qsizetype deep = jsonNestingBeyond(json, limits.maxNestingDepth); deep >= 0) {
        // Worded as the parser words its own (deeper) nesting limit: a parse error at a byte.
        result.error = { QString(), QStringLiteral("not valid JSON at byte ") + QString::number(deep)
                + QStringLiteral(": arrays and objects are nested more than ") + QString::number(limits.maxNestingDepth)
                + QStringLiteral(" levels deep, more than the limit of ") + QString::number(limits.maxNestingDepth) };
        return result;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.error = { QString(), QStringLiteral("not valid JSON at byte ") + QString::number(parseError.offset)
                + QStringLiteral(": ") + parseError.errorString() };
        return result;
    }
    if (!document.isObject()) {
        result.error = { QString(), QStringLiteral("the document must be a JSON object") };
        return result;
    }
    // QJsonDocument kept only one value of a repeated key; the author meant both, so refuse.
    if (const std::optional<DuplicateKey> duplicate = findDuplicateKey(json)) {
        const QString where = duplicate->path.isEmpty() ? QStringLiteral("the top-level object") : duplicate->path;
        result.error = { duplicate->memberPath,
            QStringLiteral("duplicate key ") + quoted(duplicate->key) + QStringLiteral(" in ") + where
                + (duplicate->path == QLatin1String("catalog") ? QStringLiteral(" (each item id may be pinned once)")
                                                               : QStringLiteral(" (each key may appear once per object)")) };
        return result;
    }
    try {
        QJsonObject root = document.object();
        const JsonPath formatPath("format");
        const QString format = requireString(root.value(QLatin1String("format")), formatPath);
        if (format != QLatin1String("iovplan"))
            rejectField(formatPath, QStringLiteral("must be 'iovplan', got ") + quoted(format));
        const JsonPath versionPath("version");
        const int version = whole(root.value(QLatin1String("version")), versionPath, 0);
        if (version > currentDocumentVersion)
            rejectField(versionPath,
                QStringLiteral("is ") + numberText(static_cast<qint64>(version))
                    + QStringLiteral(": the document was written by a newer IOV Planner (this one reads versions up to ")
                    + numberText(static_cast<qint64>(currentDocumentVersion)) + QStringLiteral("); please upgrade"));
        result.loadedVersion = version;
        for (int v = version; v < currentDocumentVersion; ++v) {
            const auto step = std::find_if(migrations.begin(), migrations.end(),
                [v](const DocumentMigration &m) { return m.fromVersion == v; });
            if (step == migrations.end())
                rejectField(versionPath,
                    QStringLiteral("is ") + numberText(static_cast<qint64>(version))
                        + QStringLiteral(", which this IOV Planner cannot migrate (no step from version ")
                        + numberText(static_cast<qint64>(v)) + QLatin1Char(')'));
            root = step->migrate(root);
        }
        root.insert(QStringLiteral("version"), currentDocumentVersion);
        Project project = readProject(root, limits);
        if (const std::optional<DocumentError> failed = checkProject(project)) {
            result.error = *failed;
            return result;
        }
        result.project = std::move(project);
    } catch (const JsonFieldError &error) {
        result.project.reset();
        result.error = { error.field, error.message };
    }
    return result;
}

ProjectReadResult readProjectFile(const QString &path, const std::vector<DocumentMigration> &migrations,
                                  const DocumentLimits &limits)
{
    ProjectReadResult result;
    const auto tooLarge = [&](const QString &size) {
        result.error = { QString(), QStringLiteral("the file ") + path + QStringLiteral(" is ") + size
                + QStringLiteral(" bytes, more than the limit of ") + QString::number(limits.maxFileBytes)
                + QStringLiteral(" bytes") };
        return result;
    };
    // Checked before reading a byte; the read below still stops one byte past the limit, for devices
    // and files that grow while being read.
    if (const QFileInfo info(path); info.isFile() && info.size() > limits.maxFileBytes)
        return tooLarge(QString::number(info.size()));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = { QString(), QStringLiteral("cannot read ") + path + QStringLiteral(": ") + file.errorString() };
        return result;
    }
    const QByteArray bytes = file.read(limits.maxFileBytes + 1);
    if (bytes.size() > limits.maxFileBytes)
        return tooLarge(QStringLiteral("more than ") + QString::number(limits.maxFileBytes));
    return readProjectJson(bytes, migrations, limits);
}

QString backupPathFor(const QString &path, int oldVersion)
{
    return path + QStringLiteral(".v") + QString::number(oldVersion);
}

SaveResult saveProjectFile(const QString &path, const Project &project, int loadedVersion)
{
    SaveResult result;
    const QByteArray bytes = writeProjectJson(project);
    if (loadedVersion < currentDocumentVersion) {
        const QString backup = backupPathFor(path, loadedVersion);
        // Back up only the old-format file itself, and only once.
        if (!QFileInfo::exists(backup) && versionOnDisk(path) == loadedVersion) {
            if (!QFile::copy(path, backup)) {
                result.message = QStringLiteral("cannot keep the old document as ") + backup;
                return result;
            }
            result.backupPath = backup;
        }
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        result.message = QStringLiteral("cannot save ") + path + QStringLiteral(": ") + file.errorString();
        return result;
    }
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        result.message = QStringLiteral("cannot save ") + path + QStringLiteral(": ") + file.errorString();
        return result;
    }
    result.ok = true;
    return result;
}

} // namespace iovplan::io
