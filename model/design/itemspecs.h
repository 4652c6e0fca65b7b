#pragma once
// Reading a pinned item's specs as numbers: the catalog keeps every spec as text (catalogs/data/README.md),
// the roll-up and the IOV model need watts, ports, slots and heights.

#include "pinneditem.h"

#include <QString>
#include <QStringView>

#include <map>
#include <optional>

namespace iovplan::design {

/// The pinned items of a project, by id.
using PinnedCatalog = std::map<QString, PinnedItem>;

/// The spec named `field` of `item`, if the item has it.
[[nodiscard]] const PinnedSpec *findSpec(const PinnedItem &item, QStringView field);

/// The spec's value as a finite number (C locale), if the item has the field and it parses.
[[nodiscard]] std::optional<double> specNumber(const PinnedItem &item, QStringView field);

/// The spec's value as a whole number >= 0, if it has the field and the value is one.
[[nodiscard]] std::optional<int> specCount(const PinnedItem &item, QStringView field);

/// The spec's text value ("" when absent).
[[nodiscard]] QString specText(const PinnedItem &item, QStringView field);

/// A one-line name for reports and problems: "Vendor Model" (or the id when both are empty).
[[nodiscard]] QString displayName(const PinnedItem &item);

} // namespace iovplan::design
