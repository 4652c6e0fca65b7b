#include "perfgate/comparison.h"

#include <QHash>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <map>

namespace iovplan::perfgate {

namespace {

// Percent points below which a change counts as exactly the threshold: (12 - 10) / 10 × 100 is not
// exactly 20 in binary floating point.
constexpr double thresholdTolerancePercent = 1e-9;

QString optionalMilliseconds(const std::optional<double> &milliseconds)
{
    return milliseconds ? formatMilliseconds(*milliseconds) : QStringLiteral("-");
}

QString changeText(const std::optional<double> &percent)
{
    if (!percent)
        return QStringLiteral("-");
    // Rounded first, so that -0.01% prints as +0.0% rather than -0.0%.
    const double rounded = std::round(*percent * 10.0) / 10.0;
    return (rounded >= 0 ? QStringLiteral("+") : QString())
        + QString::number(rounded == 0 ? 0.0 : rounded, 'f', 1) + QLatin1Char('%');
}

// `name` as a POSIX extended regular expression that matches only itself: Google Benchmark's filter
// syntax. Names hold spaces, '/', ':', ',' and, in principle, any of the special characters.
QString literalPattern(const QString &name)
{
    static const QString special = QStringLiteral(".[]{}()\\*+?^$|");
    QString pattern;
    for (const QChar c : name) {
        if (special.contains(c))
            pattern += QLatin1Char('\\');
        pattern += c;
    }
    return pattern;
}

} // namespace

QString verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Ok:
        return QStringLiteral("ok");
    case Verdict::Regression:
        return QStringLiteral("REGRESSION");
    case Verdict::Faster:
        return QStringLiteral("faster");
    case Verdict::New:
        return QStringLiteral("new");
    case Verdict::Missing:
        return QStringLiteral("MISSING");
    case Verdict::Failed:
        return QStringLiteral("FAILED");
    case Verdict::Inaccurate:
        return QStringLiteral("INACCURATE");
    }
    return {};
}

bool failsGate(Verdict verdict)
{
    return verdict == Verdict::Regression || verdict == Verdict::Missing || verdict == Verdict::Failed
        || verdict == Verdict::Inaccurate;
}

Comparison compare(const Baseline &baseline, const BenchmarkResults &results, double thresholdPercent)
{
    Comparison comparison;
    comparison.thresholdPercent = thresholdPercent;
    QHash<QString, qsizetype> baselineIndex;
    for (qsizetype i = 0; i < baseline.entries.size(); ++i)
        baselineIndex.insert(benchmarkKey(baseline.entries.at(i).program, baseline.entries.at(i).benchmark), i);

    QHash<QString, bool> measured;
    for (const BenchmarkTime &time : results.times) {
        const QString key = benchmarkKey(time.program, time.benchmark);
        measured.insert(key, true);
        ComparisonRow row { time.program, time.benchmark, time.measure, {}, {}, {}, Verdict::Ok, {} };
        const auto found = baselineIndex.constFind(key);
        if (found != baselineIndex.constEnd())
            row.baselineMilliseconds = baseline.entries.at(*found).milliseconds;
        if (time.failed) {
            row.verdict = Verdict::Failed;
            row.detail
                = time.failure.isEmpty() ? QStringLiteral("error_occurred without a message") : time.failure;
            comparison.rows.append(row);
            continue;
        }
        row.nowMilliseconds = time.milliseconds;
        if (row.baselineMilliseconds && *row.baselineMilliseconds > 0)
            row.changePercent
                = (time.milliseconds - *row.baselineMilliseconds) / *row.baselineMilliseconds * 100.0;
        if (time.largestRelativeDifference && *time.largestRelativeDifference > accuracyLimit) {
            row.verdict = Verdict::Inaccurate;
            row.detail = QStringLiteral("largest relative difference %1 > %2")
                             .arg(QString::number(*time.largestRelativeDifference, 'g', 3),
                                 QString::number(accuracyLimit, 'g', 3));
        } else if (!row.baselineMilliseconds) {
            row.verdict = Verdict::New;
        } else if (row.changePercent && *row.changePercent > thresholdPercent + thresholdTolerancePercent) {
            row.verdict = Verdict::Regression;
        } else if (row.changePercent && *row.changePercent < -thresholdPercent - thresholdTolerancePercent) {
            row.verdict = Verdict::Faster;
        }
        comparison.rows.append(row);
    }
    for (const BaselineEntry &entry : baseline.entries) {
        if (measured.contains(benchmarkKey(entry.program, entry.benchmark)))
            continue;
        comparison.rows.append({ entry.program, entry.benchmark, entry.measure, entry.milliseconds, {}, {},
            Verdict::Missing, QStringLiteral("in the baseline but not measured (dropped or renamed?)") });
    }
    comparison.passed = std::none_of(comparison.rows.cbegin(), comparison.rows.cend(),
        [](const ComparisonRow &row) { return failsGate(row.verdict); });
    return comparison;
}

QList<RerunRequest> rerunRequests(const Comparison &comparison)
{
    QList<RerunRequest> requests;
    QHash<QString, QStringList> patternsOf;
    for (const ComparisonRow &row : comparison.rows) {
        if (row.verdict != Verdict::Regression)
            continue;
        if (!patternsOf.contains(row.program))
            requests.append({ row.program, {} });
        patternsOf[row.program].append(literalPattern(row.benchmark));
    }
    for (RerunRequest &request : requests)
        request.benchmarkFilter = QStringLiteral("^(%1)$").arg(patternsOf.value(request.program).join(QLatin1Char('|')));
    return requests;
}

QString renderComparison(const Comparison &comparison)
{
    const QStringList header = { QStringLiteral("program"), QStringLiteral("benchmark"),
        QStringLiteral("measure"), QStringLiteral("baseline ms"), QStringLiteral("now ms"),
        QStringLiteral("change"), QStringLiteral("verdict") };
    QList<QStringList> table { header };
    for (const ComparisonRow &row : comparison.rows) {
        table.append({ row.program, row.benchmark, row.measure,
            optionalMilliseconds(row.baselineMilliseconds), optionalMilliseconds(row.nowMilliseconds),
            changeText(row.changePercent), verdictName(row.verdict) });
    }
    QList<qsizetype> widths(header.size(), 0);
    for (const QStringList &cells : table) {
        for (qsizetype c = 0; c < cells.size(); ++c)
            widths[c] = std::max(widths[c], cells.at(c).size());
    }
    // Text columns left-aligned, figures right-aligned; the last column is not padded.
    const QList<bool> rightAligned = { false, false, false, true, true, true, false };
    QString out;
    for (const QStringList &cells : table) {
        QStringList padded;
        for (qsizetype c = 0; c < cells.size(); ++c) {
            const bool last = c + 1 == cells.size();
            padded.append(last           ? cells.at(c)
                    : rightAligned.at(c) ? cells.at(c).rightJustified(widths.at(c))
                                         : cells.at(c).leftJustified(widths.at(c)));
        }
        out += padded.join(QStringLiteral("  ")) + QLatin1Char('\n');
    }
    std::map<int, qsizetype> counts;
    for (const ComparisonRow &row : comparison.rows) {
        ++counts[static_cast<int>(row.verdict)];
        if (!row.detail.isEmpty())
            out += QStringLiteral("%1: %2 / %3: %4\n")
                       .arg(verdictName(row.verdict), row.program, row.benchmark, row.detail);
    }
    QStringList summary;
    for (const auto &[verdict, count] : counts)
        summary.append(QStringLiteral("%1 %2").arg(count).arg(verdictName(static_cast<Verdict>(verdict))));
    out += QStringLiteral("perfgate: %1 benchmarks (%2), threshold %3%: %4\n")
               .arg(comparison.rows.size())
               .arg(summary.join(QStringLiteral(", ")), QString::number(comparison.thresholdPercent, 'g', 6),
                   comparison.passed ? QStringLiteral("PASS") : QStringLiteral("FAIL"));
    return out;
}

} // namespace iovplan::perfgate
