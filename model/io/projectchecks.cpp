#include "projectchecks.h"

#include "jsonfieldreader.h"

#include <QSet>

namespace iovplan::io {

using namespace iovplan::design;

namespace {

// The project's catalog, for checking that each reference names a pinned item of the right kind.
class KindCheck
{
public:
    explicit KindCheck(const std::map<QString, PinnedItem> &catalog)
        : m_catalog(catalog)
    {
    }

    /// Rejects `path` unless `itemId` is pinned with `kind`; `role` completes "the item of ...".
    void require(const QString &itemId, const JsonPath &path, const char *kind, const char *role) const
    {
        const auto item = m_catalog.find(itemId);
        if (item == m_catalog.end())
            rejectField(path, QStringLiteral("names item ") + quoted(itemId) + QStringLiteral(", which the project's catalog does not pin"));
        if (item->second.kind != QLatin1String(kind))
            rejectField(path,
                QStringLiteral("names item ") + quoted(itemId) + QStringLiteral(" of kind ") + quoted(item->second.kind)
                    + QStringLiteral(", but ") + QLatin1String(role) + QStringLiteral(" must be of kind ")
                    + quoted(QLatin1String(kind)));
    }

private:
    const std::map<QString, PinnedItem> &m_catalog;
};

void checkSlots(const std::vector<SlotItem> &slotItems, const JsonPath &listPath, const KindCheck &kinds,
    const char *kind, const char *role)
{
    for (std::size_t k = 0; k < slotItems.size(); ++k) {
        const JsonPath p = listPath.index(static_cast<qsizetype>(k));
        kinds.require(slotItems[k].itemId, p.member("item_id"), kind, role);
    }
}

void checkItemKinds(const Design &d, const JsonPath &path, const KindCheck &kinds)
{
    const JsonPath servers = path.member("servers");
    for (std::size_t i = 0; i < d.servers.size(); ++i) {
        const JsonPath p = servers.index(static_cast<qsizetype>(i));
        kinds.require(d.servers[i].itemId, p.member("item_id"), "server", "a server");
        checkSlots(d.servers[i].adapters, p.member("adapters"), kinds, "adapter", "a server's adapter");
    }
    const JsonPath storage = path.member("storage");
    for (std::size_t i = 0; i < d.storage.size(); ++i)
        kinds.require(d.storage[i].itemId, storage.index(static_cast<qsizetype>(i)).member("item_id"), "storage", "a storage array");
    const JsonPath switches = path.member("switches");
    for (std::size_t i = 0; i < d.switches.size(); ++i)
        kinds.require(d.switches[i].itemId, switches.index(static_cast<qsizetype>(i)).member("item_id"), "switch", "a switch");
    const JsonPath gateways = path.member("gateways");
    for (std::size_t i = 0; i < d.gateways.size(); ++i) {
        const JsonPath p = gateways.index(static_cast<qsizetype>(i));
        kinds.require(d.gateways[i].itemId, p.member("item_id"), "gateway", "a gateway");
        checkSlots(d.gateways[i].modules, p.member("modules"), kinds, "gateway-module", "a gateway's module");
    }
    const JsonPath cables = path.member("cables");
    for (std::size_t i = 0; i < d.cables.size(); ++i) {
        const JsonPath p = cables.index(static_cast<qsizetype>(i));
        const Cable &cable = d.cables[i];
        kinds.require(cable.itemId, p.member("item_id"), "cable", "a cable");
        const JsonPath optics = p.member("transceiver_item_ids");
        for (std::size_t k = 0; k < cable.transceiverItemIds.size(); ++k)
            kinds.require(cable.transceiverItemIds[k], optics.index(static_cast<qsizetype>(k)), "transceiver", "a cable's transceiver");
    }
}

void checkCableEnd(const Cable &cable, const CableEnd &end, const JsonPath &path,
    const QSet<QString> &deviceIds, const QSet<QString> &fabricIds)
{
    if (fabricIds.contains(end.deviceId)) {
        // An uplink into the existing network of a fabric: the network has no slots or ports of ours.
        if (end.deviceId != cable.fabricId)
            rejectField(path.member("device_id"),
                QStringLiteral("names fabric ") + quoted(end.deviceId) + QStringLiteral(", but the cable is on fabric ")
                    + quoted(cable.fabricId) + QStringLiteral(" (a fabric end is an uplink into the cable's own fabric)"));
        if (end.slot != 0)
            rejectField(path.member("slot"),
                QStringLiteral("must be 0 at a fabric end (an uplink into fabric ") + quoted(end.deviceId)
                    + QStringLiteral("), got ") + numberText(static_cast<qint64>(end.slot)));
        if (end.port != 0)
            rejectField(path.member("port"),
                QStringLiteral("must be 0 at a fabric end (an uplink into fabric ") + quoted(end.deviceId)
                    + QStringLiteral("), got ") + numberText(static_cast<qint64>(end.port)));
        return;
    }
    if (!deviceIds.contains(end.deviceId))
        rejectField(path.member("device_id"),
            QStringLiteral("names ") + quoted(end.deviceId) + QStringLiteral(", which is not a server, switch, gateway or fabric of this design"));
    if (end.slot < 0)
        rejectField(path.member("slot"),
            QStringLiteral("must be a whole number >= 0, got ") + numberText(static_cast<qint64>(end.slot)));
    if (end.port < 1)
        rejectField(path.member("port"),
            QStringLiteral("must be >= 1 at a device end (ports are numbered from 1), got ")
                + numberText(static_cast<qint64>(end.port)));
}

void checkCableEnds(const Design &d, const JsonPath &path)
{
    QSet<QString> deviceIds;
    for (const Server &s : d.servers)
        deviceIds.insert(s.id);
    for (const Switch &s : d.switches)
        deviceIds.insert(s.id);
    for (const Gateway &g : d.gateways)
        deviceIds.insert(g.id);
    for (const StorageArray &a : d.storage)
        deviceIds.insert(a.id);
    QSet<QString> fabricIds;
    for (const Fabric &f : d.fabrics)
        fabricIds.insert(f.id);
    const JsonPath cables = path.member("cables");
    for (std::size_t i = 0; i < d.cables.size(); ++i) {
        const JsonPath p = cables.index(static_cast<qsizetype>(i));
        checkCableEnd(d.cables[i], d.cables[i].from, p.member("from"), deviceIds, fabricIds);
        checkCableEnd(d.cables[i], d.cables[i].to, p.member("to"), deviceIds, fabricIds);
    }
}

void checkProfiles(const Scenario &scenario, const JsonPath &path)
{
    QSet<QString> groups;
    for (const Server &s : scenario.design.servers)
        groups.insert(s.group);
    QSet<QString> names;
    const JsonPath profiles = path.member("profiles");
    for (std::size_t i = 0; i < scenario.workload.profiles.size(); ++i) {
        const JsonPath p = profiles.index(static_cast<qsizetype>(i));
        const VmProfile &profile = scenario.workload.profiles[i];
        if (names.contains(profile.name))
            rejectField(p.member("name"), QStringLiteral("duplicates profile name ") + quoted(profile.name));
        names.insert(profile.name);
        if (!groups.contains(profile.serverGroup))
            rejectField(p.member("server_group"),
                QStringLiteral("names group ") + quoted(profile.serverGroup)
                    + QStringLiteral(", but no server of this scenario is in that group"));
    }
}

} // namespace

std::optional<DocumentError> checkProject(const Project &project)
{
    const KindCheck kinds(project.catalog);
    const JsonPath scenarios("scenarios");
    try {
        for (std::size_t i = 0; i < project.scenarios.size(); ++i) {
            const JsonPath p = scenarios.index(static_cast<qsizetype>(i));
            const Scenario &scenario = project.scenarios[i];
            checkItemKinds(scenario.design, p.member("design"), kinds);
            checkCableEnds(scenario.design, p.member("design"));
            checkProfiles(scenario, p.member("workload"));
        }
    } catch (const JsonFieldError &error) {
        return DocumentError { error.field, error.message };
    }
    return std::nullopt;
}

} // namespace iovplan::io
