#pragma once
// How I/O is virtualized in a scenario (issue 3, part 4).

#include "keyword.h"

#include <QString>

#include <optional>

namespace iovplan::design {

/// The IOV mode: software (hypervisor-emulated I/O), native (adapter-level virtual functions),
/// passthrough (a device given to one VM) or bare-metal (no hypervisor).
enum class IovMode { Software, Native, Passthrough, BareMetal };

/// The spellings of the IOV modes (documents, the evaluate JSON, messages), in the order messages list them.
inline constexpr std::array<Keyword<IovMode>, 4> iovModeSpellings { {
    { "software", IovMode::Software },
    { "native", IovMode::Native },
    { "passthrough", IovMode::Passthrough },
    { "bare-metal", IovMode::BareMetal },
} };

/// "software", "native", "passthrough" or "bare-metal".
[[nodiscard]] QString iovModeName(IovMode mode);
/// The mode spelled `text`, if any (case-sensitive).
[[nodiscard]] std::optional<IovMode> iovModeFromName(const QString &text);

} // namespace iovplan::design
