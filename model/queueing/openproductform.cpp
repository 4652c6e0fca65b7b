#include "openproductform.h"

#include "erlang.h"
#include "network.h"

#include <algorithm>
#include <cmath>
#include <limits>

// Open product-form networks (Jackson / BCMP open classes). Equations, stability notes and timings:
// docs/queueing-open-mixed.md. The hot loop over stations allocates nothing for single-server and delay
// stations: the result matrices are allocated once, column-major C x M, written one station (column)
// at a time.

namespace iovplan::queueing {

namespace {

/// Marginal probabilities below this tail mass are dropped (opensolution.h).
constexpr double kTailCutoff = 1e-16;
/// A marginal never grows beyond this many states, even when rho is within 1e-10 of capacity.
constexpr std::size_t kMaxMarginalLength = 1000000;

} // namespace

std::int64_t constantRateFrom(const Station &station)
{
    switch (station.kind) {
    case StationKind::Queue:
        return std::max(1, station.servers);
    case StationKind::LoadDependent:
        return std::max<std::int64_t>(1, static_cast<std::int64_t>(station.rateMultipliers.size()));
    case StationKind::Delay:
        return 1;
    }
    return 1;
}

OpenStationDistribution openStationDistribution(const Station &station, double load)
{
    OpenStationDistribution result;
    if (!(load > 0.0)) {
        result.marginal = {1.0};
        return result;
    }
    const std::int64_t last = constantRateFrom(station);
    const auto lastIndex = static_cast<std::size_t>(last);
    // log f(n) = n log rho - sum_{i<=n} log alpha(i), n = 0..L; beyond L, f(n) = f(L) r^(n-L).
    std::vector<double> logF(lastIndex + 1, 0.0);
    const double logRho = std::log(load);
    double peak = 0.0;
    for (std::size_t n = 1; n <= lastIndex; ++n) {
        logF[n] = logF[n - 1] + logRho - std::log(station.rateMultiplier(static_cast<std::int64_t>(n)));
        peak = std::max(peak, logF[n]);
    }
    const double r = load / station.rateMultiplier(last); // < 1 by the caller's contract
    const double tailFactor = r / (1.0 - r);              // sum_{j>=1} r^j
    // Normalise relative to the peak so that neither f nor G overflows.
    double g = 0.0;
    double first = 0.0; // sum n f(n), scaled
    std::vector<double> &p = result.marginal;
    p.resize(lastIndex + 1);
    for (std::size_t n = 0; n <= lastIndex; ++n) {
        p[n] = std::exp(logF[n] - peak);
        g += p[n];
        first += static_cast<double>(n) * p[n];
    }
    const double fLast = p[lastIndex];
    const double lastN = static_cast<double>(last);
    g += fLast * tailFactor;
    // sum_{j>=1} (L + j) r^j = L r / (1 - r) + r / (1 - r)^2
    first += fLast * (lastN * tailFactor + tailFactor / (1.0 - r));
    result.meanNumber = first / g;
    for (double &x : p)
        x /= g;

    // Truncate where the remaining tail mass drops below the cutoff.
    const double geometricTail = p[lastIndex] * tailFactor; // mass beyond L
    double tail = geometricTail;                            // mass beyond n, walking n down from L
    std::size_t keep = lastIndex + 1;
    for (std::size_t n = lastIndex + 1; n-- > 0;) {
        if (tail >= kTailCutoff)
            break;
        keep = n + 1;
        tail += p[n];
    }
    if (keep <= lastIndex) {
        p.resize(keep);
        return result;
    }
    // Extend through the geometric tail.
    double pn = p[lastIndex];
    while (pn * tailFactor >= kTailCutoff && p.size() < kMaxMarginalLength) {
        pn *= r;
        p.push_back(pn);
    }
    return result;
}

OpenSolution solveOpenClasses(const Network &network)
{
    const std::size_t m = network.stationCount();
    const std::size_t classes = network.classCount();
    const auto em = static_cast<Eigen::Index>(m);
    const auto ec = static_cast<Eigen::Index>(classes);

    OpenSolution s;
    s.load = Eigen::VectorXd::Zero(em);
    s.residence = Eigen::MatrixXd::Zero(ec, em);
    s.queueLength = Eigen::MatrixXd::Zero(ec, em);
    s.marginal.resize(m);

    // Hot loop data: one (lambda, visits, service times) row per open class, raw pointers so that the
    // loop over stations touches only contiguous arrays.
    struct OpenRow {
        std::size_t index;
        double lambda;
        const double *visits;
        const double *service;
    };
    std::vector<OpenRow> open;
    for (std::size_t c = 0; c < classes; ++c) {
        const JobClass &j = network.classes[c];
        if (j.kind == ClassKind::Open)
            open.push_back({c, j.arrivalRate, j.visits.data(), j.serviceTimes.data()});
    }
    double *residence = s.residence.data(); // column-major: (c, k) at c + k * C
    double *queueLength = s.queueLength.data();
    const auto writeStation = [&](std::size_t k, double stretch) {
        for (const OpenRow &row : open) {
            const double r = row.visits[k] * row.service[k] * stretch;
            residence[row.index + k * classes] = r;
            queueLength[row.index + k * classes] = row.lambda * r;
        }
    };

    double worst = -1.0;
    double scale = std::numeric_limits<double>::infinity();
    for (std::size_t k = 0; k < m; ++k) {
        const Station &station = network.stations[k];
        double rho = 0.0;
        for (const OpenRow &row : open)
            rho += row.lambda * row.visits[k] * row.service[k];
        s.load[static_cast<Eigen::Index>(k)] = rho;
        if (station.kind == StationKind::Delay) {
            writeStation(k, 1.0);
            continue;
        }
        const bool singleServer = station.kind == StationKind::Queue && station.servers == 1;
        const double capacity = singleServer ? 1.0 : station.capacityMultiplier();
        if (rho > 0.0) {
            const double relative = rho / capacity;
            if (relative > worst) {
                worst = relative;
                s.bottleneck = static_cast<int>(k);
            }
            scale = std::min(scale, capacity / rho);
        }
        if (!(rho < capacity)) {
            s.saturated = true;
            continue;
        }
        if (singleServer) {
            writeStation(k, 1.0 / (1.0 - rho)); // R = D / (1 - U)
            continue;
        }
        // Multi-server queue or load-dependent station: mean number from Erlang C (or the marginal),
        // split by class in proportion to lambda_c D_ck; residence = Q_ck / lambda_c.
        OpenStationDistribution distribution = openStationDistribution(station, rho);
        double stretch = 0.0; // residence_ck = D_ck * stretch
        if (station.kind == StationKind::Queue)
            stretch = 1.0 + erlangC(rho, station.servers) / (static_cast<double>(station.servers) - rho);
        else if (rho > 0.0)
            stretch = distribution.meanNumber / rho;
        writeStation(k, stretch);
        s.marginal[k] = std::move(distribution.marginal);
    }
    // No station limits the open classes (delay stations only): report the largest finite double
    // rather than infinity, which must never reach the output.
    s.maxArrivalScale = std::isfinite(scale) ? scale : std::numeric_limits<double>::max();
    if (s.saturated) {
        s.residence.setZero();
        s.queueLength.setZero();
        for (auto &p : s.marginal)
            std::vector<double>().swap(p);
    }
    return s;
}

} // namespace iovplan::queueing
