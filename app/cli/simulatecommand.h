#pragma once

#include <QStringList>

class QTextStream;

namespace iovplan::cli {

/// `iovplan-cli simulate FILE [options]`: discrete-event simulation of a qn JSON network (docs/simulation.md).
/// Returns the exit status: 0, 2 bad input, 1 internal error.
int runSimulateCommand(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace iovplan::cli
