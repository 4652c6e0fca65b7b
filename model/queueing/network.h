#pragma once
// The queueing network the engine solves: product-form stations and job classes.
// No Qt here: this folder uses the C++ standard library and Eigen only.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace iovplan::queueing {

enum class StationKind {
    Queue,         ///< c >= 1 identical servers; one server: FCFS (class-independent S) or PS.
    Delay,         ///< Infinite server: no waiting, residence = demand.
    LoadDependent, ///< Service rate with n present is alpha(n) times the rate with one.
};

/// A service centre of a product-form network.
struct Station {
    std::string name;
    StationKind kind = StationKind::Queue;
    int servers = 1;                     ///< Queue stations only.
    std::vector<double> rateMultipliers; ///< LoadDependent only: alpha(1..size()); the last holds beyond.

    /// alpha(n), n >= 1: the service rate with n jobs present relative to the rate with one job.
    /// Queue: min(n, c); Delay: n; LoadDependent: the list, its last value beyond its end.
    [[nodiscard]] double rateMultiplier(std::int64_t n) const;

    /// lim alpha(n) for large n: the station's capacity in jobs per single-job service time.
    /// Delay stations have no limit; this returns +infinity for them (never printed).
    [[nodiscard]] double capacityMultiplier() const;
};

enum class ClassKind { Open, Closed };

/// A class of jobs with its own routing (as visit ratios) and service times.
struct JobClass {
    std::string name;
    ClassKind kind = ClassKind::Closed;
    double arrivalRate = 0.0;         ///< Open: external arrivals per time unit.
    std::int64_t population = 0;      ///< Closed: number of jobs circulating.
    double thinkTime = 0.0;           ///< Closed: Z, time outside the stations per pass.
    std::vector<double> visits;       ///< Per station, network order; 0 where the class never goes.
    std::vector<double> serviceTimes; ///< Per station: mean service time per visit.

    /// D = V x S: the class's total service requirement at a station per pass.
    [[nodiscard]] double demand(std::size_t station) const { return visits[station] * serviceTimes[station]; }
    [[nodiscard]] bool visitsStation(std::size_t station) const { return demand(station) > 0.0; }
};

/// Stations and classes. Every class's vectors have one entry per station.
struct Network {
    std::vector<Station> stations;
    std::vector<JobClass> classes;

    [[nodiscard]] std::size_t stationCount() const { return stations.size(); }
    [[nodiscard]] std::size_t classCount() const { return classes.size(); }
    [[nodiscard]] bool hasOpenClasses() const;
    [[nodiscard]] bool hasClosedClasses() const;
};

} // namespace iovplan::queueing
