#pragma once
// The autosave snapshots a crashed session left behind (docs/gui-files-whatif.md): found at start-up,
// offered by RecoveryDialog, read back as a Project and discarded. A snapshot whose lock a running
// instance holds is not listed, and the store holds the lock of each snapshot it lists until the snapshot
// is discarded or the store destroyed, so two instances starting at once never both take one.

#include "recoverylocation.h"

#include "model/design/project.h"

#include <QString>

#include <map>
#include <memory>
#include <optional>
#include <vector>

class QLockFile;

namespace iovplan::ui {

/// One snapshot left by a session that did not end normally.
struct RecoveryEntry
{
    QString id; ///< the session id in the file names
    QString projectPath; ///< the snapshot's project file
    RecoveryInfo info; ///< from the sidecar; when that is missing or unreadable: savedAt from the file
    bool infoMissing = false; ///< the sidecar was missing or unreadable
};

/// A snapshot read back.
struct RecoveredProject
{
    std::optional<design::Project> project;
    int loadedVersion = 0; ///< the document version it was written in (for Document::adopt)
    QString originalPath; ///< the file it belongs to (empty for an untitled project)
    QString error; ///< names the file and the field when it cannot be read

    [[nodiscard]] bool ok() const { return project.has_value(); }
};

/// The snapshots in one recovery folder that no running instance owns.
class RecoveryStore
{
public:
    /// Scans `directory` (missing: no entries).
    explicit RecoveryStore(const QString &directory = defaultRecoveryDirectory());
    ~RecoveryStore(); ///< releases the locks of the snapshots still listed; they stay for a later start
    RecoveryStore(const RecoveryStore &) = delete;
    RecoveryStore &operator=(const RecoveryStore &) = delete;

    /// Newest first.
    [[nodiscard]] const std::vector<RecoveryEntry> &entries() const { return m_entries; }
    [[nodiscard]] const RecoveryEntry *entry(const QString &id) const;
    /// Scans the folder again (snapshots of sessions that have ended since are added).
    void refresh();
    /// Reads snapshot `id` back. It stays on disk: discard it once the project is adopted (and autosaved).
    [[nodiscard]] RecoveredProject restore(const QString &id) const;
    /// Deletes snapshot `id` (project, sidecar, lock). False when it is not listed or cannot be removed.
    bool discard(const QString &id);

private:
    QString m_directory;
    std::vector<RecoveryEntry> m_entries;
    std::map<QString, std::unique_ptr<QLockFile>> m_locks; ///< by id, one per listed entry
};

} // namespace iovplan::ui
