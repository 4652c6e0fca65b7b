#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace iovplan::catalogs {

/// One CSV record and the 1-based line of the file on which it starts.
struct CsvRecord
{
    int line = 0;
    QStringList fields;
};

/// The records of a CSV file, or the first syntax error (naming file and line) and no records.
struct CsvParseResult
{
    QList<CsvRecord> records;
    QString error;
};

/// Bounds that keep parsing a hostile file bounded in memory: checked while reading, so parsing
/// stops at the first record past a limit (docs/limits.md).
struct CsvLimits
{
    qsizetype maxRows = 1000000; ///< records below the header line (the first record)
    qsizetype maxFieldsPerRecord = 256; ///< catalog files have 5 or 12 columns, quotes a few more
};

/// Parses RFC 4180 CSV from UTF-8 bytes: comma separated, fields optionally enclosed in double quotes,
/// a doubled quote inside a quoted field stands for one quote, CRLF or LF line ends, quoted fields may
/// span lines (callers that want one record per line check the fields themselves). A UTF-8 byte-order
/// mark is skipped; empty lines are skipped. fileName only labels the errors ("items.csv:12: ...").
/// A file with more records or fields than `limits` allows is an error naming the line and the limit.
[[nodiscard]] CsvParseResult parseCsv(const QByteArray &utf8, const QString &fileName, const CsvLimits &limits = {});

} // namespace iovplan::catalogs
