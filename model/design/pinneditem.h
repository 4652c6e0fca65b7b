#pragma once
// A catalog item as a project pins it: the snapshot of specs, price and sources that a report was
// computed from, so the report can be reproduced after the catalog changes (ARCHITECTURE.md, Documents).

#include <QString>

#include <optional>
#include <vector>

namespace iovplan::design {

/// One spec of a pinned item, as catalogs/data/README.md describes specs.csv: the value is kept as
/// the catalog's text ("2", "PCIe;PCI-X", "cut-through"); its unit is the catalog's unit ("Gb/s", "W").
struct PinnedSpec
{
    QString field;
    QString value;
    QString unit;
    QString source;

    bool operator==(const PinnedSpec &) const = default;
};

/// A snapshot of one catalog item (catalogs/data/README.md, items.csv).
struct PinnedItem
{
    QString id; ///< the catalog's stable slug; designs refer to items by it
    QString kind; ///< server, adapter, switch, gateway, gateway-module, cable, transceiver, storage
    QString vendor;
    QString model;
    QString partNumber;
    QString description;
    double priceUsd = 0.0; ///< USD, >= 0
    QString priceDate; ///< "YYYY-MM" the price refers to
    QString priceSource;
    /// Support contract as % of list per year (0-100); absent: use the scenario's assumption.
    std::optional<double> maintenancePctPerYear;
    QString maintenanceSource;
    std::vector<PinnedSpec> specs; ///< in the catalog's order

    bool operator==(const PinnedItem &) const = default;
};

} // namespace iovplan::design
