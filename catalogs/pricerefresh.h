#pragma once
// "Refresh prices" (issue 3, part 4): a project pins a snapshot of every catalog item it uses
// (model/design/pinneditem.h); this compares the snapshots with the user's catalog database, lists every
// difference, and applies the ones the user accepts. docs/refresh-prices.md has the rules.

#include "model/design/pinneditem.h"
#include "model/design/project.h"

#include <QString>

#include <cstddef>
#include <optional>
#include <vector>

namespace iovplan::catalogs {

class CatalogDatabase;

/// The snapshot of one catalog item, as a project pins it when the user places the item.
struct PinResult
{
    std::optional<design::PinnedItem> item;
    bool retired = false; ///< the catalog no longer offers the item for new designs
    QString error;        ///< why there is no snapshot ("item ID: ..."), empty on success

    [[nodiscard]] bool ok() const { return item.has_value(); }
};

/// Builds the full snapshot of catalog item `itemId`: every PinnedItem field and its specs in the
/// catalog's order. An item without a price cannot be pinned (a design would silently cost $0).
[[nodiscard]] PinResult pinItem(const CatalogDatabase &db, const QString &itemId);

/// What kind of difference a PinnedItemChange is.
enum class PinnedChangeKind {
    ItemField,    ///< one field of the item (price, dates, sources, maintenance, names, kind)
    Spec,         ///< one spec added, removed, or changed in value, unit or source
    Retired,      ///< the catalog retired the item; the pin is kept and its fields still compared
    NotInCatalog, ///< the catalog has no item with this id; the pin is kept as it is
    Unreadable,   ///< the catalog database could not be read for this item
};

/// One difference between a pinned item and the catalog's current row.
struct PinnedItemChange
{
    QString itemId;
    PinnedChangeKind kind = PinnedChangeKind::ItemField;
    /// The document key of the field ("price_usd", "price_date", "maintenance_pct_per_year", ...),
    /// "specs.<field>" for a spec, "catalog" for Retired / NotInCatalog / Unreadable.
    QString field;
    /// ItemField: the old and new text of a text field.
    QString oldText;
    QString newText;
    /// ItemField: the old and new value of price_usd or maintenance_pct_per_year (empty: none).
    std::optional<double> oldNumber;
    std::optional<double> newNumber;
    /// Spec: the pinned spec (empty when the catalog added it) and the catalog's (empty when removed).
    std::optional<design::PinnedSpec> oldSpec;
    std::optional<design::PinnedSpec> newSpec;
    /// Spec added: its position in the catalog's spec order, so applying keeps that order.
    std::size_t catalogSpecIndex = 0;
    /// False for a difference that is reported but never applied (status notes, a catalog item that
    /// lost its price, a changed kind): see note.
    bool applicable = true;
    /// Context for people: the dates and sources of a price change, or why a change is not applied.
    QString note;

    bool operator==(const PinnedItemChange &) const = default;
};

/// Every difference between the project's pinned items and the catalog, by item id, then field in
/// the document's order (status, kind, vendor, model, part_number, description, price_usd,
/// price_date, price_source, maintenance_pct_per_year, maintenance_source), then specs by field name.
/// Items that match the catalog are not listed.
[[nodiscard]] std::vector<PinnedItemChange> compareWithCatalog(const design::Project &project,
                                                              const CatalogDatabase &db);

/// The project with the applicable `changes` applied to its pins and nothing else changed. Pins are
/// never dropped (an item the catalog no longer has keeps its snapshot); a change naming an item the
/// project does not pin is ignored.
[[nodiscard]] design::Project applyRefresh(const design::Project &project,
                                           const std::vector<PinnedItemChange> &changes);

/// A change's old (`which` = Old) or new value as one line of text: numbers in shortest form, a spec
/// as "VALUE UNIT" with "(source: ...)" when the source changed, "-" for none.
enum class ChangeSide { Old, New };
[[nodiscard]] QString changeValueText(const PinnedItemChange &change, ChangeSide which);

} // namespace iovplan::catalogs
