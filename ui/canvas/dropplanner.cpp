#include "dropplanner.h"

#include "cardmarkeritem.h"
#include "designscene.h"

#include "model/edit/designedits.h"
#include "ui/editing/documenteditor.h"

namespace iovplan::ui {

bool DraggedItem::placesInRack() const
{
    return item && (item->kind == u"server" || item->kind == u"switch" || item->kind == u"gateway"
                    || item->kind == u"storage");
}

bool DraggedItem::goesIntoSlot() const
{
    return item && (item->kind == u"adapter" || item->kind == u"gateway-module");
}

DraggedItem resolveDraggedItem(const DocumentEditor &editor, const QString &itemId)
{
    DraggedItem dragged;
    dragged.itemId = itemId;
    const design::PinnedCatalog &pinned = editor.document().catalog();
    if (const auto it = pinned.find(itemId); it != pinned.end()) {
        dragged.item = it->second;
        return dragged;
    }
    QString error;
    const design::PinnedCatalog withItem = editor.catalogWith(itemId, &error);
    if (const auto it = withItem.find(itemId); it != withItem.end())
        dragged.item = it->second;
    else
        dragged.error = error.isEmpty() ? QStringLiteral("the catalog has no item '%1'").arg(itemId) : error;
    return dragged;
}

namespace {

// The device (and slot marker) under a scene point, looking through ports and cables.
const DeviceItem *deviceAt(const DesignScene &scene, QPointF scenePos, const CardMarkerItem **card)
{
    for (QGraphicsItem *item : scene.items(scenePos)) {
        for (QGraphicsItem *it = item; it != nullptr; it = it->parentItem()) {
            if (auto *marker = qgraphicsitem_cast<CardMarkerItem *>(it); marker != nullptr && *card == nullptr)
                *card = marker;
            if (auto *device = qgraphicsitem_cast<DeviceItem *>(it))
                return device;
        }
    }
    return nullptr;
}

} // namespace

DropPlan planDrop(const DesignScene &scene, const DraggedItem &dragged, QPointF scenePos)
{
    DropPlan plan;
    if (!dragged.item) {
        plan.refusal = dragged.error;
        return plan;
    }
    const design::PinnedItem &item = *dragged.item;
    const QString name = design::displayName(item);
    if (dragged.placesInRack()) {
        const RackPlacement *rack = scene.layout().rackAt(scenePos);
        if (rack == nullptr) {
            plan.refusal = QStringLiteral("Drop the %1 into a rack").arg(name);
            return plan;
        }
        double height = 1.0;
        if (const std::optional<double> h = design::specNumber(item, u"u_height"); h && *h > 0.0)
            height = *h;
        plan.action = DropPlan::Action::Place;
        plan.rackId = rack->id;
        plan.positionU = DesignLayout::snappedPosition(*rack, scenePos.y(), height);
        plan.ghost = DesignLayout::deviceRect(*rack, plan.positionU, height);
        plan.label = QStringLiteral("%1 at U %2").arg(name).arg(plan.positionU);
        plan.refusal = edit::rackSpaceRefusal(scene.scenario(), scene.catalog(), rack->id, plan.positionU, height);
        return plan;
    }
    if (dragged.goesIntoSlot()) {
        const bool module = item.kind == u"gateway-module";
        const CardMarkerItem *card = nullptr;
        const DeviceItem *device = deviceAt(scene, scenePos, &card);
        const DeviceKind wanted = module ? DeviceKind::Gateway : DeviceKind::Server;
        if (device == nullptr || device->record().kind != wanted) {
            plan.refusal = module ? QStringLiteral("Drop the %1 onto a gateway").arg(name)
                                  : QStringLiteral("Drop the %1 onto a server").arg(name);
            return plan;
        }
        plan.action = DropPlan::Action::InsertCard;
        plan.deviceId = device->deviceId();
        if (card != nullptr && card->isEmpty())
            plan.slot = card->slot().slot;
        plan.label = plan.slot ? QStringLiteral("%1 into slot %2 of %3").arg(name).arg(*plan.slot).arg(device->deviceId())
                               : QStringLiteral("%1 into %2").arg(name, device->deviceId());
        design::PinnedCatalog catalog = scene.catalog();
        catalog.insert_or_assign(item.id, item);
        plan.refusal = edit::insertCard(scene.scenario(), catalog, plan.deviceId, item.id, plan.slot).refusal;
        return plan;
    }
    plan.refusal = QStringLiteral("A %1 is not placed on the canvas; cables are made by dragging from port to port")
                       .arg(item.kind);
    return plan;
}

} // namespace iovplan::ui
