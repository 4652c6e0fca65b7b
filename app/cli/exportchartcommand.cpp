#include "exportchartcommand.h"

#include "commandline.h"
#include "documentloading.h"
#include "reports/charts/chartexport.h"
#include "reports/procurement/reportcharts.h"

#include <QDir>
#include <QTextStream>

namespace iovplan::cli {

namespace {

void printExportChartUsage(QTextStream &stream)
{
    stream << "Usage: iovplan-cli export-chart FILE.iovplan --chart ID [--scenario NAME] -o OUT.png|OUT.svg\n"
              "       iovplan-cli export-chart FILE.iovplan --all -o DIR [--format png|svg]\n"
              "       iovplan-cli export-chart FILE.iovplan --list\n"
              "Exports the report's charts. Scenario charts (cost-by-category, power-by-part, p99-vs-load,\n"
              "busiest-stations) need --scenario when the project has several scenarios; comparison charts\n"
              "(compare-*) cover every scenario. --all writes every chart, as PNG and SVG unless --format says\n"
              "one, named SCENARIO-ID.EXT and compare-ID.EXT. --list prints the charts the project has.\n"
              "Exit status: 0, 2 bad input, 1 internal error.\n";
}

} // namespace

int runExportChartCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const CommandLine line = parseCommandLine(args,
                                              { QStringLiteral("--chart"), QStringLiteral("--scenario"), QStringLiteral("-o"),
                                                QStringLiteral("--output"), QStringLiteral("--format") },
                                              { QStringLiteral("--all"), QStringLiteral("--list") });
    if (line.help) {
        printExportChartUsage(out);
        return 0;
    }
    const QString output = line.option(QStringLiteral("-o"), line.option(QStringLiteral("--output")));
    const bool all = line.flags.contains(QStringLiteral("--all"));
    const bool list = line.flags.contains(QStringLiteral("--list"));
    const QString chartId = line.option(QStringLiteral("--chart"));
    QString usageError = line.error;
    if (usageError.isEmpty() && line.file.isEmpty())
        usageError = QStringLiteral("FILE is required");
    else if (usageError.isEmpty() && !list && !all && chartId.isEmpty())
        usageError = QStringLiteral("--chart ID, --all or --list is required");
    else if (usageError.isEmpty() && !list && output.isEmpty())
        usageError = QStringLiteral("-o is required");
    if (!usageError.isEmpty()) {
        err << "iovplan-cli export-chart: " << usageError << '\n';
        printExportChartUsage(err);
        return 2;
    }
    QStringList formats { QStringLiteral("png"), QStringLiteral("svg") };
    if (line.options.contains(QStringLiteral("--format"))) {
        const QString format = line.option(QStringLiteral("--format")).toLower();
        if (!formats.contains(format))
            return reportBadInput(err, line.file, QStringLiteral("--format"), QStringLiteral("'%1' is not png or svg").arg(format));
        formats = { format };
    }

    const QString scenarioName = line.option(QStringLiteral("--scenario"));
    const std::optional<design::Project> project = readProjectWithScenarioOrReport(line.file, scenarioName, err);
    if (!project)
        return 2;
    const std::vector<reports::NamedChart> charts = reports::projectCharts(*project, scenarioName);

    if (list) {
        for (const reports::NamedChart &c : charts)
            out << c.fileStem << '\t' << c.chart.title << '\n';
        out.flush();
        return 0;
    }
    if (all) {
        if (!QDir().mkpath(output))
            return reportBadInput(err, output, QString(), QStringLiteral("cannot create the directory"));
        int written = 0;
        for (const reports::NamedChart &c : charts) {
            for (const QString &format : formats) {
                const QString path = QDir(output).filePath(c.fileStem + QLatin1Char('.') + format);
                const QString error = reports::writeChart(path, c.chart);
                if (!error.isEmpty()) {
                    err << "iovplan-cli export-chart: " << oneLine(error) << '\n';
                    return 2;
                }
                ++written;
            }
        }
        out << written << " files written to " << output << '\n';
        out.flush();
        return 0;
    }

    if (!reports::chartFormatFromSuffix(output))
        return reportBadInput(err, output, QStringLiteral("-o"), QStringLiteral("the file name must end in .png or .svg"));
    const reports::NamedChart *found = reports::findChart(charts, chartId, scenarioName);
    if (found == nullptr) {
        QStringList ids;
        for (const reports::NamedChart &c : charts)
            ids << c.chart.id;
        ids.removeDuplicates();
        return reportBadInput(err, line.file, QStringLiteral("--chart"),
                              project->scenarios.size() > 1 && scenarioName.isEmpty() && !chartId.startsWith(QStringLiteral("compare-"))
                                  ? QStringLiteral("'%1' is a scenario chart: name the scenario with --scenario").arg(chartId)
                                  : QStringLiteral("no chart '%1' (charts: %2)").arg(chartId, ids.join(QStringLiteral(", "))));
    }
    const QString error = reports::writeChart(output, found->chart);
    if (!error.isEmpty()) {
        err << "iovplan-cli export-chart: " << oneLine(error) << '\n';
        return 2;
    }
    return 0;
}

} // namespace iovplan::cli
