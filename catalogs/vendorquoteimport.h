#pragma once

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace iovplan::catalogs {

/// A quote row that was not accepted, and why.
struct QuoteRowRejection
{
    QString file;
    int line = 0;
    QString reason;
    /// "file:line: reason"
    [[nodiscard]] QString message() const { return QStringLiteral("%1:%2: %3").arg(file).arg(line).arg(reason); }
};

/// One price a quote sets, against what the catalog held before.
struct QuotePriceChange
{
    QString itemId;
    int line = 0;
    std::optional<double> oldPriceUsd;
    QString oldPriceDate;
    QString oldPriceSource;
    double newPriceUsd = 0.0;
    QString newPriceDate;
    QString newPriceSource; ///< as stored: the quote reference, prefixed "quote: " unless it is already a source
};

/// What reading (and applying) a vendor quote found. Applied is either every row or none.
struct QuoteImportReport
{
    QList<QuotePriceChange> changes;     ///< the accepted rows, in file order
    QList<QuoteRowRejection> rejected;   ///< every rejected row; any one of them stops the import
    QString error;                       ///< a problem with the whole file or the database
    int applied = 0;                     ///< prices written (changes.size() on success, else 0)
    [[nodiscard]] bool ok() const { return error.isEmpty() && rejected.isEmpty(); }
    /// error and every rejection, one line each.
    [[nodiscard]] QStringList messages() const;
};

/// A quote larger than this is refused before it is parsed (docs/limits.md); quotes run to hundreds of rows.
inline constexpr qint64 kVendorQuoteMaxFileBytes = qint64(32) * 1024 * 1024;
/// A quote with more rows below its header than this is refused.
inline constexpr qsizetype kVendorQuoteMaxRows = 100000;

/// The columns a quote needs (any order, more columns are ignored): id or part_number, price_usd,
/// price_date (YYYY-MM), price_source (the quote's reference).
[[nodiscard]] QStringList vendorQuoteRequiredColumns();

/// Reads and checks a vendor quote against the catalog without writing anything: each row names a
/// known item (by id, or by a part_number only one item has), once; its price is a finite number
/// >= 0, its date YYYY-MM, its source present.
[[nodiscard]] QuoteImportReport checkVendorQuote(QSqlDatabase db, const QByteArray &csv, const QString &fileName);

/// Checks the quote as above and, when every row is good, writes all prices in one transaction
/// (shipped items become user_edited so a shipped refresh keeps the quoted price). Any rejected row,
/// or a row the database refuses, leaves every price unchanged.
[[nodiscard]] QuoteImportReport importVendorQuote(QSqlDatabase db, const QByteArray &csv, const QString &fileName);

/// Reads the file at path and imports it as above.
[[nodiscard]] QuoteImportReport importVendorQuoteFile(QSqlDatabase db, const QString &path);

} // namespace iovplan::catalogs
