#pragma once

#include <Eigen/Core>

#include <vector>

namespace iovplan::queueing {

struct Network;

/// Open classes of a product-form network solved on their own (M/M/1, M/M/c, M/M/inf, LD).
struct OpenSolution {
    bool saturated = false;
    int bottleneck = -1;          ///< station with the highest load relative to its capacity
    double maxArrivalScale = 0.0; ///< all open rates may grow by this factor before saturation
    /// Per station: offered load rho_k = sum_c lambda_c D_ck (in single-server units).
    Eigen::VectorXd load;
    /// The following are filled only when !saturated. C x M over all classes of the network;
    /// rows of closed classes stay zero.
    Eigen::MatrixXd residence;   ///< time per pass (V x R)
    Eigen::MatrixXd queueLength; ///< mean jobs present
    /// Per station, LoadDependent / multi-server: P(j jobs present), truncated where the tail
    /// falls below 1e-16 (empty for single-server and delay stations).
    std::vector<std::vector<double>> marginal;
};

} // namespace iovplan::queueing
