#pragma once
// The procurement report: the PDF a buyer signs off (issue 6). Cover, contents, executive summary,
// comparison, and per scenario the bill of materials, power and cooling, TCO, performance with charts,
// rack elevations, problems and assumptions; then the source of every price and parameter and the model
// notes. Every figure is the model's, spelled by reports/figureformat.h like the GUI and the CLI.

#include "reportinputs.h"
#include "reportoptions.h"

#include "model/design/project.h"
#include "reports/layout/reportdocument.h"

#include <QString>

namespace iovplan::reports {

/// What identifies the pinned catalog a report was priced from.
struct CatalogSnapshot
{
    int items = 0;
    QString oldestPriceDate; ///< "YYYY-MM"
    QString newestPriceDate;
    /// First 12 hex digits of the SHA-256 of every pinned item's id, price, dates, sources and specs: two
    /// reports with the same fingerprint were priced from the same catalog snapshot.
    QString fingerprint;
};
[[nodiscard]] CatalogSnapshot catalogSnapshot(const design::Project &project);

/// Builds the report of `inputs` (evaluated scenarios of `project`) with `options`. Never fails: a
/// scenario with design errors gets its problems section and its figures marked as unreliable.
[[nodiscard]] ReportDocument buildProcurementReport(const design::Project &project, const ReportInputs &inputs,
                                                    const ReportOptions &options);

/// Evaluates the chosen scenarios, builds the report and writes it to `path` as PDF (atomically).
/// Returns an error ("--scenarios: ...", "PATH: reason") or an empty string.
[[nodiscard]] QString writeProcurementReport(const design::Project &project, const ReportOptions &options,
                                             const QString &path);

} // namespace iovplan::reports
