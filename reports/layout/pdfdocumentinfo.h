#pragma once
// QPdfWriter (Qt 6.4) writes only the title and creator into the PDF's document information; a buyer's
// PDF reader should also show the author and subject. This appends a standard incremental update (PDF
// 1.7, 7.5.6) with a complete information dictionary. Internal to reports/layout/.

#include "reports/layout/reportdocument.h"

#include <QByteArray>

namespace iovplan::reports::pagelayout {

/// `pdf` with an incremental update whose /Info carries every field of `metadata` (the creation date is
/// kept). Returns `pdf` unchanged when its trailer cannot be read (e.g. a cross-reference stream).
[[nodiscard]] QByteArray withDocumentInfo(const QByteArray &pdf, const ReportMetadata &metadata);

} // namespace iovplan::reports::pagelayout
