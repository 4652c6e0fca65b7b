#include "network.h"

#include <algorithm>
#include <limits>

namespace iovplan::queueing {

double Station::rateMultiplier(std::int64_t n) const
{
    switch (kind) {
    case StationKind::Queue:
        return static_cast<double>(std::min<std::int64_t>(n, servers));
    case StationKind::Delay:
        return static_cast<double>(n);
    case StationKind::LoadDependent: {
        const auto index = static_cast<std::size_t>(std::max<std::int64_t>(n, 1) - 1);
        return index < rateMultipliers.size() ? rateMultipliers[index] : rateMultipliers.back();
    }
    }
    return 1.0;
}

double Station::capacityMultiplier() const
{
    switch (kind) {
    case StationKind::Queue:
        return static_cast<double>(servers);
    case StationKind::Delay:
        return std::numeric_limits<double>::infinity();
    case StationKind::LoadDependent:
        return rateMultipliers.back();
    }
    return 1.0;
}

bool Network::hasOpenClasses() const
{
    return std::any_of(classes.begin(), classes.end(), [](const JobClass &c) { return c.kind == ClassKind::Open; });
}

bool Network::hasClosedClasses() const
{
    return std::any_of(classes.begin(), classes.end(),
                       [](const JobClass &c) { return c.kind == ClassKind::Closed; });
}

} // namespace iovplan::queueing
