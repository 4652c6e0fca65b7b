#include "rackstyle.h"

#include "reports/layout/reportfonts.h"

#include <QPaintDevice>
#include <QPainter>

#include <algorithm>

namespace iovplan::reports {

// Okabe & Ito, "Color Universal Design" (2008): sky blue #56B4E9, orange #E69F00, bluish green #009E73,
// reddish purple #CC79A7, blue #0072B2, vermillion #D55E00. Device fills are ~25 % tints of them.
QColor rackDeviceFill(RackDeviceKind kind)
{
    switch (kind) {
    case RackDeviceKind::Server:
        return QColor(0xd4, 0xe9, 0xf7); // sky blue tint
    case RackDeviceKind::Switch:
        return QColor(0xfa, 0xe2, 0xb0); // orange tint
    case RackDeviceKind::Gateway:
        return QColor(0xbf, 0xe6, 0xd6); // bluish green tint
    case RackDeviceKind::Storage:
        return QColor(0xf0, 0xd2, 0xe3); // reddish purple tint
    }
    return Qt::white;
}

QString rackDeviceKindName(RackDeviceKind kind)
{
    switch (kind) {
    case RackDeviceKind::Server:
        return QStringLiteral("Server");
    case RackDeviceKind::Switch:
        return QStringLiteral("Switch");
    case RackDeviceKind::Gateway:
        return QStringLiteral("Gateway");
    case RackDeviceKind::Storage:
        return QStringLiteral("Storage array");
    }
    return {};
}

QColor slotMarkerFill(SlotMarkerKind kind)
{
    switch (kind) {
    case SlotMarkerKind::Ethernet:
        return QColor(0x00, 0x72, 0xb2); // blue
    case SlotMarkerKind::FibreChannel:
        return QColor(0xe6, 0x9f, 0x00); // orange
    case SlotMarkerKind::InfiniBand:
        return QColor(0xcc, 0x79, 0xa7); // reddish purple
    case SlotMarkerKind::Vpi:
        return QColor(0x00, 0x9e, 0x73); // bluish green
    case SlotMarkerKind::Other:
        return QColor(0x8c, 0x8c, 0x8c);
    case SlotMarkerKind::Empty:
        return Qt::white;
    }
    return Qt::white;
}

QString slotMarkerKindName(SlotMarkerKind kind)
{
    switch (kind) {
    case SlotMarkerKind::Ethernet:
        return QStringLiteral("Ethernet");
    case SlotMarkerKind::FibreChannel:
        return QStringLiteral("Fibre Channel");
    case SlotMarkerKind::InfiniBand:
        return QStringLiteral("InfiniBand");
    case SlotMarkerKind::Vpi:
        return QStringLiteral("VPI (Ethernet or InfiniBand)");
    case SlotMarkerKind::Other:
        return QStringLiteral("Other card");
    case SlotMarkerKind::Empty:
        return QStringLiteral("Free slot");
    }
    return {};
}

SlotMarkerKind slotMarkerKindOf(const QString &protocol)
{
    if (protocol == u"ethernet")
        return SlotMarkerKind::Ethernet;
    if (protocol == u"fibre-channel")
        return SlotMarkerKind::FibreChannel;
    if (protocol == u"infiniband")
        return SlotMarkerKind::InfiniBand;
    if (protocol == u"vpi")
        return SlotMarkerKind::Vpi;
    return SlotMarkerKind::Other;
}

QColor rackInkColor()
{
    return QColor(0x1a, 0x1a, 0x1a);
}

QColor rackMutedInkColor()
{
    return QColor(0x55, 0x55, 0x55);
}

QColor rackFrameFill()
{
    return QColor(0xdc, 0xdc, 0xdc);
}

QColor rackAlertColor()
{
    return QColor(0xd5, 0x5e, 0x00); // vermillion
}

QString rackFontFamily()
{
    return reportFontFamily();
}

QFont rackFont(const QPainter &painter, double size, bool bold)
{
    QFont font(rackFontFamily());
    const QPaintDevice *device = painter.device();
    const double dpi = device != nullptr && device->logicalDpiY() > 0 ? device->logicalDpiY() : 72.0;
    font.setPointSizeF(std::max(0.5, size) * 72.0 / dpi);
    font.setBold(bold);
    font.setKerning(false); // cheaper shaping; the labels are short
    return font;
}

} // namespace iovplan::reports
