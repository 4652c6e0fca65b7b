#pragma once

#include "filereport.h"

namespace iovplan::ui {

/// Reads and solves a qn JSON file: the solution as a text table, or why the file cannot be solved.
/// Pure function, safe on any thread.
[[nodiscard]] FileReport solveQueueingNetworkFile(const QString &path);

} // namespace iovplan::ui
