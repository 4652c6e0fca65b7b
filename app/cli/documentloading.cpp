#include "documentloading.h"

#include "commandline.h"
#include "model/io/projectdocument.h"

#include <QStringList>

#include <algorithm>

namespace iovplan::cli {

std::optional<design::Project> readProjectOrReport(const QString &file, QTextStream &err)
{
    io::ProjectReadResult read = io::readProjectFile(file);
    if (!read.ok()) {
        reportBadInput(err, file, read.error.field, read.error.message);
        return std::nullopt;
    }
    return std::move(*read.project);
}

std::optional<design::Project> readProjectWithScenarioOrReport(const QString &file, const QString &name, QTextStream &err)
{
    std::optional<design::Project> project = readProjectOrReport(file, err);
    if (!project || name.isEmpty())
        return project;
    const auto &scenarios = project->scenarios;
    if (std::any_of(scenarios.begin(), scenarios.end(), [&](const design::Scenario &s) { return s.name == name; }))
        return project;
    QStringList names;
    for (const design::Scenario &s : scenarios)
        names << QLatin1Char('"') + s.name + QLatin1Char('"');
    reportBadInput(err, file, QStringLiteral("--scenario"),
                   QStringLiteral("no scenario named \"%1\"; the document has %2").arg(name, names.join(QStringLiteral(", "))));
    return std::nullopt;
}

} // namespace iovplan::cli
