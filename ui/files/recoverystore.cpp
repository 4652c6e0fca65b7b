#include "recoverystore.h"

#include "model/io/projectdocument.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>

#include <algorithm>

namespace iovplan::ui {

RecoveryStore::RecoveryStore(const QString &directory)
    : m_directory(directory)
{
    refresh();
}

RecoveryStore::~RecoveryStore()
{
    for (auto &[id, lock] : m_locks)
        lock->unlock();
}

const RecoveryEntry *RecoveryStore::entry(const QString &id) const
{
    const auto found = std::find_if(m_entries.begin(), m_entries.end(), [&](const RecoveryEntry &e) { return e.id == id; });
    return found != m_entries.end() ? &*found : nullptr;
}

void RecoveryStore::refresh()
{
    const QDir dir(m_directory);
    const QFileInfoList files = dir.entryInfoList({ QStringLiteral("*.") + recoveryProjectSuffix() }, QDir::Files);
    for (const QFileInfo &file : files) {
        const QString id = file.completeBaseName();
        if (m_locks.count(id) != 0)
            continue; // listed already
        // A live session holds its lock; a crashed one left it stale (its process is gone), which
        // tryLock takes over. Age never makes a lock stale: a long session autosaves for days.
        auto lock = std::make_unique<QLockFile>(recoveryLockPath(m_directory, id));
        lock->setStaleLockTime(0);
        if (!lock->tryLock(0))
            continue;
        RecoveryEntry e;
        e.id = id;
        e.projectPath = file.absoluteFilePath();
        QFile sidecar(recoveryInfoPath(m_directory, id));
        std::optional<RecoveryInfo> info;
        if (sidecar.open(QIODevice::ReadOnly))
            info = readRecoveryInfo(sidecar.readAll());
        e.infoMissing = !info.has_value();
        e.info = info.value_or(RecoveryInfo {});
        if (!e.info.savedAt.isValid())
            e.info.savedAt = file.lastModified().toUTC();
        m_entries.push_back(std::move(e));
        m_locks.emplace(id, std::move(lock));
    }
    std::stable_sort(m_entries.begin(), m_entries.end(),
                     [](const RecoveryEntry &a, const RecoveryEntry &b) { return a.info.savedAt > b.info.savedAt; });
}

RecoveredProject RecoveryStore::restore(const QString &id) const
{
    RecoveredProject recovered;
    const RecoveryEntry *e = entry(id);
    if (e == nullptr) {
        recovered.error = QStringLiteral("no recovery file '%1' in %2").arg(id, QDir::toNativeSeparators(m_directory));
        return recovered;
    }
    recovered.originalPath = e->info.originalPath;
    io::ProjectReadResult read = io::readProjectFile(e->projectPath);
    if (!read.ok()) {
        const QString where = QDir::toNativeSeparators(e->projectPath);
        recovered.error = read.error.field.isEmpty() ? QStringLiteral("%1: %2").arg(where, read.error.message)
                                                     : QStringLiteral("%1: %2: %3").arg(where, read.error.field, read.error.message);
        return recovered;
    }
    recovered.project = std::move(read.project);
    recovered.loadedVersion = read.loadedVersion;
    return recovered;
}

bool RecoveryStore::discard(const QString &id)
{
    const auto found = std::find_if(m_entries.begin(), m_entries.end(), [&](const RecoveryEntry &e) { return e.id == id; });
    if (found == m_entries.end())
        return false;
    QFile::remove(recoveryInfoPath(m_directory, id));
    const bool removed = QFile::remove(found->projectPath) || !QFileInfo::exists(found->projectPath);
    if (!removed)
        return false; // still listed, still locked: it can be tried again
    m_entries.erase(found);
    if (const auto lock = m_locks.find(id); lock != m_locks.end()) {
        lock->second->unlock();
        m_locks.erase(lock);
    }
    return true;
}

} // namespace iovplan::ui
