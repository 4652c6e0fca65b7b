// iovplan-perfgate: the performance gate's commands (docs/PERFORMANCE.md, "How to reproduce and the
// performance gate"). scripts/perfgate.sh runs the benchmarks and then this.
//   iovplan-perfgate compare --baseline docs/PERFORMANCE.md [--threshold 20] [--rerun-list FILE] RESULTS.json...
//   iovplan-perfgate update --baseline docs/PERFORMANCE.md RESULTS.json...
// Exit codes: 0 clean, 1 the gate failed (regression, missing, failed or inaccurate row), 2 usage or file
// error.

#include "io/atomicfile.h"
#include "perfgate/baseline.h"
#include "perfgate/benchmarkresults.h"
#include "perfgate/comparison.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringList>
#include <QTextStream>


using namespace iovplan::perfgate;

namespace {

constexpr int exitClean = 0;
constexpr int exitGateFailed = 1;
constexpr int exitUsage = 2;

const char usage[]
    = "usage: iovplan-perfgate compare --baseline PERFORMANCE.md [--threshold PERCENT] [--rerun-list FILE]\n"
      "                                RESULTS.json...\n"
      "       iovplan-perfgate update --baseline PERFORMANCE.md RESULTS.json...\n"
      "compare: one row per benchmark and a summary; exit 0 clean, 1 on a regression (slower by more than\n"
      "         the threshold, default 20), a missing, failed or inaccurate benchmark, 2 on a usage or file "
      "error.\n"
      "         --rerun-list writes one line per program with regressions: PROGRAM<TAB>FILTER, a\n"
      "         --benchmark_filter selecting exactly those benchmarks (empty file when there are none).\n"
      "update:  rewrites only the baseline block of PERFORMANCE.md with these results.\n";

struct Arguments
{
    QString command;
    QString baselinePath;
    double thresholdPercent = 20;
    QString rerunListPath; ///< compare only: where the regressed benchmarks' filters go
    QStringList resultPaths;
    QString error;
};

Arguments parseArguments(const QStringList &arguments)
{
    Arguments parsed;
    if (arguments.size() < 2) {
        parsed.error = QStringLiteral("no command given");
        return parsed;
    }
    parsed.command = arguments.at(1);
    if (parsed.command != QLatin1String("compare") && parsed.command != QLatin1String("update")) {
        parsed.error = QStringLiteral("unknown command \"%1\"").arg(parsed.command);
        return parsed;
    }
    for (qsizetype i = 2; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        const bool hasValue = i + 1 < arguments.size();
        if (argument == QLatin1String("--baseline")) {
            if (!hasValue) {
                parsed.error = QStringLiteral("--baseline needs a file");
                return parsed;
            }
            parsed.baselinePath = arguments.at(++i);
        } else if (argument == QLatin1String("--threshold") && parsed.command == QLatin1String("compare")) {
            const std::optional<double> threshold
                = hasValue ? parseNonNegativeNumber(arguments.at(++i)) : std::nullopt;
            if (!threshold) {
                parsed.error = QStringLiteral("--threshold needs a non-negative number of percent");
                return parsed;
            }
            parsed.thresholdPercent = *threshold;
        } else if (argument == QLatin1String("--rerun-list") && parsed.command == QLatin1String("compare")) {
            if (!hasValue) {
                parsed.error = QStringLiteral("--rerun-list needs a file");
                return parsed;
            }
            parsed.rerunListPath = arguments.at(++i);
        } else if (argument.startsWith(QLatin1String("--"))) {
            parsed.error = QStringLiteral("unknown option \"%1\"").arg(argument);
            return parsed;
        } else {
            parsed.resultPaths.append(argument);
        }
    }
    if (parsed.baselinePath.isEmpty())
        parsed.error = QStringLiteral("--baseline PERFORMANCE.md is required");
    else if (parsed.resultPaths.isEmpty())
        parsed.error = QStringLiteral("no result files given");
    return parsed;
}

struct FileBytes
{
    QByteArray bytes;
    QString error;
};

FileBytes readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return { {}, path + QStringLiteral(": cannot read: ") + file.errorString() };
    return { file.readAll(), {} };
}

int fail(QTextStream &err, const QString &message, int code)
{
    err << "iovplan-perfgate: " << message << '\n';
    return code;
}

int runCompare(const Arguments &arguments, QTextStream &out, QTextStream &err)
{
    const FileBytes markdown = readFile(arguments.baselinePath);
    if (!markdown.error.isEmpty())
        return fail(err, markdown.error, exitUsage);
    const Baseline baseline = parseBaseline(markdown.bytes, arguments.baselinePath);
    if (!baseline.error.isEmpty())
        return fail(err, baseline.error, exitUsage);
    const BenchmarkResults results = readBenchmarkResults(arguments.resultPaths);
    if (!results.error.isEmpty())
        return fail(err, results.error, exitUsage);
    const Comparison comparison = compare(baseline, results, arguments.thresholdPercent);
    out << renderComparison(comparison);
    if (!arguments.rerunListPath.isEmpty()) {
        QByteArray lines;
        for (const RerunRequest &request : rerunRequests(comparison))
            lines += (request.program + QLatin1Char('\t') + request.benchmarkFilter + QLatin1Char('\n')).toUtf8();
        const QString writeError = iovplan::io::writeFileAtomically(arguments.rerunListPath, lines);
        if (!writeError.isEmpty())
            return fail(err, writeError, exitUsage);
    }
    if (baseline.entries.isEmpty())
        out << "The baseline in " << arguments.baselinePath
            << " is empty: record one on a quiet machine with scripts/perfgate.sh --update.\n";
    return comparison.passed ? exitClean : exitGateFailed;
}

int runUpdate(const Arguments &arguments, QTextStream &out, QTextStream &err)
{
    const FileBytes markdown = readFile(arguments.baselinePath);
    if (!markdown.error.isEmpty())
        return fail(err, markdown.error, exitUsage);
    const BenchmarkResults results = readBenchmarkResults(arguments.resultPaths);
    if (!results.error.isEmpty())
        return fail(err, results.error, exitUsage);
    // A baseline must be something the gate would pass: no failed or inaccurate benchmark goes in.
    const Comparison check = compare(Baseline {}, results, 0);
    for (const ComparisonRow &row : check.rows) {
        if (failsGate(row.verdict))
            return fail(err,
                QStringLiteral("not recording a baseline: %1 / %2 is %3: %4")
                    .arg(row.program, row.benchmark, verdictName(row.verdict), row.detail),
                exitGateFailed);
    }
    const UpdatedDocument updated
        = replaceBaselineBlock(markdown.bytes, arguments.baselinePath, renderBaselineBlock(results));
    if (!updated.error.isEmpty())
        return fail(err, updated.error, exitUsage);
    const QString writeError = iovplan::io::writeFileAtomically(arguments.baselinePath, updated.markdown);
    if (!writeError.isEmpty())
        return fail(err, writeError, exitUsage);
    out << "Updated the baseline block of " << arguments.baselinePath << ": " << results.times.size()
        << " benchmarks. Review the diff before committing it.\n";
    return exitClean;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication application(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const Arguments arguments = parseArguments(QCoreApplication::arguments());
    if (!arguments.error.isEmpty()) {
        err << "iovplan-perfgate: " << arguments.error << '\n' << usage;
        return exitUsage;
    }
    return arguments.command == QLatin1String("compare") ? runCompare(arguments, out, err)
                                                         : runUpdate(arguments, out, err);
}
