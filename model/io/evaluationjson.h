#pragma once
// The `iovplan-cli evaluate` JSON (ARCHITECTURE.md, "evaluate JSON"): base SI units in every key — watts,
// US dollars, bytes, seconds.

#include "model/cost/rollup.h"
#include "model/design/project.h"
#include "model/iov/evaluation.h"
#include "queueing/simulation.h"

#include <QJsonObject>

namespace iovplan::io {

/// Mean VMs per server of the scenario: Σ over servers of the VMs their group's profiles place, divided
/// by the number of servers (0 without servers).
[[nodiscard]] double vmsPerServer(const design::Scenario &scenario);

/// One scenario's object of the "scenarios" array: name, iov_mode, servers, vms_per_server, cost, power,
/// counts, performance, properties and problems.
[[nodiscard]] QJsonObject scenarioEvaluationJson(const design::Scenario &scenario, const iov::ScenarioMetrics &metrics);

/// {"scenarios": [...]} for the scenarios of `project` (all when `onlyScenario` is empty). With
/// `simulation`, each scenario's network is also simulated (`evaluate --simulate`): every class gains
/// "simulated_latency_s" and "simulated_latency_ci95_s", the performance part a "simulation" block.
[[nodiscard]] QJsonObject evaluationJson(const design::Project &project, const QString &onlyScenario = {},
                                         const queueing::SimulationOptions *simulation = nullptr);

} // namespace iovplan::io
