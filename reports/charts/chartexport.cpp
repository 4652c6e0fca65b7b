#include "chartexport.h"

#include "model/io/atomicfile.h"

#include "chartpainter.h"

#include <QBuffer>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>

#include <cmath>

namespace iovplan::reports {

namespace {

// The width PNG charts are laid out at, in points: the SVG's default, so both exports look alike.
constexpr double pngLayoutWidth = 640.0;

} // namespace

std::optional<ChartFormat> chartFormatFromSuffix(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QStringLiteral("png"))
        return ChartFormat::Png;
    if (suffix == QStringLiteral("svg"))
        return ChartFormat::Svg;
    return std::nullopt;
}

QByteArray chartToPng(const Chart &chart, QSize pixels)
{
    if (pixels.width() < 1 || pixels.height() < 1 || pixels.width() > 20000 || pixels.height() > 20000)
        return {};
    QImage image(pixels, QImage::Format_RGB32);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        const double scale = pixels.width() / pngLayoutWidth;
        painter.scale(scale, scale);
        paintChart(painter, QRectF(0.0, 0.0, pngLayoutWidth, pixels.height() / scale), chart);
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG"))
        return {};
    return bytes;
}

QByteArray chartToSvg(const Chart &chart, QSizeF points)
{
    if (!(points.width() > 0.0) || !(points.height() > 0.0) || !std::isfinite(points.width())
        || !std::isfinite(points.height()))
        return {};
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    // 72 dpi: one SVG user unit is one point, the unit the chart is laid out in.
    generator.setResolution(72);
    generator.setSize(points.toSize());
    generator.setViewBox(QRectF(QPointF(0.0, 0.0), points));
    generator.setTitle(chart.title);
    generator.setDescription(QStringLiteral("IOV Planner chart \"%1\"").arg(chart.id));
    {
        QPainter painter(&generator);
        painter.fillRect(QRectF(QPointF(0.0, 0.0), points), Qt::white);
        paintChart(painter, QRectF(QPointF(0.0, 0.0), points), chart);
    }
    return bytes;
}

QString writeChart(const QString &path, const Chart &chart)
{
    const std::optional<ChartFormat> format = chartFormatFromSuffix(path);
    if (!format)
        return QStringLiteral("%1: unknown chart format \"%2\" (use .png or .svg)").arg(path, QFileInfo(path).suffix());
    const QByteArray bytes = *format == ChartFormat::Png ? chartToPng(chart) : chartToSvg(chart);
    if (bytes.isEmpty())
        return QStringLiteral("%1: the chart could not be rendered").arg(path);
    return io::writeFileAtomically(path, bytes);
}

} // namespace iovplan::reports
