#pragma once
// Small builders shared by the queueing tests: stations and classes in one line each, and the
// relative comparison every test uses.

#include "queueing/network.h"
#include "queueing/solver.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace iovplan::queueing::testing {

/// |actual - expected| <= relative x |expected| (with a 1e-12 floor so zero compares to zero).
inline bool near(double actual, double expected, double relative)
{
    return std::abs(actual - expected) <= relative * std::max(std::abs(expected), 1e-12);
}

inline Station station(const std::string &name, StationKind kind = StationKind::Queue, int servers = 1,
                       std::vector<double> alpha = {})
{
    Station s;
    s.name = name;
    s.kind = kind;
    s.servers = servers;
    s.rateMultipliers = std::move(alpha);
    return s;
}

inline Station queue(const std::string &name, int servers = 1)
{
    return station(name, StationKind::Queue, servers);
}

inline Station delay(const std::string &name)
{
    return station(name, StationKind::Delay);
}

inline Station loadDependent(const std::string &name, std::vector<double> alpha)
{
    return station(name, StationKind::LoadDependent, 1, std::move(alpha));
}

inline JobClass openClass(const std::string &name, double lambda, std::vector<double> visits,
                          std::vector<double> service)
{
    JobClass j;
    j.name = name;
    j.kind = ClassKind::Open;
    j.arrivalRate = lambda;
    j.visits = std::move(visits);
    j.serviceTimes = std::move(service);
    return j;
}

inline JobClass closedClass(const std::string &name, std::int64_t population, double think,
                            std::vector<double> visits, std::vector<double> service)
{
    JobClass j;
    j.name = name;
    j.kind = ClassKind::Closed;
    j.population = population;
    j.thinkTime = think;
    j.visits = std::move(visits);
    j.serviceTimes = std::move(service);
    return j;
}

/// Solver options with the given method and convergence tolerance, the rest at their defaults.
inline SolveOptions optionsFor(MethodRequest method, double tolerance)
{
    SolveOptions options;
    options.method = method;
    options.tolerance = tolerance;
    return options;
}

} // namespace iovplan::queueing::testing
