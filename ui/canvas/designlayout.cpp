#include "designlayout.h"

#include <QtMath>

#include <algorithm>
#include <cmath>

namespace iovplan::ui {

void DesignLayout::setDesign(const design::Design &design)
{
    m_racks.clear();
    m_rackIndex.clear();
    m_fabricRects.clear();

    int tallest = 1;
    for (const design::Rack &r : design.racks)
        tallest = std::max(tallest, r.heightU);
    const int columns = std::max(1, std::min(racksPerRow, static_cast<int>(design.racks.size())));
    const qreal pitch = rackInnerWidth + 2 * railWidth + rackGap;
    const qreal rowWidth = columns * pitch - rackGap;

    qreal y = 0.0;
    for (const design::Fabric &f : design.fabrics) {
        m_fabricRects.insert(f.id, QRectF(0.0, y, rowWidth, fabricBarHeight));
        y += fabricBarHeight + fabricBarGap;
    }
    const qreal racksTop = design.fabrics.empty() ? 0.0 : y - fabricBarGap + fabricToRacks;
    const qreal rowHeight = rackLabelHeight + tallest * unitHeight + 2 * railWidth + rowGap;

    m_racks.reserve(design.racks.size());
    for (std::size_t i = 0; i < design.racks.size(); ++i) {
        const design::Rack &r = design.racks[i];
        const int index = static_cast<int>(i);
        const int row = index / racksPerRow;
        const int column = index % racksPerRow;
        const int height = std::max(1, r.heightU);
        // Racks of one row stand on one floor line: a shorter rack starts lower.
        const qreal top = racksTop + row * rowHeight + rackLabelHeight + railWidth + (tallest - height) * unitHeight;
        RackPlacement p;
        p.id = r.id;
        p.name = r.name;
        p.heightU = height;
        p.index = index;
        p.interior = QRectF(column * pitch + railWidth, top, rackInnerWidth, height * unitHeight);
        m_rackIndex.insert(r.id, index);
        m_racks.push_back(std::move(p));
    }
    const int rows = (static_cast<int>(design.racks.size()) + racksPerRow - 1) / racksPerRow;
    const qreal bottom = racksTop + std::max(1, rows) * rowHeight - rowGap;
    constexpr qreal margin = 40.0;
    m_bounds = QRectF(-margin, -margin, std::max(rowWidth, 400.0) + 2 * margin, bottom + 2 * margin);
}

const RackPlacement *DesignLayout::rack(const QString &id) const
{
    const auto found = m_rackIndex.constFind(id);
    return found == m_rackIndex.constEnd() ? nullptr : &m_racks[static_cast<std::size_t>(*found)];
}

const RackPlacement *DesignLayout::rackAt(QPointF scenePos) const
{
    for (const RackPlacement &r : m_racks) {
        if (r.interior.adjusted(-railWidth, -railWidth, railWidth, railWidth).contains(scenePos))
            return &r;
    }
    return nullptr;
}

QRectF DesignLayout::deviceRect(const RackPlacement &rack, double positionU, double heightU)
{
    const qreal bottom = rack.interior.bottom() - (positionU - 1.0) * unitHeight;
    const qreal height = std::max(0.25, heightU) * unitHeight;
    return QRectF(rack.interior.left(), bottom - height, rack.interior.width(), height);
}

double DesignLayout::unitAt(const RackPlacement &rack, qreal y)
{
    return 1.0 + (rack.interior.bottom() - y) / unitHeight;
}

int DesignLayout::snappedPosition(const RackPlacement &rack, qreal y, double heightU)
{
    const int wanted = static_cast<int>(std::lround(unitAt(rack, y) - heightU / 2.0));
    const int highest = std::max(1, rack.heightU - static_cast<int>(std::ceil(heightU - 1e-9)) + 1);
    return std::clamp(wanted, 1, highest);
}

QRectF DesignLayout::fabricRect(const QString &id) const
{
    return m_fabricRects.value(id);
}

} // namespace iovplan::ui
