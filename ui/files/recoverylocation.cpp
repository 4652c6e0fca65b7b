#include "recoverylocation.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

namespace iovplan::ui {

namespace {

const auto formatKey = QStringLiteral("format");
const auto formatName = QStringLiteral("iovplan-recovery");
const auto originalPathKey = QStringLiteral("original_path");
const auto projectNameKey = QStringLiteral("project_name");
const auto savedAtKey = QStringLiteral("saved_at");
const auto programVersionKey = QStringLiteral("program_version");

} // namespace

QString defaultRecoveryDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/recovery");
}

QString recoveryProjectSuffix()
{
    return QStringLiteral("iovplan");
}

QString recoveryProjectPath(const QString &directory, const QString &id)
{
    return QDir(directory).filePath(id + QLatin1Char('.') + recoveryProjectSuffix());
}

QString recoveryInfoPath(const QString &directory, const QString &id)
{
    return QDir(directory).filePath(id + QStringLiteral(".json"));
}

QString recoveryLockPath(const QString &directory, const QString &id)
{
    return QDir(directory).filePath(id + QStringLiteral(".lock"));
}

QByteArray writeRecoveryInfo(const RecoveryInfo &info)
{
    QJsonObject o;
    o.insert(formatKey, formatName);
    o.insert(originalPathKey, info.originalPath);
    o.insert(projectNameKey, info.projectName);
    o.insert(savedAtKey, info.savedAt.toUTC().toString(Qt::ISODateWithMs));
    o.insert(programVersionKey, info.programVersion);
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

std::optional<RecoveryInfo> readRecoveryInfo(const QByteArray &json)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject o = document.object();
    if (o.value(formatKey).toString() != formatName)
        return std::nullopt;
    RecoveryInfo info;
    info.originalPath = o.value(originalPathKey).toString();
    info.projectName = o.value(projectNameKey).toString();
    info.savedAt = QDateTime::fromString(o.value(savedAtKey).toString(), Qt::ISODateWithMs);
    info.programVersion = o.value(programVersionKey).toString();
    return info;
}

} // namespace iovplan::ui
