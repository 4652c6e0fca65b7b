#include "projectreport.h"

#include "model/io/projectdocument.h"
#include "model/iov/evaluation.h"
#include "reports/evaluationtable.h"

namespace iovplan::ui {

FileReport evaluateProjectFile(const QString &path)
{
    const io::ProjectReadResult read = io::readProjectFile(path);
    if (!read.ok()) {
        const QString where = read.error.field.isEmpty() ? QString() : read.error.field + QStringLiteral(": ");
        return { false, path + QStringLiteral(": ") + where + read.error.message };
    }
    QString text = read.project->name + QLatin1Char('\n');
    for (const design::Scenario &scenario : read.project->scenarios)
        text += QLatin1Char('\n') + reports::evaluationTable(scenario, iov::evaluate(scenario, read.project->catalog));
    return { true, text };
}

} // namespace iovplan::ui
