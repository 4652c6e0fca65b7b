#include "problemsmodel.h"

#include "problemobjects.h"

#include <QApplication>
#include <QStyle>

#include <algorithm>

namespace iovplan::ui {

ProblemsModel::ProblemsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ProblemsModel::setEvaluation(const design::Scenario &scenario, const iov::ScenarioMetrics &metrics)
{
    beginResetModel();
    m_rows.clear();
    for (const design::Problem &p : metrics.problems)
        m_rows.push_back({ p, designObjectsOf(p, scenario.design), false });
    for (const design::Problem &p : slaProblems(scenario, metrics))
        m_rows.push_back({ p, designObjectsOf(p, scenario.design), true });
    endResetModel();
}

void ProblemsModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int ProblemsModel::errorCount() const
{
    return static_cast<int>(std::count_if(m_rows.begin(), m_rows.end(), [](const ProblemRow &r) {
        return r.problem.severity == design::Severity::Error;
    }));
}

int ProblemsModel::warningCount() const
{
    return static_cast<int>(m_rows.size()) - errorCount();
}

int ProblemsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ProblemsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProblemsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ProblemRow &row = m_rows[static_cast<std::size_t>(index.row())];
    const bool error = row.problem.severity == design::Severity::Error;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            return error ? tr("Error") : tr("Warning");
        case MessageColumn:
            return row.problem.message;
        case ObjectColumn:
            return row.problem.object;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == ObjectColumn && !row.objectIds.isEmpty())
            return tr("Selects %1").arg(row.objectIds.join(QStringLiteral(", ")));
        return row.problem.message;
    case Qt::DecorationRole:
        if (index.column() == SeverityColumn && qobject_cast<QApplication *>(QCoreApplication::instance()) != nullptr) {
            return QApplication::style()->standardIcon(error ? QStyle::SP_MessageBoxCritical
                                                             : QStyle::SP_MessageBoxWarning);
        }
        return {};
    case SeverityRole:
        return static_cast<int>(row.problem.severity);
    case ObjectIdsRole:
        return row.objectIds;
    default:
        return {};
    }
}

QVariant ProblemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case MessageColumn:
        return tr("Problem");
    case ObjectColumn:
        return tr("Object");
    default:
        return {};
    }
}

} // namespace iovplan::ui
