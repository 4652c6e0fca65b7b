#pragma once
// Shared by the Compare view's tests: the example's evaluations, `iovplan-cli evaluate` run for real, and
// the check that a comparison column holds exactly the figures the CLI prints.

#include "ui/compare/comparisonmodel.h"

#include "model/io/evaluationjson.h"
#include "tests/exampleproject.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <memory>

namespace iovplan::testing {

/// `scenario` evaluated the way EvaluationService does it (iov::evaluate with the project's pins).
inline ui::EvaluationPtr evaluationOf(const design::Scenario &scenario, const design::PinnedCatalog &catalog,
                                      ui::ScenarioKey key = 0)
{
    auto e = std::make_shared<ui::ScenarioEvaluation>();
    e->key = key;
    e->scenario = scenario;
    e->metrics = iov::evaluate(scenario, catalog);
    return e;
}

/// What `iovplan-cli evaluate FILE --format json` prints, parsed; empty with `*error` set on failure.
inline QJsonObject cliEvaluate(const QString &file, QString *error)
{
    QProcess cli;
    cli.start(QStringLiteral(IOVPLAN_CLI_PATH), { QStringLiteral("evaluate"), file, QStringLiteral("--format"), QStringLiteral("json") });
    // A limit so a broken CLI fails the test instead of hanging it; no assertion on the time taken.
    if (!cli.waitForFinished(300000) || cli.exitStatus() != QProcess::NormalExit || cli.exitCode() != 0) {
        *error = QStringLiteral("iovplan-cli evaluate %1 failed: %2").arg(file, QString::fromUtf8(cli.readAllStandardError()));
        return {};
    }
    QJsonParseError parse;
    const QJsonDocument json = QJsonDocument::fromJson(cli.readAllStandardOutput(), &parse);
    if (parse.error != QJsonParseError::NoError) {
        *error = parse.errorString();
        return {};
    }
    return json.object();
}

/// The scenario object named `name` in an evaluate JSON document.
inline QJsonObject cliScenario(const QJsonObject &evaluation, const QString &name)
{
    for (const QJsonValue &s : evaluation.value(QStringLiteral("scenarios")).toArray()) {
        if (s.toObject().value(QStringLiteral("name")).toString() == name)
            return s.toObject();
    }
    return {};
}

/// The value at a '/'-separated path; an array step picks the element whose "name" is the step.
inline QJsonValue jsonAt(const QJsonObject &scenario, const QString &path)
{
    QJsonValue v = scenario;
    for (const QString &step : path.split(QLatin1Char('/'))) {
        if (v.isArray()) {
            QJsonValue found(QJsonValue::Undefined);
            for (const QJsonValue &element : v.toArray()) {
                if (element.toObject().value(QStringLiteral("name")).toString() == step)
                    found = element;
            }
            v = found;
        } else {
            v = v.toObject().value(step);
        }
    }
    return v;
}

/// The outcome of comparing a column with the CLI: rows checked and the first difference ("" when none).
struct ColumnCheck
{
    int checked = 0;
    QString error;
};

/// Checks every metric row of `scenario`'s column against the CLI's JSON for that scenario: the number in
/// ValueRole and the text shown (the JSON figure spelled by reports::formatFigure).
inline ColumnCheck verifyColumnEqualsCli(const ui::ComparisonModel &model, int scenario, const QJsonObject &json)
{
    ColumnCheck result;
    const int column = model.scenarioColumn(scenario);
    for (int row = 0; row < model.rowCount(); ++row) {
        const reports::MetricDefinition *metric = model.metricAt(row);
        if (metric == nullptr)
            continue;
        const QModelIndex cell = model.index(row, column);
        const QJsonValue expected = jsonAt(json, metric->jsonPath);
        const QString shown = cell.data().toString();
        const QVariant value = cell.data(ui::ComparisonModel::ValueRole);
        const QString where = metric->jsonPath + QStringLiteral(" of ") + model.scenarioName(scenario);
        if (expected.isDouble()) {
            const double a = value.toDouble();
            const double b = expected.toDouble();
            // The JSON number is the same double printed with 17 significant digits.
            if (!value.isValid() || std::abs(a - b) > 1e-12 * std::max(1.0, std::abs(b)))
                result.error = QStringLiteral("%1: %2 != %3").arg(where, value.toString()).arg(b, 0, 'g', 17);
            else if (shown != reports::formatFigure(metric->kind, b))
                result.error = QStringLiteral("%1: shows %2, not %3").arg(where, shown, reports::formatFigure(metric->kind, b));
        } else if (expected.isBool()) {
            const bool yes = expected.toBool();
            if (!value.isValid() || value.toDouble() != (yes ? 1.0 : 0.0) || shown != (yes ? QStringLiteral("yes") : QStringLiteral("no")))
                result.error = QStringLiteral("%1: shows %2").arg(where, shown);
        } else if (expected.isString()) {
            if (shown != expected.toString())
                result.error = QStringLiteral("%1: shows %2, not %3").arg(where, shown, expected.toString());
        } else if (expected.isNull()) {
            if (value.isValid() || (shown != QStringLiteral("saturated") && shown != QStringLiteral("—")))
                result.error = QStringLiteral("%1: JSON null but the cell shows %2").arg(where, shown);
        } else {
            result.error = QStringLiteral("%1: the JSON has no such figure").arg(where);
        }
        if (!result.error.isEmpty())
            return result;
        ++result.checked;
    }
    return result;
}

/// Why column 1 of `model` is not an exact copy of column 0 (empty when it is): every metric's text equal,
/// its delta and % zero, and neither value marked better.
inline QString copyColumnDifference(const ui::ComparisonModel &model)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.metricAt(row) == nullptr)
            continue;
        const QString copy = model.index(row, model.scenarioColumn(1)).data().toString();
        const QString original = model.index(row, model.scenarioColumn(0)).data().toString();
        if (copy != original)
            return QStringLiteral("row %1: %2 vs %3").arg(row).arg(copy, original);
        for (int column : {model.deltaColumn(1), model.percentColumn(1)}) {
            const QVariant value = model.index(row, column).data(ui::ComparisonModel::ValueRole);
            if (value.isValid() && value.toDouble() != 0.0)
                return QStringLiteral("row %1 column %2: %3, not 0").arg(row).arg(column).arg(value.toDouble());
        }
        for (int scenario : {0, 1}) {
            if (model.index(row, model.scenarioColumn(scenario)).data(ui::ComparisonModel::BetterRole).toBool())
                return QStringLiteral("row %1: equal values, one marked better").arg(row);
        }
    }
    return {};
}

} // namespace iovplan::testing
