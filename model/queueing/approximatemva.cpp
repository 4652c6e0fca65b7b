#include "approximatemva.h"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

// Approximate MVA (Bard-Schweitzer, Chandy-Neuse Linearizer). Design notes, equations and measured
// errors: docs/notes-approximate.md.
//
// Layout: every per-station, per-class table is a column-major (stations x classes) array, so one
// class's stations are contiguous and the inner loops are vectorised Eigen expressions over
// stations. All workspaces are allocated once per solve; the fixed-point iterations allocate nothing.

namespace iovplan::queueing {
namespace {

using Index = Eigen::Index;
using Table = Eigen::ArrayXXd; // stations x classes

constexpr double kInfinity = std::numeric_limits<double>::infinity();
/// States of a load-dependent marginal whose weight is below e^-46 (~1e-20) of the mode are ignored.
constexpr double kLogWindow = 46.0;
/// Relative floor of the convergence test: queue lengths below population x 1e-15 are roundoff.
constexpr double kQueueFloor = 1e-15;
/// Chandy & Neuse (1982) iterate the Linearizer's outer loop three times; we do at least that and
/// continue while Q(N) still moves (cap below). With every N_c <= 1 the stable point is exact MVA
/// (QSP p.142 gives X = 3/19 exactly; three passes alone leave 0.08%).
constexpr int kLinearizerMinOuter = 3;
constexpr int kLinearizerMaxOuter = 10;
/// Outer passes stop once Q(N) moves less than this (relative) from one pass to the next: the
/// Linearizer's own error is ~1e-3, so 1e-6 leaves the answer unchanged at any printed precision.
constexpr double kLinearizerOuterStop = 1e-6;
/// Tolerance of the core solves inside the outer passes (the final solve uses the caller's);
/// measured: moves the answer by < 1e-6 relative, halves the time (docs/notes-approximate.md).
constexpr double kLinearizerOuterTolerance = 1e-5;

/// The finite-source family used to estimate a load-dependent station's marginal:
///   p(j | n, theta) ~ exp(j theta) / ((n - j)! prod_{i<=j} alpha(i)),   j = 0..n.
/// For one class visiting the station and a delay (think time) it is the exact marginal with
/// theta = log(D / Z); in general theta is fitted so that the mean matches an MVA estimate.
/// theta = -inf / +inf stand for all mass at 0 / at n.
class LoadDependentFamily {
public:
    LoadDependentFamily(const std::vector<double> &alpha, const std::vector<double> &logFactorial)
        : m_alpha(alpha), m_logFactorial(logFactorial), m_logAlphaPrefix(alpha.size() + 1, 0.0),
          m_weights(alpha.size() + 1, 0.0)
    {
        for (std::size_t i = 0; i < alpha.size(); ++i) {
            m_logAlphaPrefix[i + 1] = m_logAlphaPrefix[i] + std::log(alpha[i]);
            if (i > 0 && alpha[i] < alpha[i - 1])
                m_concave = false;
        }
    }

    struct Moments {
        double mean = 0.0;
        double variance = 0.0;
    };

    /// Mean and variance of p(. | n, theta); leaves the normalised weights in the workspace.
    Moments moments(std::int64_t n, double theta)
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

    /// theta such that the mean of p(. | n, theta) equals target (clamped to [0, n]).
    double fit(std::int64_t n, double target, double start)
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

    /// E[(J + 1) / alpha(J + 1)] under p(. | n, theta): residence per unit demand of an arrival
    /// that finds J jobs (mean value theorem form of load-dependent MVA).
    double residenceFactor(std::int64_t n, double theta)
    {
        spread(n, theta);
        double factor = 0.0;
        for (std::int64_t j = m_low; j <= m_high; ++j)
            factor += m_weights[idx(j - m_low)] * static_cast<double>(j + 1) / m_alpha[idx(j)];
        return factor;
    }

    /// The full marginal P(j), j = 0..n, written into out (sized n + 1).
    void marginal(std::int64_t n, double theta, std::vector<double> &out)
    {
        spread(n, theta);
        out.assign(idx(n + 1), 0.0);
        for (std::int64_t j = m_low; j <= m_high; ++j)
            out[idx(j)] = m_weights[idx(j - m_low)];
    }

private:
    static std::size_t idx(std::int64_t i) { return static_cast<std::size_t>(i); }

    double logWeight(std::int64_t n, double theta, std::int64_t j) const
    {
        return static_cast<double>(j) * theta - m_logFactorial[idx(n - j)] - m_logAlphaPrefix[idx(j)];
    }

    /// Normalised weights over [m_low, m_high], the states that matter.
    void spread(std::int64_t n, double theta)
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

    const std::vector<double> &m_alpha;
    const std::vector<double> &m_logFactorial;
    std::vector<double> m_logAlphaPrefix; ///< sum_{i<=j} log alpha(i), j = 0..N
    std::vector<double> m_weights;        ///< workspace
    std::int64_t m_low = 0;
    std::int64_t m_high = 0;
    bool m_concave = true;
};

/// One population vector the fixed point is solved at, with its warm-start state.
struct PopulationPoint {
    Eigen::ArrayXd population; ///< C
    std::int64_t total = 0;
    Table queue;               ///< M x C
    Eigen::ArrayXd throughput; ///< C
    Table residence;           ///< M x C
    Eigen::ArrayXd thetaFull;  ///< per load-dependent station: fitted at this population
    Table thetaArrival;        ///< load-dependent stations x C: fitted at the arrival population
    int iterations = 0;
    bool converged = true;
};

/// The fixed-point core shared by Bard-Schweitzer (no corrections) and the Linearizer.
class Core {
public:
    explicit Core(const ClosedModel &model)
        : m_classes(model.classCount()), m_stations(model.stationCount()),
          m_demand(model.demands.transpose().array()), m_queueMask(Eigen::ArrayXd::Zero(m_stations)),
          m_think(Eigen::ArrayXd::Zero(m_classes))
    {
        for (Index c = 0; c < m_classes; ++c)
            m_think(c) = model.thinkTime[static_cast<std::size_t>(c)];
        const std::int64_t total = model.totalPopulation();
        m_logFactorial.assign(static_cast<std::size_t>(total + 1), 0.0);
        for (std::int64_t i = 1; i <= total; ++i)
            m_logFactorial[static_cast<std::size_t>(i)] = std::lgamma(static_cast<double>(i) + 1.0);
        for (Index k = 0; k < m_stations; ++k) {
            const auto &station = model.stations[static_cast<std::size_t>(k)];
            if (station.kind == ClosedModel::Kind::Queue)
                m_queueMask(k) = 1.0;
            if (station.kind == ClosedModel::Kind::LoadDependent) {
                m_loadDependent.push_back(k);
                m_families.emplace_back(station.alpha, m_logFactorial);
            }
        }
        m_queueTotal = Eigen::ArrayXd::Zero(m_stations);
        m_arrival = Table::Zero(m_stations, m_classes);
        m_next = Table::Zero(m_stations, m_classes);
    }

    Index classes() const { return m_classes; }
    Index stations() const { return m_stations; }

    /// A point at population n, started from the no-contention guess Q = n D / (Z + sum D).
    PopulationPoint makePoint(const Eigen::ArrayXd &n) const
    {
        PopulationPoint p;
        p.population = n;
        p.total = static_cast<std::int64_t>(std::llround(n.sum()));
        p.queue = Table::Zero(m_stations, m_classes);
        p.residence = m_demand;
        p.throughput = Eigen::ArrayXd::Zero(m_classes);
        for (Index c = 0; c < m_classes; ++c) {
            const double cycle = m_think(c) + m_demand.col(c).sum();
            if (n(c) > 0.0 && cycle > 0.0)
                p.queue.col(c) = m_demand.col(c) * (n(c) / cycle);
        }
        const auto ld = static_cast<Index>(m_loadDependent.size());
        p.thetaFull = Eigen::ArrayXd::Zero(ld);
        p.thetaArrival = Table::Zero(ld, m_classes);
        return p;
    }

    /// Solves the fixed point at p's population. correction (M x C, may be null) is the
    /// Linearizer term added to the estimated queue seen on arrival: sum_j (n_j - d_jc) D_jkc.
    void solve(PopulationPoint &p, const Table *correction, const ApproximateOptions &options)
    {
        p.converged = false;
        const Eigen::ArrayXd &n = p.population;
        for (int it = 1; it <= std::max(1, options.maxIterations); ++it) {
            m_queueTotal = p.queue.rowwise().sum();
            for (Index c = 0; c < m_classes; ++c) {
                if (n(c) <= 0.0)
                    continue;
                // Queue seen on arrival, Q_k(n - e_c) ~ Q_k(n) - Q_ck(n) / n_c (Schweitzer 1979, Bard 1979).
                if (correction != nullptr)
                    m_arrival.col(c) = m_queueTotal - p.queue.col(c) / n(c) + correction->col(c);
                else
                    m_arrival.col(c) = m_queueTotal - p.queue.col(c) / n(c);
                m_arrival.col(c) = m_arrival.col(c).max(0.0);
                p.residence.col(c) = m_demand.col(c) * (1.0 + m_queueMask * m_arrival.col(c));
            }
            loadDependentResidences(p, correction == nullptr);
            double worst = 0.0;
            for (Index c = 0; c < m_classes; ++c) {
                if (n(c) <= 0.0) {
                    p.throughput(c) = 0.0;
                    m_next.col(c).setZero();
                    continue;
                }
                const double cycle = m_think(c) + p.residence.col(c).sum();
                p.throughput(c) = cycle > 0.0 && std::isfinite(cycle) ? n(c) / cycle : 0.0;
                m_next.col(c) = p.residence.col(c) * p.throughput(c);
                const double floor = kQueueFloor * n(c);
                const double change =
                    ((m_next.col(c) - p.queue.col(c)).abs() / m_next.col(c).abs().max(floor)).maxCoeff();
                worst = std::max(worst, change);
            }
            std::swap(p.queue, m_next);
            p.iterations = it;
            if (worst <= options.tolerance) {
                p.converged = true;
                break;
            }
        }
    }

    /// Marginals of the load-dependent stations at p's population (empty for the others).
    std::vector<std::vector<double>> marginals(PopulationPoint &p)
    {
        std::vector<std::vector<double>> out(static_cast<std::size_t>(m_stations));
        const Eigen::ArrayXd total = p.queue.rowwise().sum();
        for (std::size_t s = 0; s < m_loadDependent.size(); ++s) {
            const Index k = m_loadDependent[s];
            const auto si = static_cast<Index>(s);
            p.thetaFull(si) = m_families[s].fit(p.total, total(k), p.thetaFull(si));
            m_families[s].marginal(p.total, p.thetaFull(si), out[static_cast<std::size_t>(k)]);
        }
        return out;
    }

private:
    /// Residence at load-dependent stations: R_ck = D_ck E[(J + 1) / alpha(J + 1)], J the number an
    /// arriving class-c job finds. J's law is taken from the finite-source family, with theta fitted
    /// to the arrival mean; that mean is the MVA estimate with its drop from Q_k(n) rescaled so that,
    /// for a single class, it equals the family's own mean at n - 1 (exact for think time + one
    /// load-dependent station). See docs/notes-approximate.md.
    void loadDependentResidences(PopulationPoint &p, bool rescaleDrop)
    {
        const Eigen::ArrayXd &n = p.population;
        const double totalPopulation = static_cast<double>(p.total);
        for (std::size_t s = 0; s < m_loadDependent.size(); ++s) {
            const Index k = m_loadDependent[s];
            const auto si = static_cast<Index>(s);
            LoadDependentFamily &family = m_families[s];
            const double present = m_queueTotal(k);
            const std::int64_t seen = p.total - 1;
            double familyDrop = present;
            if (seen > 0 && rescaleDrop) {
                p.thetaFull(si) = family.fit(p.total, present, p.thetaFull(si));
                familyDrop = present - family.moments(seen, p.thetaFull(si)).mean;
            }
            double averageDrop = 0.0;
            for (Index c = 0; c < m_classes; ++c)
                averageDrop += n(c) * (present - m_arrival(k, c));
            averageDrop = totalPopulation > 0.0 ? averageDrop / totalPopulation : 0.0;
            const double scale = rescaleDrop && averageDrop > 1e-300 ? familyDrop / averageDrop : 1.0;
            for (Index c = 0; c < m_classes; ++c) {
                if (n(c) <= 0.0 || m_demand(k, c) <= 0.0) {
                    p.residence(k, c) = 0.0;
                    continue;
                }
                const double target = std::clamp(present - scale * (present - m_arrival(k, c)), 0.0,
                                                  static_cast<double>(std::max<std::int64_t>(seen, 0)));
                p.thetaArrival(si, c) = family.fit(seen, target, p.thetaArrival(si, c));
                p.residence(k, c) = m_demand(k, c) * family.residenceFactor(seen, p.thetaArrival(si, c));
            }
        }
    }

    Index m_classes;
    Index m_stations;
    Table m_demand;               ///< M x C
    Eigen::ArrayXd m_queueMask;   ///< 1 for single-server queues, 0 for delay / load-dependent
    Eigen::ArrayXd m_think;       ///< C
    std::vector<double> m_logFactorial;
    std::vector<Index> m_loadDependent;
    std::vector<LoadDependentFamily> m_families;
    Eigen::ArrayXd m_queueTotal;  ///< workspace: M
    Table m_arrival;              ///< workspace: queue seen on arrival, M x C
    Table m_next;                 ///< workspace: next queue lengths, M x C
};

Eigen::ArrayXd populationOf(const ClosedModel &model)
{
    Eigen::ArrayXd n(model.classCount());
    for (Index c = 0; c < model.classCount(); ++c)
        n(c) = static_cast<double>(model.population[static_cast<std::size_t>(c)]);
    return n;
}

ClosedSolution finish(Core &core, PopulationPoint &p, int iterations, bool converged)
{
    ClosedSolution s;
    s.throughput = p.throughput.matrix();
    s.residence = p.residence.transpose().matrix();
    s.queueLength = p.queue.transpose().matrix();
    s.marginal = core.marginals(p);
    s.iterations = iterations;
    s.converged = converged;
    return s;
}

bool isEmpty(const ClosedModel &model)
{
    return model.classCount() == 0 || model.stationCount() == 0;
}

ClosedSolution emptySolution(const ClosedModel &model)
{
    ClosedSolution s;
    s.throughput = Eigen::VectorXd::Zero(model.classCount());
    s.residence = Eigen::MatrixXd::Zero(model.classCount(), model.stationCount());
    s.queueLength = s.residence;
    s.marginal.resize(static_cast<std::size_t>(model.stationCount()));
    return s;
}

} // namespace

ClosedSolution bardSchweitzer(const ClosedModel &model, const ApproximateOptions &options)
{
    if (isEmpty(model))
        return emptySolution(model);
    Core core(model);
    PopulationPoint full = core.makePoint(populationOf(model));
    core.solve(full, nullptr, options);
    return finish(core, full, full.iterations, full.converged);
}

ClosedSolution linearizer(const ClosedModel &model, const ApproximateOptions &options)
{
    if (isEmpty(model))
        return emptySolution(model);
    Core core(model);
    const Index classes = core.classes();
    const Index stations = core.stations();
    const Eigen::ArrayXd population = populationOf(model);

    // Point 0 is N, point 1 + j is N - e_j.
    std::vector<PopulationPoint> points;
    points.reserve(static_cast<std::size_t>(classes + 1));
    points.push_back(core.makePoint(population));
    for (Index j = 0; j < classes; ++j) {
        Eigen::ArrayXd reduced = population;
        reduced(j) -= 1.0;
        points.push_back(core.makePoint(reduced));
    }
    // difference[c](k, j) = F_jk(N - e_c) - F_jk(N), F_jk = Q_jk / N_j (Chandy & Neuse 1982).
    std::vector<Table> difference(static_cast<std::size_t>(classes), Table::Zero(stations, classes));
    Table correction = Table::Zero(stations, classes);
    Table previous = Table::Zero(stations, classes);

    int iterations = 0;
    bool converged = true;
    // The outer passes only estimate the differences D, which need far less precision than the
    // final answer: they run at a looser tolerance; the last solve at N uses the caller's.
    ApproximateOptions outerOptions = options;
    outerOptions.tolerance = std::max(options.tolerance, kLinearizerOuterTolerance);
    auto solvePoint = [&](PopulationPoint &p, bool corrected, const ApproximateOptions &o) {
        if (corrected) {
            // correction(k, c) = sum_j (n_j - d_jc) D_jkc, the Linearizer term at this population;
            // D is taken from N for every point (the original's assumption D(N - e_i) ~ D(N)).
            correction.setZero();
            for (Index c = 0; c < classes; ++c) {
                if (p.population(c) <= 0.0)
                    continue;
                const Table &d = difference[static_cast<std::size_t>(c)];
                for (Index j = 0; j < classes; ++j) {
                    const double weight = p.population(j) - (j == c ? 1.0 : 0.0);
                    if (weight > 0.0)
                        correction.col(c) += weight * d.col(j);
                }
            }
        }
        core.solve(p, corrected ? &correction : nullptr, o);
        iterations += p.iterations;
        converged = converged && p.converged;
    };

    for (int outer = 1; outer <= kLinearizerMaxOuter; ++outer) {
        previous = points[0].queue;
        for (std::size_t i = 0; i < points.size(); ++i) {
            PopulationPoint &p = points[i];
            if (p.total <= 0)
                continue;
            if (outer == 1 && i > 0) {
                // Start N - e_j from the Schweitzer estimate Q(N - e_j) ~ Q(N) with class j
                // scaled by (N_j - 1) / N_j: it is close, and saves most of the iterations.
                const auto j = static_cast<Index>(i - 1);
                p.queue = points[0].queue;
                p.queue.col(j) *= p.population(j) / population(j);
                p.thetaFull = points[0].thetaFull;
                p.thetaArrival = points[0].thetaArrival;
            }
            solvePoint(p, outer > 1, outerOptions);
        }
        for (Index c = 0; c < classes; ++c) {
            Table &d = difference[static_cast<std::size_t>(c)];
            const PopulationPoint &reduced = points[static_cast<std::size_t>(c + 1)];
            for (Index j = 0; j < classes; ++j) {
                const double nj = reduced.population(j);
                if (nj > 0.0)
                    d.col(j) = reduced.queue.col(j) / nj - points[0].queue.col(j) / population(j);
                else
                    d.col(j).setZero();
            }
        }
        if (outer >= kLinearizerMinOuter) {
            const double change = ((points[0].queue - previous).abs() /
                                   points[0].queue.abs().max(kQueueFloor)).maxCoeff();
            if (change <= kLinearizerOuterStop)
                break;
        }
    }
    solvePoint(points[0], true, options);
    return finish(core, points[0], iterations, converged);
}

} // namespace iovplan::queueing
