#include "reportexportdialog.h"

#include "exportfiles.h"
#include "reportpreview.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace iovplan::ui {

namespace {

/// Long enough to take a burst of clicks or typing as one change, short enough to feel immediate.
constexpr int debounceMs = 300;

QListWidgetItem *checkableItem(const QString &text, QListWidget *list)
{
    auto *item = new QListWidgetItem(text, list);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
    item->setCheckState(Qt::Checked);
    return item;
}

/// A list as tall as `rows` rows (at most its item count), so short lists leave no empty box.
void fitListHeight(QListWidget *list, int rows)
{
    const int shown = std::max(1, std::min(rows, list->count()));
    const int rowHeight = list->count() > 0 ? list->sizeHintForRow(0) : list->fontMetrics().height() + 4;
    list->setFixedHeight(shown * rowHeight + 2 * list->frameWidth() + 2);
}

} // namespace

ReportExportDialog::ReportExportDialog(const design::Project &project, QWidget *parent)
    : QDialog(parent)
    , m_project(std::make_shared<const design::Project>(project))
    , m_date(QDate::currentDate())
{
    setWindowTitle(tr("Export Report — %1").arg(project.name.isEmpty() ? tr("Untitled") : project.name));
    buildUi();

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(debounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &ReportExportDialog::startPreparing);
    connect(&m_prepareWatcher, &QFutureWatcher<PreparedReport>::finished, this, &ReportExportDialog::onPrepared);
    connect(&m_renderWatcher, &QFutureWatcher<PreviewPage>::resultReadyAt, this, &ReportExportDialog::onPageRendered);
    connect(&m_renderWatcher, &QFutureWatcher<PreviewPage>::finished, this, &ReportExportDialog::onRenderFinished);
    m_resizeDebounce.setSingleShot(true);
    m_resizeDebounce.setInterval(debounceMs);
    connect(m_preview, &ReportPreview::widthChanged, &m_resizeDebounce, qOverload<>(&QTimer::start));
    connect(&m_resizeDebounce, &QTimer::timeout, this, &ReportExportDialog::onPreviewWidthChanged);

    onScenariosChanged();
    m_debounce.stop(); // the first preview starts at once
    startPreparing();
    updateStatus();
}

ReportExportDialog::~ReportExportDialog()
{
    // The jobs hold only shared snapshots: an evaluation still running finishes and is dropped. Rendering
    // stops at its next page.
    m_renderWatcher.cancel();
}

void ReportExportDialog::buildUi()
{
    m_scenarios = new QListWidget(this);
    m_scenarios->setObjectName(QStringLiteral("exportScenarios"));
    for (const design::Scenario &scenario : m_project->scenarios)
        checkableItem(scenario.name, m_scenarios);
    fitListHeight(m_scenarios, 6);

    m_baseline = new QComboBox(this);
    m_baseline->setObjectName(QStringLiteral("exportBaseline"));
    m_baseline->setToolTip(tr("The scenario the executive summary compares the others with"));

    m_sections = new QListWidget(this);
    m_sections->setObjectName(QStringLiteral("exportSections"));
    for (reports::ReportSection section : reports::allReportSections())
        checkableItem(reports::reportSectionTitle(section), m_sections)->setData(Qt::UserRole, static_cast<int>(section));
    fitListHeight(m_sections, static_cast<int>(reports::allReportSections().size()));

    m_paper = new QComboBox(this);
    m_paper->setObjectName(QStringLiteral("exportPaper"));
    for (reports::PaperSize paper : { reports::PaperSize::A4, reports::PaperSize::Letter })
        m_paper->addItem(reports::paperSizeName(paper), static_cast<int>(paper));

    m_author = new QLineEdit(m_project->author, this);
    m_author->setObjectName(QStringLiteral("exportAuthor"));
    m_author->setPlaceholderText(tr("Shown on the cover"));

    auto *choices = new QVBoxLayout;
    choices->addWidget(new QLabel(tr("<b>Scenarios</b>"), this));
    choices->addWidget(m_scenarios);
    auto *form = new QFormLayout;
    form->addRow(tr("&Baseline:"), m_baseline);
    form->addRow(tr("&Paper:"), m_paper);
    form->addRow(tr("&Author:"), m_author);
    choices->addLayout(form);
    choices->addSpacing(6);
    choices->addWidget(new QLabel(tr("<b>Sections</b>"), this));
    choices->addWidget(m_sections);
    auto *coverNote = new QLabel(tr("The cover and the contents always print."), this);
    coverNote->setWordWrap(true);
    coverNote->setForegroundRole(QPalette::PlaceholderText);
    choices->addWidget(coverNote);
    choices->addStretch(1);
    auto *choicesWidget = new QWidget(this);
    choicesWidget->setLayout(choices);
    choicesWidget->setFixedWidth(std::max(260, choicesWidget->sizeHint().width()));
    choices->setContentsMargins(0, 0, 0, 0);

    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("exportBusy"));
    m_busy->setTextVisible(false);
    m_busy->setFixedWidth(120);
    m_busy->setMaximumHeight(m_busy->fontMetrics().height());
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("exportStatus"));
    m_pageLabel = new QLabel(this);
    m_pageLabel->setObjectName(QStringLiteral("exportPageLabel"));
    m_preview = new ReportPreview(this);
    m_preview->setObjectName(QStringLiteral("exportPreview"));
    m_preview->setMinimumWidth(360);
    connect(m_preview, &ReportPreview::currentPageChanged, this, &ReportExportDialog::updateStatus);

    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_busy);
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_pageLabel);
    auto *previewColumn = new QVBoxLayout;
    previewColumn->addLayout(statusRow);
    previewColumn->addWidget(m_preview, 1);

    auto *columns = new QHBoxLayout;
    columns->addWidget(choicesWidget);
    columns->addLayout(previewColumn, 1);

    m_reason = new QLabel(this);
    m_reason->setObjectName(QStringLiteral("exportReason"));
    m_reason->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_exportButton = buttons->addButton(tr("&Export…"), QDialogButtonBox::AcceptRole);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportButton->setDefault(true);
    // Export asks for the file first; the dialog closes only once it is written.
    disconnect(buttons, &QDialogButtonBox::accepted, this, nullptr);
    connect(m_exportButton, &QPushButton::clicked, this, &ReportExportDialog::chooseFileAndExport);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_reason, 1);
    bottom->addWidget(buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addLayout(bottom);

    connect(m_scenarios, &QListWidget::itemChanged, this, &ReportExportDialog::onScenariosChanged);
    connect(m_sections, &QListWidget::itemChanged, this, &ReportExportDialog::onChoicesChanged);
    connect(m_baseline, &QComboBox::currentIndexChanged, this, &ReportExportDialog::onChoicesChanged);
    connect(m_paper, &QComboBox::currentIndexChanged, this, &ReportExportDialog::onChoicesChanged);
    connect(m_author, &QLineEdit::textChanged, this, &ReportExportDialog::onChoicesChanged);
    resize(1040, 760);
}

// ---- the choices ----

reports::ReportOptions ReportExportDialog::reportOptions() const
{
    reports::ReportOptions options;
    for (int row = 0; row < m_scenarios->count(); ++row) {
        if (m_scenarios->item(row)->checkState() == Qt::Checked)
            options.scenarios << m_scenarios->item(row)->text();
    }
    options.sections.clear();
    for (int row = 0; row < m_sections->count(); ++row) {
        if (m_sections->item(row)->checkState() == Qt::Checked)
            options.sections.push_back(static_cast<reports::ReportSection>(m_sections->item(row)->data(Qt::UserRole).toInt()));
    }
    options.paper = static_cast<reports::PaperSize>(m_paper->currentData().toInt());
    options.date = m_date;
    options.author = m_author->text().trimmed();
    options.baseline = m_baseline->currentText();
    return options;
}

void ReportExportDialog::setScenarioChecked(const QString &name, bool checked)
{
    for (QListWidgetItem *item : m_scenarios->findItems(name, Qt::MatchExactly))
        item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

void ReportExportDialog::setSectionChecked(reports::ReportSection section, bool checked)
{
    for (int row = 0; row < m_sections->count(); ++row) {
        QListWidgetItem *item = m_sections->item(row);
        if (item->data(Qt::UserRole).toInt() == static_cast<int>(section))
            item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    }
}

void ReportExportDialog::setPaper(reports::PaperSize paper)
{
    m_paper->setCurrentIndex(m_paper->findData(static_cast<int>(paper)));
}

void ReportExportDialog::setBaseline(const QString &name)
{
    const int index = m_baseline->findText(name);
    if (index >= 0)
        m_baseline->setCurrentIndex(index);
}

void ReportExportDialog::setAuthor(const QString &author)
{
    m_author->setText(author);
}

void ReportExportDialog::onScenariosChanged()
{
    // The baseline is one of the checked scenarios: keep the chosen one while it stays checked.
    const QString previous = m_baseline->currentText();
    QStringList checked;
    for (int row = 0; row < m_scenarios->count(); ++row) {
        if (m_scenarios->item(row)->checkState() == Qt::Checked)
            checked << m_scenarios->item(row)->text();
    }
    {
        const QSignalBlocker blocker(m_baseline);
        m_baseline->clear();
        m_baseline->addItems(checked);
        m_baseline->setCurrentIndex(std::max(0, static_cast<int>(checked.indexOf(previous))));
    }
    m_baseline->setEnabled(checked.size() > 1);
    onChoicesChanged();
}

void ReportExportDialog::onChoicesChanged()
{
    ++m_generation; // whatever is running or shown now answers an older request
    if (reportOptions().scenarios.isEmpty()) {
        m_debounce.stop();
        m_renderWatcher.cancel();
        m_shown = PreparedReport();
        m_preview->showMessage(tr("Choose at least one scenario to preview the report."));
    } else {
        m_debounce.start();
    }
    updateStatus();
}

// ---- the preview ----

void ReportExportDialog::startPreparing()
{
    if (m_prepareWatcher.isRunning())
        return; // onPrepared starts the newest request when this one ends
    const reports::ReportOptions options = reportOptions();
    if (options.scenarios.isEmpty())
        return;
    m_prepareWatcher.setFuture(QtConcurrent::run(prepareReport, m_project, options, m_inputs, m_generation));
    updateStatus();
}

void ReportExportDialog::onPrepared()
{
    PreparedReport prepared = m_prepareWatcher.result();
    if (prepared.inputs)
        m_inputs = prepared.inputs;
    if (prepared.generation != m_generation) {
        // Superseded: start the newest request unless its debounce is still running (it starts it then).
        if (!m_debounce.isActive())
            startPreparing();
        updateStatus();
        return;
    }
    m_shown = std::move(prepared);
    if (m_shown.document) {
        startRendering(false);
    } else {
        m_renderWatcher.cancel();
        m_preview->showMessage(tr("The report cannot be made: %1").arg(m_shown.error));
    }
    updateStatus();
    Q_EMIT previewReady();
}

void ReportExportDialog::startRendering(bool keepImages)
{
    m_renderWatcher.cancel();
    m_renderDone = false;
    m_pagesRendered = 0;
    if (!keepImages)
        m_preview->setPages(m_shown.pageCount, paperSizeInches(m_shown.options.paper));
    m_renderDpi = m_preview->fittingDpi();
    m_renderWatcher.setFuture(QtConcurrent::run(renderPreviewPages, m_shown.document, m_shown.options.paper,
                                                m_shown.pageCount, m_renderDpi));
}

void ReportExportDialog::onPreviewWidthChanged()
{
    // Scaled images blur when the view grows and waste memory when it shrinks: render again once the
    // width differs enough from the one the pages were drawn for.
    if (!isPreviewReady() || m_renderDpi <= 0.0)
        return;
    const double ratio = m_preview->fittingDpi() / m_renderDpi;
    if (ratio > 1.15 || ratio < 0.7)
        startRendering(true);
}

void ReportExportDialog::onPageRendered(int resultIndex)
{
    const PreviewPage page = m_renderWatcher.resultAt(resultIndex);
    m_preview->setPageImage(page.index, page.image);
    ++m_pagesRendered;
    updateStatus();
}

void ReportExportDialog::onRenderFinished()
{
    if (m_renderWatcher.isCanceled())
        return;
    m_renderDone = true;
    updateStatus();
    Q_EMIT previewComplete();
}

bool ReportExportDialog::isPreviewReady() const
{
    return m_shown.document != nullptr && m_shown.generation == m_generation;
}

bool ReportExportDialog::isPreviewComplete() const
{
    return isPreviewReady() && m_renderDone;
}

int ReportExportDialog::previewPageCount() const
{
    return m_shown.document ? m_shown.pageCount : 0;
}

QString ReportExportDialog::statusText() const
{
    return m_status->text();
}

QString ReportExportDialog::exportBlockedReason() const
{
    if (reportOptions().scenarios.isEmpty())
        return tr("Choose at least one scenario to export.");
    if (m_shown.generation == m_generation && !m_shown.error.isEmpty())
        return tr("The report cannot be made: %1").arg(m_shown.error);
    if (!isPreviewReady())
        return tr("Export is available once the preview is ready.");
    return {};
}

void ReportExportDialog::updateStatus()
{
    const bool noScenarios = reportOptions().scenarios.isEmpty();
    const bool preparing = !noScenarios && (m_shown.generation != m_generation);
    const bool rendering = isPreviewReady() && !m_renderDone;
    if (noScenarios) {
        m_status->setText(tr("No scenario chosen."));
    } else if (preparing) {
        const reports::ReportOptions options = reportOptions();
        const bool evaluating = !m_inputs || !inputsMatch(*m_inputs, options);
        m_status->setText(evaluating ? (options.scenarios.size() == 1 ? tr("Evaluating the scenario…")
                                                                     : tr("Evaluating %1 scenarios…").arg(options.scenarios.size()))
                                     : tr("Laying out the report…"));
    } else if (!m_shown.error.isEmpty()) {
        m_status->setText(tr("No preview."));
    } else if (rendering) {
        m_status->setText(tr("Rendering page %1 of %2…").arg(std::min(m_pagesRendered + 1, m_shown.pageCount)).arg(m_shown.pageCount));
    } else {
        m_status->setText(m_shown.pageCount == 1
                              ? tr("1 page on %1, as it will be written.").arg(reports::paperSizeName(m_shown.options.paper))
                              : tr("%1 pages on %2, as they will be written.")
                                    .arg(QString::number(m_shown.pageCount), reports::paperSizeName(m_shown.options.paper)));
    }
    if (preparing) {
        m_busy->setRange(0, 0); // evaluation reports no progress: a busy bar
        m_busy->setVisible(true);
    } else if (rendering) {
        m_busy->setRange(0, m_shown.pageCount);
        m_busy->setValue(m_pagesRendered);
        m_busy->setVisible(true);
    } else {
        m_busy->setVisible(false);
    }
    const int page = m_preview->currentPage();
    m_pageLabel->setText(page >= 0 ? tr("Page %1 of %2").arg(page + 1).arg(m_preview->pageCount()) : QString());
    updateExportState();
}

void ReportExportDialog::updateExportState()
{
    const QString reason = exportBlockedReason();
    m_exportButton->setEnabled(reason.isEmpty());
    m_reason->setText(reason);
}

// ---- export ----

QString ReportExportDialog::suggestedFileName(const design::Project &project)
{
    return exportFileName(project.name, QStringLiteral("report.pdf"));
}

void ReportExportDialog::chooseFileAndExport()
{
    if (!m_exportButton->isEnabled())
        return;
    const QString start = QDir(m_directory.isEmpty() ? QDir::homePath() : m_directory).filePath(suggestedFileName(*m_project));
    QString path = QFileDialog::getSaveFileName(this, tr("Export Report as PDF"), start, tr("PDF documents (*.pdf)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().compare(QLatin1String("pdf"), Qt::CaseInsensitive) != 0)
        path += QStringLiteral(".pdf");
    exportTo(path);
}

bool ReportExportDialog::exportTo(const QString &path)
{
    QString error;
    if (!isPreviewReady())
        error = exportBlockedReason();
    else
        error = m_shown.document->writePdf(path, m_shown.options.paper);
    if (!error.isEmpty()) {
        QMessageBox::warning(this, tr("Export Report"), tr("The report was not written.\n\n%1").arg(error));
        return false;
    }
    m_exportedPath = path;
    Q_EMIT reportExported(path);
    accept();
    return true;
}

} // namespace iovplan::ui
