#pragma once
// A fabric (LAN, SAN, InfiniBand) as a bar above the racks; cables from uplink ports end on it.

#include "canvasitemtypes.h"

#include "model/design/fabric.h"

#include <QGraphicsItem>

namespace iovplan::ui {

/// Draws one fabric bar, coloured by the protocol it carries. Points at the fabric by id.
class FabricItem : public QGraphicsItem
{
public:
    FabricItem(const design::Fabric &fabric, const QRectF &rect);

    enum { Type = FabricItemType };
    [[nodiscard]] int type() const override { return Type; }

    [[nodiscard]] const design::Fabric &fabric() const { return m_fabric; }
    void setFabric(const design::Fabric &fabric, const QRectF &rect);
    /// The protocol of the fabric ("ethernet", ...), for matching ports.
    [[nodiscard]] QString protocol() const;
    /// Where a cable from `from` meets the bar: straight above or below it, on the bar's edge.
    [[nodiscard]] QPointF attachPoint(QPointF from) const;
    /// Highlights the bar as a cable's possible end.
    void setHighlighted(bool on);

    [[nodiscard]] QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    design::Fabric m_fabric;
    QRectF m_rect;
    bool m_highlighted = false;
};

} // namespace iovplan::ui
