#include "csvreader.h"

namespace iovplan::catalogs {

namespace {

QString located(const QString &fileName, int line, const QString &message)
{
    return QStringLiteral("%1:%2: %3").arg(fileName).arg(line).arg(message);
}

bool isBlankRecord(const QStringList &fields)
{
    return fields.size() == 1 && fields.constFirst().isEmpty();
}

} // namespace

CsvParseResult parseCsv(const QByteArray &utf8, const QString &fileName, const CsvLimits &limits)
{
    CsvParseResult result;
    QString text = QString::fromUtf8(utf8);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    if (utf8.contains('\0')) {
        result.error = located(fileName, 1, QStringLiteral("the file contains NUL bytes; is it CSV text?"));
        return result;
    }

    int line = 1;            // line of the character being read
    int recordLine = 1;      // line on which the current record started
    QStringList fields;
    QString field;
    bool inQuotes = false;
    bool fieldWasQuoted = false;
    bool afterClosingQuote = false;

    QString limitError; // set by endRecord or endField when a limit is passed
    const auto endField = [&] {
        fields.append(field);
        field.clear();
        fieldWasQuoted = false;
        afterClosingQuote = false;
        if (fields.size() > limits.maxFieldsPerRecord && limitError.isEmpty())
            limitError = located(fileName, recordLine,
                                 QStringLiteral("more than %1 fields in one row, the limit").arg(limits.maxFieldsPerRecord));
    };
    const auto endRecord = [&] {
        endField();
        if (!isBlankRecord(fields))
            result.records.append(CsvRecord{recordLine, fields});
        fields.clear();
        if (result.records.size() > limits.maxRows + 1 && limitError.isEmpty())
            limitError = located(fileName, recordLine,
                                 QStringLiteral("more than %1 rows below the header, the limit").arg(limits.maxRows));
    };
    const auto failed = [&](const QString &error) {
        result.records.clear();
        result.error = error;
        return result;
    };

    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        if (!limitError.isEmpty())
            return failed(limitError);
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == u'"') {
                if (i + 1 < size && text.at(i + 1) == u'"') {
                    field.append(u'"');
                    ++i;
                } else {
                    inQuotes = false;
                    afterClosingQuote = true;
                }
            } else {
                if (c == u'\n')
                    ++line;
                field.append(c);
            }
            continue;
        }
        if (c == u',') {
            endField();
        } else if (c == u'\r' && i + 1 < size && text.at(i + 1) == u'\n') {
            continue; // CRLF: the LF ends the record
        } else if (c == u'\n') {
            endRecord();
            ++line;
            recordLine = line;
        } else if (afterClosingQuote) {
            result.records.clear();
            result.error = located(fileName, line, QStringLiteral("text after the closing quote of a field"));
            return result;
        } else if (c == u'"') {
            if (!field.isEmpty() || fieldWasQuoted) {
                result.records.clear();
                result.error = located(fileName, line,
                                       QStringLiteral("a quote inside an unquoted field (enclose the field in quotes "
                                                      "and double the quote)"));
                return result;
            }
            inQuotes = true;
            fieldWasQuoted = true;
        } else {
            field.append(c);
        }
    }
    if (inQuotes) {
        result.records.clear();
        result.error = located(fileName, recordLine, QStringLiteral("a quoted field is not closed before the end of the file"));
        return result;
    }
    if (!field.isEmpty() || !fields.isEmpty() || fieldWasQuoted)
        endRecord();
    if (!limitError.isEmpty())
        return failed(limitError);
    return result;
}

} // namespace iovplan::catalogs
