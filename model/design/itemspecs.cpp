#include "itemspecs.h"

#include <cmath>
#include <limits>

namespace iovplan::design {

const PinnedSpec *findSpec(const PinnedItem &item, QStringView field)
{
    for (const PinnedSpec &spec : item.specs) {
        if (spec.field == field)
            return &spec;
    }
    return nullptr;
}

std::optional<double> specNumber(const PinnedItem &item, QStringView field)
{
    const PinnedSpec *spec = findSpec(item, field);
    if (spec == nullptr)
        return std::nullopt;
    bool ok = false;
    const double value = spec->value.trimmed().toDouble(&ok); // QString::toDouble is C-locale
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::optional<int> specCount(const PinnedItem &item, QStringView field)
{
    const std::optional<double> value = specNumber(item, field);
    if (!value || *value < 0.0 || *value > std::numeric_limits<int>::max() || std::floor(*value) != *value)
        return std::nullopt;
    return static_cast<int>(*value);
}

QString specText(const PinnedItem &item, QStringView field)
{
    const PinnedSpec *spec = findSpec(item, field);
    return spec != nullptr ? spec->value : QString();
}

QString displayName(const PinnedItem &item)
{
    const QString name = QString(item.vendor + QLatin1Char(' ') + item.model).trimmed();
    return name.isEmpty() ? item.id : name;
}

} // namespace iovplan::design
