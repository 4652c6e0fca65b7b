#pragma once
// Shared by the user-catalog tests: a temporary catalog database holding the shipped catalog.

#include "catalogs/catalogdatabase.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QTemporaryDir>
#include <QtTest>

namespace catalogtest {

inline QVariant scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return {};
    return query.value(0);
}

/// Opens a fresh database under dir named after the connection and loads the shipped catalog.
inline bool openShipped(iovplan::catalogs::CatalogDatabase &db, const QTemporaryDir &dir, const QString &name)
{
    if (!db.open(dir.filePath(name + QStringLiteral(".sqlite")), name).isEmpty())
        return false;
    return db.ensureShippedCatalog().ok();
}

} // namespace catalogtest
