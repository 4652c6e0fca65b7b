#pragma once

#include "catalogrows.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlError>
#include <QString>
#include <QVariant>

#include <optional>

namespace iovplan::catalogs {

// Small pieces every writer of the catalog database needs.

/// An optional number as a bound value: SQL NULL when absent.
inline QVariant sqlOptional(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType(QMetaType::Double));
}

/// QtSql binds a null QString as SQL NULL; the text columns are NOT NULL with '' for "none".
inline QVariant sqlText(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

/// An optional date (YYYY-MM) as a bound value: SQL NULL when empty.
inline QVariant sqlDate(const QString &value)
{
    return value.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(value);
}

/// Binds the item columns every item statement shares (:id, :catalog, :kind, :vendor, :model,
/// :part_number, :description, :price_usd, :price_date, :price_source, :maintenance_pct,
/// :maintenance_source); each statement binds its own bookkeeping columns after this.
inline void bindItemColumns(QSqlQuery &query, const CatalogItemRow &item)
{
    query.bindValue(QStringLiteral(":id"), sqlText(item.id));
    query.bindValue(QStringLiteral(":catalog"), sqlText(item.catalog));
    query.bindValue(QStringLiteral(":kind"), sqlText(item.kind));
    query.bindValue(QStringLiteral(":vendor"), sqlText(item.vendor));
    query.bindValue(QStringLiteral(":model"), sqlText(item.model));
    query.bindValue(QStringLiteral(":part_number"), sqlText(item.partNumber));
    query.bindValue(QStringLiteral(":description"), sqlText(item.description));
    query.bindValue(QStringLiteral(":price_usd"), sqlOptional(item.priceUsd));
    query.bindValue(QStringLiteral(":price_date"), sqlDate(item.priceDate));
    query.bindValue(QStringLiteral(":price_source"), sqlText(item.priceSource));
    query.bindValue(QStringLiteral(":maintenance_pct"), sqlOptional(item.maintenancePctPerYear));
    query.bindValue(QStringLiteral(":maintenance_source"), sqlText(item.maintenanceSource));
}

/// A transaction that rolls back unless commit() succeeded, so every early return undoes its writes.
class SqlTransaction
{
public:
    explicit SqlTransaction(QSqlDatabase db)
        : m_db(std::move(db))
        , m_active(m_db.transaction())
    {
        if (!m_active)
            m_error = QStringLiteral("%1: cannot start a transaction: %2").arg(m_db.databaseName(), m_db.lastError().text());
    }
    ~SqlTransaction()
    {
        if (m_active)
            m_db.rollback();
    }
    SqlTransaction(const SqlTransaction &) = delete;
    SqlTransaction &operator=(const SqlTransaction &) = delete;

    /// Why the transaction could not start ("" when it did).
    [[nodiscard]] QString startError() const { return m_error; }

    /// Commits; returns "" or why it failed (then everything is rolled back).
    [[nodiscard]] QString commit()
    {
        if (!m_active)
            return m_error;
        if (!m_db.commit()) {
            const QString why = QStringLiteral("%1: cannot commit: %2").arg(m_db.databaseName(), m_db.lastError().text());
            m_db.rollback();
            m_active = false;
            return why;
        }
        m_active = false;
        return {};
    }

private:
    QSqlDatabase m_db;
    bool m_active = false;
    QString m_error;
};

} // namespace iovplan::catalogs
