#pragma once
// The rows of the Problems panel: a scenario's problems (roll-up, then performance model) followed by the
// SLA misses its metrics imply, each with the design objects it points at.

#include "model/design/problem.h"
#include "model/design/scenario.h"
#include "model/iov/evaluation.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <vector>

namespace iovplan::ui {

/// One problem and the design object ids activating it selects.
struct ProblemRow
{
    design::Problem problem;
    QStringList objectIds;
    bool slaMiss = false; ///< derived from the metrics against the SLA, not reported by the model
};

/// A read-only table: severity (with the style's standard icon), message, object. Reset onto each evaluation.
class ProblemsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { SeverityColumn, MessageColumn, ObjectColumn, ColumnCount };
    enum Role {
        SeverityRole = Qt::UserRole + 1, ///< design::Severity as int
        ObjectIdsRole, ///< QStringList of design object ids
    };

    explicit ProblemsModel(QObject *parent = nullptr);

    /// Replaces the rows by the problems of `metrics` plus the SLA misses against `scenario`'s SLA.
    void setEvaluation(const design::Scenario &scenario, const iov::ScenarioMetrics &metrics);
    /// No rows.
    void clear();

    [[nodiscard]] const std::vector<ProblemRow> &rows() const { return m_rows; }
    [[nodiscard]] int errorCount() const;
    [[nodiscard]] int warningCount() const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<ProblemRow> m_rows;
};

} // namespace iovplan::ui
