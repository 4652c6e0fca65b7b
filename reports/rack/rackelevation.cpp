#include "rackelevation.h"

#include "racklabels.h"

#include "reports/figureformat.h"

#include <QLineF>
#include <QPen>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <memory>
#include <utility>

namespace iovplan::reports {

namespace {

// The drawing in rack units (1 = the height of 1 U); everything scales with the figure's width.
constexpr double gutterU = 1.2; ///< U numbers, left of the rail
constexpr double railU = 0.5; ///< the frame around the interior
constexpr double interiorU = 10.9; ///< a 19-inch rack's inner width (482.6 mm / 44.45 mm per U)
constexpr double gapU = 1.2; ///< between neighbouring racks
constexpr double topU = 0.3; ///< above the tallest rack's frame
constexpr double labelsU = 2.5; ///< under the frames: the rack's name and its U in use
constexpr double pitchU = gutterU + railU + interiorU + railU + gapU;

// Text sizes, in U.
constexpr double unitNumberSize = 0.5;
constexpr double nameSize = 0.66; ///< a device name on its own line (devices of 2 U and more)
constexpr double modelSize = 0.56;
constexpr double lineSize = 0.6; ///< name and model on one line (1 U devices)
constexpr double rackNameSize = 0.82;
constexpr double rackUseSize = 0.66;
constexpr double twoLineMinimumU = 1.8; ///< devices at least this tall show the model on a line of its own
constexpr double textMinimumU = 0.45; ///< below this a device shows no text

// Slot markers, in U.
constexpr double markerU = 0.5;
constexpr double markerGapU = 0.14;
constexpr int markersPerRow = 6;
constexpr double markerAreaShare = 0.45; ///< of the interior width, at most

double figureWidthU(int columns)
{
    return columns * pitchU - gapU;
}

double figureHeightU(int tallestU)
{
    return topU + railU + tallestU + railU + labelsU;
}

} // namespace

struct RackElevationFigure::Geometry
{
    QPointF origin; ///< the figure's top-left corner
    double u = 0.0; ///< one rack unit, in the painter's coordinates
    int tallestU = 1;

    [[nodiscard]] QRectF interior(int column, int heightU) const
    {
        const double left = origin.x() + (column * pitchU + gutterU + railU) * u;
        const double bottom = origin.y() + (topU + railU + tallestU) * u;
        return { left, bottom - heightU * u, interiorU * u, heightU * u };
    }
};

RackElevationFigure::RackElevationFigure(const design::Scenario &scenario, const design::PinnedCatalog &catalog,
                                         QStringList rackIds, int columns)
    : m_racks(rackContents(scenario, catalog, rackIds))
{
    m_columns = std::max({ columns, static_cast<int>(m_racks.size()), 1 });
    for (const RackContents &rack : m_racks)
        m_tallestU = std::max(m_tallestU, rack.drawnHeightU);
    m_unitLabels.reserve(m_tallestU);
    for (int u = 1; u <= m_tallestU; ++u)
        m_unitLabels << QString::number(u);
}

QStringList RackElevationFigure::rackIds() const
{
    QStringList ids;
    ids.reserve(static_cast<qsizetype>(m_racks.size()));
    for (const RackContents &rack : m_racks)
        ids << rack.id;
    return ids;
}

double RackElevationFigure::heightForWidth(double width) const
{
    const double ratio = figureHeightU(m_tallestU) / figureWidthU(m_columns);
    return std::isfinite(width) && width > 0.0 ? width * ratio : ratio;
}

RackElevationFigure::Geometry RackElevationFigure::geometry(const QRectF &rect) const
{
    Geometry g;
    g.tallestU = m_tallestU;
    const double widthU = figureWidthU(m_columns);
    const double heightU = figureHeightU(m_tallestU);
    g.u = std::min(rect.width() / widthU, rect.height() / heightU);
    if (!std::isfinite(g.u) || g.u <= 0.0)
        g.u = 0.0;
    g.origin = QPointF(rect.left() + (rect.width() - widthU * g.u) / 2.0, rect.top());
    return g;
}

QRectF RackElevationFigure::unitRect(const QRectF &rect, const QString &rackId, int u) const
{
    const Geometry g = geometry(rect);
    for (std::size_t i = 0; i < m_racks.size(); ++i) {
        const int height = m_racks[i].drawnHeightU;
        if (m_racks[i].id != rackId || u < 1 || u > height)
            continue;
        const QRectF interior = g.interior(static_cast<int>(i), height);
        return { interior.left(), interior.bottom() - u * g.u, interior.width(), g.u };
    }
    return {};
}

namespace {

// A device's text, to draw after the boxes.
struct DeviceText
{
    const RackDevice *device = nullptr;
    QRectF box; ///< the room for text inside the device's box
};

// Collects boxes by fill so each kind is drawn in one call (small, fast PDF output).
struct Batches
{
    std::array<std::vector<QRectF>, std::size(allRackDeviceKinds)> devices;
    std::array<std::vector<QRectF>, std::size(allSlotMarkerKinds)> markers;
    std::vector<QRectF> alerts;
    std::vector<DeviceText> texts;
};

// Where a device is drawn (rackcontents.h: moved inside the rack, in its lane).
QRectF deviceBox(const QRectF &interior, double u, const RackDevice &device)
{
    const double bottom = interior.bottom() - (device.drawnPositionU - 1.0) * u;
    const double laneWidth = interior.width() / std::max(1, device.lanes);
    return { interior.left() + device.lane * laneWidth, bottom - device.drawnHeightU * u, laneWidth, device.drawnHeightU * u };
}

// Lays out the markers of `device` at the right of `box`; returns the left edge of the block.
double addMarkers(Batches &batches, const QRectF &box, double u, const RackDevice &device)
{
    const int count = static_cast<int>(device.cardSlots.size());
    if (count == 0)
        return box.right();
    double size = markerU * u;
    double gap = markerGapU * u;
    const double margin = 0.1 * u;
    int rows = (count + markersPerRow - 1) / markersPerRow;
    const int rowsThatFit = std::max(1, static_cast<int>((box.height() - 2 * margin + gap) / (size + gap)));
    rows = std::min(rows, rowsThatFit);
    const int perRow = (count + rows - 1) / rows;
    // Shrink to the room there is: the marker area's width and the box's height.
    const double widthScale = markerAreaShare * box.width() / (perRow * (size + gap) - gap);
    const double heightScale = (box.height() - 2 * margin) / (rows * (size + gap) - gap);
    const double scale = std::min({ 1.0, widthScale, heightScale });
    if (scale <= 0.0)
        return box.right();
    size *= scale;
    gap *= scale;
    const double blockWidth = perRow * (size + gap) - gap;
    const double blockHeight = rows * (size + gap) - gap;
    const double left = box.right() - 0.3 * u - blockWidth;
    const double top = box.center().y() - blockHeight / 2.0;
    for (int i = 0; i < count; ++i) {
        const int row = i / perRow;
        const int column = i % perRow;
        const auto kind = static_cast<std::size_t>(device.cardSlots[static_cast<std::size_t>(i)].kind);
        batches.markers[kind].emplace_back(left + column * (size + gap), top + row * (size + gap), size, size);
    }
    return left;
}

} // namespace

void RackElevationFigure::paint(QPainter &painter, const QRectF &rect) const
{
    const Geometry g = geometry(rect);
    if (g.u <= 0.0)
        return;
    const double u = g.u;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);

    const QColor ink = rackInkColor();
    const QColor muted = rackMutedInkColor();

    // Frames, U lines and boxes first; all text after, grouped by font and colour (fewer state changes).
    Batches batches;
    std::vector<QRectF> frames;
    std::vector<QRectF> interiors;
    std::vector<QLineF> lines;
    for (std::size_t i = 0; i < m_racks.size(); ++i) {
        const RackContents &rack = m_racks[i];
        const QRectF interior = g.interior(static_cast<int>(i), rack.drawnHeightU);
        frames.push_back(interior.adjusted(-railU * u, -railU * u, railU * u, railU * u));
        interiors.push_back(interior);
        for (int k = 1; k < rack.drawnHeightU; ++k) {
            const double y = interior.bottom() - k * u;
            lines.emplace_back(interior.left(), y, interior.right(), y);
        }
        for (const RackDevice &device : rack.devices) {
            const QRectF box = deviceBox(interior, u, device);
            batches.devices[static_cast<std::size_t>(device.kind)].push_back(box);
            if (device.outsideRack || device.overlaps)
                batches.alerts.push_back(box);
            const double markersLeft = addMarkers(batches, box, u, device);
            if (box.height() >= textMinimumU * u)
                batches.texts.push_back({ &device, QRectF(QPointF(box.left() + 0.35 * u, box.top()),
                                                          QPointF(markersLeft - 0.3 * u, box.bottom())) });
        }
    }
    painter.setPen(QPen(ink, 0.06 * u));
    painter.setBrush(rackFrameFill());
    painter.drawRects(frames.data(), static_cast<int>(frames.size()));
    painter.setBrush(Qt::white);
    painter.drawRects(interiors.data(), static_cast<int>(interiors.size()));
    painter.setPen(QPen(QColor(0xd6, 0xd6, 0xd6), 0.03 * u));
    painter.drawLines(lines.data(), static_cast<int>(lines.size()));

    painter.setPen(QPen(ink, 0.05 * u));
    for (std::size_t k = 0; k < batches.devices.size(); ++k) {
        if (batches.devices[k].empty())
            continue;
        painter.setBrush(rackDeviceFill(allRackDeviceKinds[k]));
        painter.drawRects(batches.devices[k].data(), static_cast<int>(batches.devices[k].size()));
    }
    painter.setPen(QPen(ink, 0.035 * u));
    for (std::size_t k = 0; k < batches.markers.size(); ++k) {
        if (batches.markers[k].empty())
            continue;
        painter.setBrush(slotMarkerFill(allSlotMarkerKinds[k]));
        painter.drawRects(batches.markers[k].data(), static_cast<int>(batches.markers[k].size()));
    }
    if (!batches.alerts.empty()) {
        QPen alert(rackAlertColor(), 0.16 * u, Qt::DashLine);
        alert.setJoinStyle(Qt::MiterJoin);
        painter.setPen(alert);
        painter.setBrush(Qt::NoBrush);
        painter.drawRects(batches.alerts.data(), static_cast<int>(batches.alerts.size()));
    }

    // U numbers down the left of each rack.
    const RackLabelFont unitFont(painter, unitNumberSize * u, false);
    painter.setPen(muted);
    for (std::size_t i = 0; i < m_racks.size(); ++i) {
        const QRectF &interior = interiors[i];
        const double right = frames[i].left() - 0.15 * u;
        for (int k = 1; k <= m_racks[i].drawnHeightU; ++k)
            unitFont.drawRightAligned(painter, right, unitFont.centredBaseline(interior.bottom() - (k - 0.5) * u), m_unitLabels[k - 1]);
    }

    // Device names (ink), then models (muted) in the room left: elided, never outside the box.
    struct ModelText
    {
        const RackLabelFont *font = nullptr;
        QPointF origin;
        QString text;
        double room = 0.0;
    };
    std::vector<ModelText> models;
    models.reserve(batches.texts.size());
    const RackLabelFont nameFont(painter, nameSize * u, true);
    const RackLabelFont modelFont(painter, modelSize * u, false);
    const RackLabelFont lineNameFont(painter, lineSize * u, true);
    const RackLabelFont lineModelFont(painter, lineSize * u, false);
    // Devices under 1 U (blades) get smaller fonts, one pair per height.
    std::map<long, std::pair<std::unique_ptr<RackLabelFont>, std::unique_ptr<RackLabelFont>>> smallFonts;
    painter.setPen(ink);
    for (const DeviceText &text : batches.texts) {
        const QRectF &room = text.box;
        if (room.width() <= 0.0)
            continue;
        const RackDevice &device = *text.device;
        if (room.height() >= twoLineMinimumU * u) {
            const double top = room.center().y() - (nameFont.height() + modelFont.height()) / 2.0;
            nameFont.draw(painter, QPointF(room.left(), top + nameFont.ascent()), device.name, room.width());
            models.push_back({ &modelFont, QPointF(room.left(), top + nameFont.height() + modelFont.ascent()), device.model, room.width() });
            continue;
        }
        // One line: the name, then as much of the model as fits after it.
        const RackLabelFont *lineName = &lineNameFont;
        const RackLabelFont *lineModel = &lineModelFont;
        if (room.height() < u - 1e-9) {
            auto &fonts = smallFonts[std::lround(room.height() * 100.0)];
            if (!fonts.first) {
                fonts.first = std::make_unique<RackLabelFont>(painter, room.height() / 1.3, true);
                fonts.second = std::make_unique<RackLabelFont>(painter, room.height() / 1.3, false);
            }
            lineName = fonts.first.get();
            lineModel = fonts.second.get();
        }
        const double baseline = lineName->centredBaseline(room.center().y());
        const RackLabelFont::Drawn name = lineName->draw(painter, QPointF(room.left(), baseline), device.name, room.width());
        const double gap = 0.4 * u;
        const double modelRoom = room.width() - name.width - gap;
        if (name.whole && modelRoom >= 2.5 * lineSize * u)
            models.push_back({ lineModel, QPointF(room.right() - modelRoom, baseline), device.model, modelRoom });
    }
    painter.setPen(muted);
    for (const ModelText &model : models)
        model.font->draw(painter, model.origin, model.text, model.room);

    // Under each rack: its name, and the U in use of the U it has (misplaced devices called out).
    const RackLabelFont rackNameFont(painter, rackNameSize * u, true);
    const RackLabelFont rackUseFont(painter, rackUseSize * u, false);
    for (std::size_t i = 0; i < m_racks.size(); ++i) {
        const RackContents &rack = m_racks[i];
        const QRectF &interior = interiors[i];
        const double left = g.origin.x() + static_cast<double>(i) * pitchU * u;
        const double width = (pitchU - gapU) * u;
        const double centre = interior.center().x();
        double y = interior.bottom() + (railU + 0.3) * u;

        painter.setPen(ink);
        const double nameWidth = std::min(width, rackNameFont.width(rack.name));
        rackNameFont.draw(painter, QPointF(std::max(left, centre - nameWidth / 2.0), y + rackNameFont.ascent()), rack.name, width);
        y += rackNameFont.height();

        int misplaced = 0;
        for (const RackDevice &device : rack.devices)
            misplaced += device.outsideRack || device.overlaps ? 1 : 0;
        QString use = QStringLiteral("%1 / %2 U used").arg(formatNumber(rack.usedU, 2), formatNumber(rack.heightU));
        if (misplaced > 0)
            use += QStringLiteral(" · %1 misplaced").arg(misplaced);
        painter.setPen(misplaced > 0 ? rackAlertColor() : muted);
        const double useWidth = std::min(width, rackUseFont.width(use));
        rackUseFont.draw(painter, QPointF(std::max(left, centre - useWidth / 2.0), y + rackUseFont.ascent()), use, width);
    }
    painter.restore();
}

std::vector<std::shared_ptr<const RackElevationFigure>>
rackElevationFigures(const design::Scenario &scenario, const design::PinnedCatalog &catalog, int racksPerFigure)
{
    const int perFigure = std::max(1, racksPerFigure);
    std::vector<std::shared_ptr<const RackElevationFigure>> figures;
    QStringList ids;
    for (const design::Rack &rack : scenario.design.racks) {
        ids << rack.id;
        if (ids.size() == perFigure) {
            figures.push_back(std::make_shared<const RackElevationFigure>(scenario, catalog, ids, perFigure));
            ids.clear();
        }
    }
    if (!ids.isEmpty())
        figures.push_back(std::make_shared<const RackElevationFigure>(scenario, catalog, ids, perFigure));
    return figures;
}

} // namespace iovplan::reports
