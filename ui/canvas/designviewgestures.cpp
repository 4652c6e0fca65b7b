// DesignView's mouse gestures and palette drops: pan, move devices, drag cables, drop catalog items.
// Each gesture ends in at most one DocumentEditor call (one undo step); a refusal puts things back.

#include "designview.h"

#include "cableitem.h"
#include "cardmarkeritem.h"
#include "designscene.h"
#include "deviceitem.h"
#include "dropghostitem.h"
#include "fabricitem.h"
#include "portitem.h"

#include "model/edit/designedits.h"
#include "ui/catalogitemmime.h"
#include "ui/editing/documenteditor.h"

#include <QApplication>
#include <QDragEnterEvent>
#include <QGraphicsPathItem>
#include <QMimeData>
#include <QMouseEvent>
#include <QScrollBar>

#include <algorithm>

namespace iovplan::ui {

namespace {

DeviceItem *owningDevice(QGraphicsItem *item)
{
    for (QGraphicsItem *it = item; it != nullptr; it = it->parentItem()) {
        if (auto *device = qgraphicsitem_cast<DeviceItem *>(it))
            return device;
    }
    return nullptr;
}

} // namespace

PortItem *DesignView::portAt(QPoint viewPos) const
{
    // Ports lie under the cables that end on them, so look through the whole stack.
    for (QGraphicsItem *item : items(viewPos)) {
        if (auto *port = qgraphicsitem_cast<PortItem *>(item); port != nullptr && port->isVisible())
            return port;
    }
    // Small handles are hard to hit when zoomed out: accept a few pixels around the cursor.
    const QRect around(viewPos - QPoint(3, 3), QSize(7, 7));
    for (QGraphicsItem *item : items(around)) {
        if (auto *port = qgraphicsitem_cast<PortItem *>(item))
            return port;
    }
    return nullptr;
}

FabricItem *DesignView::fabricAt(QPoint viewPos) const
{
    for (QGraphicsItem *item : items(viewPos)) {
        if (auto *fabric = qgraphicsitem_cast<FabricItem *>(item))
            return fabric;
    }
    return nullptr;
}

QString DesignView::deviceIdAt(QPoint viewPos) const
{
    for (QGraphicsItem *item : items(viewPos)) {
        if (item->type() == CableItemType || item->type() == DropGhostItemType)
            continue;
        if (DeviceItem *device = owningDevice(item))
            return device->deviceId();
    }
    return {};
}

// ---- mouse ------------------------------------------------------------------------------------

void DesignView::mousePressEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    m_pressViewPos = pos;
    m_pressScenePos = mapToScene(pos);
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && m_spaceHeld)) {
        m_gesture = Gesture::Pan;
        m_lastPanPos = pos;
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    if (event->button() != Qt::LeftButton) {
        QGraphicsView::mousePressEvent(event);
        return;
    }
    if (PortItem *port = portAt(pos)) {
        if (port->isFree()) {
            m_gesture = Gesture::Cable;
            m_cableFrom = port->end();
            m_cableProtocol = port->protocol();
            m_cableStart = port->mapToScene(port->boundingRect().center());
            m_cableDraft = new QGraphicsPathItem;
            m_cableDraft->setZValue(50.0);
            m_cableDraft->setPen(QPen(QColor(0xff, 0xc1, 0x07), 2, Qt::DashLine));
            m_scene->addItem(m_cableDraft);
            updateCableDrag(pos);
            event->accept();
            return;
        }
        if (QGraphicsItem *cable = m_scene->cable(port->cableId())) { // a cabled port selects its cable
            if (!(event->modifiers() & Qt::ControlModifier))
                m_scene->clearSelection();
            cable->setSelected(true);
            event->accept();
            return;
        }
    }
    const QString deviceId = deviceIdAt(pos);
    QGraphicsView::mousePressEvent(event); // selection, Ctrl toggling, rubber band
    if (!deviceId.isEmpty() && !(event->modifiers() & Qt::ControlModifier)) {
        m_gesture = Gesture::PendingMove;
        m_grabbedId = deviceId;
    }
}

void DesignView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    switch (m_gesture) {
    case Gesture::Pan: {
        const QPoint delta = pos - m_lastPanPos;
        m_lastPanPos = pos;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    case Gesture::Cable:
        updateCableDrag(pos);
        event->accept();
        return;
    case Gesture::PendingMove:
        if ((pos - m_pressViewPos).manhattanLength() < QApplication::startDragDistance())
            break;
        beginMove();
        [[fallthrough]];
    case Gesture::Move:
        updateMove(mapToScene(pos));
        event->accept();
        return;
    case Gesture::None:
        break;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void DesignView::mouseReleaseEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const Gesture gesture = m_gesture;
    m_gesture = Gesture::None;
    switch (gesture) {
    case Gesture::Pan:
        viewport()->setCursor(m_spaceHeld ? Qt::OpenHandCursor : Qt::ArrowCursor);
        event->accept();
        return;
    case Gesture::Cable:
        finishCableDrag(pos);
        event->accept();
        return;
    case Gesture::Move:
        QGraphicsView::mouseReleaseEvent(event); // ends the item's mouse grab; no selection change
        finishMove(pos);
        return;
    case Gesture::PendingMove:
    case Gesture::None:
        break;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

// ---- moving devices ---------------------------------------------------------------------------

void DesignView::beginMove()
{
    m_gesture = Gesture::Move;
    m_originals.clear();
    QStringList ids = selectedDeviceIds();
    if (!ids.contains(m_grabbedId))
        ids = QStringList { m_grabbedId };
    for (const QString &id : ids) {
        if (const DeviceItem *d = m_scene->device(id))
            m_originals[id] = { d->record().rackId, d->record().positionU, d->pos() };
    }
}

void DesignView::updateMove(QPointF scenePos)
{
    const auto grabbed = m_originals.find(m_grabbedId);
    if (grabbed == m_originals.end())
        return;
    const DesignLayout &layout = m_scene->layout();
    const RackPlacement *from = layout.rack(grabbed->second.rackId);
    if (from == nullptr)
        return;
    const RackPlacement *under = layout.rackAt(scenePos);
    const int rackShift = (under != nullptr ? under->index : from->index) - from->index;
    const int unitShift = qRound((m_pressScenePos.y() - scenePos.y()) / DesignLayout::unitHeight);
    m_moveTargets.clear();
    QStringList moved;
    const int rackCount = static_cast<int>(layout.racks().size());
    for (const auto &[id, original] : m_originals) {
        DeviceItem *item = m_scene->device(id);
        const RackPlacement *rack = layout.rack(original.rackId);
        if (item == nullptr || rack == nullptr)
            continue;
        const int index = rack->index + rackShift;
        const RackPlacement *target = index >= 0 && index < rackCount ? &layout.racks()[static_cast<std::size_t>(index)] : nullptr;
        const int position = original.positionU + unitShift;
        m_moveTargets[id] = { target != nullptr ? target->id : QString(), position };
        const QRectF rect = DesignLayout::deviceRect(target != nullptr ? *target : *rack, position, item->face().heightU);
        item->setPos(target != nullptr ? rect.left() : original.pos.x(), rect.top());
        moved << id;
    }
    m_scene->rerouteCablesOf(moved);
}

void DesignView::restoreMovedItems()
{
    QStringList moved;
    for (const auto &[id, original] : m_originals) {
        if (DeviceItem *item = m_scene->device(id)) {
            m_scene->placeDevice(item);
            moved << id;
        }
    }
    m_scene->rerouteCablesOf(moved);
    m_originals.clear();
    m_moveTargets.clear();
}

void DesignView::finishMove(QPoint viewPos)
{
    std::vector<std::pair<QString, std::pair<QString, int>>> moves;
    bool changed = false;
    QString refusal;
    for (const auto &[id, target] : m_moveTargets) {
        const Original &original = m_originals[id];
        if (target.first.isEmpty())
            refusal = tr("%1 would leave the row of racks").arg(id);
        changed = changed || target.first != original.rackId || target.second != original.positionU;
        moves.push_back({ id, target });
    }
    if (!changed) { // back where it started: no command (CONVENTIONS 7)
        restoreMovedItems();
        return;
    }
    if (refusal.isEmpty()) {
        const EditOutcome outcome = m_editor.moveDevices(m_key, moves);
        refusal = outcome.refusal;
    }
    if (!refusal.isEmpty()) {
        restoreMovedItems(); // snap back
        refuse(refusal, viewPos);
        return;
    }
    m_originals.clear();
    m_moveTargets.clear();
}

// ---- cabling ----------------------------------------------------------------------------------

void DesignView::clearCableHighlight()
{
    if (m_highlightedPort != nullptr)
        m_highlightedPort->setHighlighted(false);
    if (m_highlightedFabric != nullptr)
        m_highlightedFabric->setHighlighted(false);
    m_highlightedPort = nullptr;
    m_highlightedFabric = nullptr;
}

void DesignView::updateCableDrag(QPoint viewPos)
{
    if (m_cableDraft == nullptr)
        return;
    clearCableHighlight();
    QPointF end = mapToScene(viewPos);
    if (PortItem *port = portAt(viewPos); port != nullptr && port->isFree() && port->end().deviceId != m_cableFrom.deviceId
        && edit::protocolsMatch(port->protocol(), m_cableProtocol)) {
        m_highlightedPort = port;
        port->setHighlighted(true);
        end = port->mapToScene(port->boundingRect().center());
    } else if (FabricItem *fabric = fabricAt(viewPos);
               fabric != nullptr && edit::protocolsMatch(fabric->protocol(), m_cableProtocol)) {
        m_highlightedFabric = fabric;
        fabric->setHighlighted(true);
    }
    QPainterPath path(m_cableStart);
    path.lineTo(end);
    m_cableDraft->setPath(path);
}

void DesignView::finishCableDrag(QPoint viewPos)
{
    clearCableHighlight();
    delete m_cableDraft;
    m_cableDraft = nullptr;
    design::CableEnd to;
    QString targetProtocol;
    if (PortItem *port = portAt(viewPos)) {
        if (port->end() == m_cableFrom)
            return; // released where it started: nothing to do
        to = port->end();
        targetProtocol = port->protocol();
    } else if (FabricItem *fabric = fabricAt(viewPos)) {
        to = { fabric->fabric().id, 0, 0 };
        targetProtocol = fabric->protocol();
    } else {
        Q_EMIT statusMessage(tr("Release the cable on a free port or a fabric bar"));
        return;
    }
    // The cable item of the more specific end ("vpi" cards take either kind).
    const QString protocol = m_cableProtocol == u"vpi" ? targetProtocol : m_cableProtocol;
    const QString cableItem = edit::defaultCableItem(m_scene->scenario(), m_scene->catalog(), protocol);
    if (cableItem.isEmpty()) {
        refuse(tr("No %1 cable item is pinned in the project: add one from the catalog first").arg(protocol), viewPos);
        return;
    }
    const EditOutcome outcome = m_editor.connectPorts(m_key, m_cableFrom, to, cableItem);
    if (!outcome.ok())
        refuse(outcome.refusal, viewPos);
    else
        applyOutcomeSelection(outcome.createdIds);
}

// ---- palette drops ----------------------------------------------------------------------------

void DesignView::dragEnterEvent(QDragEnterEvent *event)
{
    const QMimeData *mime = event->mimeData();
    if (!mime->hasFormat(QLatin1String(catalogItemMimeType)) || !m_scene->hasScenario()) {
        event->ignore();
        return;
    }
    m_dragged = resolveDraggedItem(m_editor, QString::fromUtf8(mime->data(QLatin1String(catalogItemMimeType))));
    m_lastHoverRefusal.clear();
    event->acceptProposedAction();
}

void DesignView::updateDropGhost(const DropPlan &plan, QPoint viewPos)
{
    if (m_ghost == nullptr)
        return;
    if (plan.action == DropPlan::Action::Place)
        m_ghost->show(plan.ghost, plan.label, plan.refusal);
    else
        m_ghost->hide();
    if (plan.refusal != m_lastHoverRefusal) {
        m_lastHoverRefusal = plan.refusal;
        Q_EMIT statusMessage(plan.refusal.isEmpty() ? plan.label : plan.refusal);
    }
    (void)viewPos;
}

void DesignView::dragMoveEvent(QDragMoveEvent *event)
{
    if (!event->mimeData()->hasFormat(QLatin1String(catalogItemMimeType)) || !m_scene->hasScenario()) {
        event->ignore();
        return;
    }
    const QPoint pos = event->position().toPoint();
    updateDropGhost(planDrop(*m_scene, m_dragged, mapToScene(pos)), pos);
    // Accepted even where refused: the drop then says why instead of silently doing nothing.
    event->acceptProposedAction();
}

void DesignView::dragLeaveEvent(QDragLeaveEvent *event)
{
    if (m_ghost != nullptr)
        m_ghost->hide();
    event->accept();
}

void DesignView::dropEvent(QDropEvent *event)
{
    if (m_ghost != nullptr)
        m_ghost->hide();
    if (!event->mimeData()->hasFormat(QLatin1String(catalogItemMimeType)) || !m_scene->hasScenario()) {
        event->ignore();
        return;
    }
    const QString itemId = QString::fromUtf8(event->mimeData()->data(QLatin1String(catalogItemMimeType)));
    if (m_dragged.itemId != itemId)
        m_dragged = resolveDraggedItem(m_editor, itemId);
    const QPoint pos = event->position().toPoint();
    const DropPlan plan = planDrop(*m_scene, m_dragged, mapToScene(pos));
    EditOutcome outcome;
    switch (plan.action) {
    case DropPlan::Action::Place:
        outcome = m_editor.placeItem(m_key, itemId, plan.rackId, plan.positionU);
        break;
    case DropPlan::Action::InsertCard:
        outcome = m_editor.insertCard(m_key, plan.deviceId, itemId, plan.slot);
        break;
    case DropPlan::Action::None:
        outcome.refusal = plan.refusal;
        break;
    }
    event->acceptProposedAction();
    if (!outcome.ok()) {
        refuse(outcome.refusal, pos);
        return;
    }
    Q_EMIT statusMessage(plan.label);
    applyOutcomeSelection(outcome.createdIds);
}

} // namespace iovplan::ui
