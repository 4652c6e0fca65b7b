#pragma once
// Erlang's loss and delay formulas and the M/M/c queue built on them, stable for any number of servers.

#include <cstdint>
#include <vector>

namespace iovplan::queueing {

/// Erlang B: probability that all c servers of an M/M/c/c loss system are busy at offered load A
/// (erlangs). Computed by the recurrence B(0) = 1, B(i) = A B(i-1) / (i + A B(i-1)): every step is
/// in [0, 1], so no factorial or power is ever formed (no overflow for c up to millions).
[[nodiscard]] double erlangB(double offeredLoad, std::int64_t servers);

/// Erlang C: probability that an arrival waits in an M/M/c queue, C = B / (1 - rho (1 - B)),
/// rho = A / c. Returns 1 when rho >= 1 (every arrival waits; no steady state).
[[nodiscard]] double erlangC(double offeredLoad, std::int64_t servers);

/// Steady-state figures of an M/M/c FCFS queue (Gross & Harris, Fundamentals of Queueing Theory).
struct MmcMetrics {
    bool stable = false;        ///< rho < 1; the other fields are 0 otherwise
    double utilization = 0.0;   ///< rho = lambda / (c mu), per server
    double probabilityWait = 0.0; ///< Erlang C
    double meanWait = 0.0;        ///< W_q = C / (c mu - lambda)
    double meanResponse = 0.0;    ///< W = W_q + 1 / mu
    double meanWaiting = 0.0;     ///< L_q = lambda W_q
    double meanNumber = 0.0;      ///< L = lambda W
    double logProbabilityEmpty = 0.0; ///< log p0, exact in log space even where p0 underflows
    double probabilityEmpty = 0.0;    ///< p0 (may underflow to 0 for very large c)
};

/// M/M/c FCFS with arrival rate lambda and per-server service rate mu.
[[nodiscard]] MmcMetrics mmc(double arrivalRate, double serviceRate, std::int64_t servers);

/// log P(N = n) of a stable M/M/c queue with offered load A = lambda / mu, given log p0.
[[nodiscard]] double mmcLogProbability(double offeredLoad, std::int64_t servers, double logProbabilityEmpty,
                                       std::int64_t n);

} // namespace iovplan::queueing
