#pragma once
// The names of a JSON array of named objects ("stations", "classes") and the references to them.

#include "jsonfieldreader.h"

#include <QHash>
#include <QJsonValue>
#include <QString>

#include <cstddef>
#include <vector>

namespace iovplan::io {

/// The names of the objects in one JSON array, each with its position there. Documents refer to
/// stations by name (in demands, routing, ...), so names must be unique and every reference must
/// resolve; both rejections name the JSON path and the array ("also stations[0]", "not in stations").
class NameIndex
{
public:
    /// `noun` names one element in messages ("station"); `arrayKey` is the array ("stations").
    /// Both must have static lifetime.
    NameIndex(const char *noun, const char *arrayKey);

    /// Records `name` at `position`; rejects it at `namePath` if another element has it.
    void add(const QString &name, qsizetype position, const JsonPath &namePath);

    /// The position of the element called `name`; rejects `path` if there is none.
    [[nodiscard]] std::size_t position(const QString &name, const JsonPath &path) const;

    /// How many names there are.
    [[nodiscard]] std::size_t size() const { return static_cast<std::size_t>(m_positions.size()); }

    /// A JSON object {"name": value} whose keys must all be names here, as a vector in array order;
    /// names left out get 0. `readValue` reads and checks each value.
    [[nodiscard]] std::vector<double> readValueMap(const QJsonValue &value, const JsonPath &path,
        double (*readValue)(const QJsonValue &, const JsonPath &)) const;

private:
    const char *m_noun;
    const char *m_arrayKey;
    QHash<QString, qsizetype> m_positions;
};

} // namespace iovplan::io
