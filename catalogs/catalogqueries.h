#pragma once
// Read-only look-ups in the user's catalog database that the UI needs, so no layer above catalogs/ writes SQL.

#include "catalogdatabase.h"

#include <QString>
#include <QStringList>

namespace iovplan::catalogs {

/// Item ids found by a catalog query, or why the query failed (naming the database file; `ids` empty then).
struct CatalogIdsResult
{
    QStringList ids;
    QString error;

    [[nodiscard]] bool ok() const { return error.isEmpty(); }
};

/// The ids of the items of any of `kinds` ("adapter", "gateway", ...) that are not retired, ascending by
/// id so callers see the same order every time. Unknown kinds and an empty list match nothing (not an
/// error); a closed database or failing statement is.
[[nodiscard]] CatalogIdsResult activeItemIds(const CatalogDatabase &db, const QStringList &kinds);

} // namespace iovplan::catalogs
