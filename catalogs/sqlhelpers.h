#pragma once

#include <QSqlDatabase>
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
