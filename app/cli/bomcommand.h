#pragma once

#include <QStringList>

class QTextStream;

namespace iovplan::cli {

/// `iovplan-cli bom FILE.iovplan [--scenario NAME] [--csv]`: the bill of materials of every scenario (or
/// of NAME) as CSV (reports/bomcsv.h). Returns the exit status: 0, 2 bad input, 1 internal error.
int runBomCommand(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace iovplan::cli
