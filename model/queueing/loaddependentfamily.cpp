// The finite-source family behind approximate MVA's load-dependent residences; equations and the
// fitting strategy: docs/queueing-approximate.md ("Multi-server / load-dependent stations").

#include "loaddependentfamily.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace iovplan::queueing::detail {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
/// States of a load-dependent marginal whose weight is below e^-46 (~1e-20) of the mode are ignored.
constexpr double kLogWindow = 46.0;

std::size_t idx(std::int64_t i)
{
    return static_cast<std::size_t>(i);
}

} // namespace

LoadDependentFamily::LoadDependentFamily(const std::vector<double> &alpha, const std::vector<double> &logFactorial)
    : m_alpha(alpha), m_logFactorial(logFactorial), m_logAlphaPrefix(alpha.size() + 1, 0.0),
      m_weights(alpha.size() + 1, 0.0)
{
    for (std::size_t i = 0; i < alpha.size(); ++i) {
        m_logAlphaPrefix[i + 1] = m_logAlphaPrefix[i] + std::log(alpha[i]);
        if (i > 0 && alpha[i] < alpha[i - 1])
            m_concave = false;
    }
}

LoadDependentFamily::Moments LoadDependentFamily::moments(std::int64_t n, double theta)
{
    spread(n, theta);
    Moments m;
    for (std::int64_t j = m_low; j <= m_high; ++j)
        m.mean += static_cast<double>(j) * m_weights[idx(j - m_low)];
    for (std::int64_t j = m_low; j <= m_high; ++j) {
        const double d = static_cast<double>(j) - m.mean;
        m.variance += d * d * m_weights[idx(j - m_low)];
    }
    return m;
}

double LoadDependentFamily::fit(std::int64_t n, double target, double start)
{
    const double nd = static_cast<double>(n);
    if (n == 0 || target <= 0.0)
        return -kInfinity;
    if (target >= nd)
        return kInfinity;
    // Newton on log(mean) in the lower half and on log(n - mean) in the upper half: both are
    // nearly linear in theta at the extremes, so tiny and near-saturated targets converge fast.
    const bool lowerHalf = target <= 0.5 * nd;
    double theta = std::isfinite(start) ? start : 0.0;
    double low = -kInfinity;
    double high = kInfinity;
    for (int it = 0; it < 200; ++it) {
        const Moments m = moments(n, theta);
        const double above = m.mean - target; // > 0: theta too large
        if (above > 0.0)
            high = theta;
        else
            low = theta;
        double g = 0.0;
        double slope = 0.0;
        if (lowerHalf) {
            g = m.mean > 0.0 ? std::log(m.mean / target) : -kInfinity;
            slope = m.mean > 0.0 ? m.variance / m.mean : 0.0;
        } else {
            const double rest = nd - m.mean;
            g = rest > 0.0 ? -std::log(rest / (nd - target)) : kInfinity;
            slope = rest > 0.0 ? m.variance / rest : 0.0;
        }
        if (std::abs(g) <= 1e-14)
            break;
        double next = theta;
        if (std::isfinite(g) && slope > 0.0)
            next = theta - g / slope;
        else
            next = above > 0.0 ? theta - 20.0 : theta + 20.0;
        if (std::isfinite(low) && std::isfinite(high)) {
            if (!(next > low && next < high))
                next = 0.5 * (low + high);
        } else {
            next = std::clamp(next, theta - 50.0, theta + 50.0);
        }
        if (std::abs(next - theta) <= 1e-15 * std::max(1.0, std::abs(theta)))
            break;
        theta = next;
    }
    return theta;
}

double LoadDependentFamily::residenceFactor(std::int64_t n, double theta)
{
    spread(n, theta);
    double factor = 0.0;
    for (std::int64_t j = m_low; j <= m_high; ++j)
        factor += m_weights[idx(j - m_low)] * static_cast<double>(j + 1) / m_alpha[idx(j)];
    return factor;
}

void LoadDependentFamily::marginal(std::int64_t n, double theta, std::vector<double> &out)
{
    spread(n, theta);
    out.assign(idx(n + 1), 0.0);
    for (std::int64_t j = m_low; j <= m_high; ++j)
        out[idx(j)] = m_weights[idx(j - m_low)];
}

double LoadDependentFamily::logWeight(std::int64_t n, double theta, std::int64_t j) const
{
    return static_cast<double>(j) * theta - m_logFactorial[idx(n - j)] - m_logAlphaPrefix[idx(j)];
}

void LoadDependentFamily::spread(std::int64_t n, double theta)
{
    if (theta == -kInfinity || theta == kInfinity) {
        m_low = m_high = theta < 0.0 ? 0 : n;
        m_weights[0] = 1.0;
        return;
    }
    std::int64_t mode = 0;
    double top = 0.0;
    if (m_concave) {
        // alpha non-decreasing: the log-weights are concave in j, so the mode is the last j
        // whose increment theta + log(n - j + 1) - log alpha(j) is positive.
        std::int64_t lo = 0;
        std::int64_t hi = n;
        while (lo < hi) {
            const std::int64_t mid = lo + (hi - lo + 1) / 2;
            const double increment = theta + std::log(static_cast<double>(n - mid + 1)) - std::log(m_alpha[idx(mid - 1)]);
            if (increment > 0.0)
                lo = mid;
            else
                hi = mid - 1;
        }
        mode = lo;
        top = logWeight(n, theta, mode);
        m_low = mode;
        while (m_low > 0 && logWeight(n, theta, m_low - 1) > top - kLogWindow)
            --m_low;
        m_high = mode;
        while (m_high < n && logWeight(n, theta, m_high + 1) > top - kLogWindow)
            ++m_high;
    } else {
        // Not concave: no cheap mode search; normalise by the largest log-weight over all states.
        top = -kInfinity;
        for (std::int64_t j = 0; j <= n; ++j)
            top = std::max(top, logWeight(n, theta, j));
        m_low = 0;
        m_high = n;
    }
    double sum = 0.0;
    for (std::int64_t j = m_low; j <= m_high; ++j) {
        const double w = std::exp(logWeight(n, theta, j) - top);
        m_weights[idx(j - m_low)] = w;
        sum += w;
    }
    for (std::int64_t j = m_low; j <= m_high; ++j)
        m_weights[idx(j - m_low)] /= sum;
}

} // namespace iovplan::queueing::detail
