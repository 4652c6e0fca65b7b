#pragma once
// The physical design of a scenario: racks, devices, fabrics and cables.

#include "cable.h"
#include "fabric.h"
#include "gateway.h"
#include "rack.h"
#include "server.h"
#include "storagearray.h"
#include "switch.h"

#include <vector>

namespace iovplan::design {

/// Everything a scenario places and connects. Ids are unique across racks, devices, fabrics and
/// cables of one design, so a cable end names a device without saying its type.
struct Design
{
    std::vector<Rack> racks;
    std::vector<Server> servers;
    std::vector<Switch> switches;
    std::vector<Gateway> gateways;
    std::vector<StorageArray> storage;
    std::vector<Fabric> fabrics;
    std::vector<Cable> cables;

    bool operator==(const Design &) const = default;
};

} // namespace iovplan::design
