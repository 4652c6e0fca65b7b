#pragma once
// A damaged catalog database, found and rebuilt (docs/crash-safety.md): the health check run on every
// open, the user's edits read row by row from the damaged file, the file moved aside as a backup, and the
// edits re-applied on top of a fresh database holding the shipped catalogs.

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace iovplan::catalogs {

/// What a catalog database's health check found.
struct CatalogHealth
{
    enum class State {
        Healthy, ///< readable, quick_check "ok" (or a newer schema: left for the migration to refuse)
        Damaged, ///< not an SQLite database, or corrupt: rebuild it
        Failed, ///< could not be checked for another reason (I/O, permissions, locked): refuse, touch nothing
    };
    State state = State::Healthy;
    QString detail; ///< what was wrong (the SQLite message, or quick_check's first lines)
};

/// Checks an open connection without writing to the file: PRAGMA user_version, then PRAGMA quick_check
/// (not integrity_check: see docs/crash-safety.md for the timings). SQLITE_CORRUPT and SQLITE_NOTADB,
/// and a quick_check that is not "ok", are damage; any other error is Failed.
[[nodiscard]] CatalogHealth checkCatalogHealth(const QSqlDatabase &db);

/// One row read back from a damaged database, column name to value.
struct SalvagedRow
{
    QList<QString> columns;
    QList<QVariant> values;
    [[nodiscard]] QVariant value(const QString &column) const;
};

/// The user's edits read from a damaged catalog: their own items, shipped items they edited or retired,
/// and the specs of those items; every row that could be read, none that could not.
struct SalvagedCatalogEdits
{
    QList<SalvagedRow> items;
    QList<SalvagedRow> specs;
    int unreadableRows = 0; ///< row numbers whose read failed: whatever they held is lost
    bool tablesUnreadable = false; ///< not even the schema could be read: every edit is lost
    QString why; ///< the first read error, for the report
};

/// Reads the user's edits from `damaged` row by row (by rowid, so a bad page costs only its rows).
[[nodiscard]] SalvagedCatalogEdits salvageCatalogEdits(const QSqlDatabase &damaged);

/// What opening the catalog database had to do about damage. Empty (rebuilt false) after a normal open.
struct CatalogRecoveryReport
{
    bool rebuilt = false; ///< the database was damaged and has been rebuilt
    QString damage; ///< what the check found
    QString backupPath; ///< the damaged file, moved aside (its -wal and -shm beside it, same suffixes)
    int userItemsRestored = 0; ///< the user's own items re-applied
    int editedItemsRestored = 0; ///< shipped items with the user's changes (edits, price quotes) re-applied
    int retiredRestored = 0; ///< retired flags re-applied
    int specsRestored = 0; ///< spec rows of those items re-applied
    /// Row lookups in the damaged file that failed (edits among them are lost). When a table's end could
    /// not be read either, every row number up to a bound from the file size is tried and counted.
    int unreadableRows = 0;
    bool everythingUnreadable = false; ///< nothing could be read: all of the user's edits are lost
    QStringList lostEdits; ///< edits that were read but could not be re-applied, each naming its item

    /// The user's edits that could be lost: unreadable rows, or edits that could not be re-applied.
    [[nodiscard]] bool editsMayBeLost() const
    {
        return everythingUnreadable || unreadableRows > 0 || !lostEdits.isEmpty();
    }
    /// A few sentences for the GUI's message box and the CLI's stderr: what happened, where the backup is,
    /// what was restored and what may be lost. Empty when nothing was rebuilt.
    [[nodiscard]] QString summary() const;
};

/// The backup name of a damaged database: "<path>.corrupt-<yyyyMMdd-hhmmss>" (local time), with "-2",
/// "-3", ... appended when that name is taken.
[[nodiscard]] QString corruptBackupPath(const QString &path, const QDateTime &when);

/// Moves `path` and its -wal and -shm files to `backupPath` (+ "-wal", "-shm"). All or nothing: returns
/// "" or why it failed, having moved back whatever it had moved.
[[nodiscard]] QString moveDatabaseAside(const QString &path, const QString &backupPath);

/// What re-applying salvaged edits did.
struct SalvageApplyResult
{
    int userItems = 0;
    int editedItems = 0;
    int retired = 0;
    int specs = 0;
    QStringList lost; ///< edits read but rejected (each names its item and why)
    QString error; ///< the transaction failed: nothing was re-applied
};

/// Re-applies salvaged edits to a fresh database that already holds the shipped catalogs, in one
/// transaction: the user's items are inserted (an id the shipped catalogs now use is the user's, as on an
/// upgrade), edited shipped items take the user's row, retired flags are set, and the specs of restored
/// items are upserted over the shipped ones (a spec the user had deleted from a shipped item comes back).
[[nodiscard]] SalvageApplyResult applySalvagedEdits(QSqlDatabase fresh, const SalvagedCatalogEdits &edits);

} // namespace iovplan::catalogs
