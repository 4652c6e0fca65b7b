#include "solver.h"

#include "approximatemva.h"
#include "bounds.h"
#include "closedmodel.h"
#include "convolution.h"
#include "exactmva.h"
#include "invalidnetwork.h"
#include "mixednetwork.h"
#include "openproductform.h"
#include "percentiles.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <string>

namespace iovplan::queueing {

namespace {

std::string stationField(std::size_t k, const char *key)
{
    return "stations[" + std::to_string(k) + "]." + key;
}

std::string classField(std::size_t c, const char *key)
{
    return "classes[" + std::to_string(c) + "]." + key;
}

bool isFinitePositive(double x)
{
    return std::isfinite(x) && x > 0.0;
}

bool isFiniteNonNegative(double x)
{
    return std::isfinite(x) && x >= 0.0;
}

std::size_t loadDependentCount(const Network &network)
{
    return static_cast<std::size_t>(std::count_if(network.stations.begin(), network.stations.end(), [](const Station &s) {
        return s.kind == StationKind::LoadDependent || (s.kind == StationKind::Queue && s.servers > 1);
    }));
}

// Index of the closed classes within the network's class list.
std::vector<std::size_t> closedClassIndices(const Network &network)
{
    std::vector<std::size_t> indices;
    for (std::size_t c = 0; c < network.classCount(); ++c) {
        if (network.classes[c].kind == ClassKind::Closed)
            indices.push_back(c);
    }
    return indices;
}

bool isExactAlgorithm(Algorithm a)
{
    return a == Algorithm::OpenProductForm || a == Algorithm::ExactMva || a == Algorithm::Convolution;
}

Algorithm chooseClosedAlgorithm(const Network &network, const SolveOptions &options)
{
    const double lattice = latticeSize(network);
    const auto tooLarge = [&](const char *asked) {
        return InvalidNetwork("method", std::string(asked) + " needs " + std::to_string(static_cast<long long>(lattice)) +
                                            " population vectors, more than the limit of " +
                                            std::to_string(static_cast<long long>(options.exactLatticeLimit)) +
                                            "; use \"method\": \"approximate\"");
    };
    switch (options.method) {
    case MethodRequest::Auto:
        if (lattice <= options.exactLatticeLimit && exactWorkEstimate(network) <= options.autoExactWorkLimit)
            return Algorithm::ExactMva;
        return Algorithm::Linearizer;
    case MethodRequest::Exact:
    case MethodRequest::Mva:
        if (lattice > options.exactLatticeLimit)
            throw tooLarge("an exact solution");
        return Algorithm::ExactMva;
    case MethodRequest::Convolution:
        if (closedClassIndices(network).size() != 1)
            throw InvalidNetwork("method", "convolution solves networks with exactly one closed class");
        return Algorithm::Convolution;
    case MethodRequest::Approximate:
    case MethodRequest::Linearizer:
        return Algorithm::Linearizer;
    case MethodRequest::BardSchweitzer:
        return Algorithm::BardSchweitzer;
    }
    return Algorithm::Linearizer;
}

ClosedSolution solveClosed(Algorithm algorithm, const ClosedModel &model, const SolveOptions &options)
{
    const ApproximateOptions approximate{options.tolerance, options.maxIterations};
    switch (algorithm) {
    case Algorithm::Convolution:
        return convolution(model);
    case Algorithm::BardSchweitzer:
        return bardSchweitzer(model, approximate);
    case Algorithm::Linearizer:
        return linearizer(model, approximate);
    case Algorithm::ExactMva:
    case Algorithm::OpenProductForm:
        break;
    }
    return exactMva(model);
}

// Station load relative to its capacity; delay stations never limit throughput.
double relativeLoad(const Station &station, double load)
{
    return station.kind == StationKind::Delay ? 0.0 : load / station.capacityMultiplier();
}

} // namespace

double latticeSize(const Network &network)
{
    double states = 1.0;
    for (const auto &c : network.classes) {
        if (c.kind == ClassKind::Closed)
            states *= static_cast<double>(c.population) + 1.0;
    }
    return states;
}

double exactWorkEstimate(const Network &network)
{
    const double lattice = latticeSize(network);
    const auto closed = static_cast<double>(closedClassIndices(network).size());
    double total = 0.0;
    for (const auto &c : network.classes) {
        if (c.kind == ClassKind::Closed)
            total += static_cast<double>(c.population);
    }
    const auto m = static_cast<double>(network.stationCount());
    const auto ld = static_cast<double>(loadDependentCount(network));
    // Load-dependent stations keep a marginal distribution (N + 1 values) per population vector and
    // are stabilised through complement networks: up to 2^L lattice sweeps.
    const double complements = std::pow(2.0, std::min(ld, 60.0));
    return lattice * (m * closed + ld * (total + 1.0) * closed) * complements;
}

void validateNetwork(const Network &network)
{
    if (network.stations.empty())
        throw InvalidNetwork("stations", "the network has no stations");
    if (network.classes.empty())
        throw InvalidNetwork("classes", "the network has no classes");

    std::set<std::string> names;
    for (std::size_t k = 0; k < network.stationCount(); ++k) {
        const Station &s = network.stations[k];
        if (s.name.empty())
            throw InvalidNetwork(stationField(k, "name"), "a station needs a name");
        if (!names.insert(s.name).second)
            throw InvalidNetwork(stationField(k, "name"), "duplicate station name '" + s.name + "'");
        if (s.kind == StationKind::Queue && s.servers < 1)
            throw InvalidNetwork(stationField(k, "servers"), "a queue needs at least one server");
        if (s.kind == StationKind::LoadDependent) {
            if (s.rateMultipliers.empty())
                throw InvalidNetwork(stationField(k, "rate_multipliers"), "a load-dependent station needs rate multipliers");
            for (double alpha : s.rateMultipliers) {
                if (!isFinitePositive(alpha))
                    throw InvalidNetwork(stationField(k, "rate_multipliers"), "rate multipliers must be finite and > 0");
            }
        }
    }

    names.clear();
    const std::size_t m = network.stationCount();
    for (std::size_t c = 0; c < network.classCount(); ++c) {
        const JobClass &j = network.classes[c];
        if (j.name.empty())
            throw InvalidNetwork(classField(c, "name"), "a class needs a name");
        if (!names.insert(j.name).second)
            throw InvalidNetwork(classField(c, "name"), "duplicate class name '" + j.name + "'");
        if (j.kind == ClassKind::Open && !isFinitePositive(j.arrivalRate))
            throw InvalidNetwork(classField(c, "arrival_rate"), "an open class needs a finite arrival rate > 0");
        if (j.kind == ClassKind::Closed) {
            if (j.population < 1)
                throw InvalidNetwork(classField(c, "population"), "a closed class needs a population of at least 1");
            if (!isFiniteNonNegative(j.thinkTime))
                throw InvalidNetwork(classField(c, "think_time"), "think time must be finite and >= 0");
        }
        if (j.visits.size() != m || j.serviceTimes.size() != m)
            throw InvalidNetwork(classField(c, "demands"), "one visit ratio and service time per station is needed");
        double demand = 0.0;
        for (std::size_t k = 0; k < m; ++k) {
            if (!isFiniteNonNegative(j.visits[k]))
                throw InvalidNetwork(classField(c, "visits") + "." + network.stations[k].name,
                                     "visit ratios must be finite and >= 0");
            if (!isFiniteNonNegative(j.serviceTimes[k]))
                throw InvalidNetwork(classField(c, "service_times") + "." + network.stations[k].name,
                                     "service times must be finite and >= 0");
            demand += j.demand(k);
        }
        if (!(demand > 0.0) || !std::isfinite(demand))
            throw InvalidNetwork(classField(c, "demands"), "the class has no demand at any station");
    }
}

Solution solve(const Network &network, const SolveOptions &options)
{
    validateNetwork(network);
    const std::size_t m = network.stationCount();
    const std::size_t classes = network.classCount();
    const auto em = static_cast<Eigen::Index>(m);
    const auto ec = static_cast<Eigen::Index>(classes);

    Solution solution;
    OpenSolution open;
    const bool hasOpen = network.hasOpenClasses();
    const bool hasClosed = network.hasClosedClasses();
    if (hasOpen) {
        open = solveOpenClasses(network);
        solution.maxArrivalScale = open.maxArrivalScale;
        solution.saturated = open.saturated;
    }

    // Per class throughput (passes per time unit), residence and queue length per station.
    Eigen::VectorXd throughput = Eigen::VectorXd::Zero(ec);
    Eigen::MatrixXd residence = Eigen::MatrixXd::Zero(ec, em);
    Eigen::MatrixXd queueLength = Eigen::MatrixXd::Zero(ec, em);
    std::vector<std::vector<double>> marginal(m);

    solution.algorithm = Algorithm::OpenProductForm;
    // A saturated network has no steady state: queue lengths and response times stay absent and the
    // open classes are reported with what they could carry at the saturation point.
    if (!solution.saturated) {
        if (hasClosed) {
            solution.algorithm = chooseClosedAlgorithm(network, options);
            const ClosedModel model = closedModelOf(network, hasOpen ? &open : nullptr);
            const ClosedSolution closed = solveClosed(solution.algorithm, model, options);
            solution.iterations = closed.iterations;
            solution.converged = closed.converged;
            const auto closedIndices = closedClassIndices(network);
            for (std::size_t i = 0; i < closedIndices.size(); ++i) {
                const auto c = static_cast<Eigen::Index>(closedIndices[i]);
                throughput[c] = closed.throughput[static_cast<Eigen::Index>(i)];
            }
            if (hasOpen) {
                const MixedMetrics mixed = completeMixed(network, open, model, closed);
                residence = mixed.residence;
                queueLength = mixed.queueLength;
            } else {
                for (std::size_t i = 0; i < closedIndices.size(); ++i) {
                    const auto c = static_cast<Eigen::Index>(closedIndices[i]);
                    residence.row(c) = closed.residence.row(static_cast<Eigen::Index>(i));
                    queueLength.row(c) = closed.queueLength.row(static_cast<Eigen::Index>(i));
                }
            }
            marginal = closed.marginal;
        } else {
            residence = open.residence;
            queueLength = open.queueLength;
            marginal = open.marginal;
        }
    }
    for (std::size_t c = 0; c < classes; ++c) {
        if (network.classes[c].kind == ClassKind::Open)
            throughput[static_cast<Eigen::Index>(c)] =
                network.classes[c].arrivalRate * (solution.saturated ? std::min(1.0, open.maxArrivalScale) : 1.0);
    }
    solution.method = isExactAlgorithm(solution.algorithm) ? Method::Exact : Method::Approximate;

    // Stations.
    double worstLoad = -1.0;
    for (std::size_t k = 0; k < m; ++k) {
        const Station &station = network.stations[k];
        StationResult result;
        result.name = station.name;
        double load = 0.0; // sum_c X_c D_ck, in single-server units
        for (std::size_t c = 0; c < classes; ++c)
            load += throughput[static_cast<Eigen::Index>(c)] * network.classes[c].demand(k);
        const double stationLoad = relativeLoad(station, load);
        if (stationLoad > worstLoad) {
            worstLoad = stationLoad;
            solution.bottleneck = station.name;
        }

        double busy = 0.0;
        switch (station.kind) {
        case StationKind::Queue:
            busy = std::min(1.0, load / station.servers);
            break;
        case StationKind::Delay:
            busy = load;
            break;
        case StationKind::LoadDependent:
            if (!marginal[k].empty())
                busy = std::clamp(1.0 - marginal[k].front(), 0.0, 1.0);
            else
                busy = std::min(1.0, load / station.rateMultiplier(1));
            break;
        }
        result.utilization = busy;
        double stationQueue = 0.0;
        for (std::size_t c = 0; c < classes; ++c) {
            const JobClass &jobClass = network.classes[c];
            if (!jobClass.visitsStation(k))
                continue;
            const auto ci = static_cast<Eigen::Index>(c);
            const auto ki = static_cast<Eigen::Index>(k);
            StationClassResult perClass;
            perClass.className = jobClass.name;
            perClass.throughput = throughput[ci] * jobClass.visits[k];
            const double classLoad = throughput[ci] * jobClass.demand(k);
            perClass.utilization = load > 0.0 ? busy * classLoad / load : 0.0;
            if (!solution.saturated) {
                perClass.queueLength = queueLength(ci, ki);
                perClass.residenceTime = residence(ci, ki);
                stationQueue += queueLength(ci, ki);
            }
            result.perClass.push_back(perClass);
        }
        if (!solution.saturated)
            result.queueLength = stationQueue;
        solution.stations.push_back(std::move(result));
    }
    if (solution.saturated && open.bottleneck >= 0)
        solution.bottleneck = network.stations[static_cast<std::size_t>(open.bottleneck)].name;

    // Classes.
    for (std::size_t c = 0; c < classes; ++c) {
        const JobClass &jobClass = network.classes[c];
        const auto ci = static_cast<Eigen::Index>(c);
        ClassResult result;
        result.name = jobClass.name;
        result.open = jobClass.kind == ClassKind::Open;
        result.throughput = throughput[ci];
        double worst = -1.0;
        for (std::size_t k = 0; k < m; ++k) {
            const double relative = relativeLoad(network.stations[k], jobClass.demand(k));
            if (jobClass.visitsStation(k) && relative > worst) {
                worst = relative;
                result.bottleneck = network.stations[k].name;
            }
        }
        if (!solution.saturated) {
            result.responseTime = residence.row(ci).sum();
            result.percentiles = responseTimePercentiles(network, c, residence, hasOpen ? &open : nullptr);
        }
        result.bounds = classBounds(network, c, hasOpen ? &open : nullptr);
        solution.classes.push_back(std::move(result));
    }
    return solution;
}

} // namespace iovplan::queueing
