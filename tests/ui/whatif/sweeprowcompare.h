#pragma once
// Exact comparison of sweep rows for the what-if GUI tests: the same computation must give the same bits,
// whether or not a progress callback watched it and whichever thread ran it.

#include "model/iov/whatif.h"

#include <QString>

#include <vector>

namespace iovplan::testing {

/// The first difference between `a` and `b` ("" when they are equal in every figure a row carries).
inline QString sweepRowDifference(const iov::SweepRow &a, const iov::SweepRow &b)
{
    const auto differs = [](const char *what) { return QString::fromLatin1(what); };
    if (a.step != b.step)
        return differs("step");
    if (a.value != b.value)
        return differs("value");
    if (a.capacitySearched != b.capacitySearched)
        return differs("capacitySearched");
    if (a.ioPurchase != b.ioPurchase || a.purchase != b.purchase || a.tcoUsd != b.tcoUsd)
        return differs("cost");
    if (a.typicalW != b.typicalW || a.wattsAtCpuUtilization != b.wattsAtCpuUtilization)
        return differs("watts");
    if (a.serversNotRewired != b.serversNotRewired || a.serversWithoutPath != b.serversWithoutPath)
        return differs("rewiring");
    const iov::PerformanceMetrics &p = a.performance;
    const iov::PerformanceMetrics &q = b.performance;
    if (p.cpuUtilization != q.cpuUtilization || p.cpuHeadroom != q.cpuHeadroom || p.ioCpuShare != q.ioCpuShare)
        return differs("cpu");
    if (p.maxVmsPerServer != q.maxVmsPerServer || p.capacitySearchCancelled != q.capacitySearchCancelled)
        return differs("maxVmsPerServer");
    if (p.saturated != q.saturated || p.bottleneck != q.bottleneck || p.maxLoadScale != q.maxLoadScale)
        return differs("saturation");
    if (p.classes.size() != q.classes.size())
        return differs("class count");
    for (std::size_t i = 0; i < p.classes.size(); ++i) {
        const iov::ClassMetrics &c = p.classes[i];
        const iov::ClassMetrics &d = q.classes[i];
        if (c.traffic != d.traffic || c.offeredBytesPerS != d.offeredBytesPerS || c.throughputBytesPerS != d.throughputBytesPerS
            || c.latencyS != d.latencyS || c.p99LatencyS != d.p99LatencyS || c.bottleneck != d.bottleneck
            || c.saturated != d.saturated || c.peakVmBytesPerS != d.peakVmBytesPerS)
            return QStringLiteral("class %1").arg(iov::trafficClassName(c.traffic));
    }
    if (p.stations.size() != q.stations.size())
        return differs("station count");
    for (std::size_t i = 0; i < p.stations.size(); ++i) {
        if (p.stations[i].name != q.stations[i].name || p.stations[i].utilization != q.stations[i].utilization)
            return QStringLiteral("station %1").arg(p.stations[i].name);
    }
    return {};
}

/// "row i: what" for the first of `rows` that differs from the same row of `reference` ("" when none does);
/// `reference` may be longer (a cancelled sweep is compared with the complete one).
inline QString sweepRowsDifference(const std::vector<iov::SweepRow> &rows, const std::vector<iov::SweepRow> &reference)
{
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const QString difference = i < reference.size() ? sweepRowDifference(rows[i], reference[i]) : QStringLiteral("missing");
        if (!difference.isEmpty())
            return QStringLiteral("row %1: %2").arg(i).arg(difference);
    }
    return {};
}

} // namespace iovplan::testing
