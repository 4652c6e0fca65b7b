#include "exportfiles.h"

#include "model/io/atomicfile.h"

#include "model/cost/bom.h"
#include "model/io/evaluationjson.h"
#include "reports/bomcsv.h"
#include "reports/charts/chartexport.h"
#include "reports/procurement/reportinputs.h"

#include <QDir>
#include <QJsonDocument>

namespace iovplan::ui {


QString exportFileName(const QString &projectName, const QString &what)
{
    // "CIOV white paper: 128 servers" reads "CIOV white paper - 128 servers" once the ':' is gone.
    QString name;
    for (const QChar c : projectName) {
        if (QStringLiteral("/\\:*?\"<>|").contains(c))
            name += QStringLiteral(" - ");
        else if (c.category() != QChar::Other_Control)
            name += c;
    }
    name = name.simplified();
    while (name.startsWith(QLatin1String("- ")))
        name.remove(0, 2);
    if (name.isEmpty() || name == QLatin1String("-"))
        name = QStringLiteral("Untitled");
    return name + QLatin1Char(' ') + what;
}

QString bomCsv(const design::Project &project, const QString &scenario)
{
    QString csv = reports::bomCsvHeader();
    for (const design::Scenario &s : project.scenarios) {
        if (scenario.isEmpty() || s.name == scenario)
            csv += reports::bomCsvRows(s.name, cost::billOfMaterials(s, project.catalog));
    }
    return csv;
}

QString writeBomCsv(const QString &path, const design::Project &project, const QString &scenario)
{
    return io::writeFileAtomically(path, bomCsv(project, scenario).toUtf8());
}

QByteArray resultsJson(const design::Project &project)
{
    return QJsonDocument(io::evaluationJson(project)).toJson(QJsonDocument::Indented);
}

QString writeResultsJson(const QString &path, const design::Project &project)
{
    return io::writeFileAtomically(path, resultsJson(project));
}

ChartFilesResult writeChartFiles(const QString &directory, const std::vector<reports::NamedChart> &charts)
{
    ChartFilesResult result;
    if (!QDir().mkpath(directory)) {
        result.error = QStringLiteral("%1: cannot create the folder").arg(QDir::toNativeSeparators(directory));
        return result;
    }
    for (const reports::NamedChart &chart : charts) {
        for (const char *suffix : { ".png", ".svg" }) {
            const QString path = QDir(directory).filePath(chart.fileStem + QLatin1String(suffix));
            result.error = reports::writeChart(path, chart.chart);
            if (!result.error.isEmpty())
                return result;
            result.files << path;
        }
    }
    return result;
}

ChartFilesResult writeProjectCharts(const QString &directory, const design::Project &project)
{
    const reports::ReportInputs inputs = reports::evaluateReportInputs(project, reports::ReportOptions());
    if (!inputs.ok())
        return { {}, inputs.error };
    return writeChartFiles(directory, reports::reportCharts(inputs.scenarios));
}

} // namespace iovplan::ui
