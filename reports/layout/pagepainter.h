#pragma once
// Replays a laid-out page onto any QPainter working in points: the PDF writer and the preview image use
// this one function, so the preview shows exactly what the PDF prints. Internal to reports/layout/.

#include "reports/layout/pageops.h"

#include <QPainter>

#include <cstddef>

namespace iovplan::reports::pagelayout {

/// Paints page `index` of `document`, with the running header and the "Page X of Y" footer unless it is
/// the cover. The painter's unit must be one point and its device must resolve fonts at 72 dpi.
void paintPage(QPainter &painter, const LaidOutDocument &document, std::size_t index, const ReportFonts &fonts);

} // namespace iovplan::reports::pagelayout
