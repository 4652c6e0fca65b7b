#pragma once
// Compares measured benchmark times with the baseline and gives each benchmark a verdict.

#include "perfgate/baseline.h"
#include "perfgate/benchmarkresults.h"

#include <QList>
#include <QString>

#include <optional>

namespace iovplan::perfgate {

/// bench_octave's results must stay equal to Octave's: a larger relative difference fails the gate.
inline constexpr double accuracyLimit = 1e-9;

/// What became of one benchmark. The upper-case ones fail the gate.
enum class Verdict {
    Ok, ///< within the threshold either way
    Regression, ///< slower than the baseline by more than the threshold
    Faster, ///< faster than the baseline by more than the threshold (consider --update)
    New, ///< measured, not in the baseline
    Missing, ///< in the baseline, not measured: dropped or renamed
    Failed, ///< the benchmark reported an error
    Inaccurate, ///< bench_octave's largest relative difference exceeds accuracyLimit
};

/// The word printed for a verdict: ok, REGRESSION, faster, new, MISSING, FAILED, INACCURATE.
[[nodiscard]] QString verdictName(Verdict verdict);

/// Whether a verdict fails the gate.
[[nodiscard]] bool failsGate(Verdict verdict);

/// One row of the comparison.
struct ComparisonRow
{
    QString program;
    QString benchmark;
    QString measure;
    std::optional<double> baselineMilliseconds; ///< absent for new benchmarks
    std::optional<double> nowMilliseconds; ///< absent for missing and failed ones
    std::optional<double>
        changePercent; ///< (now - baseline) / baseline × 100, when both exist and baseline > 0
    Verdict verdict = Verdict::Ok;
    QString detail; ///< the error message of a failed row, the difference of an inaccurate one
};

/// The whole comparison: measured benchmarks in their order, then the missing ones.
struct Comparison
{
    QList<ComparisonRow> rows;
    double thresholdPercent = 20;
    bool passed = true; ///< no row fails the gate
};

/// Compares `results` with `baseline`. Slower by more than `thresholdPercent` is a regression; exactly
/// the threshold is not.
[[nodiscard]] Comparison compare(
    const Baseline &baseline, const BenchmarkResults &results, double thresholdPercent);

/// A program whose benchmarks regressed, and a Google Benchmark filter that selects exactly those rows.
struct RerunRequest
{
    QString program;
    QString benchmarkFilter; ///< "^(name1|name2)$", POSIX extended syntax with the names escaped
};

/// One request per program with REGRESSION rows, in the comparison's order: the script runs each again,
/// alone in a fresh process, to confirm (a benchmark's figure can depend on what ran before it).
[[nodiscard]] QList<RerunRequest> rerunRequests(const Comparison &comparison);

/// The comparison as aligned plain-text columns, failure details and a summary line.
[[nodiscard]] QString renderComparison(const Comparison &comparison);

} // namespace iovplan::perfgate
