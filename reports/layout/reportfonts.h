#pragma once
// The one typeface every report part draws with: DejaVu Sans (regular and bold), compiled into the
// program as a Qt resource so a report looks the same on every machine and its PDF embeds the font.

#include <QString>

namespace iovplan::reports {

/// The family name to give QFont for report text ("DejaVu Sans"). The first call registers the embedded
/// regular and bold faces with QFontDatabase (once, thread-safe); it needs a QGuiApplication. Without
/// one, or if the resource is missing, it returns "DejaVu Sans" and registers on a later call.
[[nodiscard]] QString reportFontFamily();

} // namespace iovplan::reports
