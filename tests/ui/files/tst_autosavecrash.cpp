// Autosave recovery end to end (docs/crash-safety.md): a real process (crashchild/autosavechild.cpp) runs
// the GUI's AutoSaver on an edited Document and is killed with SIGKILL once its recovery file is on disk.
// Then the start-up recovery of ui/filecontroller.cpp (FileController::offerRecovery: RecoveryStore,
// restore, Document::adopt, discard) runs here: the killed session's lock file does not block it, and the
// restored project is the edited one.
#include "tests/exampleproject.h"

#include "ui/editing/document.h"
#include "ui/editing/documenteditor.h"
#include "ui/files/recoverylocation.h"
#include "ui/files/recoverystore.h"

#include "model/io/projectdocument.h"

#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace iovplan;

namespace {

/// The project the child ends up with: the example with one rack added to its first scenario by the
/// GUI's editor, made here the same way.
std::optional<design::Project> expectedEdit(const QString &path)
{
    ui::Document document;
    if (!document.open(path).message.isEmpty())
        return std::nullopt;
    ui::DocumentEditor editor(document, nullptr);
    if (!editor.addRack(document.scenarioKeys().front()).ok())
        return std::nullopt;
    return document.project();
}

} // namespace

class TestAutosaveCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void killedSessionIsRestored_data();
    void killedSessionIsRestored();
};

void TestAutosaveCrash::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(QFileInfo::exists(QStringLiteral(IOVPLAN_AUTOSAVECHILD_PATH)));
}

void TestAutosaveCrash::killedSessionIsRestored_data()
{
    QTest::addColumn<int>("extraWaitMs"); // after the first snapshot: the child keeps its timer running
    QTest::newRow("killed at once after the snapshot") << 0;
    QTest::newRow("killed after more autosave ticks") << 300;
}

void TestAutosaveCrash::killedSessionIsRestored()
{
    QFETCH(int, extraWaitMs);
    QTemporaryDir files;
    QTemporaryDir recovery;
    const QString projectPath = files.filePath(QStringLiteral("example.iovplan"));
    QVERIFY(QFile::copy(testing::ciovExamplePath(), projectPath));
    QFile::setPermissions(projectPath, QFile::ReadOwner | QFile::WriteOwner);
    const QByteArray original = [&] {
        QFile file(projectPath);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    const std::optional<design::Project> edited = expectedEdit(projectPath);
    QVERIFY(edited);
    QVERIFY(!(*edited == testing::ciovExample()));

    QProcess child;
    child.start(QStringLiteral(IOVPLAN_AUTOSAVECHILD_PATH), { projectPath, recovery.path() });
    QVERIFY(child.waitForStarted());
    QByteArray line;
    while (!line.startsWith("snapshot ") && child.state() == QProcess::Running) {
        if (!child.canReadLine())
            child.waitForReadyRead(10'000);
        else
            line = child.readLine().trimmed();
    }
    QVERIFY2(line.startsWith("snapshot "), child.readAllStandardError().constData());
    const QString snapshotPath = QString::fromUtf8(line.mid(9));
    QVERIFY(snapshotPath.startsWith(recovery.path()));
    if (extraWaitMs > 0)
        QTest::qWait(extraWaitMs);
    const qint64 childPid = child.processId();
    child.kill(); // SIGKILL: no destructor, no finish(), the lock stays on disk
    QVERIFY(child.waitForFinished(10'000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);

    // The killed session left its snapshot, sidecar and lock; the lock names the dead process.
    const QString id = QFileInfo(snapshotPath).completeBaseName();
    const QString lockPath = ui::recoveryLockPath(recovery.path(), id);
    QVERIFY(QFileInfo::exists(snapshotPath));
    QVERIFY(QFileInfo::exists(ui::recoveryInfoPath(recovery.path(), id)));
    QVERIFY(QFileInfo::exists(lockPath));
    {
        QLockFile lock(lockPath);
        qint64 pid = 0;
        QString host, app;
        QVERIFY(lock.getLockInfo(&pid, &host, &app));
        QCOMPARE(pid, childPid);
    }
    // The original file is untouched: autosave never writes it.
    QFile originalFile(projectPath);
    QVERIFY(originalFile.open(QIODevice::ReadOnly));
    QCOMPARE(originalFile.readAll(), original);

    // Start-up recovery, as FileController::offerRecovery does it (the dialog's choice is the only entry).
    ui::RecoveryStore store(recovery.path());
    QCOMPARE(store.entries().size(), std::size_t(1)); // the stale lock did not hide it
    const ui::RecoveryEntry entry = store.entries().front();
    QCOMPARE(entry.id, id);
    QVERIFY(!entry.infoMissing);
    QCOMPARE(entry.info.originalPath, projectPath);
    QCOMPARE(entry.info.programVersion, QStringLiteral("autosave-crash-test"));
    // The store now holds the lock: a second instance starting now does not list it again.
    QVERIFY(ui::RecoveryStore(recovery.path()).entries().empty());

    const ui::RecoveredProject recovered = store.restore(id);
    QVERIFY2(recovered.ok(), qPrintable(recovered.error));
    QCOMPARE(recovered.originalPath, projectPath);
    QVERIFY(*recovered.project == *edited);
    ui::Document restored;
    restored.adopt(*recovered.project, recovered.originalPath, recovered.loadedVersion);
    QVERIFY(restored.isModified());
    QCOMPARE(restored.filePath(), projectPath);
    QVERIFY(restored.project() == *edited);

    QVERIFY(store.discard(id));
    QVERIFY(QDir(recovery.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
    // Saving the restored project gives the edited document on disk.
    QVERIFY(restored.save().ok);
    const io::ProjectReadResult reread = io::readProjectFile(projectPath);
    QVERIFY(reread.ok() && *reread.project == *edited);
}

QTEST_MAIN(TestAutosaveCrash)
#include "tst_autosavecrash.moc"
