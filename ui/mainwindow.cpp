#include "mainwindow.h"

#include <iovplan/version.h>

#include "filecontroller.h"
#include "helpbrowser.h"
#include "queueingnetworkreport.h"
#include "scenariotabs.h"

#include "ui/canvas/designview.h"
#include "ui/export/exportactions.h"
#include "ui/compare/compareview.h"
#include "ui/dashboard/dashboard.h"
#include "ui/editing/designselection.h"
#include "ui/editing/document.h"
#include "ui/editing/documenteditor.h"
#include "ui/editing/evaluationservice.h"
#include "ui/files/recentfiles.h"
#include "ui/inspector/inspector.h"
#include "ui/palette/catalogpalette.h"
#include "ui/problems/problemspanel.h"
#include "ui/whatif/capacitysearchdialog.h"
#include "ui/whatif/sweepdialog.h"
#include "ui/wizard/consolidatewizard.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStatusBar>
#include <QUndoStack>
#include <QUndoView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace iovplan::ui {

namespace {
const auto geometryKey = QStringLiteral("mainwindow/geometry");
const auto stateKey = QStringLiteral("mainwindow/state");
/// Bumped when the docks change, so an old saved layout is not restored onto new docks.
constexpr int layoutVersion = 2;

/// The .iovplan files among dropped URLs.
QStringList droppedProjects(const QMimeData *mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile() && url.toLocalFile().endsWith(QLatin1String(".iovplan"), Qt::CaseInsensitive))
            paths << url.toLocalFile();
    }
    return paths;
}
} // namespace

MainWindow::MainWindow(const catalogs::CatalogDatabase *catalog, QWidget *parent)
    : QMainWindow(parent)
    , m_document(new Document(this))
    , m_selection(new DesignSelection(this))
    , m_catalog(catalog)
{
    setObjectName(QStringLiteral("MainWindow"));
    setAcceptDrops(true);
    setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);
    m_editor = new DocumentEditor(*m_document, catalog);
    m_evaluations = new EvaluationService(*m_document, this);
    m_files = new FileController(*m_document, this);

    m_compare = new CompareView(*m_document, *m_evaluations, this);
    m_tabs = new ScenarioTabs(*m_document, *m_editor, *m_selection, m_compare, this);
    setCentralWidget(m_tabs);
    connect(m_tabs, &ScenarioTabs::statusMessage, this, [this](const QString &message) {
        statusBar()->showMessage(message, 8000);
    });

    createDocks();
    createMenus();
    createStatusBar();
    connect(m_document, &Document::fileStateChanged, this, &MainWindow::updateTitle);
    connect(m_files, &FileController::opened, this, [this](const QString &path) {
        statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), 5000);
    });
    connect(m_files, &FileController::saved, this, [this](const QString &path) {
        statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    });
    updateTitle();
    restoreLayout();
}

MainWindow::~MainWindow()
{
    // The views refer to the document and the evaluation service: they go first.
    delete m_tabs;
    m_tabs = nullptr;
    delete m_editor;
}

void MainWindow::createDocks()
{
    auto dock = [this](QWidget *content, const QString &title, const QString &name, Qt::DockWidgetArea area) {
        auto *widget = new QDockWidget(title, this);
        widget->setObjectName(name);
        widget->setWidget(content);
        addDockWidget(area, widget);
        return widget;
    };
    QDockWidget *paletteDock = nullptr;
    if (m_catalog) {
        m_palette = new CatalogPalette(*m_catalog, this);
        paletteDock = dock(m_palette, tr("Catalog"), QStringLiteral("catalogDock"), Qt::LeftDockWidgetArea);
    }
    m_problems = new ProblemsPanel(*m_evaluations, *m_selection, this);
    dock(m_problems, tr("Problems"), QStringLiteral("problemsDock"), Qt::LeftDockWidgetArea);
    m_inspector = new Inspector(*m_document, *m_editor, *m_selection, this);
    QDockWidget *inspectorDock = dock(m_inspector, tr("Inspector"), QStringLiteral("inspectorDock"), Qt::RightDockWidgetArea);
    m_history = new QUndoView(m_document->undoStack(), this);
    m_history->setObjectName(QStringLiteral("undoView"));
    m_history->setEmptyLabel(tr("<opened project>"));
    QDockWidget *historyDock = dock(m_history, tr("History"), QStringLiteral("historyDock"), Qt::RightDockWidgetArea);
    tabifyDockWidget(inspectorDock, historyDock);
    inspectorDock->raise();
    m_dashboard = new Dashboard(*m_evaluations, *m_selection, this);
    dock(m_dashboard, tr("Dashboard"), QStringLiteral("dashboardDock"), Qt::BottomDockWidgetArea);
    if (paletteDock)
        resizeDocks({paletteDock}, {280}, Qt::Horizontal);
    resizeDocks({inspectorDock}, {360}, Qt::Horizontal);
}

template<typename Slot>
void MainWindow::onCurrentView(Slot slot)
{
    if (DesignView *view = m_tabs->currentView())
        (view->*slot)();
    else
        statusBar()->showMessage(tr("Choose a scenario tab to edit its design"), 4000);
}

void MainWindow::createMenus()
{
    auto named = [](QAction *action, const char *name, QKeySequence shortcut = {}) {
        action->setObjectName(QString::fromLatin1(name));
        if (!shortcut.isEmpty())
            action->setShortcut(shortcut);
        return action;
    };

    QMenu *file = menuBar()->addMenu(tr("&File"));
    named(file->addAction(tr("&New Project"), m_files, &FileController::newProject), "actionNew", QKeySequence::New);
    named(file->addAction(tr("&Open Project..."), m_files, &FileController::open), "actionOpenProject", QKeySequence::Open);
    QMenu *recent = file->addMenu(tr("Open &Recent"));
    recent->setObjectName(QStringLiteral("menuRecent"));
    m_files->recentFiles().attachMenu(recent);
    named(file->addAction(tr("Open &Queueing Network..."), this, &MainWindow::chooseQueueingNetwork),
          "actionOpenQueueingNetwork");
    file->addSeparator();
    named(file->addAction(tr("&Save"), m_files, &FileController::save), "actionSave", QKeySequence::Save);
    named(file->addAction(tr("Save &As..."), m_files, &FileController::saveAs), "actionSaveAs", QKeySequence::SaveAs);
    file->addSeparator();
    // Exports work on a snapshot of the project taken when an action runs; the dialogs never edit it.
    auto *exports = new ExportActions(
        [this] {
            const ScenarioKey key = m_selection->scenario();
            return ExportContext { m_document->project(),
                                   m_document->contains(key) ? m_document->scenario(key).name : QString(),
                                   m_document->filePath() };
        },
        this);
    file->addMenu(exports->createMenu(file));
    connect(exports, &ExportActions::exported, this, [this](const QString &message) { statusBar()->showMessage(message, 5000); });
    file->addSeparator();
    named(file->addAction(tr("&Quit"), this, &QWidget::close), "actionQuit", QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QUndoStack *stack = m_document->undoStack();
    named(stack->createUndoAction(this, tr("&Undo")), "actionUndo", QKeySequence::Undo);
    named(stack->createRedoAction(this, tr("&Redo")), "actionRedo", QKeySequence::Redo);
    edit->addActions({findChild<QAction *>(QStringLiteral("actionUndo")), findChild<QAction *>(QStringLiteral("actionRedo"))});
    edit->addSeparator();
    named(edit->addAction(tr("Cu&t"), this, [this] {
        onCurrentView(&DesignView::copySelection);
        onCurrentView(&DesignView::deleteSelection);
    }), "actionCut", QKeySequence::Cut);
    named(edit->addAction(tr("&Copy"), this, [this] { onCurrentView(&DesignView::copySelection); }), "actionCopy",
          QKeySequence::Copy);
    named(edit->addAction(tr("&Paste"), this, [this] { onCurrentView(&DesignView::paste); }), "actionPaste",
          QKeySequence::Paste);
    named(edit->addAction(tr("D&uplicate"), this, [this] { onCurrentView(&DesignView::duplicateSelection); }),
          "actionDuplicate", QKeySequence(Qt::CTRL | Qt::Key_D));
    named(edit->addAction(tr("&Delete"), this, [this] { onCurrentView(&DesignView::deleteSelection); }),
          "actionDelete", QKeySequence::Delete);
    edit->addSeparator();
    named(edit->addAction(tr("Add &Rack"), this, [this] {
        statusBar()->showMessage(m_editor->addRack(m_selection->scenario()).refusal, 5000);
    }), "actionAddRack");
    named(edit->addAction(tr("Add &Servers Like This One..."), this,
                          [this] { onCurrentView(&DesignView::addServersLikeSelected); }),
          "actionAddServersLike");
    named(edit->addAction(tr("Apply Adapter &Kit to Selection"), this,
                          [this] { onCurrentView(&DesignView::applyKitToSelection); }),
          "actionApplyKit");
    named(edit->addAction(tr("Auto-&Cable Selection"), this, [this] { onCurrentView(&DesignView::autoCableSelection); }),
          "actionAutoCable", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    named(view->addAction(tr("Zoom &In"), this, [this] { onCurrentView(&DesignView::zoomIn); }), "actionZoomIn",
          QKeySequence::ZoomIn);
    named(view->addAction(tr("Zoom &Out"), this, [this] { onCurrentView(&DesignView::zoomOut); }), "actionZoomOut",
          QKeySequence::ZoomOut);
    named(view->addAction(tr("Zoom to &Fit"), this, [this] { onCurrentView(&DesignView::zoomToFit); }),
          "actionZoomFit", QKeySequence(Qt::CTRL | Qt::Key_0));
    view->addSeparator();
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        view->addAction(dock->toggleViewAction());
    view->addSeparator();
    named(view->addAction(tr("&Reset Layout"), this, &MainWindow::resetLayout), "actionResetLayout");

    QMenu *scenario = menuBar()->addMenu(tr("&Scenario"));
    named(scenario->addAction(tr("&New Scenario..."), m_tabs, &ScenarioTabs::newScenario), "actionNewScenario",
          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    named(scenario->addAction(tr("&Duplicate Scenario"), m_tabs, &ScenarioTabs::duplicateScenario),
          "actionDuplicateScenario");
    named(scenario->addAction(tr("&Rename Scenario..."), m_tabs, &ScenarioTabs::renameScenario),
          "actionRenameScenario", QKeySequence(Qt::Key_F2));
    named(scenario->addAction(tr("De&lete Scenario"), m_tabs, &ScenarioTabs::deleteScenario), "actionDeleteScenario");
    scenario->addSeparator();
    named(scenario->addAction(tr("&Consolidate onto InfiniBand..."), this, &MainWindow::consolidate),
          "actionConsolidate");
    named(scenario->addAction(tr("&Sweep..."), this, &MainWindow::showSweep), "actionSweep");
    named(scenario->addAction(tr("Find Most &VMs per Server..."), this, &MainWindow::showCapacitySearch),
          "actionCapacitySearch");
    scenario->addSeparator();
    named(scenario->addAction(tr("C&ompare Scenarios"), m_tabs, &ScenarioTabs::showCompare), "actionCompare",
          QKeySequence(Qt::CTRL | Qt::Key_M));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    named(help->addAction(tr("&Model Notes and Sources"), this, &MainWindow::showHelp), "actionHelp",
          QKeySequence::HelpContents);
    help->addSeparator();
    named(help->addAction(tr("&About %1").arg(QStringLiteral(IOVPLAN_PRODUCT_NAME)), this, &MainWindow::showAbout),
          "actionAbout");
    named(help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt), "actionAboutQt");
}

void MainWindow::createStatusBar()
{
    m_evaluationStatus = new QLabel(this);
    m_evaluationStatus->setObjectName(QStringLiteral("evaluationStatus"));
    statusBar()->addPermanentWidget(m_evaluationStatus);
    connect(m_evaluations, &EvaluationService::busyChanged, this, [this](bool busy) {
        if (busy)
            m_evaluationStatus->setText(tr("Evaluating..."));
    });
    connect(m_evaluations, &EvaluationService::evaluated, this, [this](ScenarioKey key) {
        const EvaluationPtr result = m_evaluations->latest(key);
        if (result && key == m_selection->scenario())
            m_evaluationStatus->setText(tr("%1 evaluated in %2 ms")
                                            .arg(result->scenario.name)
                                            .arg(result->elapsedMs, 0, 'f', 0));
    });
    statusBar()->showMessage(tr("Ready"));
}

void MainWindow::updateTitle()
{
    setWindowTitle(QStringLiteral("%1[*] - %2").arg(m_document->displayName(), QStringLiteral(IOVPLAN_PRODUCT_NAME)));
    setWindowModified(m_document->isModified());
    setWindowFilePath(m_document->filePath());
}

bool MainWindow::openProject(const QString &path)
{
    return m_files->openPath(path);
}

bool MainWindow::openWelcomeProject(const QString &examplePath)
{
    if (!m_files->openPath(examplePath))
        return false;
    m_tabs->showCompare();
    statusBar()->showMessage(tr("Welcome: the white paper's data center as today's GigE/FC design and its "
                                "InfiniBand consolidations, compared. Help > Model Notes explains every figure."),
                             20000);
    return true;
}

void MainWindow::consolidate()
{
    const ScenarioKey key = m_selection->scenario();
    if (!m_document->contains(key))
        return;
    ConsolidateWizard wizard(m_document->scenario(key), m_document->catalog(), m_catalog, this);
    if (wizard.exec() != QDialog::Accepted || !wizard.plan().ok())
        return;
    m_tabs->showScenario(m_editor->addPlannedScenario(key, wizard.plan(), wizard.catalog()));
}

void MainWindow::showSweep()
{
    const ScenarioKey key = m_selection->scenario();
    if (!m_document->contains(key))
        return;
    auto *dialog = new SweepDialog(m_document->scenario(key), m_document->catalog(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::showCapacitySearch()
{
    const ScenarioKey key = m_selection->scenario();
    if (!m_document->contains(key))
        return;
    auto *dialog = new CapacitySearchDialog(m_document->scenario(key), m_document->catalog(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::showHelp()
{
    if (!m_help)
        m_help = new HelpBrowser(this);
    m_help->show();
    m_help->raise();
}

void MainWindow::chooseQueueingNetwork()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Queueing Network"), QString(),
                                                      tr("Queueing networks (*.json);;All files (*)"));
    if (!path.isEmpty())
        openQueueingNetwork(path);
}

void MainWindow::openQueueingNetwork(const QString &path)
{
    const int generation = ++m_generation;
    statusBar()->showMessage(tr("Solving %1...").arg(QFileInfo(path).fileName()));
    auto *watcher = new QFutureWatcher<FileReport>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path, generation] {
        watcher->deleteLater();
        if (generation == m_generation) // else a newer file was opened meanwhile
            showQueueingReport(path, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(solveQueueingNetworkFile, path));
}

void MainWindow::showQueueingReport(const QString &path, const FileReport &report)
{
    if (!m_queueingWindow) {
        m_queueingWindow = new QDialog(this);
        m_queueingWindow->setObjectName(QStringLiteral("queueingNetworkWindow"));
        m_queueingText = new QPlainTextEdit(m_queueingWindow);
        m_queueingText->setObjectName(QStringLiteral("solutionView"));
        m_queueingText->setReadOnly(true);
        m_queueingText->setLineWrapMode(QPlainTextEdit::NoWrap);
        m_queueingText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        auto *layout = new QVBoxLayout(m_queueingWindow);
        layout->addWidget(m_queueingText);
        m_queueingWindow->resize(900, 600);
    }
    const QString name = QFileInfo(path).fileName();
    m_queueingWindow->setWindowTitle(tr("Queueing Network %1").arg(name));
    m_queueingText->setPlainText(report.text);
    m_queueingWindow->show();
    statusBar()->showMessage(report.ok ? tr("Solved %1").arg(name) : tr("Cannot solve %1: see the message").arg(name));
    Q_EMIT reportShown(path, report.ok);
}

QString MainWindow::queueingReportText() const
{
    return m_queueingText ? m_queueingText->toPlainText() : QString();
}

void MainWindow::restoreLayout()
{
    m_defaultState = saveState(layoutVersion);
    const QSettings settings;
    if (!restoreGeometry(settings.value(geometryKey).toByteArray()))
        resize(1440, 900);
    restoreState(settings.value(stateKey).toByteArray(), layoutVersion);
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(geometryKey, saveGeometry());
    settings.setValue(stateKey, saveState(layoutVersion));
}

void MainWindow::resetLayout()
{
    restoreState(m_defaultState, layoutVersion);
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        dock->show();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_files->maybeSave()) {
        event->ignore();
        return;
    }
    saveLayout();
    m_files->finishSession();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedProjects(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QStringList paths = droppedProjects(event->mimeData());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    // Open after the drop returns: the source application is not kept waiting by a save prompt.
    QMetaObject::invokeMethod(this, [this, path = paths.constFirst()] { openProject(path); }, Qt::QueuedConnection);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About %1").arg(QStringLiteral(IOVPLAN_PRODUCT_NAME)),
                       tr("<h3>%1 %2</h3><p>Plan I/O virtualization for data centers: racks, adapters, "
                          "switches and gateways; a queueing model per IOV mode; cost, power and TCO.</p>"
                          "<p>The domain follows the Mellanox white paper on Channel I/O Virtualization; every "
                          "price, wattage, bandwidth and latency names its source (Help &gt; Model Notes and "
                          "Sources).</p>")
                           .arg(QStringLiteral(IOVPLAN_PRODUCT_NAME), QStringLiteral(IOVPLAN_VERSION_STRING)));
}

} // namespace iovplan::ui
