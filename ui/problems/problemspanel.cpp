#include "problemspanel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace iovplan::ui {

namespace {

QString plural(int count, const QString &one, const QString &many)
{
    return QStringLiteral("%1 %2").arg(count).arg(count == 1 ? one : many);
}

} // namespace

ProblemsPanel::ProblemsPanel(EvaluationService &evaluations, DesignSelection &selection, QWidget *parent)
    : QWidget(parent)
    , m_evaluations(evaluations)
    , m_selection(selection)
    , m_model(new ProblemsModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_count(new QLabel(this))
    , m_filter(new QComboBox(this))
    , m_view(new QTableView(this))
{
    m_count->setObjectName(QStringLiteral("count"));
    m_filter->setObjectName(QStringLiteral("filter"));
    m_view->setObjectName(QStringLiteral("problems"));
    m_filter->addItem(tr("All problems"), static_cast<int>(Filter::All));
    m_filter->addItem(tr("Errors"), static_cast<int>(Filter::Errors));
    m_filter->addItem(tr("Warnings"), static_cast<int>(Filter::Warnings));

    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterRole(ProblemsModel::SeverityRole);
    m_proxy->setFilterKeyColumn(ProblemsModel::SeverityColumn);
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(true);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(ProblemsModel::SeverityColumn, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(ProblemsModel::MessageColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(ProblemsModel::ObjectColumn, QHeaderView::ResizeToContents);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto *top = new QHBoxLayout;
    top->addWidget(m_count, 1);
    top->addWidget(m_filter);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);

    connect(m_filter, &QComboBox::currentIndexChanged, this,
            [this](int index) { setFilter(static_cast<Filter>(m_filter->itemData(index).toInt())); });
    connect(m_view, &QAbstractItemView::activated, this, &ProblemsPanel::activate);
    connect(&m_evaluations, &EvaluationService::evaluated, this, [this](ScenarioKey key) {
        if (key == m_selection.scenario())
            setEvaluation(m_evaluations.latest(key));
    });
    connect(&m_selection, &DesignSelection::scenarioChanged, this, &ProblemsPanel::followScenario);
    followScenario();
}

void ProblemsPanel::followScenario()
{
    setEvaluation(m_evaluations.latest(m_selection.scenario()));
}

void ProblemsPanel::setEvaluation(EvaluationPtr evaluation)
{
    m_evaluation = std::move(evaluation);
    if (m_evaluation)
        m_model->setEvaluation(m_evaluation->scenario, m_evaluation->metrics);
    else
        m_model->clear();
    updateCount();
}

void ProblemsPanel::setFilter(Filter filter)
{
    const int index = m_filter->findData(static_cast<int>(filter));
    if (index != m_filter->currentIndex())
        m_filter->setCurrentIndex(index); // comes back here through currentIndexChanged
    switch (filter) {
    case Filter::All:
        m_proxy->setFilterRegularExpression(QString());
        break;
    case Filter::Errors:
        m_proxy->setFilterRegularExpression(QStringLiteral("^%1$").arg(static_cast<int>(design::Severity::Error)));
        break;
    case Filter::Warnings:
        m_proxy->setFilterRegularExpression(QStringLiteral("^%1$").arg(static_cast<int>(design::Severity::Warning)));
        break;
    }
    updateCount();
}

QString ProblemsPanel::countText() const
{
    return m_count->text();
}

void ProblemsPanel::updateCount()
{
    const int errors = m_model->errorCount();
    const int warnings = m_model->warningCount();
    const int total = errors + warnings;
    QString text;
    if (!m_evaluation)
        text = tr("Evaluating…");
    else if (total == 0)
        text = tr("No problems");
    else
        text = tr("%1: %2, %3").arg(plural(total, tr("problem"), tr("problems")), plural(errors, tr("error"), tr("errors")),
                                     plural(warnings, tr("warning"), tr("warnings")));
    if (m_proxy->rowCount() != total)
        text += tr(" — showing %1").arg(m_proxy->rowCount());
    m_count->setText(text);
}

void ProblemsPanel::activate(const QModelIndex &proxyIndex)
{
    const QModelIndex source = m_proxy->mapToSource(proxyIndex);
    if (!source.isValid())
        return;
    const QStringList ids = m_model->data(source, ProblemsModel::ObjectIdsRole).toStringList();
    if (m_evaluation && m_evaluation->key != m_selection.scenario())
        return; // a result of another scenario still shown: its ids mean nothing in the current one
    m_selection.setIds(ids);
}

} // namespace iovplan::ui
