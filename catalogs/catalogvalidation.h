#pragma once

#include "catalogrows.h"

#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace iovplan::catalogs {

// The field rules of catalog rows (catalogs/data/README.md), shared by the CSV loader, the catalog
// editor and the vendor-quote import so a row is judged the same wherever it comes from. Messages
// carry no location: callers prefix "file:line: " or "item <id>: ".

/// A finite number >= 0 written in the C locale ("1250", "0.5"), or nothing.
[[nodiscard]] std::optional<double> parseCatalogNumber(QStringView text);

/// True for a price date "YYYY-MM" (years 1900-2099, months 01-12).
[[nodiscard]] bool isValidPriceDate(QStringView text);

/// Why source cannot stand behind the figure `what` (see classifySource), or "" when it can.
[[nodiscard]] QString sourceProblem(const QString &source, const QString &what);

/// Problems with an item's identity: id form, catalog and kind names, vendor and model present.
[[nodiscard]] QStringList itemIdentityProblems(const CatalogItemRow &item);

/// Problems with an item's price (present, finite, >= 0), price date and price source, and with its
/// maintenance figure (0-100, with a source) when it has one.
[[nodiscard]] QStringList itemPriceProblems(const CatalogItemRow &item);

/// Problems with one spec row: field known, value present, unit and source right, value of the
/// field's type. Sets spec.numericValue for Number and Integer fields. Item references are not
/// resolved here (the caller knows which items exist).
[[nodiscard]] QStringList specRowProblems(CatalogSpecRow &spec);

} // namespace iovplan::catalogs
