// Buzen's convolution (Buzen 1973; Bolch et al. 1998, sec. 8.1) for one closed class in scaled
// arithmetic. Normalising constants are kept as ScaledReal, so G(N) of any magnitude is exact to
// double precision; every quantity reported is a ratio of them and is therefore moderate.

#include "convolution.h"

#include "invalidnetwork.h"

#include <algorithm>
#include <cstddef>
#include <limits>
#include <string>

namespace iovplan::queueing {

namespace {

using Constants = std::vector<ScaledReal>;

// alpha(n), n >= 1, with the table's last value holding beyond its end.
double rateMultiplier(const ClosedModel::StationModel &station, std::int64_t n)
{
    if (station.alpha.empty())
        return 1.0;
    const auto index = static_cast<std::size_t>(std::max<std::int64_t>(n, 1) - 1);
    return index < station.alpha.size() ? station.alpha[index] : station.alpha.back();
}

// The single-class model checked and reduced to what the convolution needs.
struct SingleClass {
    std::int64_t population = 0;
    double delayDemand = 0.0; ///< think time plus all delay stations: IS factors merge in one class
};

SingleClass checkedSingleClass(const ClosedModel &model)
{
    if (model.classCount() != 1 || model.population.size() != 1 || model.thinkTime.size() != 1)
        throw InvalidNetwork("method", "convolution solves networks with exactly one closed class");
    if (static_cast<std::size_t>(model.stationCount()) != model.stations.size())
        throw InvalidNetwork("stations", "one station model per demand column is needed");
    SingleClass single;
    single.population = model.population[0];
    if (single.population < 1)
        throw InvalidNetwork("classes[0].population", "a closed class needs a population of at least 1");
    single.delayDemand = model.thinkTime[0];
    double total = model.thinkTime[0];
    for (Eigen::Index k = 0; k < model.stationCount(); ++k) {
        total += model.demands(0, k);
        if (model.stations[static_cast<std::size_t>(k)].kind == ClosedModel::Kind::Delay)
            single.delayDemand += model.demands(0, k);
    }
    if (!(total > 0.0))
        throw InvalidNetwork("classes[0].demands", "the class has no demand at any station and no think time");
    return single;
}

// f(j) = D^j / (alpha(1) ... alpha(j)), j = 0..N: the product-form factor of one station.
Constants stationFactors(const ClosedModel::StationModel &station, double demand, std::int64_t population)
{
    Constants factors;
    factors.reserve(static_cast<std::size_t>(population + 1));
    ScaledReal factor(1.0);
    factors.push_back(factor);
    for (std::int64_t j = 1; j <= population; ++j) {
        const double alpha = station.kind == ClosedModel::Kind::Delay ? static_cast<double>(j)
                                                                       : rateMultiplier(station, j);
        factor *= ScaledReal(demand / alpha);
        factors.push_back(factor);
    }
    return factors;
}

// Delay factor D^j / j!, the start of every convolution (convolving the unit vector with it).
Constants delayFactors(double demand, std::int64_t population)
{
    ClosedModel::StationModel delay;
    delay.kind = ClosedModel::Kind::Delay;
    return stationFactors(delay, demand, population);
}

// In place: g(n) <- g(n) + D g(n - 1) for increasing n, i.e. g convolved with D^j (Buzen's recursion).
void addSingleServer(Constants &g, double demand)
{
    if (!(demand > 0.0))
        return;
    const ScaledReal d(demand);
    for (std::size_t n = 1; n < g.size(); ++n)
        g[n] += d * g[n - 1];
}

// (a * b)(n) = sum_j a(j) b(n - j), n = 0..size-1. Each sum is accumulated in double relative to its
// largest term's binary exponent: one frexp per output rather than per term.
Constants convolve(const Constants &a, const Constants &b)
{
    const std::size_t size = std::min(a.size(), b.size());
    Constants result(size);
    constexpr std::int64_t lowest = std::numeric_limits<std::int64_t>::min();
    // Terms 2^-1100 below the largest vanish even from a 53-bit sum of up to 2^40 terms.
    constexpr std::int64_t negligible = -1100;
    for (std::size_t n = 0; n < size; ++n) {
        std::int64_t top = lowest;
        for (std::size_t j = 0; j <= n; ++j) {
            if (!a[j].isZero() && !b[n - j].isZero())
                top = std::max(top, a[j].exponent() + b[n - j].exponent());
        }
        if (top == lowest)
            continue;
        double sum = 0.0;
        for (std::size_t j = 0; j <= n; ++j) {
            if (a[j].isZero() || b[n - j].isZero())
                continue;
            const std::int64_t gap = a[j].exponent() + b[n - j].exponent() - top;
            if (gap >= negligible)
                sum += std::ldexp(a[j].mantissa() * b[n - j].mantissa(), static_cast<int>(gap));
        }
        result[n] = ScaledReal::fromParts(sum, top);
    }
    return result;
}

// The constants of everything except the load-dependent stations: delay factors, then Buzen's
// recursion once per single-server queue.
Constants baseConstants(const ClosedModel &model, const SingleClass &single)
{
    Constants g = delayFactors(single.delayDemand, single.population);
    for (Eigen::Index k = 0; k < model.stationCount(); ++k) {
        if (model.stations[static_cast<std::size_t>(k)].kind == ClosedModel::Kind::Queue)
            addSingleServer(g, model.demands(0, k));
    }
    return g;
}

std::vector<std::size_t> loadDependentStations(const ClosedModel &model)
{
    std::vector<std::size_t> stations;
    for (std::size_t k = 0; k < model.stations.size(); ++k) {
        if (model.stations[k].kind == ClosedModel::Kind::LoadDependent && model.demands(0, static_cast<Eigen::Index>(k)) > 0.0)
            stations.push_back(k);
    }
    return stations;
}

} // namespace

std::vector<ScaledReal> normalisingConstants(const ClosedModel &model)
{
    const SingleClass single = checkedSingleClass(model);
    Constants g = baseConstants(model, single);
    for (std::size_t k : loadDependentStations(model))
        g = convolve(g, stationFactors(model.stations[k], model.demands(0, static_cast<Eigen::Index>(k)), single.population));
    return g;
}

std::vector<double> convolutionNormalisingConstants(const ClosedModel &model)
{
    const Constants g = normalisingConstants(model);
    std::vector<double> values;
    values.reserve(g.size());
    for (const ScaledReal &value : g) {
        if (!value.fitsInDouble())
            return {};
        values.push_back(value.toDouble());
    }
    return values;
}

ClosedSolution convolution(const ClosedModel &model)
{
    const SingleClass single = checkedSingleClass(model);
    const std::int64_t population = single.population;
    const auto size = static_cast<std::size_t>(population + 1);
    const Eigen::Index m = model.stationCount();
    const std::vector<std::size_t> loadDependent = loadDependentStations(model);

    // prefix[i]: base convolved with the first i load-dependent stations; prefix.back() is G.
    std::vector<Constants> factors;
    std::vector<Constants> prefix{baseConstants(model, single)};
    for (std::size_t k : loadDependent) {
        factors.push_back(stationFactors(model.stations[k], model.demands(0, static_cast<Eigen::Index>(k)), population));
        prefix.push_back(convolve(prefix.back(), factors.back()));
    }
    const Constants &g = prefix.back();

    // X(n) = G(n-1) / G(n); G(n) > 0 for every n because the class has some demand or think time.
    std::vector<double> throughput{0.0};
    throughput.reserve(size);
    for (std::size_t n = 1; n < size; ++n)
        throughput.push_back(ratio(g[n - 1], g[n]));
    const double x = ratio(g[size - 2], g[size - 1]);

    ClosedSolution solution;
    solution.throughput = Eigen::VectorXd::Constant(1, x);
    solution.residence = Eigen::MatrixXd::Zero(1, m);
    solution.queueLength = Eigen::MatrixXd::Zero(1, m);
    solution.marginal.assign(static_cast<std::size_t>(m), {});

    for (Eigen::Index k = 0; k < m; ++k) {
        const auto &station = model.stations[static_cast<std::size_t>(k)];
        const double demand = model.demands(0, k);
        switch (station.kind) {
        case ClosedModel::Kind::Delay:
            solution.residence(0, k) = demand;
            solution.queueLength(0, k) = x * demand;
            break;
        case ClosedModel::Kind::Queue: {
            // Q(n) = D X(n) (1 + Q(n-1)): positive terms only, equal to sum_j D^j G(N-j) / G(N).
            double previous = 0.0;
            for (std::size_t n = 1; n + 1 < size; ++n)
                previous = demand * throughput[n] * (1.0 + previous);
            solution.residence(0, k) = demand * (1.0 + previous);
            solution.queueLength(0, k) = x * solution.residence(0, k);
            break;
        }
        case ClosedModel::Kind::LoadDependent: {
            // Unvisited: always empty (size = N + 1 >= 2; the guard keeps GCC's -O3 null check quiet).
            std::vector<double> marginal(size, 0.0);
            if (!marginal.empty())
                marginal.front() = 1.0;
            solution.marginal[static_cast<std::size_t>(k)] = std::move(marginal);
            break;
        }
        }
    }

    // Load-dependent marginals p_k(j) = f_k(j) G^{-k}(N - j) / G(N), with the complement constants
    // G^{-k} = prefix[i] * (the stations after i): no deconvolution, which would cancel.
    Constants suffix; // the load-dependent stations after i, convolved; empty = unit vector
    for (std::size_t i = loadDependent.size(); i-- > 0;) {
        const Constants complement = suffix.empty() ? prefix[i] : convolve(prefix[i], suffix);
        const std::size_t k = loadDependent[i];
        std::vector<double> marginal(size, 0.0);
        double mean = 0.0;
        for (std::size_t j = 0; j < size; ++j) {
            marginal[j] = ratio(factors[i][j] * complement[size - 1 - j], g[size - 1]);
            mean += static_cast<double>(j) * marginal[j];
        }
        const auto ki = static_cast<Eigen::Index>(k);
        solution.queueLength(0, ki) = mean;
        solution.residence(0, ki) = x > 0.0 ? mean / x : 0.0;
        solution.marginal[k] = std::move(marginal);
        suffix = suffix.empty() ? factors[i] : convolve(suffix, factors[i]);
    }
    return solution;
}

} // namespace iovplan::queueing
