#include "exportactions.h"

#include "exportfiles.h"
#include "reportexportdialog.h"

#include <QAction>
#include <QDir>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QtConcurrent/QtConcurrentRun>

namespace iovplan::ui {

namespace {

/// Runs `work` off the GUI thread; a busy dialog shows if it takes more than a moment. The window stays
/// painted, and the user cannot start another export meanwhile (the dialog is window-modal).
template<typename Work>
auto runBusy(QWidget *parent, const QString &label, Work work) -> decltype(work())
{
    using Result = decltype(work());
    QProgressDialog busy(label, QString(), 0, 0, parent);
    busy.setWindowModality(Qt::WindowModal);
    busy.setMinimumDuration(400);
    busy.setCancelButton(nullptr);
    QFutureWatcher<Result> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run(std::move(work)));
    if (!watcher.isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    return watcher.result();
}

QString withSuffix(QString path, const QString &suffix)
{
    if (QFileInfo(path).suffix().compare(suffix, Qt::CaseInsensitive) != 0)
        path += QLatin1Char('.') + suffix;
    return path;
}

} // namespace

ExportActions::ExportActions(std::function<ExportContext()> context, QWidget *window)
    : QObject(window)
    , m_context(std::move(context))
    , m_window(window)
    , m_report(new QAction(tr("&Report (PDF)..."), this))
    , m_bom(new QAction(tr("&Bill of Materials (CSV)..."), this))
    , m_charts(new QAction(tr("&Charts (PNG and SVG)..."), this))
    , m_results(new QAction(tr("R&esults (JSON)..."), this))
{
    m_report->setObjectName(QStringLiteral("actionExportReport"));
    m_bom->setObjectName(QStringLiteral("actionExportBom"));
    m_charts->setObjectName(QStringLiteral("actionExportCharts"));
    m_results->setObjectName(QStringLiteral("actionExportResults"));
    m_report->setStatusTip(tr("The procurement report as PDF, with a preview"));
    m_bom->setStatusTip(tr("The bill of materials as CSV, of every scenario or of the current one"));
    m_charts->setStatusTip(tr("Every chart of the report as PNG and SVG files in a folder"));
    m_results->setStatusTip(tr("Every scenario's figures as JSON, as iovplan-cli evaluate writes them"));
    connect(m_report, &QAction::triggered, this, &ExportActions::exportReport);
    connect(m_bom, &QAction::triggered, this, &ExportActions::exportBomCsv);
    connect(m_charts, &QAction::triggered, this, &ExportActions::exportCharts);
    connect(m_results, &QAction::triggered, this, &ExportActions::exportResults);
}

QMenu *ExportActions::createMenu(QWidget *parent) const
{
    auto *menu = new QMenu(tr("&Export"), parent);
    menu->setObjectName(QStringLiteral("menuExport"));
    menu->addAction(m_report);
    menu->addSeparator();
    menu->addActions({ m_bom, m_charts, m_results });
    return menu;
}

QString ExportActions::startFolder(const ExportContext &context) const
{
    return context.projectPath.isEmpty() ? QDir::homePath() : QFileInfo(context.projectPath).absolutePath();
}

void ExportActions::exportReport()
{
    const ExportContext context = m_context();
    ReportExportDialog dialog(context.project, m_window);
    dialog.setDirectory(startFolder(context));
    if (dialog.exec() == QDialog::Accepted)
        Q_EMIT exported(tr("Report written to %1").arg(QDir::toNativeSeparators(dialog.exportedPath())));
}

void ExportActions::exportBomCsv()
{
    const ExportContext context = m_context();
    QString scenario;
    if (context.project.scenarios.size() > 1 && !context.currentScenario.isEmpty()) {
        QMessageBox ask(QMessageBox::Question, tr("Export Bill of Materials"),
                        tr("Export the bill of materials of every scenario, or of \"%1\" only?").arg(context.currentScenario),
                        QMessageBox::Cancel, m_window);
        QPushButton *all = ask.addButton(tr("&All Scenarios"), QMessageBox::AcceptRole);
        QPushButton *current = ask.addButton(tr("&Only \"%1\"").arg(context.currentScenario), QMessageBox::AcceptRole);
        ask.setDefaultButton(all);
        ask.exec();
        if (ask.clickedButton() == current)
            scenario = context.currentScenario;
        else if (ask.clickedButton() != all)
            return;
    }
    const QString name = exportFileName(context.project.name,
                                        scenario.isEmpty() ? QStringLiteral("bom.csv") : scenario + QStringLiteral(" bom.csv"));
    QString path = QFileDialog::getSaveFileName(m_window, tr("Export Bill of Materials"),
                                                QDir(startFolder(context)).filePath(name), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    path = withSuffix(path, QStringLiteral("csv"));
    const QString error = writeBomCsv(path, context.project, scenario);
    if (!error.isEmpty()) {
        QMessageBox::warning(m_window, tr("Export Bill of Materials"), tr("The file was not written.\n\n%1").arg(error));
        return;
    }
    Q_EMIT exported(tr("Bill of materials written to %1").arg(QDir::toNativeSeparators(path)));
}

void ExportActions::exportCharts()
{
    const ExportContext context = m_context();
    const QString folder = QFileDialog::getExistingDirectory(m_window, tr("Export Charts to Folder"), startFolder(context));
    if (folder.isEmpty())
        return;
    const ChartFilesResult result = runBusy(m_window, tr("Evaluating the scenarios and drawing the charts…"),
                                            [project = context.project, folder] { return writeProjectCharts(folder, project); });
    const QString where = QDir::toNativeSeparators(folder);
    if (!result.ok()) {
        const QString count = result.files.isEmpty() ? tr("No file") : result.files.size() == 1 ? tr("1 file")
                                                                                              : tr("%1 files").arg(result.files.size());
        QMessageBox::warning(m_window, tr("Export Charts"),
                             tr("%1 written to %2 before an error:\n\n%3").arg(count, where, result.error));
        return;
    }
    const QString message = tr("%1 chart files written to %2").arg(QString::number(result.files.size()), where);
    QMessageBox::information(m_window, tr("Export Charts"), message + QLatin1Char('.'));
    Q_EMIT exported(message);
}

void ExportActions::exportResults()
{
    const ExportContext context = m_context();
    QString path = QFileDialog::getSaveFileName(m_window, tr("Export Results"),
                                                QDir(startFolder(context)).filePath(exportFileName(context.project.name, QStringLiteral("results.json"))),
                                                tr("JSON files (*.json)"));
    if (path.isEmpty())
        return;
    path = withSuffix(path, QStringLiteral("json"));
    const QString error = runBusy(m_window, tr("Evaluating the scenarios…"),
                                  [project = context.project, path] { return writeResultsJson(path, project); });
    if (!error.isEmpty()) {
        QMessageBox::warning(m_window, tr("Export Results"), tr("The file was not written.\n\n%1").arg(error));
        return;
    }
    Q_EMIT exported(tr("Results written to %1").arg(QDir::toNativeSeparators(path)));
}

} // namespace iovplan::ui
