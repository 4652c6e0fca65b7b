#include "autosaver.h"

#include "model/io/atomicfile.h"

#include "ui/editing/document.h"

#include "model/io/projectdocument.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QTimer>
#include <QUuid>

namespace iovplan::ui {


AutoSaver::AutoSaver(Document *document, const QString &recoveryDirectory, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_directory(recoveryDirectory)
    , m_id(QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_programVersion(QCoreApplication::applicationVersion())
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(defaultIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &AutoSaver::saveNow);
    if (m_document)
        connect(m_document, &Document::fileStateChanged, this, &AutoSaver::onFileStateChanged);
    m_timer->start();
}

AutoSaver::~AutoSaver()
{
    if (m_lock)
        m_lock->unlock(); // the snapshot stays: as after a crash, the next start offers it
}

void AutoSaver::setInterval(int milliseconds)
{
    m_timer->setInterval(milliseconds);
}

int AutoSaver::interval() const
{
    return m_timer->interval();
}

QString AutoSaver::recoveryFilePath() const
{
    return recoveryProjectPath(m_directory, m_id);
}

AutosaveOutcome AutoSaver::saveNow()
{
    const Document *document = m_document.data();
    if (m_finished || document == nullptr)
        return { AutosaveOutcome::Action::Unchanged, {} };
    if (!document->isModified()) {
        removeSnapshot();
        return { AutosaveOutcome::Action::Removed, {} };
    }
    const AutosaveOutcome outcome = write();
    if (outcome.action == AutosaveOutcome::Action::Written)
        Q_EMIT snapshotWritten(recoveryFilePath());
    else if (outcome.action == AutosaveOutcome::Action::Failed)
        Q_EMIT autosaveFailed(outcome.message);
    return outcome;
}

AutosaveOutcome AutoSaver::write()
{
    const Document *document = m_document.data();
    if (document == nullptr)
        return { AutosaveOutcome::Action::Unchanged, {} };
    const QByteArray bytes = io::writeProjectJson(document->project());
    if (bytes == m_writtenBytes)
        return { AutosaveOutcome::Action::Unchanged, {} };
    if (!QDir().mkpath(m_directory))
        return { AutosaveOutcome::Action::Failed,
                 tr("cannot create the recovery folder %1").arg(QDir::toNativeSeparators(m_directory)) };
    if (!m_lock) {
        // Taken before the first byte is written, so a starting instance never lists a half-written
        // snapshot. A stale lock is judged by its owner's process alone, never by age.
        auto lock = std::make_unique<QLockFile>(recoveryLockPath(m_directory, m_id));
        lock->setStaleLockTime(0);
        if (!lock->tryLock(0))
            return { AutosaveOutcome::Action::Failed,
                     tr("cannot lock the recovery file %1").arg(QDir::toNativeSeparators(lock->fileName())) };
        m_lock = std::move(lock);
    }
    RecoveryInfo info;
    info.originalPath = document->filePath();
    info.projectName = document->project().name;
    info.savedAt = QDateTime::currentDateTimeUtc();
    info.programVersion = m_programVersion;
    // The project first: a snapshot without a sidecar is still offered (RecoveryStore), one without
    // a project is not.
    if (const QString error = io::writeFileAtomically(recoveryFilePath(), bytes); !error.isEmpty())
        return { AutosaveOutcome::Action::Failed, error };
    m_writtenBytes = bytes;
    if (const QString error = io::writeFileAtomically(recoveryInfoPath(m_directory, m_id), writeRecoveryInfo(info));
        !error.isEmpty())
        return { AutosaveOutcome::Action::Failed, error };
    return { AutosaveOutcome::Action::Written, {} };
}

void AutoSaver::onFileStateChanged()
{
    // Saved (or replaced by a clean project): the snapshot is stale at once, not a minute later.
    if (const Document *document = m_document.data(); document != nullptr && !document->isModified())
        removeSnapshot();
}

void AutoSaver::removeSnapshot()
{
    if (!m_writtenBytes.isEmpty()) {
        QFile::remove(recoveryProjectPath(m_directory, m_id));
        QFile::remove(recoveryInfoPath(m_directory, m_id));
        m_writtenBytes.clear();
    }
    if (m_lock) {
        m_lock->unlock();
        m_lock.reset();
    }
}

void AutoSaver::finish()
{
    removeSnapshot();
    m_timer->stop();
    m_finished = true;
}

} // namespace iovplan::ui
