#include "catalogqueries.h"

#include <QSqlError>
#include <QSqlQuery>

namespace iovplan::catalogs {

CatalogIdsResult activeItemIds(const CatalogDatabase &db, const QStringList &kinds)
{
    CatalogIdsResult result;
    if (!db.isOpen()) {
        result.error = QStringLiteral("the catalog database is not open");
        return result;
    }
    if (kinds.isEmpty())
        return result;
    const QSqlDatabase connection = db.database();
    // One statement with a placeholder per kind: the kinds are bound, never spliced into the SQL.
    QStringList placeholders;
    for (qsizetype i = 0; i < kinds.size(); ++i)
        placeholders << QStringLiteral("?");
    QSqlQuery query(connection);
    query.setForwardOnly(true);
    const auto failed = [&] {
        result.error = QStringLiteral("%1: cannot list the catalog's items: %2")
                           .arg(connection.databaseName(), query.lastError().text());
        return result;
    };
    const QString sql = QStringLiteral("SELECT id FROM items WHERE retired = 0 AND kind IN (%1) ORDER BY id")
                            .arg(placeholders.join(QStringLiteral(", ")));
    if (!query.prepare(sql))
        return failed();
    for (const QString &kind : kinds)
        query.addBindValue(kind);
    if (!query.exec())
        return failed();
    while (query.next())
        result.ids << query.value(0).toString();
    return result;
}

} // namespace iovplan::catalogs
