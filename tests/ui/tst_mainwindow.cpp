// The main window shell opens, shows its menus and keeps its layout across sessions.
#include "ui/mainwindow.h"

#include <QAction>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QSettings>
#include <QStandardPaths>
#include <QtTest>

using iovplan::ui::MainWindow;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("IOV Planner Tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        QSettings().clear();
    }

    void opensWithTitleAndMenus()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.windowTitle().contains(QStringLiteral("IOV Planner")));
        QStringList menus;
        for (QAction *action : window.menuBar()->actions())
            menus << action->text().remove(QLatin1Char('&'));
        QCOMPARE(menus, QStringList({QStringLiteral("File"), QStringLiteral("Help")}));
        QVERIFY(window.findChild<QAction *>(QStringLiteral("actionQuit")));
        QVERIFY(window.findChild<QAction *>(QStringLiteral("actionOpenQueueingNetwork")));
        QVERIFY(window.findChild<QAction *>(QStringLiteral("actionOpenProject")));
        // For looking at the window as a user would: IOVPLAN_SCREENSHOT_DIR=/tmp ctest -R mainwindow
        const QString screenshots = qEnvironmentVariable("IOVPLAN_SCREENSHOT_DIR");
        if (!screenshots.isEmpty())
            QVERIFY(window.grab().save(screenshots + QStringLiteral("/mainwindow.png")));
    }

    // Jain 1991 p.577: X = 0.333247, disk A the bottleneck; solved off the GUI thread.
    void opensAndSolvesAQueueingNetwork()
    {
        MainWindow window;
        window.show();
        QSignalSpy solved(&window, &MainWindow::reportShown);
        const QString path = QStringLiteral(IOVPLAN_SOURCE_DIR "/examples/qn/jain-closed-think-time.json");
        window.openQueueingNetwork(path);
        QTRY_COMPARE(solved.count(), 1);
        QCOMPARE(solved.first().at(1).toBool(), true);
        QVERIFY2(window.centralText().contains(QStringLiteral("0.333247")), qPrintable(window.centralText()));
        QVERIFY(window.centralText().contains(QStringLiteral("disk_a")));
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("jain-closed-think-time.json")));
        const QString screenshots = qEnvironmentVariable("IOVPLAN_SCREENSHOT_DIR");
        if (!screenshots.isEmpty())
            QVERIFY(window.grab().save(screenshots + QStringLiteral("/mainwindow-solution.png")));
    }

    // The white paper's example: every scenario's cost, power and performance, evaluated off the GUI thread
    // (docs/ciov-whitepaper-example.md: GigE+FC I/O purchase $873,792.00; IB $384,798.00).
    void opensAndEvaluatesAProject()
    {
        MainWindow window;
        window.show();
        QSignalSpy shown(&window, &MainWindow::reportShown);
        window.openProject(QStringLiteral(IOVPLAN_SOURCE_DIR "/examples/ciov-whitepaper.iovplan"));
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 30000);
        QCOMPARE(shown.first().at(1).toBool(), true);
        const QString text = window.centralText();
        QVERIFY2(text.contains(QStringLiteral("$873,792.00")), qPrintable(text.left(2000)));
        QVERIFY(text.contains(QStringLiteral("$384,798.00")));
        QCOMPARE(text.count(QStringLiteral("Most VMs per server within the SLA")), 4);
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("ciov-whitepaper.iovplan")));
        const QString screenshots = qEnvironmentVariable("IOVPLAN_SCREENSHOT_DIR");
        if (!screenshots.isEmpty())
            QVERIFY(window.grab().save(screenshots + QStringLiteral("/mainwindow-project.png")));
    }

    void badProjectShowsTheField()
    {
        MainWindow window;
        QSignalSpy shown(&window, &MainWindow::reportShown);
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("bad.iovplan")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"format": "iovplan", "version": 99})");
        file.close();
        window.openProject(file.fileName());
        QTRY_COMPARE(shown.count(), 1);
        QCOMPARE(shown.first().at(1).toBool(), false);
        QVERIFY2(window.centralText().contains(QStringLiteral("newer")), qPrintable(window.centralText()));
    }

    void badNetworkShowsTheFieldAndKeepsRunning()
    {
        MainWindow window;
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
        QVERIFY2(window.centralText().contains(QStringLiteral("stations[0].servers")), qPrintable(window.centralText()));
    }

    void newerRequestSupersedesOlder()
    {
        MainWindow window;
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
            MainWindow window;
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.resize(900, 640);
            QTRY_COMPARE(window.size(), QSize(900, 640));
            window.close();
        }
        MainWindow reopened;
        QCOMPARE(reopened.size(), QSize(900, 640));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
