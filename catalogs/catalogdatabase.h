#pragma once

#include "catalogloader.h"

#include <QSqlDatabase>
#include <QString>

namespace iovplan::catalogs {

/// The user's hardware catalog: one named SQLite connection with foreign keys on, its schema migrated
/// to kCatalogSchemaVersion on open (catalogschema.h), the shipped catalog loaded into it on demand.
class CatalogDatabase
{
public:
    /// The catalog database's usual location (QStandardPaths::AppDataLocation/catalog.sqlite).
    [[nodiscard]] static QString defaultPath();

    /// Opens (creating if absent) the database at path under the connection name and migrates its
    /// schema. Returns an empty string on success, otherwise what went wrong, naming the file (and
    /// leaves nothing open). A file with a newer schema than this program knows is refused untouched.
    [[nodiscard]] QString open(const QString &path, const QString &connectionName = QStringLiteral("catalog"));
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

    CatalogDatabase() = default;
    ~CatalogDatabase();
    CatalogDatabase(const CatalogDatabase &) = delete;
    CatalogDatabase &operator=(const CatalogDatabase &) = delete;

private:
    QString m_connectionName;
};

} // namespace iovplan::catalogs
