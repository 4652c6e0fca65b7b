#pragma once
// Where things go on the canvas: racks to scale side by side (wrapping into rows), U positions inside a
// rack, the fabric bars above the racks. Pure geometry from the design's racks and fabrics, so the scene,
// the drop logic and the benchmark agree on every coordinate.

#include "model/design/design.h"

#include <QHash>
#include <QRectF>
#include <QString>

#include <vector>

namespace iovplan::ui {

/// One rack's place on the canvas.
struct RackPlacement
{
    QString id;
    QString name;
    int heightU = 42;
    int index = 0; ///< position in the design's rack list
    QRectF interior; ///< where devices go: U 1 at the bottom, heightU units high

    bool operator==(const RackPlacement &) const = default;
};

/// The canvas geometry of a design's racks and fabrics.
class DesignLayout
{
public:
    /// Pixels per rack unit at 100 % (44.45 mm).
    static constexpr qreal unitHeight = 18.0;
    /// A 19-inch rack's inner width (482.6 mm = 10.86 U) at the same scale.
    static constexpr qreal rackInnerWidth = 196.0;
    /// The rails either side of the interior; the left one carries the U numbers.
    static constexpr qreal railWidth = 18.0;
    static constexpr qreal rackGap = 64.0; ///< between neighbouring racks (room for cables)
    static constexpr qreal rackLabelHeight = 26.0; ///< the rack's name above its frame
    static constexpr qreal fabricBarHeight = 20.0;
    static constexpr qreal fabricBarGap = 6.0;
    static constexpr qreal fabricToRacks = 40.0;
    static constexpr qreal rowGap = 80.0;
    static constexpr int racksPerRow = 12;

    /// Lays out `design`'s racks (in design order) and fabrics.
    void setDesign(const design::Design &design);

    [[nodiscard]] const std::vector<RackPlacement> &racks() const { return m_racks; }
    [[nodiscard]] const RackPlacement *rack(const QString &id) const;
    /// The rack whose frame (interior plus rails) contains `scenePos`, or null.
    [[nodiscard]] const RackPlacement *rackAt(QPointF scenePos) const;
    /// The rectangle of a device `heightU` high whose lowest U is `positionU`.
    [[nodiscard]] static QRectF deviceRect(const RackPlacement &rack, double positionU, double heightU);
    /// The continuous U coordinate at scene height `y` (1.0 is the bottom edge of U 1).
    [[nodiscard]] static double unitAt(const RackPlacement &rack, qreal y);
    /// The lowest U a device `heightU` high gets when its middle is dropped at `y`, kept inside the rack.
    [[nodiscard]] static int snappedPosition(const RackPlacement &rack, qreal y, double heightU);

    /// The bar of fabric `id`, or an empty rectangle.
    [[nodiscard]] QRectF fabricRect(const QString &id) const;
    /// Everything laid out, with a margin.
    [[nodiscard]] QRectF bounds() const { return m_bounds; }

private:
    std::vector<RackPlacement> m_racks;
    QHash<QString, int> m_rackIndex;
    QHash<QString, QRectF> m_fabricRects;
    QRectF m_bounds;
};

} // namespace iovplan::ui
