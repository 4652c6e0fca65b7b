#pragma once
// A rack of the design: devices are placed in it by U position.

#include <QString>

namespace iovplan::design {

/// A rack; U positions inside it run 1 .. heightU from the bottom.
struct Rack
{
    QString id;
    QString name;
    int heightU = 42;

    bool operator==(const Rack &) const = default;
};

} // namespace iovplan::design
