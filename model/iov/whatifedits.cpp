#include "whatifedits.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <utility>

namespace iovplan::iov {

using namespace iovplan::design;

namespace {

const PinnedItem *itemOf(const PinnedCatalog &catalog, const QString &id)
{
    const auto found = catalog.find(id);
    return found != catalog.end() ? &found->second : nullptr;
}

// ---- ports in use and free ports on switches and gateways -------------------------------------------

// The ports in use on every device slot, and how many ports each switch or gateway has on slot 0
// (a gateway's InfiniBand ports `ib_ports`, a switch's `ports`; unknown = no limit).
class PortMap
{
public:
    PortMap(const Design &design, const PinnedCatalog &catalog)
    {
        for (const Cable &c : design.cables) {
            use(c.from);
            use(c.to);
        }
        for (const Gateway &g : design.gateways) {
            if (const PinnedItem *item = itemOf(catalog, g.itemId))
                m_limit.insert(g.id, specCount(*item, u"ib_ports").value_or(0));
        }
        for (const Switch &s : design.switches) {
            if (const PinnedItem *item = itemOf(catalog, s.itemId))
                m_limit.insert(s.id, specCount(*item, u"ports").value_or(0));
        }
    }

    void use(const CableEnd &end) { m_used[key(end.deviceId, end.slot)].insert(end.port); }

    /// The lowest free port of the device's slot 0, if it has one.
    std::optional<int> freePort(const QString &deviceId) const
    {
        const auto used = m_used.find(key(deviceId, 0));
        const int limit = m_limit.value(deviceId, 0);
        if (used == m_used.end() || used->empty())
            return 1;
        const int last = limit > 0 ? limit : *used->rbegin() + 1;
        for (int port = 1; port <= last; ++port) {
            if (used->count(port) == 0)
                return port;
        }
        return std::nullopt;
    }

private:
    static QString key(const QString &device, int slot) { return device + QLatin1Char('#') + QString::number(slot); }

    QHash<QString, std::set<int>> m_used;
    QHash<QString, int> m_limit;
};

// A gateway's side: the server slot most of its server cables come from (HA designs cable slot 1 to one
// row of gateways and slot 2 to the other); -1 for a gateway no server is cabled to.
std::map<QString, int> gatewaySides(const Design &design)
{
    std::set<QString> servers;
    for (const Server &s : design.servers)
        servers.insert(s.id);
    std::map<QString, std::map<int, int>> slotsOf;
    for (const Cable &c : design.cables) {
        for (const auto &[near, far] : { std::pair { &c.from, &c.to }, std::pair { &c.to, &c.from } }) {
            if (servers.count(near->deviceId) != 0)
                ++slotsOf[far->deviceId][near->slot];
        }
    }
    std::map<QString, int> sides;
    for (const Gateway &g : design.gateways) {
        int side = -1;
        int most = 0;
        for (const auto &[slot, n] : slotsOf[g.id]) {
            if (n > most) { // map order: ties keep the lowest slot
                most = n;
                side = slot;
            }
        }
        sides[g.id] = side;
    }
    return sides;
}

// The slots an adapter of `adapterItem`'s form factor may take in `server` (docs/cost-model.md: slots
// 1..P are PCIe, P+1..P+M mezzanine/OCP).
std::pair<int, int> slotRange(const PinnedCatalog &catalog, const Server &server, const QString &adapterItem)
{
    const PinnedItem *chassis = itemOf(catalog, server.itemId);
    const PinnedItem *adapter = itemOf(catalog, adapterItem);
    const int pcie = chassis != nullptr ? specCount(*chassis, u"pcie_slots").value_or(0) : 0;
    const int mezzanine = chassis != nullptr ? specCount(*chassis, u"mezzanine_slots").value_or(0) : 0;
    const QString form = adapter != nullptr ? specText(*adapter, u"form_factor") : QString();
    if (form == u"mezzanine" || form == u"ocp3")
        return { pcie + 1, pcie + mezzanine };
    return { 1, pcie };
}

} // namespace

bool isInfiniBandAdapter(const PinnedCatalog &catalog, const QString &itemId)
{
    const PinnedItem *item = itemOf(catalog, itemId);
    if (item == nullptr || item->kind != u"adapter")
        return false;
    const QString protocol = specText(*item, u"protocol");
    return protocol == u"infiniband" || protocol == u"vpi";
}

bool touches(const Cable &cable, const QString &deviceId)
{
    return cable.from.deviceId == deviceId || cable.to.deviceId == deviceId;
}

bool touchesSlot(const Cable &cable, const QString &deviceId, int slot)
{
    return (cable.from.deviceId == deviceId && cable.from.slot == slot)
        || (cable.to.deviceId == deviceId && cable.to.slot == slot);
}

// ---- the parameters' changes -------------------------------------------------------------------

void setVmsPerServer(Workload &workload, int vms)
{
    std::map<QString, std::vector<VmProfile *>> groups;
    for (VmProfile &p : workload.profiles)
        groups[p.serverGroup].push_back(&p);
    for (auto &[group, profiles] : groups) {
        int total = 0;
        for (const VmProfile *p : profiles)
            total += p->vmsPerServer;
        if (total <= 0) {
            for (VmProfile *p : profiles)
                p->vmsPerServer = 0;
            profiles.front()->vmsPerServer = vms;
            continue;
        }
        int given = 0;
        std::vector<std::pair<double, std::size_t>> remainders;
        for (std::size_t i = 0; i < profiles.size(); ++i) {
            const double exact = static_cast<double>(profiles[i]->vmsPerServer) * vms / total;
            const int whole = static_cast<int>(std::floor(exact));
            remainders.emplace_back(exact - whole, i);
            profiles[i]->vmsPerServer = whole;
            given += whole;
        }
        std::stable_sort(remainders.begin(), remainders.end(),
                         [](const auto &a, const auto &b) { return a.first > b.first; });
        for (std::size_t i = 0; given < vms && i < remainders.size(); ++i, ++given)
            ++profiles[remainders[i].second]->vmsPerServer;
    }
}

void scaleLoad(Workload &workload, double factor)
{
    for (VmProfile &p : workload.profiles) {
        p.networkBytesPerS *= factor;
        p.storageBytesPerS *= factor;
        p.iops *= factor;
        p.ipcBytesPerS *= factor;
        p.migrationBytesPerS *= factor;
    }
}

std::vector<QString> keepGateways(Design &design, const PinnedCatalog &catalog, int keep)
{
    const std::map<QString, int> sides = gatewaySides(design);
    std::map<int, std::vector<QString>> kept;
    std::map<QString, int> removedSide;
    for (const Gateway &g : design.gateways) {
        std::vector<QString> &row = kept[sides.at(g.id)];
        if (static_cast<int>(row.size()) < keep)
            row.push_back(g.id);
        else
            removedSide[g.id] = sides.at(g.id);
    }
    if (removedSide.empty())
        return {};
    std::set<QString> servers;
    for (const Server &s : design.servers)
        servers.insert(s.id);

    std::vector<Cable> moving;
    std::vector<Cable> staying;
    for (const Cable &c : design.cables) {
        const bool fromGone = removedSide.count(c.from.deviceId) != 0;
        const bool toGone = removedSide.count(c.to.deviceId) != 0;
        if (!fromGone && !toGone)
            staying.push_back(c);
        else if (fromGone != toGone && servers.count((fromGone ? c.to : c.from).deviceId) != 0)
            moving.push_back(c);
    }
    design.cables = std::move(staying);
    design.gateways.erase(std::remove_if(design.gateways.begin(), design.gateways.end(),
                                         [&](const Gateway &g) { return removedSide.count(g.id) != 0; }),
                          design.gateways.end());

    PortMap ports(design, catalog);
    std::map<int, std::size_t> nextOfSide;
    std::vector<QString> notRewired;
    for (Cable c : moving) {
        CableEnd &gatewayEnd = removedSide.count(c.from.deviceId) != 0 ? c.from : c.to;
        const QString server = (&gatewayEnd == &c.from ? c.to : c.from).deviceId;
        const int side = removedSide.at(gatewayEnd.deviceId);
        const std::vector<QString> &targets = kept[side];
        std::size_t &next = nextOfSide[side];
        bool placed = false;
        for (std::size_t tried = 0; tried < targets.size() && !placed; ++tried) {
            const QString &target = targets[(next + tried) % targets.size()];
            if (const std::optional<int> port = ports.freePort(target)) {
                gatewayEnd = { target, 0, *port };
                ports.use(gatewayEnd);
                design.cables.push_back(c);
                next = (next + tried + 1) % targets.size();
                placed = true;
            }
        }
        if (!placed && std::find(notRewired.begin(), notRewired.end(), server) == notRewired.end())
            notRewired.push_back(server);
    }
    return notRewired;
}

std::vector<QString> setHcas(Design &design, const PinnedCatalog &catalog, int hcas)
{
    std::set<QString> cableIds;
    for (const Cable &c : design.cables)
        cableIds.insert(c.id);
    PortMap ports(design, catalog);
    std::vector<QString> notRewired;
    for (Server &server : design.servers) {
        std::vector<SlotItem> ib;
        for (const SlotItem &a : server.adapters) {
            if (isInfiniBandAdapter(catalog, a.itemId))
                ib.push_back(a);
        }
        std::sort(ib.begin(), ib.end(), [](const SlotItem &a, const SlotItem &b) { return a.slot < b.slot; });
        if (static_cast<int>(ib.size()) > hcas) {
            for (std::size_t i = static_cast<std::size_t>(hcas); i < ib.size(); ++i) {
                const int slot = ib[i].slot;
                removeCables(design, [&](const Cable &c) { return touchesSlot(c, server.id, slot); });
                server.adapters.erase(std::remove_if(server.adapters.begin(), server.adapters.end(),
                                                     [slot](const SlotItem &a) { return a.slot == slot; }),
                                      server.adapters.end());
            }
            continue;
        }
        if (ib.empty() || static_cast<int>(ib.size()) >= hcas)
            continue;
        const SlotItem first = ib.front();
        const auto [low, high] = slotRange(catalog, server, first.itemId);
        std::optional<int> freeSlot;
        for (int slot = low; slot <= high && !freeSlot; ++slot) {
            if (std::none_of(server.adapters.begin(), server.adapters.end(), [slot](const SlotItem &a) { return a.slot == slot; }))
                freeSlot = slot;
        }
        std::vector<Cable> added;
        bool ok = freeSlot.has_value();
        for (std::size_t i = 0; ok && i < design.cables.size(); ++i) {
            const Cable &c = design.cables[i];
            if (!touchesSlot(c, server.id, first.slot))
                continue;
            Cable copy = c;
            const bool fromServer = c.from.deviceId == server.id && c.from.slot == first.slot;
            CableEnd &near = fromServer ? copy.from : copy.to;
            CableEnd &far = fromServer ? copy.to : copy.from;
            near.slot = *freeSlot;
            const bool toFabric = std::any_of(design.fabrics.begin(), design.fabrics.end(),
                                              [&](const Fabric &f) { return f.id == far.deviceId; });
            if (!toFabric) {
                const std::optional<int> port = far.slot == 0 ? ports.freePort(far.deviceId) : std::nullopt;
                if (!port) {
                    ok = false;
                    break;
                }
                far.port = *port;
                ports.use(far); // held even if a later cable of this server fails: conservative
            }
            int n = 2;
            while (cableIds.count(QStringLiteral("%1-hca%2").arg(c.id).arg(n)) != 0)
                ++n;
            copy.id = QStringLiteral("%1-hca%2").arg(c.id).arg(n);
            cableIds.insert(copy.id);
            added.push_back(copy);
        }
        if (!ok) {
            notRewired.push_back(server.id);
            continue;
        }
        server.adapters.push_back({ *freeSlot, first.itemId });
        design.cables.insert(design.cables.end(), added.begin(), added.end());
    }
    return notRewired;
}

} // namespace iovplan::iov
