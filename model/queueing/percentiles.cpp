#include "percentiles.h"

#include "erlang.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

// Equations, the independence assumption of the approximation and the root finders' tolerances:
// docs/queueing-open-mixed.md ("Percentiles").

namespace iovplan::queueing {

namespace {

constexpr std::array<double, 4> kLevels{0.50, 0.90, 0.95, 0.99};
constexpr double kEpsilon = 1e-16;
constexpr int kMaxSeriesTerms = 10000000;
/// Two service times count as equal (class-independent FCFS) within this relative difference.
constexpr double kSameServiceTime = 1e-12;

Percentiles fromQuantile(auto quantile, bool exact)
{
    Percentiles p;
    p.p50 = quantile(kLevels[0]);
    p.p90 = quantile(kLevels[1]);
    p.p95 = quantile(kLevels[2]);
    p.p99 = quantile(kLevels[3]);
    p.exact = exact;
    return p;
}

/// -expm1(-x) / x, 1 at x = 0: (1 - e^{-x}) / x without cancellation.
double oneMinusExpOver(double x)
{
    return std::abs(x) < 1e-300 ? 1.0 : -std::expm1(-x) / x;
}

} // namespace

double regularizedLowerGamma(double shape, double x)
{
    if (!(x > 0.0))
        return 0.0;
    if (!std::isfinite(x))
        return 1.0;
    const double logPrefix = -x + shape * std::log(x) - std::lgamma(shape);
    if (x < shape + 1.0) {
        // Series: P = e^{-x} x^a / Gamma(a) * sum_n x^n / (a (a+1) ... (a+n)).
        double term = 1.0 / shape;
        double sum = term;
        double ap = shape;
        for (int i = 0; i < kMaxSeriesTerms; ++i) {
            ap += 1.0;
            term *= x / ap;
            sum += term;
            if (term < sum * kEpsilon)
                break;
        }
        return std::clamp(sum * std::exp(logPrefix), 0.0, 1.0);
    }
    // Continued fraction for Q = 1 - P (modified Lentz; Numerical Recipes 3rd ed. section 6.2).
    constexpr double tiny = 1e-300;
    double b = x + 1.0 - shape;
    double c = 1.0 / tiny;
    double d = 1.0 / b;
    double h = d;
    for (int i = 1; i < kMaxSeriesTerms; ++i) {
        const double an = -static_cast<double>(i) * (static_cast<double>(i) - shape);
        b += 2.0;
        d = an * d + b;
        if (std::abs(d) < tiny)
            d = tiny;
        c = b + an / c;
        if (std::abs(c) < tiny)
            c = tiny;
        d = 1.0 / d;
        const double delta = d * c;
        h *= delta;
        if (std::abs(delta - 1.0) < kEpsilon)
            break;
    }
    return std::clamp(1.0 - std::exp(logPrefix) * h, 0.0, 1.0);
}

double gammaQuantile(double shape, double p)
{
    if (!(p > 0.0))
        return 0.0;
    p = std::min(p, 1.0 - 1e-15);
    double lo = 0.0;
    double hi = std::max(shape, 1.0);
    for (int i = 0; i < 2000 && regularizedLowerGamma(shape, hi) < p; ++i) {
        lo = hi;
        hi *= 2.0;
    }
    double x = std::clamp(shape, lo, hi);
    if (!(x > lo && x < hi))
        x = 0.5 * (lo + hi);
    const double logNorm = std::lgamma(shape);
    for (int i = 0; i < 500; ++i) {
        const double f = regularizedLowerGamma(shape, x) - p;
        if (f == 0.0)
            return x;
        if (f < 0.0)
            lo = x;
        else
            hi = x;
        const double density = std::exp((shape - 1.0) * std::log(x) - x - logNorm);
        double next = density > 0.0 ? x - f / density : 0.5 * (lo + hi);
        if (!(next > lo && next < hi))
            next = 0.5 * (lo + hi);
        if (std::abs(next - x) <= 1e-15 * x || hi - lo <= 1e-15 * hi)
            return next;
        x = next;
    }
    return x;
}

Percentiles gammaPercentiles(double mean, double variance)
{
    if (!(mean > 0.0) || !std::isfinite(mean))
        return Percentiles{};
    if (!(variance > 0.0) || !std::isfinite(variance))
        return fromQuantile([mean](double) { return mean; }, false);
    const double shape = mean * mean / variance;
    const double scale = variance / mean;
    return fromQuantile([&](double p) { return scale * gammaQuantile(shape, p); }, false);
}

double mmcResponseSurvival(double arrivalRate, double serviceRate, std::int64_t servers, double t)
{
    if (!(t > 0.0))
        return 1.0;
    const double mu = serviceRate;
    const double theta = static_cast<double>(servers) * mu - arrivalRate;
    const double wait = erlangC(arrivalRate / mu, servers);
    const double delta = theta - mu;
    const double expMu = std::exp(-mu * t);
    // C (theta e^{-mu t} - mu e^{-theta t}) / (theta - mu) = C [e^{-mu t} + mu (e^{-mu t} - e^{-theta t}) / delta];
    // the difference quotient is written with expm1 on the side that cannot overflow.
    double waitingPart = 0.0;
    if (delta >= 0.0)
        waitingPart = expMu * (1.0 + mu * t * oneMinusExpOver(delta * t));
    else
        waitingPart = expMu + mu * t * std::exp(-theta * t) * oneMinusExpOver(-delta * t);
    return std::clamp((1.0 - wait) * expMu + wait * waitingPart, 0.0, 1.0);
}

double mmcResponseQuantile(double arrivalRate, double serviceRate, std::int64_t servers, double p)
{
    if (!(p > 0.0))
        return 0.0;
    const double target = 1.0 - p;
    const MmcMetrics metrics = mmc(arrivalRate, serviceRate, servers);
    double lo = 0.0;
    double hi = metrics.meanResponse > 0.0 ? metrics.meanResponse : 1.0 / serviceRate;
    for (int i = 0; i < 2000 && mmcResponseSurvival(arrivalRate, serviceRate, servers, hi) > target; ++i) {
        lo = hi;
        hi *= 2.0;
    }
    for (int i = 0; i < 200 && hi - lo > 1e-14 * hi; ++i) {
        const double mid = 0.5 * (lo + hi);
        if (mmcResponseSurvival(arrivalRate, serviceRate, servers, mid) > target)
            lo = mid;
        else
            hi = mid;
    }
    return 0.5 * (lo + hi);
}

Percentiles responseTimePercentiles(const Network &network, std::size_t cls, const Eigen::MatrixXd &residence,
                                    const OpenSolution *open)
{
    const JobClass &job = network.classes[cls];
    const std::size_t m = network.stationCount();
    std::size_t visited = 0;
    std::size_t only = 0;
    double mean = 0.0;
    double variance = 0.0;
    for (std::size_t k = 0; k < m; ++k) {
        if (!job.visitsStation(k))
            continue;
        ++visited;
        only = k;
        const double r = residence(static_cast<Eigen::Index>(cls), static_cast<Eigen::Index>(k));
        mean += r;
        // V visits, each an exponential sojourn of mean r / V: variance V (r / V)^2 = r^2 / V.
        variance += r * r / job.visits[k];
    }

    const bool exactCandidate = open != nullptr && !open->saturated && job.kind == ClassKind::Open &&
        visited == 1 && std::abs(job.visits[only] - 1.0) <= 1e-12;
    if (exactCandidate) {
        const Station &station = network.stations[only];
        const double s = job.serviceTimes[only];
        if (station.kind == StationKind::Delay) // the sojourn is the service time: Exp(1 / S)
            return fromQuantile([s](double p) { return -s * std::log1p(-p); }, true);
        bool fcfsOpenOnly = station.kind == StationKind::Queue;
        double arrivals = 0.0; // lambda at the station, all open classes
        for (const JobClass &other : network.classes) {
            if (!other.visitsStation(only))
                continue;
            if (other.kind == ClassKind::Closed ||
                std::abs(other.serviceTimes[only] - s) > kSameServiceTime * s)
                fcfsOpenOnly = false;
            arrivals += other.arrivalRate * other.visits[only];
        }
        const double mu = 1.0 / s;
        const double capacity = static_cast<double>(station.servers) * mu;
        if (fcfsOpenOnly && arrivals < capacity) {
            if (station.servers == 1) {
                const double theta = mu - arrivals; // M/M/1: T ~ Exp(mu - lambda)
                return fromQuantile([theta](double p) { return -std::log1p(-p) / theta; }, true);
            }
            return fromQuantile(
                [&](double p) { return mmcResponseQuantile(arrivals, mu, station.servers, p); }, true);
        }
    }
    return gammaPercentiles(mean, variance);
}

} // namespace iovplan::queueing
