#pragma once

#include <QStringList>

class QTextStream;

namespace iovplan::cli {

/// `iovplan-cli catalog list|import|export ...`: lists, prices from a vendor quote, and exports the
/// user's hardware catalog database (created with the shipped catalogs on first use).
/// Returns the exit status: 0 success, 2 bad input (nothing changed), 1 internal error.
int runCatalogCommand(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace iovplan::cli
