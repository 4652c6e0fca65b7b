#pragma once
// Shared by the exact-solver tests: closed models in one call, the tolerances they are held to, and a
// comparison macro that prints both values to 17 digits on failure.

#include "queueing/closedmodel.h"

#include <QByteArray>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace iovplan::queueing::testing {

/// Published values are quoted to 6 significant digits (Jain, Bolch, Schwetman, QSP): 1e-5 relative.
inline constexpr double kPublished = 1e-5;
/// Exact fractions (QSP p.142) and re-computations by an independent exact method.
inline constexpr double kRecomputed = 1e-9;

/// Finite and within max(relative x |expected|, absolute) of the expected value.
inline bool near(double actual, double expected, double relative, double absolute = 0.0)
{
    return std::isfinite(actual) && std::fabs(actual - expected) <= std::max(relative * std::fabs(expected), absolute);
}

inline QByteArray mismatch(const char *what, double actual, double expected)
{
    return QByteArray(what) + ": " + QByteArray::number(actual, 'g', 17) + " expected " +
        QByteArray::number(expected, 'g', 17);
}

/// alpha(n) = min(n, c) for n = 1..population: a c-server queue as the model receives it.
inline ClosedModel::StationModel multiServer(int servers, std::int64_t population)
{
    ClosedModel::StationModel station;
    station.kind = ClosedModel::Kind::LoadDependent;
    for (std::int64_t n = 1; n <= population; ++n)
        station.alpha.push_back(static_cast<double>(std::min<std::int64_t>(n, servers)));
    return station;
}

/// servers: 0 delay, 1 single-server queue, c > 1 c-server queue (load dependent).
inline ClosedModel singleClassModel(const std::vector<int> &servers, const std::vector<double> &demands,
                                    std::int64_t population, double think)
{
    ClosedModel model;
    model.demands = Eigen::MatrixXd(1, static_cast<Eigen::Index>(demands.size()));
    for (std::size_t k = 0; k < demands.size(); ++k) {
        model.demands(0, static_cast<Eigen::Index>(k)) = demands[k];
        ClosedModel::StationModel station;
        station.kind = servers[k] == 0 ? ClosedModel::Kind::Delay : ClosedModel::Kind::Queue;
        model.stations.push_back(servers[k] > 1 ? multiServer(servers[k], population) : station);
    }
    model.population = {population};
    model.thinkTime = {think};
    return model;
}

} // namespace iovplan::queueing::testing

#define VERIFY_NEAR(what, actual, expected, relative)                                                              \
    QVERIFY2(::iovplan::queueing::testing::near((actual), (expected), (relative)),                                 \
             ::iovplan::queueing::testing::mismatch((what), (actual), (expected)).constData())
