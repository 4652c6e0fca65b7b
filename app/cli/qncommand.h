#pragma once

#include <QStringList>

class QTextStream;

namespace iovplan::cli {

/// `iovplan-cli qn FILE [--format json|table]`: solves a qn JSON network and prints the result.
/// Returns the exit status: 0 solved (saturated networks included), 2 bad input, 1 internal error.
int runQnCommand(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace iovplan::cli
