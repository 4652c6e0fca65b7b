#pragma once

#include <QStringList>

class QTextStream;

namespace iovplan::cli {

/// `iovplan-cli evaluate FILE.iovplan [--scenario NAME] [--format json|table]`: the metrics of every
/// scenario (ARCHITECTURE.md, evaluate JSON). Returns the exit status: 0, 2 bad input, 1 internal error.
int runEvaluateCommand(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace iovplan::cli
