#pragma once
// What File → Export writes besides the PDF (issue 6, docs/gui-export.md): the bill of materials as CSV,
// every chart as PNG and SVG, the results as JSON — the same bytes as `iovplan-cli bom --csv`,
// `export-chart --all` and `evaluate --format json`. Paths in, errors out: no dialogs here
// (exportactions.h asks for the paths), so tests call these directly.

#include "model/design/project.h"
#include "reports/procurement/reportcharts.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace iovplan::ui {

/// A file name for an export of `projectName`: "<project> <what>" ("Whitepaper report.pdf"), each character
/// a file name may not hold on some system (/ \ : * ? " < > |) replaced by " - ", controls dropped, spaces
/// collapsed ("Untitled" for an unnamed project).
[[nodiscard]] QString exportFileName(const QString &projectName, const QString &what);

/// The BOM CSV of every scenario of `project`, or of `scenario` alone: the header, then each scenario's rows.
[[nodiscard]] QString bomCsv(const design::Project &project, const QString &scenario = {});
/// bomCsv as UTF-8, written atomically (QSaveFile). Returns "PATH: reason" or an empty string.
[[nodiscard]] QString writeBomCsv(const QString &path, const design::Project &project, const QString &scenario = {});

/// The evaluate JSON of every scenario (io::evaluationJson), indented. Evaluates: seconds for a big design.
[[nodiscard]] QByteArray resultsJson(const design::Project &project);
/// resultsJson written atomically. Returns "PATH: reason" or an empty string.
[[nodiscard]] QString writeResultsJson(const QString &path, const design::Project &project);

/// Files written by a chart export, and the error that stopped it (empty when all were written).
struct ChartFilesResult
{
    QStringList files;
    QString error;
    [[nodiscard]] bool ok() const { return error.isEmpty(); }
};
/// Writes each chart as DIRECTORY/STEM.png and DIRECTORY/STEM.svg (creating the directory), stopping at
/// the first failure.
[[nodiscard]] ChartFilesResult writeChartFiles(const QString &directory, const std::vector<reports::NamedChart> &charts);
/// Every chart of the report of every scenario (reports::reportCharts of all of them evaluated), written
/// as above. Evaluates: seconds for a big design.
[[nodiscard]] ChartFilesResult writeProjectCharts(const QString &directory, const design::Project &project);

} // namespace iovplan::ui
