#include "bomcommand.h"

#include "commandline.h"
#include "documentloading.h"
#include "model/cost/bom.h"
#include "reports/bomcsv.h"

#include <QTextStream>

namespace iovplan::cli {

namespace {

void printBomUsage(QTextStream &stream)
{
    stream << "Usage: iovplan-cli bom FILE.iovplan [--scenario NAME] [--csv]\n"
              "Prints the bill of materials of every scenario (or of NAME) as CSV: one row per item,\n"
              "a subtotal per category, the I/O total and the total (docs/cost-model.md).\n"
              "Exit status: 0, 2 bad input, 1 internal error.\n";
}

} // namespace

int runBomCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const CommandLine line = parseCommandLine(args, { QStringLiteral("--scenario") }, { QStringLiteral("--csv") });
    if (line.help) {
        printBomUsage(out);
        return 0;
    }
    if (!line.error.isEmpty() || line.file.isEmpty()) {
        if (!line.error.isEmpty())
            err << "iovplan-cli bom: " << line.error << '\n';
        printBomUsage(err);
        return 2;
    }
    const QString scenarioName = line.option(QStringLiteral("--scenario"));
    const std::optional<design::Project> project = readProjectWithScenarioOrReport(line.file, scenarioName, err);
    if (!project)
        return 2;

    QString csv = reports::bomCsvHeader();
    for (const design::Scenario &scenario : project->scenarios) {
        if (scenarioName.isEmpty() || scenario.name == scenarioName)
            csv += reports::bomCsvRows(scenario.name, cost::billOfMaterials(scenario, project->catalog));
    }
    out << csv;
    out.flush();
    return 0;
}

} // namespace iovplan::cli
