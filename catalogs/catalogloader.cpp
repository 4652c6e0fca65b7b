#include "catalogloader.h"

#include "catalogcsv.h"
#include "catalogschema.h"
#include "sqlhelpers.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace iovplan::catalogs {

namespace {

QString rowLabel(const QString &file, int line, const QString &what)
{
    return QStringLiteral("%1:%2: %3").arg(file).arg(line).arg(what);
}

/// The statements of one load, prepared once and bound per row.
struct LoadStatements
{
    QSqlQuery upsertItem;
    QSqlQuery upsertSpec;
    QString error;

    explicit LoadStatements(const QSqlDatabase &db)
        : upsertItem(db)
        , upsertSpec(db)
    {
        // The WHERE of DO UPDATE keeps what the user owns or edited: changes() is 0 for those rows.
        const bool itemOk = upsertItem.prepare(QStringLiteral(
            "INSERT INTO items (id, catalog, kind, vendor, model, part_number, description, price_usd, price_date, "
            "price_source, maintenance_pct_per_year, maintenance_source, origin, user_edited, retired, shipped_revision) "
            "VALUES (:id, :catalog, :kind, :vendor, :model, :part_number, :description, :price_usd, :price_date, "
            ":price_source, :maintenance_pct, :maintenance_source, 'shipped', 0, 0, :revision) "
            "ON CONFLICT(id) DO UPDATE SET catalog = excluded.catalog, kind = excluded.kind, vendor = excluded.vendor, "
            "model = excluded.model, part_number = excluded.part_number, description = excluded.description, "
            "price_usd = excluded.price_usd, price_date = excluded.price_date, price_source = excluded.price_source, "
            "maintenance_pct_per_year = excluded.maintenance_pct_per_year, "
            "maintenance_source = excluded.maintenance_source, shipped_revision = excluded.shipped_revision "
            "WHERE items.origin = 'shipped' AND items.user_edited = 0"));
        if (!itemOk) {
            error = upsertItem.lastError().text();
            return;
        }
        const bool specOk = upsertSpec.prepare(QStringLiteral(
            "INSERT INTO item_specs (item_id, field, value, numeric_value, unit, source, origin, user_edited) "
            "VALUES (:item_id, :field, :value, :numeric_value, :unit, :source, 'shipped', 0) "
            "ON CONFLICT(item_id, field) DO UPDATE SET value = excluded.value, numeric_value = excluded.numeric_value, "
            "unit = excluded.unit, source = excluded.source "
            "WHERE item_specs.origin = 'shipped' AND item_specs.user_edited = 0"));
        if (!specOk)
            error = upsertSpec.lastError().text();
    }
};

QString writeRows(QSqlDatabase &db, const CatalogRows &rows, const QString &revision, CatalogLoadResult &result)
{
    LoadStatements statements(db);
    if (!statements.error.isEmpty())
        return QStringLiteral("cannot prepare the catalog statements: %1").arg(statements.error);

    QSet<QString> written;
    QSqlQuery &item = statements.upsertItem;
    for (const CatalogItemRow &row : rows.items) {
        bindItemColumns(item, row);
        item.bindValue(QStringLiteral(":revision"), revision);
        if (!item.exec())
            return rowLabel(row.file, row.line, QStringLiteral("item %1 rejected by the database: %2").arg(row.id, item.lastError().text()));
        if (item.numRowsAffected() > 0) {
            written.insert(row.id);
            ++result.itemsWritten;
        } else {
            ++result.itemsKept;
        }
    }

    QSqlQuery &spec = statements.upsertSpec;
    for (const CatalogSpecRow &row : rows.specs) {
        if (!written.contains(row.itemId))
            continue; // the user owns or edited this item: its specs are theirs too
        spec.bindValue(QStringLiteral(":item_id"), sqlText(row.itemId));
        spec.bindValue(QStringLiteral(":field"), sqlText(row.field));
        spec.bindValue(QStringLiteral(":value"), sqlText(row.value));
        spec.bindValue(QStringLiteral(":numeric_value"), sqlOptional(row.numericValue));
        spec.bindValue(QStringLiteral(":unit"), sqlText(row.unit));
        spec.bindValue(QStringLiteral(":source"), sqlText(row.source));
        if (!spec.exec())
            return rowLabel(row.file, row.line,
                            QStringLiteral("%1 of %2 rejected by the database: %3").arg(row.field, row.itemId, spec.lastError().text()));
        if (spec.numRowsAffected() > 0)
            ++result.specsWritten;
    }

    QSqlQuery meta(db);
    if (!meta.prepare(QStringLiteral("INSERT INTO catalog_meta (key, value) VALUES ('shipped_revision', :revision) "
                                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value")))
        return meta.lastError().text();
    meta.bindValue(QStringLiteral(":revision"), revision);
    if (!meta.exec())
        return meta.lastError().text();
    return {};
}

} // namespace

CatalogLoadResult loadCatalogRows(QSqlDatabase db, const CatalogRows &rows, const QString &revision)
{
    CatalogLoadResult result;
    const QString file = db.databaseName();
    QSqlQuery version(db);
    if (!version.exec(QStringLiteral("PRAGMA user_version")) || !version.next()
        || version.value(0).toInt() != kCatalogSchemaVersion) {
        result.errors << QStringLiteral("%1: the catalog database is not at schema version %2; migrate it first")
                             .arg(file)
                             .arg(kCatalogSchemaVersion);
        return result;
    }
    if (!db.transaction()) {
        result.errors << QStringLiteral("%1: cannot start a transaction: %2").arg(file, db.lastError().text());
        return result;
    }
    QString error = writeRows(db, rows, revision, result);
    if (error.isEmpty() && !db.commit())
        error = QStringLiteral("%1: cannot commit: %2").arg(file, db.lastError().text());
    if (!error.isEmpty()) {
        db.rollback();
        result = CatalogLoadResult{};
        result.errors << error;
    }
    return result;
}

CatalogLoadResult loadCatalogCsv(QSqlDatabase db, const QString &itemsPath, const QString &specsPath,
                                 const QString &revision)
{
    const CatalogCsvResult parsed = readCatalogCsv(itemsPath, specsPath);
    if (!parsed.ok()) {
        CatalogLoadResult result;
        result.errors = parsed.errors;
        return result;
    }
    return loadCatalogRows(std::move(db), parsed.rows, revision);
}

QString shippedCatalogRevision()
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &path : {shippedItemsCsvPath(), shippedSpecsCsvPath()}) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            hash.addData(file.readAll());
    }
    return QString::fromLatin1(hash.result().toHex().left(16));
}

CatalogLoadResult loadShippedCatalog(QSqlDatabase db)
{
    return loadCatalogCsv(std::move(db), shippedItemsCsvPath(), shippedSpecsCsvPath(), shippedCatalogRevision());
}

} // namespace iovplan::catalogs
