#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace iovplan::catalogs {

/// One row of items.csv (and of the items table): what an item is, what it cost and where that came from.
struct CatalogItemRow
{
    QString id;          ///< stable slug, e.g. "mellanox-mhga28-xtc"
    QString catalog;     ///< "2007", "current" or "user"
    QString kind;        ///< server, adapter, switch, gateway, gateway-module, cable, transceiver, storage
    QString vendor;
    QString model;
    QString partNumber;
    QString description;
    std::optional<double> priceUsd;
    QString priceDate;   ///< YYYY-MM
    QString priceSource;
    std::optional<double> maintenancePctPerYear;
    QString maintenanceSource;
    QString file;        ///< where the row was read, for messages
    int line = 0;
};

/// One row of specs.csv (and of the item_specs table): one field of one item, with unit and source.
struct CatalogSpecRow
{
    QString itemId;
    QString field;
    QString value;                      ///< as written
    std::optional<double> numericValue; ///< set for Number and Integer fields
    QString unit;
    QString source;
    QString file;
    int line = 0;
};

/// One item and its specs, as the user or an import proposes it (catalogeditor.h validates and writes
/// it). Spec rows may leave itemId empty: they belong to item.id.
struct CatalogItemDraft
{
    CatalogItemRow item;
    QList<CatalogSpecRow> specs;
};

/// A whole catalog as read from its CSV sources.
struct CatalogRows
{
    QList<CatalogItemRow> items;
    QList<CatalogSpecRow> specs;
};

} // namespace iovplan::catalogs
