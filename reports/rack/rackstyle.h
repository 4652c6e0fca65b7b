#pragma once
// How rack elevations look on paper: the fills of device kinds and slot markers, the alert outline and
// the font. One place, so the drawings and their legend always agree. Fills are light tints of the
// Okabe-Ito palette (colour-blind safe) with dark text on them, so pages print well on white paper;
// marker colours follow the canvas's protocol colours (ethernet blue, fibre channel amber, InfiniBand purple).

#include <QColor>
#include <QFont>
#include <QString>

class QPainter;

namespace iovplan::reports {

/// What a box in a rack is.
enum class RackDeviceKind { Server, Switch, Gateway, Storage };

/// What a slot marker on a device shows: the protocol of the adapter or gateway module in it, or a free slot.
enum class SlotMarkerKind { Ethernet, FibreChannel, InfiniBand, Vpi, Other, Empty };

/// Every device kind, in legend order.
inline constexpr RackDeviceKind allRackDeviceKinds[] = { RackDeviceKind::Server, RackDeviceKind::Switch,
                                                         RackDeviceKind::Gateway, RackDeviceKind::Storage };
/// Every marker kind, in legend order.
inline constexpr SlotMarkerKind allSlotMarkerKinds[] = { SlotMarkerKind::Ethernet, SlotMarkerKind::FibreChannel,
                                                         SlotMarkerKind::InfiniBand, SlotMarkerKind::Vpi,
                                                         SlotMarkerKind::Other, SlotMarkerKind::Empty };

/// The fill of a device box of `kind`.
[[nodiscard]] QColor rackDeviceFill(RackDeviceKind kind);
/// "Server", "Switch", "Gateway", "Storage array".
[[nodiscard]] QString rackDeviceKindName(RackDeviceKind kind);
/// The fill of a slot marker of `kind` (white for a free slot).
[[nodiscard]] QColor slotMarkerFill(SlotMarkerKind kind);
/// "Ethernet", "Fibre Channel", "InfiniBand", "VPI (Ethernet or InfiniBand)", "Other", "Free slot".
[[nodiscard]] QString slotMarkerKindName(SlotMarkerKind kind);
/// The marker kind of a catalog protocol keyword ("ethernet", "fibre-channel", "infiniband", "vpi").
[[nodiscard]] SlotMarkerKind slotMarkerKindOf(const QString &protocol);

/// Outlines and text.
[[nodiscard]] QColor rackInkColor(); ///< near-black: text, device outlines
[[nodiscard]] QColor rackMutedInkColor(); ///< grey: models, U numbers
[[nodiscard]] QColor rackFrameFill(); ///< the rails
[[nodiscard]] QColor rackAlertColor(); ///< the outline of a device that overlaps another or leaves its rack

/// The family every rack drawing uses: reportFontFamily(), the DejaVu Sans the layout part embeds.
[[nodiscard]] QString rackFontFamily();
/// A font whose glyphs are `size` units of the painter's coordinates tall (points when the painter draws
/// in points), whatever resolution the device has: QFont's point size is converted with the device's DPI
/// before the painter's transform applies, so it is corrected here.
[[nodiscard]] QFont rackFont(const QPainter &painter, double size, bool bold = false);

} // namespace iovplan::reports
