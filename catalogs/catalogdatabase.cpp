#include "catalogdatabase.h"

#include "catalogschema.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

namespace iovplan::catalogs {

QString CatalogDatabase::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/catalog.sqlite");
}

namespace {

/// Adds and opens the named connection; on failure removes it again and says why.
QString openConnection(const QString &path, const QString &connectionName)
{
    auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db.setDatabaseName(path);
    if (db.open())
        return {};
    const QString why = db.lastError().text();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(connectionName);
    return QStringLiteral("%1: cannot open the catalog database: %2").arg(path, why);
}

QString execPragma(const QSqlDatabase &db, const QString &pragma, const QString &what)
{
    QSqlQuery query(db);
    if (!query.exec(pragma))
        return QStringLiteral("%1: cannot %2: %3").arg(db.databaseName(), what, query.lastError().text());
    return {};
}

/// Settings that change nothing in the file, so they come before the health check.
QString setBusyTimeout(const QSqlDatabase &db)
{
    // Another connection (the CLI beside the GUI, a second window) waits for a writer instead of
    // failing at once with "database is locked".
    return execPragma(db, QStringLiteral("PRAGMA busy_timeout = %1").arg(CatalogDatabase::busyTimeoutMs),
                      QStringLiteral("set the busy timeout"));
}

/// A healthy file at or below our schema version: WAL (readers never block the writer, and a crash
/// mid-write leaves the last commit intact), foreign keys, then the migration. A newer file is refused
/// before anything is written to it.
QString prepareHealthy(QSqlDatabase db)
{
    QSqlQuery version(db);
    if (version.exec(QStringLiteral("PRAGMA user_version")) && version.next()
        && version.value(0).toInt() > kCatalogSchemaVersion) {
        version.finish();
        return migrateCatalogSchema(db).error; // the refusal, naming the file and both versions
    }
    version.finish();
    if (QString error = execPragma(db, QStringLiteral("PRAGMA journal_mode = WAL"), QStringLiteral("switch to WAL"));
        !error.isEmpty())
        return error;
    if (QString error = execPragma(db, QStringLiteral("PRAGMA foreign_keys = ON"), QStringLiteral("enable foreign keys"));
        !error.isEmpty())
        return error;
    return migrateCatalogSchema(db).error;
}

} // namespace

QString CatalogDatabase::open(const QString &path, const QString &connectionName, OnDamage onDamage)
{
    close();
    m_recovery = {};
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return QStringLiteral("%1: cannot create the folder %2").arg(path, info.absolutePath());
    if (QString error = openConnection(path, connectionName); !error.isEmpty())
        return error;
    m_connectionName = connectionName;
    // Every handle on the connection must be gone before close() removes it: hence the scopes.
    QString error = setBusyTimeout(database());
    CatalogHealth health;
    if (error.isEmpty())
        health = checkCatalogHealth(database());
    if (error.isEmpty() && health.state == CatalogHealth::State::Damaged) {
        if (onDamage == OnDamage::Rebuild)
            return rebuild(path, connectionName, health.detail);
        error = QStringLiteral("%1: not a usable catalog database (%2)").arg(path, health.detail);
    }
    if (error.isEmpty() && health.state == CatalogHealth::State::Failed)
        error = QStringLiteral("%1: cannot check the catalog database: %2").arg(path, health.detail);
    if (error.isEmpty())
        error = prepareHealthy(database());
    if (!error.isEmpty())
        close();
    return error;
}

QString CatalogDatabase::rebuild(const QString &path, const QString &connectionName, const QString &damage)
{
    const SalvagedCatalogEdits edits = salvageCatalogEdits(database());
    close();
    const QString backup = corruptBackupPath(path, QDateTime::currentDateTime());
    if (const QString why = moveDatabaseAside(path, backup); !why.isEmpty())
        return QStringLiteral("%1: the catalog database is damaged (%2) and cannot be rebuilt: %3").arg(path, damage, why);
    CatalogRecoveryReport report;
    report.damage = damage;
    report.backupPath = backup;
    report.unreadableRows = edits.unreadableRows;
    report.everythingUnreadable = edits.tablesUnreadable;
    const auto failed = [&](const QString &why) {
        close();
        m_recovery = report; // rebuilt stays false: the caller sees the error and where the backup went
        return QStringLiteral("%1: the catalog database was damaged (%2) and moved to %3; rebuilding it failed: %4")
            .arg(path, damage, backup, why);
    };
    if (QString error = openConnection(path, connectionName); !error.isEmpty())
        return failed(error);
    m_connectionName = connectionName;
    if (QString error = setBusyTimeout(database()); !error.isEmpty())
        return failed(error);
    if (QString error = prepareHealthy(database()); !error.isEmpty())
        return failed(error);
    if (const CatalogLoadResult loaded = loadShippedCatalog(database()); !loaded.ok())
        return failed(loaded.errors.join(QStringLiteral("; ")));
    const SalvageApplyResult applied = applySalvagedEdits(database(), edits);
    if (!applied.error.isEmpty())
        return failed(applied.error);
    report.rebuilt = true;
    report.userItemsRestored = applied.userItems;
    report.editedItemsRestored = applied.editedItems;
    report.retiredRestored = applied.retired;
    report.specsRestored = applied.specs;
    report.lostEdits = applied.lost;
    m_recovery = report;
    return {};
}

void CatalogDatabase::close()
{
    if (m_connectionName.isEmpty())
        return;
    {
        auto db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
}

bool CatalogDatabase::isOpen() const
{
    return !m_connectionName.isEmpty() && QSqlDatabase::database(m_connectionName, false).isOpen();
}

int CatalogDatabase::schemaVersion() const
{
    if (!isOpen())
        return -1;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

QSqlDatabase CatalogDatabase::database() const
{
    return m_connectionName.isEmpty() ? QSqlDatabase() : QSqlDatabase::database(m_connectionName, false);
}

QString CatalogDatabase::shippedRevision() const
{
    if (!isOpen())
        return {};
    QSqlQuery query(database());
    if (!query.exec(QStringLiteral("SELECT value FROM catalog_meta WHERE key = 'shipped_revision'")) || !query.next())
        return {};
    return query.value(0).toString();
}

CatalogLoadResult CatalogDatabase::ensureShippedCatalog()
{
    if (!isOpen()) {
        CatalogLoadResult result;
        result.errors << QStringLiteral("the catalog database is not open");
        return result;
    }
    if (shippedRevision() == shippedCatalogRevision())
        return {};
    return loadShippedCatalog(database());
}

CatalogDatabase::~CatalogDatabase()
{
    close();
}

} // namespace iovplan::catalogs
