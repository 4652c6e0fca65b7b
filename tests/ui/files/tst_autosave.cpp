// Autosave and crash recovery (ui/files): AutoSaver writes the modified project as io::writeProjectJson
// bytes with a sidecar, removes it when the document is saved clean, undone to clean or closed normally;
// a session that ends without finish() (a crash) leaves it, RecoveryStore finds it — but never one a
// live session holds — and restoring gives the edited project; RecoveryDialog offers them.

#include "tests/exampleproject.h"

#include "ui/editing/document.h"
#include "ui/files/autosaver.h"
#include "ui/files/recoverydialog.h"
#include "ui/files/recoverylocation.h"
#include "ui/files/recoverystore.h"

#include "model/io/projectdocument.h"

#include <QDir>
#include <QFile>
#include <QSysInfo>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoCommand>
#include <QUndoStack>

#include <memory>

using namespace iovplan;

namespace {

// A test's stand-in for the editor's commands: renames the first scenario.
class RenameFirstScenario : public QUndoCommand
{
public:
    RenameFirstScenario(ui::Document &document, const QString &name)
        : m_document(document)
        , m_key(document.scenarioKeys().front())
        , m_before(document.scenario(m_key).name)
        , m_after(name)
    {
    }
    void redo() override { apply(m_after); }
    void undo() override { apply(m_before); }

private:
    void apply(const QString &name)
    {
        design::Scenario s = m_document.scenario(m_key);
        s.name = name;
        m_document.replaceScenario(m_key, s, m_document.catalog(), ui::ScenarioPart::Name);
    }
    ui::Document &m_document;
    ui::ScenarioKey m_key;
    QString m_before;
    QString m_after;
};

void edit(ui::Document &document, const QString &name)
{
    document.undoStack()->push(new RenameFirstScenario(document, name));
}

// The example opened from a copy in `dir` (saving must not touch the repository's file).
std::unique_ptr<ui::Document> openedExample(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("example.iovplan"));
    QFile::remove(path);
    if (!QFile::copy(testing::ciovExamplePath(), path))
        return nullptr;
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    auto document = std::make_unique<ui::Document>();
    if (!document->open(path).message.isEmpty())
        return nullptr;
    return document;
}

// One editing session of the example, opened from a copy in its own folder and autosaving into its own
// recovery folder; `document` and `saver` are null when the example could not be opened.
struct Session
{
    QTemporaryDir files;
    QTemporaryDir recovery;
    std::unique_ptr<ui::Document> document = openedExample(files);
    std::unique_ptr<ui::AutoSaver> saver =
        document ? std::make_unique<ui::AutoSaver>(document.get(), recovery.path()) : nullptr;
};

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files, QDir::Name);
}

} // namespace

class TestAutosave : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void writesModifiedProject();
    void timerWritesWhenModified();
    void cleanDocumentWritesNothing();
    void cleanSaveRemovesSnapshot();
    void undoToCleanRemovesSnapshot();
    void finishRemovesSnapshot();
    void liveSessionIsNotListed();
    void crashLeavesRestorableSnapshot();
    void staleLockOfDeadProcessIsTaken();
    void listedSnapshotIsNotListedTwice();
    void unreadableSnapshotGivesError();
    void recoveryDialogActions();
};

void TestAutosave::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(ui::defaultRecoveryDirectory().endsWith(QStringLiteral("/recovery")));
}

void TestAutosave::writesModifiedProject()
{
    Session s;
    QVERIFY(s.saver);
    s.saver->setProgramVersion(QStringLiteral("9.8.7"));
    edit(*s.document, QStringLiteral("Edited"));
    QVERIFY(s.document->isModified());
    QSignalSpy written(s.saver.get(), &ui::AutoSaver::snapshotWritten);

    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    QCOMPARE(s.saver->saveNow().action, ui::AutosaveOutcome::Action::Written);
    QCOMPARE(written.count(), 1);
    QVERIFY(s.saver->hasSnapshot());
    QVERIFY(s.saver->recoveryFilePath().startsWith(s.recovery.path()));
    const QByteArray expected = io::writeProjectJson(s.document->project());
    QCOMPARE(readAll(s.saver->recoveryFilePath()), expected);
    QVERIFY(expected.contains("\"Edited\""));

    const QString id = QFileInfo(s.saver->recoveryFilePath()).completeBaseName();
    const std::optional<ui::RecoveryInfo> info = ui::readRecoveryInfo(readAll(ui::recoveryInfoPath(s.recovery.path(), id)));
    QVERIFY(info.has_value());
    QCOMPARE(info->originalPath, s.document->filePath());
    QCOMPARE(info->projectName, s.document->project().name);
    QCOMPARE(info->programVersion, QStringLiteral("9.8.7"));
    QVERIFY(info->savedAt >= before && info->savedAt <= QDateTime::currentDateTimeUtc().addSecs(1));
    QVERIFY(QFile::exists(ui::recoveryLockPath(s.recovery.path(), id)));

    // Nothing changed since: not written again.
    QCOMPARE(s.saver->saveNow().action, ui::AutosaveOutcome::Action::Unchanged);
    QCOMPARE(written.count(), 1);
    edit(*s.document, QStringLiteral("Edited again"));
    QCOMPARE(s.saver->saveNow().action, ui::AutosaveOutcome::Action::Written);
    QCOMPARE(readAll(s.saver->recoveryFilePath()), io::writeProjectJson(s.document->project()));
    s.saver->finish();
}

void TestAutosave::timerWritesWhenModified()
{
    Session s;
    QVERIFY(s.saver);
    QCOMPARE(s.saver->interval(), ui::AutoSaver::defaultIntervalMs);
    s.saver->setInterval(10);
    edit(*s.document, QStringLiteral("Edited"));
    QTRY_VERIFY(QFile::exists(s.saver->recoveryFilePath()));
    QCOMPARE(readAll(s.saver->recoveryFilePath()), io::writeProjectJson(s.document->project()));
    s.saver->finish();
}

void TestAutosave::cleanDocumentWritesNothing()
{
    Session s;
    QVERIFY(s.saver);
    QCOMPARE(s.saver->saveNow().action, ui::AutosaveOutcome::Action::Removed);
    QVERIFY(filesIn(s.recovery.path()).isEmpty());
}

void TestAutosave::cleanSaveRemovesSnapshot()
{
    Session s;
    QVERIFY(s.saver);
    edit(*s.document, QStringLiteral("Edited"));
    QCOMPARE(s.saver->saveNow().action, ui::AutosaveOutcome::Action::Written);
    QCOMPARE(filesIn(s.recovery.path()).size(), 3); // project, sidecar, lock
    QVERIFY(s.document->save().ok);
    QVERIFY(!s.document->isModified());
    QVERIFY(filesIn(s.recovery.path()).isEmpty()); // at once, not at the next tick
    QVERIFY(!s.saver->hasSnapshot());
}

void TestAutosave::undoToCleanRemovesSnapshot()
{
    Session s;
    QVERIFY(s.saver);
    edit(*s.document, QStringLiteral("Edited"));
    QCOMPARE(s.saver->saveNow().action, ui::AutosaveOutcome::Action::Written);
    s.document->undoStack()->undo();
    QVERIFY(!s.document->isModified());
    QVERIFY(filesIn(s.recovery.path()).isEmpty());
}

void TestAutosave::finishRemovesSnapshot()
{
    Session s;
    QVERIFY(s.saver);
    edit(*s.document, QStringLiteral("Edited"));
    QCOMPARE(s.saver->saveNow().action, ui::AutosaveOutcome::Action::Written);
    s.saver->finish(); // the window closed normally with the changes discarded
    QVERIFY(filesIn(s.recovery.path()).isEmpty());
    edit(*s.document, QStringLiteral("After the end"));
    QCOMPARE(s.saver->saveNow().action, ui::AutosaveOutcome::Action::Unchanged);
    QVERIFY(filesIn(s.recovery.path()).isEmpty());
    QVERIFY(ui::RecoveryStore(s.recovery.path()).entries().empty());
}

void TestAutosave::liveSessionIsNotListed()
{
    Session s;
    QVERIFY(s.saver);
    edit(*s.document, QStringLiteral("Edited"));
    QCOMPARE(s.saver->saveNow().action, ui::AutosaveOutcome::Action::Written);
    // Another instance starting now must leave a running session's snapshot alone.
    ui::RecoveryStore store(s.recovery.path());
    QVERIFY(store.entries().empty());
    QVERIFY(QFile::exists(s.saver->recoveryFilePath()));
    s.saver->finish();
}

void TestAutosave::crashLeavesRestorableSnapshot()
{
    QTemporaryDir files;
    QTemporaryDir recovery;
    design::Project edited;
    QString originalPath;
    {
        auto document = openedExample(files);
        QVERIFY(document);
        auto saver = std::make_unique<ui::AutoSaver>(document.get(), recovery.path());
        saver->setProgramVersion(QStringLiteral("1.2.3"));
        edit(*document, QStringLiteral("Edited before the crash"));
        QCOMPARE(saver->saveNow().action, ui::AutosaveOutcome::Action::Written);
        edited = document->project();
        originalPath = document->filePath();
        // The crash: the session ends without finish(); its lock goes with its process.
        saver.reset();
        document.reset();
    }
    QVERIFY(edited != testing::ciovExample());

    ui::RecoveryStore store(recovery.path());
    QCOMPARE(store.entries().size(), std::size_t(1));
    const ui::RecoveryEntry entry = store.entries().front();
    QCOMPARE(entry.info.originalPath, originalPath);
    QCOMPARE(entry.info.programVersion, QStringLiteral("1.2.3"));
    QVERIFY(!entry.infoMissing);

    const ui::RecoveredProject recovered = store.restore(entry.id);
    QVERIFY2(recovered.ok(), qPrintable(recovered.error));
    QCOMPARE(recovered.originalPath, originalPath);
    QCOMPARE(recovered.loadedVersion, io::currentDocumentVersion);
    QVERIFY(*recovered.project == edited);

    // Adopted by a new document: modified, with the original file, and the same project.
    ui::Document restored;
    restored.adopt(*recovered.project, recovered.originalPath, recovered.loadedVersion);
    QVERIFY(restored.isModified());
    QCOMPARE(restored.filePath(), originalPath);
    QVERIFY(restored.project() == edited);

    QVERIFY(store.discard(entry.id));
    QVERIFY(store.entries().empty());
    QVERIFY(filesIn(recovery.path()).isEmpty());
    QVERIFY(!store.discard(entry.id));
}

void TestAutosave::staleLockOfDeadProcessIsTaken()
{
    // A real crash leaves the lock file behind, naming a process that is gone.
    QTemporaryDir recovery;
    const QString id = QStringLiteral("crashed-session");
    design::Project project = testing::ciovExample();
    project.name = QStringLiteral("Crashed");
    {
        QFile file(ui::recoveryProjectPath(recovery.path(), id));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(io::writeProjectJson(project));
    }
    QProcess gone;
    gone.start(QStringLiteral("true"), {});
    QVERIFY(gone.waitForStarted());
    const qint64 deadPid = gone.processId();
    QVERIFY(gone.waitForFinished());
    {
        QFile lock(ui::recoveryLockPath(recovery.path(), id));
        QVERIFY(lock.open(QIODevice::WriteOnly));
        lock.write(QStringLiteral("%1\niovplan\n%2\n").arg(deadPid).arg(QSysInfo::machineHostName()).toUtf8());
    }
    ui::RecoveryStore store(recovery.path());
    QCOMPARE(store.entries().size(), std::size_t(1));
    QVERIFY(store.entries().front().infoMissing); // no sidecar: still offered, time from the file
    QVERIFY(store.entries().front().info.savedAt.isValid());
    const ui::RecoveredProject recovered = store.restore(id);
    QVERIFY(recovered.ok());
    QVERIFY(*recovered.project == project);
}

void TestAutosave::listedSnapshotIsNotListedTwice()
{
    // Two instances starting at once: the first to list a snapshot holds it.
    QTemporaryDir files;
    QTemporaryDir recovery;
    {
        auto document = openedExample(files);
        QVERIFY(document);
        ui::AutoSaver saver(document.get(), recovery.path());
        edit(*document, QStringLiteral("Edited"));
        QCOMPARE(saver.saveNow().action, ui::AutosaveOutcome::Action::Written);
    }
    auto first = std::make_unique<ui::RecoveryStore>(recovery.path());
    QCOMPARE(first->entries().size(), std::size_t(1));
    QVERIFY(ui::RecoveryStore(recovery.path()).entries().empty());
    first.reset(); // "Later": released, offered again next time
    QCOMPARE(ui::RecoveryStore(recovery.path()).entries().size(), std::size_t(1));
}

void TestAutosave::unreadableSnapshotGivesError()
{
    QTemporaryDir recovery;
    const QString id = QStringLiteral("broken");
    {
        QFile file(ui::recoveryProjectPath(recovery.path(), id));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"format\": \"iovplan\", \"version\": 2, \"scenarios\": 7}");
    }
    ui::RecoveryStore store(recovery.path());
    QCOMPARE(store.entries().size(), std::size_t(1));
    const ui::RecoveredProject recovered = store.restore(id);
    QVERIFY(!recovered.ok());
    QVERIFY2(recovered.error.contains(QStringLiteral("broken.iovplan")), qPrintable(recovered.error));
    // The file, then the reader's field and message.
    QVERIFY2(recovered.error.indexOf(QStringLiteral(": "), recovered.error.indexOf(QStringLiteral("broken.iovplan"))) > 0,
             qPrintable(recovered.error));
    QVERIFY(store.discard(id)); // a broken snapshot can still be thrown away
}

void TestAutosave::recoveryDialogActions()
{
    QTemporaryDir files;
    QTemporaryDir recovery;
    // Two crashed sessions.
    for (const QString &name : { QStringLiteral("First edit"), QStringLiteral("Second edit") }) {
        auto document = openedExample(files);
        QVERIFY(document);
        ui::AutoSaver saver(document.get(), recovery.path());
        saver.setProgramVersion(QStringLiteral("0.1.0"));
        edit(*document, name);
        QCOMPARE(saver.saveNow().action, ui::AutosaveOutcome::Action::Written);
    }
    {
        ui::RecoveryStore store(recovery.path());
        QCOMPARE(store.entries().size(), std::size_t(2));
        ui::RecoveryDialog dialog(store);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.list()->topLevelItemCount(), 2);
        QCOMPARE(dialog.list()->topLevelItem(0)->text(1), QDir::toNativeSeparators(files.filePath(QStringLiteral("example.iovplan"))));
        QCOMPARE(dialog.list()->topLevelItem(0)->text(3), QStringLiteral("0.1.0"));
        const QString dir = qEnvironmentVariable("IOVPLAN_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            QDir().mkpath(dir);
            QVERIFY(dialog.grab().save(QDir(dir).filePath(QStringLiteral("recovery-dialog.png"))));
        }

        // Discard the first: one left, its files gone, the dialog still open.
        const QString discarded = dialog.list()->topLevelItem(0)->data(0, Qt::UserRole).toString();
        QTest::mouseClick(dialog.discardButton(), Qt::LeftButton);
        QCOMPARE(dialog.list()->topLevelItemCount(), 1);
        QVERIFY(dialog.isVisible());
        QVERIFY(!QFile::exists(ui::recoveryProjectPath(recovery.path(), discarded)));

        // Restore the other.
        const QString kept = dialog.list()->topLevelItem(0)->data(0, Qt::UserRole).toString();
        QVERIFY(kept != discarded);
        QTest::mouseClick(dialog.restoreButton(), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.chosenId(), kept);
        QVERIFY(store.restore(kept).ok());
    }
    {
        // Later keeps it for the next start.
        ui::RecoveryStore store(recovery.path());
        QCOMPARE(store.entries().size(), std::size_t(1));
        ui::RecoveryDialog dialog(store);
        dialog.show();
        QTest::mouseClick(dialog.laterButton(), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(dialog.chosenId().isEmpty());
    }
    ui::RecoveryStore store(recovery.path());
    QCOMPARE(store.entries().size(), std::size_t(1));
    {
        // Discarding the last one closes the dialog.
        ui::RecoveryDialog dialog(store);
        dialog.show();
        QTest::mouseClick(dialog.discardButton(), Qt::LeftButton);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }
    QVERIFY(filesIn(recovery.path()).isEmpty());
}

QTEST_MAIN(TestAutosave)
#include "tst_autosave.moc"
