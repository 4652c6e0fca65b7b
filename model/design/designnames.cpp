// Spellings of the design's enumerations, one table each, used by both directions.
#include "fabric.h"
#include "iovmode.h"

#include <array>
#include <utility>

namespace iovplan::design {

namespace {

constexpr std::array<std::pair<const char *, FabricKind>, 3> fabricKindNames { {
    { "lan", FabricKind::Lan },
    { "san", FabricKind::San },
    { "infiniband", FabricKind::InfiniBand },
} };

constexpr std::array<std::pair<const char *, IovMode>, 4> iovModeNames { {
    { "software", IovMode::Software },
    { "native", IovMode::Native },
    { "passthrough", IovMode::Passthrough },
    { "bare-metal", IovMode::BareMetal },
} };

template <typename Enum, std::size_t N>
QString nameOf(Enum value, const std::array<std::pair<const char *, Enum>, N> &names)
{
    for (const auto &[spelling, v] : names) {
        if (v == value)
            return QLatin1String(spelling);
    }
    return {};
}

template <typename Enum, std::size_t N>
std::optional<Enum> valueOf(const QString &text, const std::array<std::pair<const char *, Enum>, N> &names)
{
    for (const auto &[spelling, v] : names) {
        if (text == QLatin1String(spelling))
            return v;
    }
    return std::nullopt;
}

} // namespace

QString fabricKindName(FabricKind kind) { return nameOf(kind, fabricKindNames); }
std::optional<FabricKind> fabricKindFromName(const QString &text) { return valueOf(text, fabricKindNames); }
QString iovModeName(IovMode mode) { return nameOf(mode, iovModeNames); }
std::optional<IovMode> iovModeFromName(const QString &text) { return valueOf(text, iovModeNames); }

} // namespace iovplan::design
