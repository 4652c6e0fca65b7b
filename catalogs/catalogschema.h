#pragma once

#include <QSqlDatabase>
#include <QString>

namespace iovplan::catalogs {

/// The catalog schema version this program writes, stored in PRAGMA user_version.
/// 0 is an empty file; 1 has the items, item_specs and catalog_meta tables.
inline constexpr int kCatalogSchemaVersion = 1;

/// What migrateCatalogSchema() did: the version found and the version left, or why it stopped.
struct SchemaMigrationResult
{
    int fromVersion = -1;
    int toVersion = -1;
    QString error; ///< empty on success
    [[nodiscard]] bool ok() const { return error.isEmpty(); }
};

/// Brings the database to kCatalogSchemaVersion by running the migration steps from its
/// user_version up, each step and its version bump in one transaction (a failed step leaves the
/// file at the previous version). A file newer than this program is refused, untouched.
[[nodiscard]] SchemaMigrationResult migrateCatalogSchema(QSqlDatabase db);

/// Migrates to exactly targetVersion (<= kCatalogSchemaVersion); used by tests of each step.
[[nodiscard]] SchemaMigrationResult migrateCatalogSchemaTo(QSqlDatabase db, int targetVersion);

} // namespace iovplan::catalogs
