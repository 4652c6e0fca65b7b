#include "approximatemva.h"

#include <Eigen/Core>
#include <Eigen/LU>

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
/// Newton on the reduced (throughput) fixed point: at most this many steps; it needs 5-12 on the
/// benchmark and on random networks (docs/notes-approximate.md), so 60 only guards pathologies.
constexpr int kNewtonMaxSteps = 60;
/// Newton stops once max_c |1 - N_c / (X_c T_c)| is below this (a few ulps).
constexpr double kNewtonResidual = 1e-15;
/// ... or once a step is below this relative to X (taken without asking for a decrease: the
/// residual is at roundoff level; Newton/chord contraction leaves an error well below it).
constexpr double kNewtonSmallStep = 1e-12;
/// Largest Newton step in log X (a factor e^10 on a throughput): keeps a first step from a poor
/// start from overflowing; the line search still halves it as needed.
constexpr double kMaxLogStep = 10.0;
/// Below this residual Newton tries only full steps (no line search): see newton().
constexpr double kNewtonNear = 1e-8;
/// After a Newton step smaller than this (relative) the Jacobian is kept for chord steps, which
/// then contract the error by about this factor each; a chord step that does not reduce the
/// residual by kChordContraction triggers a fresh Jacobian.
constexpr double kChordStart = 1e-4;
constexpr double kChordContraction = 0.1;
/// A Newton result is handed to the plain iteration only when its residual is below this;
/// otherwise the plain iteration starts from its usual guess (the fallback).
constexpr double kNewtonUsable = 1e-6;
/// Default Newton start: the no-contention throughputs scaled so that no queue's utilisation
/// sum_c X_c D_ck exceeds this (keeps every A_k < 1, the reduced map's domain).
constexpr double kNewtonStartUtilisation = 0.9;
/// Armijo constant of the backtracking line search on max_c |residual_c|.
constexpr double kArmijo = 1e-4;
constexpr int kMaxHalvings = 40;
/// After a step past a pole (A_k >= 1), the next trial goes this fraction of the way to it.
constexpr double kPoleFraction = 0.9;

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
        const bool anyLoadDependent = std::any_of(model.stations.begin(), model.stations.end(), [](const auto &s) {
            return s.kind == ClosedModel::Kind::LoadDependent;
        });
        if (anyLoadDependent) {
            const std::int64_t total = model.totalPopulation();
            m_logFactorial.assign(static_cast<std::size_t>(total + 1), 0.0);
            for (std::int64_t i = 1; i <= total; ++i)
                m_logFactorial[static_cast<std::size_t>(i)] = std::lgamma(static_cast<double>(i) + 1.0);
        }
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
        m_reducible = !anyLoadDependent && m_demand.allFinite() && (m_demand >= 0.0).all() && m_think.allFinite();
    }

    Index classes() const { return m_classes; }
    /// Only single-server queues and delays: Newton on the throughputs applies.
    bool reducible() const { return m_reducible; }
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
        const int budget = std::max(1, options.maxIterations);
        // Newton's steps count against the iteration budget; at least one plain iteration is
        // always left, and it is what decides convergence (the same test as without Newton).
        int newtonSteps = 0;
        if (options.accelerated && m_reducible && budget > 1)
            newtonSteps = newton(p, correction, budget - 1);
        const Eigen::ArrayXd &n = p.population;
        for (int it = 1; it <= budget - newtonSteps; ++it) {
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
            p.iterations = newtonSteps + it;
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
    // ---- Newton on the reduced fixed point (single-server queues and delay stations only) ----
    //
    // Given the throughputs X, the Schweitzer/Linearizer equations at a queue k,
    //   Q_ck = X_c D_ck (1 + Q_k - Q_ck / n_c + corr_kc),
    // are linear in Q: Q_ck = a_ck (1 + Q_k + corr_kc) with a_ck = X_c b_ck, b_ck = D_ck / (1 + X_c D_ck / n_c);
    // summing over c, P_k = 1 + Q_k = (1 + S_k) / (1 - A_k), A_k = sum_c a_ck, S_k = sum_c a_ck corr_kc
    // (needs A_k < 1). Hence R_ck = b_ck (P_k + corr_kc) (delay: R_ck = D_ck), T_c = Z_c + sum_k R_ck,
    // and the whole fixed point is the C equations r_c = 1 - n_c / (X_c T_c(X)) = 0, solved by damped
    // Newton in y = log X (keeps X > 0) with the analytic Jacobian (O(C^2 M) per step). This form
    // is bounded and nearly linear near a saturated queue, where T ~ 1/(1 - A_k) has a pole: n/(X T)
    // ~ n (1 - A_k) / (X D) is smooth there. (The form log(X T / n) needed 390 steps on the
    // N = 10000 row of the tests: its Newton steps overshoot the pole and are halved back.) The arrival clamp at 0 of the
    // plain map is ignored here (never active for Bard-Schweitzer; if a Linearizer correction makes it
    // active, the plain iterations that follow see the mismatch and carry on from this point).

    /// Residuals r_c at x; false when x leaves the domain (X_c <= 0, some A_k >= 1, non-finite).
    /// Leaves b, 1 - A, P and the cycle times T of x in the workspaces.
    bool reducedResidual(const Eigen::ArrayXd &x, const Eigen::ArrayXd &n, const Table *correction,
                         Eigen::ArrayXd &residual)
    {
        m_loadSum.setZero();
        if (correction != nullptr)
            m_correctionSum.setZero();
        m_cycle = m_think + m_delayDemand;
        for (Index c = 0; c < m_classes; ++c) {
            if (n(c) <= 0.0) {
                m_b.col(c).setZero(); // inactive: a_ck = 0, no contribution anywhere
                continue;
            }
            if (!(x(c) > 0.0) || !std::isfinite(x(c)))
                return false;
            m_b.col(c) = m_queueMask * m_demand.col(c) / (1.0 + m_demand.col(c) * (x(c) / n(c)));
            m_loadSum += x(c) * m_b.col(c);
            if (correction != nullptr) {
                m_correctionSum += x(c) * m_b.col(c) * correction->col(c);
                m_cycle(c) += (m_b.col(c) * correction->col(c)).sum();
            }
        }
        if (!(m_loadSum < 1.0).all())
            return false; // past a pole; m_loadSum is left for the line search's interpolation
        m_gap = 1.0 - m_loadSum;
        if (correction != nullptr)
            m_plus = (1.0 + m_correctionSum) / m_gap;
        else
            m_plus = 1.0 / m_gap;
        if (!m_plus.allFinite())
            return false;
        m_cycle.matrix().noalias() += m_b.matrix().transpose() * m_plus.matrix(); // T_c += sum_k b_ck P_k
        for (Index c = 0; c < m_classes; ++c) {
            if (n(c) <= 0.0) {
                residual(c) = 0.0;
                continue;
            }
            if (!(m_cycle(c) > 0.0) || !std::isfinite(m_cycle(c)))
                return false;
            residual(c) = 1.0 - n(c) / (x(c) * m_cycle(c));
        }
        return residual.allFinite();
    }

    /// Jacobian of the residuals at the x of the last successful reducedResidual call:
    ///   dT_c/dX_j = sum_k b_ck W_kj - [c = j] sum_k b_ck^2 (P_k + corr_kc) / n_c   (queues only),
    ///   W_kj = g_jk (P_k + corr_kj) / (1 - A_k),  g_jk = da_jk/dX_j = D_jk / (1 + X_j D_jk / n_j)^2,
    ///   dr_c/dy_j = (1 - r_c) ([c = j] + (X_j / T_c) dT_c/dX_j),   y = log X.
    void reducedJacobian(const Eigen::ArrayXd &x, const Eigen::ArrayXd &n, const Table *correction)
    {
        for (Index j = 0; j < m_classes; ++j) {
            if (n(j) <= 0.0) {
                m_weight.col(j).setZero();
                continue;
            }
            // g_jk = b_jk / (1 + X_j D_jk / n_j).
            if (correction != nullptr)
                m_weight.col(j) = m_b.col(j) * (m_plus + correction->col(j)) /
                                  (m_gap * (1.0 + m_demand.col(j) * (x(j) / n(j))));
            else
                m_weight.col(j) = m_b.col(j) * m_plus / (m_gap * (1.0 + m_demand.col(j) * (x(j) / n(j))));
        }
        m_jacobian.noalias() = m_b.matrix().transpose() * m_weight.matrix();
        for (Index c = 0; c < m_classes; ++c) {
            if (n(c) <= 0.0) {
                m_jacobian.row(c).setZero();
                m_jacobian(c, c) = 1.0;
                continue;
            }
            double own = 0.0;
            if (correction != nullptr)
                own = (m_b.col(c).square() * (m_plus + correction->col(c))).sum() / n(c);
            else
                own = (m_b.col(c).square() * m_plus).sum() / n(c);
            m_jacobian(c, c) -= own;
            m_jacobian.row(c) /= m_cycle(c);
        }
        for (Index j = 0; j < m_classes; ++j) {
            if (n(j) <= 0.0)
                continue;
            m_jacobian.col(j) *= x(j);
            m_jacobian(j, j) += 1.0;
        }
        for (Index c = 0; c < m_classes; ++c)
            if (n(c) > 0.0)
                m_jacobian.row(c) *= n(c) / (x(c) * m_cycle(c));
    }

    /// Newton's method for the throughputs of p (warm-started from p.throughput when that is a
    /// valid point). Once a Newton step is small the factorised Jacobian is kept for further
    /// (chord) steps, which cost one residual evaluation each. On success p's queues, residences
    /// and throughputs are the reduced solution; otherwise p is left as it was. Returns the steps
    /// taken (at most maxSteps).
    int newton(PopulationPoint &p, const Table *correction, int maxSteps)
    {
        const Eigen::ArrayXd &n = p.population;
        const Eigen::ArrayXd active = (n > 0.0).cast<double>();
        if (active.sum() <= 0.0)
            return 0;
        ensureNewtonWorkspace();
        Eigen::ArrayXd x = p.throughput;
        const bool warm = x.size() == m_classes && x.allFinite() && ((x > 0.0) || (active <= 0.0)).all();
        if (!warm) {
            // Per class the asymptotic bound min(n_c / (Z_c + sum_k D_ck), 1 / max_queue D_ck), then
            // all scaled together below (one huge class must not push the others far down).
            x = Eigen::ArrayXd::Zero(m_classes);
            for (Index c = 0; c < m_classes; ++c) {
                const double cycle = m_think(c) + m_demand.col(c).sum();
                if (n(c) > 0.0)
                    x(c) = cycle > 0.0 ? n(c) / cycle : 0.0;
                const double bottleneck = (m_queueMask * m_demand.col(c)).maxCoeff();
                if (bottleneck > 0.0)
                    x(c) = std::min(x(c), 1.0 / bottleneck);
            }
            const double peak = (m_queueMask * (m_demand.matrix() * x.matrix()).array()).maxCoeff();
            if (peak > kNewtonStartUtilisation)
                x *= kNewtonStartUtilisation / peak;
        }
        x *= active;
        bool feasible = false;
        for (int h = 0; h < kMaxHalvings && !feasible; ++h) {
            feasible = reducedResidual(x, n, correction, m_residual);
            if (!feasible)
                x *= 0.5;
        }
        if (!feasible)
            return 0;
        bool workspacesAtX = true;
        double norm = m_residual.abs().maxCoeff();
        int steps = 0;
        bool chord = false;
        while (norm > kNewtonResidual && steps < maxSteps) {
            if (!chord) {
                if (!workspacesAtX && !reducedResidual(x, n, correction, m_residual))
                    break;
                workspacesAtX = true;
                reducedJacobian(x, n, correction);
                m_lu.compute(m_jacobian);
            }
            m_delta = m_lu.solve(-m_residual.matrix()).array() * active;
            ++steps;
            if (!m_delta.allFinite())
                break;
            // The step is in log X: its size is the relative change of X.
            const double relativeStep = m_delta.abs().maxCoeff();
            double lambda = relativeStep > kMaxLogStep ? kMaxLogStep / relativeStep : 1.0;
            // Close to the solution (or on a chord step) only the full step is tried: failing to
            // decrease there means roundoff level (or a stale Jacobian), not a bad direction.
            const int halvings = chord || norm <= kNewtonNear ? 1 : kMaxHalvings;
            const double before = norm;
            bool accepted = false;
            if (workspacesAtX)
                m_gapAtX = m_gap;
            else
                m_gapAtX.setConstant(-1.0); // unknown: no interpolation
            for (int h = 0; h < halvings && !accepted; ++h) {
                m_trial = x * (lambda * m_delta).exp();
                workspacesAtX = false;
                if (!reducedResidual(m_trial, n, correction, m_trialResidual)) {
                    lambda *= backtrackPastPole();
                    continue;
                }
                const double trialNorm = m_trialResidual.abs().maxCoeff();
                // A tiny full step is taken as it is: the residual is at roundoff level and need not decrease.
                accepted = trialNorm <= (1.0 - kArmijo * lambda) * norm || (lambda == 1.0 && relativeStep <= kNewtonSmallStep);
                if (accepted) {
                    x = m_trial;
                    std::swap(m_residual, m_trialResidual);
                    norm = trialNorm;
                    workspacesAtX = true;
                } else {
                    lambda *= 0.5;
                }
            }
            if (!accepted) {
                if (chord) {
                    chord = false; // stale Jacobian: retry with a fresh one
                    continue;
                }
                break;
            }
            if (relativeStep <= kNewtonSmallStep)
                break;
            chord = chord ? norm <= kChordContraction * before : relativeStep <= kChordStart;
        }
        if (norm > kNewtonUsable)
            return steps;
        if (!workspacesAtX && !reducedResidual(x, n, correction, m_residual))
            return steps;
        p.throughput = x;
        for (Index c = 0; c < m_classes; ++c) {
            if (n(c) <= 0.0) {
                p.residence.col(c) = m_demand.col(c);
                p.queue.col(c).setZero();
                continue;
            }
            if (correction != nullptr)
                p.residence.col(c) = m_b.col(c) * (m_plus + correction->col(c)) + m_delayMask * m_demand.col(c);
            else
                p.residence.col(c) = m_b.col(c) * m_plus + m_delayMask * m_demand.col(c);
            p.queue.col(c) = p.residence.col(c) * x(c);
        }
        return steps;
    }

    /// Factor for the step after a trial that left the domain. When it went past a pole
    /// (some A_k >= 1), interpolate 1 - A_k linearly between x and the trial and aim for
    /// kPoleFraction of the way to the nearest pole: near saturation the solution lies within ~1/N
    /// of the pole and Newton's step typically lands just past it, so halving would only halve the
    /// residual per step (measured: 265 iterations for N = 10000 instead of 12).
    double backtrackPastPole() const
    {
        double factor = 0.5;
        if (!m_loadSum.allFinite() || !(m_gapAtX > 0.0).all())
            return factor;
        double fraction = 1.0;
        for (Index k = 0; k < m_stations; ++k) {
            const double trialGap = 1.0 - m_loadSum(k);
            if (trialGap <= 0.0)
                fraction = std::min(fraction, m_gapAtX(k) / (m_gapAtX(k) - trialGap));
        }
        if (fraction < 1.0)
            factor = std::clamp(kPoleFraction * fraction, 0.01, 0.9);
        return factor;
    }

    void ensureNewtonWorkspace()
    {
        if (m_delayMask.size() == m_stations)
            return;
        m_delayMask = 1.0 - m_queueMask;
        m_delayDemand = (m_demand.colwise() * m_delayMask).colwise().sum().transpose();
        m_loadSum = Eigen::ArrayXd::Zero(m_stations);
        m_correctionSum = Eigen::ArrayXd::Zero(m_stations);
        m_gap = Eigen::ArrayXd::Zero(m_stations);
        m_gapAtX = Eigen::ArrayXd::Zero(m_stations);
        m_plus = Eigen::ArrayXd::Zero(m_stations);
        m_cycle = Eigen::ArrayXd::Zero(m_classes);
        m_residual = Eigen::ArrayXd::Zero(m_classes);
        m_trialResidual = Eigen::ArrayXd::Zero(m_classes);
        m_trial = Eigen::ArrayXd::Zero(m_classes);
        m_delta = Eigen::ArrayXd::Zero(m_classes);
        m_jacobian = Eigen::MatrixXd::Zero(m_classes, m_classes);
    }

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
    bool m_reducible = false;     ///< only queues and delays, finite demands: Newton applies
    // Newton workspaces (ensureNewtonWorkspace), M x C tables and M / C vectors.
    Eigen::ArrayXd m_delayMask;
    Eigen::ArrayXd m_delayDemand; ///< C: sum of D_ck over delay stations
    // The two M x C Newton tables share storage with the plain iteration's workspaces (m_next,
    // m_arrival): Newton runs before the plain iterations, which overwrite them before reading.
    // Fewer fresh 8 C M-byte blocks per solve: measured 1.6 -> ~1.0 ms on the benchmark (page faults).
    Table &m_b = m_next;          ///< b_ck = D_ck / (1 + X_c D_ck / n_c) at queues, 0 elsewhere
    Table &m_weight = m_arrival;  ///< W_kj of the Jacobian
    Eigen::ArrayXd m_loadSum;       ///< A_k
    Eigen::ArrayXd m_correctionSum; ///< S_k
    Eigen::ArrayXd m_gap;           ///< 1 - A_k
    Eigen::ArrayXd m_gapAtX;        ///< 1 - A_k at the current Newton iterate
    Eigen::ArrayXd m_plus;          ///< P_k = 1 + Q_k
    Eigen::ArrayXd m_cycle;         ///< T_c
    Eigen::ArrayXd m_residual;
    Eigen::ArrayXd m_trialResidual;
    Eigen::ArrayXd m_trial;
    Eigen::ArrayXd m_delta;
    Eigen::MatrixXd m_jacobian;
    Eigen::PartialPivLU<Eigen::MatrixXd> m_lu;
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
    Eigen::VectorXd weights(classes);

    int iterations = 0;
    bool converged = true;
    // The outer passes only estimate the differences D, which need far less precision than the
    // final answer: they run at a looser tolerance; the last solve at N uses the caller's.
    // With Newton (queue + delay networks) the inner solves are exact anyway, and with
    // accelerated = false every solve uses the caller's tolerance (the reference path).
    ApproximateOptions outerOptions = options;
    if (options.accelerated && !core.reducible())
        outerOptions.tolerance = std::max(options.tolerance, kLinearizerOuterTolerance);
    auto solvePoint = [&](PopulationPoint &p, bool corrected, const ApproximateOptions &o) {
        if (corrected) {
            // correction(k, c) = sum_j (n_j - d_jc) D_jkc, the Linearizer term at this population;
            // D is taken from N for every point (the original's assumption D(N - e_i) ~ D(N)).
            correction.setZero();
            for (Index c = 0; c < classes; ++c) {
                if (p.population(c) <= 0.0)
                    continue;
                for (Index j = 0; j < classes; ++j)
                    weights(j) = std::max(0.0, p.population(j) - (j == c ? 1.0 : 0.0));
                correction.col(c) = (difference[static_cast<std::size_t>(c)].matrix() * weights.matrix()).array();
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
                p.throughput = points[0].throughput;
                p.throughput(j) *= p.population(j) / population(j);
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
