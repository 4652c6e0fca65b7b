#pragma once
// Internal to the what-if analysis (whatif.cpp): the edits a sweep step makes to a copy of the design or
// workload, and the cable helpers the failure cases share with them.

#include "model/design/itemspecs.h"
#include "model/design/scenario.h"

#include <QString>

#include <algorithm>
#include <vector>

namespace iovplan::iov {

/// Whether `itemId` is an InfiniBand adapter: "vpi" ports run as InfiniBand by default, as in
/// serverpaths.cpp. Unknown items are not.
[[nodiscard]] bool isInfiniBandAdapter(const design::PinnedCatalog &catalog, const QString &itemId);

/// Whether either end of `cable` is on the device.
[[nodiscard]] bool touches(const design::Cable &cable, const QString &deviceId);

/// Whether either end of `cable` is on the device's slot.
[[nodiscard]] bool touchesSlot(const design::Cable &cable, const QString &deviceId, int slot);

/// Removes the cables `drop` selects; returns how many.
template<typename Predicate>
int removeCables(design::Design &design, Predicate drop)
{
    const auto end = std::remove_if(design.cables.begin(), design.cables.end(), drop);
    const int removed = static_cast<int>(design.cables.end() - end);
    design.cables.erase(end, design.cables.end());
    return removed;
}

/// Every server group's profiles scaled so the group's servers hold `vms` VMs each; the largest remainders
/// take the leftover VMs so the total is exact.
void setVmsPerServer(design::Workload &workload, int vms);

/// Multiplies every per-VM byte and IOPS rate by `factor`.
void scaleLoad(design::Workload &workload, double factor);

/// Keeps the first `keep` gateways of each side (design order). The server cables of a removed gateway
/// move round-robin onto the kept gateways of the same side, each to the lowest free InfiniBand port;
/// its other cables (uplinks, links between chassis) go with it. Returns the servers with a cable that
/// found no free port.
[[nodiscard]] std::vector<QString> keepGateways(design::Design &design, const design::PinnedCatalog &catalog, int keep);

/// Adds a second InfiniBand adapter where a server has one (the same item, in the lowest free slot of its
/// form factor, each of the first adapter's cables copied to a free port of the same switch or gateway),
/// or removes the adapters beyond the first `hcas`. A server that cannot take the second adapter keeps one;
/// those servers are returned.
[[nodiscard]] std::vector<QString> setHcas(design::Design &design, const design::PinnedCatalog &catalog, int hcas);

} // namespace iovplan::iov
