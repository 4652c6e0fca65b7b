#pragma once
// A cable of the design: which port connects to which.

#include <QString>

namespace iovplan::design {

/// One end of a cable: a device (server, switch or gateway id) and its port number.
struct CableEnd
{
    QString deviceId;
    int port = 1; ///< 1-based port number on the device

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

    bool operator==(const Cable &) const = default;
};

} // namespace iovplan::design
