// Ports and cables: devicePorts, connectPorts, autoCable (designedits.h). The port rules are
// model/cost/designcheck's: which spec counts a slot's ports, one cable per port, a switch's cables on its fabric,
// a gateway serving at most max_servers servers.

#include "designedits.h"

#include "designindex.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace iovplan::edit {

using namespace iovplan::design;
using namespace iovplan::edit::detail;

namespace {

std::vector<PortInfo> portsOf(const Design &design, const PinnedCatalog &catalog, DeviceRef ref, const std::vector<UsedPort> *used)
{
    const QString deviceId = placed(design, ref).id;
    std::vector<PortInfo> ports;
    for (const PortGroup &g : portGroups(design, catalog, ref)) {
        for (int port = 1; port <= g.count; ++port) {
            PortInfo info;
            info.end = CableEnd { deviceId, g.slot, port };
            info.protocol = g.protocol;
            info.speedGbps = g.speedGbps;
            if (used != nullptr) {
                for (const UsedPort &u : *used) {
                    if (u.slot == g.slot && u.port == port) {
                        info.cableId = u.cableId;
                        break;
                    }
                }
            }
            ports.push_back(info);
        }
    }
    return ports;
}

// "port 2 of the Intel PRO/1000 PT Quad in slot 1 of server srv-001".
QString portText(const Design &design, const PinnedCatalog &catalog, DeviceRef ref, int slot, int port)
{
    const Placed p = placed(design, ref);
    const QString device = deviceKindName(ref.kind) + QLatin1Char(' ') + p.id;
    QString where = device;
    if (ref.kind == DeviceKind::Server && slot >= 1) {
        for (const SlotItem &a : design.servers[ref.index].adapters) {
            if (a.slot == slot)
                where = QStringLiteral("the %1 in slot %2 of %3").arg(itemName(catalog, a.itemId)).arg(slot).arg(device);
        }
    } else if (ref.kind == DeviceKind::Server) {
        where = QStringLiteral("the on-board ports of ") + device;
    } else if (ref.kind == DeviceKind::Gateway) {
        where = slot == 0 ? QStringLiteral("the InfiniBand ports of ") + device : QStringLiteral("slot %1 of %2").arg(slot).arg(device);
    }
    return QStringLiteral("port %1 of %2").arg(port).arg(where);
}

bool isDefinite(const QString &protocol)
{
    return fabricKindOf(protocol).has_value();
}

// The transceivers of the design's first cable of `cableItemId` (optics follow the cable type).
std::vector<QString> opticsFor(const Design &design, const QString &cableItemId)
{
    for (const Cable &c : design.cables) {
        if (c.itemId == cableItemId)
            return c.transceiverItemIds;
    }
    return {};
}

// One end of a cable being made, checked.
struct ResolvedEnd
{
    CableEnd end;
    const Fabric *fabric = nullptr; ///< an uplink end
    std::optional<DeviceRef> device;
    QString protocol;
    QString what;
    QString fabricId; ///< the fabric the end demands (fabric end, switch, storage array), empty if none
};

std::optional<ResolvedEnd> resolveEnd(const Design &design, const PinnedCatalog &catalog, const CableEnd &end, QString &refusal)
{
    ResolvedEnd r;
    r.end = end;
    if (const Fabric *fabric = findFabric(design, end.deviceId)) {
        r.fabric = fabric;
        r.end.slot = 0;
        r.end.port = 0;
        r.protocol = protocolOf(fabric->kind);
        r.what = QStringLiteral("fabric ") + fabric->id;
        r.fabricId = fabric->id;
        return r;
    }
    r.device = findDevice(design, end.deviceId);
    if (!r.device) {
        refusal = QStringLiteral("%1 is not a device or fabric of the design: a cable needs a port at each end").arg(end.deviceId);
        return std::nullopt;
    }
    r.what = portText(design, catalog, *r.device, end.slot, end.port);
    const std::vector<PortGroup> groups = portGroups(design, catalog, *r.device);
    const auto group = std::find_if(groups.begin(), groups.end(), [&](const PortGroup &g) { return g.slot == end.slot; });
    if (group == groups.end() || group->count == 0) {
        refusal = QStringLiteral("%1 %2 has no ports in slot %3: pick a slot that holds a card with ports")
                      .arg(deviceKindName(r.device->kind), end.deviceId)
                      .arg(end.slot);
        return std::nullopt;
    }
    if (end.port < 1 || end.port > group->count) {
        refusal = QStringLiteral("%1 does not exist: that slot has ports 1–%2; pick one of them").arg(r.what).arg(group->count);
        return std::nullopt;
    }
    for (const Cable &c : design.cables) {
        if (c.from == end || c.to == end) {
            refusal = QStringLiteral("%1 already carries cable %2: unplug it first or pick a free port").arg(r.what, c.id);
            return std::nullopt;
        }
    }
    r.protocol = group->protocol;
    if (r.device->kind == DeviceKind::Switch)
        r.fabricId = design.switches[r.device->index].fabricId;
    else if (r.device->kind == DeviceKind::Storage)
        r.fabricId = design.storage[r.device->index].fabricId;
    return r;
}

} // namespace

bool protocolsMatch(const QString &a, const QString &b)
{
    if (a.isEmpty() || b.isEmpty())
        return false;
    if (a == b)
        return true;
    const auto vpiPeer = [](const QString &p) { return p == u"infiniband" || p == u"ethernet" || p == u"vpi"; };
    return (a == u"vpi" && vpiPeer(b)) || (b == u"vpi" && vpiPeer(a));
}

std::vector<PortInfo> devicePorts(const Scenario &scenario, const PinnedCatalog &catalog, const QString &deviceId)
{
    const std::optional<DeviceRef> ref = findDevice(scenario.design, deviceId);
    if (!ref)
        return {};
    std::vector<UsedPort> used;
    for (const Cable &c : scenario.design.cables) {
        if (c.from.deviceId == deviceId)
            used.push_back({ c.from.slot, c.from.port, c.id });
        if (c.to.deviceId == deviceId)
            used.push_back({ c.to.slot, c.to.port, c.id });
    }
    return portsOf(scenario.design, catalog, *ref, &used);
}

std::map<QString, std::vector<PortInfo>> designPorts(const Scenario &scenario, const PinnedCatalog &catalog)
{
    const PortUse use = portUse(scenario.design);
    std::map<QString, std::vector<PortInfo>> ports;
    for (const DeviceRef ref : allDevices(scenario.design)) {
        const QString id = placed(scenario.design, ref).id;
        const auto used = use.constFind(id);
        ports[id] = portsOf(scenario.design, catalog, ref, used != use.constEnd() ? &*used : nullptr);
    }
    return ports;
}

QString defaultCableItem(const Scenario &scenario, const PinnedCatalog &catalog, const QString &protocol)
{
    if (protocol.isEmpty())
        return {};
    QSet<QString> looked;
    for (const Cable &c : scenario.design.cables) {
        if (looked.contains(c.itemId))
            continue;
        looked.insert(c.itemId);
        const PinnedItem *item = pinned(catalog, c.itemId);
        if (item != nullptr && item->kind == u"cable" && specText(*item, u"protocol") == protocol)
            return c.itemId;
    }
    for (const auto &[id, item] : catalog) {
        if (item.kind == u"cable" && specText(item, u"protocol") == protocol)
            return id;
    }
    return {};
}

EditResult connectPorts(const Scenario &scenario, const PinnedCatalog &catalog, const CableEnd &from, const CableEnd &to,
                        const QString &cableItemId)
{
    const Design &design = scenario.design;
    const PinnedItem *cableItem = pinned(catalog, cableItemId);
    if (cableItem == nullptr)
        return EditResult::refused(QStringLiteral("cable item %1 is not pinned in the project: pin it from the catalog first").arg(cableItemId));
    if (cableItem->kind != u"cable")
        return EditResult::refused(QStringLiteral("%1 is a %2, not a cable: pick a cable item").arg(displayName(*cableItem), cableItem->kind));
    if (from.deviceId == to.deviceId)
        return EditResult::refused(QStringLiteral("both ends are on %1: a cable connects two different devices").arg(from.deviceId));
    QString refusal;
    const std::optional<ResolvedEnd> a = resolveEnd(design, catalog, from, refusal);
    if (!a)
        return EditResult::refused(refusal);
    const std::optional<ResolvedEnd> b = resolveEnd(design, catalog, to, refusal);
    if (!b)
        return EditResult::refused(refusal);
    if (a->fabric != nullptr && b->fabric != nullptr)
        return EditResult::refused(QStringLiteral("both ends are fabrics (%1, %2): a cable needs a device port at one end at least").arg(a->end.deviceId, b->end.deviceId));
    for (const ResolvedEnd *e : { &*a, &*b }) {
        if (e->protocol.isEmpty())
            return EditResult::refused(QStringLiteral("%1 has no protocol in the catalog: edit the item's protocol before cabling it").arg(e->what));
    }
    if (!protocolsMatch(a->protocol, b->protocol)) {
        return EditResult::refused(QStringLiteral("%1 is %2 but %3 is %4: connect ports of the same protocol")
                                       .arg(a->what, a->protocol, b->what, b->protocol));
    }
    const QString cableProtocol = specText(*cableItem, u"protocol");
    for (const ResolvedEnd *e : { &*a, &*b }) {
        if (!cableProtocol.isEmpty() && !protocolsMatch(cableProtocol, e->protocol)) {
            return EditResult::refused(QStringLiteral("the %1 is a %2 cable but %3 is %4: pick a %4 cable")
                                           .arg(displayName(*cableItem), cableProtocol, e->what, e->protocol));
        }
    }
    if (!a->fabricId.isEmpty() && !b->fabricId.isEmpty() && a->fabricId != b->fabricId) {
        return EditResult::refused(QStringLiteral("%1 is on fabric %2 but %3 is on fabric %4: a cable stays on one fabric")
                                       .arg(a->what, a->fabricId, b->what, b->fabricId));
    }
    QString linkProtocol;
    for (const QString &p : { a->protocol, b->protocol, cableProtocol }) {
        if (linkProtocol.isEmpty() && isDefinite(p))
            linkProtocol = p;
    }
    // Gateways serve at most max_servers servers through their InfiniBand ports (designcheck).
    for (const auto &[g, s] : { std::pair { &*a, &*b }, std::pair { &*b, &*a } }) {
        if (!g->device || g->device->kind != DeviceKind::Gateway || g->end.slot != 0 || !s->device || s->device->kind != DeviceKind::Server)
            continue;
        const Gateway &gateway = design.gateways[g->device->index];
        const PinnedItem *chassis = pinned(catalog, gateway.itemId);
        const std::optional<int> limit = chassis != nullptr ? specCount(*chassis, u"max_servers") : std::nullopt;
        if (!limit)
            continue;
        const QSet<QString> served = gatewayServers(design).value(gateway.id);
        if (!served.contains(s->end.deviceId) && served.size() >= *limit) {
            return EditResult::refused(QStringLiteral("gateway %1 already serves %2 servers, the most the %3 serves: cable server %4 to another gateway")
                                           .arg(gateway.id).arg(served.size()).arg(displayName(*chassis), s->end.deviceId));
        }
    }

    EditResult result { scenario, {}, {} };
    Design &edited = result.scenario->design;
    IdAllocator ids(design);
    QStringList fabricsMade;
    QString fabricId = !a->fabricId.isEmpty() ? a->fabricId : b->fabricId;
    if (fabricId.isEmpty()) {
        const std::optional<FabricKind> kind = fabricKindOf(linkProtocol);
        if (!kind)
            return EditResult::refused(QStringLiteral("cannot tell which fabric a %1 link between %2 and %3 is on: pick a cable item with a protocol").arg(a->protocol, a->what, b->what));
        fabricId = fabricFor(edited, *kind, ids, fabricsMade);
    }
    Cable cable;
    cable.id = ids.next(QStringLiteral("cable"));
    cable.itemId = cableItemId;
    cable.fabricId = fabricId;
    cable.from = a->end;
    cable.to = b->end;
    cable.transceiverItemIds = opticsFor(design, cableItemId);
    edited.cables.push_back(cable);
    result.createdIds.append(cable.id);
    result.createdIds.append(fabricsMade);
    return result;
}

namespace {

// A switch or gateway whose free ports servers can be cabled to.
struct Partner
{
    QString deviceId;
    QString rackId;
    QString protocol;
    QString fabricId; ///< a switch's fabric; empty for a gateway (the InfiniBand fabric)
    std::vector<int> freePorts; ///< ascending, taken from the front
    std::size_t nextFree = 0;
    int cables = 0; ///< cables on the device, for "least used"
    std::optional<int> maxServers; ///< a gateway's limit
    bool gateway = false;
};

} // namespace

EditResult autoCable(const Scenario &scenario, const PinnedCatalog &catalog, const QStringList &serverIds)
{
    const Design &design = scenario.design;
    const QSet<QString> wanted(serverIds.begin(), serverIds.end());
    std::vector<std::size_t> servers;
    for (std::size_t i = 0; i < design.servers.size(); ++i) {
        if (wanted.contains(design.servers[i].id))
            servers.push_back(i);
    }
    if (servers.empty())
        return EditResult::refused(QStringLiteral("no server selected: select the servers to cable"));

    const PortUse use = portUse(design);
    QHash<QString, QSet<QString>> served = gatewayServers(design);
    std::vector<Partner> partners;
    QHash<QString, std::vector<std::size_t>> partnersInRack;
    const auto addPartner = [&](Partner p, int count) {
        const std::vector<UsedPort> taken = use.value(p.deviceId);
        p.cables = static_cast<int>(taken.size());
        for (int port = 1; port <= count; ++port) {
            const bool busy = std::any_of(taken.begin(), taken.end(), [port](const UsedPort &u) { return u.slot == 0 && u.port == port; });
            if (!busy)
                p.freePorts.push_back(port);
        }
        partnersInRack[p.rackId].push_back(partners.size());
        partners.push_back(std::move(p));
    };
    for (std::size_t i = 0; i < design.switches.size(); ++i) {
        const Switch &sw = design.switches[i];
        const std::vector<PortGroup> groups = portGroups(design, catalog, { DeviceKind::Switch, i });
        if (!groups.empty())
            addPartner({ sw.id, sw.rackId, groups.front().protocol, sw.fabricId, {}, 0, 0, std::nullopt, false }, groups.front().count);
    }
    for (std::size_t i = 0; i < design.gateways.size(); ++i) {
        const Gateway &g = design.gateways[i];
        const std::vector<PortGroup> groups = portGroups(design, catalog, { DeviceKind::Gateway, i });
        if (groups.empty())
            continue;
        const PinnedItem *chassis = pinned(catalog, g.itemId);
        addPartner({ g.id, g.rackId, groups.front().protocol, {}, {}, 0, 0,
                     chassis != nullptr ? specCount(*chassis, u"max_servers") : std::nullopt, true },
                   groups.front().count);
    }

    EditResult result { scenario, {}, {} };
    Design &edited = result.scenario->design;
    IdAllocator ids(design);
    QStringList fabricsMade;
    QHash<QString, QString> cableItems; // protocol -> cable item
    QHash<QString, std::vector<QString>> optics; // cable item -> transceivers
    int freeServerPorts = 0;
    QHash<QString, int> unmatched; // protocol -> ports left uncabled

    // Devices a server already has a cable to: its next link prefers another, so its links spread.
    QHash<QString, QSet<QString>> linked;
    {
        QSet<QString> selected;
        for (const std::size_t si : servers)
            selected.insert(design.servers[si].id);
        for (const Cable &c : design.cables) {
            if (selected.contains(c.from.deviceId))
                linked[c.from.deviceId].insert(c.to.deviceId);
            if (selected.contains(c.to.deviceId))
                linked[c.to.deviceId].insert(c.from.deviceId);
        }
    }
    const auto usable = [&](const Partner &p, const QString &protocol, const QString &serverId) {
        if (p.nextFree >= p.freePorts.size() || !protocolsMatch(protocol, p.protocol))
            return false;
        if (p.gateway && p.maxServers) {
            const auto s = served.constFind(p.deviceId);
            return s == served.constEnd() || s->contains(serverId) || s->size() < *p.maxServers;
        }
        return true;
    };
    // Among `candidates`: a device the server has no cable to yet, then the least used, then design order.
    const auto pick = [&](const std::vector<std::size_t> &candidates, const QString &protocol, const QString &serverId) -> Partner * {
        Partner *best = nullptr;
        bool bestLinked = false;
        const QSet<QString> &mine = linked[serverId];
        for (const std::size_t i : candidates) {
            Partner &p = partners[i];
            if (!usable(p, protocol, serverId))
                continue;
            const bool isLinked = mine.contains(p.deviceId);
            if (best == nullptr || (bestLinked && !isLinked) || (bestLinked == isLinked && p.cables < best->cables)) {
                best = &p;
                bestLinked = isLinked;
            }
        }
        return best;
    };
    std::vector<std::size_t> everyPartner(partners.size());
    for (std::size_t i = 0; i < partners.size(); ++i)
        everyPartner[i] = i;

    // Each server's free adapter ports, port 1 of every card before port 2 of any, so a server with two
    // cards gets a link on each before a second link on one.
    struct FreePort
    {
        int slot = 0;
        int port = 0;
        QString protocol;
    };
    std::vector<std::vector<FreePort>> freePorts(servers.size());
    std::size_t rounds = 0;
    for (std::size_t k = 0; k < servers.size(); ++k) {
        const Server &server = design.servers[servers[k]];
        for (const PortGroup &g : portGroups(design, catalog, { DeviceKind::Server, servers[k] })) {
            if (g.slot < 1)
                continue; // on-board ports stay as they are: autoCable cables adapters
            for (int port = 1; port <= g.count; ++port) {
                if (cableAt(use, server.id, g.slot, port).isEmpty())
                    freePorts[k].push_back({ g.slot, port, g.protocol });
            }
        }
        std::stable_sort(freePorts[k].begin(), freePorts[k].end(),
                         [](const FreePort &a, const FreePort &b) { return a.port < b.port; });
        freeServerPorts += static_cast<int>(freePorts[k].size());
        rounds = std::max(rounds, freePorts[k].size());
    }

    // Round r cables the r-th free port of every server: when ports run short, every server has a link
    // before any has two.
    for (std::size_t round = 0; round < rounds; ++round) {
        for (std::size_t k = 0; k < servers.size(); ++k) {
            if (round >= freePorts[k].size())
                continue;
            const Server &server = design.servers[servers[k]];
            const FreePort &free = freePorts[k][round];
            Partner *partner = pick(partnersInRack.value(server.rackId), free.protocol, server.id);
            if (partner == nullptr)
                partner = pick(everyPartner, free.protocol, server.id);
            const QString protocol = isDefinite(free.protocol) ? free.protocol : (partner != nullptr ? partner->protocol : QString());
            if (partner == nullptr || !isDefinite(protocol)) {
                ++unmatched[free.protocol];
                continue;
            }
            if (!cableItems.contains(protocol))
                cableItems.insert(protocol, defaultCableItem(scenario, catalog, protocol));
            const QString cableItem = cableItems.value(protocol);
            if (cableItem.isEmpty()) {
                ++unmatched[free.protocol];
                continue;
            }
            Cable cable;
            cable.id = ids.next(QStringLiteral("cable"));
            cable.itemId = cableItem;
            cable.fabricId = partner->gateway ? fabricFor(edited, *fabricKindOf(protocol), ids, fabricsMade) : partner->fabricId;
            cable.from = CableEnd { server.id, free.slot, free.port };
            cable.to = CableEnd { partner->deviceId, 0, partner->freePorts[partner->nextFree++] };
            if (!optics.contains(cableItem))
                optics.insert(cableItem, opticsFor(design, cableItem));
            cable.transceiverItemIds = optics.value(cableItem);
            ++partner->cables;
            linked[server.id].insert(partner->deviceId);
            if (partner->gateway)
                served[partner->deviceId].insert(server.id);
            edited.cables.push_back(cable);
            result.createdIds.append(cable.id);
        }
    }
    if (result.createdIds.isEmpty()) {
        if (freeServerPorts == 0)
            return EditResult::refused(QStringLiteral("the selected servers have no free adapter port: every adapter port already carries a cable"));
        QStringList left;
        for (auto it = unmatched.cbegin(); it != unmatched.cend(); ++it)
            left.append(QStringLiteral("%1 %2").arg(it.value()).arg(it.key().isEmpty() ? QStringLiteral("(unknown protocol)") : it.key()));
        left.sort();
        return EditResult::refused(QStringLiteral("no switch or gateway has a free port for the selected servers' %1 port(s): add a switch or gateway of that protocol (or a cable item for it)")
                                       .arg(left.join(QStringLiteral(", "))));
    }
    result.createdIds.append(fabricsMade);
    return result;
}

} // namespace iovplan::edit
