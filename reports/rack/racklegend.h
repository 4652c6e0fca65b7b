#pragma once
// The key to the rack elevations: the fill of each kind of device, the colour of each kind of card slot
// marker and the alert outline. Placed once after a scenario's drawings.

#include "reports/reportfigure.h"

#include <QRectF>

namespace iovplan::reports {

/// The legend: the fill of each kind of device and marker, as a short figure to place once after the drawings.
/// Its text is a fixed size in points (it does not scale with the width); entries wrap onto more lines when
/// the figure is narrow.
class RackLegendFigure final : public ReportFigure
{
public:
    RackLegendFigure() = default;

    [[nodiscard]] double heightForWidth(double width) const override;
    void paint(QPainter &painter, const QRectF &rect) const override;
};

} // namespace iovplan::reports
