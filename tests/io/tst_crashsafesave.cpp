// Saving is atomic (docs/crash-safety.md): a child process (tests/io/crashsafe/savechild.cpp) saves two
// large documents alternately over one path with io::saveProjectFile and is killed with SIGKILL at a
// random moment, many times over; after every kill the file parses and equals the document it held
// before the interrupted save or the one that save was writing, never a mix. A save into a read-only
// folder fails with a message and leaves the old file as it was.
#include "crashsafe/crashsafedocuments.h"

#include "model/io/projectdocument.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <linux/capability.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <random>

using namespace iovplan;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// Where one kill landed, from the child's last line.
enum class KillPoint { BeforeReady, MidSave, BetweenSaves };

struct ChildOutput
{
    KillPoint point = KillPoint::BeforeReady;
    long long saveNumber = -1; ///< the save under way (MidSave) or the last one completed (BetweenSaves)
};

ChildOutput parseOutput(const QByteArray &stdoutBytes)
{
    ChildOutput out;
    const QList<QByteArray> lines = stdoutBytes.split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("save ")) {
            out.point = KillPoint::MidSave;
            out.saveNumber = line.mid(5).toLongLong();
        } else if (line.startsWith("saved ")) {
            out.point = KillPoint::BetweenSaves;
            out.saveNumber = line.mid(6).toLongLong();
        } else if (line == "ready") {
            out.point = KillPoint::BetweenSaves;
        }
    }
    return out;
}

/// Drops CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH from this thread's effective capabilities while it
/// lives, so root (as in a container) obeys a folder's permissions like any user; restored afterwards.
class FilePermissionsEnforced
{
public:
    FilePermissionsEnforced()
    {
        if (syscall(SYS_capget, &m_header, m_saved) != 0)
            return;
        __user_cap_data_struct reduced[2] = { m_saved[0], m_saved[1] };
        reduced[0].effective &= ~((1u << CAP_DAC_OVERRIDE) | (1u << CAP_DAC_READ_SEARCH));
        m_active = syscall(SYS_capset, &m_header, reduced) == 0;
    }
    ~FilePermissionsEnforced()
    {
        if (m_active)
            syscall(SYS_capset, &m_header, m_saved);
    }
    FilePermissionsEnforced(const FilePermissionsEnforced &) = delete;
    FilePermissionsEnforced &operator=(const FilePermissionsEnforced &) = delete;

private:
    __user_cap_header_struct m_header { _LINUX_CAPABILITY_VERSION_3, 0 };
    __user_cap_data_struct m_saved[2] {};
    bool m_active = false;
};

} // namespace

class TestCrashSafeSave : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sigkillDuringSaveLeavesOldOrNewDocument();
    void saveIntoReadOnlyFolderKeepsOldFile();

private:
    design::Project m_a;
    design::Project m_b;
    double m_saveMs = 0; ///< one save of the larger document, measured here
};

void TestCrashSafeSave::initTestCase()
{
    m_a = testing::crashSafeDocumentA();
    m_b = testing::crashSafeDocumentB();
    QVERIFY(!(m_a == m_b));
    QVERIFY(QFileInfo::exists(QStringLiteral(IOVPLAN_SAVECHILD_PATH)));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("probe.iovplan"));
    QElapsedTimer timer;
    timer.start();
    QVERIFY(io::saveProjectFile(path, m_a).ok);
    m_saveMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    // Both documents survive a round trip, so "equals A or B" below is a real comparison.
    const io::ProjectReadResult readA = io::readProjectFile(path);
    QVERIFY2(readA.ok(), qPrintable(readA.error.field + u' ' + readA.error.message));
    QVERIFY(*readA.project == m_a);
    QVERIFY(io::saveProjectFile(path, m_b).ok);
    const io::ProjectReadResult readB = io::readProjectFile(path);
    QVERIFY(readB.ok() && *readB.project == m_b);
    qInfo("one save: %.1f ms for %lld bytes (A), B is %lld bytes", m_saveMs,
        static_cast<long long>(io::writeProjectJson(m_a).size()),
        static_cast<long long>(readAll(path).size()));
}

void TestCrashSafeSave::sigkillDuringSaveLeavesOldOrNewDocument()
{
    constexpr int runs = 60;
    constexpr int rightAfterStartEvery = 6; // every 6th kill comes before the child is even ready
    QTemporaryDir dir;
    const QString name = QStringLiteral("plan.iovplan");
    const QString path = dir.filePath(name);
    QVERIFY(io::saveProjectFile(path, m_a).ok);
    const design::Project *onDisk = &m_a; // what the file holds before each run
    const design::Project *documents[2] = { &m_b, &m_a }; // savechild's save N writes documents[N % 2]

    std::mt19937 random(4242u); // fixed seed: the same delays every run of the test
    // Kills spread from the child's "ready" over four saves' time, so they land in serialization, in the
    // write, in the rename and between saves.
    std::uniform_int_distribution<int> afterReadyUs(0, std::max(1000, static_cast<int>(m_saveMs * 4000.0)));
    std::uniform_int_distribution<int> afterStartUs(0, 20'000);
    int midSave = 0, beforeReady = 0, betweenSaves = 0, leftovers = 0, foundA = 0, foundB = 0;
    for (int run = 0; run < runs; ++run) {
        QProcess child;
        child.setProgram(QStringLiteral(IOVPLAN_SAVECHILD_PATH));
        child.setArguments({ path });
        child.setProcessChannelMode(QProcess::SeparateChannels);
        child.start();
        QVERIFY(child.waitForStarted());
        if (run % rightAfterStartEvery == 0) {
            QThread::usleep(static_cast<unsigned long>(afterStartUs(random)));
        } else {
            while (!child.canReadLine() && child.state() == QProcess::Running)
                child.waitForReadyRead(10'000);
            QVERIFY2(child.state() == QProcess::Running, child.readAllStandardError().constData());
            QThread::usleep(static_cast<unsigned long>(afterReadyUs(random)));
        }
        child.kill(); // SIGKILL
        QVERIFY(child.waitForFinished(10'000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        const ChildOutput out = parseOutput(child.readAllStandardOutput());

        // The file is whole: the document before the interrupted save, or the one it was writing.
        const io::ProjectReadResult read = io::readProjectFile(path);
        QVERIFY2(read.ok(),
            qPrintable(QStringLiteral("run %1: %2 %3").arg(run).arg(read.error.field, read.error.message)));
        const design::Project *before = onDisk;
        if (out.point == KillPoint::BetweenSaves && out.saveNumber >= 0)
            before = documents[out.saveNumber % 2];
        else if (out.point == KillPoint::MidSave && out.saveNumber > 0)
            before = documents[(out.saveNumber - 1) % 2];
        const design::Project *writing
            = out.point == KillPoint::MidSave ? documents[out.saveNumber % 2] : before;
        const bool isBefore = *read.project == *before;
        const bool isWriting = *read.project == *writing;
        QVERIFY2(isBefore || isWriting,
            qPrintable(QStringLiteral("run %1: the file is neither the old nor the new document").arg(run)));
        onDisk = isWriting ? writing : before;
        ++(onDisk == &m_a ? foundA : foundB);
        switch (out.point) {
        case KillPoint::BeforeReady:
            ++beforeReady;
            break;
        case KillPoint::MidSave:
            ++midSave;
            break;
        case KillPoint::BetweenSaves:
            ++betweenSaves;
            break;
        }

        // A temporary file of an interrupted save may stay, but never under a name that passes for a
        // document.
        const QStringList files = QDir(dir.path()).entryList(QDir::Files | QDir::Hidden, QDir::Name);
        for (const QString &file : files) {
            if (file == name)
                continue;
            QVERIFY2(!file.endsWith(QStringLiteral(".iovplan")), qPrintable(file));
            ++leftovers;
            QVERIFY(QFile::remove(dir.filePath(file)));
        }
    }
    qInfo("%d SIGKILLs: %d inside io::saveProjectFile (between the child's \"save N\" and \"saved N\"), "
          "%d before the child was ready, %d between saves; file held A %d times, B %d times; "
          "%d temporary files left behind",
        runs, midSave, beforeReady, betweenSaves, foundA, foundB, leftovers);
    // Without kills inside saves the test would prove nothing: most kills land there by construction.
    QVERIFY2(
        midSave >= runs / 2, qPrintable(QStringLiteral("only %1 kills landed inside a save").arg(midSave)));
    QVERIFY(foundA > 0 && foundB > 0);
}

void TestCrashSafeSave::saveIntoReadOnlyFolderKeepsOldFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("plan.iovplan"));
    QVERIFY(io::saveProjectFile(path, m_b).ok);
    const QByteArray before = readAll(path);
    QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner));
    io::SaveResult saved;
    bool folderWritable = true;
    {
        const FilePermissionsEnforced enforced;
        QFile probe(dir.filePath(QStringLiteral("probe")));
        folderWritable = probe.open(QIODevice::WriteOnly);
        if (!folderWritable)
            saved = io::saveProjectFile(path, m_a);
    }
    QFile::remove(dir.filePath(QStringLiteral("probe")));
    QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    if (folderWritable)
        QSKIP("cannot make a folder read-only for this process");
    QVERIFY(!saved.ok);
    QVERIFY2(saved.message.contains(path), qPrintable(saved.message));
    QCOMPARE(readAll(path), before);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
        QStringList { QStringLiteral("plan.iovplan") });
}

QTEST_GUILESS_MAIN(TestCrashSafeSave)
#include "tst_crashsafesave.moc"
