#include "simulation.h"

#include "invalidnetwork.h"
#include "solver.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <functional>
#include <limits>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace iovplan::queueing {

namespace {

enum class EventType : std::uint8_t {
    Arrival,    ///< external arrival of an open class
    ThinkEnd,   ///< a closed job starts its next pass
    ServiceEnd, ///< a job leaves an FCFS or infinite-server station
    PsEnd,      ///< the next job leaves a processor-sharing station (if the version still holds)
};

struct Event {
    double time = 0.0;
    std::uint64_t sequence = 0; // ties are broken by scheduling order, so runs are reproducible
    EventType type = EventType::Arrival;
    std::uint32_t station = 0;
    std::uint32_t index = 0;    // class (Arrival) or job (ThinkEnd, ServiceEnd)
    std::uint64_t version = 0;  // PsEnd: the station's schedule version it was computed for
};

// Orders the heap so the earliest event is on top.
struct Later {
    bool operator()(const Event &a, const Event &b) const
    {
        return a.time > b.time || (a.time == b.time && a.sequence > b.sequence);
    }
};

enum class Mode : std::uint8_t { Fcfs, ProcessorSharing, InfiniteServer };

struct Job {
    std::uint32_t jobClass = 0;
    double passStart = 0.0;
    double visitStart = 0.0;
    double work = 0.0; // service requirement of the current visit (time at the single-job rate)
    std::vector<std::uint32_t> route;
    std::size_t nextInRoute = 0;
};

// Per class: how a pass becomes visits (see RouteConstruction).
struct ClassRoute {
    struct Entry {
        std::uint32_t station = 0;
        std::int64_t wholeVisits = 0;
        double extraVisitProbability = 0.0;
        double cumulativeProbability = 0.0; // Markov: P(next is this station or one before it)
    };
    std::vector<Entry> entries; // stations with demand > 0, network order
};

struct StationState {
    Mode mode = Mode::Fcfs;
    std::int64_t present = 0;
    std::int64_t busy = 0; // FCFS: servers in use
    std::deque<std::uint32_t> waiting;
    // Processor sharing: every job present progresses at alpha(n) / n; its finishing point is fixed on
    // the station's virtual clock, which runs at that rate.
    double virtualTime = 0.0;
    double virtualSince = 0.0;
    std::uint64_t version = 0;
    std::vector<std::pair<double, std::uint32_t>> finishing; // min-heap on virtual finishing time
    // Statistics.
    double lastUpdate = 0.0;
    double areaPresent = 0.0;
    double areaBusy = 0.0;
    std::int64_t visits = 0;
};

struct StationClassStats {
    std::int64_t present = 0;
    double lastUpdate = 0.0;
    double areaPresent = 0.0;
    double sojournSum = 0.0;
    double workDone = 0.0;
    std::int64_t visits = 0;
};

struct ClassStats {
    std::int64_t passes = 0;
    double responseSum = 0.0;
};

// What one replication measured over its window.
struct ReplicationOutcome {
    double measuredLength = 0.0;
    std::int64_t events = 0;
    bool budgetExhausted = false;
    std::vector<ClassStats> classes;
    std::vector<StationState> stations;
    std::vector<StationClassStats> stationClasses; // class-major: c * M + k
};

struct Plan {
    const Network *network = nullptr;
    SimulationOptions options;
    double warmup = 0.0;
    double length = 0.0;
    std::vector<Mode> modes;
    std::vector<ClassRoute> routes;
};

double uniform01(std::mt19937_64 &rng)
{
    return static_cast<double>(rng() >> 11) * 0x1.0p-53; // [0, 1) with 53 random bits
}

double exponential(std::mt19937_64 &rng, double mean)
{
    return -mean * std::log1p(-uniform01(rng));
}

// One replication: the event loop and its bookkeeping.
class Replication
{
public:
    Replication(const Plan &plan, std::uint64_t replication)
        : m_plan(plan), m_net(*plan.network), m_warmup(plan.warmup), m_end(plan.warmup + plan.length)
    {
        // Independent streams: the replication number is part of the seed sequence.
        const std::uint64_t base = plan.options.seed;
        std::seed_seq sequence{ static_cast<std::uint32_t>(base), static_cast<std::uint32_t>(base >> 32),
                                static_cast<std::uint32_t>(replication), static_cast<std::uint32_t>(replication >> 32) };
        m_rng.seed(sequence);
        const std::size_t m = m_net.stationCount();
        m_out.classes.resize(m_net.classCount());
        m_out.stations.resize(m);
        m_out.stationClasses.resize(m_net.classCount() * m);
        for (std::size_t k = 0; k < m; ++k)
            m_out.stations[k].mode = plan.modes[k];
    }

    ReplicationOutcome run()
    {
        for (std::size_t c = 0; c < m_net.classCount(); ++c) {
            const JobClass &j = m_net.classes[c];
            if (j.kind == ClassKind::Open) {
                schedule(exponential(m_rng, 1.0 / j.arrivalRate), EventType::Arrival, 0, index(c));
                continue;
            }
            for (std::int64_t n = 0; n < j.population; ++n) {
                const std::uint32_t job = newJob(index(c));
                schedule(thinkTime(j), EventType::ThinkEnd, 0, job);
            }
        }
        double now = 0.0;
        const std::int64_t budget = m_plan.options.maxEventsPerReplication;
        while (!m_heap.empty()) {
            const Event event = m_heap.front();
            if (event.time > m_end)
                break;
            std::pop_heap(m_heap.begin(), m_heap.end(), Later());
            m_heap.pop_back();
            if (event.type == EventType::PsEnd && event.version != m_out.stations[event.station].version)
                continue; // superseded by a later change at the station
            if (m_out.events >= budget) {
                m_out.budgetExhausted = true;
                break;
            }
            ++m_out.events;
            now = event.time;
            handle(event);
        }
        const double stop = m_out.budgetExhausted ? now : m_end;
        for (std::size_t k = 0; k < m_net.stationCount(); ++k) {
            updateStation(k, stop);
            for (std::size_t c = 0; c < m_net.classCount(); ++c)
                updateStationClass(c, k, stop);
        }
        m_out.measuredLength = std::max(0.0, stop - m_warmup);
        return std::move(m_out);
    }

private:
    static std::uint32_t index(std::size_t i) { return static_cast<std::uint32_t>(i); }

    double thinkTime(const JobClass &j) { return j.thinkTime > 0.0 ? exponential(m_rng, j.thinkTime) : 0.0; }

    void schedule(double time, EventType type, std::uint32_t station, std::uint32_t idx, std::uint64_t version = 0)
    {
        m_heap.push_back(Event{ time, m_sequence++, type, station, idx, version });
        std::push_heap(m_heap.begin(), m_heap.end(), Later());
    }

    std::uint32_t newJob(std::uint32_t jobClass)
    {
        std::uint32_t id = 0;
        if (!m_freeJobs.empty()) {
            id = m_freeJobs.back();
            m_freeJobs.pop_back();
        } else {
            id = index(m_jobs.size());
            m_jobs.emplace_back();
        }
        m_jobs[id].jobClass = jobClass;
        return id;
    }

    double overlap(double from, double to) const
    {
        return std::max(0.0, std::min(to, m_end) - std::max(from, m_warmup));
    }
    bool measured(double t) const { return t >= m_warmup && t <= m_end; }

    double sampleWork(std::size_t c, std::size_t k)
    {
        const double mean = m_net.classes[c].serviceTimes[k];
        switch (m_plan.options.service) {
        case ServiceDistribution::Exponential:
            return exponential(m_rng, mean);
        case ServiceDistribution::Deterministic:
            return mean;
        case ServiceDistribution::Gamma: {
            const double cv2 = m_plan.options.serviceCv * m_plan.options.serviceCv;
            return m_gamma(m_rng, std::gamma_distribution<double>::param_type(1.0 / cv2, mean * cv2));
        }
        }
        return mean;
    }

    double busyMeasure(std::size_t k) const
    {
        const StationState &s = m_out.stations[k];
        const Station &station = m_net.stations[k];
        switch (s.mode) {
        case Mode::Fcfs:
            return static_cast<double>(s.busy);
        case Mode::InfiniteServer:
            return static_cast<double>(s.present);
        case Mode::ProcessorSharing:
            if (station.kind == StationKind::Queue)
                return static_cast<double>(std::min<std::int64_t>(s.present, station.servers));
            return s.present > 0 ? 1.0 : 0.0;
        }
        return 0.0;
    }

    void updateStation(std::size_t k, double t)
    {
        StationState &s = m_out.stations[k];
        const double dt = overlap(s.lastUpdate, t);
        s.areaPresent += static_cast<double>(s.present) * dt;
        s.areaBusy += busyMeasure(k) * dt;
        s.lastUpdate = t;
    }

    void updateStationClass(std::size_t c, std::size_t k, double t)
    {
        StationClassStats &s = m_out.stationClasses[c * m_net.stationCount() + k];
        s.areaPresent += static_cast<double>(s.present) * overlap(s.lastUpdate, t);
        s.lastUpdate = t;
    }

    double psRatePerJob(std::size_t k) const
    {
        const std::int64_t n = m_out.stations[k].present;
        return m_net.stations[k].rateMultiplier(n) / static_cast<double>(n);
    }

    void psAdvance(std::size_t k, double t)
    {
        StationState &s = m_out.stations[k];
        if (s.present > 0)
            s.virtualTime += (t - s.virtualSince) * psRatePerJob(k);
        s.virtualSince = t;
    }

    void psReschedule(std::size_t k, double t)
    {
        StationState &s = m_out.stations[k];
        ++s.version;
        if (s.present == 0)
            return;
        const double remaining = std::max(0.0, s.finishing.front().first - s.virtualTime);
        schedule(t + remaining / psRatePerJob(k), EventType::PsEnd, index(k), 0, s.version);
    }

    void startPass(std::uint32_t id, double t)
    {
        Job &job = m_jobs[id];
        job.passStart = t;
        job.route.clear();
        job.nextInRoute = 0;
        if (m_plan.options.routing == RouteConstruction::Fixed) {
            // Visits left per station this pass, then made in rounds in network order.
            const ClassRoute &route = m_plan.routes[job.jobClass];
            m_counts.assign(route.entries.size(), 0);
            std::int64_t left = 0;
            for (std::size_t e = 0; e < route.entries.size(); ++e) {
                const ClassRoute::Entry &entry = route.entries[e];
                m_counts[e] = entry.wholeVisits + (uniform01(m_rng) < entry.extraVisitProbability ? 1 : 0);
                left += m_counts[e];
            }
            while (left > 0) {
                for (std::size_t e = 0; e < route.entries.size(); ++e) {
                    if (m_counts[e] > 0) {
                        job.route.push_back(route.entries[e].station);
                        --m_counts[e];
                        --left;
                    }
                }
            }
        }
        goNext(id, t);
    }

    void goNext(std::uint32_t id, double t)
    {
        Job &job = m_jobs[id];
        if (m_plan.options.routing == RouteConstruction::Fixed) {
            if (job.nextInRoute < job.route.size()) {
                arrive(job.route[job.nextInRoute++], id, t);
                return;
            }
        } else {
            const double u = uniform01(m_rng);
            for (const ClassRoute::Entry &entry : m_plan.routes[job.jobClass].entries) {
                if (u < entry.cumulativeProbability) {
                    arrive(entry.station, id, t);
                    return;
                }
            }
        }
        endPass(id, t);
    }

    void endPass(std::uint32_t id, double t)
    {
        const Job &job = m_jobs[id];
        if (measured(t)) {
            ClassStats &stats = m_out.classes[job.jobClass];
            ++stats.passes;
            stats.responseSum += t - job.passStart;
        }
        const JobClass &j = m_net.classes[job.jobClass];
        if (j.kind == ClassKind::Open)
            m_freeJobs.push_back(id);
        else // even without think time the next pass is an event, so empty passes count against the budget
            schedule(t + thinkTime(j), EventType::ThinkEnd, 0, id);
    }

    void arrive(std::uint32_t k, std::uint32_t id, double t)
    {
        Job &job = m_jobs[id];
        updateStation(k, t);
        updateStationClass(job.jobClass, k, t);
        StationState &s = m_out.stations[k];
        if (s.mode == Mode::ProcessorSharing)
            psAdvance(k, t);
        ++s.present;
        ++m_out.stationClasses[job.jobClass * m_net.stationCount() + k].present;
        job.visitStart = t;
        job.work = sampleWork(job.jobClass, k);
        switch (s.mode) {
        case Mode::InfiniteServer:
            schedule(t + job.work, EventType::ServiceEnd, k, id);
            break;
        case Mode::Fcfs:
            if (s.busy < m_net.stations[k].servers) {
                ++s.busy;
                schedule(t + job.work, EventType::ServiceEnd, k, id);
            } else {
                s.waiting.push_back(id);
            }
            break;
        case Mode::ProcessorSharing:
            s.finishing.emplace_back(s.virtualTime + job.work, id);
            std::push_heap(s.finishing.begin(), s.finishing.end(), std::greater<>());
            psReschedule(k, t);
            break;
        }
    }

    void depart(std::uint32_t k, std::uint32_t id, double t)
    {
        const Job &job = m_jobs[id];
        updateStation(k, t);
        updateStationClass(job.jobClass, k, t);
        StationState &s = m_out.stations[k];
        StationClassStats &sc = m_out.stationClasses[job.jobClass * m_net.stationCount() + k];
        --s.present;
        --sc.present;
        if (measured(t)) {
            ++s.visits;
            ++sc.visits;
            sc.sojournSum += t - job.visitStart;
            sc.workDone += job.work;
        }
        if (s.mode == Mode::Fcfs) {
            if (s.waiting.empty()) {
                --s.busy;
            } else {
                const std::uint32_t next = s.waiting.front();
                s.waiting.pop_front();
                schedule(t + m_jobs[next].work, EventType::ServiceEnd, k, next);
            }
        }
        goNext(id, t);
    }

    void handle(const Event &event)
    {
        const double t = event.time;
        switch (event.type) {
        case EventType::Arrival: {
            const JobClass &j = m_net.classes[event.index];
            schedule(t + exponential(m_rng, 1.0 / j.arrivalRate), EventType::Arrival, 0, event.index);
            startPass(newJob(event.index), t);
            break;
        }
        case EventType::ThinkEnd:
            startPass(event.index, t);
            break;
        case EventType::ServiceEnd:
            depart(event.station, event.index, t);
            break;
        case EventType::PsEnd: {
            const std::size_t k = event.station;
            StationState &s = m_out.stations[k];
            psAdvance(k, t);
            std::pop_heap(s.finishing.begin(), s.finishing.end(), std::greater<>());
            const std::uint32_t id = s.finishing.back().second;
            s.finishing.pop_back();
            depart(index(k), id, t);
            // depart() may already have sent the job back here; either way the schedule is renewed.
            psReschedule(k, t);
            break;
        }
        }
    }

    const Plan &m_plan;
    const Network &m_net;
    std::mt19937_64 m_rng;
    std::gamma_distribution<double> m_gamma;
    double m_warmup;
    double m_end;
    std::uint64_t m_sequence = 0;
    std::vector<Event> m_heap;
    std::vector<Job> m_jobs;
    std::vector<std::uint32_t> m_freeJobs;
    std::vector<std::int64_t> m_counts;
    ReplicationOutcome m_out;
};

} // namespace

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

Mode modeOf(const Network &network, std::size_t k, QueueDiscipline discipline)
{
    const Station &station = network.stations[k];
    if (station.kind == StationKind::Delay)
        return Mode::InfiniteServer;
    if (station.kind == StationKind::LoadDependent || discipline == QueueDiscipline::ProcessorSharing)
        return Mode::ProcessorSharing;
    if (discipline == QueueDiscipline::Fcfs)
        return Mode::Fcfs;
    // Auto: FCFS is product-form only when every class has the same mean service time here.
    double first = 0.0;
    for (const JobClass &j : network.classes) {
        if (!j.visitsStation(k))
            continue;
        const double s = j.serviceTimes[k];
        if (first == 0.0)
            first = s;
        else if (std::abs(s - first) > 1e-12 * first)
            return Mode::ProcessorSharing;
    }
    return Mode::Fcfs;
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
double estimatedEventRate(const Network &network, const std::vector<Mode> &modes)
{
    double rate = 0.0;
    for (const JobClass &j : network.classes) {
        double perPass = 1.0;
        double totalDemand = 0.0;
        double throughput = j.kind == ClassKind::Open ? j.arrivalRate : std::numeric_limits<double>::infinity();
        for (std::size_t k = 0; k < network.stationCount(); ++k) {
            if (!j.visitsStation(k))
                continue;
            perPass += j.visits[k] * (modes[k] == Mode::ProcessorSharing ? 2.0 : 1.0);
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

    Plan plan;
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
        const ReplicationOutcome outcome = Replication(plan, static_cast<std::uint64_t>(r)).run();
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
        s.processorSharing = plan.modes[k] == Mode::ProcessorSharing;
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
