#include "nameindex.h"

#include <QJsonObject>

namespace iovplan::io {

NameIndex::NameIndex(const char *noun, const char *arrayKey)
    : m_noun(noun)
    , m_arrayKey(arrayKey)
{
}

void NameIndex::add(const QString &name, qsizetype position, const JsonPath &namePath)
{
    const auto existing = m_positions.constFind(name);
    if (existing != m_positions.constEnd())
        rejectField(namePath,
            QStringLiteral("duplicate ") + QLatin1String(m_noun) + QStringLiteral(" name ") + quoted(name)
                + QStringLiteral(" (also ") + QLatin1String(m_arrayKey) + QLatin1Char('[')
                + QString::number(existing.value()) + QStringLiteral("])"));
    m_positions.insert(name, position);
}

std::size_t NameIndex::position(const QString &name, const JsonPath &path) const
{
    const auto found = m_positions.constFind(name);
    if (found == m_positions.constEnd())
        rejectField(path,
            QStringLiteral("names no ") + QLatin1String(m_noun) + QStringLiteral(": ") + quoted(name)
                + QStringLiteral(" is not in ") + QLatin1String(m_arrayKey));
    return static_cast<std::size_t>(found.value());
}

std::vector<double> NameIndex::readValueMap(const QJsonValue &value, const JsonPath &path,
    double (*readValue)(const QJsonValue &, const JsonPath &)) const
{
    const QJsonObject object = requireObject(
        value, path, QStringLiteral("an object {\"") + QLatin1String(m_noun) + QStringLiteral("\": number}"));
    std::vector<double> values(size(), 0.0);
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QString key = it.key();
        const JsonPath entryPath = path.member(key);
        values[position(key, entryPath)] = readValue(it.value(), entryPath);
    }
    return values;
}

} // namespace iovplan::io
