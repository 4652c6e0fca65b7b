#include "rackcontents.h"

#include "model/cost/designcheck.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <numeric>

namespace iovplan::reports {

using design::PinnedCatalog;
using design::PinnedItem;
using design::SlotItem;

namespace {

// A bogus slot number must not turn one device into thousands of markers.
constexpr int maxMarkersPerDevice = 64;

const PinnedItem *findItem(const PinnedCatalog &catalog, const QString &itemId)
{
    const auto it = catalog.find(itemId);
    return it == catalog.end() ? nullptr : &it->second;
}

QString nameOr(const QString &name, const QString &id)
{
    return name.isEmpty() ? id : name;
}

// Markers for slots 1..slotCount (free or filled) and for any card in a slot beyond them.
std::vector<RackSlotMarker> markers(const PinnedCatalog &catalog, const std::vector<SlotItem> &cards, int slotCount,
                                    QStringView protocolField)
{
    std::vector<RackSlotMarker> result;
    const int shown = std::clamp(slotCount, 0, maxMarkersPerDevice);
    result.reserve(static_cast<std::size_t>(shown) + cards.size());
    for (int slot = 1; slot <= shown; ++slot)
        result.push_back({ slot, SlotMarkerKind::Empty });
    for (const SlotItem &card : cards) {
        const PinnedItem *item = findItem(catalog, card.itemId);
        const SlotMarkerKind kind = item != nullptr ? slotMarkerKindOf(design::specText(*item, protocolField))
                                                    : SlotMarkerKind::Other;
        auto existing = std::find_if(result.begin(), result.end(), [&](const RackSlotMarker &m) { return m.slot == card.slot; });
        if (existing != result.end())
            existing->kind = kind;
        else if (static_cast<int>(result.size()) < maxMarkersPerDevice)
            result.push_back({ card.slot, kind });
    }
    std::stable_sort(result.begin(), result.end(), [](const RackSlotMarker &a, const RackSlotMarker &b) { return a.slot < b.slot; });
    return result;
}

RackDevice device(RackDeviceKind kind, const QString &id, const QString &name, const QString &itemId, int positionU,
                  const PinnedItem *item)
{
    RackDevice d;
    d.kind = kind;
    d.id = id;
    d.name = nameOr(name, id);
    d.model = item != nullptr ? design::displayName(*item) : itemId;
    d.positionU = positionU;
    if (item != nullptr) {
        if (const std::optional<double> h = cost::specRackHeightU(*item))
            d.heightU = *h;
    }
    return d;
}

// Marks devices that leave the rack or share a U with another, by the rules of model/cost/designcheck.
void markBrokenRules(RackContents &rack)
{
    std::vector<std::size_t> order(rack.devices.size());
    std::iota(order.begin(), order.end(), std::size_t { 0 });
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return rack.devices[a].positionU < rack.devices[b].positionU; });
    std::size_t highest = order.size(); // the device reaching highest so far
    for (std::size_t index : order) {
        RackDevice &d = rack.devices[index];
        d.outsideRack = d.positionU < 1 || cost::reachesAboveRack(d.positionU, d.heightU, rack.heightU);
        if (highest != order.size()) {
            RackDevice &top = rack.devices[highest];
            if (cost::rackExtentsOverlap(d.positionU, d.positionU + d.heightU, top.positionU, top.positionU + top.heightU)) {
                d.overlaps = true;
                top.overlaps = true;
            }
        }
        if (highest == order.size() || d.positionU + d.heightU > rack.devices[highest].positionU + rack.devices[highest].heightU)
            highest = index;
    }
}

// Where each device is drawn: inside the rack, and in a lane of its own where drawn extents overlap.
void placeForDrawing(RackContents &rack)
{
    const double rackHeight = rack.drawnHeightU;
    for (RackDevice &d : rack.devices) {
        d.drawnHeightU = std::min(std::max(d.heightU, 0.25), rackHeight);
        d.drawnPositionU = std::clamp(static_cast<double>(d.positionU), 1.0, rackHeight + 1.0 - d.drawnHeightU);
    }
    std::vector<std::size_t> order(rack.devices.size());
    std::iota(order.begin(), order.end(), std::size_t { 0 });
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return rack.devices[a].drawnPositionU < rack.devices[b].drawnPositionU;
    });
    // Greedy interval colouring, one cluster of mutually reachable overlaps at a time.
    std::vector<double> laneTops;
    std::vector<std::size_t> cluster;
    double clusterTop = 0.0;
    auto closeCluster = [&] {
        for (std::size_t i : cluster)
            rack.devices[i].lanes = static_cast<int>(laneTops.size());
        cluster.clear();
        laneTops.clear();
    };
    for (std::size_t index : order) {
        RackDevice &d = rack.devices[index];
        const double bottom = d.drawnPositionU;
        const double top = bottom + d.drawnHeightU;
        if (!cluster.empty() && bottom + cost::rackUnitSlack >= clusterTop)
            closeCluster();
        auto lane = std::find_if(laneTops.begin(), laneTops.end(), [&](double t) { return t <= bottom + cost::rackUnitSlack; });
        if (lane == laneTops.end()) {
            laneTops.push_back(top);
            d.lane = static_cast<int>(laneTops.size()) - 1;
        } else {
            *lane = top;
            d.lane = static_cast<int>(lane - laneTops.begin());
        }
        clusterTop = cluster.empty() ? top : std::max(clusterTop, top);
        cluster.push_back(index);
    }
    closeCluster();
}

} // namespace

std::vector<RackContents> rackContents(const design::Scenario &scenario, const PinnedCatalog &catalog,
                                       const QStringList &rackIds)
{
    const design::Design &d = scenario.design;
    std::vector<RackContents> racks;
    QHash<QString, std::size_t> index;
    for (const QString &id : rackIds) {
        if (index.contains(id))
            continue;
        const auto found = std::find_if(d.racks.begin(), d.racks.end(), [&](const design::Rack &r) { return r.id == id; });
        if (found == d.racks.end())
            continue;
        index.insert(id, racks.size());
        racks.push_back({ found->id, nameOr(found->name, found->id), found->heightU,
                          std::clamp(found->heightU, 1, rackMaxDrawnHeightU), 0.0, {} });
    }
    auto add = [&](const QString &rackId, RackDevice device) {
        const auto found = index.constFind(rackId);
        if (found == index.constEnd())
            return;
        RackContents &rack = racks[*found];
        rack.usedU += device.heightU;
        rack.devices.push_back(std::move(device));
    };

    for (const design::Server &s : d.servers) {
        if (!index.contains(s.rackId))
            continue;
        const PinnedItem *item = findItem(catalog, s.itemId);
        RackDevice dev = device(RackDeviceKind::Server, s.id, s.name, s.itemId, s.positionU, item);
        const int slotCount = item == nullptr ? 0
                                          : design::specCount(*item, u"pcie_slots").value_or(0)
                                + design::specCount(*item, u"mezzanine_slots").value_or(0);
        dev.cardSlots = markers(catalog, s.adapters, slotCount, u"protocol");
        add(s.rackId, std::move(dev));
    }
    for (const design::Switch &s : d.switches) {
        if (index.contains(s.rackId))
            add(s.rackId, device(RackDeviceKind::Switch, s.id, s.name, s.itemId, s.positionU, findItem(catalog, s.itemId)));
    }
    for (const design::Gateway &g : d.gateways) {
        if (!index.contains(g.rackId))
            continue;
        const PinnedItem *item = findItem(catalog, g.itemId);
        RackDevice dev = device(RackDeviceKind::Gateway, g.id, g.name, g.itemId, g.positionU, item);
        if (item != nullptr && cost::isFixedGateway(*item)) { // its outside ports are the one "module"
            const QString protocol = design::specText(*item, u"ext_protocol");
            if (!protocol.isEmpty())
                dev.cardSlots.push_back({ 1, slotMarkerKindOf(protocol) });
        } else {
            dev.cardSlots = markers(catalog, g.modules, item == nullptr ? 0 : design::specCount(*item, u"module_slots").value_or(0),
                                u"ext_protocol");
        }
        add(g.rackId, std::move(dev));
    }
    for (const design::StorageArray &a : d.storage) {
        if (index.contains(a.rackId))
            add(a.rackId, device(RackDeviceKind::Storage, a.id, a.name, a.itemId, a.positionU, findItem(catalog, a.itemId)));
    }
    for (RackContents &rack : racks) {
        markBrokenRules(rack);
        placeForDrawing(rack);
    }
    return racks;
}

QStringList unrackedDevices(const design::Scenario &scenario)
{
    const design::Design &d = scenario.design;
    QSet<QString> racks;
    for (const design::Rack &r : d.racks)
        racks.insert(r.id);
    QStringList lines;
    auto check = [&](RackDeviceKind kind, const QString &id, const QString &name, const QString &rackId) {
        if (racks.contains(rackId))
            return;
        const QString where = rackId.isEmpty()
            ? QStringLiteral("in no rack")
            : QStringLiteral("in rack '%1', which the design does not have").arg(rackId);
        lines << QStringLiteral("%1 %2 (%3): %4").arg(rackDeviceKindName(kind), nameOr(name, id), id, where);
    };
    for (const design::Server &s : d.servers)
        check(RackDeviceKind::Server, s.id, s.name, s.rackId);
    for (const design::Switch &s : d.switches)
        check(RackDeviceKind::Switch, s.id, s.name, s.rackId);
    for (const design::Gateway &g : d.gateways)
        check(RackDeviceKind::Gateway, g.id, g.name, g.rackId);
    for (const design::StorageArray &a : d.storage)
        check(RackDeviceKind::Storage, a.id, a.name, a.rackId);
    return lines;
}

} // namespace iovplan::reports
