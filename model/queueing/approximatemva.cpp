#include "approximatemva.h"

#include "loaddependentfamily.h"
#include "throughputnewton.h"

#include <Eigen/Core>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

// Approximate MVA (Bard-Schweitzer, Chandy-Neuse Linearizer). Design notes, equations and measured
// errors: docs/queueing-approximate.md.
//
// Layout: every per-station, per-class table is a column-major (stations x classes) array, so one
// class's stations are contiguous and the inner loops are vectorised Eigen expressions over
// stations. All workspaces are allocated once per solve; the fixed-point iterations allocate nothing.
// Rooms: this file holds the public solvers and the plain fixed-point core; the load-dependent
// marginal family is in loaddependentfamily.cpp, Newton on the throughputs in throughputnewton.cpp.

namespace iovplan::queueing {
namespace {

using Index = Eigen::Index;
using detail::LoadDependentFamily;
using detail::Table; // stations x classes
using detail::TableMap;
using detail::ThroughputNewton;

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
/// measured: moves the answer by < 1e-6 relative, halves the time (docs/queueing-approximate.md).
constexpr double kLinearizerOuterTolerance = 1e-5;

/// One population vector the fixed point is solved at, with its warm-start state. Its two M x C
/// tables live in the Core's arena (a copy of a point would share them: points are only moved).
struct PopulationPoint {
    PopulationPoint(double *queueStorage, double *residenceStorage, Index stations, Index classes)
        : queue(queueStorage, stations, classes), residence(residenceStorage, stations, classes)
    {
    }

    Eigen::ArrayXd population; ///< C
    std::int64_t total = 0;
    TableMap queue;            ///< M x C
    Eigen::ArrayXd throughput; ///< C
    TableMap residence;        ///< M x C
    Eigen::ArrayXd thetaFull;  ///< per load-dependent station: fitted at this population
    Table thetaArrival;        ///< load-dependent stations x C: fitted at the arrival population
    int iterations = 0;
    bool converged = true;
};

/// True when some station is load-dependent (Newton does not apply, the arrival table is kept).
bool hasLoadDependent(const ClosedModel &model)
{
    return std::any_of(model.stations.begin(), model.stations.end(),
                       [](const auto &s) { return s.kind == ClosedModel::Kind::LoadDependent; });
}

/// Only single-server queues and delays, finite non-negative demands and think times: the fixed
/// point reduces to the class throughputs (ThroughputNewton).
bool isReducible(const ClosedModel &model)
{
    return !hasLoadDependent(model) && model.demands.allFinite() && (model.demands.array() >= 0.0).all() &&
           std::all_of(model.thinkTime.begin(), model.thinkTime.end(), [](double z) { return std::isfinite(z); });
}

/// The fixed-point core shared by Bard-Schweitzer (no corrections) and the Linearizer.
///
/// Every M x C table of a solve (demands, Newton's workspace, each point's queues and residences)
/// is a slice of one arena, allocated uninitialised in the constructor (every table is written
/// before it is read). One block instead of 3 + 2 x points: fewer allocations, no zero-filling,
/// and repeated solves stop page-faulting. Why: glibc's malloc returns the top of its heap to the
/// kernel once the free space there exceeds its trim threshold (twice its mmap threshold, which
/// grows to the size of the largest mmap'd block freed so far). With separate 8 M C-byte tables
/// the threshold stayed below a solve's footprint, so every solve's tables were released and
/// faulted back in; one arena of several tables lifts it above the footprint. Measured on the
/// benchmark (20 classes x 1000 stations, Release): ~245 page faults per solve before, ~2 after;
/// at ~2.4 us per fault on this VM that was about half of the run time.
class Core {
public:
    /// pointCount: how many PopulationPoints makePoint will hand out (their tables are in the arena).
    Core(const ClosedModel &model, Index pointCount)
        : m_classes(model.classCount()), m_stations(model.stationCount()), m_reducible(isReducible(model)),
          m_pointCount(pointCount),
          m_slotSize((model.classCount() * model.stationCount() + 1) / 2 * 2),
          m_arena((1 + (m_reducible ? 1 : 0) + 2 * pointCount) * m_slotSize),
          m_demand(slot(0), m_stations, m_classes), m_queueMask(Eigen::ArrayXd::Zero(m_stations)),
          m_think(Eigen::ArrayXd::Zero(m_classes)),
          m_newton(m_demand, m_queueMask, m_think, newtonWorkspace())
    {
        m_demand = model.demands.transpose().array();
        for (Index c = 0; c < m_classes; ++c)
            m_think(c) = model.thinkTime[static_cast<std::size_t>(c)];
        const bool anyLoadDependent = hasLoadDependent(model);
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
        // The arrival table is kept only for the load-dependent residences.
        if (anyLoadDependent)
            m_arrival = Table::Zero(m_stations, m_classes);
    }

    Index classes() const { return m_classes; }
    /// Only single-server queues and delays: Newton on the throughputs applies.
    bool reducible() const { return m_reducible; }
    Index stations() const { return m_stations; }

    /// A point at population n, started from the no-contention guess Q = n D / (Z + sum D).
    /// At most pointCount (constructor) points per Core.
    PopulationPoint makePoint(const Eigen::ArrayXd &n)
    {
        assert(m_pointsMade < m_pointCount);
        const Index first = 1 + (m_reducible ? 1 : 0) + 2 * m_pointsMade;
        ++m_pointsMade;
        PopulationPoint p(slot(first), slot(first + 1), m_stations, m_classes);
        p.population = n;
        p.total = static_cast<std::int64_t>(std::llround(n.sum()));
        p.throughput = Eigen::ArrayXd::Zero(m_classes);
        // Every queue column is written (the arena is not zeroed). Residences: an inactive class
        // (n_c = 0) keeps its demand; the others are written by Newton or by every plain iteration
        // before they are read.
        for (Index c = 0; c < m_classes; ++c) {
            const double cycle = m_think(c) + m_demand.col(c).sum();
            if (n(c) > 0.0 && cycle > 0.0)
                p.queue.col(c) = m_demand.col(c) * (n(c) / cycle);
            else
                p.queue.col(c).setZero();
            if (n(c) <= 0.0)
                p.residence.col(c) = m_demand.col(c);
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
            newtonSteps =
                m_newton.solve(p.population, correction, budget - 1, p.throughput, p.residence, p.queue).steps;
        const Eigen::ArrayXd &n = p.population;
        const bool keepArrival = !m_loadDependent.empty();
        for (int it = 1; it <= budget - newtonSteps; ++it) {
            m_queueTotal = p.queue.rowwise().sum();
            for (Index c = 0; c < m_classes; ++c) {
                if (n(c) <= 0.0) {
                    if (keepArrival)
                        m_arrival.col(c).setZero(); // read (times n_c = 0) by loadDependentResidences
                    continue;
                }
                // Queue seen on arrival, Q_k(n - e_c) ~ Q_k(n) - Q_ck(n) / n_c (Schweitzer 1979, Bard 1979).
                if (!keepArrival) {
                    // The same arithmetic in one pass, without storing the arrival table.
                    if (correction != nullptr)
                        p.residence.col(c) =
                            m_demand.col(c) *
                            (1.0 + m_queueMask * (m_queueTotal - p.queue.col(c) / n(c) + correction->col(c)).max(0.0));
                    else
                        p.residence.col(c) =
                            m_demand.col(c) * (1.0 + m_queueMask * (m_queueTotal - p.queue.col(c) / n(c)).max(0.0));
                    continue;
                }
                if (correction != nullptr)
                    m_arrival.col(c) = m_queueTotal - p.queue.col(c) / n(c) + correction->col(c);
                else
                    m_arrival.col(c) = m_queueTotal - p.queue.col(c) / n(c);
                m_arrival.col(c) = m_arrival.col(c).max(0.0);
                p.residence.col(c) = m_demand.col(c) * (1.0 + m_queueMask * m_arrival.col(c));
            }
            loadDependentResidences(p, correction == nullptr);
            // Every residence above was computed from the old queues, so the queues can now be
            // replaced in place, class by class (no second table, no swap).
            double worst = 0.0;
            for (Index c = 0; c < m_classes; ++c) {
                if (n(c) <= 0.0) {
                    p.throughput(c) = 0.0;
                    p.queue.col(c).setZero();
                    continue;
                }
                const double cycle = m_think(c) + p.residence.col(c).sum();
                p.throughput(c) = cycle > 0.0 && std::isfinite(cycle) ? n(c) / cycle : 0.0;
                const auto next = p.residence.col(c) * p.throughput(c);
                const double floor = kQueueFloor * n(c);
                const double change =
                    ((next - p.queue.col(c)).abs() / next.abs().max(floor)).maxCoeff();
                worst = std::max(worst, change);
                p.queue.col(c) = next;
            }
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
    /// Residence at load-dependent stations: R_ck = D_ck E[(J + 1) / alpha(J + 1)], J the number an
    /// arriving class-c job finds. J's law is taken from the finite-source family, with theta fitted
    /// to the arrival mean; that mean is the MVA estimate with its drop from Q_k(n) rescaled so that,
    /// for a single class, it equals the family's own mean at n - 1 (exact for think time + one
    /// load-dependent station). See docs/queueing-approximate.md.
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

    /// Start of the i-th M x C table in the arena (16-byte aligned: Eigen aligns the arena and
    /// every slot holds an even number of doubles).
    double *slot(Index i) { return m_arena.data() + i * m_slotSize; }
    /// Slot 1 for Newton (reducible networks only; empty otherwise).
    TableMap newtonWorkspace()
    {
        return m_reducible ? TableMap(slot(1), m_stations, m_classes) : TableMap(nullptr, 0, 0);
    }

    Index m_classes;
    Index m_stations;
    bool m_reducible = false;     ///< only queues and delays, finite demands: Newton applies
    Index m_pointCount;
    Index m_pointsMade = 0;
    Index m_slotSize;             ///< M x C rounded up to even
    Eigen::ArrayXd m_arena;       ///< demands, Newton's workspace (reducible only), points' tables
    TableMap m_demand;            ///< M x C
    Eigen::ArrayXd m_queueMask;   ///< 1 for single-server queues, 0 for delay / load-dependent
    Eigen::ArrayXd m_think;       ///< C
    std::vector<double> m_logFactorial;
    std::vector<Index> m_loadDependent;
    std::vector<LoadDependentFamily> m_families;
    Eigen::ArrayXd m_queueTotal;  ///< workspace: M
    Table m_arrival;              ///< workspace: queue seen on arrival, M x C (load-dependent only)
    ThroughputNewton m_newton;    ///< declared last: it refers to the members above
};

/// The model's population vector N as doubles (C).
Eigen::ArrayXd populationOf(const ClosedModel &model)
{
    Eigen::ArrayXd n(model.classCount());
    for (Index c = 0; c < model.classCount(); ++c)
        n(c) = static_cast<double>(model.population[static_cast<std::size_t>(c)]);
    return n;
}

/// The public result for point p (C x M layout), with the marginals of its load-dependent stations.
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

/// No classes or no stations: nothing to iterate.
bool isEmpty(const ClosedModel &model)
{
    return model.classCount() == 0 || model.stationCount() == 0;
}

/// The (all-zero, converged) answer for an empty model, with the right shapes.
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
    Core core(model, 1);
    PopulationPoint full = core.makePoint(populationOf(model));
    core.solve(full, nullptr, options);
    return finish(core, full, full.iterations, full.converged);
}

ClosedSolution linearizer(const ClosedModel &model, const ApproximateOptions &options)
{
    if (isEmpty(model))
        return emptySolution(model);
    Core core(model, model.classCount() + 1);
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
