#pragma once
// `iovplan-cli refresh-prices FILE [--apply] [--database DB]`: compares a document's pinned items with
// the catalog database and lists every change; --apply writes the refreshed document atomically.

#include <QStringList>
#include <QTextStream>

namespace iovplan::cli {

/// Runs the command on `args` (after "refresh-prices"); returns the exit status (0, 2 bad input, 1 internal).
int runRefreshPricesCommand(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace iovplan::cli
