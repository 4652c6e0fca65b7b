#pragma once
// What goes into a procurement report: which scenarios, which sections, the paper, the date and author.
// The GUI's export dialog and `iovplan-cli report` fill the same options, so both make the same report.

#include "reports/layout/reportdocument.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace iovplan::reports {

/// The sections a report can hold, in the order it prints them. The cover and contents always print.
enum class ReportSection {
    Summary, ///< executive summary: the recommendation, savings and performance ratios
    Comparison, ///< the comparison table of every chosen scenario and its charts
    BillOfMaterials, ///< per scenario: every line, subtotals by category, totals
    Power, ///< per scenario: watts, BTU/hr, kWh/yr, energy cost at the PUE
    Tco, ///< per scenario: purchase, maintenance and energy over the years
    Performance, ///< per scenario: throughput, latency, CPU headroom, max VMs, bottlenecks, charts
    Racks, ///< per scenario: rack elevation drawings with a legend
    Problems, ///< per scenario: errors and warnings (printed whenever a scenario has any, if chosen)
    Assumptions, ///< per scenario: IOV mode, workload, SLA, economic assumptions
    Sources, ///< the source of every price and parameter of the pinned items used
    ModelNotes, ///< how the figures are computed
};

/// Every section, in print order.
[[nodiscard]] const std::vector<ReportSection> &allReportSections();
/// The section's name on the command line: "summary", "comparison", "bom", "power", "tco",
/// "performance", "racks", "problems", "assumptions", "sources", "model-notes".
[[nodiscard]] QString reportSectionName(ReportSection section);
/// The section's title for people ("Bill of materials").
[[nodiscard]] QString reportSectionTitle(ReportSection section);

/// Sections named in a comma-separated list, or the error naming the unknown one.
struct ReportSectionsParse
{
    std::vector<ReportSection> sections;
    QString error;
};
[[nodiscard]] ReportSectionsParse parseReportSections(const QString &commaSeparated);

/// The choices of one report.
struct ReportOptions
{
    QStringList scenarios; ///< names to include, in this order; empty: every scenario of the project
    std::vector<ReportSection> sections = allReportSections(); ///< printed in allReportSections() order
    PaperSize paper = PaperSize::A4;
    QDate date = QDate::currentDate(); ///< the date on the cover and in the running header
    QString author; ///< empty: the project's author
    /// The scenario the summary compares the others with (the current design); empty: the first chosen.
    QString baseline;
    /// Traffic-load steps of the latency-against-load chart (each one an evaluation of the scenario).
    int latencyCurveSteps = 16;

    [[nodiscard]] bool includes(ReportSection section) const;
};

} // namespace iovplan::reports
