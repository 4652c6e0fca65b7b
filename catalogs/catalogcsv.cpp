#include "catalogcsv.h"

#include "catalogfields.h"
#include "catalogvalidation.h"
#include "csvreader.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>

namespace iovplan::catalogs {

namespace {

QString at(const QString &file, int line, const QString &message)
{
    return QStringLiteral("%1:%2: %3").arg(file).arg(line).arg(message);
}

bool hasLineBreak(const QStringList &fields)
{
    for (const QString &f : fields) {
        if (f.contains(u'\n') || f.contains(u'\r'))
            return true;
    }
    return false;
}

/// Checks the header and the shape of every record; returns the records after the header.
QList<CsvRecord> checkedRecords(const QByteArray &bytes, const QString &fileName, const QStringList &columns,
                                qsizetype maxRows, QStringList &errors)
{
    const CsvParseResult parsed = parseCsv(bytes, fileName, CsvLimits{.maxRows = maxRows});
    if (!parsed.error.isEmpty()) {
        errors << parsed.error;
        return {};
    }
    if (parsed.records.isEmpty()) {
        errors << at(fileName, 1, QStringLiteral("the file is empty; expected the header %1").arg(columns.join(u',')));
        return {};
    }
    const CsvRecord &header = parsed.records.constFirst();
    if (header.fields != columns) {
        errors << at(fileName, header.line,
                     QStringLiteral("the header must be exactly %1").arg(columns.join(u',')));
        return {};
    }
    QList<CsvRecord> rows;
    for (qsizetype i = 1; i < parsed.records.size(); ++i) {
        const CsvRecord &record = parsed.records.at(i);
        if (hasLineBreak(record.fields)) {
            errors << at(fileName, record.line,
                         QStringLiteral("a field contains a line break; catalog rows are one line each"));
            continue;
        }
        if (record.fields.size() != columns.size()) {
            errors << at(fileName, record.line,
                         QStringLiteral("%1 fields, expected %2 (%3)")
                             .arg(record.fields.size())
                             .arg(columns.size())
                             .arg(columns.join(u',')));
            continue;
        }
        rows << record;
    }
    return rows;
}

void addAll(QStringList &errors, const QString &file, int line, const QStringList &problems)
{
    for (const QString &problem : problems)
        errors << at(file, line, problem);
}

CatalogItemRow itemFromRecord(const CsvRecord &record, const QString &file, QStringList &errors)
{
    const QStringList &f = record.fields;
    CatalogItemRow item;
    item.id = f.at(0).trimmed();
    item.catalog = f.at(1).trimmed();
    item.kind = f.at(2).trimmed();
    item.vendor = f.at(3).trimmed();
    item.model = f.at(4).trimmed();
    item.partNumber = f.at(5).trimmed();
    item.description = f.at(6).trimmed();
    item.priceDate = f.at(8).trimmed();
    item.priceSource = f.at(9).trimmed();
    item.maintenanceSource = f.at(11).trimmed();
    item.file = file;
    item.line = record.line;
    const int line = record.line;
    addAll(errors, file, line, itemIdentityProblems(item));

    // Numbers that do not parse are reported as written; the rest of the price rules then run on a
    // stand-in value so one mistake gives one message.
    CatalogItemRow checked = item;
    item.priceUsd = parseCatalogNumber(f.at(7));
    checked.priceUsd = item.priceUsd.value_or(0.0);
    if (!item.priceUsd)
        errors << at(file, line, QStringLiteral("price_usd \"%1\" is not a number >= 0").arg(f.at(7)));
    const QString maintenance = f.at(10).trimmed();
    if (!maintenance.isEmpty()) {
        item.maintenancePctPerYear = parseCatalogNumber(maintenance);
        checked.maintenancePctPerYear = item.maintenancePctPerYear.value_or(0.0);
        if (!item.maintenancePctPerYear)
            errors << at(file, line,
                         QStringLiteral("maintenance_pct_per_year \"%1\" is not a number from 0 to 100").arg(maintenance));
    }
    addAll(errors, file, line, itemPriceProblems(checked));
    return item;
}

CatalogSpecRow specFromRecord(const CsvRecord &record, const QString &file, QStringList &errors)
{
    const QStringList &f = record.fields;
    CatalogSpecRow spec;
    spec.itemId = f.at(0).trimmed();
    spec.field = f.at(1).trimmed();
    spec.value = f.at(2).trimmed();
    spec.unit = f.at(3).trimmed();
    spec.source = f.at(4).trimmed();
    spec.file = file;
    spec.line = record.line;
    addAll(errors, file, record.line, specRowProblems(spec));
    return spec;
}

} // namespace

QStringList itemsCsvColumns()
{
    return QStringLiteral("id,catalog,kind,vendor,model,part_number,description,price_usd,price_date,price_source,"
                          "maintenance_pct_per_year,maintenance_source")
        .split(u',');
}

QStringList specsCsvColumns()
{
    return QStringLiteral("item_id,field,value,unit,source").split(u',');
}

QString shippedItemsCsvPath()
{
    return QStringLiteral(":/catalogs/data/items.csv");
}

QString shippedSpecsCsvPath()
{
    return QStringLiteral(":/catalogs/data/specs.csv");
}

CatalogCsvResult parseCatalogCsv(const QByteArray &itemsCsv, const QString &itemsFileName, const QByteArray &specsCsv,
                                 const QString &specsFileName, const CatalogCsvLimits &limits)
{
    CatalogCsvResult result;
    QStringList &errors = result.errors;
    // Refused before parsing: parsing holds every field of the file in memory at once.
    const auto tooLarge = [&](const QString &fileName, qint64 size) {
        if (size > limits.maxFileBytes)
            errors << QStringLiteral("%1: the file is %2 bytes, more than the limit of %3 bytes")
                          .arg(fileName)
                          .arg(size)
                          .arg(limits.maxFileBytes);
    };
    tooLarge(itemsFileName, itemsCsv.size());
    tooLarge(specsFileName, specsCsv.size());
    if (!errors.isEmpty())
        return result;

    QHash<QString, qsizetype> itemIndex;
    for (const CsvRecord &record : checkedRecords(itemsCsv, itemsFileName, itemsCsvColumns(), limits.maxItemRows, errors)) {
        CatalogItemRow item = itemFromRecord(record, itemsFileName, errors);
        const auto previous = itemIndex.constFind(item.id);
        if (previous != itemIndex.constEnd()) {
            errors << at(itemsFileName, record.line,
                         QStringLiteral("duplicate id \"%1\" (first at line %2)")
                             .arg(item.id)
                             .arg(result.rows.items.at(*previous).line));
            continue;
        }
        itemIndex.insert(item.id, result.rows.items.size());
        result.rows.items << item;
    }

    QHash<QString, int> firstLineOfField; // "item|field" -> line
    QHash<QString, QStringList> fieldsOfItem, valuesOfItem;
    for (const CsvRecord &record : checkedRecords(specsCsv, specsFileName, specsCsvColumns(), limits.maxSpecRows, errors)) {
        CatalogSpecRow spec = specFromRecord(record, specsFileName, errors);
        if (!itemIndex.contains(spec.itemId)) {
            errors << at(specsFileName, record.line, QStringLiteral("item_id \"%1\" is not in %2").arg(spec.itemId, itemsFileName));
            continue;
        }
        const QString key = spec.itemId + u'|' + spec.field;
        if (firstLineOfField.contains(key)) {
            errors << at(specsFileName, record.line,
                         QStringLiteral("%1 of %2 is given twice (first at line %3)")
                             .arg(spec.field, spec.itemId)
                             .arg(firstLineOfField.value(key)));
            continue;
        }
        firstLineOfField.insert(key, record.line);
        const SpecFieldDefinition *definition = findSpecField(spec.field);
        if (definition && definition->type == SpecType::ItemRef && !itemIndex.contains(spec.value))
            errors << at(specsFileName, record.line, QStringLiteral("%1 \"%2\" is not an item id").arg(spec.field, spec.value));
        fieldsOfItem[spec.itemId] << spec.field;
        valuesOfItem[spec.itemId] << spec.value;
        result.rows.specs << spec;
    }

    // Required fields per kind: reported at the item's line in items.csv.
    for (const CatalogItemRow &item : std::as_const(result.rows.items)) {
        const QStringList missing = requiredSpecsMissing(item.kind, fieldsOfItem.value(item.id), valuesOfItem.value(item.id));
        if (!missing.isEmpty())
            errors << at(itemsFileName, item.line,
                         QStringLiteral("%1 %2 lacks the spec fields %3 in %4")
                             .arg(item.kind, item.id, missing.join(u", "), specsFileName));
    }
    if (!errors.isEmpty())
        result.rows = {};
    return result;
}

CatalogCsvResult readCatalogCsv(const QString &itemsPath, const QString &specsPath, const CatalogCsvLimits &limits)
{
    CatalogCsvResult result;
    QByteArray contents[2];
    const QString paths[2] = {itemsPath, specsPath};
    for (int i = 0; i < 2; ++i) {
        if (const QFileInfo info(paths[i]); info.isFile() && info.size() > limits.maxFileBytes) {
            result.errors << QStringLiteral("%1: the file is %2 bytes, more than the limit of %3 bytes")
                                 .arg(paths[i])
                                 .arg(info.size())
                                 .arg(limits.maxFileBytes);
            continue;
        }
        QFile file(paths[i]);
        if (!file.open(QIODevice::ReadOnly)) {
            result.errors << QStringLiteral("%1: cannot read: %2").arg(paths[i], file.errorString());
            continue;
        }
        // One byte past the limit is enough for parseCatalogCsv to refuse a file that grew.
        contents[i] = file.read(limits.maxFileBytes + 1);
    }
    if (!result.errors.isEmpty())
        return result;
    return parseCatalogCsv(contents[0], itemsPath, contents[1], specsPath, limits);
}

} // namespace iovplan::catalogs
