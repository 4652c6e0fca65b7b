#pragma once
// The closed part of a network reduced to what the MVA family reads: demands, populations,
// think times and each station's rate function. The solver builds it from a Network; mixed
// networks build it with demands and rate functions adjusted for the open load.

#include <Eigen/Core>

#include <cstdint>
#include <vector>

namespace iovplan::queueing {

struct ClosedModel {
    enum class Kind {
        Delay,         ///< residence = demand
        Queue,         ///< one server, load independent: residence = D (1 + Q(n - e_c))
        LoadDependent, ///< alpha table; multi-server queues arrive here as alpha(n) = min(n, c)
    };
    struct StationModel {
        Kind kind = Kind::Queue;
        /// LoadDependent: alpha[n - 1] is the rate multiplier with n jobs present, for
        /// n = 1 .. totalPopulation() (the table is always that long; must be > 0).
        std::vector<double> alpha;
    };

    std::vector<StationModel> stations;   ///< M
    Eigen::MatrixXd demands;              ///< C x M: demand per pass, D = V x S
    std::vector<std::int64_t> population; ///< C, each >= 1
    std::vector<double> thinkTime;        ///< C, each >= 0

    [[nodiscard]] Eigen::Index classCount() const { return demands.rows(); }
    [[nodiscard]] Eigen::Index stationCount() const { return demands.cols(); }
    [[nodiscard]] std::int64_t totalPopulation() const
    {
        std::int64_t total = 0;
        for (auto n : population)
            total += n;
        return total;
    }
};

/// What a closed solver returns, at the full population.
struct ClosedSolution {
    Eigen::VectorXd throughput;  ///< C: passes per time unit
    Eigen::MatrixXd residence;   ///< C x M: time per pass at the station (V x R)
    Eigen::MatrixXd queueLength; ///< C x M: mean class-c jobs at the station, waiting or in service
    /// Per station, LoadDependent only (empty for the others): P(j jobs present), j = 0..N,
    /// summing to 1. Exact solvers give the true marginal; approximate ones their estimate.
    std::vector<std::vector<double>> marginal;
    int iterations = 0;    ///< approximate solvers: fixed-point iterations used; exact: 0
    bool converged = true; ///< approximate solvers: the tolerance was met
};

} // namespace iovplan::queueing
