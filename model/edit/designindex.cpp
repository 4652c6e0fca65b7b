#include "designindex.h"

#include "model/cost/designcheck.h"

#include <QSet>

#include <algorithm>
#include <cmath>

namespace iovplan::edit::detail {

using namespace iovplan::design;

QString deviceKindName(DeviceKind kind)
{
    switch (kind) {
    case DeviceKind::Server:
        return QStringLiteral("server");
    case DeviceKind::Switch:
        return QStringLiteral("switch");
    case DeviceKind::Gateway:
        return QStringLiteral("gateway");
    case DeviceKind::Storage:
        return QStringLiteral("storage array");
    }
    return {};
}

namespace {

template <typename Device>
std::optional<std::size_t> indexOf(const std::vector<Device> &devices, const QString &id)
{
    for (std::size_t i = 0; i < devices.size(); ++i) {
        if (devices[i].id == id)
            return i;
    }
    return std::nullopt;
}

template <typename Device> Placed placedOf(const Device &d)
{
    return { d.id, d.itemId, d.rackId, d.positionU };
}

} // namespace

std::optional<DeviceRef> findDevice(const Design &design, const QString &id)
{
    if (id.isEmpty())
        return std::nullopt;
    if (const auto i = indexOf(design.servers, id))
        return DeviceRef { DeviceKind::Server, *i };
    if (const auto i = indexOf(design.switches, id))
        return DeviceRef { DeviceKind::Switch, *i };
    if (const auto i = indexOf(design.gateways, id))
        return DeviceRef { DeviceKind::Gateway, *i };
    if (const auto i = indexOf(design.storage, id))
        return DeviceRef { DeviceKind::Storage, *i };
    return std::nullopt;
}

Placed placed(const Design &design, DeviceRef ref)
{
    switch (ref.kind) {
    case DeviceKind::Server:
        return placedOf(design.servers[ref.index]);
    case DeviceKind::Switch:
        return placedOf(design.switches[ref.index]);
    case DeviceKind::Gateway:
        return placedOf(design.gateways[ref.index]);
    case DeviceKind::Storage:
        return placedOf(design.storage[ref.index]);
    }
    return {};
}

void setPlacement(Design &design, DeviceRef ref, const QString &rackId, int positionU)
{
    const auto set = [&](auto &device) {
        device.rackId = rackId;
        device.positionU = positionU;
    };
    switch (ref.kind) {
    case DeviceKind::Server:
        set(design.servers[ref.index]);
        break;
    case DeviceKind::Switch:
        set(design.switches[ref.index]);
        break;
    case DeviceKind::Gateway:
        set(design.gateways[ref.index]);
        break;
    case DeviceKind::Storage:
        set(design.storage[ref.index]);
        break;
    }
}

std::vector<DeviceRef> allDevices(const Design &design)
{
    std::vector<DeviceRef> refs;
    refs.reserve(design.servers.size() + design.switches.size() + design.gateways.size() + design.storage.size());
    for (std::size_t i = 0; i < design.servers.size(); ++i)
        refs.push_back({ DeviceKind::Server, i });
    for (std::size_t i = 0; i < design.switches.size(); ++i)
        refs.push_back({ DeviceKind::Switch, i });
    for (std::size_t i = 0; i < design.gateways.size(); ++i)
        refs.push_back({ DeviceKind::Gateway, i });
    for (std::size_t i = 0; i < design.storage.size(); ++i)
        refs.push_back({ DeviceKind::Storage, i });
    return refs;
}

const PinnedItem *pinned(const PinnedCatalog &catalog, const QString &itemId)
{
    const auto found = catalog.find(itemId);
    return found != catalog.end() ? &found->second : nullptr;
}

QString itemName(const PinnedCatalog &catalog, const QString &itemId)
{
    const PinnedItem *item = pinned(catalog, itemId);
    return item != nullptr ? displayName(*item) : itemId;
}

const Rack *findRack(const Design &design, const QString &id)
{
    for (const Rack &rack : design.racks) {
        if (rack.id == id)
            return &rack;
    }
    return nullptr;
}

// ---- ids ----------------------------------------------------------------------------------------

qint64 largestIdNumber(const Design &design, const QString &prefix)
{
    const QString head = prefix + QLatin1Char('-');
    qint64 largest = 0;
    const auto consider = [&](const QString &id) {
        if (!id.startsWith(head))
            return;
        bool ok = false;
        const qint64 n = QStringView(id).mid(head.size()).toLongLong(&ok);
        if (ok && n > largest)
            largest = n;
    };
    for (const Rack &r : design.racks)
        consider(r.id);
    for (const Server &s : design.servers)
        consider(s.id);
    for (const Switch &s : design.switches)
        consider(s.id);
    for (const Gateway &g : design.gateways)
        consider(g.id);
    for (const StorageArray &a : design.storage)
        consider(a.id);
    for (const Fabric &f : design.fabrics)
        consider(f.id);
    for (const Cable &c : design.cables)
        consider(c.id);
    return largest;
}

QString IdAllocator::next(const QString &prefix)
{
    auto found = m_last.find(prefix);
    if (found == m_last.end())
        found = m_last.emplace(prefix, largestIdNumber(m_design, prefix)).first;
    return prefix + QLatin1Char('-') + QString::number(++found->second);
}

// ---- rack space ---------------------------------------------------------------------------------

RackSpace::RackSpace(const Design &design, const PinnedCatalog &catalog, const Rack &rack, const QString &ignoreDeviceId)
    : m_rack(rack)
{
    const auto collect = [&](const auto &devices) {
        for (const auto &d : devices) {
            if (d.rackId != rack.id || d.id == ignoreDeviceId)
                continue;
            const PinnedItem *item = pinned(catalog, d.itemId);
            const double height = item != nullptr ? cost::specRackHeightU(*item).value_or(1.0) : 1.0;
            m_extents.push_back({ static_cast<double>(d.positionU), d.positionU + height, d.id });
        }
    };
    collect(design.servers);
    collect(design.switches);
    collect(design.gateways);
    collect(design.storage);
    std::sort(m_extents.begin(), m_extents.end(), [](const Extent &a, const Extent &b) { return a.bottom < b.bottom; });
}

const RackSpace::Extent *RackSpace::overlapping(double bottom, double top) const
{
    // Extents are sorted by bottom; those starting at or above `top` cannot overlap.
    for (const Extent &e : m_extents) {
        if (e.bottom >= top)
            break;
        if (cost::rackExtentsOverlap(bottom, top, e.bottom, e.top))
            return &e;
    }
    return nullptr;
}

namespace {

QString uRange(double bottom, double top)
{
    const double last = top - 1.0;
    // A device of 1 U or less names one U; taller ones name their first and last (fractional tops rounded up).
    const int lastU = static_cast<int>(std::ceil(last - cost::rackUnitSlack));
    const int firstU = static_cast<int>(bottom);
    return lastU <= firstU ? QStringLiteral("U %1").arg(firstU) : QStringLiteral("U %1–%2").arg(firstU).arg(lastU);
}

} // namespace

QString RackSpace::refusal(const QString &what, int positionU, double heightU) const
{
    if (positionU < 1) {
        return QStringLiteral("%1 cannot go below U 1 of rack %2 (U %3 asked): pick a U from 1 to %4")
            .arg(what, m_rack.id)
            .arg(positionU)
            .arg(m_rack.heightU);
    }
    if (cost::reachesAboveRack(positionU, heightU, m_rack.heightU)) {
        return QStringLiteral("%1 is %2 U tall and does not fit at U %3 of rack %4 (%5 U): place it at U %6 or lower")
            .arg(what, QString::number(heightU, 'g', 6))
            .arg(positionU)
            .arg(m_rack.id)
            .arg(m_rack.heightU)
            .arg(std::max(1, static_cast<int>(std::floor(m_rack.heightU + 1.0 - heightU + cost::rackUnitSlack))));
    }
    if (const Extent *e = overlapping(positionU, positionU + heightU)) {
        return QStringLiteral("rack %1 %2 is taken by %3 (%4): place %5 at free U or move %3 first")
            .arg(m_rack.id, uRange(positionU, positionU + heightU), e->deviceId, uRange(e->bottom, e->top), what);
    }
    return {};
}

std::optional<int> RackSpace::lowestFree(int fromU, double heightU) const
{
    for (int u = std::max(1, fromU); !cost::reachesAboveRack(u, heightU, m_rack.heightU); ++u) {
        const Extent *e = overlapping(u, u + heightU);
        if (e == nullptr)
            return u;
        // Skip to the first whole U at or above the blocking device's top.
        const int next = static_cast<int>(std::ceil(e->top - cost::rackUnitSlack));
        u = std::max(u, next - 1);
    }
    return std::nullopt;
}

void RackSpace::take(const QString &deviceId, int positionU, double heightU)
{
    const Extent e { static_cast<double>(positionU), positionU + heightU, deviceId };
    const auto at = std::upper_bound(m_extents.begin(), m_extents.end(), e,
                                     [](const Extent &a, const Extent &b) { return a.bottom < b.bottom; });
    m_extents.insert(at, e);
}

// ---- ports --------------------------------------------------------------------------------------

namespace {

PortGroup groupOf(const PinnedItem &item, int slot, const cost::PortFields &fields, const QString &fixedProtocol = {})
{
    PortGroup g;
    g.slot = slot;
    g.count = specCount(item, fields.count).value_or(0);
    g.protocol = fields.protocol.isNull() ? fixedProtocol : specText(item, fields.protocol);
    if (!fields.speedGbps.isNull())
        g.speedGbps = specNumber(item, fields.speedGbps).value_or(0.0);
    return g;
}

std::vector<PortGroup> slotGroups(const std::vector<SlotItem> &cards, const PinnedCatalog &catalog,
                                  const cost::PortFields &fields)
{
    std::vector<const SlotItem *> sorted;
    for (const SlotItem &card : cards)
        sorted.push_back(&card);
    std::stable_sort(sorted.begin(), sorted.end(), [](const SlotItem *a, const SlotItem *b) { return a->slot < b->slot; });
    std::vector<PortGroup> groups;
    for (const SlotItem *card : sorted) {
        if (const PinnedItem *item = pinned(catalog, card->itemId))
            groups.push_back(groupOf(*item, card->slot, fields));
    }
    return groups;
}

} // namespace

std::vector<PortGroup> portGroups(const Design &design, const PinnedCatalog &catalog, DeviceRef ref)
{
    const Placed p = placed(design, ref);
    const PinnedItem *item = pinned(catalog, p.itemId);
    if (item == nullptr)
        return {};
    std::vector<PortGroup> groups;
    switch (ref.kind) {
    case DeviceKind::Server: {
        PortGroup onboard = groupOf(*item, 0, cost::onboardPortFields, QStringLiteral("ethernet"));
        if (onboard.count > 0)
            groups.push_back(onboard);
        for (PortGroup &g : slotGroups(design.servers[ref.index].adapters, catalog, cost::devicePortFields)) {
            if (g.slot >= 1)
                groups.push_back(std::move(g));
        }
        break;
    }
    case DeviceKind::Switch:
    case DeviceKind::Storage:
        groups.push_back(groupOf(*item, 0, cost::devicePortFields));
        break;
    case DeviceKind::Gateway:
        groups.push_back(groupOf(*item, 0, cost::gatewayInfiniBandPortFields, QStringLiteral("infiniband")));
        if (cost::isFixedGateway(*item)) {
            groups.push_back(groupOf(*item, 1, cost::gatewayOutsidePortFields));
        } else {
            for (PortGroup &g : slotGroups(design.gateways[ref.index].modules, catalog, cost::gatewayOutsidePortFields)) {
                if (g.slot >= 1)
                    groups.push_back(std::move(g));
            }
        }
        break;
    }
    return groups;
}

PortUse portUse(const Design &design)
{
    PortUse use;
    use.reserve(static_cast<qsizetype>(design.servers.size() + design.switches.size() + design.gateways.size()
                                       + design.storage.size()));
    for (const Cable &c : design.cables) {
        use[c.from.deviceId].push_back({ c.from.slot, c.from.port, c.id });
        use[c.to.deviceId].push_back({ c.to.slot, c.to.port, c.id });
    }
    for (const Fabric &f : design.fabrics)
        use.remove(f.id);
    return use;
}

QString cableAt(const PortUse &use, const QString &deviceId, int slot, int port)
{
    const auto found = use.constFind(deviceId);
    if (found == use.constEnd())
        return {};
    for (const UsedPort &u : *found) {
        if (u.slot == slot && u.port == port)
            return u.cableId;
    }
    return {};
}

// ---- fabrics ------------------------------------------------------------------------------------

std::optional<FabricKind> fabricKindOf(const QString &protocol)
{
    if (protocol == u"ethernet")
        return FabricKind::Lan;
    if (protocol == u"fibre-channel")
        return FabricKind::San;
    if (protocol == u"infiniband")
        return FabricKind::InfiniBand;
    return std::nullopt;
}

QString protocolOf(FabricKind kind)
{
    switch (kind) {
    case FabricKind::Lan:
        return QStringLiteral("ethernet");
    case FabricKind::San:
        return QStringLiteral("fibre-channel");
    case FabricKind::InfiniBand:
        return QStringLiteral("infiniband");
    }
    return {};
}

QString fabricKindTitle(FabricKind kind)
{
    switch (kind) {
    case FabricKind::Lan:
        return QStringLiteral("LAN");
    case FabricKind::San:
        return QStringLiteral("SAN");
    case FabricKind::InfiniBand:
        return QStringLiteral("InfiniBand");
    }
    return {};
}

QString fabricFor(Design &design, FabricKind kind, IdAllocator &ids, QStringList &created)
{
    for (const Fabric &f : design.fabrics) {
        if (f.kind == kind)
            return f.id;
    }
    Fabric fabric;
    fabric.id = ids.next(QStringLiteral("fabric"));
    fabric.kind = kind;
    fabric.name = fabricKindTitle(kind);
    design.fabrics.push_back(fabric);
    created.append(fabric.id);
    return fabric.id;
}

const Fabric *findFabric(const Design &design, const QString &id)
{
    for (const Fabric &f : design.fabrics) {
        if (f.id == id)
            return &f;
    }
    return nullptr;
}

QString defaultServerGroup(const Scenario &scenario)
{
    if (!scenario.design.servers.empty())
        return scenario.design.servers.front().group;
    if (!scenario.workload.profiles.empty())
        return scenario.workload.profiles.front().serverGroup;
    return QStringLiteral("servers");
}

QHash<QString, QSet<QString>> gatewayServers(const Design &design)
{
    QHash<QString, QSet<QString>> served;
    if (design.gateways.empty())
        return served;
    QSet<QString> gateways;
    for (const Gateway &g : design.gateways)
        gateways.insert(g.id);
    QSet<QString> servers;
    for (const Server &s : design.servers)
        servers.insert(s.id);
    for (const Cable &c : design.cables) {
        if (c.from.slot == 0 && gateways.contains(c.from.deviceId) && servers.contains(c.to.deviceId))
            served[c.from.deviceId].insert(c.to.deviceId);
        if (c.to.slot == 0 && gateways.contains(c.to.deviceId) && servers.contains(c.from.deviceId))
            served[c.to.deviceId].insert(c.from.deviceId);
    }
    return served;
}

} // namespace iovplan::edit::detail
