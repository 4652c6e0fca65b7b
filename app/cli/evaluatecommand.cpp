#include "evaluatecommand.h"

#include "commandline.h"
#include "documentloading.h"
#include "model/io/evaluationjson.h"
#include "reports/evaluationtable.h"

#include <QJsonDocument>
#include <QTextStream>

namespace iovplan::cli {

namespace {

void printEvaluateUsage(QTextStream &stream)
{
    stream << "Usage: iovplan-cli evaluate FILE.iovplan [--scenario NAME] [--format json|table] [--simulate [--seed S] [--service exponential|deterministic]]\n"
              "Evaluates every scenario (or NAME): cost, power, counts, performance per IOV mode, problems.\n"
              "--simulate also runs the discrete-event simulator on each scenario's network (JSON only).\n"
              "Exit status: 0 evaluated (designs with problems included), 2 bad input, 1 internal error.\n";
}

} // namespace

int runEvaluateCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const CommandLine line = parseCommandLine(args, { QStringLiteral("--scenario"), QStringLiteral("--format"),
                                                      QStringLiteral("--seed"), QStringLiteral("--service") },
                                              { QStringLiteral("--simulate") });
    if (line.help) {
        printEvaluateUsage(out);
        return 0;
    }
    const QString format = line.option(QStringLiteral("--format"), QStringLiteral("json"));
    if (line.error.isEmpty() && format != u"json" && format != u"table")
        return reportBadInput(err, QStringLiteral("--format"), {}, QStringLiteral("must be json or table, got '%1'").arg(format));
    if (!line.error.isEmpty() || line.file.isEmpty()) {
        if (!line.error.isEmpty())
            err << "iovplan-cli evaluate: " << line.error << '\n';
        printEvaluateUsage(err);
        return 2;
    }
    const QString scenarioName = line.option(QStringLiteral("--scenario"));
    const std::optional<design::Project> project = readProjectWithScenarioOrReport(line.file, scenarioName, err);
    if (!project)
        return 2;

    if (format == u"table") {
        bool first = true;
        for (const design::Scenario &scenario : project->scenarios) {
            if (!scenarioName.isEmpty() && scenario.name != scenarioName)
                continue;
            out << (first ? "" : "\n")
                << reports::evaluationTable(scenario, iov::evaluate(scenario, project->catalog));
            first = false;
        }
    } else {
        queueing::SimulationOptions simulation;
        if (line.flags.contains(QStringLiteral("--simulate")) && line.options.contains(QStringLiteral("--seed"))) {
            bool ok = false;
            simulation.seed = line.option(QStringLiteral("--seed")).toULongLong(&ok);
            if (!ok)
                return reportBadInput(err, QStringLiteral("--seed"), {}, QStringLiteral("must be a whole number >= 0"));
        }
        const QString service = line.option(QStringLiteral("--service"), QStringLiteral("exponential"));
        if (service == u"deterministic")
            simulation.service = queueing::ServiceDistribution::Deterministic;
        else if (service != u"exponential")
            return reportBadInput(err, QStringLiteral("--service"), {}, QStringLiteral("must be exponential or deterministic, got '%1'").arg(service));
        const bool simulate = line.flags.contains(QStringLiteral("--simulate"));
        out << QString::fromUtf8(QJsonDocument(io::evaluationJson(*project, scenarioName, simulate ? &simulation : nullptr))
                                     .toJson(QJsonDocument::Indented));
    }
    out.flush();
    return 0;
}

} // namespace iovplan::cli
