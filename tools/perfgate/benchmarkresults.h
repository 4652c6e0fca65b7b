#pragma once
// Reads the JSON that Google Benchmark writes with --benchmark_out_format=json (and bench_octave --json,
// which writes the same shape) into one time per benchmark: the minimum over repetitions, in ms.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace iovplan::perfgate {

/// One benchmark's result from one program: the fastest repetition, or why it failed.
struct BenchmarkTime
{
    QString program; ///< base name of context.executable, e.g. "bench_queueing"
    QString benchmark; ///< Google Benchmark's row name, e.g. "solve/end to end/2"
    QString measure; ///< "real" for /manual_time and /real_time rows, else "cpu"
    double milliseconds = 0; ///< minimum over the repetitions of the measured time
    int repetitions = 0; ///< rows of run_type "iteration" seen for this name
    bool failed = false; ///< a repetition reported error_occurred
    QString failure; ///< its error_message
    /// bench_octave's largest relative difference to Octave (the maximum over repetitions), if given.
    std::optional<double> largestRelativeDifference;
};

/// The machine the results were measured on (from the JSON context; any part may be missing).
struct MachineContext
{
    QString date;
    int cpuCount = 0;
    double mhzPerCpu = 0;
};

/// Everything read from one or more result files. `error` is "FILE: what is wrong" or empty.
struct BenchmarkResults
{
    QList<BenchmarkTime> times; ///< in the order the benchmarks first appear
    MachineContext machine; ///< from the first file that names a date
    QString error;
};

/// Parses one file's JSON text; `fileName` only names the file in errors.
[[nodiscard]] BenchmarkResults parseBenchmarkResults(const QByteArray &json, const QString &fileName);

/// Reads and merges several result files (the same program and benchmark twice keeps the minimum).
[[nodiscard]] BenchmarkResults readBenchmarkResults(const QStringList &paths);

/// One benchmark's identity across result files and the baseline: program and row name ('\n' cannot
/// occur in either).
[[nodiscard]] QString benchmarkKey(const QString &program, const QString &benchmark);

/// "real" when Google Benchmark's name suffix says wall-clock time was measured, else "cpu".
[[nodiscard]] QString measureOf(const QString &benchmarkName);

} // namespace iovplan::perfgate
