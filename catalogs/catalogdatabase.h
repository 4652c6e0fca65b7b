#pragma once

#include "catalogloader.h"
#include "catalogrecovery.h"

#include <QSqlDatabase>
#include <QString>

namespace iovplan::catalogs {

/// The user's hardware catalog: one named SQLite connection with foreign keys on, its schema migrated
/// to kCatalogSchemaVersion on open (catalogschema.h), the shipped catalog loaded into it on demand.
/// Every open checks the file (quick_check), puts it in WAL mode with a busy timeout, and rebuilds a
/// damaged one (catalogrecovery.h, docs/crash-safety.md).
class CatalogDatabase
{
public:
    /// The catalog database's usual location (QStandardPaths::AppDataLocation/catalog.sqlite).
    [[nodiscard]] static QString defaultPath();

    /// How long a connection waits for another one's write lock before failing (PRAGMA busy_timeout).
    static constexpr int busyTimeoutMs = 5000;

    /// Opens (creating if absent) the database at path under the connection name and migrates its
    /// schema. Returns an empty string on success, otherwise what went wrong, naming the file (and
    /// leaves nothing open). A file with a newer schema than this program knows is refused untouched,
    /// as is one that cannot be checked (permissions, I/O errors). A damaged file (not SQLite, corrupt,
    /// failing quick_check) is moved aside and rebuilt with the shipped catalogs and the user's edits
    /// that could be read: the open succeeds and recovery() says what happened — unless `onDamage` is
    /// Refuse (a database the user named on the command line: theirs to mend), which leaves it untouched
    /// and returns the damage as the error.
    enum class OnDamage { Rebuild, Refuse };
    [[nodiscard]] QString open(const QString &path, const QString &connectionName = QStringLiteral("catalog"),
                               OnDamage onDamage = OnDamage::Rebuild);
    void close();

    [[nodiscard]] bool isOpen() const;
    /// PRAGMA user_version: the schema version stored in the file (0 for a new file).
    [[nodiscard]] int schemaVersion() const;
    [[nodiscard]] QString connectionName() const { return m_connectionName; }
    /// The open connection (invalid when closed).
    [[nodiscard]] QSqlDatabase database() const;

    /// Loads the shipped catalog when the database does not hold the compiled-in revision yet (first
    /// run, or a program with newer catalog data): shipped rows the user has not edited are refreshed,
    /// the user's edits and own items are kept. Does nothing and succeeds when already current.
    [[nodiscard]] CatalogLoadResult ensureShippedCatalog();
    /// The shipped-catalog revision recorded in the database ("" before the first load).
    [[nodiscard]] QString shippedRevision() const;

    /// What the last open() did about a damaged file: rebuilt is false after a normal open. The GUI and
    /// the CLI show summary() when rebuilt is true.
    [[nodiscard]] const CatalogRecoveryReport &recovery() const { return m_recovery; }

    CatalogDatabase() = default;
    ~CatalogDatabase();
    CatalogDatabase(const CatalogDatabase &) = delete;
    CatalogDatabase &operator=(const CatalogDatabase &) = delete;

private:
    [[nodiscard]] QString rebuild(const QString &path, const QString &connectionName, const QString &damage);

    QString m_connectionName;
    CatalogRecoveryReport m_recovery;
};

} // namespace iovplan::catalogs
