#pragma once
// Every file IOV Planner writes for the user (documents aside, which add backups: projectdocument.h) is
// written the same way: QSaveFile, so the old file stays whole until the new one is complete.

#include <QByteArray>
#include <QString>

namespace iovplan::io {

/// Writes `bytes` to `path` atomically. Returns "PATH: reason" when it could not, leaving any old file
/// untouched and no partial file behind; an empty string on success.
[[nodiscard]] QString writeFileAtomically(const QString &path, const QByteArray &bytes);

} // namespace iovplan::io
