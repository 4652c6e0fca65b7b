#pragma once
// A fabric of the design: the LAN, the SAN or the InfiniBand fabric that switches and cables join.

#include "keyword.h"

#include <QString>

#include <optional>

namespace iovplan::design {

/// What a fabric carries.
enum class FabricKind { Lan, San, InfiniBand };

/// The spellings of the fabric kinds, in the order messages list them.
inline constexpr std::array<Keyword<FabricKind>, 3> fabricKindSpellings { {
    { "lan", FabricKind::Lan },
    { "san", FabricKind::San },
    { "infiniband", FabricKind::InfiniBand },
} };

/// "lan", "san" or "infiniband".
[[nodiscard]] QString fabricKindName(FabricKind kind);
/// The kind spelled `text` ("lan", "san", "infiniband"), if any.
[[nodiscard]] std::optional<FabricKind> fabricKindFromName(const QString &text);

/// A fabric.
struct Fabric
{
    QString id;
    FabricKind kind = FabricKind::Lan;
    QString name;

    bool operator==(const Fabric &) const = default;
};

} // namespace iovplan::design
