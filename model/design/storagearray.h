#pragma once
// A storage array of the design: the back end the SAN traffic ends at.

#include <QString>

namespace iovplan::design {

/// A storage array placed in a rack and attached to one fabric (a SAN, or InfiniBand for SRP/iSER targets).
/// A design without arrays leaves its back end outside the model: the existing SAN is assumed to keep up.
struct StorageArray
{
    QString id;
    QString name;
    QString itemId; ///< the pinned storage item
    QString rackId;
    int positionU = 1; ///< lowest U, 1-based
    QString fabricId;

    bool operator==(const StorageArray &) const = default;
};

} // namespace iovplan::design
