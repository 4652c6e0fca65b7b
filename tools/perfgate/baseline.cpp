#include "perfgate/baseline.h"

#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace iovplan::perfgate {

namespace {

const QStringList tableHeader = { QStringLiteral("program"), QStringLiteral("benchmark"),
    QStringLiteral("measure"), QStringLiteral("baseline (ms)") };

// Where the block lies in the document: the bytes after the begin marker's line up to the end marker's
// line, and the 1-based line number of the first line inside.
struct BlockSpan
{
    qsizetype start = 0;
    qsizetype end = 0;
    int firstLine = 0;
    QString error;
};

BlockSpan findBlock(const QByteArray &markdown, const QString &fileName)
{
    BlockSpan span;
    int beginLine = 0, endLine = 0, lineNumber = 0;
    qsizetype lineStart = 0;
    while (lineStart < markdown.size()) {
        ++lineNumber;
        qsizetype lineEnd = markdown.indexOf('\n', lineStart);
        const qsizetype next = lineEnd < 0 ? markdown.size() : lineEnd + 1;
        if (lineEnd < 0)
            lineEnd = markdown.size();
        const QByteArray line = markdown.mid(lineStart, lineEnd - lineStart).trimmed();
        const auto where = [&](int at) -> QString {
            return fileName + QLatin1Char(':') + QString::number(at) + QStringLiteral(": ");
        };
        if (line == baselineBeginMarker) {
            if (beginLine != 0) {
                span.error = where(lineNumber)
                    + QStringLiteral("a second %1 (the first is on line %2)")
                          .arg(QLatin1String(baselineBeginMarker))
                          .arg(beginLine);
                return span;
            }
            beginLine = lineNumber;
            span.start = next;
            span.firstLine = lineNumber + 1;
        } else if (line == baselineEndMarker) {
            if (beginLine == 0) {
                span.error = where(lineNumber)
                    + QStringLiteral("%1 before any %2")
                          .arg(QLatin1String(baselineEndMarker), QLatin1String(baselineBeginMarker));
                return span;
            }
            if (endLine != 0) {
                span.error = where(lineNumber)
                    + QStringLiteral("a second %1 (the first is on line %2)")
                          .arg(QLatin1String(baselineEndMarker))
                          .arg(endLine);
                return span;
            }
            endLine = lineNumber;
            span.end = lineStart;
        }
        lineStart = next;
    }
    if (beginLine == 0 || endLine == 0) {
        span.error = fileName
            + QStringLiteral(": no baseline block: the lines %1 and %2 must both be present")
                  .arg(QLatin1String(baselineBeginMarker), QLatin1String(baselineEndMarker));
    }
    return span;
}

// Splits "| a | b\|c |" into its trimmed, unescaped cells; empty when the row is not closed by '|'.
struct Cells
{
    QStringList cells;
    bool closed = false;
};

Cells splitRow(const QString &line)
{
    Cells row;
    QString cell;
    bool escaped = false;
    // The leading '|' opens the first cell; each further unescaped '|' closes one.
    for (qsizetype i = 1; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (escaped) {
            cell += c;
            escaped = false;
        } else if (c == QLatin1Char('\\')) {
            escaped = true;
        } else if (c == QLatin1Char('|')) {
            row.cells.append(cell.trimmed());
            cell.clear();
        } else {
            cell += c;
        }
    }
    row.closed = !escaped && cell.trimmed().isEmpty() && !row.cells.isEmpty();
    return row;
}

QString escapeCell(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size());
    for (const QChar c : text) {
        if (c == QLatin1Char('|') || c == QLatin1Char('\\'))
            escaped += QLatin1Char('\\');
        escaped += c;
    }
    return escaped;
}

} // namespace

Baseline parseBaseline(const QByteArray &markdown, const QString &fileName)
{
    Baseline baseline;
    const BlockSpan span = findBlock(markdown, fileName);
    if (!span.error.isEmpty()) {
        baseline.error = span.error;
        return baseline;
    }
    const QStringList lines
        = QString::fromUtf8(markdown.mid(span.start, span.end - span.start)).split(QLatin1Char('\n'));
    static const QRegularExpression separatorCell(QStringLiteral("^:?-+:?$"));
    enum class Expect { Header, Separator, Rows } expect = Expect::Header;
    QHash<QString, int> seenOnLine;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNumber = span.firstLine + static_cast<int>(i);
        const QString line = lines.at(i).trimmed();
        if (!line.startsWith(QLatin1Char('|')))
            continue; // free text: the explanation and the machine line
        const auto fail = [&](const QString &what) {
            Baseline failed;
            failed.error
                = fileName + QLatin1Char(':') + QString::number(lineNumber) + QStringLiteral(": ") + what;
            return failed;
        };
        const Cells row = splitRow(line);
        if (!row.closed)
            return fail(QStringLiteral("a table row must end with an unescaped '|'"));
        switch (expect) {
        case Expect::Header:
            if (row.cells != tableHeader)
                return fail(QStringLiteral("expected the header \"| %1 |\"")
                                .arg(tableHeader.join(QStringLiteral(" | "))));
            expect = Expect::Separator;
            continue;
        case Expect::Separator:
            if (row.cells.size() != tableHeader.size()
                || !std::all_of(row.cells.cbegin(), row.cells.cend(),
                    [](const QString &cell) { return separatorCell.match(cell).hasMatch(); }))
                return fail(QStringLiteral("expected the separator row \"|---|---|---|---:|\""));
            expect = Expect::Rows;
            continue;
        case Expect::Rows:
            break;
        }
        if (row.cells.size() != tableHeader.size())
            return fail(QStringLiteral("expected 4 cells (program, benchmark, measure, baseline), found %1")
                            .arg(row.cells.size()));
        BaselineEntry entry { row.cells.at(0), row.cells.at(1), row.cells.at(2), 0 };
        if (entry.program.isEmpty() || entry.benchmark.isEmpty())
            return fail(QStringLiteral("the program and the benchmark must not be empty"));
        if (entry.measure != QLatin1String("cpu") && entry.measure != QLatin1String("real"))
            return fail(QStringLiteral("measure \"%1\" is neither \"cpu\" nor \"real\"").arg(entry.measure));
        const std::optional<double> milliseconds = parseNonNegativeNumber(row.cells.at(3));
        if (!milliseconds)
            return fail(QStringLiteral("baseline \"%1\" is not a non-negative number of milliseconds")
                            .arg(row.cells.at(3)));
        entry.milliseconds = *milliseconds;
        const QString key = benchmarkKey(entry.program, entry.benchmark);
        if (seenOnLine.contains(key))
            return fail(QStringLiteral("%1 / %2 is already on line %3")
                            .arg(entry.program, entry.benchmark)
                            .arg(seenOnLine.value(key)));
        seenOnLine.insert(key, lineNumber);
        baseline.entries.append(entry);
    }
    if (expect == Expect::Separator)
        baseline.error = fileName + QLatin1Char(':') + QString::number(span.firstLine)
            + QStringLiteral(": the baseline table has a header but no separator row");
    return baseline;
}

std::optional<double> parseNonNegativeNumber(const QString &text)
{
    QLocale plainNumbers = QLocale::c();
    plainNumbers.setNumberOptions(QLocale::RejectGroupSeparator);
    bool ok = false;
    const double number = plainNumbers.toDouble(text, &ok);
    if (!ok || !std::isfinite(number) || number < 0)
        return std::nullopt;
    return number;
}

QString formatMilliseconds(double milliseconds)
{
    if (!(milliseconds > 0) || !std::isfinite(milliseconds))
        return QStringLiteral("0");
    const int magnitude = static_cast<int>(std::floor(std::log10(milliseconds)));
    return QString::number(milliseconds, 'f', std::clamp(3 - magnitude, 0, 12));
}

QByteArray renderBaselineBlock(const BenchmarkResults &results)
{
    QString machine
        = QStringLiteral("Measured %1")
              .arg(results.machine.date.isEmpty() ? QStringLiteral("(date unknown)") : results.machine.date);
    if (results.machine.cpuCount > 0)
        machine += QStringLiteral(" on %1 CPUs").arg(results.machine.cpuCount);
    if (results.machine.mhzPerCpu > 0)
        machine += QStringLiteral(" at %1 MHz").arg(QString::number(results.machine.mhzPerCpu, 'f', 0));
    machine += QStringLiteral("; each figure is the minimum over the repetitions, in ms.");

    QString block = machine + QStringLiteral("\n\n| ") + tableHeader.join(QStringLiteral(" | "))
        + QStringLiteral(" |\n|---|---|---|---:|\n");
    for (const BenchmarkTime &time : results.times) {
        block += QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                     .arg(escapeCell(time.program), escapeCell(time.benchmark), time.measure,
                         formatMilliseconds(time.milliseconds));
    }
    block += QLatin1Char('\n');
    return block.toUtf8();
}

UpdatedDocument replaceBaselineBlock(
    const QByteArray &markdown, const QString &fileName, const QByteArray &block)
{
    const BlockSpan span = findBlock(markdown, fileName);
    if (!span.error.isEmpty())
        return { {}, span.error + QStringLiteral("; nothing was changed") };
    return { markdown.left(span.start) + block + markdown.mid(span.end), {} };
}

} // namespace iovplan::perfgate
