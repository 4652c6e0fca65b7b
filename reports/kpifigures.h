#pragma once
// The dashboard's KPI tiles as text: a pure function of a scenario and its metrics, so the widget only lays
// them out and tests compare the texts without a screen (docs/gui-dashboard.md).

#include "model/design/scenario.h"
#include "model/iov/evaluation.h"

#include <QString>

#include <optional>
#include <vector>

namespace iovplan::reports {

/// One KPI tile: a headline value, one short line of detail under it, and a caption saying what the figure
/// is and on what basis it is computed (the tile's tooltip).
struct KpiFigure
{
    QString id; ///< stable name: "purchase", "tco", "watts", "throughput", "p99", "headroom", "max-vms"
    QString title;
    QString value;
    QString detail;
    QString caption;
    bool alert = false; ///< a target missed or the design saturated: shown in the palette's alert colour
};

/// The tiles of one evaluation, in display order.
struct KpiFigures
{
    std::vector<KpiFigure> tiles;
    /// The tile with `id` (null when there is none).
    [[nodiscard]] const KpiFigure *tile(const QString &id) const;
};

/// The tiles of `scenario` evaluated as `metrics`. Never contains NaN or infinity: a saturated design's
/// performance tiles say at what load it saturates instead.
[[nodiscard]] KpiFigures kpiFigures(const design::Scenario &scenario, const iov::ScenarioMetrics &metrics);

/// "Saturated at 0.83× load" (or "Saturated" when the model gives no saturation point).
[[nodiscard]] QString saturatedText(const iov::PerformanceMetrics &performance);

/// VMs over the whole design: Σ over profiles of vmsPerServer × servers in the profile's group.
[[nodiscard]] int totalVms(const design::Scenario &scenario);
/// The worst p99 of the interactive classes (lan, san, ipc; migration is a background copy), the figure
/// the SLA latency bounds (docs/model.md, capacity search). None when no interactive class has one.
[[nodiscard]] std::optional<double> worstInteractiveP99(const iov::PerformanceMetrics &performance);
/// Carried bytes/s per VM over all classes, one direction (0 without VMs).
[[nodiscard]] double carriedBytesPerVm(const design::Scenario &scenario, const iov::PerformanceMetrics &performance);

} // namespace iovplan::reports
