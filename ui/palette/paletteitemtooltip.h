#pragma once
// The palette's tooltip for a catalog item: what it is, its key specs with units, and where each figure
// comes from — a planner must see at a glance which numbers are estimates.

#include "paletteitem.h"

#include <QString>
#include <QStringList>

namespace iovplan::ui {

/// The spec fields worth showing first for items of `kind`, in display order (others are left out of
/// the tooltip; the inspector lists every spec of a placed item).
[[nodiscard]] QStringList keySpecFields(const QString &kind);

/// "20 Gb/s", "2", "software, native": a spec value with its unit, lists separated by commas.
[[nodiscard]] QString specValueText(const PaletteSpec &spec);

/// Rich-text tooltip: vendor and model, part number, description, price with its date and source, then
/// each key spec (readable name, value with unit) followed by its source. Text from the catalog is
/// HTML-escaped.
[[nodiscard]] QString paletteItemToolTip(const PaletteItem &item);

} // namespace iovplan::ui
