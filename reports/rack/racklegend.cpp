#include "racklegend.h"

#include "rackstyle.h"

#include <QFontMetricsF>
#include <QImage>
#include <QPen>

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace iovplan::reports {

namespace {

// Sizes in points.
constexpr double textSize = 7.5;
constexpr double deviceSwatchWidth = 16.0;
constexpr double deviceSwatchHeight = 8.0;
constexpr double markerSide = 6.0;
constexpr double swatchGap = 4.0; ///< swatch to its label
constexpr double entryGap = 12.0; ///< between entries on a line
constexpr double titleGap = 8.0; ///< group title to its first entry
constexpr double lineGap = 3.0;
constexpr double groupGap = 3.0;

enum class Swatch { Device, Marker, Alert };

struct Entry
{
    Swatch swatch = Swatch::Device;
    int kind = 0; ///< a RackDeviceKind or SlotMarkerKind
    QString label;
};

struct Group
{
    QString title;
    std::vector<Entry> entries;
};

std::vector<Group> legendGroups()
{
    Group devices { QStringLiteral("Devices"), {} };
    for (RackDeviceKind kind : allRackDeviceKinds)
        devices.entries.push_back({ Swatch::Device, static_cast<int>(kind), rackDeviceKindName(kind) });
    Group markers { QStringLiteral("Card slots"), {} };
    for (SlotMarkerKind kind : allSlotMarkerKinds)
        markers.entries.push_back({ Swatch::Marker, static_cast<int>(kind), slotMarkerKindName(kind) });
    Group alerts { QStringLiteral("Outline"), {} };
    alerts.entries.push_back({ Swatch::Alert, 0, QStringLiteral("Overlaps another device or reaches out of its rack") });
    return { devices, markers, alerts };
}

double swatchWidth(Swatch swatch)
{
    return swatch == Swatch::Marker ? markerSide : deviceSwatchWidth;
}

// One entry placed: its swatch's left edge and its line's vertical centre, relative to the figure.
struct PlacedEntry
{
    const Entry *entry = nullptr;
    double left = 0.0;
    double centre = 0.0;
    double labelWidth = 0.0;
};

// Where everything goes at a width, measured in points (on a 72 dpi image a point is one pixel), so
// heightForWidth and paint agree whatever device the figure is painted on. Entries flow after their
// group's title and wrap under it.
struct LegendLayout
{
    std::vector<Group> groups;
    std::vector<std::pair<QString, double>> titles; ///< text and line centre
    std::vector<PlacedEntry> entries;
    double entriesLeft = 0.0;
    double height = 0.0;
};

LegendLayout legendLayout(double width)
{
    LegendLayout layout;
    layout.groups = legendGroups();
    QImage points(1, 1, QImage::Format_ARGB32_Premultiplied);
    points.setDotsPerMeterX(2835); // 72 dpi
    points.setDotsPerMeterY(2835);
    QFont regular(rackFontFamily());
    regular.setPointSizeF(textSize);
    QFont bold = regular;
    bold.setBold(true);
    const QFontMetricsF regularMetrics(regular, &points);
    const QFontMetricsF boldMetrics(bold, &points);

    double titleWidth = 0.0;
    for (const Group &group : layout.groups)
        titleWidth = std::max(titleWidth, boldMetrics.horizontalAdvance(group.title));
    layout.entriesLeft = titleWidth + titleGap;
    const double lineHeight = std::max(regularMetrics.height(), deviceSwatchHeight) + lineGap;
    double y = 0.0;
    for (const Group &group : layout.groups) {
        double x = layout.entriesLeft;
        double centre = y + (lineHeight - lineGap) / 2.0;
        layout.titles.emplace_back(group.title, centre);
        for (const Entry &entry : group.entries) {
            // 1 pt of slack: the device painted on may measure a hair wider than the 72 dpi image.
            const double labelWidth = regularMetrics.horizontalAdvance(entry.label) + 1.0;
            const double entryWidth = swatchWidth(entry.swatch) + swatchGap + labelWidth;
            if (x > layout.entriesLeft && x + entryWidth > width) {
                x = layout.entriesLeft;
                centre += lineHeight;
            }
            layout.entries.push_back({ &entry, x, centre, labelWidth });
            x += entryWidth + entryGap;
        }
        y = centre + (lineHeight - lineGap) / 2.0 + lineGap + groupGap;
    }
    layout.height = y - lineGap - groupGap;
    return layout;
}

} // namespace

double RackLegendFigure::heightForWidth(double width) const
{
    return legendLayout(std::isfinite(width) ? width : 0.0).height;
}

void RackLegendFigure::paint(QPainter &painter, const QRectF &rect) const
{
    if (!(rect.width() > 0.0) || !(rect.height() > 0.0))
        return;
    const LegendLayout layout = legendLayout(rect.width());
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QFont regular = rackFont(painter, textSize);
    const QFont bold = rackFont(painter, textSize, true);
    const QFontMetricsF regularMetrics(regular, painter.device());
    const QFontMetricsF boldMetrics(bold, painter.device());
    const QPen outline(rackInkColor(), 0.5);

    painter.setPen(rackInkColor());
    painter.setFont(bold);
    for (const auto &[title, centre] : layout.titles) {
        painter.drawText(QPointF(rect.left(), rect.top() + centre + (boldMetrics.ascent() - boldMetrics.descent()) / 2.0),
                         boldMetrics.elidedText(title, Qt::ElideRight, layout.entriesLeft));
    }
    painter.setFont(regular);
    for (const PlacedEntry &placed : layout.entries) {
        const Entry &entry = *placed.entry;
        const double left = rect.left() + placed.left;
        const double centre = rect.top() + placed.centre;
        const double w = swatchWidth(entry.swatch);
        switch (entry.swatch) {
        case Swatch::Device:
            painter.setPen(outline);
            painter.setBrush(rackDeviceFill(static_cast<RackDeviceKind>(entry.kind)));
            painter.drawRect(QRectF(left, centre - deviceSwatchHeight / 2.0, w, deviceSwatchHeight));
            break;
        case Swatch::Marker:
            painter.setPen(outline);
            painter.setBrush(slotMarkerFill(static_cast<SlotMarkerKind>(entry.kind)));
            painter.drawRect(QRectF(left, centre - markerSide / 2.0, w, markerSide));
            break;
        case Swatch::Alert: {
            QPen alert(rackAlertColor(), 1.3, Qt::DashLine);
            alert.setJoinStyle(Qt::MiterJoin);
            painter.setPen(alert);
            painter.setBrush(Qt::white);
            painter.drawRect(QRectF(left, centre - deviceSwatchHeight / 2.0, w, deviceSwatchHeight));
            break;
        }
        }
        const double textLeft = left + w + swatchGap;
        const double room = std::min(placed.labelWidth, rect.right() - textLeft);
        painter.setPen(rackInkColor());
        painter.drawText(QPointF(textLeft, centre + (regularMetrics.ascent() - regularMetrics.descent()) / 2.0),
                         regularMetrics.elidedText(entry.label, Qt::ElideRight, std::max(0.0, room)));
    }
    painter.restore();
}

} // namespace iovplan::reports
