#pragma once
// Reading a *.iovplan document for a command, reporting a bad one as the one-line error.

#include "model/design/project.h"

#include <QString>

#include <optional>

class QTextStream;

namespace iovplan::cli {

/// The project in `file`, or nothing after printing "iovplan-cli: FILE: FIELD: MESSAGE" to `err`.
[[nodiscard]] std::optional<design::Project> readProjectOrReport(const QString &file, QTextStream &err);

/// The project in `file` when it has a scenario named `scenarioName` (any, when empty), or nothing after
/// printing the error ("--scenario: no scenario named ...").
[[nodiscard]] std::optional<design::Project> readProjectWithScenarioOrReport(const QString &file,
                                                                           const QString &scenarioName, QTextStream &err);

} // namespace iovplan::cli
