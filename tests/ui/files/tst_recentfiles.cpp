// File > Open Recent (ui/files/recentfiles.h): most recent first, at most ten, missing files pruned from
// what is stored, a numbered menu whose actions emit fileChosen, and Clear List.

#include "ui/files/recentfiles.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace iovplan;

class TestRecentFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void mostRecentFirst();
    void keepsAtMostTen();
    void prunesMissingFiles();
    void menuEmitsChosenFile();
    void clearList();

private:
    QString touch(const QString &name);
    [[nodiscard]] QString settingsFile() const { return m_dir->filePath(QStringLiteral("settings.ini")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

QString TestRecentFiles::touch(const QString &name)
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot create a test file");
    return path;
}

void TestRecentFiles::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestRecentFiles::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

void TestRecentFiles::mostRecentFirst()
{
    const QString a = touch(QStringLiteral("a.iovplan"));
    const QString b = touch(QStringLiteral("b.iovplan"));
    const QString c = touch(QStringLiteral("c.iovplan"));
    ui::RecentFiles recent(settingsFile());
    QSignalSpy changed(&recent, &ui::RecentFiles::changed);
    recent.add(a);
    recent.add(b);
    recent.add(c);
    QCOMPARE(recent.files(), (QStringList { c, b, a }));
    recent.add(a); // opened again: moves to the top, not listed twice
    QCOMPARE(recent.files(), (QStringList { a, c, b }));
    QCOMPARE(changed.count(), 4);
    // A relative path is kept absolute.
    const QString cwd = QDir::currentPath();
    QDir::setCurrent(m_dir->path());
    recent.add(QStringLiteral("b.iovplan"));
    QDir::setCurrent(cwd);
    QCOMPARE(recent.files(), (QStringList { b, a, c }));
    // Kept in the settings: another instance reads the same list.
    QCOMPARE(ui::RecentFiles(settingsFile()).files(), (QStringList { b, a, c }));
}

void TestRecentFiles::keepsAtMostTen()
{
    ui::RecentFiles recent(settingsFile());
    QStringList added;
    for (int i = 0; i < 12; ++i) {
        added.prepend(touch(QStringLiteral("p%1.iovplan").arg(i)));
        recent.add(added.front());
    }
    QCOMPARE(recent.files().size(), ui::RecentFiles::maxFiles);
    QCOMPARE(recent.files(), added.mid(0, 10)); // p11 … p2: the two oldest dropped
}

void TestRecentFiles::prunesMissingFiles()
{
    const QString a = touch(QStringLiteral("a.iovplan"));
    const QString b = touch(QStringLiteral("b.iovplan"));
    ui::RecentFiles recent(settingsFile());
    recent.add(a);
    recent.add(b);
    QVERIFY(QFile::remove(b));
    QCOMPARE(recent.files(), QStringList { a });
    // Pruned in the settings too: a file that comes back later is not listed again by itself.
    touch(QStringLiteral("b.iovplan"));
    QCOMPARE(ui::RecentFiles(settingsFile()).files(), QStringList { a });
}

void TestRecentFiles::menuEmitsChosenFile()
{
    const QString a = touch(QStringLiteral("a.iovplan"));
    const QString b = touch(QStringLiteral("b&c.iovplan"));
    ui::RecentFiles recent(settingsFile());
    QMenu menu;
    recent.attachMenu(&menu);
    recent.add(a);
    recent.add(b);
    QTRY_COMPARE(menu.actions().size(), 4); // two files, separator, Clear List (rebuilt after the change)
    const QList<QAction *> actions = menu.actions();
    QCOMPARE(actions[0]->text(), QStringLiteral("&1 b&&c.iovplan"));
    QCOMPARE(actions[1]->text(), QStringLiteral("&2 a.iovplan"));
    QCOMPARE(actions[1]->toolTip(), QDir::toNativeSeparators(a));
    QVERIFY(actions[2]->isSeparator());
    QSignalSpy chosen(&recent, &ui::RecentFiles::fileChosen);
    actions[1]->trigger();
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(chosen.front().front().toString(), a);
}

void TestRecentFiles::clearList()
{
    ui::RecentFiles recent(settingsFile());
    recent.add(touch(QStringLiteral("a.iovplan")));
    QMenu menu;
    recent.attachMenu(&menu);
    QCOMPARE(menu.actions().size(), 3);
    menu.actions().back()->trigger(); // Clear List
    QVERIFY(recent.files().isEmpty());
    QTRY_COMPARE(menu.actions().size(), 1);
    QCOMPARE(menu.actions().front()->text(), QStringLiteral("No Recent Files"));
    QVERIFY(!menu.actions().front()->isEnabled());
    QVERIFY(ui::RecentFiles(settingsFile()).files().isEmpty());
}

QTEST_MAIN(TestRecentFiles)
#include "tst_recentfiles.moc"
