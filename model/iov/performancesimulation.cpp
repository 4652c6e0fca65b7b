#include "performancesimulation.h"

#include "networkbuilder.h"

#include "queueing/invalidnetwork.h"

#include <unordered_map>

namespace iovplan::iov {

namespace q = iovplan::queueing;

PerformanceSimulation simulatePerformance(const design::Scenario &scenario, const design::PinnedCatalog &catalog,
                                          const q::SimulationOptions &options)
{
    PerformanceSimulation result;
    const DesignPaths paths = designPaths(scenario, catalog);
    const BuiltNetwork built = buildNetwork(paths, true);
    const q::Network net = denseNetwork(built);
    if (net.classCount() == 0) {
        result.note = QStringLiteral("the scenario offers no load");
        return result;
    }
    q::SimulationResult sim;
    try {
        sim = q::simulate(net, options);
    } catch (const q::InvalidNetwork &e) {
        result.note = QString::fromStdString(e.what());
        return result;
    }
    result.simulated = true;
    result.events = sim.events;
    result.replications = sim.replications;
    result.note = QString::fromStdString(sim.note);

    // Per-visit residence (and half-width) of each class at each station: measured V × R over engine visits.
    std::vector<std::unordered_map<std::string, q::Estimate>> perVisit(sim.stations.size());
    for (std::size_t k = 0; k < sim.stations.size(); ++k) {
        for (const q::SimulatedStationClass &r : sim.stations[k].perClass) {
            const auto cls = std::find_if(net.classes.begin(), net.classes.end(),
                                          [&](const q::JobClass &c) { return c.name == r.className; });
            const double v = cls != net.classes.end() ? cls->visits[k] : 0.0;
            if (v > 0.0)
                perVisit[k][r.className] = { r.residenceTime.mean / v, r.residenceTime.halfWidth / v };
        }
    }
    for (const TrafficClass traffic : allTrafficClasses) {
        double rate = 0.0;
        double latency = 0.0;
        double halfWidth = 0.0;
        for (std::size_t c = 0; c < built.classes.size(); ++c) {
            const ClassInfo &info = built.classes[c];
            if (info.compute || info.traffic != traffic)
                continue;
            double mean = info.fixedLatencyS;
            double hw = 0.0;
            for (const auto &[k, visits] : info.trueVisits) {
                const auto found = perVisit[k].find(net.classes[c].name);
                if (found == perVisit[k].end())
                    continue;
                mean += visits * found->second.mean;
                hw += visits * found->second.halfWidth;
            }
            rate += info.arrivalRate;
            latency += info.arrivalRate * mean;
            halfWidth += info.arrivalRate * hw;
        }
        if (rate > 0.0)
            result.classes.push_back({ traffic, latency / rate, halfWidth / rate });
    }
    return result;
}

} // namespace iovplan::iov
