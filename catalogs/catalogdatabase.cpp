#include "catalogdatabase.h"

#include "catalogschema.h"

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

QString CatalogDatabase::open(const QString &path, const QString &connectionName)
{
    close();
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return QStringLiteral("%1: cannot create the folder %2").arg(path, info.absolutePath());

    auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db.setDatabaseName(path);
    if (!db.open()) {
        const QString why = db.lastError().text();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
        return QStringLiteral("%1: cannot open the catalog database: %2").arg(path, why);
    }
    m_connectionName = connectionName;
    // Every handle on the connection must be gone before close() removes it.
    QString error;
    {
        QSqlQuery pragma(db);
        if (!pragma.exec(QStringLiteral("PRAGMA foreign_keys = ON")))
            error = QStringLiteral("%1: cannot enable foreign keys: %2").arg(path, pragma.lastError().text());
    }
    if (error.isEmpty())
        error = migrateCatalogSchema(db).error;
    db = QSqlDatabase();
    if (!error.isEmpty())
        close();
    return error;
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
