#include "mixednetwork.h"

#include "invalidnetwork.h"
#include "openproductform.h"

#include <algorithm>
#include <cmath>
#include <string>

// Mixed product-form networks: the closed classes see the open load through inflated demands
// (single-server queues) or effective rate tables (multi-server, load-dependent); the open classes
// are then completed from the closed marginals. Derivation and numerical notes: docs/queueing-open-mixed.md.

namespace iovplan::queueing {

namespace {

/// Terms of the sum over open jobs are dropped once their bound on the rest falls below this
/// fraction of the running sum.
constexpr double kRelativeTail = 1e-17;
/// Scaled arithmetic: the running sum is rescaled by this factor before it can overflow.
constexpr double kRescale = 1e200;

bool isLoadDependent(const Station &station)
{
    return station.kind == StationKind::LoadDependent ||
        (station.kind == StationKind::Queue && station.servers > 1);
}

std::vector<std::size_t> closedClasses(const Network &network)
{
    std::vector<std::size_t> indices;
    for (std::size_t c = 0; c < network.classCount(); ++c) {
        if (network.classes[c].kind == ClassKind::Closed)
            indices.push_back(c);
    }
    return indices;
}

double openLoadAt(const OpenSolution *open, std::size_t k)
{
    if (open == nullptr || open->load.size() == 0)
        return 0.0;
    return open->load[static_cast<Eigen::Index>(k)];
}

[[noreturn]] void throwSaturated(const Network &network, std::size_t k)
{
    throw InvalidNetwork("classes", "the open classes saturate station '" + network.stations[k].name +
                                        "': no steady state for the closed classes");
}

} // namespace

OpenLoadEffect openLoadEffect(const Station &station, double openLoad, std::int64_t maxClosed)
{
    OpenLoadEffect effect;
    const auto count = static_cast<std::size_t>(std::max<std::int64_t>(maxClosed, 0));
    effect.effectiveAlpha.resize(count);
    effect.openMean.assign(count + 1, 0.0);
    if (!(openLoad > 0.0)) {
        for (std::size_t n = 1; n <= count; ++n)
            effect.effectiveAlpha[n - 1] = station.rateMultiplier(static_cast<std::int64_t>(n));
        return effect;
    }
    const std::int64_t constantFrom = constantRateFrom(station);
    double logProduct = 0.0; // log prod_{i<=n} alpha(i)
    double previousLogG = 0.0;
    for (std::size_t n = 0; n <= count; ++n) {
        const auto ni = static_cast<std::int64_t>(n);
        if (n > 0)
            logProduct += std::log(station.rateMultiplier(ni));
        // Scaled frame: t(n, 0) = 1; t(n, m+1) = t(n, m) (n+m+1)/(m+1) rho / alpha(n+m+1).
        double t = 1.0;
        double sum = 1.0;     // sum_m t(n, m)
        double weighted = 0.0; // sum_m m t(n, m)
        double logScale = 0.0;
        for (std::int64_t m = 0;; ++m) {
            const std::int64_t total = ni + m + 1;
            const double ratio = static_cast<double>(total) / static_cast<double>(m + 1) * openLoad /
                station.rateMultiplier(total);
            t *= ratio;
            sum += t;
            weighted += static_cast<double>(m + 1) * t;
            if (t > kRescale) {
                t /= kRescale;
                sum /= kRescale;
                weighted /= kRescale;
                logScale += std::log(kRescale);
            }
            // Beyond the rate list the ratios decrease in m towards rho / alpha(L) < 1: once the next
            // ratio is below 1 the remaining terms are bounded by a geometric series.
            if (total >= constantFrom) {
                const double next = static_cast<double>(total + 1) / static_cast<double>(m + 2) * openLoad /
                    station.rateMultiplier(total + 1);
                if (next < 1.0) {
                    const double rest = t * next / (1.0 - next);
                    const double restWeighted =
                        t * (static_cast<double>(m + 1) * next / (1.0 - next) + next / ((1.0 - next) * (1.0 - next)));
                    if (rest <= kRelativeTail * sum && restWeighted <= kRelativeTail * std::max(weighted, 1e-300))
                        break;
                }
            }
        }
        const double logG = logScale + std::log(sum) - logProduct;
        effect.openMean[n] = weighted / sum;
        if (n > 0)
            effect.effectiveAlpha[n - 1] = std::exp(previousLogG - logG);
        previousLogG = logG;
    }
    return effect;
}

ClosedModel closedModelOf(const Network &network, const OpenSolution *openLoad)
{
    const auto closed = closedClasses(network);
    const std::size_t m = network.stationCount();
    ClosedModel model;
    model.demands = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(closed.size()), static_cast<Eigen::Index>(m));
    for (std::size_t i = 0; i < closed.size(); ++i) {
        const JobClass &j = network.classes[closed[i]];
        model.population.push_back(j.population);
        model.thinkTime.push_back(j.thinkTime);
        for (std::size_t k = 0; k < m; ++k)
            model.demands(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(k)) = j.demand(k);
    }
    const std::int64_t total = model.totalPopulation();
    model.stations.resize(m);
    for (std::size_t k = 0; k < m; ++k) {
        const Station &station = network.stations[k];
        ClosedModel::StationModel &sm = model.stations[k];
        const double rho = openLoadAt(openLoad, k);
        if (station.kind == StationKind::Delay) {
            sm.kind = ClosedModel::Kind::Delay;
            continue;
        }
        if (!(rho < station.capacityMultiplier()))
            throwSaturated(network, k);
        if (!isLoadDependent(station)) {
            sm.kind = ClosedModel::Kind::Queue;
            if (rho > 0.0)
                model.demands.col(static_cast<Eigen::Index>(k)) /= (1.0 - rho);
            continue;
        }
        sm.kind = ClosedModel::Kind::LoadDependent;
        sm.alpha = openLoadEffect(station, rho, total).effectiveAlpha;
    }
    return model;
}

MixedMetrics completeMixed(const Network &network, const OpenSolution &open, const ClosedModel &closedModel,
                           const ClosedSolution &closed)
{
    const auto closedIndices = closedClasses(network);
    const std::size_t m = network.stationCount();
    const auto em = static_cast<Eigen::Index>(m);
    const auto ec = static_cast<Eigen::Index>(network.classCount());
    MixedMetrics metrics;
    metrics.residence = Eigen::MatrixXd::Zero(ec, em);
    metrics.queueLength = Eigen::MatrixXd::Zero(ec, em);
    for (std::size_t i = 0; i < closedIndices.size(); ++i) {
        const auto row = static_cast<Eigen::Index>(closedIndices[i]);
        metrics.residence.row(row) = closed.residence.row(static_cast<Eigen::Index>(i));
        metrics.queueLength.row(row) = closed.queueLength.row(static_cast<Eigen::Index>(i));
    }
    const std::int64_t total = closedModel.totalPopulation();
    for (std::size_t k = 0; k < m; ++k) {
        const Station &station = network.stations[k];
        const auto ek = static_cast<Eigen::Index>(k);
        const double rho = openLoadAt(&open, k);
        const double closedJobs = closed.queueLength.rows() > 0 ? closed.queueLength.col(ek).sum() : 0.0;
        // residence_ck = D_ck * stretch for every open class c at this station.
        double stretch = 1.0;
        if (station.kind == StationKind::Delay) {
            stretch = 1.0;
        } else if (!(rho < station.capacityMultiplier())) {
            throwSaturated(network, k);
        } else if (!isLoadDependent(station)) {
            stretch = (1.0 + closedJobs) / (1.0 - rho); // R = D (1 + Q_closed) / (1 - U_open)
        } else if (rho > 0.0) {
            const OpenLoadEffect effect = openLoadEffect(station, rho, total);
            const std::vector<double> *marginal =
                k < closed.marginal.size() && !closed.marginal[k].empty() ? &closed.marginal[k] : nullptr;
            double openJobs = 0.0;
            if (marginal != nullptr) {
                for (std::size_t n = 0; n < marginal->size() && n < effect.openMean.size(); ++n)
                    openJobs += (*marginal)[n] * effect.openMean[n];
            } else {
                // No marginal from the closed solver: interpolate E[m | n] at the mean closed count.
                const double x = std::clamp(closedJobs, 0.0, static_cast<double>(total));
                const auto lo = static_cast<std::size_t>(std::floor(x));
                const std::size_t hi = std::min(lo + 1, effect.openMean.size() - 1);
                const double w = x - static_cast<double>(lo);
                openJobs = (1.0 - w) * effect.openMean[lo] + w * effect.openMean[hi];
            }
            stretch = openJobs / rho;
        } else {
            stretch = 1.0 / station.rateMultiplier(1);
        }
        for (std::size_t c = 0; c < network.classCount(); ++c) {
            const JobClass &j = network.classes[c];
            if (j.kind != ClassKind::Open)
                continue;
            const double r = j.demand(k) * stretch;
            metrics.residence(static_cast<Eigen::Index>(c), ek) = r;
            metrics.queueLength(static_cast<Eigen::Index>(c), ek) = j.arrivalRate * r;
        }
    }
    return metrics;
}

} // namespace iovplan::queueing
