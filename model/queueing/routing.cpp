#include "routing.h"

#include "invalidnetwork.h"

#include <Eigen/SparseCore>
#include <Eigen/SparseLU>

#include <cmath>
#include <string>

namespace iovplan::queueing {

namespace {

using SparseMatrix = Eigen::SparseMatrix<double>;

// Probability mass leaving each station towards other stations.
Eigen::VectorXd rowSums(const Routing &routing)
{
    Eigen::VectorXd sums = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(routing.stationCount));
    for (const auto &t : routing.transitions)
        sums[static_cast<Eigen::Index>(t.from)] += t.probability;
    return sums;
}

void checkTransitions(const Routing &routing)
{
    for (const auto &t : routing.transitions) {
        if (t.from >= routing.stationCount || t.to >= routing.stationCount)
            throw InvalidNetwork("routing", "a transition names a station outside the network");
        if (!std::isfinite(t.probability) || t.probability < 0.0 || t.probability > 1.0)
            throw InvalidNetwork("routing", "routing probabilities must lie in [0, 1]");
    }
}

// Solves A x = b with a sparse LU factorisation; throws when A is singular or the result is not finite.
Eigen::VectorXd solveSparse(const SparseMatrix &a, const Eigen::VectorXd &b, const char *whySingular)
{
    Eigen::SparseLU<SparseMatrix> lu;
    lu.analyzePattern(a);
    lu.factorize(a);
    if (lu.info() != Eigen::Success)
        throw InvalidNetwork("routing", whySingular);
    Eigen::VectorXd x = lu.solve(b);
    if (lu.info() != Eigen::Success || !x.allFinite())
        throw InvalidNetwork("routing", whySingular);
    return x;
}

std::vector<double> toVisits(const Eigen::VectorXd &x)
{
    std::vector<double> visits(static_cast<std::size_t>(x.size()));
    for (Eigen::Index k = 0; k < x.size(); ++k) {
        // Round-off can leave -1e-17 at stations the class never reaches.
        visits[static_cast<std::size_t>(k)] = std::abs(x[k]) < 1e-13 ? 0.0 : x[k];
        if (visits[static_cast<std::size_t>(k)] < 0.0)
            throw InvalidNetwork("routing", "the routing gives a negative visit ratio");
    }
    return visits;
}

} // namespace

std::vector<double> openVisitRatios(const Routing &routing, const std::vector<double> &entry)
{
    checkTransitions(routing);
    const auto m = static_cast<Eigen::Index>(routing.stationCount);
    if (entry.size() != routing.stationCount)
        throw InvalidNetwork("arrivals", "one entry fraction per station is needed");
    const Eigen::VectorXd sums = rowSums(routing);
    for (Eigen::Index k = 0; k < m; ++k) {
        if (sums[k] > 1.0 + 1e-9)
            throw InvalidNetwork("routing", "probabilities leaving a station sum to more than 1");
    }

    // (I - P^T) v = e
    std::vector<Eigen::Triplet<double>> triplets;
    triplets.reserve(routing.transitions.size() + routing.stationCount);
    for (Eigen::Index k = 0; k < m; ++k)
        triplets.emplace_back(k, k, 1.0);
    for (const auto &t : routing.transitions)
        triplets.emplace_back(static_cast<Eigen::Index>(t.to), static_cast<Eigen::Index>(t.from), -t.probability);
    SparseMatrix a(m, m);
    a.setFromTriplets(triplets.begin(), triplets.end());
    a.makeCompressed();
    const Eigen::VectorXd e = Eigen::Map<const Eigen::VectorXd>(entry.data(), m);
    return toVisits(solveSparse(a, e, "jobs that enter can never leave: the routing has a closed loop with no exit"));
}

std::vector<double> closedVisitRatios(const Routing &routing, std::size_t reference)
{
    checkTransitions(routing);
    const auto m = static_cast<Eigen::Index>(routing.stationCount);
    if (reference >= routing.stationCount)
        throw InvalidNetwork("reference", "the reference station is not in the network");
    const Eigen::VectorXd sums = rowSums(routing);

    // Only the stations reachable from the reference take part; their rows must sum to one.
    std::vector<char> reachable(routing.stationCount, 0);
    std::vector<std::vector<std::size_t>> successors(routing.stationCount);
    for (const auto &t : routing.transitions) {
        if (t.probability > 0.0)
            successors[t.from].push_back(t.to);
    }
    std::vector<std::size_t> stack{reference};
    reachable[reference] = 1;
    while (!stack.empty()) {
        const std::size_t k = stack.back();
        stack.pop_back();
        for (std::size_t next : successors[k]) {
            if (!reachable[next]) {
                reachable[next] = 1;
                stack.push_back(next);
            }
        }
    }
    for (std::size_t k = 0; k < routing.stationCount; ++k) {
        if (reachable[k] && std::abs(sums[static_cast<Eigen::Index>(k)] - 1.0) > 1e-9)
            throw InvalidNetwork("routing", "in a closed class the probabilities leaving each visited station "
                                            "must sum to 1");
    }

    // v = P^T v restricted to reachable stations, with the reference row replaced by v_ref = 1.
    std::vector<Eigen::Triplet<double>> triplets;
    triplets.reserve(routing.transitions.size() + routing.stationCount);
    const auto ref = static_cast<Eigen::Index>(reference);
    for (Eigen::Index k = 0; k < m; ++k)
        triplets.emplace_back(k, k, 1.0);
    for (const auto &t : routing.transitions) {
        const auto to = static_cast<Eigen::Index>(t.to);
        if (to != ref && reachable[t.from] && reachable[t.to])
            triplets.emplace_back(to, static_cast<Eigen::Index>(t.from), -t.probability);
    }
    SparseMatrix a(m, m);
    a.setFromTriplets(triplets.begin(), triplets.end());
    a.makeCompressed();
    Eigen::VectorXd b = Eigen::VectorXd::Zero(m);
    b[ref] = 1.0;
    return toVisits(solveSparse(a, b, "the visit ratios are not determined: the routing does not return to the "
                                      "reference station"));
}

} // namespace iovplan::queueing
