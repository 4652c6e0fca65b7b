#pragma once
// File > New / Open / Save / Save As / Recent, the unsaved-changes prompt, autosave and the offer to
// restore after a crash: everything between the open Document and the files on disk.

#include <QObject>
#include <QString>

class QMenu;
class QWidget;

namespace iovplan::ui {

class AutoSaver;
class Document;
class RecentFiles;

/// Owns the autosaver and the recent-files list of one main window.
class FileController : public QObject
{
    Q_OBJECT

public:
    /// `window` parents the dialogs.
    FileController(Document &document, QWidget *window);
    ~FileController() override;

    [[nodiscard]] RecentFiles &recentFiles() const { return *m_recent; }
    [[nodiscard]] AutoSaver &autoSaver() const { return *m_autoSaver; }
    /// Why the last open or save failed (empty after a success), as shown to the user.
    [[nodiscard]] QString lastError() const { return m_lastError; }

    /// Whether the window may close (or the project be replaced): asks to save a modified project
    /// (Save / Discard / Cancel). True when there is nothing to save or the user saved or discarded.
    bool maybeSave();
    /// The window closes normally: the autosave snapshot goes.
    void finishSession();
    /// At start-up: offers the snapshots a crashed session left (RecoveryDialog); restores the chosen one.
    /// Returns true when a project was restored.
    bool offerRecovery();

public Q_SLOTS:
    void newProject();
    /// Asks for a file and opens it.
    void open();
    /// Opens `path` (after maybeSave). False, with lastError() and a message box, when it cannot be read.
    bool openPath(const QString &path);
    /// Saves to the current file, or asks for one. False when not saved.
    bool save();
    bool saveAs();
    /// Saves to `path` without asking (tests, scripts). False with lastError() when it fails.
    bool saveTo(const QString &path);

Q_SIGNALS:
    /// A project was opened from `path` (for the window to show it: first tab, status message).
    void opened(const QString &path);
    void saved(const QString &path);

private:
    void fail(const QString &title, const QString &message);

    Document &m_document;
    QWidget *m_window;
    RecentFiles *m_recent = nullptr;
    AutoSaver *m_autoSaver = nullptr;
    QString m_lastError;
};

} // namespace iovplan::ui
