#pragma once

#include <QStringList>

class QTextStream;

namespace iovplan::cli {

/// `iovplan-cli report FILE -o OUT.pdf [--scenarios A,B] [--page-size A4|Letter] [--sections LIST]
/// [--baseline NAME] [--author NAME] [--date YYYY-MM-DD]`: the procurement report as PDF.
/// Needs a QGuiApplication (fonts). Exit status: 0, 2 bad input, 1 internal error.
int runReportCommand(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace iovplan::cli
