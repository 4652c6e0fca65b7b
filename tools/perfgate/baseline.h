#pragma once
// The baseline block of docs/PERFORMANCE.md: the figures the gate compares against, kept as a Markdown
// table between two marker lines so people read them where the other figures are.
//
//   <!-- perf-baseline:begin -->
//   (free text: one explanation line, one "Measured ..." line)
//   | program | benchmark | measure | baseline (ms) |
//   |---|---|---|---:|
//   | bench_queueing | solve/end to end/0 | cpu | 0.5912 |
//   <!-- perf-baseline:end -->
//
// Cells escape '|' as "\|" and '\' as "\\". Lines inside the block that do not start with '|' are free
// text; every table line must be the header, the separator or a data row.

#include "perfgate/benchmarkresults.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace iovplan::perfgate {

/// The two marker lines (without their line ends).
inline constexpr char baselineBeginMarker[] = "<!-- perf-baseline:begin -->";
inline constexpr char baselineEndMarker[] = "<!-- perf-baseline:end -->";

/// One recorded figure.
struct BaselineEntry
{
    QString program;
    QString benchmark;
    QString measure; ///< "cpu" or "real"
    double milliseconds = 0;
};

/// The parsed block. `error` is "FILE:LINE: what is wrong" (or "FILE: ..." for missing markers).
struct Baseline
{
    QList<BaselineEntry> entries;
    QString error;
};

/// Parses the block out of the whole Markdown document; `fileName` only names the file in errors.
[[nodiscard]] Baseline parseBaseline(const QByteArray &markdown, const QString &fileName);

/// The block's lines between the markers (markers excluded), each ending in '\n', for these results.
[[nodiscard]] QByteArray renderBaselineBlock(const BenchmarkResults &results);

/// A document with its block replaced, or why it could not be (`error`: "FILE: ...").
struct UpdatedDocument
{
    QByteArray markdown;
    QString error;
};

/// Replaces what lies between the marker lines by `block`; every byte outside stays as it was.
[[nodiscard]] UpdatedDocument replaceBaselineBlock(
    const QByteArray &markdown, const QString &fileName, const QByteArray &block);

/// A finite, non-negative number written plainly ("12.5"; never "1,200", which the C locale would read
/// as 1200), or nothing.
[[nodiscard]] std::optional<double> parseNonNegativeNumber(const QString &text);

/// The figure as the table spells it: four significant digits, never in exponent notation.
[[nodiscard]] QString formatMilliseconds(double milliseconds);

} // namespace iovplan::perfgate
