#pragma once
// The workload of a scenario: VM profiles per server group and the SLA.

#include "sla.h"
#include "vmprofile.h"

#include <vector>

namespace iovplan::design {

/// What runs on the design and the targets it must meet.
struct Workload
{
    std::vector<VmProfile> profiles;
    Sla sla;

    bool operator==(const Workload &) const = default;
};

} // namespace iovplan::design
