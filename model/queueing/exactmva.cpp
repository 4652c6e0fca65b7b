// Exact multiclass MVA (Reiser & Lavenberg 1980) with load-dependent stations whose marginal
// probabilities are computed without the catastrophic 1 - sum subtraction. See docs/queueing-exact.md.
//
// Recursions, for population vector n and class c with n_c > 0 (e_c the unit vector of class c):
//   Queue:  R_ck(n) = D_ck (1 + Q_k(n - e_c))
//   Delay:  R_ck(n) = D_ck
//   LD:     R_ck(n) = D_ck sum_{j=1..|n|} j / alpha_k(j) p_k(j - 1 | n - e_c)
//   X_c(n) = n_c / (Z_c + sum_k R_ck(n)),  Q_k(n) = sum_c X_c(n) R_ck(n)
//   LD:     p_k(j | n) = 1 / alpha_k(j) sum_c D_ck X_c(n) p_k(j - 1 | n - e_c),  j >= 1
//           p_k(0 | n) = p_k(0 | n - e_c) X_c(n) / X_c^{-k}(n)
// where X^{-k} is the throughput of the same network without station k. The last line follows from
// p_k(0 | n) = G^{-k}(n) / G(n) and X_c(n) = G(n - e_c) / G(n); every term is positive.

#include "exactmva.h"

#include "invalidnetwork.h"
#include "scaledreal.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace iovplan::queueing {

namespace {

using Index = Eigen::Index;

/// exactMva refuses lattices larger than this (memory: about 12 bytes per population vector for the
/// level index, plus two levels of per-point state). The solver's own limit (4e6) is lower.
constexpr double kLatticeHardLimit = 1.6e7;
/// Complement networks number 2^L for L load-dependent stations.
constexpr std::size_t kMaxLoadDependent = 20;
/// Along the marginal recursion a probability can grow by at most Gamma = prod_j alpha_max / alpha(j)
/// (because sum_c D_c X_c(n) = E[alpha | n] <= alpha_max). A probability stored as zero below a
/// threshold t therefore changes no later probability by more than t x Gamma. Doubles are used while
/// DBL_MIN x Gamma <= 2^kErrorLog2; beyond (stations with hundreds of servers), ScaledReal.
constexpr double kErrorLog2 = -200.0;
/// Threshold exponent when Gamma is small: values < 2^-1000 / Gamma never reach 2^-1000.
constexpr double kFlushLog2 = -1000.0;
constexpr double kDoubleMinLog2 = -1022.0;

double rateMultiplier(const ClosedModel::StationModel &station, std::int64_t n)
{
    if (station.alpha.empty())
        return 1.0;
    const auto index = static_cast<std::size_t>(std::max<std::int64_t>(n, 1) - 1);
    return index < station.alpha.size() ? station.alpha[index] : station.alpha.back();
}

/// The population vectors 0 <= n <= N in mixed radix (point = sum_c n_c stride_c), grouped by their
/// total |n| so that MVA keeps only two levels of state at a time.
class PopulationLattice
{
public:
    explicit PopulationLattice(const std::vector<std::int64_t> &population)
        : m_population(population)
    {
        std::uint32_t stride = 1;
        std::int64_t total = 0;
        for (std::int64_t n : population) {
            m_stride.push_back(stride);
            stride *= static_cast<std::uint32_t>(n + 1);
            total += n;
        }
        m_levels.resize(static_cast<std::size_t>(total + 1));
        m_position.resize(stride);
        std::vector<std::int64_t> digits(population.size(), 0);
        std::int64_t level = 0;
        for (std::uint32_t point = 0; point < stride; ++point) {
            auto &members = m_levels[static_cast<std::size_t>(level)];
            m_position[point] = static_cast<std::uint32_t>(members.size());
            members.push_back(point);
            // Next point: increment the mixed-radix counter, keeping its digit sum.
            for (std::size_t c = 0; c < digits.size(); ++c) {
                if (digits[c] < population[c]) {
                    ++digits[c];
                    ++level;
                    break;
                }
                level -= digits[c];
                digits[c] = 0;
            }
        }
    }

    [[nodiscard]] std::size_t levelCount() const { return m_levels.size(); }
    [[nodiscard]] const std::vector<std::uint32_t> &level(std::size_t total) const { return m_levels[total]; }
    [[nodiscard]] std::uint32_t position(std::uint32_t point) const { return m_position[point]; }
    [[nodiscard]] std::uint32_t stride(std::size_t c) const { return m_stride[c]; }
    [[nodiscard]] std::int64_t component(std::uint32_t point, std::size_t c) const
    {
        return static_cast<std::int64_t>(point / m_stride[c]) % (m_population[c] + 1);
    }

private:
    std::vector<std::int64_t> m_population;
    std::vector<std::uint32_t> m_stride;
    std::vector<std::vector<std::uint32_t>> m_levels;
    std::vector<std::uint32_t> m_position;
};

/// Probability arithmetic for the two storage types: double, and ScaledReal for stations whose
/// marginals span more than the double exponent range.
struct ProbabilityOps {
    static double toDouble(double p) { return p; }
    static double toDouble(const ScaledReal &p) { return p.toDouble(); }
    static void addProduct(double &target, double factor, double p) { target += factor * p; }
    static void addProduct(ScaledReal &target, double factor, const ScaledReal &p) { target += ScaledReal(factor) * p; }
    static void scale(double &p, double factor) { p *= factor; }
    static void scale(ScaledReal &p, double factor) { p *= ScaledReal(factor); }
    static bool negligible(double p, double threshold, std::int64_t) { return p < threshold; }
    static bool negligible(const ScaledReal &p, double, std::int64_t thresholdExponent)
    {
        return p.isZero() || p.exponent() < thresholdExponent;
    }
    static bool isZero(double p) { return p == 0.0; }
    static bool isZero(const ScaledReal &p) { return p.isZero(); }
    static double atMostOne(double p) { return std::min(p, 1.0); }
    static ScaledReal atMostOne(const ScaledReal &p) { return p.exponent() > 1 ? ScaledReal(1.0) : p; }
};

/// Per-point state of one level of one (sub)network.
template<typename Probability>
struct LevelState {
    std::vector<double> queueTotal;       ///< point x single-server queue: Q_k(n)
    std::vector<double> throughput;       ///< point x class: X_c(n)
    std::vector<Probability> marginal;    ///< point x present LD station x (|n| + 1): p_k(j | n)
    /// point x present LD station: [first, end) of the non-zero marginal entries.
    std::vector<std::uint32_t> first;
    std::vector<std::uint32_t> end;
};

/// The network with a set of load-dependent stations removed (bit a of `removed`: station a of the
/// model's positive-demand LD stations). Subnetwork 0 is the model itself.
template<typename Probability>
struct SubNetwork {
    std::uint32_t removed = 0;
    std::vector<std::size_t> present; ///< indices into Plan::loadDependent
    std::vector<char> deadClass;      ///< no demand left and no think time: G(n) = 0 when n_c > 0
    LevelState<Probability> previous;
    LevelState<Probability> current;
};

/// What the recursion needs from the model, precomputed once.
struct Plan {
    std::size_t classes = 0;
    std::vector<Index> queues;        ///< single-server queues with some demand
    std::vector<double> queueDemand;  ///< class x queue: their demands, contiguous for the inner loop
    std::vector<Index> loadDependent; ///< LD stations with some demand
    std::vector<double> delayDemand;  ///< per class: sum of delay-station demands
    /// Per LD station a: j / alpha(j) and 1 / alpha(j) for j = 0..N (index 0 unused).
    std::vector<std::vector<double>> jOverAlpha;
    std::vector<std::vector<double>> inverseAlpha;
    double growthLog2 = 0.0; ///< log2 Gamma, the largest over the LD stations
};

Plan planOf(const ClosedModel &model)
{
    const auto totalPopulation = static_cast<std::size_t>(model.totalPopulation());
    Plan plan;
    plan.classes = static_cast<std::size_t>(model.classCount());
    plan.delayDemand.assign(plan.classes, 0.0);
    for (Index k = 0; k < model.stationCount(); ++k) {
        const auto &station = model.stations[static_cast<std::size_t>(k)];
        const bool visited = (model.demands.col(k).array() > 0.0).any();
        switch (station.kind) {
        case ClosedModel::Kind::Delay:
            for (std::size_t c = 0; c < plan.classes; ++c)
                plan.delayDemand[c] += model.demands(static_cast<Index>(c), k);
            break;
        case ClosedModel::Kind::Queue:
            if (visited)
                plan.queues.push_back(k);
            break;
        case ClosedModel::Kind::LoadDependent: {
            if (!visited)
                break;
            plan.loadDependent.push_back(k);
            std::vector<double> jOver(totalPopulation + 1, 0.0);
            std::vector<double> inverse(totalPopulation + 1, 0.0);
            double largest = 0.0;
            for (std::size_t j = 1; j <= totalPopulation; ++j) {
                const double alpha = rateMultiplier(station, static_cast<std::int64_t>(j));
                largest = std::max(largest, alpha);
                inverse[j] = 1.0 / alpha;
                jOver[j] = static_cast<double>(j) / alpha;
            }
            double growth = 0.0;
            for (std::size_t j = 1; j <= totalPopulation; ++j)
                growth += std::log2(largest * inverse[j]);
            plan.growthLog2 = std::max(plan.growthLog2, growth);
            plan.jOverAlpha.push_back(std::move(jOver));
            plan.inverseAlpha.push_back(std::move(inverse));
            break;
        }
        }
    }
    for (std::size_t c = 0; c < plan.classes; ++c) {
        for (Index k : plan.queues)
            plan.queueDemand.push_back(model.demands(static_cast<Index>(c), k));
    }
    return plan;
}

void checkModel(const ClosedModel &model)
{
    const auto c = static_cast<std::size_t>(model.classCount());
    if (c == 0 || model.population.size() != c || model.thinkTime.size() != c)
        throw InvalidNetwork("classes", "one population and think time per closed class is needed");
    if (model.stations.size() != static_cast<std::size_t>(model.stationCount()))
        throw InvalidNetwork("stations", "one station model per demand column is needed");
    double lattice = 1.0;
    for (std::size_t i = 0; i < c; ++i) {
        if (model.population[i] < 1)
            throw InvalidNetwork("classes[" + std::to_string(i) + "].population",
                                 "a closed class needs a population of at least 1");
        if (!(model.demands.row(static_cast<Index>(i)).sum() > 0.0) && !(model.thinkTime[i] > 0.0))
            throw InvalidNetwork("classes[" + std::to_string(i) + "].demands",
                                 "the class has no demand at any station and no think time");
        lattice *= static_cast<double>(model.population[i]) + 1.0;
    }
    if (lattice > kLatticeHardLimit)
        throw InvalidNetwork("method", "exact MVA needs " + std::to_string(static_cast<long long>(lattice)) +
                                           " population vectors, more than it can hold; use \"method\": \"approximate\"");
}

/// Exact MVA over the lattice for the model and all its complement networks at once, level by level.
template<typename Probability>
class ExactMvaRun
{
public:
    ExactMvaRun(const ClosedModel &model, const Plan &plan)
        : m_model(model), m_plan(plan), m_lattice(model.population)
    {
        const std::size_t ld = m_plan.loadDependent.size();
        // Flush thresholds (see kErrorLog2): 2^-1000 / Gamma, never below DBL_MIN for doubles.
        const double flushLog2 = kFlushLog2 - m_plan.growthLog2;
        m_flushDouble = std::exp2(std::max(flushLog2, kDoubleMinLog2));
        m_flushExponent = static_cast<std::int64_t>(std::floor(flushLog2));
        m_subnetworks.resize(std::size_t{1} << ld);
        for (std::uint32_t removed = 0; removed < m_subnetworks.size(); ++removed) {
            auto &sub = m_subnetworks[removed];
            sub.removed = removed;
            for (std::size_t i = 0; i < ld; ++i) {
                if ((removed & (1u << i)) == 0)
                    sub.present.push_back(i);
            }
            sub.deadClass.assign(m_plan.classes, 0);
            for (std::size_t c = 0; c < m_plan.classes; ++c) {
                const auto ci = static_cast<Index>(c);
                double demand = m_model.thinkTime[c] + m_plan.delayDemand[c];
                for (Index k : m_plan.queues)
                    demand += m_model.demands(ci, k);
                for (std::size_t i : sub.present)
                    demand += m_model.demands(ci, m_plan.loadDependent[i]);
                sub.deadClass[c] = demand > 0.0 ? 0 : 1;
            }
        }
    }

    ClosedSolution run()
    {
        const std::size_t classes = m_plan.classes;
        m_residence = Eigen::MatrixXd::Zero(static_cast<Index>(classes), m_model.stationCount());
        m_finalThroughput = Eigen::VectorXd::Zero(static_cast<Index>(classes));
        // Level 0: empty network, every LD station empty with probability 1.
        for (auto &sub : m_subnetworks) {
            sub.current.queueTotal.assign(m_plan.queues.size(), 0.0);
            sub.current.throughput.assign(classes, 0.0);
            sub.current.marginal.assign(sub.present.size(), Probability(1.0));
            sub.current.first.assign(sub.present.size(), 0);
            sub.current.end.assign(sub.present.size(), 1);
        }
        for (std::size_t level = 1; level < m_lattice.levelCount(); ++level) {
            // Supersets of removed stations have larger masks: complements are ready first.
            for (std::size_t s = m_subnetworks.size(); s-- > 0;) {
                auto &sub = m_subnetworks[s];
                std::swap(sub.previous, sub.current);
                solveLevel(sub, level);
            }
        }
        return solution();
    }

private:
    using Sub = SubNetwork<Probability>;

    void solveLevel(Sub &sub, std::size_t level)
    {
        const auto &points = m_lattice.level(level);
        const std::size_t classes = m_plan.classes;
        const std::size_t queues = m_plan.queues.size();
        const std::size_t present = sub.present.size();
        const std::size_t width = level + 1;     // marginal length at this level
        const std::size_t previousWidth = level; // ... and at the level below
        const bool last = sub.removed == 0 && level + 1 == m_lattice.levelCount();

        auto &cur = sub.current;
        const auto &prev = sub.previous;
        cur.queueTotal.assign(points.size() * queues, 0.0);
        cur.throughput.assign(points.size() * classes, 0.0);
        cur.marginal.assign(points.size() * present * width, Probability(0.0));
        cur.first.assign(points.size() * present, 0);
        cur.end.assign(points.size() * present, 0);

        std::vector<std::int64_t> n(classes);
        std::vector<std::uint32_t> below(classes); // position of n - e_c in the level below
        std::vector<double> queueResidence(classes * queues);
        std::vector<double> throughput(classes);

        for (std::size_t p = 0; p < points.size(); ++p) {
            const std::uint32_t point = points[p];
            bool valid = true;
            for (std::size_t c = 0; c < classes; ++c) {
                n[c] = m_lattice.component(point, c);
                if (n[c] > 0) {
                    below[c] = m_lattice.position(point - m_lattice.stride(c));
                    valid = valid && sub.deadClass[c] == 0;
                }
            }
            // A class with jobs but nowhere to spend time makes G(n) = 0; nothing reads this point.
            if (!valid)
                continue;

            // Residence times and throughputs.
            for (std::size_t c = 0; c < classes; ++c) {
                throughput[c] = 0.0;
                if (n[c] == 0)
                    continue;
                const auto ci = static_cast<Index>(c);
                double cycle = m_model.thinkTime[c] + m_plan.delayDemand[c];
                const double *queueBelow = prev.queueTotal.data() + below[c] * queues;
                const double *queueDemand = m_plan.queueDemand.data() + c * queues;
                double *residence = queueResidence.data() + c * queues;
                for (std::size_t q = 0; q < queues; ++q) {
                    residence[q] = queueDemand[q] * (1.0 + queueBelow[q]);
                    cycle += residence[q];
                }
                for (std::size_t i = 0; i < present; ++i) {
                    const std::size_t a = sub.present[i];
                    const double demand = m_model.demands(ci, m_plan.loadDependent[a]);
                    if (!(demand > 0.0))
                        continue;
                    const std::size_t slot = below[c] * present + i;
                    const Probability *marginalBelow = prev.marginal.data() + slot * previousWidth;
                    const double *jOverAlpha = m_plan.jOverAlpha[a].data();
                    double sum = 0.0;
                    for (std::size_t j = prev.first[slot]; j < prev.end[slot]; ++j)
                        sum += jOverAlpha[j + 1] * ProbabilityOps::toDouble(marginalBelow[j]);
                    const double r = demand * sum;
                    cycle += r;
                    if (last)
                        m_residence(ci, m_plan.loadDependent[a]) = r;
                }
                throughput[c] = cycle > 0.0 ? static_cast<double>(n[c]) / cycle : 0.0;
                cur.throughput[p * classes + c] = throughput[c];
            }

            // Queue lengths of the single-server queues.
            double *queueHere = cur.queueTotal.data() + p * queues;
            for (std::size_t c = 0; c < classes; ++c) {
                if (n[c] == 0)
                    continue;
                const double *residence = queueResidence.data() + c * queues;
                for (std::size_t q = 0; q < queues; ++q)
                    queueHere[q] += throughput[c] * residence[q];
            }

            for (std::size_t i = 0; i < present; ++i)
                updateMarginal(sub, i, p, n, below, throughput, level);

            if (last) {
                for (std::size_t c = 0; c < classes; ++c) {
                    const auto ci = static_cast<Index>(c);
                    m_finalThroughput[ci] = throughput[c];
                    for (std::size_t q = 0; q < queues; ++q)
                        m_residence(ci, m_plan.queues[q]) = queueResidence[c * queues + q];
                }
            }
        }
    }

    // p_k(j | n) = 1 / alpha_k(j) sum_c D_ck X_c(n) p_k(j - 1 | n - e_c) for j >= 1, then p_k(0 | n);
    // entries below the flush threshold are stored as zero and the non-zero range is trimmed.
    void updateMarginal(Sub &sub, std::size_t i, std::size_t p, const std::vector<std::int64_t> &n,
                        const std::vector<std::uint32_t> &below, const std::vector<double> &throughput,
                        std::size_t level)
    {
        auto &cur = sub.current;
        const auto &prev = sub.previous;
        const std::size_t present = sub.present.size();
        const std::size_t a = sub.present[i];
        const Index k = m_plan.loadDependent[a];
        const std::size_t here = p * present + i;
        Probability *marginal = cur.marginal.data() + here * (level + 1);
        std::size_t first = level + 1;
        std::size_t end = 1;
        for (std::size_t c = 0; c < m_plan.classes; ++c) {
            const double flow = n[c] > 0 ? m_model.demands(static_cast<Index>(c), k) * throughput[c] : 0.0;
            if (!(flow > 0.0))
                continue;
            const std::size_t slot = below[c] * present + i;
            const Probability *marginalBelow = prev.marginal.data() + slot * level;
            for (std::size_t j = prev.first[slot]; j < prev.end[slot]; ++j)
                ProbabilityOps::addProduct(marginal[j + 1], flow, marginalBelow[j]);
            first = std::min<std::size_t>(first, prev.first[slot] + 1);
            end = std::max<std::size_t>(end, prev.end[slot] + 1);
        }
        const double *inverseAlpha = m_plan.inverseAlpha[a].data();
        for (std::size_t j = first; j < end; ++j) {
            ProbabilityOps::scale(marginal[j], inverseAlpha[j]);
            if (ProbabilityOps::negligible(marginal[j], m_flushDouble, m_flushExponent))
                marginal[j] = Probability(0.0);
        }
        while (first < end && ProbabilityOps::isZero(marginal[first]))
            ++first;
        while (end > first && ProbabilityOps::isZero(marginal[end - 1]))
            --end;
        marginal[0] = emptyProbability(sub, i, p, n, below, throughput, level);
        if (!ProbabilityOps::isZero(marginal[0])) {
            first = 0;
            end = std::max<std::size_t>(end, 1);
        }
        if (first >= end) // cannot happen for a distribution; keep a valid empty range
            first = end = 0;
        cur.first[here] = static_cast<std::uint32_t>(first);
        cur.end[here] = static_cast<std::uint32_t>(end);
    }

    // p_k(0 | n) = p_k(0 | n - e_c) X_c(n) / X_c^{-k}(n) for a class c with n_c > 0; zero when a
    // class with jobs could spend no time anywhere without station k (it can never leave k then).
    Probability emptyProbability(const Sub &sub, std::size_t i, std::size_t p, const std::vector<std::int64_t> &n,
                                 const std::vector<std::uint32_t> &below, const std::vector<double> &throughput,
                                 std::size_t level) const
    {
        const std::size_t a = sub.present[i];
        const Sub &complement = m_subnetworks[sub.removed | (1u << a)];
        const std::size_t classes = m_plan.classes;
        std::size_t chosen = classes;
        for (std::size_t c = 0; c < classes; ++c) {
            if (n[c] == 0)
                continue;
            if (complement.deadClass[c] != 0)
                return Probability(0.0);
            // Any class gives the same value; take the one with the most jobs.
            if (chosen == classes || n[c] > n[chosen])
                chosen = c;
        }
        if (chosen == classes)
            return Probability(1.0);
        const std::size_t slot = below[chosen] * sub.present.size() + i;
        if (sub.previous.first[slot] != 0)
            return Probability(0.0); // p_k(0 | n - e_c) was flushed
        const double complementThroughput = complement.current.throughput[p * classes + chosen];
        if (!(complementThroughput > 0.0))
            return Probability(0.0);
        Probability value = sub.previous.marginal[slot * level];
        ProbabilityOps::scale(value, throughput[chosen] / complementThroughput);
        if (ProbabilityOps::negligible(value, m_flushDouble, m_flushExponent))
            return Probability(0.0);
        return ProbabilityOps::atMostOne(value);
    }

    ClosedSolution solution() const
    {
        const std::size_t classes = m_plan.classes;
        const Index m = m_model.stationCount();
        ClosedSolution result;
        result.throughput = m_finalThroughput;
        result.residence = m_residence;
        for (Index k = 0; k < m; ++k) {
            if (m_model.stations[static_cast<std::size_t>(k)].kind == ClosedModel::Kind::Delay) {
                for (std::size_t c = 0; c < classes; ++c)
                    result.residence(static_cast<Index>(c), k) = m_model.demands(static_cast<Index>(c), k);
            }
        }
        result.queueLength = result.residence.array().colwise() * result.throughput.array();

        const auto total = static_cast<std::size_t>(m_model.totalPopulation());
        result.marginal.assign(static_cast<std::size_t>(m), {});
        for (Index k = 0; k < m; ++k) {
            if (m_model.stations[static_cast<std::size_t>(k)].kind != ClosedModel::Kind::LoadDependent)
                continue;
            std::vector<double> marginal{1.0}; // never visited: always empty
            marginal.resize(total + 1, 0.0);
            result.marginal[static_cast<std::size_t>(k)] = std::move(marginal);
        }
        const auto &full = m_subnetworks.front();
        for (std::size_t i = 0; i < full.present.size(); ++i) {
            const Index k = m_plan.loadDependent[full.present[i]];
            auto &marginal = result.marginal[static_cast<std::size_t>(k)];
            for (std::size_t j = 0; j <= total; ++j)
                marginal[j] = ProbabilityOps::toDouble(full.current.marginal[i * (total + 1) + j]);
        }
        return result;
    }

    const ClosedModel &m_model;
    const Plan &m_plan;
    PopulationLattice m_lattice;
    std::vector<Sub> m_subnetworks;
    double m_flushDouble = 0.0;
    std::int64_t m_flushExponent = 0;
    Eigen::MatrixXd m_residence;
    Eigen::VectorXd m_finalThroughput;
};

/// True when the model is one class over delays and single-server queues only: then the lattice is
/// the line n = 1..N and the recursion needs no per-point bookkeeping (singleClassQueueMva).
bool isSingleClassWithoutLoadDependence(const ClosedModel &model)
{
    if (model.classCount() != 1)
        return false;
    return std::none_of(model.stations.begin(), model.stations.end(), [](const ClosedModel::StationModel &s) {
        return s.kind == ClosedModel::Kind::LoadDependent;
    });
}

/// Exact MVA for one class over delays and single-server queues (Reiser & Lavenberg 1980):
///   R_k(n) = D_k (1 + Q_k(n - 1)),  X(n) = n / (Z + D_delay + sum_k R_k(n)),  Q_k(n) = X(n) R_k(n).
/// Same arithmetic per station as ExactMvaRun; only the order of the sum over stations differs
/// (kLanes partial sums, so that the compiler can vectorise it), i.e. results agree to round-off.
ClosedSolution singleClassQueueMva(const ClosedModel &model)
{
    // Partial sums per pass: a multiple of the SIMD width (2 doubles for SSE2, 4 for AVX) so the
    // loop below maps onto vector registers without reassociating any floating-point sum.
    constexpr std::size_t kLanes = 8;
    const Index m = model.stationCount();
    double fixedTime = model.thinkTime[0]; // think time and every delay demand: constant in n
    std::vector<Index> queues;             // single-server queues with some demand
    std::vector<double> demand;
    for (Index k = 0; k < m; ++k) {
        const double d = model.demands(0, k);
        if (model.stations[static_cast<std::size_t>(k)].kind == ClosedModel::Kind::Delay) {
            fixedTime += d;
        } else if (d > 0.0) {
            queues.push_back(k);
            demand.push_back(d);
        }
    }
    // Padding lanes have zero demand: their residence stays 0 and adds nothing to the cycle time.
    const std::size_t padded = (queues.size() + kLanes - 1) / kLanes * kLanes;
    demand.resize(padded, 0.0);
    // residence[k] holds R_k(n) after pass n. Pass n computes Q_k(n - 1) = X(n - 1) R_k(n - 1) on the
    // fly (X(0) = 0, so pass 1 gives R_k(1) = D_k), which fuses the two loops of the textbook form.
    std::vector<double> residence(padded, 0.0);
    // Distinct vectors; saying so lets -O2 vectorise without a runtime overlap check.
    const double *__restrict d = demand.data();
    double *__restrict r = residence.data();
    double x = 0.0;
    const std::int64_t population = model.population[0];
    for (std::int64_t n = 1; n <= population; ++n) {
        double lane[kLanes] = {};
        for (std::size_t block = 0; block < padded; block += kLanes) {
            // Unrolled, the partial sums live in registers at -O2 as well, not in memory.
#pragma GCC unroll 8
            for (std::size_t j = 0; j < kLanes; ++j) {
                const double value = d[block + j] * (1.0 + x * r[block + j]);
                r[block + j] = value;
                lane[j] += value;
            }
        }
        double queueTime = 0.0;
        for (std::size_t j = 0; j < kLanes; ++j)
            queueTime += lane[j];
        const double cycle = fixedTime + queueTime;
        x = cycle > 0.0 ? static_cast<double>(n) / cycle : 0.0;
    }

    ClosedSolution result;
    result.throughput = Eigen::VectorXd::Constant(1, x);
    result.residence = Eigen::MatrixXd::Zero(1, m);
    for (Index k = 0; k < m; ++k) {
        if (model.stations[static_cast<std::size_t>(k)].kind == ClosedModel::Kind::Delay)
            result.residence(0, k) = model.demands(0, k);
    }
    for (std::size_t q = 0; q < queues.size(); ++q)
        result.residence(0, queues[q]) = residence[q];
    result.queueLength = result.residence.array().colwise() * result.throughput.array();
    result.marginal.assign(static_cast<std::size_t>(m), {}); // no load-dependent station
    return result;
}

} // namespace

ClosedSolution exactMva(const ClosedModel &model)
{
    checkModel(model);
    if (isSingleClassWithoutLoadDependence(model))
        return singleClassQueueMva(model);
    const Plan plan = planOf(model);
    if (plan.loadDependent.size() > kMaxLoadDependent)
        throw InvalidNetwork("method", "exact MVA handles at most " + std::to_string(kMaxLoadDependent) +
                                           " load-dependent or multi-server stations; use \"method\": \"approximate\"");
    if (plan.growthLog2 + kDoubleMinLog2 <= kErrorLog2)
        return ExactMvaRun<double>(model, plan).run();
    return ExactMvaRun<ScaledReal>(model, plan).run();
}

} // namespace iovplan::queueing
