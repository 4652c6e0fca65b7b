#pragma once
// A switch of the design, on one fabric.

#include <QString>

namespace iovplan::design {

/// A switch placed in a rack, belonging to one fabric.
struct Switch
{
    QString id;
    QString name;
    QString itemId; ///< the pinned switch item
    QString rackId;
    int positionU = 1; ///< lowest U, 1-based
    QString fabricId;

    bool operator==(const Switch &) const = default;
};

} // namespace iovplan::design
