#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

namespace iovplan::catalogs {

/// A catalog written out as the two shipped CSV files (catalogs/data/README.md), ready to review or
/// to read back with parseCatalogCsv().
struct CatalogCsvExport
{
    QByteArray itemsCsv;
    QByteArray specsCsv;
    int items = 0;
    int specs = 0;
    QString error; ///< why the database could not be read ("" on success)
    [[nodiscard]] bool ok() const { return error.isEmpty(); }
};

/// Exports the items of one catalog ("2007", "current", "user"), or of all when catalog is empty, in the
/// order they were first written, with their specs. Retired items are included unless includeRetired is
/// false (the CSV format has no retired column: documents may pin them, so a review should see them).
[[nodiscard]] CatalogCsvExport exportCatalogCsv(QSqlDatabase db, const QString &catalog = {},
                                                bool includeRetired = true);

/// Writes an export to two files, each replaced atomically (QSaveFile): a failure keeps the old file.
/// Returns "" or what went wrong, naming the file.
[[nodiscard]] QString writeCatalogCsvFiles(const CatalogCsvExport &exported, const QString &itemsPath,
                                           const QString &specsPath);

/// One CSV field: quoted (with doubled quotes) when it holds a comma, quote, line break or edge blanks.
[[nodiscard]] QString csvField(const QString &text);

/// A catalog number in the C locale, shortest form that reads back to the same double, no exponent.
[[nodiscard]] QString catalogNumberText(double value);

} // namespace iovplan::catalogs
