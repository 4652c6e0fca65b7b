#pragma once
// A cable of the design: which port connects to which, and the optics bought for it.

#include <QString>

#include <vector>

namespace iovplan::design {

/// One end of a cable. `deviceId` names a server, switch or gateway of the design, or a fabric: a
/// fabric end is an uplink into the existing network of that fabric (the LAN core or SAN the design
/// connects to but does not price). `slot` picks the ports on the device: 0 is the device's own ports
/// (a server's on-board LOM ports, a switch's ports, a gateway's InfiniBand ports); k >= 1 is the
/// adapter in a server's slot k, or the module in a gateway's slot k (a fixed gateway's outside ports
/// are slot 1). A fabric end has slot 0 and port 0.
struct CableEnd
{
    QString deviceId;
    int slot = 0;
    int port = 1; ///< 1-based port number within the slot

    bool operator==(const CableEnd &) const = default;
};

/// A cable on a fabric between two device ports.
struct Cable
{
    QString id;
    QString itemId; ///< the pinned cable item
    QString fabricId;
    CableEnd from;
    CableEnd to;
    /// Pinned transceiver items bought for this link (0, 1 or 2: optics at the ends that need them).
    std::vector<QString> transceiverItemIds;

    bool operator==(const Cable &) const = default;
};

} // namespace iovplan::design
