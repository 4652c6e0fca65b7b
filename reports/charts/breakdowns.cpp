#include "breakdowns.h"

#include <algorithm>
#include <cmath>

namespace iovplan::reports {

std::vector<ChartBar> costBars(const cost::BillOfMaterials &bom)
{
    std::vector<ChartBar> bars;
    for (const cost::BomCategory category : cost::allBomCategories)
        bars.push_back({ cost::bomCategoryName(category), cost::toUsd(bom.subtotal(category)) });
    return bars;
}

std::vector<ChartBar> powerBars(const cost::PowerRollup &power)
{
    const double otherIo = std::max(0.0, power.ioTypicalW - power.adapterTypicalW - power.gatewayModuleTypicalW);
    return { { QStringLiteral("server adapters"), power.adapterTypicalW },
             { QStringLiteral("gateway modules"), power.gatewayModuleTypicalW },
             { QStringLiteral("other I/O"), otherIo },
             { QStringLiteral("servers"), power.serverTypicalW },
             { QStringLiteral("storage"), power.storageTypicalW } };
}

namespace {

// A NaN would break the sort's ordering: it sorts as idle.
double sortKey(double utilization)
{
    return std::isnan(utilization) ? 0.0 : utilization;
}

} // namespace

std::vector<ChartBar> utilizationBars(const iov::PerformanceMetrics &performance, int top)
{
    std::vector<const iov::StationMetrics *> stations;
    for (const iov::StationMetrics &s : performance.stations)
        stations.push_back(&s);
    // Busiest first; among equals the model's order, so the bottleneck (the first busiest) leads.
    std::stable_sort(stations.begin(), stations.end(), [&](const iov::StationMetrics *a, const iov::StationMetrics *b) {
        const bool aBottleneck = a->name == performance.bottleneck;
        const bool bBottleneck = b->name == performance.bottleneck;
        if (aBottleneck != bBottleneck)
            return aBottleneck;
        return sortKey(a->utilization) > sortKey(b->utilization);
    });
    std::vector<ChartBar> bars;
    for (const iov::StationMetrics *s : stations) {
        if (static_cast<int>(bars.size()) >= top)
            break;
        bars.push_back({ s->name, std::isfinite(s->utilization) ? s->utilization : 0.0 });
    }
    return bars;
}

} // namespace iovplan::reports
