#pragma once
// The bill of materials of a scenario: one line per catalog item with its quantity and prices, in whole
// cents so every subtotal and total a buyer reads adds up exactly.

#include "model/design/itemspecs.h"
#include "model/design/scenario.h"

#include <QString>

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace iovplan::cost {

/// US dollars in whole cents. Prices are rounded to the cent once, when a line is formed.
using Cents = std::int64_t;

/// `usd` rounded to the nearest cent.
[[nodiscard]] Cents toCents(double usd);
/// `cents` as dollars.
[[nodiscard]] double toUsd(Cents cents);

/// The BOM's categories, in the order reports list them. Everything but storage arrays and servers is I/O.
enum class BomCategory { Adapters, Switching, Gateways, Cabling, Storage, Servers };
inline constexpr std::array<BomCategory, 6> allBomCategories { BomCategory::Adapters, BomCategory::Switching,
    BomCategory::Gateways, BomCategory::Cabling, BomCategory::Storage, BomCategory::Servers };

/// "adapters", "switching", "gateways", "cabling", "storage" or "servers" (the evaluate JSON's by_category keys).
[[nodiscard]] QString bomCategoryName(BomCategory category);
/// The category an item kind is bought under: adapter → adapters, switch → switching, gateway and
/// gateway-module → gateways, cable and transceiver → cabling, storage → storage, server → servers.
[[nodiscard]] std::optional<BomCategory> bomCategoryOfKind(const QString &kind);
/// Whether the category counts as I/O (ARCHITECTURE.md, `io_*` figures): not servers, not storage arrays
/// (the back end both sides of a comparison keep).
[[nodiscard]] constexpr bool isIoCategory(BomCategory category)
{
    return category != BomCategory::Servers && category != BomCategory::Storage;
}

/// One BOM line: an item, how many the design uses, and what they cost.
struct BomLine
{
    BomCategory category = BomCategory::Adapters;
    QString itemId;
    QString partNumber;
    QString name; ///< "Vendor Model"
    QString description;
    int quantity = 0;
    Cents unitPrice = 0;
    Cents extendedPrice = 0; ///< unitPrice × quantity
    QString priceDate; ///< "YYYY-MM"
    QString priceSource;
    /// Maintenance % of list per year that applies to this line (the scenario's override, else the
    /// item's own figure); none when neither gives one.
    std::optional<double> maintenancePctPerYear;
    QString maintenanceSource;

    bool operator==(const BomLine &) const = default;
};

/// All lines of a scenario, ordered by category (allBomCategories order) then item id.
struct BillOfMaterials
{
    std::vector<BomLine> lines;

    [[nodiscard]] Cents subtotal(BomCategory category) const;
    [[nodiscard]] Cents ioTotal() const;
    [[nodiscard]] Cents total() const;
    /// Units bought in one category (e.g. adapters).
    [[nodiscard]] int quantity(BomCategory category) const;
};

/// Counts every server, adapter, switch, gateway chassis and module, cable and transceiver of the
/// scenario's design. References to items the catalog does not pin are skipped (designcheck reports them).
[[nodiscard]] BillOfMaterials billOfMaterials(const design::Scenario &scenario, const design::PinnedCatalog &catalog);

} // namespace iovplan::cost
