#pragma once
// The one thing the paged report knows about drawings: a figure that says how tall it is at a given width
// and paints itself there. Charts (reports/charts/) and rack elevations (reports/rack/) implement it; the
// layout engine (reports/layout/) places figures on pages without knowing what they show.

#include <QPainter>
#include <QRectF>

namespace iovplan::reports {

/// A drawing in a report, painted with vector primitives in points (1/72 inch) so PDF output stays
/// vector and the same drawing can go to PNG, SVG or a preview.
class ReportFigure
{
public:
    ReportFigure() = default;
    ReportFigure(const ReportFigure &) = default;
    ReportFigure &operator=(const ReportFigure &) = default;
    virtual ~ReportFigure() = default;

    /// The height in points the figure needs when it is `width` points wide (> 0, finite).
    [[nodiscard]] virtual double heightForWidth(double width) const = 0;
    /// Paints the figure into `rect` (points). Must leave the painter's state as it found it.
    virtual void paint(QPainter &painter, const QRectF &rect) const = 0;
};

} // namespace iovplan::reports
