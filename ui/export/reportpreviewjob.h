#pragma once
// The export dialog's background work (docs/gui-export.md): the report evaluated, built and laid out off the
// GUI thread, then its pages rendered one by one for the preview. Values in, values out: nothing here touches
// a widget, so a superseded job may finish after its dialog has gone.

#include "model/design/project.h"
#include "reports/layout/reportdocument.h"
#include "reports/procurement/reportinputs.h"
#include "reports/procurement/reportoptions.h"

#include <QImage>
#include <QPromise>
#include <QSizeF>
#include <QString>

#include <memory>

namespace iovplan::ui {

using ProjectPtr = std::shared_ptr<const design::Project>;
/// Evaluated scenarios, shared by every report built from them (paper, sections, author and baseline do not
/// change them, so changing those choices does not evaluate again).
using ReportInputsPtr = std::shared_ptr<const reports::ReportInputs>;
using ReportDocumentPtr = std::shared_ptr<const reports::ReportDocument>;

/// One report built for the preview, and the very document the export writes.
struct PreparedReport
{
    quint64 generation = 0; ///< the request it answers; an older one than the dialog's newest is dropped
    reports::ReportOptions options;
    ReportInputsPtr inputs; ///< may be set even when `error` is (the evaluation is still reusable)
    ReportDocumentPtr document; ///< null when `error` is set
    int pageCount = 0; ///< document->layout(options.paper).pageCount
    QString error;
};

/// Whether `inputs` hold exactly the scenarios `options` choose, in that order (and so can be reused).
[[nodiscard]] bool inputsMatch(const reports::ReportInputs &inputs, const reports::ReportOptions &options);

/// Evaluates the chosen scenarios (unless `inputs` already match them), builds the report and lays it out
/// on the chosen paper. Takes seconds for a big design: run it off the GUI thread.
[[nodiscard]] PreparedReport prepareReport(const ProjectPtr &project, const reports::ReportOptions &options,
                                           ReportInputsPtr inputs, quint64 generation);

/// One rendered page of the preview.
struct PreviewPage
{
    int index = 0; ///< 0-based
    QImage image;
};

/// Renders pages 0 .. pageCount-1 of `document` at `dpi`, adding each to `promise` as result number `index`
/// as soon as it is drawn; returns early once the promise is cancelled (a newer preview superseded it).
void renderPreviewPages(QPromise<PreviewPage> &promise, const ReportDocumentPtr &document, reports::PaperSize paper,
                        int pageCount, double dpi);

/// The paper's width and height in inches (A4 210 × 297 mm, Letter 8.5 × 11 in).
[[nodiscard]] QSizeF paperSizeInches(reports::PaperSize paper);

} // namespace iovplan::ui
