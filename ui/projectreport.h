#pragma once

#include "filereport.h"

namespace iovplan::ui {

/// Reads a *.iovplan project and evaluates every scenario (iov::evaluate): the `evaluate --format table`
/// text of each, or why the document cannot be read. Pure function, safe on any thread.
[[nodiscard]] FileReport evaluateProjectFile(const QString &path);

} // namespace iovplan::ui
