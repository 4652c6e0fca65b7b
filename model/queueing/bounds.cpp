#include "bounds.h"

#include "mixednetwork.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace iovplan::queueing {

namespace {

double openLoad(const Network &network, const OpenSolution *open, std::size_t k)
{
    if (open != nullptr && static_cast<std::size_t>(open->load.size()) == network.stationCount())
        return open->load[static_cast<Eigen::Index>(k)];
    double rho = 0.0;
    for (const JobClass &j : network.classes) {
        if (j.kind == ClassKind::Open)
            rho += j.arrivalRate * j.demand(k);
    }
    return rho;
}

bool isSingleServer(const Station &s)
{
    return s.kind == StationKind::Queue && s.servers == 1;
}

/// min over n >= 1 of n / alpha(n): the fastest a lone job can get through, relative to D.
double fastestFactor(const Station &s)
{
    if (s.kind != StationKind::LoadDependent)
        return 1.0;
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t n = 1; n <= s.rateMultipliers.size(); ++n)
        best = std::min(best, static_cast<double>(n) / s.rateMultipliers[n - 1]);
    return std::isfinite(best) ? best : 1.0;
}

} // namespace

ClassBounds classBounds(const Network &network, std::size_t cls, const OpenSolution *open)
{
    ClassBounds b;
    const JobClass &job = network.classes[cls];
    const std::size_t m = network.stationCount();

    if (job.kind == ClassKind::Open) {
        double scale = std::numeric_limits<double>::infinity();
        double lowerResponse = 0.0;
        for (std::size_t k = 0; k < m; ++k) {
            const Station &s = network.stations[k];
            const double rho = openLoad(network, open, k);
            if (s.kind != StationKind::Delay && rho > 0.0)
                scale = std::min(scale, s.capacityMultiplier() / rho);
            const double d = job.demand(k);
            if (d <= 0.0)
                continue;
            // A single-server queue shared with other open work stretches by at least 1 / (1 - U).
            lowerResponse += isSingleServer(s) && rho < 1.0 ? d / (1.0 - rho) : d * fastestFactor(s);
        }
        b.throughputUpper = job.arrivalRate * std::min(1.0, scale);
        b.throughputLower = b.throughputUpper;
        b.responseTimeLower = lowerResponse;
        b.asymptoticThroughputUpper = b.throughputUpper;
        b.asymptoticThroughputLower = b.throughputLower;
        b.asymptoticResponseTimeLower = lowerResponse;
        return b;
    }

    const double n = static_cast<double>(job.population);
    const double z = job.thinkTime;
    std::int64_t closedTotal = 0;
    int closedClasses = 0;
    for (const JobClass &j : network.classes) {
        if (j.kind == ClassKind::Closed) {
            closedTotal += j.population;
            ++closedClasses;
        }
    }
    const double ntot = static_cast<double>(closedTotal);

    double fastest = 0.0;    // sum_k D_k x fastest per-visit factor (R lower, no queueing)
    double slowest = 0.0;    // sum_k D_k x slowest per-visit factor (R upper)
    double worstRatio = 0.0; // D'_max = max_k D_k / (capacity_k - open load_k)
    bool blocked = false;    // open load leaves no capacity at a station the class needs
    // Balanced-job bounds: single-server queues and delay stations only.
    bool balancedApplies = closedClasses == 1;
    double queueDemand = 0.0, delayDemand = 0.0, queueMax = 0.0;
    int queueStations = 0;
    for (std::size_t k = 0; k < m; ++k) {
        const double d = job.demand(k);
        if (d <= 0.0)
            continue;
        const Station &s = network.stations[k];
        if (s.kind == StationKind::Delay) {
            fastest += d;
            slowest += d;
            delayDemand += d;
            continue;
        }
        const double rho = openLoad(network, open, k);
        const double spare = s.capacityMultiplier() - rho;
        if (!(spare > 0.0)) {
            blocked = true;
            continue;
        }
        worstRatio = std::max(worstRatio, d / spare);
        if (isSingleServer(s)) {
            const double inflated = d / (1.0 - rho); // exact closed-model demand of a mixed network
            fastest += inflated;
            slowest += inflated * ntot; // MVA: D' (1 + Q(N - e_c)) <= D' N_total
            queueDemand += inflated;
            queueMax = std::max(queueMax, inflated);
            ++queueStations;
            continue;
        }
        balancedApplies = false;
        fastest += d * fastestFactor(s);
        // Load-dependent MVA: R = D sum_j j / alpha'(j) p(j - 1 | N - e_c) <= D max_{j <= N_total} j / alpha'(j).
        const OpenLoadEffect effect = openLoadEffect(s, rho, closedTotal);
        double worstFactor = 1.0;
        for (std::size_t j = 1; j <= effect.effectiveAlpha.size(); ++j)
            worstFactor = std::max(worstFactor, static_cast<double>(j) / effect.effectiveAlpha[j - 1]);
        slowest += d * worstFactor;
    }

    if (blocked) {
        // The open classes use up a station this class needs: it can make no progress.
        return b;
    }
    b.asymptoticThroughputUpper = n / (fastest + z);
    if (worstRatio > 0.0)
        b.asymptoticThroughputUpper = std::min(b.asymptoticThroughputUpper, 1.0 / worstRatio);
    b.asymptoticThroughputLower = n / (slowest + z);
    b.asymptoticResponseTimeLower = std::max(fastest, n * worstRatio - z);
    b.asymptoticResponseTimeUpper = slowest;
    b.saturationPopulation = worstRatio > 0.0 ? (fastest + z) / worstRatio : 0.0;

    b.throughputUpper = b.asymptoticThroughputUpper;
    b.throughputLower = b.asymptoticThroughputLower;
    b.responseTimeLower = b.asymptoticResponseTimeLower;
    b.responseTimeUpper = b.asymptoticResponseTimeUpper;

    if (balancedApplies && queueStations > 0) {
        // Zahorjan, Sevcik, Eager & Galler (1982); QSP Table 5.2 with think time Z' = Z + delay demand.
        const double zb = z + delayDemand;
        const double d = queueDemand;
        const double average = d / static_cast<double>(queueStations);
        const double lowX = n / (d + zb + (n - 1.0) * queueMax / (1.0 + zb / (n * d)));
        const double highX = std::min(1.0 / queueMax, n / (d + zb + (n - 1.0) * average / (1.0 + zb / d)));
        const double lowR = std::max(n * queueMax - zb, d + (n - 1.0) * average / (1.0 + zb / d)) + delayDemand;
        const double highR = d + (n - 1.0) * queueMax / (1.0 + zb / (n * d)) + delayDemand;
        b.balancedJob = true;
        b.throughputUpper = std::min(b.throughputUpper, highX);
        b.throughputLower = std::max(b.throughputLower, lowX);
        b.responseTimeLower = std::max(b.responseTimeLower, lowR);
        b.responseTimeUpper = std::min(b.responseTimeUpper, highR);
    }
    return b;
}

} // namespace iovplan::queueing
