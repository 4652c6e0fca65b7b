#pragma once

#include <QStringList>

class QTextStream;

namespace iovplan::cli {

/// `iovplan-cli export-chart FILE (--chart ID [--scenario NAME] -o OUT.png|OUT.svg | --all -o DIR
/// [--format png|svg]) | --list`: the report's charts as PNG or SVG files. Needs a QGuiApplication.
int runExportChartCommand(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace iovplan::cli
