#include "designscene.h"

#include "cableitem.h"
#include "canvasstyle.h"
#include "cardmarkeritem.h"
#include "fabricitem.h"
#include "rackitem.h"

#include "ui/editing/designselection.h"

namespace iovplan::ui {

DesignScene::DesignScene(const Document &document, ScenarioKey key, QObject *parent)
    : QGraphicsScene(parent), m_document(document), m_key(key)
{
    // A BSP tree keeps hit tests and exposed-area painting logarithmic with thousands of items.
    setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    connect(&document, &Document::scenarioChanged, this, &DesignScene::onScenarioChanged);
    connect(&document, &Document::projectReset, this, [this] { rebuild(); });
    connect(&document, &Document::catalogChanged, this, [this] {
        m_refreshFaces = true;
        m_cableColors.clear();
        sync();
    });
    sync();
}

void DesignScene::onScenarioChanged(ScenarioKey key, ScenarioParts parts)
{
    if (key == m_key && parts.testFlag(ScenarioPart::Design))
        sync();
}

DesignScene::SyncStats DesignScene::rebuild()
{
    const int before = static_cast<int>(items().size());
    clearAll();
    SyncStats stats = sync();
    stats.removed += before;
    m_lastSync = stats;
    return stats;
}

void DesignScene::clearAll()
{
    clear(); // deletes every item
    m_racks.clear();
    m_fabrics.clear();
    m_devices.clear();
    m_cables.clear();
    m_cablesByDevice.clear();
    m_cableColors.clear();
    m_shownRacks.clear();
    m_shownFabrics.clear();
    m_layout = DesignLayout();
    Q_EMIT cleared();
}

void DesignScene::syncRacksAndFabrics(SyncStats &stats)
{
    const design::Design &d = scenario().design;
    m_layout.setDesign(d);
    m_shownRacks = d.racks;
    m_shownFabrics = d.fabrics;

    QSet<QString> seen;
    for (const RackPlacement &p : m_layout.racks()) {
        seen.insert(p.id);
        RackItem *item = m_racks.value(p.id, nullptr);
        if (item == nullptr) {
            item = new RackItem(p);
            addItem(item);
            m_racks.insert(p.id, item);
            ++stats.created;
        } else if (!(item->placement() == p)) {
            item->setPlacement(p);
            ++stats.updated;
        }
    }
    for (auto it = m_racks.begin(); it != m_racks.end();) {
        if (!seen.contains(it.key())) {
            delete it.value();
            it = m_racks.erase(it);
            ++stats.removed;
        } else {
            ++it;
        }
    }
    seen.clear();
    for (const design::Fabric &f : d.fabrics) {
        seen.insert(f.id);
        const QRectF rect = m_layout.fabricRect(f.id);
        FabricItem *item = m_fabrics.value(f.id, nullptr);
        if (item == nullptr) {
            item = new FabricItem(f, rect);
            addItem(item);
            m_fabrics.insert(f.id, item);
            ++stats.created;
        } else if (!(item->fabric() == f) || item->boundingRect() != rect.adjusted(-3, -3, 3, 3)) {
            item->setFabric(f, rect);
            ++stats.updated;
        }
    }
    for (auto it = m_fabrics.begin(); it != m_fabrics.end();) {
        if (!seen.contains(it.key())) {
            delete it.value();
            it = m_fabrics.erase(it);
            ++stats.removed;
        } else {
            ++it;
        }
    }
    setSceneRect(m_layout.bounds());
}

void DesignScene::placeDevice(DeviceItem *item) const
{
    const RackPlacement *rack = m_layout.rack(item->record().rackId);
    if (rack == nullptr) {
        item->setVisible(false);
        return;
    }
    const QRectF rect = DesignLayout::deviceRect(*rack, item->record().positionU, item->face().heightU);
    item->setWidth(rect.width());
    item->setPos(rect.topLeft());
    item->setVisible(true);
}

void DesignScene::syncDevice(const DeviceRecord &record, bool layoutChanged, QSet<QString> &seen, QSet<QString> &moved,
                             SyncStats &stats)
{
    seen.insert(record.id);
    DeviceItem *item = m_devices.value(record.id, nullptr);
    if (item == nullptr) {
        item = new DeviceItem(record, deviceFace(record, catalog()));
        item->setDetailVisible(m_detailVisible);
        addItem(item);
        m_devices.insert(record.id, item);
        placeDevice(item);
        moved.insert(record.id);
        ++stats.created;
        return;
    }
    const DeviceRecord &old = item->record();
    if (m_refreshFaces || !(old == record)) {
        const bool faceChanged = m_refreshFaces || old.itemId != record.itemId || old.cards != record.cards
            || old.kind != record.kind;
        item->setRecord(record, faceChanged ? deviceFace(record, catalog()) : item->face(), faceChanged);
        placeDevice(item);
        moved.insert(record.id);
        ++stats.updated;
    } else if (layoutChanged) {
        placeDevice(item);
        moved.insert(record.id);
    }
}

DesignScene::SyncStats DesignScene::sync()
{
    SyncStats stats;
    if (!hasScenario()) {
        const int before = static_cast<int>(items().size());
        if (before > 0)
            clearAll();
        stats.removed = before;
        m_lastSync = stats;
        return stats;
    }
    const design::Design &d = scenario().design;
    const bool layoutChanged = m_shownRacks != d.racks || m_shownFabrics != d.fabrics;
    if (layoutChanged)
        syncRacksAndFabrics(stats);

    QSet<QString> seen;
    QSet<QString> moved;
    seen.reserve(static_cast<qsizetype>(d.servers.size() + d.switches.size() + d.gateways.size() + d.storage.size()));
    for (const design::Server &s : d.servers)
        syncDevice({ DeviceKind::Server, s.id, s.name, s.itemId, s.rackId, s.positionU, s.adapters }, layoutChanged,
                   seen, moved, stats);
    for (const design::Switch &s : d.switches)
        syncDevice({ DeviceKind::Switch, s.id, s.name, s.itemId, s.rackId, s.positionU, {} }, layoutChanged, seen,
                   moved, stats);
    for (const design::Gateway &g : d.gateways)
        syncDevice({ DeviceKind::Gateway, g.id, g.name, g.itemId, g.rackId, g.positionU, g.modules }, layoutChanged,
                   seen, moved, stats);
    for (const design::StorageArray &a : d.storage)
        syncDevice({ DeviceKind::Storage, a.id, a.name, a.itemId, a.rackId, a.positionU, {} }, layoutChanged, seen,
                   moved, stats);
    m_refreshFaces = false;
    for (auto it = m_devices.begin(); it != m_devices.end();) {
        if (!seen.contains(it.key())) {
            delete it.value();
            it = m_devices.erase(it);
            ++stats.removed;
        } else {
            ++it;
        }
    }

    // Which ports carry which cable: rebuilt as plain data (linear in the cables), applied to the items
    // only where it differs.
    QHash<QString, CabledPorts> cabled;
    m_cablesByDevice.clear();
    for (const design::Cable &c : d.cables) {
        for (const design::CableEnd *end : { &c.from, &c.to }) {
            m_cablesByDevice[end->deviceId].append(c.id);
            if (!m_fabrics.contains(end->deviceId))
                cabled[end->deviceId][{ end->slot, end->port }] = c.id;
        }
    }
    static const CabledPorts none;
    for (DeviceItem *item : std::as_const(m_devices)) {
        const auto found = cabled.constFind(item->deviceId());
        item->setCabledPorts(found == cabled.constEnd() ? none : *found);
    }

    QSet<QString> seenCables;
    seenCables.reserve(static_cast<qsizetype>(d.cables.size()));
    for (const design::Cable &c : d.cables) {
        seenCables.insert(c.id);
        CableItem *item = m_cables.value(c.id, nullptr);
        bool route = layoutChanged || moved.contains(c.from.deviceId) || moved.contains(c.to.deviceId);
        if (item == nullptr) {
            item = new CableItem(c);
            addItem(item);
            m_cables.insert(c.id, item);
            ++stats.created;
            route = true;
        } else if (!(item->cable() == c)) {
            item->setCable(c);
            ++stats.updated;
            route = true;
        }
        if (route) {
            routeCable(item);
            ++stats.cablesRouted;
        }
    }
    for (auto it = m_cables.begin(); it != m_cables.end();) {
        if (!seenCables.contains(it.key())) {
            delete it.value();
            it = m_cables.erase(it);
            ++stats.removed;
        } else {
            ++it;
        }
    }
    m_lastSync = stats;
    return stats;
}

QColor DesignScene::cableColor(const design::Cable &cable)
{
    const auto cached = m_cableColors.constFind(cable.itemId);
    if (cached != m_cableColors.constEnd())
        return *cached;
    QString protocol;
    if (const auto item = catalog().find(cable.itemId); item != catalog().end())
        protocol = design::specText(item->second, u"protocol");
    if (protocol.isEmpty()) {
        if (const FabricItem *f = fabric(cable.fabricId))
            protocol = f->protocol();
    }
    const QColor color = canvasstyle::protocolColor(protocol);
    m_cableColors.insert(cable.itemId, color);
    return color;
}

void DesignScene::routeCable(CableItem *item)
{
    const design::Cable &c = item->cable();
    const FabricItem *fromFabric = fabric(c.from.deviceId);
    const FabricItem *toFabric = fabric(c.to.deviceId);
    const auto devicePoint = [this](const design::CableEnd &end) -> std::optional<QPointF> {
        const DeviceItem *d = device(end.deviceId);
        if (d == nullptr || !d->isVisible())
            return std::nullopt;
        return d->portScenePos(end.slot, end.port);
    };
    std::optional<QPointF> a = devicePoint(c.from);
    std::optional<QPointF> b = devicePoint(c.to);
    if (a && toFabric != nullptr) {
        item->setVisible(true);
        item->setEnds(*a, toFabric->attachPoint(*a), cableColor(c), true);
    } else if (b && fromFabric != nullptr) {
        item->setVisible(true);
        item->setEnds(*b, fromFabric->attachPoint(*b), cableColor(c), true);
    } else if (a && b) {
        item->setVisible(true);
        item->setEnds(*a, *b, cableColor(c), false);
    } else {
        item->setVisible(false); // an end the canvas cannot show (a device outside every rack)
    }
}

void DesignScene::setDetailVisible(bool visible)
{
    if (visible == m_detailVisible)
        return;
    m_detailVisible = visible;
    for (DeviceItem *item : std::as_const(m_devices))
        item->setDetailVisible(visible);
}

void DesignScene::rerouteCablesOf(const QStringList &deviceIds)
{
    QSet<QString> done;
    for (const QString &deviceId : deviceIds) {
        for (const QString &cableId : m_cablesByDevice.value(deviceId)) {
            if (done.contains(cableId))
                continue;
            done.insert(cableId);
            if (CableItem *item = cable(cableId))
                routeCable(item);
        }
    }
}

QString DesignScene::objectId(const QGraphicsItem *item)
{
    return item == nullptr ? QString() : item->data(objectIdDataKey).toString();
}

QGraphicsItem *DesignScene::itemForId(const QString &id) const
{
    if (DeviceItem *d = device(id))
        return d;
    if (CableItem *c = cable(id))
        return c;
    if (RackItem *r = rack(id))
        return r;
    if (FabricItem *f = fabric(id))
        return f;
    QString deviceId;
    int slot = 0;
    if (DesignSelection::splitCardId(id, &deviceId, &slot)) {
        if (DeviceItem *d = device(deviceId))
            return d->card(slot);
    }
    return nullptr;
}

QStringList DesignScene::selectedIds() const
{
    QStringList ids;
    for (const QGraphicsItem *item : selectedItems()) {
        const QString id = objectId(item);
        if (!id.isEmpty())
            ids << id;
    }
    return ids;
}

void DesignScene::selectIds(const QStringList &ids)
{
    const QSet<QString> wanted(ids.begin(), ids.end());
    for (QGraphicsItem *item : selectedItems()) {
        if (!wanted.contains(objectId(item)))
            item->setSelected(false);
    }
    for (const QString &id : ids) {
        if (QGraphicsItem *item = itemForId(id))
            item->setSelected(true);
    }
}

} // namespace iovplan::ui
