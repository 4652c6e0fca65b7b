#pragma once
// Internal to the approximate MVA solvers (approximatemva.cpp): the distribution family that
// estimates a load-dependent station's marginal. Not part of the engine's public interface.

#include <cstdint>
#include <vector>

namespace iovplan::queueing::detail {

/// The finite-source family used to estimate a load-dependent station's marginal:
///   p(j | n, theta) ~ exp(j theta) / ((n - j)! prod_{i<=j} alpha(i)),   j = 0..n.
/// For one class visiting the station and a delay (think time) it is the exact marginal with
/// theta = log(D / Z); in general theta is fitted so that the mean matches an MVA estimate.
/// theta = -inf / +inf stand for all mass at 0 / at n. Holds references to alpha and to the
/// log-factorial table (log k!, k = 0..N), which must outlive it; keeps a weight workspace, so
/// one object serves one station in one solve.
class LoadDependentFamily {
public:
    LoadDependentFamily(const std::vector<double> &alpha, const std::vector<double> &logFactorial);

    /// First two moments of p(. | n, theta).
    struct Moments {
        double mean = 0.0;
        double variance = 0.0;
    };

    /// Mean and variance of p(. | n, theta); leaves the normalised weights in the workspace.
    Moments moments(std::int64_t n, double theta);

    /// theta such that the mean of p(. | n, theta) equals target (clamped to [0, n]); start is
    /// the warm start (the previous fit), ignored when not finite.
    double fit(std::int64_t n, double target, double start);

    /// E[(J + 1) / alpha(J + 1)] under p(. | n, theta): residence per unit demand of an arrival
    /// that finds J jobs (mean value theorem form of load-dependent MVA).
    double residenceFactor(std::int64_t n, double theta);

    /// The full marginal P(j), j = 0..n, written into out (sized n + 1).
    void marginal(std::int64_t n, double theta, std::vector<double> &out);

private:
    /// log of the unnormalised weight of state j.
    double logWeight(std::int64_t n, double theta, std::int64_t j) const;
    /// Normalised weights over [m_low, m_high], the states that matter.
    void spread(std::int64_t n, double theta);

    const std::vector<double> &m_alpha;
    const std::vector<double> &m_logFactorial;
    std::vector<double> m_logAlphaPrefix; ///< sum_{i<=j} log alpha(i), j = 0..N
    std::vector<double> m_weights;        ///< workspace
    std::int64_t m_low = 0;
    std::int64_t m_high = 0;
    bool m_concave = true; ///< alpha non-decreasing (multi-server): log-weights concave in j
};

} // namespace iovplan::queueing::detail
