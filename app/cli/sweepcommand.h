#pragma once

#include <QStringList>

class QTextStream;

namespace iovplan::cli {

/// `iovplan-cli sweep FILE --param P --from A --to B --steps N [--scenario NAME] [--shard i/n]` and
/// `iovplan-cli failures FILE [--scenario NAME]` (docs/whatif.md). Returns 0, 2 bad input, 1 internal error.
int runSweepCommand(const QStringList &args, QTextStream &out, QTextStream &err);
int runFailuresCommand(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace iovplan::cli
