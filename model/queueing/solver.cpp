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

// C x C x M: the size of Linearizer's deviation estimates.
double linearizerSize(const Network &network)
{
    const auto closed = static_cast<double>(closedClassIndices(network).size());
    return closed * closed * static_cast<double>(network.stationCount());
}

Algorithm chooseClosedAlgorithm(const Network &network, const SolveOptions &options)
{
    const double lattice = latticeSize(network);
    const bool linearizerFits = linearizerSize(network) <= options.linearizerSizeLimit;
    const Algorithm approximate = linearizerFits ? Algorithm::Linearizer : Algorithm::BardSchweitzer;
    switch (options.method) {
    case MethodRequest::Auto:
        if (lattice <= options.exactLatticeLimit && exactWorkEstimate(network) <= options.autoExactWorkLimit)
            return Algorithm::ExactMva;
        return approximate;
    case MethodRequest::Exact:
    case MethodRequest::Mva:
        if (lattice > options.exactLatticeLimit)
            throw InvalidNetwork("method", "an exact solution needs " + std::to_string(static_cast<long long>(lattice)) +
                                               " population vectors, more than the limit of " +
                                               std::to_string(static_cast<long long>(options.exactLatticeLimit)) +
                                               "; use \"method\": \"approximate\"");
        return Algorithm::ExactMva;
    case MethodRequest::Convolution:
        if (closedClassIndices(network).size() != 1)
            throw InvalidNetwork("method", "convolution solves networks with exactly one closed class");
        return Algorithm::Convolution;
    case MethodRequest::Approximate:
        return approximate;
    case MethodRequest::Linearizer:
        if (!linearizerFits)
            throw InvalidNetwork("method", "Linearizer would keep " +
                                               std::to_string(static_cast<long long>(linearizerSize(network))) +
                                               " estimates (classes x classes x stations), more than the limit of " +
                                               std::to_string(static_cast<long long>(options.linearizerSizeLimit)) +
                                               "; use \"method\": \"bard-schweitzer\"");
        return Algorithm::Linearizer;
    case MethodRequest::BardSchweitzer:
        return Algorithm::BardSchweitzer;
    }
    return approximate;
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

namespace {

// What the algorithms produce, per class and station, before it is dressed as a Solution.
struct Flows {
    Eigen::VectorXd throughput;  // C: passes per time unit
    Eigen::MatrixXd residence;   // C x M, per pass
    Eigen::MatrixXd queueLength; // C x M
    Eigen::VectorXd busy;        // M: the station's utilization as the contract defines it
};

// P(load-dependent station k is not empty). Mixed networks: the station is empty when neither closed
// nor open jobs are there; given no closed job, the open jobs follow the open station's own law.
double loadDependentBusy(const Network &network, std::size_t k, double openLoad, const OpenSolution &open,
                         const std::vector<std::vector<double>> &closedMarginal, bool saturated)
{
    const Station &station = network.stations[k];
    if (saturated && openLoad >= station.capacityMultiplier())
        return 1.0;
    double empty = 1.0;
    if (k < closedMarginal.size() && !closedMarginal[k].empty())
        empty *= closedMarginal[k].front();
    if (openLoad > 0.0) {
        if (k < open.marginal.size() && !open.marginal[k].empty())
            empty *= open.marginal[k].front();
        else
            empty *= openStationDistribution(station, openLoad).marginal.front();
    }
    return std::clamp(1.0 - empty, 0.0, 1.0);
}

Flows solveFlows(const Network &network, const OpenSolution &open, const SolveOptions &options, Solution &solution)
{
    const auto m = static_cast<Eigen::Index>(network.stationCount());
    const auto classes = static_cast<Eigen::Index>(network.classCount());
    Flows flows{Eigen::VectorXd::Zero(classes), Eigen::MatrixXd::Zero(classes, m), Eigen::MatrixXd::Zero(classes, m),
                Eigen::VectorXd::Zero(m)};
    const bool hasOpen = network.hasOpenClasses();
    std::vector<std::vector<double>> closedMarginal;

    solution.algorithm = Algorithm::OpenProductForm;
    // A saturated network has no steady state: residence and queue lengths stay absent, open classes
    // carry what they could at the saturation point, closed classes are starved at the bottleneck.
    if (!solution.saturated) {
        if (network.hasClosedClasses()) {
            solution.algorithm = chooseClosedAlgorithm(network, options);
            const ClosedModel model = closedModelOf(network, hasOpen ? &open : nullptr);
            const ClosedSolution closed = solveClosed(solution.algorithm, model, options);
            solution.iterations = closed.iterations;
            solution.converged = closed.converged;
            const auto closedIndices = closedClassIndices(network);
            MixedMetrics mixed;
            if (hasOpen)
                mixed = completeMixed(network, open, model, closed);
            for (std::size_t i = 0; i < closedIndices.size(); ++i) {
                const auto row = static_cast<Eigen::Index>(i);
                const auto c = static_cast<Eigen::Index>(closedIndices[i]);
                flows.throughput[c] = closed.throughput[row];
                if (!hasOpen) {
                    flows.residence.row(c) = closed.residence.row(row);
                    flows.queueLength.row(c) = closed.queueLength.row(row);
                }
            }
            if (hasOpen) {
                flows.residence = mixed.residence;
                flows.queueLength = mixed.queueLength;
            }
            closedMarginal = closed.marginal;
        } else {
            flows.residence = open.residence;
            flows.queueLength = open.queueLength;
        }
    }
    const double carried = solution.saturated ? std::min(1.0, open.maxArrivalScale) : 1.0;
    for (std::size_t c = 0; c < network.classCount(); ++c) {
        if (network.classes[c].kind == ClassKind::Open)
            flows.throughput[static_cast<Eigen::Index>(c)] = network.classes[c].arrivalRate * carried;
    }

    for (std::size_t k = 0; k < network.stationCount(); ++k) {
        const Station &station = network.stations[k];
        double load = 0.0;     // sum_c X_c D_ck, single-server units
        double openLoad = 0.0; // the open classes' part, at their offered rates
        for (std::size_t c = 0; c < network.classCount(); ++c) {
            const JobClass &job = network.classes[c];
            load += flows.throughput[static_cast<Eigen::Index>(c)] * job.demand(k);
            if (job.kind == ClassKind::Open)
                openLoad += job.arrivalRate * job.demand(k);
        }
        double busy = load;
        if (station.kind == StationKind::Queue)
            busy = std::min(1.0, load / station.servers);
        else if (station.kind == StationKind::LoadDependent)
            busy = loadDependentBusy(network, k, openLoad, open, closedMarginal, solution.saturated);
        flows.busy[static_cast<Eigen::Index>(k)] = busy;
    }
    return flows;
}

std::vector<StationResult> stationResults(const Network &network, const Flows &flows, bool saturated)
{
    std::vector<StationResult> stations;
    stations.reserve(network.stationCount());
    for (std::size_t k = 0; k < network.stationCount(); ++k) {
        const auto ki = static_cast<Eigen::Index>(k);
        StationResult result;
        result.name = network.stations[k].name;
        result.utilization = flows.busy[ki];
        double load = 0.0;
        for (std::size_t c = 0; c < network.classCount(); ++c)
            load += flows.throughput[static_cast<Eigen::Index>(c)] * network.classes[c].demand(k);
        double queue = 0.0;
        for (std::size_t c = 0; c < network.classCount(); ++c) {
            const JobClass &job = network.classes[c];
            if (!job.visitsStation(k))
                continue;
            const auto ci = static_cast<Eigen::Index>(c);
            StationClassResult perClass;
            perClass.className = job.name;
            perClass.throughput = flows.throughput[ci] * job.visits[k];
            // Each class's share of the station's utilization is its share of the work.
            perClass.utilization = load > 0.0 ? result.utilization * flows.throughput[ci] * job.demand(k) / load : 0.0;
            if (!saturated) {
                perClass.queueLength = flows.queueLength(ci, ki);
                perClass.residenceTime = flows.residence(ci, ki);
                queue += flows.queueLength(ci, ki);
            }
            result.perClass.push_back(std::move(perClass));
        }
        if (!saturated)
            result.queueLength = queue;
        stations.push_back(std::move(result));
    }
    return stations;
}

// The station with the highest load relative to its capacity (delay stations never limit).
std::string networkBottleneck(const Network &network, const Flows &flows)
{
    std::string bottleneck;
    double worst = -1.0;
    for (std::size_t k = 0; k < network.stationCount(); ++k) {
        double load = 0.0;
        for (std::size_t c = 0; c < network.classCount(); ++c)
            load += flows.throughput[static_cast<Eigen::Index>(c)] * network.classes[c].demand(k);
        const double relative = relativeLoad(network.stations[k], load);
        if (relative > worst) {
            worst = relative;
            bottleneck = network.stations[k].name;
        }
    }
    return bottleneck;
}

std::vector<ClassResult> classResults(const Network &network, const Flows &flows, const OpenSolution *open,
                                      bool saturated)
{
    std::vector<ClassResult> results;
    results.reserve(network.classCount());
    for (std::size_t c = 0; c < network.classCount(); ++c) {
        const JobClass &job = network.classes[c];
        const auto ci = static_cast<Eigen::Index>(c);
        ClassResult result;
        result.name = job.name;
        result.open = job.kind == ClassKind::Open;
        result.throughput = flows.throughput[ci];
        double worst = -1.0;
        for (std::size_t k = 0; k < network.stationCount(); ++k) {
            const double relative = relativeLoad(network.stations[k], job.demand(k));
            if (job.visitsStation(k) && relative > worst) {
                worst = relative;
                result.bottleneck = network.stations[k].name;
            }
        }
        if (!saturated) {
            result.responseTime = flows.residence.row(ci).sum();
            result.percentiles = responseTimePercentiles(network, c, flows.residence, open);
        }
        result.bounds = classBounds(network, c, open);
        results.push_back(std::move(result));
    }
    return results;
}

} // namespace

Solution solve(const Network &network, const SolveOptions &options)
{
    validateNetwork(network);
    Solution solution;
    OpenSolution open;
    const bool hasOpen = network.hasOpenClasses();
    if (hasOpen) {
        open = solveOpenClasses(network);
        solution.maxArrivalScale = open.maxArrivalScale;
        solution.saturated = open.saturated;
    }
    const Flows flows = solveFlows(network, open, options, solution);
    solution.method = isExactAlgorithm(solution.algorithm) ? Method::Exact : Method::Approximate;
    solution.stations = stationResults(network, flows, solution.saturated);
    solution.bottleneck = solution.saturated && open.bottleneck >= 0
        ? network.stations[static_cast<std::size_t>(open.bottleneck)].name
        : networkBottleneck(network, flows);
    solution.classes = classResults(network, flows, hasOpen ? &open : nullptr, solution.saturated);
    return solution;
}

} // namespace iovplan::queueing
