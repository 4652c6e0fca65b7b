#pragma once
// The canvas's colours and level-of-detail thresholds, in one place so every item agrees and the
// canvas follows the light or dark palette.

#include "canvasitemtypes.h"

#include "model/design/fabric.h"

#include <QColor>
#include <QFont>
#include <QString>

class QStyleOptionGraphicsItem;
class QPainter;

namespace iovplan::ui::canvasstyle {

/// Below this scale ports, slot labels and cable curves are not drawn (they would be sub-pixel).
inline constexpr qreal detailLod = 0.55;
/// Below this scale device labels and U numbers are not drawn.
inline constexpr qreal labelLod = 0.3;

/// The colour of a protocol ("ethernet", "fibre-channel", "infiniband", "vpi"); grey for others.
[[nodiscard]] QColor protocolColor(const QString &protocol);
/// The protocol a fabric kind carries.
[[nodiscard]] QString fabricProtocol(design::FabricKind kind);
/// The front-panel colour of a device kind.
[[nodiscard]] QColor deviceColor(DeviceKind kind);
/// Whether the application palette is dark (window text lighter than the window).
[[nodiscard]] bool darkPalette();
/// The empty rack interior.
[[nodiscard]] QColor rackInteriorColor();
/// The rack frame and rails.
[[nodiscard]] QColor rackFrameColor();
/// Text drawn on the canvas background (rack names).
[[nodiscard]] QColor canvasTextColor();
/// The selection outline.
[[nodiscard]] QColor selectionColor();
/// The scale the painter draws at (QStyleOptionGraphicsItem::levelOfDetailFromTransform).
[[nodiscard]] qreal levelOfDetail(const QStyleOptionGraphicsItem *option, const QPainter *painter);
/// A font of `pixelSize` scene pixels (bold when asked).
[[nodiscard]] QFont canvasFont(qreal pixelSize, bool bold = false);

} // namespace iovplan::ui::canvasstyle
