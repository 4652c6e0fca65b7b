#pragma once
// A server of the design, with its adapters in numbered slots.

#include <QString>

#include <vector>

namespace iovplan::design {

/// An adapter (NIC, HBA, HCA, DPU) in a numbered slot of a server.
struct SlotItem
{
    int slot = 1; ///< 1-based slot number
    QString itemId; ///< a pinned catalog item

    bool operator==(const SlotItem &) const = default;
};

/// A server placed in a rack. Servers of one group share a workload VM profile.
struct Server
{
    QString id;
    QString name;
    QString itemId; ///< the pinned server item
    QString rackId;
    int positionU = 1; ///< lowest U the server occupies, 1-based
    QString group; ///< server group, matched by VmProfile::serverGroup
    std::vector<SlotItem> adapters;

    bool operator==(const Server &) const = default;
};

} // namespace iovplan::design
