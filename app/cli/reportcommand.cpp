#include "reportcommand.h"

#include "commandline.h"
#include "documentloading.h"
#include "reports/procurement/procurementreport.h"

#include <QTextStream>

namespace iovplan::cli {

namespace {

void printReportUsage(QTextStream &stream)
{
    QStringList sections;
    for (reports::ReportSection section : reports::allReportSections())
        sections << reports::reportSectionName(section);
    stream << "Usage: iovplan-cli report FILE.iovplan -o OUT.pdf [--scenarios A,B] [--page-size A4|Letter]\n"
              "                          [--sections LIST] [--baseline NAME] [--author NAME] [--date YYYY-MM-DD]\n"
              "Writes the procurement report as PDF: cover, contents, executive summary, comparison, and per scenario\n"
              "the bill of materials, power and cooling, TCO, performance, rack elevations, problems and assumptions;\n"
              "then the sources of every price and parameter and the model notes.\n"
              "  --scenarios   scenario names, comma separated, in report order (default: all)\n"
              "  --page-size   A4 (default) or Letter\n"
              "  --sections    comma separated, of: " << sections.join(QStringLiteral(",")) << "\n"
              "  --baseline    the scenario the others are compared with (default: the first)\n"
              "  --author      the author on the cover (default: the project's)\n"
              "  --date        the date on the cover (default: today)\n"
              "Exit status: 0 written (designs with problems included), 2 bad input, 1 internal error.\n";
}

} // namespace

int runReportCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const CommandLine line = parseCommandLine(args,
                                              { QStringLiteral("-o"), QStringLiteral("--output"), QStringLiteral("--scenarios"),
                                                QStringLiteral("--page-size"), QStringLiteral("--sections"),
                                                QStringLiteral("--baseline"), QStringLiteral("--author"), QStringLiteral("--date") },
                                              {});
    if (line.help) {
        printReportUsage(out);
        return 0;
    }
    const QString output = line.option(QStringLiteral("-o"), line.option(QStringLiteral("--output")));
    if (!line.error.isEmpty() || line.file.isEmpty() || output.isEmpty()) {
        err << "iovplan-cli report: " << (line.error.isEmpty() ? QStringLiteral("FILE and -o OUT.pdf are required") : line.error)
            << '\n';
        printReportUsage(err);
        return 2;
    }

    reports::ReportOptions options;
    if (line.options.contains(QStringLiteral("--page-size"))) {
        const std::optional<reports::PaperSize> paper = reports::paperSizeFromName(line.option(QStringLiteral("--page-size")));
        if (!paper)
            return reportBadInput(err, line.file, QStringLiteral("--page-size"),
                                  QStringLiteral("'%1' is not A4 or Letter").arg(line.option(QStringLiteral("--page-size"))));
        options.paper = *paper;
    }
    if (line.options.contains(QStringLiteral("--sections"))) {
        const reports::ReportSectionsParse sections = reports::parseReportSections(line.option(QStringLiteral("--sections")));
        if (!sections.error.isEmpty())
            return reportBadInput(err, line.file, QStringLiteral("--sections"), sections.error);
        options.sections = sections.sections;
    }
    if (line.options.contains(QStringLiteral("--date"))) {
        options.date = QDate::fromString(line.option(QStringLiteral("--date")), Qt::ISODate);
        if (!options.date.isValid())
            return reportBadInput(err, line.file, QStringLiteral("--date"),
                                  QStringLiteral("'%1' is not a date (YYYY-MM-DD)").arg(line.option(QStringLiteral("--date"))));
    }
    for (const QString &name : line.option(QStringLiteral("--scenarios")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        options.scenarios << name.trimmed();
    options.author = line.option(QStringLiteral("--author"));
    options.baseline = line.option(QStringLiteral("--baseline"));

    const std::optional<design::Project> project = readProjectOrReport(line.file, err);
    if (!project)
        return 2;
    if (!options.baseline.isEmpty() && !options.scenarios.isEmpty() && !options.scenarios.contains(options.baseline))
        return reportBadInput(err, line.file, QStringLiteral("--baseline"),
                              QStringLiteral("'%1' is not among the --scenarios").arg(options.baseline));
    if (!options.baseline.isEmpty()
        && std::none_of(project->scenarios.begin(), project->scenarios.end(),
                        [&](const design::Scenario &s) { return s.name == options.baseline; }))
        return reportBadInput(err, line.file, QStringLiteral("--baseline"),
                              QStringLiteral("no scenario named '%1'").arg(options.baseline));

    const reports::ReportInputs inputs = reports::evaluateReportInputs(*project, options);
    if (!inputs.ok())
        return reportBadInput(err, line.file, QString(), inputs.error);
    const reports::ReportDocument document = reports::buildProcurementReport(*project, inputs, options);
    const QString error = document.writePdf(output, options.paper);
    if (!error.isEmpty()) {
        err << "iovplan-cli report: " << oneLine(error) << '\n';
        return 2;
    }
    out << output << ": " << document.layout(options.paper).pageCount << " pages\n";
    out.flush();
    return 0;
}

} // namespace iovplan::cli
