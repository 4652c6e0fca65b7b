#pragma once
// The outline shown where a dragged or moved device would land, green when it fits and red with the
// reason when it does not.

#include "canvasitemtypes.h"

#include <QGraphicsItem>

namespace iovplan::ui {

/// A translucent preview of a device at its snapped U, with a refusal reason when the spot is impossible.
class DropGhostItem : public QGraphicsItem
{
public:
    DropGhostItem();

    enum { Type = DropGhostItemType };
    [[nodiscard]] int type() const override { return Type; }

    /// Shows the ghost at `rect` with `label` (what would land) or, when `refusal` is set, the reason.
    void show(const QRectF &rect, const QString &label, const QString &refusal);
    [[nodiscard]] const QString &refusal() const { return m_refusal; }

    [[nodiscard]] QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QRectF m_rect;
    QString m_label;
    QString m_refusal;
};

} // namespace iovplan::ui
