#include "perfgate/benchmarkresults.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <algorithm>
#include <cmath>

namespace iovplan::perfgate {

namespace {

// Milliseconds per unit of Google Benchmark's time_unit.
std::optional<double> millisecondsPer(const QString &unit)
{
    if (unit == QLatin1String("ns"))
        return 1e-6;
    if (unit == QLatin1String("us"))
        return 1e-3;
    if (unit == QLatin1String("ms"))
        return 1.0;
    if (unit == QLatin1String("s"))
        return 1e3;
    return std::nullopt;
}

// Folds `next` into `into` (same program and benchmark): fastest time, any failure, worst accuracy.
void merge(BenchmarkTime &into, const BenchmarkTime &next)
{
    if (into.repetitions == 0 || next.milliseconds < into.milliseconds)
        into.milliseconds = next.milliseconds;
    if (next.failed && !into.failed) {
        into.failed = true;
        into.failure = next.failure;
    }
    if (next.largestRelativeDifference)
        into.largestRelativeDifference
            = std::max(into.largestRelativeDifference.value_or(0.0), *next.largestRelativeDifference);
    into.repetitions += next.repetitions;
}

// Appends `time` to `results`, or merges it into the entry of the same key.
void add(BenchmarkResults &results, QHash<QString, qsizetype> &index, const BenchmarkTime &time)
{
    const QString key = benchmarkKey(time.program, time.benchmark);
    const auto found = index.constFind(key);
    if (found == index.constEnd()) {
        index.insert(key, results.times.size());
        results.times.append(time);
    } else {
        merge(results.times[*found], time);
    }
}

// A finite, non-negative number under `key`, or the reason there is none.
struct NumberField
{
    double value = 0;
    QString error;
};

NumberField numberField(const QJsonObject &row, const QString &key)
{
    const QJsonValue value = row.value(key);
    if (value.isUndefined())
        return { 0, QStringLiteral("missing \"%1\"").arg(key) };
    if (!value.isDouble())
        return { 0, QStringLiteral("\"%1\" is not a number").arg(key) };
    const double number = value.toDouble();
    if (!std::isfinite(number) || number < 0)
        return { 0, QStringLiteral("\"%1\" is negative or not finite").arg(key) };
    return { number, {} };
}

} // namespace

QString benchmarkKey(const QString &program, const QString &benchmark)
{
    return program + QLatin1Char('\n') + benchmark;
}

QString measureOf(const QString &benchmarkName)
{
    return benchmarkName.contains(QLatin1String("/manual_time"))
            || benchmarkName.contains(QLatin1String("/real_time"))
        ? QStringLiteral("real")
        : QStringLiteral("cpu");
}

BenchmarkResults parseBenchmarkResults(const QByteArray &json, const QString &fileName)
{
    BenchmarkResults results;
    const auto fail = [&](const QString &what) {
        BenchmarkResults failed;
        failed.error = fileName + QStringLiteral(": ") + what;
        return failed;
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(QStringLiteral("not valid JSON at byte %1: %2")
                        .arg(parseError.offset)
                        .arg(parseError.errorString()));
    if (!document.isObject())
        return fail(QStringLiteral("the top level is not a JSON object"));
    const QJsonObject top = document.object();
    if (!top.value(QLatin1String("context")).isObject())
        return fail(QStringLiteral("missing object \"context\""));
    const QJsonObject context = top.value(QLatin1String("context")).toObject();
    const QString executable = context.value(QLatin1String("executable")).toString();
    if (executable.isEmpty())
        return fail(QStringLiteral("missing string \"context.executable\""));
    const QString program = QFileInfo(executable).fileName();
    results.machine.date = context.value(QLatin1String("date")).toString();
    results.machine.cpuCount = context.value(QLatin1String("num_cpus")).toInt();
    results.machine.mhzPerCpu = context.value(QLatin1String("mhz_per_cpu")).toDouble();
    if (!top.value(QLatin1String("benchmarks")).isArray())
        return fail(QStringLiteral("missing array \"benchmarks\""));
    const QJsonArray rows = top.value(QLatin1String("benchmarks")).toArray();

    QHash<QString, qsizetype> index;
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QString where = QStringLiteral("benchmarks[%1]").arg(i);
        if (!rows.at(i).isObject())
            return fail(where + QStringLiteral(": not an object"));
        const QJsonObject row = rows.at(i).toObject();
        const QString name = row.value(QLatin1String("name")).toString();
        if (name.isEmpty())
            return fail(where + QStringLiteral(": missing string \"name\""));
        const QString named = where + QStringLiteral(" \"") + name + QStringLiteral("\": ");
        const QString runType = row.value(QLatin1String("run_type")).toString();
        if (runType == QLatin1String("aggregate"))
            continue; // mean, median, stddev, BigO, RMS: computed from the repetitions we read ourselves
        if (runType != QLatin1String("iteration"))
            return fail(
                named + QStringLiteral("\"run_type\" is missing or neither \"iteration\" nor \"aggregate\""));

        BenchmarkTime time;
        time.program = program;
        time.benchmark = name;
        time.measure = measureOf(name);
        time.repetitions = 1;
        if (row.value(QLatin1String("error_occurred")).toBool()) {
            time.failed = true;
            time.failure = row.value(QLatin1String("error_message")).toString();
            add(results, index, time);
            continue; // a failed run's times mean nothing
        }
        const NumberField measured = numberField(row,
            time.measure == QLatin1String("real") ? QStringLiteral("real_time") : QStringLiteral("cpu_time"));
        if (!measured.error.isEmpty())
            return fail(named + measured.error);
        const QString unit = row.value(QLatin1String("time_unit")).toString();
        const auto perUnit = millisecondsPer(unit);
        if (!perUnit)
            return fail(named + QStringLiteral("\"time_unit\" is missing or not one of ns, us, ms, s"));
        time.milliseconds = measured.value * *perUnit;
        if (row.contains(QLatin1String("largest_relative_difference"))) {
            const NumberField difference = numberField(row, QStringLiteral("largest_relative_difference"));
            if (!difference.error.isEmpty())
                return fail(named + difference.error);
            time.largestRelativeDifference = difference.value;
        }
        add(results, index, time);
    }
    if (results.times.isEmpty())
        return fail(QStringLiteral("no benchmark rows of run_type \"iteration\""));
    return results;
}

BenchmarkResults readBenchmarkResults(const QStringList &paths)
{
    BenchmarkResults merged;
    QHash<QString, qsizetype> index;
    for (const QString &path : paths) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            merged.error = path + QStringLiteral(": cannot read: ") + file.errorString();
            return merged;
        }
        const BenchmarkResults one = parseBenchmarkResults(file.readAll(), path);
        if (!one.error.isEmpty())
            return one;
        if (merged.machine.date.isEmpty())
            merged.machine = one.machine;
        for (const BenchmarkTime &time : one.times)
            add(merged, index, time);
    }
    return merged;
}

} // namespace iovplan::perfgate
