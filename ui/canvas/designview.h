#pragma once
// The design canvas of one scenario (one per scenario tab): racks to scale, devices, slots, ports,
// fabrics and cables. Gestures become DocumentEditor calls, one undo step each (CONVENTIONS 7): palette
// drops place devices or insert cards, port-to-port drags make cables, device drags move (live while
// dragging, one command on release). Selection is kept in sync both ways with DesignSelection.
// Refusals change nothing and are announced through statusMessage() and a tooltip. docs/canvas.md.

#include "dropplanner.h"

#include "ui/editing/document.h"

#include <QGraphicsView>
#include <QPointer>
#include <QStringList>

#include <map>

class QGraphicsPathItem;

namespace iovplan::ui {

class DesignScene;
class DesignSelection;
class DocumentEditor;
class DropGhostItem;
class FabricItem;
class PortItem;

/// The canvas widget of scenario `key`.
class DesignView : public QGraphicsView
{
    Q_OBJECT

public:
    DesignView(Document &document, DocumentEditor &editor, DesignSelection &selection, ScenarioKey key,
               QWidget *parent = nullptr);
    ~DesignView() override;

    [[nodiscard]] ScenarioKey scenarioKey() const { return m_key; }
    [[nodiscard]] DesignScene *designScene() const { return m_scene; }
    /// The selected object ids, first-selected first.
    [[nodiscard]] const QStringList &selectionOrder() const { return m_order; }
    /// The current scale (1.0 = 100 %).
    [[nodiscard]] qreal zoom() const;
    /// Sets the scale, clamped to what the canvas supports.
    void setZoom(qreal zoom);

public Q_SLOTS:
    void copySelection();
    void paste();
    void duplicateSelection();
    void deleteSelection();
    void autoCableSelection();
    /// Asks how many (QInputDialog) and adds that many servers like the first selected server.
    void addServersLikeSelected();
    /// Gives the other selected servers the cards of the first-selected (or context-menu) server.
    void applyKitToSelection();
    void zoomIn();
    void zoomOut();
    void zoomToFit();

Q_SIGNALS:
    /// A refusal or a hint for the status bar.
    void statusMessage(const QString &message);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    enum class Gesture { None, Pan, PendingMove, Move, Cable };
    struct Original
    {
        QString rackId;
        int positionU = 0;
        QPointF pos;
    };

    void onSceneSelectionChanged();
    void onSharedSelectionChanged(const QStringList &ids);
    void refuse(const QString &reason, QPoint viewPos);
    void applyOutcomeSelection(const QStringList &createdIds);
    [[nodiscard]] QStringList selectedDeviceIds() const;
    [[nodiscard]] QStringList selectedServerIds() const;
    [[nodiscard]] PortItem *portAt(QPoint viewPos) const;
    [[nodiscard]] FabricItem *fabricAt(QPoint viewPos) const;
    [[nodiscard]] QString deviceIdAt(QPoint viewPos) const;

    void beginMove();
    void updateMove(QPointF scenePos);
    void finishMove(QPoint viewPos);
    void restoreMovedItems();
    void updateCableDrag(QPoint viewPos);
    void finishCableDrag(QPoint viewPos);
    void clearCableHighlight();
    void updateDropGhost(const DropPlan &plan, QPoint viewPos);

    Document &m_document;
    DocumentEditor &m_editor;
    DesignSelection &m_selection;
    ScenarioKey m_key;
    DesignScene *m_scene = nullptr;
    QStringList m_order;
    bool m_syncingSelection = false;
    bool m_fittedOnce = false;

    Gesture m_gesture = Gesture::None;
    QPoint m_pressViewPos;
    QPointF m_pressScenePos;
    QPoint m_lastPanPos;
    bool m_spaceHeld = false;
    QString m_grabbedId;
    std::map<QString, Original> m_originals;
    std::map<QString, std::pair<QString, int>> m_moveTargets;

    QGraphicsPathItem *m_cableDraft = nullptr;
    QPointF m_cableStart;
    QString m_cableProtocol;
    design::CableEnd m_cableFrom;
    PortItem *m_highlightedPort = nullptr;
    FabricItem *m_highlightedFabric = nullptr;

    DropGhostItem *m_ghost = nullptr;
    DraggedItem m_dragged;
    QString m_lastHoverRefusal;
    QString m_contextDeviceId;
    QString m_pasteRackId;
};

} // namespace iovplan::ui
