#pragma once
// Where autosave snapshots live and what each records beside the project (docs/gui-files-whatif.md).
// One snapshot is three files in the recovery folder, named by a session id:
//   <id>.iovplan  the project, io::writeProjectJson bytes
//   <id>.json     the sidecar: original file, time, program version
//   <id>.lock     a QLockFile held by the session that writes the snapshot, so no other instance takes it

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace iovplan::ui {

/// What the sidecar of a snapshot records.
struct RecoveryInfo
{
    QString originalPath; ///< the file the project was read from or saved to; empty for an untitled one
    QString projectName; ///< the project's own name, for the recovery dialog
    QDateTime savedAt; ///< when the snapshot was written (UTC)
    QString programVersion; ///< of the program that wrote it
};

/// QStandardPaths::AppDataLocation/recovery (created on first write, not here).
[[nodiscard]] QString defaultRecoveryDirectory();

/// The project file of snapshot `id` in `directory`.
[[nodiscard]] QString recoveryProjectPath(const QString &directory, const QString &id);
/// Its sidecar.
[[nodiscard]] QString recoveryInfoPath(const QString &directory, const QString &id);
/// Its lock file.
[[nodiscard]] QString recoveryLockPath(const QString &directory, const QString &id);

/// The suffix of snapshot project files ("iovplan"), by which RecoveryStore finds them.
[[nodiscard]] QString recoveryProjectSuffix();

/// The sidecar's JSON bytes.
[[nodiscard]] QByteArray writeRecoveryInfo(const RecoveryInfo &info);
/// A sidecar read back; none when it is not a sidecar this program wrote.
[[nodiscard]] std::optional<RecoveryInfo> readRecoveryInfo(const QByteArray &json);

} // namespace iovplan::ui
