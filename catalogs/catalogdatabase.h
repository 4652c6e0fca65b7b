#pragma once

#include <QString>

namespace iovplan::catalogs {

/// The user's hardware catalog: one named SQLite connection with foreign keys on.
/// The schema and its migrations grow with the catalog issue; this opens and identifies the file.
class CatalogDatabase
{
public:
    /// The catalog database's usual location (QStandardPaths::AppDataLocation/catalog.sqlite).
    [[nodiscard]] static QString defaultPath();

    /// Opens (creating if absent) the database at path under the connection name. Returns an empty
    /// string on success, otherwise what went wrong, naming the file.
    [[nodiscard]] QString open(const QString &path, const QString &connectionName = QStringLiteral("catalog"));
    void close();

    [[nodiscard]] bool isOpen() const;
    /// PRAGMA user_version: the schema version stored in the file (0 for a new file).
    [[nodiscard]] int schemaVersion() const;
    [[nodiscard]] QString connectionName() const { return m_connectionName; }

    CatalogDatabase() = default;
    ~CatalogDatabase();
    CatalogDatabase(const CatalogDatabase &) = delete;
    CatalogDatabase &operator=(const CatalogDatabase &) = delete;

private:
    QString m_connectionName;
};

} // namespace iovplan::catalogs
