// The main window puts the parts together: menus, docks and tabs; files (open, save, the unsaved-changes
// prompt, dropping a file, recent files); undo through the menu; the first run; the queueing-network
// window; and screenshots of the main window, the Compare view and the wizard for a person to look at.
#include "ui/mainwindow.h"

#include "catalogs/catalogdatabase.h"
#include "tests/exampleproject.h"
#include "ui/canvas/designview.h"
#include "ui/compare/compareview.h"
#include "ui/editing/designselection.h"
#include "ui/editing/document.h"
#include "ui/editing/documenteditor.h"
#include "ui/editing/evaluationservice.h"
#include "ui/export/reportexportdialog.h"
#include "ui/filecontroller.h"
#include "ui/helpbrowser.h"
#include "ui/scenariotabs.h"
#include "ui/wizard/consolidatewizard.h"

#include <QAbstractButton>
#include <QAction>
#include <QDockWidget>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <functional>

using namespace iovplan;
using iovplan::ui::MainWindow;

namespace {

/// Clicks `button` in the next message box that opens (modal dialogs are answered by a queued check).
void answerNextMessageBox(QMessageBox::StandardButton button)
{
    auto *timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, button] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            timer->stop();
            timer->deleteLater();
            box->button(button)->click();
        }
    });
    timer->start();
}

/// The folder the screenshot test writes to: IOVPLAN_SCREENSHOT_DIR, else "screenshots" beside the test.
QString screenshotDir()
{
    QString dir = qEnvironmentVariable("IOVPLAN_SCREENSHOT_DIR");
    if (dir.isEmpty())
        dir = QCoreApplication::applicationDirPath() + QStringLiteral("/screenshots");
    QDir().mkpath(dir);
    return dir;
}

/// Saves `widget` as NAME.png and checks the picture is not blank (at least a few hundred colours).
void saveScreenshot(QWidget *widget, const QString &name)
{
    const QImage image = widget->grab().toImage();
    QVERIFY(!image.isNull());
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    }
    QVERIFY2(colours.size() > 50, qPrintable(QStringLiteral("%1 looks blank").arg(name)));
    QVERIFY(image.save(screenshotDir() + QLatin1Char('/') + name + QStringLiteral(".png")));
}

QStringList menuTitles(const MainWindow &window)
{
    QStringList titles;
    for (QAction *action : window.menuBar()->actions())
        titles << action->text().remove(QLatin1Char('&'));
    return titles;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    catalogs::CatalogDatabase m_catalog;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("IOV Planner Tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        QSettings().clear();
        QVERIFY(m_catalog.open(m_dir.filePath(QStringLiteral("catalog.sqlite")), QStringLiteral("mainwindow-tests")).isEmpty());
        QVERIFY(m_catalog.ensureShippedCatalog().ok());
    }

    void opensWithTitleMenusAndDocks()
    {
        MainWindow window(&m_catalog);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), QStringLiteral("Untitled[*] - IOV Planner"));
        QCOMPARE(menuTitles(window), QStringList({QStringLiteral("File"), QStringLiteral("Edit"), QStringLiteral("View"),
                                                  QStringLiteral("Scenario"), QStringLiteral("Help")}));
        for (const char *dock : {"catalogDock", "inspectorDock", "historyDock", "dashboardDock", "problemsDock"})
            QVERIFY2(window.findChild<QDockWidget *>(QString::fromLatin1(dock)), dock);
        for (const char *action : {"actionNew", "actionOpenProject", "actionSave", "actionSaveAs", "actionUndo",
                                   "actionRedo", "actionCopy", "actionPaste", "actionDelete", "actionConsolidate",
                                   "actionCompare", "actionHelp", "actionQuit", "actionExportReport", "actionExportBom",
                                   "actionExportCharts", "actionExportResults"})
            QVERIFY2(window.findChild<QAction *>(QString::fromLatin1(action)), action);
        QCOMPARE(window.findChild<QAction *>(QStringLiteral("actionSave"))->shortcut(), QKeySequence(QKeySequence::Save));
        // A new project: one scenario tab and the Compare tab.
        QCOMPARE(window.scenarioTabs()->count(), 2);
    }

    // The example opens with a tab per scenario, the title names the file, and every scenario is evaluated.
    void opensTheExampleWithATabPerScenario()
    {
        MainWindow window(&m_catalog);
        window.show();
        QVERIFY(window.openProject(testing::ciovExamplePath()));
        QCOMPARE(window.windowTitle(), QStringLiteral("ciov-whitepaper.iovplan[*] - IOV Planner"));
        QVERIFY(!window.isWindowModified());
        ui::ScenarioTabs *tabs = window.scenarioTabs();
        QCOMPARE(tabs->count(), 5);
        QCOMPARE(tabs->tabText(0), QStringLiteral("GigE+FC"));
        QCOMPARE(tabs->tabText(4), QStringLiteral("Compare"));
        QVERIFY(window.evaluations().waitForIdle());
        for (ui::ScenarioKey key : window.document().scenarioKeys())
            QVERIFY(window.evaluations().latest(key));
        // Switching tabs makes that scenario current for the docks.
        tabs->setCurrentIndex(2);
        QCOMPARE(window.selection().scenario(), window.document().scenarioKeys()[2]);
    }

    void firstRunShowsTheCompareView()
    {
        MainWindow window(&m_catalog);
        QVERIFY(window.openWelcomeProject(testing::ciovExamplePath()));
        QVERIFY(window.scenarioTabs()->isCompareCurrent());
    }

    // Edits mark the title modified; undo through the menu returns to the saved state; save clears it.
    void titleFollowsEditsUndoAndSave()
    {
        MainWindow window(&m_catalog);
        QVERIFY(window.openProject(testing::ciovExamplePath()));
        const ui::ScenarioKey key = window.document().scenarioKeys().front();
        QVERIFY(window.editor().renameScenario(key, QStringLiteral("Today")).ok());
        QVERIFY(window.isWindowModified());
        QCOMPARE(window.scenarioTabs()->tabText(0), QStringLiteral("Today"));
        window.findChild<QAction *>(QStringLiteral("actionUndo"))->trigger();
        QVERIFY(!window.isWindowModified());
        QCOMPARE(window.scenarioTabs()->tabText(0), QStringLiteral("GigE+FC"));
        window.findChild<QAction *>(QStringLiteral("actionRedo"))->trigger();
        QVERIFY(window.isWindowModified());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("today.iovplan"));
        QVERIFY(window.files().saveTo(path));
        QVERIFY(!window.isWindowModified());
        QCOMPARE(window.windowTitle(), QStringLiteral("today.iovplan[*] - IOV Planner"));
        MainWindow reopened(&m_catalog);
        QVERIFY(reopened.openProject(path));
        QCOMPARE(reopened.document().project(), window.document().project());
    }

    // Closing with unsaved changes asks; Cancel keeps the window and the changes, Discard closes.
    void unsavedChangesPromptOnClose()
    {
        MainWindow window(&m_catalog);
        window.show();
        QVERIFY(window.openProject(testing::ciovExamplePath()));
        QVERIFY(window.editor().renameScenario(window.document().scenarioKeys().front(), QStringLiteral("X")).ok());
        answerNextMessageBox(QMessageBox::Cancel);
        QVERIFY(!window.close());
        QVERIFY(window.isVisible());
        QVERIFY(window.document().isModified());
        answerNextMessageBox(QMessageBox::Discard);
        QVERIFY(window.close());
    }

    void badProjectIsRefusedAndTheOpenOneKept()
    {
        MainWindow window(&m_catalog);
        QVERIFY(window.openProject(testing::ciovExamplePath()));
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("bad.iovplan")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"format": "iovplan", "version": 99})");
        file.close();
        answerNextMessageBox(QMessageBox::Ok);
        QVERIFY(!window.openProject(file.fileName()));
        QVERIFY2(window.files().lastError().contains(QStringLiteral("newer")), qPrintable(window.files().lastError()));
        QCOMPARE(window.document().project(), testing::ciovExample());
    }

    void droppingAProjectFileOpensIt()
    {
        MainWindow window(&m_catalog);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(testing::ciovExamplePath())});
        QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        QTRY_COMPARE(window.document().displayName(), QStringLiteral("ciov-whitepaper.iovplan"));
        QCOMPARE(window.scenarioTabs()->count(), 5);
    }

    void scenarioCommandsFromTheMenu()
    {
        MainWindow window(&m_catalog);
        QVERIFY(window.openProject(testing::ciovExamplePath()));
        window.scenarioTabs()->setCurrentIndex(0);
        window.findChild<QAction *>(QStringLiteral("actionDuplicateScenario"))->trigger();
        QCOMPARE(window.scenarioTabs()->count(), 6);
        QCOMPARE(window.scenarioTabs()->tabText(1), QStringLiteral("GigE+FC (copy)"));
        QCOMPARE(window.scenarioTabs()->currentIndex(), 1);
        window.findChild<QAction *>(QStringLiteral("actionDeleteScenario"))->trigger();
        QCOMPARE(window.scenarioTabs()->count(), 5);
        window.findChild<QAction *>(QStringLiteral("actionCompare"))->trigger();
        QVERIFY(window.scenarioTabs()->isCompareCurrent());
    }

    // File > Export > Report opens the export dialog on the window's project, edits included.
    void exportReportShowsTheOpenProject()
    {
        MainWindow window(&m_catalog);
        QVERIFY(window.openProject(testing::ciovExamplePath()));
        window.scenarioTabs()->setCurrentIndex(0);
        window.findChild<QAction *>(QStringLiteral("actionDuplicateScenario"))->trigger();
        QStringList shown;
        QTimer::singleShot(0, &window, [&shown] {
            for (QWidget *w : QApplication::topLevelWidgets()) {
                if (auto *dialog = qobject_cast<ui::ReportExportDialog *>(w)) {
                    for (int i = 0; i < dialog->scenarioList()->count(); ++i)
                        shown << dialog->scenarioList()->item(i)->text();
                    dialog->reject();
                }
            }
        });
        window.findChild<QAction *>(QStringLiteral("actionExportReport"))->trigger();
        QCOMPARE(shown, QStringList({ QStringLiteral("GigE+FC"), QStringLiteral("GigE+FC (copy)"), QStringLiteral("IB software IOV"),
                                      QStringLiteral("IB software IOV HA"), QStringLiteral("IB native IOV") }));
    }

    void helpShowsTheModelNotes()
    {
        ui::HelpBrowser help;
        QVERIFY(help.topics().size() >= 4);
        QVERIFY(help.showTopic(QStringLiteral("Cost, power and TCO")));
        QVERIFY2(help.currentMarkdown().contains(QStringLiteral("BTU")), qPrintable(help.currentMarkdown().left(300)));
        QVERIFY(help.showTopic(QStringLiteral("Performance model")));
        QVERIFY(!help.currentMarkdown().contains(QStringLiteral("missing from the program")));
    }

    // Jain 1991 p.577: X = 0.333247, disk A the bottleneck; solved off the GUI thread.
    void opensAndSolvesAQueueingNetwork()
    {
        MainWindow window(&m_catalog);
        QSignalSpy solved(&window, &MainWindow::reportShown);
        window.openQueueingNetwork(QStringLiteral(IOVPLAN_SOURCE_DIR "/examples/qn/jain-closed-think-time.json"));
        QTRY_COMPARE(solved.count(), 1);
        QCOMPARE(solved.first().at(1).toBool(), true);
        QVERIFY2(window.queueingReportText().contains(QStringLiteral("0.333247")), qPrintable(window.queueingReportText()));
    }

    void badNetworkShowsTheFieldAndKeepsRunning()
    {
        MainWindow window(&m_catalog);
        QSignalSpy solved(&window, &MainWindow::reportShown);
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("bad.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"stations": [{"name": "cpu", "kind": "queue", "servers": 0}],
                      "classes": [{"name": "a", "kind": "closed", "population": 2, "demands": {"cpu": 1}}]})");
        file.close();
        window.openQueueingNetwork(file.fileName());
        QTRY_COMPARE(solved.count(), 1);
        QCOMPARE(solved.first().at(1).toBool(), false);
        QVERIFY2(window.queueingReportText().contains(QStringLiteral("stations[0].servers")),
                 qPrintable(window.queueingReportText()));
    }

    void newerQueueingRequestSupersedesOlder()
    {
        MainWindow window(&m_catalog);
        QSignalSpy solved(&window, &MainWindow::reportShown);
        window.openQueueingNetwork(QStringLiteral(IOVPLAN_SOURCE_DIR "/examples/qn/jain-closed-think-time.json"));
        const QString second = QStringLiteral(IOVPLAN_SOURCE_DIR "/examples/qn/qsp-1984-p142-closed-multiclass.json");
        window.openQueueingNetwork(second);
        QTRY_COMPARE(solved.count(), 1);
        QTest::qWait(100);
        QCOMPARE(solved.count(), 1);
        QCOMPARE(solved.first().at(0).toString(), second);
    }

    void remembersGeometryAcrossSessions()
    {
        {
            MainWindow window(&m_catalog);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.resize(1420, 860);
            QTRY_COMPARE(window.size(), QSize(1420, 860));
            window.close();
        }
        MainWindow reopened(&m_catalog);
        QCOMPARE(reopened.size(), QSize(1420, 860));
    }

    // For people to look at (issue 5, part 6): the main window on a scenario, the Compare view and the
    // wizard, written to the tests' output folder (or IOVPLAN_SCREENSHOT_DIR).
    void screenshots()
    {
        QSettings().clear();
        MainWindow window(&m_catalog);
        window.resize(1600, 1000);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openProject(testing::ciovExamplePath()));
        window.scenarioTabs()->setCurrentIndex(1);
        QVERIFY(window.evaluations().waitForIdle());
        QTest::qWait(1500); // the dashboard's latency curve is computed after the evaluation
        if (ui::DesignView *view = window.scenarioTabs()->currentView())
            view->zoomToFit();
        saveScreenshot(&window, QStringLiteral("mainwindow"));
        window.scenarioTabs()->showCompare();
        QTest::qWait(300);
        saveScreenshot(&window, QStringLiteral("mainwindow-compare"));
        saveScreenshot(window.compareView(), QStringLiteral("compare"));

        const ui::ScenarioKey gige = window.document().scenarioKeys().front();
        ui::ConsolidateWizard wizard(window.document().scenario(gige), window.document().catalog(), &m_catalog, &window);
        wizard.resize(900, 700);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        saveScreenshot(&wizard, QStringLiteral("wizard-choices"));
        wizard.next();
        QTest::qWait(200);
        saveScreenshot(&wizard, QStringLiteral("wizard-review"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
