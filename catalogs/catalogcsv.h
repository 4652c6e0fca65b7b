#pragma once

#include "catalogrows.h"

#include <QByteArray>
#include <QStringList>

namespace iovplan::catalogs {

/// The rows of a catalog read from items.csv and specs.csv, and every problem found (each naming
/// file and line). When errors is not empty the rows must not be used.
struct CatalogCsvResult
{
    CatalogRows rows;
    QStringList errors;
    [[nodiscard]] bool ok() const { return errors.isEmpty(); }
};

/// The header line of items.csv, in order.
[[nodiscard]] QStringList itemsCsvColumns();
/// The header line of specs.csv, in order.
[[nodiscard]] QStringList specsCsvColumns();

/// Resource paths of the shipped catalog sources compiled into the program.
[[nodiscard]] QString shippedItemsCsvPath();
[[nodiscard]] QString shippedSpecsCsvPath();

/// Parses and validates a catalog given as the bytes of its two CSV files. Checks, row by row: the
/// header, the field count, one record per line (no line breaks inside fields), item ids (slug form,
/// unique), catalog and kind names, numbers (finite, >= 0, maintenance <= 100), price dates (YYYY-MM),
/// a source for every price, maintenance figure and spec (see classifySource), spec fields known,
/// their unit and type, each spec pointing at an item, no field twice per item, item references
/// pointing at items, and the fields each kind requires.
[[nodiscard]] CatalogCsvResult parseCatalogCsv(const QByteArray &itemsCsv, const QString &itemsFileName,
                                               const QByteArray &specsCsv, const QString &specsFileName);

/// Reads both files (file paths or ":/" resource paths) and parses them as above.
[[nodiscard]] CatalogCsvResult readCatalogCsv(const QString &itemsPath, const QString &specsPath);

} // namespace iovplan::catalogs
