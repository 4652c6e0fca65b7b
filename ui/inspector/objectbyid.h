#pragma once
// Finding a design object by id for the inspector pages: the device, rack, fabric or cable a page shows.

#include <QString>

#include <vector>

namespace iovplan::ui {

/// The object of `objects` whose id is `id`, or null (a linear scan; ids are unique within a list).
template <typename T> const T *findById(const std::vector<T> &objects, const QString &id)
{
    for (const T &object : objects) {
        if (object.id == id)
            return &object;
    }
    return nullptr;
}

} // namespace iovplan::ui
