// Racks, placement, cards and deletion. Cabling is in cabling.cpp, copy / paste and bulk edits in bulkedits.cpp.

#include "designedits.h"

#include "designindex.h"

#include "model/cost/designcheck.h"

#include <QSet>

#include <algorithm>
#include <utility>

namespace iovplan::edit {

using namespace iovplan::design;
using namespace iovplan::edit::detail;

EditResult EditResult::refused(QString reason)
{
    EditResult result;
    result.refusal = std::move(reason);
    return result;
}

QString newObjectId(const Design &design, const QString &prefix)
{
    return prefix + QLatin1Char('-') + QString::number(largestIdNumber(design, prefix) + 1);
}

double itemHeightU(const PinnedCatalog &catalog, const QString &itemId)
{
    const PinnedItem *item = pinned(catalog, itemId);
    return item != nullptr ? cost::specRackHeightU(*item).value_or(1.0) : 1.0;
}

QString rackSpaceRefusal(const Scenario &scenario, const PinnedCatalog &catalog, const QString &rackId, int positionU,
                         double heightU, const QString &ignoreDeviceId)
{
    const Rack *rack = findRack(scenario.design, rackId);
    if (rack == nullptr)
        return QStringLiteral("rack %1 does not exist in scenario %2: pick one of its racks or add a rack").arg(rackId, scenario.name);
    const QString what = ignoreDeviceId.isEmpty() ? QStringLiteral("the device") : ignoreDeviceId;
    return RackSpace(scenario.design, catalog, *rack, ignoreDeviceId).refusal(what, positionU, heightU);
}

EditResult addRack(const Scenario &scenario, int heightU, const QString &name)
{
    if (heightU < 1 || heightU > 100)
        return EditResult::refused(QStringLiteral("a rack of %1 U is not possible: give it 1 to 100 U").arg(heightU));
    EditResult result { scenario, {}, {} };
    Design &design = result.scenario->design;
    Rack rack;
    const qint64 n = largestIdNumber(design, QStringLiteral("rack")) + 1;
    rack.id = QStringLiteral("rack-") + QString::number(n);
    rack.name = name.isEmpty() ? QStringLiteral("Rack ") + QString::number(n) : name;
    rack.heightU = heightU;
    design.racks.push_back(rack);
    result.createdIds.append(rack.id);
    return result;
}

EditResult addFabric(const Scenario &scenario, FabricKind kind, const QString &name)
{
    EditResult result { scenario, {}, {} };
    Design &design = result.scenario->design;
    Fabric fabric;
    fabric.id = newObjectId(design, QStringLiteral("fabric"));
    fabric.kind = kind;
    fabric.name = name;
    if (fabric.name.isEmpty()) {
        const auto same = std::count_if(design.fabrics.begin(), design.fabrics.end(), [kind](const Fabric &f) { return f.kind == kind; });
        fabric.name = fabricKindTitle(kind) + (same > 0 ? QStringLiteral(" %1").arg(same + 1) : QString());
    }
    design.fabrics.push_back(fabric);
    result.createdIds.append(fabric.id);
    return result;
}

namespace {

// The fabric a switch or storage array of `item` joins: `wanted` when given (it must exist and carry
// the item's protocol), else the first of the protocol's kind, else a new one.
std::optional<QString> joinFabric(Design &design, const PinnedItem &item, const QString &deviceWhat, const QString &wanted,
                                  IdAllocator &ids, QStringList &created, QString &refusal)
{
    const QString protocol = specText(item, u"protocol");
    const std::optional<FabricKind> kind = fabricKindOf(protocol);
    if (!wanted.isEmpty()) {
        const Fabric *fabric = findFabric(design, wanted);
        if (fabric == nullptr) {
            refusal = QStringLiteral("%1 cannot join fabric %2: the design has no such fabric; pick one of its fabrics").arg(deviceWhat, wanted);
            return std::nullopt;
        }
        if (kind && *kind != fabric->kind) {
            refusal = QStringLiteral("%1 speaks %2 and cannot join %3 fabric %4: pick a %5 fabric")
                          .arg(deviceWhat, protocol, fabricKindTitle(fabric->kind), wanted, fabricKindTitle(*kind));
            return std::nullopt;
        }
        return wanted;
    }
    if (!kind) {
        if (design.fabrics.empty()) {
            refusal = QStringLiteral("%1 has no known protocol in the catalog and the design has no fabric to put it on: add a fabric first").arg(deviceWhat);
            return std::nullopt;
        }
        return design.fabrics.front().id;
    }
    return fabricFor(design, *kind, ids, created);
}

// Names a new device after its id, places it at `positionU` of `rackId` and appends it to `devices`, its
// id to `created`: what placeItem does for every kind of device.
template <typename Device>
void addPlacedDevice(std::vector<Device> &devices, Device device, const QString &itemId, const QString &rackId,
                     int positionU, QStringList &created)
{
    device.name = device.id;
    device.itemId = itemId;
    device.rackId = rackId;
    device.positionU = positionU;
    created.append(device.id);
    devices.push_back(std::move(device));
}

const QStringList placeableKinds { QStringLiteral("server"), QStringLiteral("switch"), QStringLiteral("gateway"),
                                   QStringLiteral("storage") };

} // namespace

EditResult placeItem(const Scenario &scenario, const PinnedCatalog &catalog, const QString &itemId, const QString &rackId,
                     int positionU, const QString &fabricId, const QString &group)
{
    const PinnedItem *item = pinned(catalog, itemId);
    if (item == nullptr)
        return EditResult::refused(QStringLiteral("item %1 is not pinned in the project: pin it from the catalog first").arg(itemId));
    if (!placeableKinds.contains(item->kind)) {
        return EditResult::refused(QStringLiteral("%1 is a %2, not a rack device: only servers, switches, gateways and storage arrays go into a rack%3")
                                       .arg(displayName(*item), item->kind,
                                            item->kind == u"adapter" || item->kind == u"gateway-module"
                                                ? QStringLiteral("; drop it onto a server or gateway instead")
                                                : QString()));
    }
    const Rack *rack = findRack(scenario.design, rackId);
    if (rack == nullptr) {
        return EditResult::refused(QStringLiteral("rack %1 does not exist in scenario %2: pick one of its racks or add a rack")
                                       .arg(rackId, scenario.name));
    }
    const QString what = QStringLiteral("the ") + displayName(*item);
    if (const QString why = RackSpace(scenario.design, catalog, *rack).refusal(what, positionU, itemHeightU(catalog, itemId));
        !why.isEmpty())
        return EditResult::refused(why);

    EditResult result { scenario, {}, {} };
    Design &design = result.scenario->design;
    IdAllocator ids(scenario.design);
    QStringList fabricsMade;
    QString refusal;
    if (item->kind == u"server") {
        Server server;
        server.id = ids.next(QStringLiteral("server"));
        server.group = group.isEmpty() ? defaultServerGroup(scenario) : group;
        addPlacedDevice(design.servers, std::move(server), itemId, rackId, positionU, result.createdIds);
    } else if (item->kind == u"switch") {
        Switch sw;
        sw.id = ids.next(QStringLiteral("switch"));
        const std::optional<QString> fabric = joinFabric(design, *item, QStringLiteral("switch ") + sw.id, fabricId, ids, fabricsMade, refusal);
        if (!fabric)
            return EditResult::refused(refusal);
        sw.fabricId = *fabric;
        addPlacedDevice(design.switches, std::move(sw), itemId, rackId, positionU, result.createdIds);
    } else if (item->kind == u"gateway") {
        Gateway gateway;
        gateway.id = ids.next(QStringLiteral("gw"));
        addPlacedDevice(design.gateways, std::move(gateway), itemId, rackId, positionU, result.createdIds);
    } else {
        StorageArray array;
        array.id = ids.next(QStringLiteral("storage"));
        const std::optional<QString> fabric = joinFabric(design, *item, QStringLiteral("storage array ") + array.id, fabricId, ids, fabricsMade, refusal);
        if (!fabric)
            return EditResult::refused(refusal);
        array.fabricId = *fabric;
        addPlacedDevice(design.storage, std::move(array), itemId, rackId, positionU, result.createdIds);
    }
    result.createdIds.append(fabricsMade);
    return result;
}

EditResult moveDevice(const Scenario &scenario, const PinnedCatalog &catalog, const QString &deviceId, const QString &rackId,
                      int positionU)
{
    const std::optional<DeviceRef> ref = findDevice(scenario.design, deviceId);
    if (!ref)
        return EditResult::refused(QStringLiteral("%1 is not a server, switch, gateway or storage array of scenario %2: nothing to move").arg(deviceId, scenario.name));
    const Placed p = placed(scenario.design, *ref);
    if (p.rackId == rackId && p.positionU == positionU)
        return { scenario, {}, {} };
    const Rack *rack = findRack(scenario.design, rackId);
    if (rack == nullptr) {
        return EditResult::refused(QStringLiteral("rack %1 does not exist in scenario %2: pick one of its racks or add a rack")
                                       .arg(rackId, scenario.name));
    }
    const QString what = deviceKindName(ref->kind) + QLatin1Char(' ') + deviceId;
    if (const QString why = RackSpace(scenario.design, catalog, *rack, deviceId).refusal(what, positionU, itemHeightU(catalog, p.itemId));
        !why.isEmpty())
        return EditResult::refused(why);
    EditResult result { scenario, {}, {} };
    setPlacement(result.scenario->design, *ref, rackId, positionU);
    return result;
}

namespace {

// The lowest slot in [first, last] that `taken` does not hold (0 when it holds them all), and how many of
// those slots it holds.
struct FreeSlot
{
    int slot = 0;
    int used = 0;
};
FreeSlot firstFreeSlot(const QSet<int> &taken, int first, int last)
{
    FreeSlot freeSlot;
    for (int s = first; s <= last; ++s) {
        if (!taken.contains(s)) {
            if (freeSlot.slot == 0)
                freeSlot.slot = s;
        } else {
            ++freeSlot.used;
        }
    }
    return freeSlot;
}

// Inserts `card` into `cards`, which stay in slot order.
void insertBySlot(std::vector<SlotItem> &cards, const SlotItem &card)
{
    const auto at = std::find_if(cards.begin(), cards.end(), [&card](const SlotItem &s) { return s.slot > card.slot; });
    cards.insert(at, card);
}

EditResult insertServerCard(const Scenario &scenario, const PinnedCatalog &catalog, std::size_t serverIndex,
                            const PinnedItem &card, std::optional<int> slot)
{
    const Server &server = scenario.design.servers[serverIndex];
    const PinnedItem *chassis = pinned(catalog, server.itemId);
    if (chassis == nullptr) {
        return EditResult::refused(QStringLiteral("server %1 uses item %2, which the project does not pin: pin it before adding cards")
                                       .arg(server.id, server.itemId));
    }
    if (card.kind != u"adapter") {
        return EditResult::refused(QStringLiteral("%1 is a %2, not an adapter: only NICs, HBAs and HCAs go into server %3")
                                       .arg(displayName(card), card.kind, server.id));
    }
    const int pcie = specCount(*chassis, u"pcie_slots").value_or(0);
    const int mezzanine = specCount(*chassis, u"mezzanine_slots").value_or(0);
    const bool wantsMezzanine = cost::needsMezzanineSlot(card);
    const QString kindName = wantsMezzanine ? QStringLiteral("mezzanine") : QStringLiteral("PCIe");
    const QString serverWhat = QStringLiteral("server %1 (%2)").arg(server.id, displayName(*chassis));
    QSet<int> taken;
    for (const SlotItem &a : server.adapters)
        taken.insert(a.slot);

    int chosen = 0;
    if (slot) {
        if (*slot < 1 || *slot > pcie + mezzanine) {
            return EditResult::refused(QStringLiteral("%1 has no slot %2: it has slots 1–%3 (%4 PCIe, %5 mezzanine); pick one of those")
                                           .arg(serverWhat).arg(*slot).arg(pcie + mezzanine).arg(pcie).arg(mezzanine));
        }
        if (cost::isMezzanineSlot(*slot, pcie) != wantsMezzanine) {
            return EditResult::refused(QStringLiteral("the %1 needs a %2 slot but slot %3 of %4 is a %5 slot: pick a %2 slot")
                                           .arg(displayName(card), kindName)
                                           .arg(*slot)
                                           .arg(serverWhat, wantsMezzanine ? QStringLiteral("PCIe") : QStringLiteral("mezzanine")));
        }
        if (taken.contains(*slot)) {
            return EditResult::refused(QStringLiteral("slot %1 of %2 already holds a card: remove it first or pick a free slot")
                                           .arg(*slot).arg(serverWhat));
        }
        chosen = *slot;
    } else {
        const int first = wantsMezzanine ? pcie + 1 : 1;
        const int last = wantsMezzanine ? pcie + mezzanine : pcie;
        const FreeSlot freeSlot = firstFreeSlot(taken, first, last);
        if (freeSlot.slot == 0) {
            return EditResult::refused(QStringLiteral("%1 has no free %2 slot for the %3: %4 of %5 used; remove a card or pick another server")
                                           .arg(serverWhat, kindName, displayName(card))
                                           .arg(freeSlot.used)
                                           .arg(last - first + 1));
        }
        chosen = freeSlot.slot;
    }
    EditResult result { scenario, {}, {} };
    insertBySlot(result.scenario->design.servers[serverIndex].adapters, SlotItem { chosen, card.id });
    return result;
}

EditResult insertGatewayModule(const Scenario &scenario, const PinnedCatalog &catalog, std::size_t gatewayIndex,
                               const PinnedItem &module, std::optional<int> slot)
{
    const Gateway &gateway = scenario.design.gateways[gatewayIndex];
    const PinnedItem *chassis = pinned(catalog, gateway.itemId);
    if (chassis == nullptr) {
        return EditResult::refused(QStringLiteral("gateway %1 uses item %2, which the project does not pin: pin it before adding modules")
                                       .arg(gateway.id, gateway.itemId));
    }
    const QString gatewayWhat = QStringLiteral("gateway %1 (%2)").arg(gateway.id, displayName(*chassis));
    if (module.kind != u"gateway-module") {
        return EditResult::refused(QStringLiteral("%1 is a %2, not a gateway module: only modules go into %3")
                                       .arg(displayName(module), module.kind, gatewayWhat));
    }
    if (cost::isFixedGateway(*chassis))
        return EditResult::refused(QStringLiteral("%1 is a fixed gateway without module slots: pick a chassis gateway").arg(gatewayWhat));
    const QString fits = specText(module, u"chassis");
    if (fits != gateway.itemId) {
        return EditResult::refused(QStringLiteral("the %1 fits the %2, not %3: use a module made for this chassis")
                                       .arg(displayName(module), fits.isEmpty() ? QStringLiteral("(unknown chassis)") : itemName(catalog, fits),
                                            gatewayWhat));
    }
    const int slots = specCount(*chassis, u"module_slots").value_or(0);
    QSet<int> taken;
    for (const SlotItem &m : gateway.modules)
        taken.insert(m.slot);
    int chosen = 0;
    if (slot) {
        if (*slot < 1 || *slot > slots)
            return EditResult::refused(QStringLiteral("%1 has no module slot %2: it has slots 1–%3").arg(gatewayWhat).arg(*slot).arg(slots));
        if (taken.contains(*slot))
            return EditResult::refused(QStringLiteral("module slot %1 of %2 is taken: remove its module first or pick a free slot").arg(*slot).arg(gatewayWhat));
        chosen = *slot;
    } else {
        const FreeSlot freeSlot = firstFreeSlot(taken, 1, slots);
        if (freeSlot.slot == 0) {
            return EditResult::refused(QStringLiteral("%1 has no free module slot: %2 of %3 used; remove a module or pick another gateway")
                                           .arg(gatewayWhat).arg(freeSlot.used).arg(slots));
        }
        chosen = freeSlot.slot;
    }
    EditResult result { scenario, {}, {} };
    insertBySlot(result.scenario->design.gateways[gatewayIndex].modules, SlotItem { chosen, module.id });
    return result;
}

} // namespace

EditResult insertCard(const Scenario &scenario, const PinnedCatalog &catalog, const QString &deviceId, const QString &itemId,
                      std::optional<int> slot)
{
    const PinnedItem *item = pinned(catalog, itemId);
    if (item == nullptr)
        return EditResult::refused(QStringLiteral("item %1 is not pinned in the project: pin it from the catalog first").arg(itemId));
    const std::optional<DeviceRef> ref = findDevice(scenario.design, deviceId);
    if (ref && ref->kind == DeviceKind::Server)
        return insertServerCard(scenario, catalog, ref->index, *item, slot);
    if (ref && ref->kind == DeviceKind::Gateway)
        return insertGatewayModule(scenario, catalog, ref->index, *item, slot);
    return EditResult::refused(QStringLiteral("%1 is not a server or gateway of scenario %2: the %3 goes into a server's or gateway's slot")
                                   .arg(deviceId, scenario.name, displayName(*item)));
}

EditResult removeCard(const Scenario &scenario, const QString &deviceId, int slot)
{
    const std::optional<DeviceRef> ref = findDevice(scenario.design, deviceId);
    if (!ref || (ref->kind != DeviceKind::Server && ref->kind != DeviceKind::Gateway))
        return EditResult::refused(QStringLiteral("%1 is not a server or gateway of scenario %2: it has no cards to remove").arg(deviceId, scenario.name));
    EditResult result { scenario, {}, {} };
    Design &design = result.scenario->design;
    std::vector<SlotItem> &cards = ref->kind == DeviceKind::Server ? design.servers[ref->index].adapters
                                                                    : design.gateways[ref->index].modules;
    const auto before = cards.size();
    cards.erase(std::remove_if(cards.begin(), cards.end(), [slot](const SlotItem &s) { return s.slot == slot; }), cards.end());
    if (cards.size() == before)
        return EditResult::refused(QStringLiteral("slot %1 of %2 %3 holds no card: nothing to remove").arg(slot).arg(deviceKindName(ref->kind), deviceId));
    const auto onSlot = [&](const CableEnd &e) { return e.deviceId == deviceId && e.slot == slot; };
    design.cables.erase(std::remove_if(design.cables.begin(), design.cables.end(),
                                       [&](const Cable &c) { return onSlot(c.from) || onSlot(c.to); }),
                        design.cables.end());
    return result;
}

EditResult removeObjects(const Scenario &scenario, const QStringList &ids)
{
    const Design &before = scenario.design;
    const QSet<QString> asked(ids.begin(), ids.end());
    QSet<QString> racks;
    for (const Rack &r : before.racks) {
        if (asked.contains(r.id))
            racks.insert(r.id);
    }
    QSet<QString> fabrics;
    for (const Fabric &f : before.fabrics) {
        if (asked.contains(f.id))
            fabrics.insert(f.id);
    }
    // A device goes when named, when its rack goes, or (switches and arrays) when its fabric goes.
    QSet<QString> devices;
    const auto consider = [&](const QString &id, const QString &rackId, const QString &fabricId) {
        if (asked.contains(id) || racks.contains(rackId) || (!fabricId.isNull() && fabrics.contains(fabricId)))
            devices.insert(id);
    };
    for (const Server &s : before.servers)
        consider(s.id, s.rackId, {});
    for (const Switch &s : before.switches)
        consider(s.id, s.rackId, s.fabricId);
    for (const Gateway &g : before.gateways)
        consider(g.id, g.rackId, {});
    for (const StorageArray &a : before.storage)
        consider(a.id, a.rackId, a.fabricId);
    const auto cableGoes = [&](const Cable &c) {
        return asked.contains(c.id) || fabrics.contains(c.fabricId) || devices.contains(c.from.deviceId)
            || devices.contains(c.to.deviceId) || fabrics.contains(c.from.deviceId) || fabrics.contains(c.to.deviceId);
    };
    const bool anyCable = std::any_of(before.cables.begin(), before.cables.end(), cableGoes);
    if (racks.isEmpty() && fabrics.isEmpty() && devices.isEmpty() && !anyCable)
        return EditResult::refused(QStringLiteral("nothing to delete: none of the selected ids is a rack, device, fabric or cable of scenario %1").arg(scenario.name));

    // A VM profile must keep a server of its group, or the document no longer loads (docs/document-format.md).
    QHash<QString, int> left;
    QSet<QString> hadServers;
    for (const Server &s : before.servers) {
        hadServers.insert(s.group);
        if (!devices.contains(s.id))
            ++left[s.group];
    }
    for (const VmProfile &profile : scenario.workload.profiles) {
        if (hadServers.contains(profile.serverGroup) && left.value(profile.serverGroup) == 0) {
            return EditResult::refused(QStringLiteral("deleting these leaves VM profile %1 without a server of group %2: keep one server of the group or change the profile's group first")
                                           .arg(profile.name, profile.serverGroup));
        }
    }

    EditResult result { scenario, {}, {} };
    Design &design = result.scenario->design;
    const auto drop = [](auto &list, auto goes) { list.erase(std::remove_if(list.begin(), list.end(), goes), list.end()); };
    const auto deviceGoes = [&](const auto &d) { return devices.contains(d.id); };
    drop(design.racks, [&](const Rack &r) { return racks.contains(r.id); });
    drop(design.fabrics, [&](const Fabric &f) { return fabrics.contains(f.id); });
    drop(design.servers, deviceGoes);
    drop(design.switches, deviceGoes);
    drop(design.gateways, deviceGoes);
    drop(design.storage, deviceGoes);
    drop(design.cables, cableGoes);
    return result;
}

} // namespace iovplan::edit
