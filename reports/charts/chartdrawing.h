#pragma once
// What the chart painters share (internal to reports/charts/): the print palette, fonts sized in the
// painter's units, wrapped and rotated text, axes whose tick labels never collide, and the three plots.
// Everything is in points: the painter's user space is taken to be 1 unit = 1 pt.

#include "chart.h"
#include "chartaxis.h"

#include <QColor>
#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QPen>
#include <QRectF>
#include <QString>
#include <QStringList>

#include <cmath>
#include <functional>
#include <vector>

namespace iovplan::reports::chartdrawing {

/// The family every chart draws with: reportFontFamily(), the DejaVu Sans the layout part embeds.
[[nodiscard]] QString fontFamily();

/// Print-friendly colours on white paper. Series colours are the Okabe–Ito set (distinct for the common
/// colour-vision deficiencies); lines also differ by dash and point shape so a grey print still reads.
namespace colours {
inline const QColor text { 0x21, 0x21, 0x21 };
inline const QColor muted { 0x5c, 0x5c, 0x5c };
inline const QColor grid { 0xdf, 0xdf, 0xdf };
inline const QColor axis { 0x7a, 0x7a, 0x7a };
inline const QColor reference { 0x33, 0x33, 0x33 }; ///< reference lines (SLA)
inline const QColor accent { 0xd5, 0x5e, 0x00 }; ///< the highlighted bar: vermillion
inline const QColor noteBackground { 0xf4, 0xf4, 0xf4 };
} // namespace colours
/// The colour of series `index` (blue, orange, green, purple, sky blue, yellow, black, then again).
[[nodiscard]] QColor seriesColour(int index);
/// Text that reads on `background`: near-black on light colours, white on dark ones.
[[nodiscard]] QColor textOn(const QColor &background);
/// The dash of line series `index`: solid, dashed, dotted, dash-dot, ...
[[nodiscard]] Qt::PenStyle seriesDash(int index);
/// Draws the point mark of line series `index` (circle, square, triangle, diamond, ...) centred at `at`.
void drawPointMark(QPainter &painter, int index, const QPointF &at, double radius);

/// Font sizes in points.
namespace sizes {
inline constexpr double title = 10.5;
inline constexpr double subtitle = 8.0;
inline constexpr double legend = 8.0;
inline constexpr double axis = 7.5;
inline constexpr double axisTitle = 8.0;
inline constexpr double valueLabel = 7.5;
inline constexpr double note = 9.0;
} // namespace sizes

/// A font `points` tall in the painter's user space, whatever the device's resolution (PDF, SVG, image).
[[nodiscard]] QFont chartFont(const QPainter &painter, double points, bool bold = false);
/// Metrics of `font` in the painter's user space.
[[nodiscard]] QFontMetricsF metricsOf(const QPainter &painter, const QFont &font);

/// `text` broken at spaces into at most `maxLines` lines no wider than `width`; a word or a last line that
/// does not fit is elided with "…". Never empty for non-empty text.
[[nodiscard]] QStringList wrapText(const QString &text, const QFontMetricsF &metrics, double width, int maxLines);
/// The width of the widest of `lines`.
[[nodiscard]] double widestLine(const QStringList &lines, const QFontMetricsF &metrics);
/// Draws `lines` stacked in `rect`, each aligned by `alignment` (horizontal flags), the block aligned
/// vertically by `alignment`'s vertical flags.
void drawLines(QPainter &painter, const QRectF &rect, const QStringList &lines, Qt::Alignment alignment);
/// Draws `text` rotated a quarter turn anticlockwise (reading upwards), centred on `centre`.
void drawVerticalText(QPainter &painter, const QPointF &centre, const QString &text);

/// An axis over [low, high] whose tick labels (in `unit`) fit `length` points when each needs
/// `labelExtent(label)` points along the axis plus a gap.
[[nodiscard]] AxisScale fittedLinearAxis(double low, double high, double length, ChartUnit unit,
                                         const std::function<double(const QString &)> &labelExtent);

/// Places tick labels so none overlaps another or leaves the chart: a label that would is skipped (the
/// grid line still marks its tick).
class LabelPlacer
{
public:
    explicit LabelPlacer(const QRectF &bounds)
        : m_bounds(bounds)
    {
    }
    /// Whether `box` is free and inside the bounds; if so it is taken.
    bool take(const QRectF &box);

private:
    QRectF m_bounds;
    std::vector<QRectF> m_taken;
};

/// The pen of grid lines: thin, light, flat ends.
[[nodiscard]] QPen gridPen();

/// A vertical grid line at `x` across `plot` and, when `placer` finds room for it, the tick's `label`
/// centred under the plot (kept inside `rect`). The painter's font must be the one `metrics` measures.
void drawVerticalTick(QPainter &painter, const QRectF &rect, const QRectF &plot, double x, const QString &label,
                      const QFontMetricsF &metrics, LabelPlacer &placer);

/// A horizontal grid line at `y` across `plot` and, when `placer` finds room for it, the tick's `label`
/// right-aligned left of the plot. The painter's font must be the one `metrics` measures.
void drawHorizontalTick(QPainter &painter, const QRectF &plot, double y, const QString &label,
                        const QFontMetricsF &metrics, LabelPlacer &placer);

/// The plots. `rect` is the area below the title and legend; each lays out its own axes inside it.
void paintHorizontalBars(QPainter &painter, const QRectF &rect, const Chart &chart);
void paintGroupedBars(QPainter &painter, const QRectF &rect, const Chart &chart);
void paintLines(QPainter &painter, const QRectF &rect, const Chart &chart);

/// A finite value, or none.
[[nodiscard]] inline bool finite(double x)
{
    return std::isfinite(x);
}

} // namespace iovplan::reports::chartdrawing
