#pragma once
// What-if analysis on top of the performance model and the cost roll-up (issue 4, part 5; docs/whatif.md):
// one parameter swept over a range, and each gateway, switch, uplink or HCA failed in turn.
// Pure functions of a scenario and the pinned items, like evaluatePerformance and rollUp.

#include "performance.h"

#include "model/cost/bom.h"
#include "model/design/itemspecs.h"
#include "model/design/scenario.h"

#include <QString>

#include <optional>
#include <vector>

namespace iovplan::iov {

/// What a sweep varies.
enum class SweepKind {
    VmsPerServer, ///< VMs on every server (each group's profiles scaled in proportion)
    LoadScale, ///< factor on every per-VM byte and IOPS rate
    Gateways, ///< gateways kept per side, their servers rewired onto the rest
    Hcas, ///< InfiniBand adapters per server (1 or 2)
    Price, ///< the price of one pinned item, USD
};

/// A sweep parameter: its kind and, for a price, the item.
struct SweepParameter
{
    SweepKind kind = SweepKind::VmsPerServer;
    QString itemId; ///< Price only

    /// "vms_per_server", "load_scale", "gateways", "hcas" or "price:<item_id>".
    [[nodiscard]] QString name() const;
    /// Whether values are rounded to whole numbers before they are applied.
    [[nodiscard]] bool integral() const;
};

/// The parameter spelled `text` (see SweepParameter::name), if any.
[[nodiscard]] std::optional<SweepParameter> sweepParameterFromName(const QString &text);

/// Computes rows index, index + count, index + 2·count, … of a sweep (0-based), so a job array can split it.
struct SweepShard
{
    int index = 0;
    int count = 1;
};

/// The figures of one sweep step.
struct SweepRow
{
    int step = 0; ///< global step index 0 .. steps−1, the same in a shard as in the full sweep
    double value = 0.0; ///< the parameter value applied (rounded for whole-number parameters)
    PerformanceMetrics performance; ///< classes, CPU, saturation, bottleneck (maxVmsPerServer 0 unless searched)
    bool capacitySearched = false;
    cost::Cents ioPurchase = 0;
    cost::Cents purchase = 0;
    double tcoUsd = 0.0;
    double typicalW = 0.0; ///< all I/O and servers at each item's typical draw
    double wattsAtCpuUtilization = 0.0; ///< servers interpolated at the predicted CPU utilization, plus I/O
    /// Servers the rewiring of a `gateways` or `hcas` step could not complete (no free port or slot).
    std::vector<QString> serversNotRewired;
    /// Servers whose workload offers a class that no cabled adapter carries, after the step's change.
    int serversWithoutPath = 0;
};

/// A whole sweep (or one shard of it), or why it was refused.
struct SweepResult
{
    SweepParameter parameter;
    std::vector<SweepRow> rows; ///< in step order
    /// The progress callback asked to stop: `rows` holds the steps computed before it did.
    bool cancelled = false;
    QString error; ///< non-empty when the request was refused (nothing computed)
    QString errorField; ///< the option the error is about: "--param", "--from", "--to", "--steps", "--shard"
};

/// Options of a sweep.
struct SweepOptions
{
    std::optional<SweepShard> shard;
    /// Run the capacity search (max VMs per server) at every step. Off by default: it costs a few dozen
    /// evaluations per step. Never run for `vms_per_server`, whose steps set the VM count themselves.
    bool capacitySearch = false;
    /// Called after each computed row with (rows computed, rows this sweep or shard computes); returning
    /// false stops the sweep, which returns the rows so far with `cancelled` set. Empty: not called, the
    /// same results.
    ProgressCallback progress;
};

/// The value of step `step` of a sweep from `from` to `to` in `steps` steps (both ends included).
[[nodiscard]] double sweepValue(double from, double to, int steps, int step);

/// Sweeps `parameter` from `from` to `to` (inclusive, `steps` ≥ 1 values evenly spaced; `from` may exceed
/// `to` for a descending sweep; one step needs from = to). Refuses values the parameter cannot take.
[[nodiscard]] SweepResult sweep(const design::Scenario &scenario, const design::PinnedCatalog &catalog,
                                const SweepParameter &parameter, double from, double to, int steps,
                                const SweepOptions &options = {});

/// A scenario changed by one sweep value, and what could not be applied.
struct AppliedChange
{
    design::Scenario scenario;
    design::PinnedCatalog catalog;
    std::vector<QString> serversNotRewired;
};

/// Applies one parameter value (already validated and rounded) to a copy of the scenario and catalog.
[[nodiscard]] AppliedChange applySweepValue(const design::Scenario &scenario, const design::PinnedCatalog &catalog,
                                            const SweepParameter &parameter, double value);

// ---- failures ----------------------------------------------------------------------------------

/// What fails in one failure case.
enum class FailureKind { None, Gateway, Switch, Uplink, Hca };
/// "none", "gateway", "switch", "uplink" or "hca".
[[nodiscard]] QString failureKindName(FailureKind kind);

/// One traffic class under a failure.
struct FailureClass
{
    TrafficClass traffic = TrafficClass::Lan;
    double offeredBytesPerS = 0.0; ///< what the intact design is offered (all servers)
    double carriedBytesPerS = 0.0; ///< what the degraded design carries
    std::optional<double> p99LatencyS; ///< none when saturated or nothing is carried
    std::optional<double> latencyS;
    QString bottleneck;
    bool saturated = false;
    int serversWithoutPath = 0; ///< servers offering the class that no cabled adapter serves any more
};

/// One element failed (or none: the intact design) and what the design then does.
struct FailureCase
{
    FailureKind kind = FailureKind::None;
    QString element; ///< gateway, switch or cable id; "server/slotN" for an HCA; empty for none
    int removedCables = 0;
    std::vector<FailureClass> classes; ///< the classes the intact design carries, lan/san/ipc/migration order
    bool saturated = false;
    QString bottleneck;
    double cpuUtilization = 0.0;
};

/// Every failure case of one scenario.
struct FailureReport
{
    QString scenario;
    FailureCase intact;
    std::vector<FailureCase> failures; ///< gateways, switches, uplink cables, then the HCA, in design order
};

/// Fails, one at a time, every gateway, every switch, every uplink cable (a cable with a fabric end) and
/// one HCA (the first server's first InfiniBand adapter, as a representative), each with the cables on it,
/// and re-evaluates the performance (docs/whatif.md).
[[nodiscard]] FailureReport failures(const design::Scenario &scenario, const design::PinnedCatalog &catalog);

} // namespace iovplan::iov
