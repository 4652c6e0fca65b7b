#include "reportpreviewjob.h"

#include "reports/procurement/procurementreport.h"

namespace iovplan::ui {

bool inputsMatch(const reports::ReportInputs &inputs, const reports::ReportOptions &options)
{
    if (!inputs.ok() || inputs.scenarios.size() != static_cast<std::size_t>(options.scenarios.size()))
        return false;
    for (std::size_t i = 0; i < inputs.scenarios.size(); ++i) {
        if (inputs.scenarios[i].scenario.name != options.scenarios.at(static_cast<qsizetype>(i)))
            return false;
    }
    return true;
}

PreparedReport prepareReport(const ProjectPtr &project, const reports::ReportOptions &options, ReportInputsPtr inputs,
                             quint64 generation)
{
    PreparedReport prepared;
    prepared.generation = generation;
    prepared.options = options;
    if (!inputs || !inputsMatch(*inputs, options))
        inputs = std::make_shared<const reports::ReportInputs>(reports::evaluateReportInputs(*project, options));
    prepared.inputs = inputs;
    if (!inputs->ok()) {
        prepared.error = inputs->error;
        return prepared;
    }
    auto document = std::make_shared<reports::ReportDocument>(reports::buildProcurementReport(*project, *inputs, options));
    prepared.pageCount = document->layout(options.paper).pageCount;
    prepared.document = std::move(document);
    return prepared;
}

void renderPreviewPages(QPromise<PreviewPage> &promise, const ReportDocumentPtr &document, reports::PaperSize paper,
                        int pageCount, double dpi)
{
    promise.setProgressRange(0, pageCount);
    for (int index = 0; index < pageCount; ++index) {
        if (promise.isCanceled())
            return;
        promise.addResult(PreviewPage { index, document->renderPage(paper, index, dpi) }, index);
        promise.setProgressValue(index + 1);
    }
}

QSizeF paperSizeInches(reports::PaperSize paper)
{
    switch (paper) {
    case reports::PaperSize::Letter:
        return { 8.5, 11.0 };
    case reports::PaperSize::A4:
        break;
    }
    return { 210.0 / 25.4, 297.0 / 25.4 };
}

} // namespace iovplan::ui
