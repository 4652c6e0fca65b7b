#include "canvasstyle.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>

#include <algorithm>

namespace iovplan::ui::canvasstyle {

QColor protocolColor(const QString &protocol)
{
    if (protocol == u"ethernet")
        return QColor(0x2f, 0x80, 0xed); // blue
    if (protocol == u"fibre-channel")
        return QColor(0xf2, 0x8c, 0x28); // amber
    if (protocol == u"infiniband")
        return QColor(0x9b, 0x51, 0xe0); // purple
    if (protocol == u"vpi")
        return QColor(0x1a, 0xa3, 0x9a); // teal: Ethernet or InfiniBand
    return QColor(0x8a, 0x8f, 0x98);
}

QString fabricProtocol(design::FabricKind kind)
{
    switch (kind) {
    case design::FabricKind::Lan:
        return QStringLiteral("ethernet");
    case design::FabricKind::San:
        return QStringLiteral("fibre-channel");
    case design::FabricKind::InfiniBand:
        return QStringLiteral("infiniband");
    }
    return {};
}

QColor deviceColor(DeviceKind kind)
{
    switch (kind) {
    case DeviceKind::Server:
        return QColor(0x3c, 0x46, 0x55);
    case DeviceKind::Switch:
        return QColor(0x1f, 0x4e, 0x6e);
    case DeviceKind::Gateway:
        return QColor(0x4e, 0x3a, 0x6e);
    case DeviceKind::Storage:
        return QColor(0x5c, 0x48, 0x33);
    }
    return Qt::gray;
}

bool darkPalette()
{
    const QPalette palette = QGuiApplication::palette();
    return palette.color(QPalette::WindowText).lightness() > palette.color(QPalette::Window).lightness();
}

QColor rackInteriorColor()
{
    return darkPalette() ? QColor(0x24, 0x27, 0x2b) : QColor(0xe9, 0xec, 0xf0);
}

QColor rackFrameColor()
{
    return darkPalette() ? QColor(0x4a, 0x4f, 0x57) : QColor(0x2b, 0x2f, 0x35);
}

QColor canvasTextColor()
{
    return QGuiApplication::palette().color(QPalette::WindowText);
}

QColor selectionColor()
{
    return QColor(0xff, 0xc1, 0x07);
}

qreal levelOfDetail(const QStyleOptionGraphicsItem *option, const QPainter *painter)
{
    return option->levelOfDetailFromTransform(painter->worldTransform());
}

QFont canvasFont(qreal pixelSize, bool bold)
{
    QFont font = QGuiApplication::font();
    font.setPixelSize(std::max(1, qRound(pixelSize)));
    font.setBold(bold);
    return font;
}

} // namespace iovplan::ui::canvasstyle
