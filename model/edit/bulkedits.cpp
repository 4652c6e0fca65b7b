// Copy / paste, duplicate, "add N servers like this one" and "apply adapter kit" (designedits.h).

#include "designedits.h"

#include "designindex.h"

#include "model/cost/designcheck.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace iovplan::edit {

using namespace iovplan::design;
using namespace iovplan::edit::detail;

Design extractObjects(const Scenario &scenario, const QStringList &ids)
{
    const Design &design = scenario.design;
    const QSet<QString> asked(ids.begin(), ids.end());
    QSet<QString> racks;
    for (const Rack &r : design.racks) {
        if (asked.contains(r.id))
            racks.insert(r.id);
    }
    Design fragment;
    QSet<QString> devices;
    QSet<QString> fabrics;
    const auto take = [&](const auto &list, auto &into) {
        for (const auto &d : list) {
            if (asked.contains(d.id) || racks.contains(d.rackId)) {
                into.push_back(d);
                devices.insert(d.id);
            }
        }
    };
    take(design.servers, fragment.servers);
    take(design.switches, fragment.switches);
    take(design.gateways, fragment.gateways);
    take(design.storage, fragment.storage);
    for (const Switch &s : fragment.switches)
        fabrics.insert(s.fabricId);
    for (const StorageArray &a : fragment.storage)
        fabrics.insert(a.fabricId);
    QSet<QString> fabricIds;
    for (const Fabric &f : design.fabrics)
        fabricIds.insert(f.id);
    for (const Cable &c : design.cables) {
        const bool fromIn = devices.contains(c.from.deviceId);
        const bool toIn = devices.contains(c.to.deviceId);
        if ((fromIn && toIn) || (fromIn && fabricIds.contains(c.to.deviceId)) || (toIn && fabricIds.contains(c.from.deviceId))) {
            fragment.cables.push_back(c);
            fabrics.insert(c.fabricId);
        }
    }
    for (const Fabric &f : design.fabrics) {
        if (fabrics.contains(f.id))
            fragment.fabrics.push_back(f);
    }
    return fragment;
}

namespace {

// The fabrics of the scenario that a fragment's fabrics map to: the same id when it has that fabric with the
// same kind, else its first fabric of that kind, else a new fabric like the fragment's.
class FabricMap
{
public:
    FabricMap(Design &design, const Design &fragment, IdAllocator &ids, QStringList &created)
        : m_design(design), m_fragment(fragment), m_ids(ids), m_created(created)
    {
    }
    QString map(const QString &fragmentFabricId)
    {
        if (const auto found = m_mapped.constFind(fragmentFabricId); found != m_mapped.constEnd())
            return *found;
        QString target;
        const Fabric *source = findFabric(m_fragment, fragmentFabricId);
        const Fabric *same = findFabric(m_design, fragmentFabricId);
        if (source == nullptr) {
            target = same != nullptr ? same->id : QString();
        } else if (same != nullptr && same->kind == source->kind) {
            target = same->id;
        } else {
            for (const Fabric &f : m_design.fabrics) {
                if (f.kind == source->kind) {
                    target = f.id;
                    break;
                }
            }
            if (target.isEmpty()) {
                Fabric fabric = *source;
                fabric.id = m_ids.next(QStringLiteral("fabric"));
                m_design.fabrics.push_back(fabric);
                m_created.append(fabric.id);
                target = fabric.id;
            }
        }
        m_mapped.insert(fragmentFabricId, target);
        return target;
    }

private:
    Design &m_design;
    const Design &m_fragment;
    IdAllocator &m_ids;
    QStringList &m_created;
    QHash<QString, QString> m_mapped;
};

} // namespace

EditResult pasteObjects(const Scenario &scenario, const PinnedCatalog &catalog, const Design &fragment, const QString &rackId)
{
    const Design &design = scenario.design;
    if (fragment.servers.empty() && fragment.switches.empty() && fragment.gateways.empty() && fragment.storage.empty())
        return EditResult::refused(QStringLiteral("nothing to paste: the copied objects hold no server, switch, gateway or storage array"));
    if (design.racks.empty())
        return EditResult::refused(QStringLiteral("scenario %1 has no rack to paste into: add a rack first").arg(scenario.name));
    if (!rackId.isEmpty() && findRack(design, rackId) == nullptr)
        return EditResult::refused(QStringLiteral("rack %1 does not exist in scenario %2: pick one of its racks").arg(rackId, scenario.name));

    EditResult result { scenario, {}, {} };
    Design &edited = result.scenario->design;
    IdAllocator ids(design);
    QStringList fabricsMade;
    FabricMap fabrics(edited, fragment, ids, fabricsMade);
    std::map<QString, RackSpace> spaces;
    QHash<QString, QString> newIds; // fragment device id -> pasted id

    // Places one device; false (with the refusal set) when its rack has no room at or above its old U.
    const auto place = [&](auto device, auto &into, const QString &prefix, const QString &kind) -> bool {
        const PinnedItem *item = pinned(catalog, device.itemId);
        if (item == nullptr) {
            result.refusal = QStringLiteral("%1 %2 uses item %3, which the project does not pin: pin it before pasting")
                                 .arg(kind, device.id, device.itemId);
            return false;
        }
        const QString target = !rackId.isEmpty() ? rackId
            : findRack(design, device.rackId) != nullptr ? device.rackId
                                                          : design.racks.front().id;
        auto space = spaces.find(target);
        if (space == spaces.end())
            space = spaces.emplace(target, RackSpace(design, catalog, *findRack(design, target))).first;
        const double height = itemHeightU(catalog, device.itemId);
        const std::optional<int> at = space->second.lowestFree(device.positionU, height);
        if (!at) {
            result.refusal = QStringLiteral("no room for %1 %2 (%3, %4 U) in rack %5 at or above U %6: free some U or paste into another rack")
                                 .arg(kind, device.id, displayName(*item), QString::number(height, 'g', 6), target)
                                 .arg(device.positionU);
            return false;
        }
        const QString oldId = device.id;
        device.id = ids.next(prefix);
        device.rackId = target;
        device.positionU = *at;
        space->second.take(device.id, *at, height);
        newIds.insert(oldId, device.id);
        result.createdIds.append(device.id);
        into.push_back(std::move(device));
        return true;
    };
    for (const Server &s : fragment.servers) {
        if (!place(s, edited.servers, QStringLiteral("server"), QStringLiteral("server")))
            return EditResult::refused(result.refusal);
    }
    for (Switch s : fragment.switches) {
        s.fabricId = fabrics.map(s.fabricId);
        if (s.fabricId.isEmpty())
            return EditResult::refused(QStringLiteral("switch %1 is on fabric %2, which neither the copy nor scenario %3 has: add the fabric first").arg(s.id, fragment.switches.front().fabricId, scenario.name));
        if (!place(s, edited.switches, QStringLiteral("switch"), QStringLiteral("switch")))
            return EditResult::refused(result.refusal);
    }
    for (const Gateway &g : fragment.gateways) {
        if (!place(g, edited.gateways, QStringLiteral("gw"), QStringLiteral("gateway")))
            return EditResult::refused(result.refusal);
    }
    for (StorageArray a : fragment.storage) {
        a.fabricId = fabrics.map(a.fabricId);
        if (a.fabricId.isEmpty())
            return EditResult::refused(QStringLiteral("storage array %1 is on a fabric that neither the copy nor scenario %2 has: add the fabric first").arg(a.id, scenario.name));
        if (!place(a, edited.storage, QStringLiteral("storage"), QStringLiteral("storage array")))
            return EditResult::refused(result.refusal);
    }

    // Cables between pasted devices (and their uplinks), re-pointed; one whose port the pasted device lacks
    // or that another pasted cable already took is left behind rather than pasting a broken cable.
    QHash<QString, std::vector<PortGroup>> groups;
    QSet<QString> usedPorts;
    const auto remap = [&](CableEnd end, const QString &fabricId, bool &ok) {
        if (const auto found = newIds.constFind(end.deviceId); found != newIds.constEnd()) {
            end.deviceId = *found;
            if (!groups.contains(end.deviceId)) {
                const std::optional<DeviceRef> ref = findDevice(edited, end.deviceId);
                groups.insert(end.deviceId, ref ? portGroups(edited, catalog, *ref) : std::vector<PortGroup>());
            }
            const std::vector<PortGroup> &g = groups[end.deviceId];
            const bool exists = std::any_of(g.begin(), g.end(), [&](const PortGroup &p) { return p.slot == end.slot && end.port >= 1 && end.port <= p.count; });
            const QString key = QStringLiteral("%1/%2/%3").arg(end.deviceId).arg(end.slot).arg(end.port);
            ok = ok && exists && !usedPorts.contains(key);
            usedPorts.insert(key);
        } else if (findFabric(fragment, end.deviceId) != nullptr || findFabric(design, end.deviceId) != nullptr) {
            end.deviceId = fabricId;
            end.slot = 0;
            end.port = 0;
        } else {
            ok = false;
        }
        return end;
    };
    for (Cable c : fragment.cables) {
        c.fabricId = fabrics.map(c.fabricId);
        bool ok = !c.fabricId.isEmpty() && pinned(catalog, c.itemId) != nullptr;
        c.from = remap(c.from, c.fabricId, ok);
        c.to = remap(c.to, c.fabricId, ok);
        if (!ok)
            continue;
        c.id = ids.next(QStringLiteral("cable"));
        edited.cables.push_back(c);
        result.createdIds.append(c.id);
    }
    result.createdIds.append(fabricsMade);
    return result;
}

EditResult duplicateObjects(const Scenario &scenario, const PinnedCatalog &catalog, const QStringList &ids)
{
    const Design fragment = extractObjects(scenario, ids);
    if (fragment.servers.empty() && fragment.switches.empty() && fragment.gateways.empty() && fragment.storage.empty())
        return EditResult::refused(QStringLiteral("nothing to duplicate: select servers, switches, gateways, storage arrays or racks"));
    return pasteObjects(scenario, catalog, fragment);
}

EditResult addServersLike(const Scenario &scenario, const PinnedCatalog &catalog, const QString &serverId, int count)
{
    constexpr int maxCount = 10000;
    if (count < 1 || count > maxCount)
        return EditResult::refused(QStringLiteral("cannot add %1 servers: add 1 to %2 at a time").arg(count).arg(maxCount));
    const Design &design = scenario.design;
    const std::optional<DeviceRef> ref = findDevice(design, serverId);
    if (!ref || ref->kind != DeviceKind::Server)
        return EditResult::refused(QStringLiteral("%1 is not a server of scenario %2: pick a server to copy").arg(serverId, scenario.name));
    const Server &like = design.servers[ref->index];
    const double height = itemHeightU(catalog, like.itemId);
    const Rack *ownRack = findRack(design, like.rackId);
    const int newRackHeight = ownRack != nullptr ? ownRack->heightU : 42;
    if (cost::reachesAboveRack(1, height, newRackHeight)) {
        return EditResult::refused(QStringLiteral("server %1 is %2 U tall and does not fit a %3 U rack: use a taller rack")
                                       .arg(serverId, QString::number(height, 'g', 6))
                                       .arg(newRackHeight));
    }

    EditResult result { scenario, {}, {} };
    Design &edited = result.scenario->design;
    edited.servers.reserve(edited.servers.size() + static_cast<std::size_t>(count));
    IdAllocator ids(design);
    int left = count;
    const auto add = [&](const QString &rackId, int positionU) {
        Server server = like;
        server.id = ids.next(QStringLiteral("server"));
        server.name = server.id;
        server.rackId = rackId;
        server.positionU = positionU;
        result.createdIds.append(server.id);
        edited.servers.push_back(std::move(server));
        --left;
    };
    // Free U of the server's own rack first, then of the other racks in design order.
    std::vector<const Rack *> racks;
    if (ownRack != nullptr)
        racks.push_back(ownRack);
    for (const Rack &r : design.racks) {
        if (&r != ownRack)
            racks.push_back(&r);
    }
    for (const Rack *rack : racks) {
        if (left == 0)
            break;
        RackSpace space(design, catalog, *rack);
        int from = 1;
        while (left > 0) {
            const std::optional<int> at = space.lowestFree(from, height);
            if (!at)
                break;
            space.take(QString(), *at, height);
            add(rack->id, *at);
            from = *at;
        }
    }
    // Then new racks like the server's own, filled from U 1.
    const int step = std::max(1, static_cast<int>(std::ceil(height - cost::rackUnitSlack)));
    while (left > 0) {
        Rack rack;
        rack.id = ids.next(QStringLiteral("rack"));
        rack.name = QStringLiteral("Rack ") + rack.id.mid(rack.id.lastIndexOf(QLatin1Char('-')) + 1);
        rack.heightU = newRackHeight;
        edited.racks.push_back(rack);
        result.createdIds.append(rack.id);
        for (int u = 1; left > 0 && !cost::reachesAboveRack(u, height, rack.heightU); u += step)
            add(rack.id, u);
    }
    return result;
}

EditResult applyAdapterKit(const Scenario &scenario, const PinnedCatalog &catalog, const QString &kitServerId,
                           const QStringList &serverIds)
{
    const Design &design = scenario.design;
    const std::optional<DeviceRef> kitRef = findDevice(design, kitServerId);
    if (!kitRef || kitRef->kind != DeviceKind::Server)
        return EditResult::refused(QStringLiteral("%1 is not a server of scenario %2: pick the server whose cards to copy").arg(kitServerId, scenario.name));
    const std::vector<SlotItem> &kit = design.servers[kitRef->index].adapters;
    for (const SlotItem &card : kit) {
        if (pinned(catalog, card.itemId) == nullptr)
            return EditResult::refused(QStringLiteral("the kit's card %1 in slot %2 is not pinned in the project: pin it first").arg(card.itemId).arg(card.slot));
    }
    const QSet<QString> wanted(serverIds.begin(), serverIds.end());
    std::vector<std::size_t> targets;
    for (std::size_t i = 0; i < design.servers.size(); ++i) {
        if (wanted.contains(design.servers[i].id) && design.servers[i].id != kitServerId)
            targets.push_back(i);
    }
    if (targets.empty())
        return EditResult::refused(QStringLiteral("no server to apply the kit of %1 to: select other servers").arg(kitServerId));

    // Every target must take every card before anything changes.
    for (const std::size_t i : targets) {
        const Server &server = design.servers[i];
        const PinnedItem *chassis = pinned(catalog, server.itemId);
        if (chassis == nullptr)
            return EditResult::refused(QStringLiteral("server %1 uses item %2, which the project does not pin: pin it first").arg(server.id, server.itemId));
        const int pcie = specCount(*chassis, u"pcie_slots").value_or(0);
        const int mezzanine = specCount(*chassis, u"mezzanine_slots").value_or(0);
        for (const SlotItem &card : kit) {
            const PinnedItem &item = *pinned(catalog, card.itemId);
            const bool wantsMezzanine = cost::needsMezzanineSlot(item);
            if (card.slot < 1 || card.slot > pcie + mezzanine || cost::isMezzanineSlot(card.slot, pcie) != wantsMezzanine) {
                return EditResult::refused(QStringLiteral("server %1 (%2) has no %3 slot %4 for the kit's %5 (it has %6 PCIe and %7 mezzanine slots): leave it out of the selection or pick a kit that fits")
                                               .arg(server.id, displayName(*chassis),
                                                    wantsMezzanine ? QStringLiteral("mezzanine") : QStringLiteral("PCIe"))
                                               .arg(card.slot)
                                               .arg(displayName(item))
                                               .arg(pcie)
                                               .arg(mezzanine));
            }
        }
    }

    EditResult result { scenario, {}, {} };
    Design &edited = result.scenario->design;
    QSet<QString> unplugged; // "server/slot" whose card changes: its cables go
    const auto kitItemAt = [&](int slot) {
        for (const SlotItem &card : kit) {
            if (card.slot == slot)
                return card.itemId;
        }
        return QString();
    };
    for (const std::size_t i : targets) {
        Server &server = edited.servers[i];
        for (const SlotItem &old : server.adapters) {
            if (kitItemAt(old.slot) != old.itemId)
                unplugged.insert(server.id + QLatin1Char('/') + QString::number(old.slot));
        }
        server.adapters = kit;
    }
    if (!unplugged.isEmpty()) {
        QSet<QString> targetIds;
        for (const std::size_t i : targets)
            targetIds.insert(edited.servers[i].id);
        const auto goes = [&](const CableEnd &e) { return e.slot >= 1 && targetIds.contains(e.deviceId) && unplugged.contains(e.deviceId + QLatin1Char('/') + QString::number(e.slot)); };
        edited.cables.erase(std::remove_if(edited.cables.begin(), edited.cables.end(),
                                           [&](const Cable &c) { return goes(c.from) || goes(c.to); }),
                            edited.cables.end());
    }
    return result;
}

} // namespace iovplan::edit
