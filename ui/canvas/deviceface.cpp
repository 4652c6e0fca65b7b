#include "deviceface.h"

#include <algorithm>

namespace iovplan::ui {

using design::PinnedItem;

namespace {

const PinnedItem *find(const design::PinnedCatalog &catalog, const QString &itemId)
{
    const auto it = catalog.find(itemId);
    return it == catalog.end() ? nullptr : &it->second;
}

const design::SlotItem *cardIn(const std::vector<design::SlotItem> &cards, int slot)
{
    const auto it = std::find_if(cards.begin(), cards.end(), [slot](const design::SlotItem &c) { return c.slot == slot; });
    return it == cards.end() ? nullptr : &*it;
}

FaceSlot slotOf(const design::PinnedCatalog &catalog, const std::vector<design::SlotItem> &cards, int slot,
                const QString &kindLabel, bool module)
{
    FaceSlot s;
    s.slot = slot;
    s.kindLabel = kindLabel;
    if (const design::SlotItem *card = cardIn(cards, slot)) {
        s.itemId = card->itemId;
        if (const PinnedItem *item = find(catalog, card->itemId)) {
            s.label = item->model.isEmpty() ? item->id : item->model;
            s.ports = design::specCount(*item, module ? u"ext_ports" : u"ports").value_or(0);
            s.protocol = design::specText(*item, module ? u"ext_protocol" : u"protocol");
        } else {
            s.label = card->itemId;
        }
    }
    return s;
}

} // namespace

DeviceFace deviceFace(const DeviceRecord &record, const design::PinnedCatalog &catalog)
{
    DeviceFace face;
    const PinnedItem *item = find(catalog, record.itemId);
    if (item == nullptr) {
        face.itemName = record.itemId;
        return face;
    }
    face.itemName = design::displayName(*item);
    if (const std::optional<double> h = design::specNumber(*item, u"u_height"); h && *h > 0.0)
        face.heightU = *h;

    int slotCount = 0;
    int pcieSlots = 0;
    switch (record.kind) {
    case DeviceKind::Server:
        face.ownPorts = design::specCount(*item, u"lom_ports").value_or(0);
        face.ownProtocol = QStringLiteral("ethernet");
        pcieSlots = design::specCount(*item, u"pcie_slots").value_or(0);
        slotCount = pcieSlots + design::specCount(*item, u"mezzanine_slots").value_or(0);
        break;
    case DeviceKind::Switch:
    case DeviceKind::Storage:
        face.ownPorts = design::specCount(*item, u"ports").value_or(0);
        face.ownProtocol = design::specText(*item, u"protocol");
        break;
    case DeviceKind::Gateway:
        face.ownPorts = design::specCount(*item, u"ib_ports").value_or(0);
        face.ownProtocol = QStringLiteral("infiniband");
        slotCount = design::specCount(*item, u"module_slots").value_or(0);
        if (slotCount == 0) { // a fixed gateway: its outside ports are slot 1
            FaceSlot outside;
            outside.slot = 1;
            outside.itemId = record.itemId;
            outside.label = QStringLiteral("outside");
            outside.kindLabel = QStringLiteral("fixed");
            outside.ports = design::specCount(*item, u"ext_ports").value_or(0);
            outside.protocol = design::specText(*item, u"ext_protocol");
            face.cardSlots.push_back(outside);
            return face;
        }
        break;
    }
    int highest = slotCount;
    for (const design::SlotItem &card : record.cards)
        highest = std::max(highest, card.slot);
    const bool module = record.kind == DeviceKind::Gateway;
    for (int slot = 1; slot <= highest; ++slot) {
        const QString kindLabel = module ? QStringLiteral("module")
            : slot <= pcieSlots          ? QStringLiteral("PCIe")
                                         : QStringLiteral("mezzanine");
        face.cardSlots.push_back(slotOf(catalog, record.cards, slot, kindLabel, module));
    }
    return face;
}

} // namespace iovplan::ui
