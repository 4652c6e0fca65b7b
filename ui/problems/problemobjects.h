#pragma once
// What a problem is about, in terms the canvas can select, and the SLA misses the metrics imply.
// Problem::object holds whatever the model knew (docs/gui-dashboard.md, "Problems"): a device, rack or cable
// id (design checks), a queueing-station name such as "srv-001 (x16)/slot2/ports-in", "gateway/gw-1a/fc",
// "uplink/lan-1a" or "storage/arr-1" (saturation, bottlenecks), a pinned item id (missing catalog figures,
// unsupported IOV modes), a server group (RDMA downgrades) or the scenario's name (an unsolvable model).

#include "model/design/design.h"
#include "model/design/problem.h"
#include "model/design/scenario.h"
#include "model/iov/evaluation.h"

#include <QStringList>

#include <vector>

namespace iovplan::ui {

/// The design object ids `problem` points at, for DesignSelection: devices, racks, cables and cards
/// ("server/slotN"); every user of a pinned item, every server of a group; empty when it names the
/// scenario or nothing the design has.
[[nodiscard]] QStringList designObjectsOf(const design::Problem &problem, const design::Design &design);

/// The SLA misses of `metrics` against `scenario`'s SLA, as warnings (the figures stand; the targets are
/// not met): each interactive class (lan, san, ipc) whose p99 exceeds the SLA latency, and the carried
/// throughput per VM when it falls short of the SLA throughput. Each says by how much and names the
/// class's bottleneck as its object.
[[nodiscard]] std::vector<design::Problem> slaProblems(const design::Scenario &scenario,
                                                       const iov::ScenarioMetrics &metrics);

} // namespace iovplan::ui
