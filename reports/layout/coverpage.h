#pragma once
// The cover page: title, subtitle, labelled lines and the small print at its foot. Internal to reports/layout/.

#include "reports/layout/pageops.h"

namespace iovplan::reports::pagelayout {

/// Draws `cover` onto `page` (which gets no header or footer). Over-long texts are cut with "…" so the
/// cover stays one page.
void addCover(LaidOutPage &page, const ReportCover &cover, const PageGeometry &geometry, const ReportFonts &fonts);

} // namespace iovplan::reports::pagelayout
