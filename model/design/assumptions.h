#pragma once
// The economic and operational assumptions of a scenario.

#include <optional>

namespace iovplan::design {

/// Assumptions the cost, power and TCO roll-up uses.
struct Assumptions
{
    double electricityUsdPerKwh = 0.10; ///< USD per kWh
    double pue = 1.5; ///< power usage effectiveness, >= 1
    int years = 3; ///< TCO horizon
    /// Maintenance % of list per year applied to every item instead of each item's own figure.
    std::optional<double> maintenancePctOverride;
    bool haDualHoming = false; ///< every server is connected twice for high availability

    bool operator==(const Assumptions &) const = default;
};

} // namespace iovplan::design
