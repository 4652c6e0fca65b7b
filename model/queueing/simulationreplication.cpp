#include "simulationreplication.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <random>
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

struct Job {
    std::uint32_t jobClass = 0;
    double passStart = 0.0;
    double visitStart = 0.0;
    double work = 0.0; // service requirement of the current visit (time at the single-job rate)
    std::vector<std::uint32_t> route;
    std::size_t nextInRoute = 0;
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
    Replication(const ReplicationPlan &plan, std::uint64_t replication)
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
        case SimulatedDiscipline::Fcfs:
            return static_cast<double>(s.busy);
        case SimulatedDiscipline::InfiniteServer:
            return static_cast<double>(s.present);
        case SimulatedDiscipline::ProcessorSharing:
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
        if (s.mode == SimulatedDiscipline::ProcessorSharing)
            psAdvance(k, t);
        ++s.present;
        ++m_out.stationClasses[job.jobClass * m_net.stationCount() + k].present;
        job.visitStart = t;
        job.work = sampleWork(job.jobClass, k);
        switch (s.mode) {
        case SimulatedDiscipline::InfiniteServer:
            schedule(t + job.work, EventType::ServiceEnd, k, id);
            break;
        case SimulatedDiscipline::Fcfs:
            if (s.busy < m_net.stations[k].servers) {
                ++s.busy;
                schedule(t + job.work, EventType::ServiceEnd, k, id);
            } else {
                s.waiting.push_back(id);
            }
            break;
        case SimulatedDiscipline::ProcessorSharing:
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
        if (s.mode == SimulatedDiscipline::Fcfs) {
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

    const ReplicationPlan &m_plan;
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

ReplicationOutcome runReplication(const ReplicationPlan &plan, std::uint64_t replication)
{
    return Replication(plan, replication).run();
}

} // namespace iovplan::queueing
