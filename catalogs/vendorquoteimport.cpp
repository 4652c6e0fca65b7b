#include "vendorquoteimport.h"

#include "catalogfields.h"
#include "catalogvalidation.h"
#include "csvreader.h"
#include "sqlhelpers.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

namespace iovplan::catalogs {

namespace {

const QString kQuotePrefix = QStringLiteral("quote: ");

/// Column positions found in the header; -1 when absent.
struct QuoteColumns
{
    qsizetype id = -1;
    qsizetype partNumber = -1;
    qsizetype price = -1;
    qsizetype date = -1;
    qsizetype source = -1;
};

struct StoredPrice
{
    std::optional<double> priceUsd;
    QString priceDate;
    QString priceSource;
};

/// The catalog's ids and part numbers, read once for the whole file.
struct CatalogIndex
{
    QHash<QString, StoredPrice> prices;           // by id
    QHash<QString, QStringList> idsByPartNumber;  // part_number -> ids (case-insensitive key)
    QString error;
};

CatalogIndex readIndex(const QSqlDatabase &db)
{
    CatalogIndex index;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT id, part_number, price_usd, price_date, price_source FROM items ORDER BY rowid"))) {
        index.error = QStringLiteral("%1: cannot read the catalog: %2").arg(db.databaseName(), query.lastError().text());
        return index;
    }
    while (query.next()) {
        const QString id = query.value(0).toString();
        const QString part = query.value(1).toString().trimmed();
        StoredPrice price;
        if (!query.value(2).isNull())
            price.priceUsd = query.value(2).toDouble();
        price.priceDate = query.value(3).toString();
        price.priceSource = query.value(4).toString();
        index.prices.insert(id, price);
        if (!part.isEmpty())
            index.idsByPartNumber[part.toLower()] << id;
    }
    return index;
}

/// The item a row names, or "" with the reason in why.
QString resolveItem(const QStringList &fields, const QuoteColumns &columns, const CatalogIndex &index, QString &why)
{
    const QString id = columns.id >= 0 ? fields.at(columns.id).trimmed() : QString();
    const QString part = columns.partNumber >= 0 ? fields.at(columns.partNumber).trimmed() : QString();
    if (!id.isEmpty()) {
        if (!index.prices.contains(id))
            why = QStringLiteral("unknown id \"%1\": no such item in the catalog").arg(id);
        return why.isEmpty() ? id : QString();
    }
    if (part.isEmpty()) {
        why = QStringLiteral("neither id nor part_number is given");
        return {};
    }
    const QStringList ids = index.idsByPartNumber.value(part.toLower());
    if (ids.isEmpty())
        why = QStringLiteral("unknown part_number \"%1\": no catalog item has it").arg(part);
    else if (ids.size() > 1)
        why = QStringLiteral("part_number \"%1\" belongs to %2; give the id").arg(part, ids.join(u", "));
    return why.isEmpty() ? ids.constFirst() : QString();
}

/// The price source as stored: a quote reference becomes "quote: <reference>" so classifySource
/// accepts it as a named document; a source already in the catalog's form is kept.
QString storedSource(const QString &reference)
{
    return classifySource(reference) == SourceClass::Missing ? kQuotePrefix + reference : reference;
}

QString applyChanges(QSqlDatabase &db, const QList<QuotePriceChange> &changes)
{
    QSqlQuery update(db);
    if (!update.prepare(QStringLiteral("UPDATE items SET price_usd = :price, price_date = :date, price_source = :source, "
                                       "user_edited = CASE WHEN origin = 'shipped' THEN 1 ELSE 0 END WHERE id = :id")))
        return update.lastError().text();
    for (const QuotePriceChange &change : changes) {
        update.bindValue(QStringLiteral(":price"), change.newPriceUsd);
        update.bindValue(QStringLiteral(":date"), change.newPriceDate);
        update.bindValue(QStringLiteral(":source"), change.newPriceSource);
        update.bindValue(QStringLiteral(":id"), change.itemId);
        if (!update.exec())
            return QStringLiteral("line %1, item %2: %3").arg(change.line).arg(change.itemId, update.lastError().text());
        if (update.numRowsAffected() != 1)
            return QStringLiteral("line %1, item %2: the item is gone").arg(change.line).arg(change.itemId);
    }
    return {};
}

} // namespace

QStringList QuoteImportReport::messages() const
{
    QStringList lines;
    if (!error.isEmpty())
        lines << error;
    for (const QuoteRowRejection &rejection : rejected)
        lines << rejection.message();
    return lines;
}

QStringList vendorQuoteRequiredColumns()
{
    return {QStringLiteral("id|part_number"), QStringLiteral("price_usd"), QStringLiteral("price_date"),
            QStringLiteral("price_source")};
}

QuoteImportReport checkVendorQuote(QSqlDatabase db, const QByteArray &csv, const QString &fileName)
{
    QuoteImportReport report;
    if (csv.size() > kVendorQuoteMaxFileBytes) {
        report.error = QStringLiteral("%1: the file is %2 bytes, more than the limit of %3 bytes")
                           .arg(fileName)
                           .arg(csv.size())
                           .arg(kVendorQuoteMaxFileBytes);
        return report;
    }
    const CsvParseResult parsed = parseCsv(csv, fileName, CsvLimits{.maxRows = kVendorQuoteMaxRows});
    if (!parsed.error.isEmpty()) {
        report.error = parsed.error;
        return report;
    }
    if (parsed.records.isEmpty()) {
        report.error = QStringLiteral("%1:1: the file is empty; expected a header with id or part_number, price_usd, "
                                      "price_date, price_source").arg(fileName);
        return report;
    }
    const CsvRecord &header = parsed.records.constFirst();
    QStringList names;
    for (const QString &name : header.fields)
        names << name.trimmed().toLower();
    QuoteColumns columns;
    columns.id = names.indexOf(QStringLiteral("id"));
    columns.partNumber = names.indexOf(QStringLiteral("part_number"));
    columns.price = names.indexOf(QStringLiteral("price_usd"));
    columns.date = names.indexOf(QStringLiteral("price_date"));
    columns.source = names.indexOf(QStringLiteral("price_source"));
    QStringList absent;
    if (columns.id < 0 && columns.partNumber < 0)
        absent << QStringLiteral("id (or part_number)");
    if (columns.price < 0)
        absent << QStringLiteral("price_usd");
    if (columns.date < 0)
        absent << QStringLiteral("price_date");
    if (columns.source < 0)
        absent << QStringLiteral("price_source");
    if (!absent.isEmpty()) {
        report.error = QStringLiteral("%1:%2: the header lacks the column(s) %3")
                           .arg(fileName)
                           .arg(header.line)
                           .arg(absent.join(u", "));
        return report;
    }
    if (parsed.records.size() == 1) {
        report.error = QStringLiteral("%1: the quote has a header but no rows").arg(fileName);
        return report;
    }

    const CatalogIndex index = readIndex(db);
    if (!index.error.isEmpty()) {
        report.error = index.error;
        return report;
    }
    QHash<QString, int> firstLine; // item id -> line of its first row
    for (qsizetype r = 1; r < parsed.records.size(); ++r) {
        const CsvRecord &record = parsed.records.at(r);
        const auto reject = [&](const QString &reason) { report.rejected << QuoteRowRejection{fileName, record.line, reason}; };
        if (record.fields.size() != header.fields.size()) {
            reject(QStringLiteral("%1 fields, expected %2 as in the header").arg(record.fields.size()).arg(header.fields.size()));
            continue;
        }
        if (std::any_of(record.fields.cbegin(), record.fields.cend(),
                        [](const QString &f) { return f.contains(u'\n') || f.contains(u'\r'); })) {
            reject(QStringLiteral("a field contains a line break; quote rows are one line each"));
            continue;
        }
        QStringList reasons;
        QString why;
        const QString id = resolveItem(record.fields, columns, index, why);
        if (!why.isEmpty())
            reasons << why;
        const QString priceText = record.fields.at(columns.price).trimmed();
        const std::optional<double> price = parseCatalogNumber(priceText);
        if (!price)
            reasons << QStringLiteral("price_usd \"%1\" is not a finite number >= 0").arg(priceText);
        const QString date = record.fields.at(columns.date).trimmed();
        if (!isValidPriceDate(date))
            reasons << QStringLiteral("price_date \"%1\" is not YYYY-MM").arg(date);
        const QString reference = record.fields.at(columns.source).trimmed();
        if (reference.size() < 3)
            reasons << QStringLiteral("price_source (the quote reference) is %1")
                           .arg(reference.isEmpty() ? QStringLiteral("missing") : QStringLiteral("too short to identify the quote"));
        if (!id.isEmpty()) {
            const auto first = firstLine.constFind(id);
            if (first != firstLine.constEnd())
                reasons << QStringLiteral("duplicate row for item %1 (first at line %2)").arg(id).arg(*first);
            else
                firstLine.insert(id, record.line);
        }
        if (!reasons.isEmpty()) {
            reject((id.isEmpty() ? QString() : QStringLiteral("item %1: ").arg(id)) + reasons.join(QStringLiteral("; ")));
            continue;
        }
        const StoredPrice &before = index.prices[id];
        report.changes << QuotePriceChange{id, record.line, before.priceUsd, before.priceDate, before.priceSource,
                                           *price, date, storedSource(reference)};
    }
    return report;
}

QuoteImportReport importVendorQuote(QSqlDatabase db, const QByteArray &csv, const QString &fileName)
{
    QuoteImportReport report = checkVendorQuote(db, csv, fileName);
    if (!report.ok())
        return report;
    SqlTransaction transaction(db);
    QString why = transaction.startError();
    if (why.isEmpty())
        why = applyChanges(db, report.changes);
    if (why.isEmpty())
        why = transaction.commit();
    if (!why.isEmpty()) {
        report.error = QStringLiteral("%1: nothing was imported: %2").arg(fileName, why);
        return report; // the transaction rolled back every row
    }
    report.applied = static_cast<int>(report.changes.size());
    return report;
}

QuoteImportReport importVendorQuoteFile(QSqlDatabase db, const QString &path)
{
    if (const QFileInfo info(path); info.isFile() && info.size() > kVendorQuoteMaxFileBytes) {
        QuoteImportReport report;
        report.error = QStringLiteral("%1: the file is %2 bytes, more than the limit of %3 bytes")
                           .arg(path)
                           .arg(info.size())
                           .arg(kVendorQuoteMaxFileBytes);
        return report;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        QuoteImportReport report;
        report.error = QStringLiteral("%1: cannot read: %2").arg(path, file.errorString());
        return report;
    }
    // One byte past the limit is enough for checkVendorQuote to refuse a file that grew.
    return importVendorQuote(std::move(db), file.read(kVendorQuoteMaxFileBytes + 1), path);
}

} // namespace iovplan::catalogs
