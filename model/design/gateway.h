#pragma once
// A gateway (InfiniBand to Ethernet or Fibre Channel) of the design, with its modules.

#include "server.h" // SlotItem

#include <QString>

#include <vector>

namespace iovplan::design {

/// A gateway chassis placed in a rack; modular products hold modules in numbered slots.
struct Gateway
{
    QString id;
    QString name;
    QString itemId; ///< the pinned gateway item
    QString rackId;
    int positionU = 1; ///< lowest U, 1-based
    std::vector<SlotItem> modules; ///< gateway-module items by slot

    bool operator==(const Gateway &) const = default;
};

} // namespace iovplan::design
