#include "simulation.h"

#include "invalidnetwork.h"
#include "simulationreplication.h"
#include "solver.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace iovplan::queueing {

namespace {

std::string stationField(std::size_t k) { return "stations[" + std::to_string(k) + "]"; }

std::string formatNumber(double x)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4g", x);
    return buffer;
}

void validateOptions(const SimulationOptions &o)
{
    if (o.replications < 2 || o.replications > 100000)
        throw InvalidNetwork("options.replications", "must be 2 .. 100000 (a confidence interval needs two), got "
                                                         + std::to_string(o.replications));
    if (o.warmupTime && !(std::isfinite(*o.warmupTime) && *o.warmupTime >= 0.0))
        throw InvalidNetwork("options.warmup", "must be a finite time >= 0");
    if (o.runLength && !(std::isfinite(*o.runLength) && *o.runLength > 0.0))
        throw InvalidNetwork("options.length", "must be a finite time > 0");
    if (o.service == ServiceDistribution::Gamma && !(std::isfinite(o.serviceCv) && o.serviceCv > 0.0 && o.serviceCv <= 10.0))
        throw InvalidNetwork("options.service", "the coefficient of variation must be > 0 and <= 10, got " + formatNumber(o.serviceCv));
    if (!(std::isfinite(o.targetEventsPerReplication) && o.targetEventsPerReplication >= 1.0))
        throw InvalidNetwork("options.target_events", "must be a finite number >= 1");
    if (o.maxEventsPerReplication < 1)
        throw InvalidNetwork("options.max_events", "must be >= 1");
}

// A simulation of an unstable open network never settles: refuse it up front, as the analytic
// solver reports it (open load at or beyond the capacity alpha(infinity) of a station).
void refuseSaturation(const Network &network)
{
    for (std::size_t k = 0; k < network.stationCount(); ++k) {
        const Station &station = network.stations[k];
        if (station.kind == StationKind::Delay)
            continue;
        double load = 0.0;
        for (const JobClass &j : network.classes) {
            if (j.kind == ClassKind::Open)
                load += j.arrivalRate * j.demand(k);
        }
        const double capacity = station.capacityMultiplier();
        if (load >= capacity)
            throw InvalidNetwork(stationField(k),
                                 "the open classes load station '" + station.name + "' to " + formatNumber(load / capacity)
                                     + " of its capacity: a network at or above capacity has no steady state to simulate"
                                       " (`qn` reports its saturation and max_arrival_scale)");
    }
}

SimulatedDiscipline modeOf(const Network &network, std::size_t k, QueueDiscipline discipline)
{
    const Station &station = network.stations[k];
    if (station.kind == StationKind::Delay)
        return SimulatedDiscipline::InfiniteServer;
    if (station.kind == StationKind::LoadDependent || discipline == QueueDiscipline::ProcessorSharing)
        return SimulatedDiscipline::ProcessorSharing;
    if (discipline == QueueDiscipline::Fcfs)
        return SimulatedDiscipline::Fcfs;
    // Auto: FCFS is product-form only when every class has the same mean service time here.
    double first = 0.0;
    for (const JobClass &j : network.classes) {
        if (!j.visitsStation(k))
            continue;
        const double s = j.serviceTimes[k];
        if (first == 0.0)
            first = s;
        else if (std::abs(s - first) > 1e-12 * first)
            return SimulatedDiscipline::ProcessorSharing;
    }
    return SimulatedDiscipline::Fcfs;
}

constexpr double kMaxFixedVisitsPerPass = 1.0e6;

ClassRoute routeOf(const Network &network, std::size_t c, RouteConstruction construction)
{
    const JobClass &j = network.classes[c];
    double total = 0.0;
    for (std::size_t k = 0; k < network.stationCount(); ++k) {
        if (j.visitsStation(k))
            total += j.visits[k];
    }
    if (construction == RouteConstruction::Fixed && total > kMaxFixedVisitsPerPass)
        throw InvalidNetwork("classes[" + std::to_string(c) + "].visits",
                             "more than 10^6 visits per pass: simulate with Markov routing");
    ClassRoute route;
    double cumulative = 0.0;
    for (std::size_t k = 0; k < network.stationCount(); ++k) {
        if (!j.visitsStation(k))
            continue;
        ClassRoute::Entry entry;
        entry.station = static_cast<std::uint32_t>(k);
        const double whole = std::floor(j.visits[k]);
        entry.wholeVisits = static_cast<std::int64_t>(whole);
        entry.extraVisitProbability = j.visits[k] - whole;
        cumulative += j.visits[k] / (1.0 + total);
        entry.cumulativeProbability = cumulative;
        route.entries.push_back(entry);
    }
    return route;
}

// Events per time unit, roughly: passes per time unit (open: lambda; closed: the asymptotic upper
// bound) times (one start + one per visit, two at processor-sharing stations for the re-planning).
double estimatedEventRate(const Network &network, const std::vector<SimulatedDiscipline> &modes)
{
    double rate = 0.0;
    for (const JobClass &j : network.classes) {
        double perPass = 1.0;
        double totalDemand = 0.0;
        double throughput = j.kind == ClassKind::Open ? j.arrivalRate : std::numeric_limits<double>::infinity();
        for (std::size_t k = 0; k < network.stationCount(); ++k) {
            if (!j.visitsStation(k))
                continue;
            perPass += j.visits[k] * (modes[k] == SimulatedDiscipline::ProcessorSharing ? 2.0 : 1.0);
            totalDemand += j.demand(k);
            if (j.kind == ClassKind::Closed && network.stations[k].kind != StationKind::Delay)
                throughput = std::min(throughput, network.stations[k].capacityMultiplier() / j.demand(k));
        }
        if (j.kind == ClassKind::Closed)
            throughput = std::min(throughput, static_cast<double>(j.population) / (totalDemand + j.thinkTime));
        rate += throughput * perPass;
    }
    return rate;
}

// One column per quantity; one row per replication.
struct Samples {
    std::vector<std::vector<double>> columns;
    std::size_t add(double value, std::size_t column)
    {
        if (column >= columns.size())
            columns.resize(column + 1);
        columns[column].push_back(std::isfinite(value) ? value : 0.0);
        return column + 1;
    }
};

Estimate estimate(const std::vector<double> &values, double t)
{
    Estimate e;
    if (values.empty())
        return e;
    double sum = 0.0;
    for (double x : values)
        sum += x;
    const auto n = static_cast<double>(values.size());
    e.mean = sum / n;
    double squares = 0.0;
    for (double x : values)
        squares += (x - e.mean) * (x - e.mean);
    e.halfWidth = values.size() > 1 ? t * std::sqrt(squares / (n - 1.0) / n) : 0.0;
    if (!std::isfinite(e.mean) || !std::isfinite(e.halfWidth))
        return Estimate{};
    return e;
}

double ratio(double a, double b) { return b > 0.0 ? a / b : 0.0; }

// The quantities of one replication, in the fixed column order the result is assembled from.
void collect(const Network &network, const ReplicationOutcome &r, Samples &samples)
{
    const std::size_t m = network.stationCount();
    const double length = r.measuredLength;
    std::size_t col = 0;
    for (const ClassStats &c : r.classes) {
        col = samples.add(ratio(static_cast<double>(c.passes), length), col);
        col = samples.add(ratio(c.responseSum, static_cast<double>(c.passes)), col);
    }
    for (std::size_t k = 0; k < m; ++k) {
        const StationState &s = r.stations[k];
        const Station &station = network.stations[k];
        const double servers = station.kind == StationKind::Queue ? static_cast<double>(station.servers) : 1.0;
        const double utilization = ratio(s.areaBusy, length) / servers;
        double sojourn = 0.0;
        double work = 0.0;
        for (std::size_t c = 0; c < network.classCount(); ++c) {
            sojourn += r.stationClasses[c * m + k].sojournSum;
            work += r.stationClasses[c * m + k].workDone;
        }
        col = samples.add(utilization, col);
        col = samples.add(ratio(s.areaPresent, length), col);
        col = samples.add(ratio(static_cast<double>(s.visits), length), col);
        col = samples.add(ratio(sojourn, static_cast<double>(s.visits)), col);
        for (std::size_t c = 0; c < network.classCount(); ++c) {
            if (!network.classes[c].visitsStation(k))
                continue;
            const StationClassStats &sc = r.stationClasses[c * m + k];
            col = samples.add(utilization * ratio(sc.workDone, work), col);
            col = samples.add(ratio(static_cast<double>(sc.visits), length), col);
            col = samples.add(ratio(sc.areaPresent, length), col);
            col = samples.add(ratio(sc.sojournSum, static_cast<double>(r.classes[c].passes)), col);
        }
    }
}

} // namespace

SimulationResult simulate(const Network &network, const SimulationOptions &options)
{
    validateNetwork(network);
    validateOptions(options);
    refuseSaturation(network);

    ReplicationPlan plan;
    plan.network = &network;
    plan.options = options;
    for (std::size_t k = 0; k < network.stationCount(); ++k)
        plan.modes.push_back(modeOf(network, k, options.discipline));
    for (std::size_t c = 0; c < network.classCount(); ++c)
        plan.routes.push_back(routeOf(network, c, options.routing));
    plan.length = options.runLength ? *options.runLength
                                    : options.targetEventsPerReplication / estimatedEventRate(network, plan.modes);
    plan.warmup = options.warmupTime ? *options.warmupTime : plan.length / 10.0;
    if (!std::isfinite(plan.length) || !(plan.length > 0.0) || !std::isfinite(plan.warmup + plan.length))
        throw InvalidNetwork("options.length", "no finite run length could be sized for this network: give one");

    SimulationResult result;
    result.seed = options.seed;
    result.replications = options.replications;
    result.warmupTime = plan.warmup;
    result.runLength = plan.length;
    result.service = options.service;
    result.serviceCv = options.service == ServiceDistribution::Exponential ? 1.0
        : options.service == ServiceDistribution::Deterministic           ? 0.0
                                                                          : options.serviceCv;
    result.routing = options.routing;
    result.tQuantile = studentT975(options.replications - 1);

    Samples samples;
    std::vector<std::int64_t> passes(network.classCount(), 0);
    for (int r = 0; r < options.replications; ++r) {
        const ReplicationOutcome outcome = runReplication(plan, static_cast<std::uint64_t>(r));
        result.events += outcome.events;
        if (outcome.budgetExhausted && !result.eventBudgetExhausted) {
            result.eventBudgetExhausted = true;
            result.note = "replication " + std::to_string(r + 1) + " stopped at the budget of "
                + std::to_string(options.maxEventsPerReplication) + " events, after " + formatNumber(outcome.measuredLength)
                + " of " + formatNumber(plan.length) + " measured time units; its statistics cover that time";
        }
        for (std::size_t c = 0; c < network.classCount(); ++c)
            passes[c] += outcome.classes[c].passes;
        collect(network, outcome, samples);
    }

    const double t = result.tQuantile;
    std::size_t col = 0;
    const auto next = [&]() { return estimate(samples.columns[col++], t); };
    for (std::size_t c = 0; c < network.classCount(); ++c) {
        SimulatedClass sc;
        sc.name = network.classes[c].name;
        sc.open = network.classes[c].kind == ClassKind::Open;
        sc.throughput = next();
        sc.responseTime = next();
        sc.passes = passes[c];
        result.classes.push_back(std::move(sc));
    }
    for (std::size_t k = 0; k < network.stationCount(); ++k) {
        SimulatedStation s;
        s.name = network.stations[k].name;
        s.kind = network.stations[k].kind;
        s.processorSharing = plan.modes[k] == SimulatedDiscipline::ProcessorSharing;
        s.utilization = next();
        s.queueLength = next();
        s.throughput = next();
        s.responseTime = next();
        for (std::size_t c = 0; c < network.classCount(); ++c) {
            if (!network.classes[c].visitsStation(k))
                continue;
            SimulatedStationClass pc;
            pc.className = network.classes[c].name;
            pc.utilization = next();
            pc.throughput = next();
            pc.queueLength = next();
            pc.residenceTime = next();
            s.perClass.push_back(std::move(pc));
        }
        result.stations.push_back(std::move(s));
    }
    return result;
}

double studentT975(int degreesOfFreedom)
{
    // t_{0.975, v} for v = 1..30, checked against a numerical inversion of the t distribution.
    static constexpr double table[] = { 12.7062047, 4.3026527, 3.1824463, 2.7764451, 2.5705818, 2.4469119,
                                        2.3646243,  2.3060041, 2.2621572, 2.2281389, 2.2009852, 2.1788128,
                                        2.1603687,  2.1447867, 2.1314495, 2.1199053, 2.1098156, 2.1009220,
                                        2.0930241,  2.0859634, 2.0796138, 2.0738731, 2.0686576, 2.0638986,
                                        2.0595386,  2.0555294, 2.0518305, 2.0484071, 2.0452296, 2.0422725 };
    const int v = std::max(1, degreesOfFreedom);
    if (v <= 30)
        return table[v - 1];
    // Cornish-Fisher expansion around the normal quantile: within 2e-6 for v > 30.
    const double z = 1.959963984540054;
    const double z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z;
    const double n = static_cast<double>(v);
    return z + (z3 + z) / (4.0 * n) + (5.0 * z5 + 16.0 * z3 + 3.0 * z) / (96.0 * n * n)
        + (3.0 * z7 + 19.0 * z5 + 17.0 * z3 - 15.0 * z) / (384.0 * n * n * n);
}

} // namespace iovplan::queueing
