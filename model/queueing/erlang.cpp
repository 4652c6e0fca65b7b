#include "erlang.h"

#include <algorithm>
#include <cmath>

// Equations and stability notes: docs/queueing-open-mixed.md ("Erlang formulas").

namespace iovplan::queueing {

double erlangB(double offeredLoad, std::int64_t servers)
{
    if (!(offeredLoad > 0.0))
        return servers <= 0 ? 1.0 : 0.0;
    double b = 1.0;
    for (std::int64_t i = 1; i <= servers; ++i) {
        const double ab = offeredLoad * b;
        b = ab / (static_cast<double>(i) + ab);
    }
    return b;
}

double erlangC(double offeredLoad, std::int64_t servers)
{
    if (servers < 1)
        return 1.0;
    const double rho = offeredLoad / static_cast<double>(servers);
    if (!(rho < 1.0))
        return 1.0;
    const double b = erlangB(offeredLoad, servers);
    // Denominator 1 - rho (1 - B) >= 1 - rho > 0: no cancellation beyond that of 1 - rho itself.
    return std::clamp(b / (1.0 - rho * (1.0 - b)), 0.0, 1.0);
}

MmcMetrics mmc(double arrivalRate, double serviceRate, std::int64_t servers)
{
    MmcMetrics m;
    if (servers < 1 || !(serviceRate > 0.0) || !(arrivalRate >= 0.0))
        return m;
    const double c = static_cast<double>(servers);
    const double a = arrivalRate / serviceRate;
    const double rho = a / c;
    if (!(rho < 1.0))
        return m;
    m.stable = true;
    m.utilization = rho;
    if (arrivalRate == 0.0) {
        m.meanResponse = 1.0 / serviceRate;
        m.probabilityEmpty = 1.0;
        return m;
    }
    m.probabilityWait = erlangC(a, servers);
    m.meanWait = m.probabilityWait / (c * serviceRate - arrivalRate);
    m.meanResponse = m.meanWait + 1.0 / serviceRate;
    m.meanWaiting = arrivalRate * m.meanWait;
    m.meanNumber = arrivalRate * m.meanResponse;
    // C = P(N >= c) = p0 A^c / (c! (1 - rho))  =>  log p0 = log C + log(1 - rho) + log c! - c log A.
    m.logProbabilityEmpty = std::log(m.probabilityWait) + std::log1p(-rho) + std::lgamma(c + 1.0) - c * std::log(a);
    m.logProbabilityEmpty = std::min(0.0, m.logProbabilityEmpty);
    m.probabilityEmpty = std::exp(m.logProbabilityEmpty);
    return m;
}

double mmcLogProbability(double offeredLoad, std::int64_t servers, double logProbabilityEmpty, std::int64_t n)
{
    if (n <= 0)
        return logProbabilityEmpty;
    const double logA = std::log(offeredLoad);
    const double c = static_cast<double>(servers);
    const double k = static_cast<double>(n);
    if (n <= servers)
        return logProbabilityEmpty + k * logA - std::lgamma(k + 1.0);
    return logProbabilityEmpty + c * logA - std::lgamma(c + 1.0) + (k - c) * std::log(offeredLoad / c);
}

} // namespace iovplan::queueing
