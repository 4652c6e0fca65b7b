#include "mainwindow.h"

#include <iovplan/version.h>

#include "projectreport.h"
#include "queueingnetworkreport.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QKeySequence>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

namespace iovplan::ui {

namespace {
const auto geometryKey = QStringLiteral("mainwindow/geometry");
const auto stateKey = QStringLiteral("mainwindow/state");
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowTitle(QStringLiteral(IOVPLAN_PRODUCT_NAME));
    // Until the design canvas lands, the central area shows queueing-network solutions.
    m_view = new QPlainTextEdit(this);
    m_view->setObjectName(QStringLiteral("solutionView"));
    m_view->setReadOnly(true);
    m_view->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_view->setPlaceholderText(tr("File > Open Project... evaluates a *.iovplan design (examples/ciov-whitepaper.iovplan): "
                                  "cost, power and performance per scenario.\n"
                                  "File > Open Queueing Network... solves a qn JSON network (examples/qn)."));
    setCentralWidget(m_view);
    createMenus();
    statusBar()->showMessage(tr("Ready"));
    restoreLayout();
}

void MainWindow::createMenus()
{
    auto *fileMenu = menuBar()->addMenu(tr("&File"));
    auto *openProjectAction = fileMenu->addAction(tr("&Open Project..."), this, &MainWindow::chooseProject);
    openProjectAction->setShortcut(QKeySequence::Open);
    openProjectAction->setObjectName(QStringLiteral("actionOpenProject"));
    auto *openNetwork = fileMenu->addAction(tr("Open &Queueing Network..."), this, &MainWindow::chooseQueueingNetwork);
    openNetwork->setObjectName(QStringLiteral("actionOpenQueueingNetwork"));
    fileMenu->addSeparator();
    auto *quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setObjectName(QStringLiteral("actionQuit"));

    auto *helpMenu = menuBar()->addMenu(tr("&Help"));
    auto *about = helpMenu->addAction(tr("&About %1").arg(QStringLiteral(IOVPLAN_PRODUCT_NAME)), this,
                                      &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("actionAbout"));
}

void MainWindow::chooseQueueingNetwork()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Queueing Network"), QString(),
                                                      tr("Queueing networks (*.json);;All files (*)"));
    if (!path.isEmpty())
        openQueueingNetwork(path);
}

void MainWindow::chooseProject()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Project"), QString(),
                                                      tr("IOV Planner projects (*.iovplan);;All files (*)"));
    if (!path.isEmpty())
        openProject(path);
}

void MainWindow::openQueueingNetwork(const QString &path)
{
    showReportOf(path, tr("Solving %1..."), solveQueueingNetworkFile);
}

void MainWindow::openProject(const QString &path)
{
    showReportOf(path, tr("Evaluating %1..."), evaluateProjectFile);
}

void MainWindow::showReportOf(const QString &path, const QString &doing, FileReport (*produce)(const QString &))
{
    const int generation = ++m_generation;
    statusBar()->showMessage(doing.arg(QFileInfo(path).fileName()));
    auto *watcher = new QFutureWatcher<FileReport>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // a newer file was opened meanwhile
        showReport(path, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(produce, path));
}

void MainWindow::showReport(const QString &path, const FileReport &report)
{
    m_view->setPlainText(report.text);
    const QString name = QFileInfo(path).fileName();
    setWindowTitle(QStringLiteral("%1 - %2").arg(name, QStringLiteral(IOVPLAN_PRODUCT_NAME)));
    statusBar()->showMessage(report.ok ? tr("Opened %1").arg(name) : tr("Cannot open %1: see the message").arg(name));
    Q_EMIT reportShown(path, report.ok);
}

QString MainWindow::centralText() const
{
    return m_view->toPlainText();
}

void MainWindow::restoreLayout()
{
    const QSettings settings;
    if (!restoreGeometry(settings.value(geometryKey).toByteArray()))
        resize(1280, 800);
    restoreState(settings.value(stateKey).toByteArray());
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(geometryKey, saveGeometry());
    settings.setValue(stateKey, saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    event->accept();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About %1").arg(QStringLiteral(IOVPLAN_PRODUCT_NAME)),
                       tr("<h3>%1 %2</h3><p>Plan I/O virtualization for data centers: racks, adapters, "
                          "switches and gateways; a queueing model per IOV mode; cost, power and TCO.</p>")
                           .arg(QStringLiteral(IOVPLAN_PRODUCT_NAME), QStringLiteral(IOVPLAN_VERSION_STRING)));
}

} // namespace iovplan::ui
