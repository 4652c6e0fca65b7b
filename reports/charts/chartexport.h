#pragma once
// A chart as a file: PNG (a white-background raster at about twice screen detail) or SVG (vector, the
// chart's title as the document title), chosen by the file's suffix and written atomically.

#include "chart.h"

#include <QByteArray>
#include <QSize>
#include <QSizeF>
#include <QString>

#include <optional>

namespace iovplan::reports {

/// The chart file formats.
enum class ChartFormat { Png, Svg };

/// The format of `path` by its suffix (".png", ".svg", any case); none for anything else.
[[nodiscard]] std::optional<ChartFormat> chartFormatFromSuffix(const QString &path);

/// The chart painted on white at `pixels` (each side ≥ 1), as PNG. The chart is laid out at 640 points wide
/// and scaled to fill the image, so 1600 × 1000 px is 2.5 px per point. Empty on an unusable size.
[[nodiscard]] QByteArray chartToPng(const Chart &chart, QSize pixels = { 1600, 1000 });
/// The chart as an SVG document of `points` (each side > 0), text kept as text. Empty on an unusable size.
[[nodiscard]] QByteArray chartToSvg(const Chart &chart, QSizeF points = { 640, 400 });

/// Writes `chart` to `path` in the format its suffix names, replacing the file atomically (QSaveFile).
/// Returns an empty string on success, else "PATH: reason".
[[nodiscard]] QString writeChart(const QString &path, const Chart &chart);

} // namespace iovplan::reports
