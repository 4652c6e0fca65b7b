#include "filecontroller.h"

#include "ui/editing/document.h"
#include "ui/files/autosaver.h"
#include "ui/files/recentfiles.h"
#include "ui/files/recoverydialog.h"
#include "ui/files/recoverystore.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QStandardPaths>

namespace iovplan::ui {

namespace {
QString projectFilter()
{
    return FileController::tr("IOV Planner projects (*.iovplan);;All files (*)");
}
} // namespace

FileController::FileController(Document &document, QWidget *window)
    : QObject(window)
    , m_document(document)
    , m_window(window)
    , m_recent(new RecentFiles(this))
    , m_autoSaver(new AutoSaver(&document, defaultRecoveryDirectory(), this))
{
    connect(m_recent, &RecentFiles::fileChosen, this, [this](const QString &path) { openPath(path); });
}

FileController::~FileController() = default;

void FileController::fail(const QString &title, const QString &message)
{
    m_lastError = message;
    QMessageBox::warning(m_window, title, message);
}

bool FileController::maybeSave()
{
    if (!m_document.isModified())
        return true;
    const auto answer = QMessageBox::warning(
        m_window, tr("Unsaved Changes"),
        tr("%1 has changes that are not saved. Save them?").arg(m_document.displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void FileController::finishSession()
{
    m_autoSaver->finish();
}

bool FileController::offerRecovery()
{
    RecoveryStore store;
    if (store.entries().empty())
        return false;
    RecoveryDialog dialog(store, m_window);
    if (dialog.exec() != QDialog::Accepted || dialog.chosenId().isEmpty())
        return false;
    const QString id = dialog.chosenId();
    RecoveredProject recovered = store.restore(id);
    if (!recovered.ok()) {
        fail(tr("Restore"), recovered.error);
        return false;
    }
    m_document.adopt(std::move(*recovered.project), recovered.originalPath, recovered.loadedVersion);
    // The adopted project is modified, so this session's autosaver snapshots it anew: the old one can go.
    m_autoSaver->saveNow();
    store.discard(id);
    return true;
}

void FileController::newProject()
{
    if (maybeSave())
        m_document.newProject();
}

void FileController::open()
{
    if (!maybeSave())
        return;
    const QString start = m_document.filePath().isEmpty()
                              ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                              : QFileInfo(m_document.filePath()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open Project"), start, projectFilter());
    if (!path.isEmpty())
        openPath(path);
}

bool FileController::openPath(const QString &path)
{
    if (QFileInfo(path).absoluteFilePath() != m_document.filePath() && !maybeSave())
        return false;
    const io::DocumentError error = m_document.open(path);
    if (!error.message.isEmpty()) {
        const QString where = error.field.isEmpty() ? QString() : error.field + QStringLiteral(": ");
        fail(tr("Open Project"),
             tr("Cannot open %1:\n%2%3").arg(QDir::toNativeSeparators(path), where, error.message));
        if (!QFileInfo::exists(path))
            m_recent->remove(path);
        return false;
    }
    m_lastError.clear();
    m_recent->add(m_document.filePath());
    Q_EMIT opened(m_document.filePath());
    return true;
}

bool FileController::save()
{
    return m_document.filePath().isEmpty() ? saveAs() : saveTo(m_document.filePath());
}

bool FileController::saveAs()
{
    const QString start = m_document.filePath().isEmpty()
                              ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                                    + QStringLiteral("/untitled.iovplan")
                              : m_document.filePath();
    QString path = QFileDialog::getSaveFileName(m_window, tr("Save Project As"), start, projectFilter());
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".iovplan");
    return saveTo(path);
}

bool FileController::saveTo(const QString &path)
{
    const io::SaveResult result = m_document.save(path);
    if (!result.ok) {
        fail(tr("Save Project"), tr("Cannot save %1:\n%2").arg(QDir::toNativeSeparators(path), result.message));
        return false;
    }
    m_lastError.clear();
    m_recent->add(m_document.filePath());
    Q_EMIT saved(m_document.filePath());
    return true;
}

} // namespace iovplan::ui
