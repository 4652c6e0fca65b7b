#include "designview.h"

#include "canvasstyle.h"
#include "deviceitem.h"
#include "designscene.h"
#include "dropghostitem.h"
#include "objectclipboard.h"

#include "model/edit/designedits.h"
#include "ui/editing/designselection.h"
#include "ui/editing/documenteditor.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QInputDialog>
#include <QKeyEvent>
#include <QMenu>
#include <QMimeData>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace iovplan::ui {

namespace {
constexpr qreal minZoom = 0.02;
constexpr qreal maxZoom = 6.0;
constexpr qreal zoomStep = 1.25;
} // namespace

DesignView::DesignView(Document &document, DocumentEditor &editor, DesignSelection &selection, ScenarioKey key,
                       QWidget *parent)
    : QGraphicsView(parent), m_document(document), m_editor(editor), m_selection(selection), m_key(key)
{
    m_scene = new DesignScene(document, key, this);
    setScene(m_scene);
    m_ghost = new DropGhostItem;
    m_scene->addItem(m_ghost);
    connect(m_scene, &DesignScene::cleared, this, [this] {
        // projectReset deleted every item, the ghost included.
        m_ghost = new DropGhostItem;
        m_scene->addItem(m_ghost);
        m_highlightedPort = nullptr;
        m_highlightedFabric = nullptr;
        m_cableDraft = nullptr;
        m_gesture = Gesture::None;
    });

    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setOptimizationFlag(QGraphicsView::DontAdjustForAntialiasing, true);
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    setBackgroundBrush(palette().color(QPalette::Base));
    setMouseTracking(true);

    connect(m_scene, &QGraphicsScene::selectionChanged, this, &DesignView::onSceneSelectionChanged);
    connect(&m_selection, &DesignSelection::selectionChanged, this, &DesignView::onSharedSelectionChanged);
    connect(&m_selection, &DesignSelection::scenarioChanged, this, [this](ScenarioKey current) {
        if (current == m_key) {
            onSharedSelectionChanged(m_selection.ids());
        } else if (!m_scene->selectedItems().isEmpty()) {
            m_syncingSelection = true; // another tab took the selection: ours is no longer shown
            m_scene->clearSelection();
            m_order.clear();
            m_syncingSelection = false;
        }
    });
    if (m_selection.scenario() == m_key)
        onSharedSelectionChanged(m_selection.ids());
}

DesignView::~DesignView()
{
    // Delete the scene while this view's members still exist: deleting selected items emits
    // selectionChanged, which must not reach a half-destroyed view.
    disconnect(m_scene, nullptr, this, nullptr);
    setScene(nullptr);
    delete m_scene;
}

// ---- selection --------------------------------------------------------------------------------

void DesignView::onSceneSelectionChanged()
{
    if (m_syncingSelection)
        return;
    const QStringList ids = m_scene->selectedIds();
    QStringList order;
    for (const QString &id : std::as_const(m_order)) {
        if (ids.contains(id))
            order << id;
    }
    for (const QString &id : ids) {
        if (!order.contains(id))
            order << id;
    }
    m_order = order;
    m_syncingSelection = true;
    if (m_selection.scenario() != m_key)
        m_selection.setScenario(m_key);
    m_selection.setIds(m_order);
    m_syncingSelection = false;
}

void DesignView::onSharedSelectionChanged(const QStringList &ids)
{
    if (m_syncingSelection || m_selection.scenario() != m_key)
        return;
    m_syncingSelection = true;
    m_scene->selectIds(ids);
    m_order = m_scene->selectedIds().isEmpty() ? QStringList() : ids;
    m_syncingSelection = false;
    // Chosen elsewhere (a problem activated, an inspector link): bring it into view.
    const QList<QGraphicsItem *> chosen = m_scene->selectedItems();
    if (!chosen.isEmpty())
        ensureVisible(chosen.constFirst(), 40, 40);
}

void DesignView::applyOutcomeSelection(const QStringList &createdIds)
{
    if (createdIds.isEmpty())
        return;
    m_scene->selectIds(createdIds); // onSceneSelectionChanged passes it on
}

QStringList DesignView::selectedDeviceIds() const
{
    QStringList ids;
    for (const QString &id : m_order) {
        if (m_scene->device(id) != nullptr)
            ids << id;
    }
    return ids;
}

QStringList DesignView::selectedServerIds() const
{
    QStringList ids;
    for (const QString &id : m_order) {
        if (const DeviceItem *d = m_scene->device(id); d != nullptr && d->record().kind == DeviceKind::Server)
            ids << id;
    }
    return ids;
}

void DesignView::refuse(const QString &reason, QPoint viewPos)
{
    if (reason.isEmpty())
        return;
    Q_EMIT statusMessage(reason);
    QToolTip::showText(viewport()->mapToGlobal(viewPos), reason, viewport());
}

// ---- commands ---------------------------------------------------------------------------------

void DesignView::copySelection()
{
    if (!m_scene->hasScenario())
        return;
    QStringList ids;
    for (const QString &id : std::as_const(m_order)) {
        if (m_scene->device(id) != nullptr || m_scene->cable(id) != nullptr)
            ids << id;
    }
    if (ids.isEmpty()) {
        Q_EMIT statusMessage(tr("Select servers, switches, gateways or storage to copy"));
        return;
    }
    const design::Design fragment = edit::extractObjects(m_scene->scenario(), ids);
    QGuiApplication::clipboard()->setMimeData(objectsMimeData(fragment, m_scene->catalog(), m_scene->scenario().design.racks));
    Q_EMIT statusMessage(tr("Copied %n object(s)", nullptr, static_cast<int>(ids.size())));
}

void DesignView::paste()
{
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    if (mime == nullptr || !mime->hasFormat(QLatin1String(objectsMimeType))) {
        Q_EMIT statusMessage(tr("The clipboard holds no IOV Planner objects"));
        return;
    }
    const DecodedObjects decoded = decodeObjects(mime->data(QLatin1String(objectsMimeType)));
    if (!decoded.ok()) {
        Q_EMIT statusMessage(tr("Cannot paste: %1").arg(decoded.error));
        return;
    }
    const EditOutcome outcome = m_editor.pasteObjects(m_key, *decoded.fragment, decoded.items, m_pasteRackId);
    if (!outcome.ok())
        refuse(outcome.refusal, viewport()->rect().center());
    applyOutcomeSelection(outcome.createdIds);
}

void DesignView::duplicateSelection()
{
    const QStringList ids = selectedDeviceIds();
    if (ids.isEmpty()) {
        Q_EMIT statusMessage(tr("Select devices to duplicate"));
        return;
    }
    const EditOutcome outcome = m_editor.duplicateObjects(m_key, ids);
    if (!outcome.ok())
        refuse(outcome.refusal, viewport()->rect().center());
    applyOutcomeSelection(outcome.createdIds);
}

void DesignView::deleteSelection()
{
    QStringList objects;
    QStringList cards;
    for (const QString &id : std::as_const(m_order)) {
        QString deviceId;
        int slot = 0;
        if (DesignSelection::splitCardId(id, &deviceId, &slot))
            cards << id;
        else
            objects << id;
    }
    EditOutcome outcome;
    if (!objects.isEmpty()) {
        outcome = m_editor.removeObjects(m_key, objects);
    } else if (cards.size() == 1) {
        QString deviceId;
        int slot = 0;
        (void)DesignSelection::splitCardId(cards.front(), &deviceId, &slot);
        outcome = m_editor.removeCard(m_key, deviceId, slot);
    } else if (!cards.isEmpty()) {
        outcome.refusal = tr("Remove cards one at a time");
    } else {
        outcome.refusal = tr("Nothing selected to delete");
    }
    if (!outcome.ok())
        refuse(outcome.refusal, viewport()->rect().center());
}

void DesignView::autoCableSelection()
{
    const QStringList servers = selectedServerIds();
    if (servers.isEmpty()) {
        Q_EMIT statusMessage(tr("Select the servers to cable"));
        return;
    }
    const EditOutcome outcome = m_editor.autoCable(m_key, servers);
    if (!outcome.ok())
        refuse(outcome.refusal, viewport()->rect().center());
    else
        Q_EMIT statusMessage(tr("Made %n cable(s)", nullptr, static_cast<int>(outcome.createdIds.size())));
}

void DesignView::addServersLikeSelected()
{
    QString serverId = m_contextDeviceId;
    if (const DeviceItem *d = m_scene->device(serverId); d == nullptr || d->record().kind != DeviceKind::Server) {
        const QStringList servers = selectedServerIds();
        serverId = servers.isEmpty() ? QString() : servers.front();
    }
    if (serverId.isEmpty()) {
        Q_EMIT statusMessage(tr("Select the server to copy first"));
        return;
    }
    bool ok = false;
    const int count = QInputDialog::getInt(this, tr("Add Servers"), tr("How many servers like %1?").arg(serverId), 1,
                                           1, 10000, 1, &ok);
    if (!ok)
        return;
    const EditOutcome outcome = m_editor.addServersLike(m_key, serverId, count);
    if (!outcome.ok())
        refuse(outcome.refusal, viewport()->rect().center());
    applyOutcomeSelection(outcome.createdIds);
}

void DesignView::applyKitToSelection()
{
    QStringList servers = selectedServerIds();
    QString kit = m_contextDeviceId;
    if (!servers.contains(kit))
        kit = servers.isEmpty() ? QString() : servers.front();
    servers.removeAll(kit);
    if (kit.isEmpty() || servers.isEmpty()) {
        Q_EMIT statusMessage(tr("Select the server with the adapter kit first, then the servers to give it to"));
        return;
    }
    const EditOutcome outcome = m_editor.applyAdapterKit(m_key, kit, servers);
    if (!outcome.ok())
        refuse(outcome.refusal, viewport()->rect().center());
}

// ---- zoom -------------------------------------------------------------------------------------

qreal DesignView::zoom() const
{
    return transform().m11();
}

void DesignView::setZoom(qreal zoomLevel)
{
    const qreal target = std::clamp(zoomLevel, minZoom, maxZoom);
    const qreal factor = target / zoom();
    scale(factor, factor);
    m_scene->setDetailVisible(target >= canvasstyle::detailLod);
}

void DesignView::zoomIn()
{
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(AnchorViewCenter);
    setZoom(zoom() * zoomStep);
    setTransformationAnchor(anchor);
}

void DesignView::zoomOut()
{
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(AnchorViewCenter);
    setZoom(zoom() / zoomStep);
    setTransformationAnchor(anchor);
}

void DesignView::zoomToFit()
{
    fitInView(m_scene->layout().bounds(), Qt::KeepAspectRatio);
    setZoom(zoom()); // keep inside the limits
}

void DesignView::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    // AnchorUnderMouse keeps the point under the cursor fixed; 120 units (one notch) zoom by 20 %.
    setZoom(zoom() * std::pow(1.2, delta / 120.0));
    event->accept();
}

void DesignView::showEvent(QShowEvent *event)
{
    QGraphicsView::showEvent(event);
    if (!m_fittedOnce) {
        m_fittedOnce = true;
        zoomToFit();
    }
}

// ---- keys and menu ----------------------------------------------------------------------------

void DesignView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = true;
        viewport()->setCursor(Qt::OpenHandCursor);
        event->accept();
        return;
    }
    if (event->matches(QKeySequence::Copy)) {
        copySelection();
    } else if (event->matches(QKeySequence::Paste)) {
        m_pasteRackId.clear();
        paste();
    } else if (event->matches(QKeySequence::Delete) || event->key() == Qt::Key_Backspace) {
        deleteSelection();
    } else if (event->key() == Qt::Key_D && event->modifiers() == Qt::ControlModifier) {
        duplicateSelection();
    } else if (event->matches(QKeySequence::ZoomIn)) {
        zoomIn();
    } else if (event->matches(QKeySequence::ZoomOut)) {
        zoomOut();
    } else if (event->key() == Qt::Key_Escape && m_gesture == Gesture::Move) {
        restoreMovedItems();
        m_gesture = Gesture::None;
    } else {
        QGraphicsView::keyPressEvent(event);
        return;
    }
    event->accept();
}

void DesignView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void DesignView::contextMenuEvent(QContextMenuEvent *event)
{
    const QString deviceId = deviceIdAt(event->pos());
    if (!deviceId.isEmpty() && !m_order.contains(deviceId))
        m_scene->selectIds({ deviceId });
    m_contextDeviceId = deviceId;
    const RackPlacement *rack = m_scene->layout().rackAt(mapToScene(event->pos()));
    m_pasteRackId = rack != nullptr ? rack->id : QString();

    QMenu menu(this);
    const bool onDevice = !deviceId.isEmpty();
    const DeviceItem *device = m_scene->device(deviceId);
    const bool onServer = device != nullptr && device->record().kind == DeviceKind::Server;
    const QMimeData *clipboard = QGuiApplication::clipboard()->mimeData();
    const auto add = [&menu, this](const QString &text, const QKeySequence &shortcut, bool enabled, void (DesignView::*slot)()) {
        QAction *action = menu.addAction(text);
        action->setShortcut(shortcut);
        action->setEnabled(enabled);
        connect(action, &QAction::triggered, this, slot);
    };
    add(tr("&Copy"), QKeySequence::Copy, onDevice, &DesignView::copySelection);
    add(tr("&Paste"), QKeySequence::Paste, clipboard != nullptr && clipboard->hasFormat(QLatin1String(objectsMimeType)),
        &DesignView::paste);
    add(tr("D&uplicate"), QKeySequence(Qt::CTRL | Qt::Key_D), onDevice, &DesignView::duplicateSelection);
    add(tr("&Delete"), QKeySequence::Delete, !m_order.isEmpty(), &DesignView::deleteSelection);
    menu.addSeparator();
    add(tr("Auto-&Cable Selected Servers"), {}, onServer, &DesignView::autoCableSelection);
    add(tr("Add &Servers Like This…"), {}, onServer, &DesignView::addServersLikeSelected);
    add(tr("Apply Adapter &Kit to Selection"), {}, onServer && selectedServerIds().size() > 1,
        &DesignView::applyKitToSelection);
    menu.addSeparator();
    add(tr("Zoom to &Fit"), {}, true, &DesignView::zoomToFit);
    menu.exec(event->globalPos());
    m_contextDeviceId.clear();
    m_pasteRackId.clear();
}

} // namespace iovplan::ui
