#include "compareview.h"

#include "model/io/atomicfile.h"

#include "comparisoncharts.h"

#include <QtCharts/QChart>
#include <QtCharts/QChartView>

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QPixmap>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace iovplan::ui {

namespace {

constexpr int keyRole = Qt::UserRole + 1;
/// QSettings key of the table/charts splitter's state.
constexpr char splitterKey[] = "compareView/splitter";

} // namespace

CompareView::CompareView(Document &document, EvaluationService &evaluations, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_evaluations(evaluations)
    , m_model(new ComparisonModel(this))
{
    buildUi();
    rebuildScenarioList(false);

    connect(&m_document, &Document::projectReset, this, [this] { rebuildScenarioList(false); });
    connect(&m_document, &Document::scenarioListChanged, this, [this] { rebuildScenarioList(true); });
    connect(&m_document, &Document::scenarioChanged, this, [this](ScenarioKey, ScenarioParts parts) {
        if (parts.testFlag(ScenarioPart::Name))
            rebuildScenarioList(true);
        else
            scheduleRefresh(); // its evaluation is pending now
    });
    connect(&m_evaluations, &EvaluationService::evaluated, this, [this](ScenarioKey key) {
        const std::vector<ScenarioKey> chosen = chosenScenarios();
        if (std::find(chosen.begin(), chosen.end(), key) != chosen.end())
            scheduleRefresh();
    });
    connect(&m_evaluations, &EvaluationService::busyChanged, this, [this] { scheduleRefresh(); });
}

CompareView::~CompareView() = default;

void CompareView::buildUi()
{
    m_scenarioList = new QListWidget(this);
    m_scenarioList->setObjectName(QStringLiteral("compareScenarioList"));
    m_scenarioList->setFlow(QListView::LeftToRight);
    m_scenarioList->setWrapping(false);
    m_scenarioList->setSpacing(2);
    m_scenarioList->setToolTip(tr("Check two to four scenarios to compare"));
    m_scenarioList->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // One line of check boxes, as tall as a combo box.
    m_scenarioList->setFixedHeight(fontMetrics().height() + 16);
    m_scenarioList->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    connect(m_scenarioList, &QListWidget::itemChanged, this, &CompareView::onItemChanged);

    m_baselineBox = new QComboBox(this);
    m_baselineBox->setObjectName(QStringLiteral("compareBaseline"));
    m_baselineBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_baselineBox, &QComboBox::activated, this, [this](int index) {
        setBaseline(m_baselineBox->itemData(index).toInt());
    });

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("compareStatus"));
    m_copyButton = new QPushButton(tr("&Copy Table"), this);
    m_copyButton->setToolTip(tr("Copy the table to the clipboard (tab-separated, pastes into a spreadsheet)"));
    connect(m_copyButton, &QPushButton::clicked, this, &CompareView::copyToClipboard);
    m_exportButton = new QPushButton(tr("&Export CSV…"), this);
    connect(m_exportButton, &QPushButton::clicked, this, &CompareView::exportCsvWithDialog);

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Compare:"), this));
    controls->addWidget(m_scenarioList, 1);
    controls->addWidget(new QLabel(tr("Baseline:"), this));
    controls->addWidget(m_baselineBox);
    controls->addWidget(m_status);
    controls->addWidget(m_copyButton);
    controls->addWidget(m_exportButton);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("compareTable"));
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(false);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignCenter);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CompareView::applySpans);
    auto *copy = new QShortcut(QKeySequence::Copy, m_table);
    copy->setContext(Qt::WidgetShortcut);
    connect(copy, &QShortcut::activated, this, &CompareView::copyToClipboard);

    // Table above, charts in one row below: the table gets the full width its delta columns need.
    auto *charts = new QWidget(this);
    auto *chartsLayout = new QVBoxLayout(charts);
    chartsLayout->setContentsMargins(0, 0, 0, 0);
    chartsLayout->setSpacing(2);
    m_legend = new QWidget(charts);
    auto *legendLayout = new QHBoxLayout(m_legend);
    legendLayout->setContentsMargins(4, 0, 4, 0);
    legendLayout->addStretch(1);
    legendLayout->addStretch(1);
    chartsLayout->addWidget(m_legend);
    auto *row = new QHBoxLayout;
    row->setSpacing(4);
    for (int i = 0; i < compareViewCharts().size(); ++i) {
        auto *view = new QChartView(charts);
        view->setRenderHint(QPainter::Antialiasing);
        // The charts are made to read at about 200×170 px, the size they get in a 1600×1000 main window.
        view->setMinimumSize(160, 150);
        row->addWidget(view);
        m_chartViews << view;
    }
    chartsLayout->addLayout(row, 1);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("compareSplitter"));
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(charts);
    // Height the window gains or loses goes to the table: the charts keep their size, the rows are the detail.
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 0);
    m_splitter->setChildrenCollapsible(false);
    const QByteArray state = QSettings().value(QString::fromLatin1(splitterKey)).toByteArray();
    if (state.isEmpty() || !m_splitter->restoreState(state))
        m_splitter->setSizes({ 400, 190 });
    connect(m_splitter, &QSplitter::splitterMoved, this,
            [this] { QSettings().setValue(QString::fromLatin1(splitterKey), m_splitter->saveState()); });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_splitter, 1);
}

QList<QChart *> CompareView::charts() const
{
    QList<QChart *> charts;
    for (QChartView *view : m_chartViews)
        charts << view->chart();
    return charts;
}

std::vector<ScenarioKey> CompareView::chosenScenarios() const
{
    std::vector<ScenarioKey> keys;
    for (int i = 0; i < m_scenarioList->count(); ++i) {
        const QListWidgetItem *item = m_scenarioList->item(i);
        if (item->checkState() == Qt::Checked)
            keys.push_back(item->data(keyRole).toInt());
    }
    return keys;
}

void CompareView::setChosenScenarios(const std::vector<ScenarioKey> &keys)
{
    m_updatingList = true;
    int checked = 0;
    for (int i = 0; i < m_scenarioList->count(); ++i) {
        QListWidgetItem *item = m_scenarioList->item(i);
        const bool chosen = checked < maxScenarios
            && std::find(keys.begin(), keys.end(), item->data(keyRole).toInt()) != keys.end();
        checked += chosen ? 1 : 0;
        item->setCheckState(chosen ? Qt::Checked : Qt::Unchecked);
    }
    m_updatingList = false;
    updateCheckability();
    rebuildBaselineChoice();
    refresh();
}

void CompareView::setBaseline(ScenarioKey key)
{
    const std::vector<ScenarioKey> chosen = chosenScenarios();
    if (std::find(chosen.begin(), chosen.end(), key) == chosen.end() || key == m_baseline)
        return;
    m_baseline = key;
    m_baselineBox->setCurrentIndex(m_baselineBox->findData(key));
    refresh();
}

void CompareView::rebuildScenarioList(bool keepChoice)
{
    std::vector<ScenarioKey> chosen = keepChoice ? chosenScenarios() : std::vector<ScenarioKey> {};
    const std::vector<ScenarioKey> &keys = m_document.scenarioKeys();
    chosen.erase(std::remove_if(chosen.begin(), chosen.end(), [this](ScenarioKey k) { return !m_document.contains(k); }),
                 chosen.end());
    // Too few left (a new project, a deleted scenario): compare the first ones again.
    if (chosen.size() < 2) {
        chosen.clear();
        for (std::size_t i = 0; i < keys.size() && i < std::size_t(maxScenarios); ++i)
            chosen.push_back(keys[i]);
    }

    m_updatingList = true;
    m_scenarioList->clear();
    for (const ScenarioKey key : keys) {
        auto *item = new QListWidgetItem(m_document.scenario(key).name, m_scenarioList);
        item->setData(keyRole, key);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(std::find(chosen.begin(), chosen.end(), key) != chosen.end() ? Qt::Checked : Qt::Unchecked);
    }
    m_updatingList = false;
    updateCheckability();
    rebuildBaselineChoice();
    refresh();
}

void CompareView::onItemChanged(QListWidgetItem *)
{
    if (m_updatingList)
        return;
    updateCheckability();
    rebuildBaselineChoice();
    refresh();
}

void CompareView::updateCheckability()
{
    // With four checked the others cannot be checked: the choice stays within 2-4 without a dialog.
    const bool full = chosenScenarios().size() >= std::size_t(maxScenarios);
    m_updatingList = true;
    for (int i = 0; i < m_scenarioList->count(); ++i) {
        QListWidgetItem *item = m_scenarioList->item(i);
        const bool enabled = !full || item->checkState() == Qt::Checked;
        item->setFlags(enabled ? (Qt::ItemIsEnabled | Qt::ItemIsUserCheckable) : Qt::ItemIsUserCheckable);
        item->setToolTip(enabled ? QString() : tr("At most %1 scenarios are compared at once").arg(maxScenarios));
    }
    m_updatingList = false;
}

void CompareView::rebuildBaselineChoice()
{
    const std::vector<ScenarioKey> chosen = chosenScenarios();
    if (std::find(chosen.begin(), chosen.end(), m_baseline) == chosen.end())
        m_baseline = chosen.empty() ? 0 : chosen.front();
    m_baselineBox->clear();
    for (const ScenarioKey key : chosen)
        m_baselineBox->addItem(m_document.scenario(key).name, key);
    m_baselineBox->setCurrentIndex(m_baselineBox->findData(m_baseline));
    m_baselineBox->setEnabled(chosen.size() > 1);
}

void CompareView::scheduleRefresh()
{
    // Several scenarios finish in a burst: rebuild the table and charts once.
    if (m_refreshScheduled)
        return;
    m_refreshScheduled = true;
    QTimer::singleShot(0, this, [this] {
        if (m_refreshScheduled)
            refresh();
    });
}

void CompareView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        refresh();
}

void CompareView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // A dark palette wants the dark chart theme: new charts at the next refresh.
    if (event->type() == QEvent::PaletteChange && darkPalette() != m_chartsDark)
        scheduleRefresh();
}

void CompareView::refresh()
{
    m_refreshScheduled = false;
    // Hidden (another tab is current): rebuilding the table and charts on every evaluation would only
    // slow the editing down. The choice of scenarios is kept up to date; the figures follow on show.
    if (!isVisible()) {
        m_dirty = true;
        return;
    }
    m_dirty = false;
    const std::vector<ScenarioKey> chosen = chosenScenarios();
    std::vector<EvaluationPtr> evaluations;
    QStringList names;
    int baseline = 0;
    int pending = 0;
    for (std::size_t i = 0; i < chosen.size(); ++i) {
        const ScenarioKey key = chosen[i];
        if (key == m_baseline)
            baseline = static_cast<int>(i);
        evaluations.push_back(m_evaluations.latest(key));
        const bool busy = m_evaluations.isPending(key) || !evaluations.back();
        pending += busy ? 1 : 0;
        // Older figures stay visible while a newer revision is computed; the title says so.
        QString name = m_document.scenario(key).name;
        if (busy && evaluations.back())
            name += QStringLiteral(" (evaluating…)");
        names << name;
    }
    m_model->setEvaluations(std::move(evaluations), baseline, names);

    if (chosen.size() < 2)
        m_status->setText(tr("Check at least two scenarios."));
    else if (pending > 0)
        m_status->setText(tr("Evaluating %n scenario(s)…", nullptr, pending));
    else
        m_status->clear();
    m_copyButton->setEnabled(!chosen.empty());
    m_exportButton->setEnabled(!chosen.empty());

    m_table->resizeColumnsToContents();
    updateCharts();
}

void CompareView::applySpans()
{
    m_table->clearSpans();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, 0);
        if (index.data(ComparisonModel::RowKindRole).toInt() == static_cast<int>(ComparisonModel::RowKind::Group)
            && m_model->columnCount() > 1)
            m_table->setSpan(row, 0, 1, m_model->columnCount());
    }
}

bool CompareView::darkPalette() const
{
    return palette().color(QPalette::Window).lightness() < 128;
}

void CompareView::updateCharts()
{
    const QList<ComparisonChartSpec> specs = compareViewCharts();
    const bool dark = darkPalette();
    for (int i = 0; i < m_chartViews.size() && i < specs.size(); ++i) {
        QChart *old = m_chartViews[i]->chart();
        // The same scenarios in the same theme: new bar values, no new chart (QChart is costly to build).
        if (dark == m_chartsDark && updateComparisonBarChart(old, *m_model, specs.at(i)))
            continue;
        m_chartViews[i]->setChart(comparisonBarChart(*m_model, specs.at(i), dark));
        delete old; // setChart() hands the old chart back to us
    }
    m_chartsDark = dark;
    updateLegend();
}

void CompareView::updateLegend()
{
    QStringList names;
    for (int s = 0; s < m_model->scenarioCount(); ++s)
        names << m_model->scenarioName(s);
    if (names == m_legendNames && !m_legendLabels.isEmpty())
        return;
    m_legendNames = names;
    qDeleteAll(m_legendLabels);
    m_legendLabels.clear();
    auto *layout = qobject_cast<QHBoxLayout *>(m_legend->layout());
    const int side = fontMetrics().height() - 4;
    for (int s = 0; s < names.size(); ++s) {
        QPixmap swatch(side, side);
        swatch.fill(scenarioColor(s));
        auto *icon = new QLabel(m_legend);
        icon->setPixmap(swatch);
        auto *label = new QLabel(m_legend);
        label->setTextFormat(Qt::RichText);
        label->setText(names.at(s).toHtmlEscaped() + QStringLiteral("&nbsp;&nbsp;&nbsp;"));
        layout->insertWidget(layout->count() - 1, icon);
        layout->insertWidget(layout->count() - 1, label);
        m_legendLabels << icon << label;
    }
}

QString CompareView::exportCsv(const QString &path) const
{
    return io::writeFileAtomically(path, m_model->toCsv().toUtf8());
}

void CompareView::copyToClipboard() const
{
    auto *mime = new QMimeData;
    mime->setText(m_model->toTsv());
    mime->setData(QStringLiteral("text/csv"), m_model->toCsv().toUtf8());
    QApplication::clipboard()->setMimeData(mime);
}

void CompareView::exportCsvWithDialog()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Comparison"), QStringLiteral("comparison.csv"),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    const QString error = exportCsv(path);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Export Comparison"), error);
}

} // namespace iovplan::ui
