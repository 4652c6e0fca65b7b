#pragma once

#include "catalogrows.h"

#include <QSqlDatabase>
#include <QStringList>

namespace iovplan::catalogs {

/// What loading a shipped catalog into a database did. On failure nothing was written.
struct CatalogLoadResult
{
    QStringList errors;          ///< each names the file and line (or the item) at fault
    int itemsWritten = 0;        ///< shipped items inserted or refreshed
    int itemsKept = 0;           ///< items left alone because the user edited them or owns the id
    int specsWritten = 0;
    [[nodiscard]] bool ok() const { return errors.isEmpty(); }
};

/// Writes shipped catalog rows into a database at kCatalogSchemaVersion, in one transaction with
/// statements prepared once: all rows or none. New ids are inserted with origin 'shipped'; shipped
/// rows the user has not edited are refreshed; rows the user edited or created are kept as they are
/// (and the shipped specs of such an item are skipped). revision is stored with each row and in
/// catalog_meta so an upgrade can tell which shipped data a row came from.
[[nodiscard]] CatalogLoadResult loadCatalogRows(QSqlDatabase db, const CatalogRows &rows, const QString &revision);

/// Reads, validates and loads items.csv and specs.csv (file or ":/" resource paths). Validation errors
/// (file:line) stop it before the database is touched.
[[nodiscard]] CatalogLoadResult loadCatalogCsv(QSqlDatabase db, const QString &itemsPath, const QString &specsPath,
                                               const QString &revision);

/// Loads the catalog compiled into the program (catalogs/data/*.csv as Qt resources).
[[nodiscard]] CatalogLoadResult loadShippedCatalog(QSqlDatabase db);

/// The revision of the shipped catalog compiled in: a digest of the two CSV files.
[[nodiscard]] QString shippedCatalogRevision();

} // namespace iovplan::catalogs
