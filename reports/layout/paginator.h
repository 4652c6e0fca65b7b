#pragma once
// Flows a document's blocks onto pages: page breaks, keeping headings with what follows, tables split
// between rows with their header repeated, figures moved or scaled to fit, and the table of contents
// laid out again until its page numbers agree with where the headings landed. Internal to reports/layout/.

#include "reports/layout/pageops.h"
#include "reports/layout/reportblocks.h"

namespace iovplan::reports::pagelayout {

/// Lays `content` out on `paper`. Always at least one page; the cover, if any, is page 1.
[[nodiscard]] LaidOutDocument paginate(const DocumentContent &content, PaperSize paper, const ReportFonts &fonts);

} // namespace iovplan::reports::pagelayout
