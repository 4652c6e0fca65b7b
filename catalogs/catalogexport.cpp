#include "catalogexport.h"

#include "model/io/atomicfile.h"

#include "catalogcsv.h"

#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace iovplan::catalogs {

namespace {

QString optionalNumber(const QVariant &value)
{
    return value.isNull() ? QString() : catalogNumberText(value.toDouble());
}

QByteArray csvLine(const QStringList &fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &field : fields)
        quoted << csvField(field);
    return quoted.join(u',').toUtf8() + '\n';
}

} // namespace

QString csvField(const QString &text)
{
    const bool needsQuotes = text.contains(u',') || text.contains(u'"') || text.contains(u'\n') || text.contains(u'\r')
                             || (!text.isEmpty() && (text.front().isSpace() || text.back().isSpace()));
    if (!needsQuotes)
        return text;
    QString escaped = text;
    escaped.replace(u'"', QStringLiteral("\"\""));
    return u'"' + escaped + u'"';
}

QString catalogNumberText(double value)
{
    return QString::number(value, 'f', QLocale::FloatingPointShortest);
}

CatalogCsvExport exportCatalogCsv(QSqlDatabase db, const QString &catalog, bool includeRetired)
{
    CatalogCsvExport result;
    // One filter for both tables; the catalog name is bound, never spliced into the SQL.
    const QString where = QStringLiteral(" WHERE (:catalog = '' OR i.catalog = :catalog) AND (:all = 1 OR i.retired = 0)");
    QSqlQuery items(db);
    items.prepare(QStringLiteral("SELECT i.id, i.catalog, i.kind, i.vendor, i.model, i.part_number, i.description, "
                                 "i.price_usd, i.price_date, i.price_source, i.maintenance_pct_per_year, "
                                 "i.maintenance_source FROM items i")
                  + where + QStringLiteral(" ORDER BY i.rowid"));
    QSqlQuery specs(db);
    specs.prepare(QStringLiteral("SELECT s.item_id, s.field, s.value, s.unit, s.source FROM item_specs s "
                                 "JOIN items i ON i.id = s.item_id")
                  + where + QStringLiteral(" ORDER BY i.rowid, s.rowid"));
    for (QSqlQuery *query : {&items, &specs}) {
        query->bindValue(QStringLiteral(":catalog"), catalog.isNull() ? QStringLiteral("") : catalog);
        query->bindValue(QStringLiteral(":all"), includeRetired ? 1 : 0);
        if (!query->exec()) {
            result.error = QStringLiteral("%1: cannot read the catalog: %2").arg(db.databaseName(), query->lastError().text());
            return result;
        }
    }
    result.itemsCsv = csvLine(itemsCsvColumns());
    while (items.next()) {
        QStringList row;
        for (int column = 0; column < 12; ++column) {
            const bool number = column == 7 || column == 10;
            row << (number ? optionalNumber(items.value(column)) : items.value(column).toString());
        }
        result.itemsCsv += csvLine(row);
        ++result.items;
    }
    result.specsCsv = csvLine(specsCsvColumns());
    while (specs.next()) {
        result.specsCsv += csvLine({specs.value(0).toString(), specs.value(1).toString(), specs.value(2).toString(),
                                    specs.value(3).toString(), specs.value(4).toString()});
        ++result.specs;
    }
    return result;
}

QString writeCatalogCsvFiles(const CatalogCsvExport &exported, const QString &itemsPath, const QString &specsPath)
{
    if (!exported.ok())
        return exported.error;
    for (const auto &[path, bytes] : {std::pair{itemsPath, exported.itemsCsv}, std::pair{specsPath, exported.specsCsv}}) {
        if (QString error = io::writeFileAtomically(path, bytes); !error.isEmpty())
            return error;
    }
    return {};
}

} // namespace iovplan::catalogs
