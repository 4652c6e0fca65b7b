#pragma once
// What a catalog item dragged from the palette would do at a point of the canvas: a server, switch,
// gateway or storage array snaps to a U of the rack under the cursor; an adapter or gateway module goes
// into the server or gateway under the cursor (the slot under the cursor when it is a free one). The
// plan carries the refusal shown while hovering; the drop itself goes through DocumentEditor.

#include "model/design/pinneditem.h"

#include <QPointF>
#include <QRectF>
#include <QString>

#include <optional>

namespace iovplan::ui {

class DesignScene;
class DocumentEditor;

/// A dragged catalog item, resolved once per drag.
struct DraggedItem
{
    QString itemId;
    std::optional<design::PinnedItem> item; ///< empty when neither the project nor the catalog has it
    QString error; ///< why the item could not be resolved
    [[nodiscard]] bool placesInRack() const;
    [[nodiscard]] bool goesIntoSlot() const;
};

/// Looks the item up in the project's pinned items, else in the editor's catalog database.
[[nodiscard]] DraggedItem resolveDraggedItem(const DocumentEditor &editor, const QString &itemId);

/// What dropping at a point would do.
struct DropPlan
{
    enum class Action { None, Place, InsertCard };
    Action action = Action::None;
    QString rackId; ///< Place
    int positionU = 0; ///< Place
    QString deviceId; ///< InsertCard
    std::optional<int> slot; ///< InsertCard: the free slot under the cursor, else the editor picks
    QRectF ghost; ///< Place: where the device would be drawn
    QString label; ///< "HP ProLiant DL380 G5 at U 12"
    QString refusal; ///< why it cannot go there (empty when it can, as far as hovering can tell)
};

/// The plan for dropping `dragged` at `scenePos` of `scene`.
[[nodiscard]] DropPlan planDrop(const DesignScene &scene, const DraggedItem &dragged, QPointF scenePos);

} // namespace iovplan::ui
