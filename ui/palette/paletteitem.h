#pragma once
// One catalog item as the palette reads it from the items and item_specs tables.

#include <QString>

#include <optional>
#include <vector>

namespace iovplan::ui {

/// One spec of a palette item: the catalog's text value, its unit and where the figure comes from.
struct PaletteSpec
{
    QString field;
    QString value;
    QString unit;
    QString source;
};

/// A catalog item row with its specs, in the catalog's order.
struct PaletteItem
{
    QString id;
    QString catalog; ///< "2007", "current" or "user"
    QString kind;
    QString vendor;
    QString model;
    QString partNumber;
    QString description;
    std::optional<double> priceUsd; ///< absent: the catalog has no price for it
    QString priceDate; ///< YYYY-MM
    QString priceSource;
    bool retired = false;
    std::vector<PaletteSpec> specs;
};

} // namespace iovplan::ui
