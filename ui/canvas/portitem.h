#pragma once
// A port handle on a device or card: where a cable starts or ends. Free ports are drawn hollow,
// cabled ones filled, both in the protocol's colour.

#include "canvasitemtypes.h"

#include "model/design/cable.h"

#include <QGraphicsItem>

namespace iovplan::ui {

/// One port of a device (child of its DeviceItem or CardMarkerItem). Points at the port by its cable end.
class PortItem : public QGraphicsItem
{
public:
    PortItem(const design::CableEnd &end, const QString &protocol, const QRectF &rect, QGraphicsItem *parent);

    enum { Type = PortItemType };
    [[nodiscard]] int type() const override { return Type; }

    [[nodiscard]] const design::CableEnd &end() const { return m_end; }
    [[nodiscard]] const QString &protocol() const { return m_protocol; }
    [[nodiscard]] const QString &cableId() const { return m_cableId; }
    [[nodiscard]] bool isFree() const { return m_cableId.isEmpty(); }
    void setCableId(const QString &cableId);
    /// Highlights the port as a cable's possible end.
    void setHighlighted(bool on);

    [[nodiscard]] QRectF boundingRect() const override { return m_rect; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    design::CableEnd m_end;
    QString m_protocol;
    QString m_cableId;
    QRectF m_rect;
    bool m_highlighted = false;
};

} // namespace iovplan::ui
