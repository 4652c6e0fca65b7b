#pragma once
// Rack elevation drawings for the procurement report: the front of each rack to scale with every placed
// device at its U position, as a buyer's installer reads them (docs/report-rack-elevations.md).

#include "rackcontents.h"
#include "racklegend.h"

#include "model/design/itemspecs.h"
#include "model/design/scenario.h"
#include "reports/reportfigure.h"

#include <QRectF>
#include <QStringList>

#include <memory>
#include <vector>

namespace iovplan::reports {

/// Front elevations of some racks of a scenario, side by side, to scale (1U = same height in every rack),
/// U numbers down the side, every placed device (servers, switches, gateways, storage arrays) drawn at its
/// U position and height with its name and model, filled by kind; adapters/gateway modules shown as small
/// slot markers on the device; the rack's name and "used/total U" under it.
///
/// The figure lays out `columns` rack positions (at least one per rack), so figures of one scenario made
/// with the same column count share one scale even when the last holds fewer racks. Everything scales with
/// the width: heightForWidth is proportional. A device outside its rack is drawn at the nearest end of the
/// rack, and it and devices sharing a U are outlined in the alert colour. The figure keeps a snapshot of
/// what it draws; the scenario may change or go away afterwards.
class RackElevationFigure final : public ReportFigure
{
public:
    RackElevationFigure(const design::Scenario &scenario, const design::PinnedCatalog &catalog, QStringList rackIds,
                        int columns = 0);

    [[nodiscard]] double heightForWidth(double width) const override;
    void paint(QPainter &painter, const QRectF &rect) const override;

    /// The racks drawn, left to right (ids the design does not have are left out).
    [[nodiscard]] QStringList rackIds() const;
    /// The rack positions laid out (>= the number of racks).
    [[nodiscard]] int columns() const { return m_columns; }
    /// What is drawn, rack by rack.
    [[nodiscard]] const std::vector<RackContents> &racks() const { return m_racks; }
    /// Where U `u` of rack `rackId` is drawn when the figure is painted into `rect` (empty for an unknown
    /// rack or a U outside it).
    [[nodiscard]] QRectF unitRect(const QRectF &rect, const QString &rackId, int u) const;

private:
    struct Geometry;
    [[nodiscard]] Geometry geometry(const QRectF &rect) const;

    std::vector<RackContents> m_racks;
    int m_columns = 1;
    int m_tallestU = 1; ///< the tallest rack drawn, in U (all stand on one floor line)
    QStringList m_unitLabels; ///< "1" .. tallest, made once
};

/// The scenario's racks in design order, `racksPerFigure` per figure (a page row); empty for no racks.
[[nodiscard]] std::vector<std::shared_ptr<const RackElevationFigure>>
rackElevationFigures(const design::Scenario &scenario, const design::PinnedCatalog &catalog, int racksPerFigure = 4);

} // namespace iovplan::reports
