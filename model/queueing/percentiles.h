#pragma once
// Percentiles of a class's response time: exact for a lone M/M/1 or M/M/c FCFS station (and a
// lone infinite-server station), otherwise a gamma distribution fitted to two moments.

#include "network.h"
#include "opensolution.h"
#include "solution.h"

#include <Eigen/Core>

#include <cstddef>
#include <cstdint>

namespace iovplan::queueing {

/// p50/p90/p95/p99 of class `cls`'s time in the network per pass. Exact (Percentiles::exact) when
/// the network's open solution is given and not saturated, the class is open and makes exactly one
/// visit to exactly one station, that station is a queue (FCFS, class-independent service time)
/// visited by open classes only, or a delay station. Otherwise labelled approximate: a gamma
/// distribution with the mean sum_k residence_k and the variance sum_k residence_k^2 / V_k
/// (each visit an independent exponential sojourn; visits a fixed count). `residence` is C x M.
[[nodiscard]] Percentiles responseTimePercentiles(const Network &network, std::size_t cls,
                                                  const Eigen::MatrixXd &residence, const OpenSolution *open);

/// Percentiles of a gamma distribution with the given mean and variance (exact = false).
/// Variance 0 gives the mean everywhere; mean 0 gives zeros.
[[nodiscard]] Percentiles gammaPercentiles(double mean, double variance);

/// Regularised lower incomplete gamma P(a, x) (series below a + 1, Lentz continued fraction above).
[[nodiscard]] double regularizedLowerGamma(double shape, double x);
/// x with P(shape, x) = p, 0 < p < 1, by Newton steps kept inside a bisection bracket.
[[nodiscard]] double gammaQuantile(double shape, double p);

/// P(T > t) for the response time of a stable M/M/c FCFS queue (Gross & Harris):
/// (1 - C) e^{-mu t} + C (theta e^{-mu t} - mu e^{-theta t}) / (theta - mu), theta = c mu - lambda,
/// evaluated without cancellation, including its limit at theta = mu.
[[nodiscard]] double mmcResponseSurvival(double arrivalRate, double serviceRate, std::int64_t servers, double t);
/// t with P(T > t) = 1 - p, by bisection on a doubling bracket (relative accuracy 1e-14).
[[nodiscard]] double mmcResponseQuantile(double arrivalRate, double serviceRate, std::int64_t servers, double p);

} // namespace iovplan::queueing
