#pragma once
// The Problems panel (issue 5, part 1): the current scenario's slot and port violations, missing figures,
// saturation and SLA misses; activating one selects its object on DesignSelection, so the canvas shows it.

#include "problemsmodel.h"

#include "ui/editing/designselection.h"
#include "ui/editing/evaluationservice.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace iovplan::ui {

/// A filterable table of ProblemsModel (children: QLabel "count", QComboBox "filter", QTableView "problems").
class ProblemsPanel : public QWidget
{
    Q_OBJECT

public:
    /// What the table shows.
    enum class Filter { All, Errors, Warnings };

    ProblemsPanel(EvaluationService &evaluations, DesignSelection &selection, QWidget *parent = nullptr);

    /// Shows the problems of `evaluation` (null: none yet).
    void setEvaluation(EvaluationPtr evaluation);
    void setFilter(Filter filter);

    [[nodiscard]] ProblemsModel *model() const { return m_model; }
    [[nodiscard]] QTableView *view() const { return m_view; }
    /// The header text, e.g. "3 problems: 1 error, 2 warnings".
    [[nodiscard]] QString countText() const;

private:
    void followScenario();
    void activate(const QModelIndex &proxyIndex);
    void updateCount();

    EvaluationService &m_evaluations;
    DesignSelection &m_selection;
    EvaluationPtr m_evaluation;
    ProblemsModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLabel *m_count = nullptr;
    QComboBox *m_filter = nullptr;
    QTableView *m_view = nullptr;
};

} // namespace iovplan::ui
