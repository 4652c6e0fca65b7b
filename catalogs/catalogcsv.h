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

/// Sizes above which a catalog is refused with an error naming the file and the limit
/// (docs/limits.md); the byte sizes are checked before parsing, the row counts while parsing. The
/// shipped catalog has 82 items and 865 specs in 144 KB.
struct CatalogCsvLimits
{
    qint64 maxFileBytes = qint64(32) * 1024 * 1024; ///< each of the two files
    qsizetype maxItemRows = 100000; ///< rows of items.csv below the header
    qsizetype maxSpecRows = 1000000; ///< rows of specs.csv below the header
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
                                               const QByteArray &specsCsv, const QString &specsFileName,
                                               const CatalogCsvLimits &limits = {});

/// Reads both files (file paths or ":/" resource paths) and parses them as above; a file larger than
/// limits.maxFileBytes is refused before it is read.
[[nodiscard]] CatalogCsvResult readCatalogCsv(const QString &itemsPath, const QString &specsPath,
                                              const CatalogCsvLimits &limits = {});

} // namespace iovplan::catalogs
