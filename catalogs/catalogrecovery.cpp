#include "catalogrecovery.h"

#include "sqlhelpers.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace iovplan::catalogs {

namespace {

// SQLite's primary result codes for a damaged file (sqlite3.h); Qt reports extended codes as text.
constexpr int sqliteCorrupt = 11;
constexpr int sqliteNotADatabase = 26;

bool isDamage(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok && ((code & 0xff) == sqliteCorrupt || (code & 0xff) == sqliteNotADatabase);
}

CatalogHealth fromError(const QSqlError &error, const QString &what)
{
    return { isDamage(error) ? CatalogHealth::State::Damaged : CatalogHealth::State::Failed,
        QStringLiteral("%1: %2").arg(what, error.text()) };
}

const QStringList &itemColumns()
{
    static const QStringList columns { QStringLiteral("id"), QStringLiteral("catalog"),
        QStringLiteral("kind"), QStringLiteral("vendor"), QStringLiteral("model"),
        QStringLiteral("part_number"), QStringLiteral("description"), QStringLiteral("price_usd"),
        QStringLiteral("price_date"), QStringLiteral("price_source"),
        QStringLiteral("maintenance_pct_per_year"), QStringLiteral("maintenance_source"),
        QStringLiteral("origin"), QStringLiteral("user_edited"), QStringLiteral("retired"),
        QStringLiteral("shipped_revision") };
    return columns;
}

const QStringList &specColumns()
{
    static const QStringList columns { QStringLiteral("item_id"), QStringLiteral("field"),
        QStringLiteral("value"), QStringLiteral("numeric_value"), QStringLiteral("unit"),
        QStringLiteral("source"), QStringLiteral("origin"), QStringLiteral("user_edited") };
    return columns;
}

/// The highest row number to probe in `table`: max(rowid) when the rightmost page can be read, else a
/// bound no table in a file of this size can exceed by much (a row takes more than 8 bytes).
qint64 rowidBound(const QSqlDatabase &db, const QString &table)
{
    QSqlQuery max(db);
    if (max.exec(QStringLiteral("SELECT max(rowid) FROM %1").arg(table)) && max.next())
        return max.value(0).toLongLong();
    const qint64 fileSize = QFileInfo(db.databaseName()).size();
    return std::clamp<qint64>(fileSize / 8, 1024, 4'000'000);
}

struct TableScan
{
    QList<SalvagedRow> rows;
    int unreadable = 0;
    bool tableUnreadable = false;
    QString firstError;
};

/// Reads every row of `table` that `keep` accepts, one rowid at a time: a damaged page fails only the
/// lookups that land on it.
template <typename Keep>
TableScan scanTable(const QSqlDatabase &db, const QString &table, const QStringList &columns, Keep keep)
{
    TableScan scan;
    QSqlQuery row(db);
    if (!row.prepare(
            QStringLiteral("SELECT %1 FROM %2 WHERE rowid = :rowid").arg(columns.join(u", "), table))) {
        scan.tableUnreadable = true;
        scan.firstError = row.lastError().text();
        return scan;
    }
    const qint64 bound = rowidBound(db, table);
    for (qint64 rowid = 1; rowid <= bound; ++rowid) {
        row.bindValue(QStringLiteral(":rowid"), rowid);
        if (!row.exec()) {
            ++scan.unreadable;
            if (scan.firstError.isEmpty())
                scan.firstError = row.lastError().text();
            continue;
        }
        if (!row.next()) {
            if (row.lastError().isValid()) {
                ++scan.unreadable;
                if (scan.firstError.isEmpty())
                    scan.firstError = row.lastError().text();
            }
            continue; // a row number no row has (deleted): nothing lost
        }
        SalvagedRow salvaged;
        salvaged.columns = columns;
        for (int i = 0; i < columns.size(); ++i)
            salvaged.values << row.value(i);
        if (keep(salvaged))
            scan.rows << salvaged;
        row.finish();
    }
    return scan;
}

bool flagSet(const SalvagedRow &row, const QString &column)
{
    return row.value(column).toInt() != 0;
}

QString itemUpsertSql()
{
    QStringList placeholders, updates;
    for (const QString &column : itemColumns()) {
        placeholders << u':' + column;
        if (column != u"id")
            updates << QStringLiteral("%1 = excluded.%1").arg(column);
    }
    return QStringLiteral("INSERT INTO items (%1) VALUES (%2) ON CONFLICT(id) DO UPDATE SET %3")
        .arg(itemColumns().join(u", "), placeholders.join(u", "), updates.join(u", "));
}

QString specUpsertSql()
{
    QStringList placeholders, updates;
    for (const QString &column : specColumns()) {
        placeholders << u':' + column;
        if (column != u"item_id" && column != u"field")
            updates << QStringLiteral("%1 = excluded.%1").arg(column);
    }
    return QStringLiteral(
        "INSERT INTO item_specs (%1) VALUES (%2) ON CONFLICT(item_id, field) DO UPDATE SET %3")
        .arg(specColumns().join(u", "), placeholders.join(u", "), updates.join(u", "));
}

void bindRow(QSqlQuery &query, const SalvagedRow &row)
{
    for (int i = 0; i < row.columns.size(); ++i)
        query.bindValue(u':' + row.columns.at(i), row.values.at(i));
}

} // namespace

QVariant SalvagedRow::value(const QString &column) const
{
    const qsizetype index = columns.indexOf(column);
    return index < 0 ? QVariant() : values.at(index);
}

CatalogHealth checkCatalogHealth(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return fromError(query.lastError(), QStringLiteral("cannot read the schema version"));
    query.finish();
    // quick_check reads every page and checks each b-tree's structure, but not that indexes match their
    // tables: O(N) instead of integrity_check's O(N log N), which is what an open can afford.
    if (!query.exec(QStringLiteral("PRAGMA quick_check")))
        return fromError(query.lastError(), QStringLiteral("quick_check failed"));
    QStringList findings;
    while (query.next())
        findings << query.value(0).toString();
    if (query.lastError().isValid())
        return fromError(query.lastError(), QStringLiteral("quick_check failed"));
    if (findings != QStringList { QStringLiteral("ok") })
        return { CatalogHealth::State::Damaged,
            QStringLiteral("quick_check: %1%2")
                .arg(findings.mid(0, 3).join(QStringLiteral("; ")),
                    findings.size() > 3 ? QStringLiteral("; ... (%1 findings)").arg(findings.size())
                                        : QString()) };
    return {};
}

SalvagedCatalogEdits salvageCatalogEdits(const QSqlDatabase &damaged)
{
    SalvagedCatalogEdits edits;
    {
        // With writable_schema on, SQLite takes a truncated file's pages as they are instead of refusing
        // the whole file (btree.c, lockBtree); nothing below writes, so the file stays as it is.
        QSqlQuery lenient(damaged);
        (void)lenient.exec(QStringLiteral("PRAGMA writable_schema = ON"));
    }
    QSet<QString> restoredIds;
    const TableScan items
        = scanTable(damaged, QStringLiteral("items"), itemColumns(), [&](const SalvagedRow &row) {
              const bool own = row.value(QStringLiteral("origin")).toString() == u"user";
              const bool edited = flagSet(row, QStringLiteral("user_edited"));
              if (own || edited)
                  restoredIds.insert(row.value(QStringLiteral("id")).toString());
              return own || edited || flagSet(row, QStringLiteral("retired"));
          });
    // The specs of the user's items and edited items are theirs; an edited spec whose item row was lost
    // is kept too (applying it still needs the item to exist).
    const TableScan specs
        = scanTable(damaged, QStringLiteral("item_specs"), specColumns(), [&](const SalvagedRow &row) {
              return restoredIds.contains(row.value(QStringLiteral("item_id")).toString())
                  || row.value(QStringLiteral("origin")).toString() == u"user"
                  || flagSet(row, QStringLiteral("user_edited"));
          });
    edits.items = items.rows;
    edits.specs = specs.rows;
    edits.unreadableRows = items.unreadable + specs.unreadable;
    edits.tablesUnreadable = items.tableUnreadable && specs.tableUnreadable;
    edits.why = !items.firstError.isEmpty() ? items.firstError : specs.firstError;
    return edits;
}

QString corruptBackupPath(const QString &path, const QDateTime &when)
{
    const QString stem
        = path + QStringLiteral(".corrupt-") + when.toString(QStringLiteral("yyyyMMdd-hhmmss"));
    QString candidate = stem;
    for (int n = 2; QFileInfo::exists(candidate) || QFileInfo::exists(candidate + QStringLiteral("-wal"));
         ++n)
        candidate = stem + QStringLiteral("-%1").arg(n);
    return candidate;
}

QString moveDatabaseAside(const QString &path, const QString &backupPath)
{
    // The -wal goes with its database: left behind, it would be replayed into the fresh file.
    const QStringList suffixes { QString(), QStringLiteral("-wal"), QStringLiteral("-shm") };
    QStringList moved;
    for (const QString &suffix : suffixes) {
        if (!QFileInfo::exists(path + suffix))
            continue;
        if (QFile::rename(path + suffix, backupPath + suffix)) {
            moved << suffix;
            continue;
        }
        const QString why = QStringLiteral("%1: cannot move the damaged catalog database aside to %2")
                                .arg(QDir::toNativeSeparators(path + suffix),
                                    QDir::toNativeSeparators(backupPath + suffix));
        for (const QString &done : std::as_const(moved))
            QFile::rename(backupPath + done, path + done);
        return why;
    }
    return {};
}

SalvageApplyResult applySalvagedEdits(QSqlDatabase fresh, const SalvagedCatalogEdits &edits)
{
    SalvageApplyResult result;
    SqlTransaction transaction(fresh);
    if (!transaction.startError().isEmpty()) {
        result.error = transaction.startError();
        return result;
    }
    QSqlQuery upsertItem(fresh);
    QSqlQuery retire(fresh);
    QSqlQuery upsertSpec(fresh);
    if (!upsertItem.prepare(itemUpsertSql()) || !upsertSpec.prepare(specUpsertSql())
        || !retire.prepare(QStringLiteral("UPDATE items SET retired = 1 WHERE id = :id"))) {
        result.error = QStringLiteral("%1: cannot prepare the restore statements: %2")
                           .arg(fresh.databaseName(),
                               upsertItem.lastError().text() + upsertSpec.lastError().text()
                                   + retire.lastError().text());
        return result;
    }
    for (const SalvagedRow &row : edits.items) {
        const QString id = row.value(QStringLiteral("id")).toString();
        const bool own = row.value(QStringLiteral("origin")).toString() == u"user";
        const bool edited = flagSet(row, QStringLiteral("user_edited"));
        if (!own && !edited) {
            // Only retired: the shipped row is the current one; a shipped item no longer shipped comes back
            // whole.
            retire.bindValue(QStringLiteral(":id"), id);
            if (retire.exec() && retire.numRowsAffected() == 1) {
                ++result.retired;
                continue;
            }
        }
        bindRow(upsertItem, row);
        if (!upsertItem.exec()) {
            result.lost << QStringLiteral("item %1: rejected by the database: %2")
                               .arg(id, upsertItem.lastError().text());
            continue;
        }
        if (own)
            ++result.userItems;
        else if (edited)
            ++result.editedItems;
        if (flagSet(row, QStringLiteral("retired")))
            ++result.retired;
    }
    for (const SalvagedRow &row : edits.specs) {
        bindRow(upsertSpec, row);
        if (!upsertSpec.exec()) {
            result.lost << QStringLiteral(
                "item %1: spec %2: rejected by the database (its item could not be restored?): %3")
                               .arg(row.value(QStringLiteral("item_id")).toString(),
                                   row.value(QStringLiteral("field")).toString(),
                                   upsertSpec.lastError().text());
            continue;
        }
        ++result.specs;
    }
    if (const QString why = transaction.commit(); !why.isEmpty()) {
        result = SalvageApplyResult {};
        result.error = why;
    }
    return result;
}

QString CatalogRecoveryReport::summary() const
{
    if (!rebuilt)
        return {};
    QStringList text;
    text << QStringLiteral(
        "The hardware catalog database was damaged (%1) and has been rebuilt from the shipped catalogs.")
                .arg(damage);
    text << QStringLiteral("The damaged file was kept as %1.").arg(QDir::toNativeSeparators(backupPath));
    if (everythingUnreadable) {
        text << QStringLiteral(
            "Nothing could be read from it: your own items, edits and retired flags are lost.");
        return text.join(u' ');
    }
    text << QStringLiteral("Restored: %1 of your own items, %2 edited items, %3 retired flags (%4 specs).")
                .arg(userItemsRestored)
                .arg(editedItemsRestored)
                .arg(retiredRestored)
                .arg(specsRestored);
    if (unreadableRows > 0)
        text << QStringLiteral(
            "Part of the file could not be read (%1 row lookups failed): any edits stored there are lost.")
                    .arg(unreadableRows);
    if (!lostEdits.isEmpty())
        text << QStringLiteral("Could not re-apply: %1.").arg(lostEdits.join(QStringLiteral("; ")));
    if (!editsMayBeLost())
        text << QStringLiteral("No edits were lost.");
    return text.join(u' ');
}

} // namespace iovplan::catalogs
