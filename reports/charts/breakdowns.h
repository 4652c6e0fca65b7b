#pragma once
// The breakdowns a scenario's charts show, as plain labelled values in full units: cost by BOM category,
// typical power by part, the busiest stations. Pure functions shared by the report's charts and the GUI
// dashboard (which scales them to its own units).

#include "model/cost/bom.h"
#include "model/cost/power.h"
#include "model/iov/performance.h"

#include <QString>

#include <vector>

namespace iovplan::reports {

/// One bar of a breakdown: its label and value.
struct ChartBar
{
    QString label;
    double value = 0.0;
};

/// Every BOM category's subtotal in US dollars, in report order (cost::allBomCategories), labelled with
/// cost::bomCategoryName ("adapters", ...).
[[nodiscard]] std::vector<ChartBar> costBars(const cost::BillOfMaterials &bom);
/// Typical watts: "server adapters", "gateway modules", "other I/O" (switches, gateway chassis, cables,
/// transceivers), "servers", "storage". They add up to PowerRollup::typicalW().
[[nodiscard]] std::vector<ChartBar> powerBars(const cost::PowerRollup &power);
/// The `top` busiest stations, busiest first, utilization as a 0..1 share (a non-finite one reads 0); the
/// bottleneck is always among them, first among equals.
[[nodiscard]] std::vector<ChartBar> utilizationBars(const iov::PerformanceMetrics &performance, int top = 10);

} // namespace iovplan::reports
