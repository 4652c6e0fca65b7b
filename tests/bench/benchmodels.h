#pragma once
// The benchmark models, defined by closed formulas so that Octave can build exactly the same
// networks (octaveModel) without a data file. Shared by bench_queueing (Google Benchmark) and
// bench_octave (side-by-side timing and accuracy against Octave's queueing package).

#include "queueing/network.h"

#include <cmath>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

namespace iovplan::bench {

using queueing::ClassKind;
using queueing::JobClass;
using queueing::Network;
using queueing::Station;
using queueing::StationKind;

struct BenchModel {
    std::string name;
    Network network;
    std::string octaveCall; ///< Octave statement computing [U, R, Q, X] for the same network
};

// Deterministic, varied service times and visit ratios: S in [0.01, 0.07], V in [1, 2].
inline double serviceTime(std::size_t c, std::size_t k)
{
    return 0.01 + 0.005 * static_cast<double>((7 * k + 3 * c) % 13);
}
inline double visitRatio(std::size_t c, std::size_t k)
{
    return 1.0 + 0.25 * static_cast<double>((k + 2 * c) % 5);
}

inline Network makeNetwork(std::size_t stations, const std::vector<std::int64_t> &populations, double thinkTime,
                           const std::vector<double> &arrivalRates)
{
    Network network;
    network.stations.reserve(stations);
    for (std::size_t k = 0; k < stations; ++k) {
        Station s;
        s.name = "s" + std::to_string(k);
        network.stations.push_back(std::move(s));
    }
    const std::size_t classes = populations.size() + arrivalRates.size();
    for (std::size_t c = 0; c < classes; ++c) {
        JobClass job;
        job.name = "c" + std::to_string(c);
        if (c < populations.size()) {
            job.kind = ClassKind::Closed;
            job.population = populations[c];
            job.thinkTime = thinkTime;
        } else {
            job.kind = ClassKind::Open;
            job.arrivalRate = arrivalRates[c - populations.size()];
        }
        job.visits.resize(stations);
        job.serviceTimes.resize(stations);
        for (std::size_t k = 0; k < stations; ++k) {
            job.visits[k] = visitRatio(c, k);
            job.serviceTimes[k] = serviceTime(c, k);
        }
        network.classes.push_back(std::move(job));
    }
    return network;
}

// Octave expressions building S and V (C x K) with the formulas above.
inline std::string octaveParameters(std::size_t classes, std::size_t stations)
{
    std::ostringstream out;
    out << "[k, c] = meshgrid(0:" << stations - 1 << ", 0:" << classes - 1 << ");\n"
        << "S = 0.01 + 0.005 * mod(7 * k + 3 * c, 13);\n"
        << "V = 1.0 + 0.25 * mod(k + 2 * c, 5);\n";
    return out.str();
}

inline std::vector<BenchModel> benchModels()
{
    std::vector<BenchModel> models;
    {
        BenchModel m{"exact MVA, 1 class, N=10000, 100 stations", makeNetwork(100, {10000}, 1.0, {}), {}};
        m.octaveCall = octaveParameters(1, 100) + "[U, R, Q, X] = qncsmva(10000, S, V, ones(1, 100), 1.0);";
        models.push_back(std::move(m));
    }
    {
        BenchModel m{"exact MVA, 3 classes x 30, 50 stations", makeNetwork(50, {30, 30, 30}, 1.0, {}), {}};
        m.octaveCall = octaveParameters(3, 50) + "[U, R, Q, X] = qncmmva([30 30 30], S, V, ones(1, 50), [1 1 1]);";
        models.push_back(std::move(m));
    }
    {
        std::vector<std::int64_t> populations(20, 200);
        BenchModel m{"approximate MVA, 20 classes x 200, 1000 stations", makeNetwork(1000, populations, 1.0, {}), {}};
        m.octaveCall = octaveParameters(20, 1000) +
            "[U, R, Q, X] = qncmmvabs(200 * ones(1, 20), S, V, ones(1, 1000), ones(1, 20), 1e-10, 100000);";
        models.push_back(std::move(m));
    }
    {
        // Arrival rates keep the busiest station below 65% (max demand per class 0.07 x 2). Octave's qnom
        // reads visits per arrival of any class (X = sum(lambda) V), hence V scaled by 1.5 / 4.5.
        BenchModel m{"open, 3 classes, 100000 stations", makeNetwork(100000, {}, 0.0, {1.5, 1.5, 1.5}), {}};
        m.octaveCall = octaveParameters(3, 100000) + "[U, R, Q, X] = qnom([1.5 1.5 1.5], S, V / 3, ones(1, 100000));";
        models.push_back(std::move(m));
    }
    return models;
}

} // namespace iovplan::bench
