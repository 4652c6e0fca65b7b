#pragma once
// Inside the procurement report: what every section builder reads, and the builders themselves (one
// file per group of sections). Not part of the reports layer's interface.

#include "recommendation.h"
#include "reportinputs.h"
#include "reportoptions.h"

#include "model/design/project.h"
#include "reports/layout/reportdocument.h"

#include <vector>

namespace iovplan::reports::procurement {

/// The report's inputs, read by every section.
struct ReportContext
{
    const design::Project &project;
    const std::vector<EvaluatedScenario> &scenarios;
    const ReportOptions &options;
    Recommendation recommendation;
    std::size_t baseline = 0; ///< index into scenarios of the design the others are compared with
};

/// The scenario's charts named in `ids` (reports/charts/scenariocharts.h ids), each as a figure
/// `widthShare` of the text width with its title and the scenario as caption.
void addScenarioCharts(ReportDocument &document, const EvaluatedScenario &scenario, const QStringList &ids,
                       double widthShare = 0.8);
/// Executive summary: the recommendation, what it saves against the baseline, every scenario's verdict.
void addSummarySection(ReportDocument &document, const ReportContext &context);
/// The comparison table (every metric of the Compare view) and the comparison charts.
void addComparisonSection(ReportDocument &document, const ReportContext &context);
/// One scenario's bill of materials, power and cooling, and TCO, as the options ask.
void addCostSections(ReportDocument &document, const ReportContext &context, const EvaluatedScenario &scenario);
/// One scenario's performance (figures, tables, charts), rack elevations, problems and assumptions.
void addDesignSections(ReportDocument &document, const ReportContext &context, const EvaluatedScenario &scenario);
/// The source of every price and parameter of the pinned items the scenarios use.
void addSourcesSection(ReportDocument &document, const ReportContext &context);
/// How the figures are computed: the equations, constants and their sources.
void addModelNotesSection(ReportDocument &document, const ReportContext &context);

} // namespace iovplan::reports::procurement
