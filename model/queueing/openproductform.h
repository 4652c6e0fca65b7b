#pragma once

#include "opensolution.h"

#include <cstdint>
#include <vector>

namespace iovplan::queueing {

struct Station;

/// Solves the open classes of a network (closed classes are ignored): M/M/1 (FCFS or PS),
/// M/M/c through Erlang C, infinite server, and load-dependent stations. Saturation is reported,
/// never computed through.
[[nodiscard]] OpenSolution solveOpenClasses(const Network &network);

/// The number of open jobs at one product-form station with offered load rho (single-server units)
/// and the station's rate function: p(n) ~ rho^n / prod_{i<=n} alpha(i), the geometric tail beyond
/// the rate list summed in closed form. Requires rho < capacity (see Station::capacityMultiplier).
struct OpenStationDistribution {
    double meanNumber = 0.0;
    /// P(n), n = 0.., truncated where the remaining tail falls below 1e-16 (at most 10^6 entries).
    std::vector<double> marginal;
};
[[nodiscard]] OpenStationDistribution openStationDistribution(const Station &station, double load);

/// Rate multipliers are constant beyond this many jobs: the list length of a load-dependent station,
/// the server count of a queue (1 for delay stations, whose rate never becomes constant).
[[nodiscard]] std::int64_t constantRateFrom(const Station &station);

} // namespace iovplan::queueing
