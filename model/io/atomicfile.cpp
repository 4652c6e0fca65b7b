#include "atomicfile.h"

#include <QDir>
#include <QSaveFile>

namespace iovplan::io {

QString writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    const auto failure = [&] { return QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), file.errorString()); };
    if (!file.open(QIODevice::WriteOnly))
        return failure();
    if (file.write(bytes) != bytes.size()) {
        const QString error = failure();
        file.cancelWriting();
        return error;
    }
    if (!file.commit())
        return failure();
    return {};
}

} // namespace iovplan::io
