// Spellings of the design's enumerations, from their one table each (fabric.h, iovmode.h).
#include "fabric.h"
#include "iovmode.h"

namespace iovplan::design {

QString fabricKindName(FabricKind kind) { return keywordSpelling(kind, fabricKindSpellings); }
std::optional<FabricKind> fabricKindFromName(const QString &text) { return findKeyword(text, fabricKindSpellings); }
QString iovModeName(IovMode mode) { return keywordSpelling(mode, iovModeSpellings); }
std::optional<IovMode> iovModeFromName(const QString &text) { return findKeyword(text, iovModeSpellings); }

} // namespace iovplan::design
