// The main window shell opens, shows its menus and keeps its layout across sessions.
#include "ui/mainwindow.h"

#include <QAction>
#include <QMenuBar>
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
        // For looking at the window as a user would: IOVPLAN_SCREENSHOT_DIR=/tmp ctest -R mainwindow
        const QString screenshots = qEnvironmentVariable("IOVPLAN_SCREENSHOT_DIR");
        if (!screenshots.isEmpty())
            QVERIFY(window.grab().save(screenshots + QStringLiteral("/mainwindow.png")));
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
