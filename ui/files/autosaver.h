#pragma once
// Autosave of the open project to a recovery snapshot (CONVENTIONS 10; docs/gui-files-whatif.md): every
// interval, while the document has unsaved changes, its project is written atomically under the recovery
// folder with a sidecar naming the original file; the snapshot goes away when the document is saved clean,
// replaced by a clean one, or the window closes normally (finish()). A crash leaves it for RecoveryStore.

#include "recoverylocation.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

class QLockFile;
class QTimer;

namespace iovplan::ui {

class Document;

/// What one autosave did.
struct AutosaveOutcome
{
    enum class Action {
        Written, ///< the snapshot was (re)written
        Unchanged, ///< modified, but the snapshot already holds these bytes
        Removed, ///< the document is clean: any snapshot was removed
        Failed, ///< see message; the previous snapshot, if any, is intact
    };
    Action action = Action::Unchanged;
    QString message;
};

/// Writes and removes the recovery snapshot of one Document. The snapshot's lock is held from the first
/// write until finish() or destruction, so other running instances leave it alone.
class AutoSaver : public QObject
{
    Q_OBJECT

public:
    static constexpr int defaultIntervalMs = 60'000;

    /// Watches `document` and autosaves it into `recoveryDirectory` every defaultIntervalMs.
    explicit AutoSaver(Document *document, const QString &recoveryDirectory = defaultRecoveryDirectory(),
                       QObject *parent = nullptr);
    /// Releases the lock but keeps the snapshot: only finish() means the session ended normally.
    ~AutoSaver() override;

    /// The autosave period (tests shorten it).
    void setInterval(int milliseconds);
    [[nodiscard]] int interval() const;
    /// The version recorded in sidecars; QCoreApplication::applicationVersion() by default.
    void setProgramVersion(const QString &version) { m_programVersion = version; }

    /// Where this session's snapshot is written (whether or not one exists now).
    [[nodiscard]] QString recoveryFilePath() const;
    /// Whether a snapshot of this session is on disk.
    [[nodiscard]] bool hasSnapshot() const { return !m_writtenBytes.isEmpty(); }

    /// Autosaves at once: writes the snapshot when the document is modified, removes it when clean.
    AutosaveOutcome saveNow();
    /// The normal end of the session (the window closes after the unsaved-changes prompt): removes the
    /// snapshot and its lock and stops autosaving.
    void finish();

Q_SIGNALS:
    /// A snapshot was written to `path`.
    void snapshotWritten(const QString &path);
    /// An autosave failed (disk full, folder not writable): for the status bar.
    void autosaveFailed(const QString &message);

private:
    void onFileStateChanged();
    [[nodiscard]] AutosaveOutcome write();
    void removeSnapshot();

    QPointer<Document> m_document;
    QString m_directory;
    QString m_id;
    QString m_programVersion;
    QTimer *m_timer = nullptr;
    std::unique_ptr<QLockFile> m_lock;
    QByteArray m_writtenBytes; ///< the snapshot on disk; empty when there is none
    bool m_finished = false;
};

} // namespace iovplan::ui
