#include "catalogschema.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

#include <array>

namespace iovplan::catalogs {

namespace {

using MigrationStep = QString (*)(QSqlDatabase &db);

QString execAll(QSqlDatabase &db, const QStringList &statements)
{
    QSqlQuery query(db);
    for (const QString &sql : statements) {
        if (!query.exec(sql))
            return QStringLiteral("%1 (in: %2)").arg(query.lastError().text(), sql.simplified().left(120));
    }
    return {};
}

/// 0 -> 1: the first schema.
/// origin/user_edited/retired let a later shipped catalog replace shipped rows the user has not touched
/// while keeping the user's edits and own items; shipped_revision says which shipped data wrote a row.
QString migrate0To1(QSqlDatabase &db)
{
    return execAll(db, {
        QStringLiteral(R"(CREATE TABLE items (
            id TEXT PRIMARY KEY NOT NULL
                CHECK (length(id) BETWEEN 1 AND 80 AND id NOT GLOB '*[^a-z0-9-]*' AND id NOT GLOB '-*'),
            catalog TEXT NOT NULL CHECK (catalog IN ('2007', 'current', 'user')),
            kind TEXT NOT NULL CHECK (kind IN ('server', 'adapter', 'switch', 'gateway', 'gateway-module',
                                               'cable', 'transceiver', 'storage')),
            vendor TEXT NOT NULL CHECK (length(vendor) > 0),
            model TEXT NOT NULL CHECK (length(model) > 0),
            part_number TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL DEFAULT '',
            price_usd REAL CHECK (price_usd IS NULL OR price_usd >= 0),
            price_date TEXT CHECK (price_date IS NULL OR price_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
            price_source TEXT NOT NULL DEFAULT '',
            maintenance_pct_per_year REAL
                CHECK (maintenance_pct_per_year IS NULL OR maintenance_pct_per_year BETWEEN 0 AND 100),
            maintenance_source TEXT NOT NULL DEFAULT '',
            origin TEXT NOT NULL DEFAULT 'user' CHECK (origin IN ('shipped', 'user')),
            user_edited INTEGER NOT NULL DEFAULT 0 CHECK (user_edited IN (0, 1)),
            retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
            shipped_revision TEXT NOT NULL DEFAULT '',
            CHECK (price_usd IS NULL OR length(price_source) > 0),
            CHECK (maintenance_pct_per_year IS NULL OR length(maintenance_source) > 0),
            CHECK (origin = 'shipped' OR user_edited = 0)
        ))"),
        QStringLiteral(R"(CREATE TABLE item_specs (
            item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE ON UPDATE CASCADE,
            field TEXT NOT NULL CHECK (length(field) > 0 AND field NOT GLOB '*[^a-z0-9_]*'),
            value TEXT NOT NULL CHECK (length(value) > 0),
            numeric_value REAL CHECK (numeric_value IS NULL OR numeric_value >= 0),
            unit TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL CHECK (length(source) > 0),
            origin TEXT NOT NULL DEFAULT 'user' CHECK (origin IN ('shipped', 'user')),
            user_edited INTEGER NOT NULL DEFAULT 0 CHECK (user_edited IN (0, 1)),
            PRIMARY KEY (item_id, field)
        ))"),
        QStringLiteral("CREATE INDEX item_specs_by_field ON item_specs(field, numeric_value)"),
        QStringLiteral("CREATE INDEX items_by_catalog_kind ON items(catalog, kind)"),
        QStringLiteral("CREATE TABLE catalog_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)"),
    });
}

/// migrations[i] takes the schema from version i to i + 1. Append new steps; never edit shipped ones.
constexpr std::array<MigrationStep, kCatalogSchemaVersion> migrations = {&migrate0To1};

int userVersion(QSqlDatabase &db, QString &error)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        error = QStringLiteral("cannot read the schema version: %1").arg(query.lastError().text());
        return -1;
    }
    return query.value(0).toInt();
}

} // namespace

SchemaMigrationResult migrateCatalogSchemaTo(QSqlDatabase db, int targetVersion)
{
    SchemaMigrationResult result;
    const QString file = db.databaseName();
    result.fromVersion = userVersion(db, result.error);
    if (!result.ok()) {
        result.error = file + QStringLiteral(": ") + result.error;
        return result;
    }
    result.toVersion = result.fromVersion;
    if (result.fromVersion > kCatalogSchemaVersion) {
        result.error = QStringLiteral("%1: the catalog schema version %2 is newer than this program's %3; "
                                      "update IOV Planner or use another catalog file")
                           .arg(file)
                           .arg(result.fromVersion)
                           .arg(kCatalogSchemaVersion);
        return result;
    }
    if (targetVersion < result.fromVersion || targetVersion > kCatalogSchemaVersion) {
        result.error = QStringLiteral("%1: cannot migrate the catalog schema from version %2 to %3")
                           .arg(file)
                           .arg(result.fromVersion)
                           .arg(targetVersion);
        return result;
    }
    for (int version = result.fromVersion; version < targetVersion; ++version) {
        if (!db.transaction()) {
            result.error = QStringLiteral("%1: cannot start a transaction: %2").arg(file, db.lastError().text());
            return result;
        }
        QString why = migrations.at(static_cast<std::size_t>(version))(db);
        if (why.isEmpty()) {
            QSqlQuery bump(db);
            // PRAGMA takes no bound parameters; version + 1 is our own integer.
            if (!bump.exec(QStringLiteral("PRAGMA user_version = %1").arg(version + 1)))
                why = bump.lastError().text();
        }
        if (why.isEmpty() && !db.commit())
            why = db.lastError().text();
        if (!why.isEmpty()) {
            db.rollback();
            result.error = QStringLiteral("%1: migrating the catalog schema from version %2 to %3 failed: %4")
                               .arg(file)
                               .arg(version)
                               .arg(version + 1)
                               .arg(why);
            return result;
        }
        result.toVersion = version + 1;
    }
    return result;
}

SchemaMigrationResult migrateCatalogSchema(QSqlDatabase db)
{
    return migrateCatalogSchemaTo(std::move(db), kCatalogSchemaVersion);
}

} // namespace iovplan::catalogs
