#pragma once
// A rack-mounted device (server, switch, gateway, storage array) as a labelled front panel at its U,
// with its card slots and port handles as child items. Points at the device by id and re-syncs from a
// DeviceRecord; never owns domain data (CONVENTIONS 5).

#include "canvasitemtypes.h"
#include "deviceface.h"

#include <QGraphicsItem>
#include <QHash>

#include <map>
#include <utility>

namespace iovplan::ui {

class CardMarkerItem;
class PortItem;

/// Cable ids by (slot, port) of one device.
using CabledPorts = std::map<std::pair<int, int>, QString>;

/// One device on the canvas.
class DeviceItem : public QGraphicsItem
{
public:
    DeviceItem(const DeviceRecord &record, const DeviceFace &face);

    enum { Type = DeviceItemType };
    [[nodiscard]] int type() const override { return Type; }

    [[nodiscard]] const DeviceRecord &record() const { return m_record; }
    [[nodiscard]] const DeviceFace &face() const { return m_face; }
    [[nodiscard]] const QString &deviceId() const { return m_record.id; }
    /// Replaces what is drawn; `faceChanged` rebuilds the slot and port children (a move does not).
    void setRecord(const DeviceRecord &record, const DeviceFace &face, bool faceChanged);
    /// The width of the front panel (the rack's inner width).
    void setWidth(qreal width);

    /// Shows or hides the slot and port children (hidden when zoomed out: the view then skips them
    /// entirely instead of visiting thousands of items that would draw nothing).
    void setDetailVisible(bool visible);

    [[nodiscard]] const CabledPorts &cabledPorts() const { return m_cabled; }
    /// Marks which ports carry which cable.
    void setCabledPorts(const CabledPorts &cabled);

    /// The handle of port `port` in `slot`, or null.
    [[nodiscard]] PortItem *port(int slot, int port) const;
    /// The marker of `slot` (>= 1), or null.
    [[nodiscard]] CardMarkerItem *card(int slot) const;
    /// Where a cable on (slot, port) attaches, in scene coordinates (the panel's right edge when the
    /// port is not drawn).
    [[nodiscard]] QPointF portScenePos(int slot, int port) const;

    [[nodiscard]] QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void rebuildChildren();
    void addPorts(QGraphicsItem *parent, const QRectF &area, int slot, int count, const QString &protocol);

    DeviceRecord m_record;
    DeviceFace m_face;
    qreal m_width = 196.0;
    bool m_detailVisible = true;
    CabledPorts m_cabled;
    QHash<quint64, PortItem *> m_ports;
    QHash<int, CardMarkerItem *> m_cards;
};

} // namespace iovplan::ui
