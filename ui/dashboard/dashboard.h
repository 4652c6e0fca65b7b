#pragma once
// The dashboard panel (issue 5, part 1): KPI tiles and four charts for the current scenario, following
// DesignSelection's scenario and EvaluationService's results. A view: it reads immutable evaluations and
// never changes the project. The latency-against-load curve is computed off the GUI thread; a newer
// evaluation supersedes a curve still being computed (docs/gui-dashboard.md).

#include "reports/kpifigures.h"
#include "reports/latencycurve.h"

#include "ui/editing/designselection.h"
#include "ui/editing/evaluationservice.h"

#include <QWidget>

#include <atomic>
#include <memory>

class QChartView;
class QGridLayout;
class QLabel;
class QTimer;

namespace iovplan::ui {

class BarChart;
class KpiTile;
class LatencyChart;

/// KPI tiles (objectNames "kpi-purchase", "kpi-tco", "kpi-watts", "kpi-throughput", "kpi-p99", "kpi-headroom",
/// "kpi-max-vms") and charts (QChartViews "chart-cost", "chart-power", "chart-latency", "chart-utilization") of
/// one scenario; a "stale" label while a newer evaluation of it is pending.
class Dashboard : public QWidget
{
    Q_OBJECT

public:
    Dashboard(EvaluationService &evaluations, DesignSelection &selection, QWidget *parent = nullptr);
    ~Dashboard() override;

    /// Shows `evaluation` (null: "no results yet") and starts its latency curve, swept with the pinned items
    /// the evaluation carries; a curve still computing for an older evaluation is cancelled.
    void setEvaluation(EvaluationPtr evaluation);
    [[nodiscard]] EvaluationPtr evaluation() const { return m_evaluation; }

    /// The tile with `id` (see reports::KpiFigure::id), or null.
    [[nodiscard]] KpiTile *tile(const QString &id) const;
    /// Whether the latency curve of the shown evaluation is still being computed.
    [[nodiscard]] bool isCurvePending() const { return m_curvePending; }
    /// Whether the "stale" hint is shown.
    [[nodiscard]] bool isStale() const;

Q_SIGNALS:
    /// The latency curve of the shown evaluation is drawn (tests wait for it).
    void curveReady();

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void followScenario();
    void updateStale();
    void updateCharts();
    void updateLatencyChart();
    void applyChartColours();
    void startCurve();
    void cancelCurve();
    void runCurve();
    void curveFinished(quint64 generation, const reports::LatencyCurve &curve);
    void layoutPanels();

    EvaluationService &m_evaluations;
    DesignSelection &m_selection;
    EvaluationPtr m_evaluation;
    std::unique_ptr<reports::LatencyCurve> m_curve; ///< of m_evaluation; null while computing
    quint64 m_curveGeneration = 0; ///< bumped by every evaluation shown: older curves are dropped
    bool m_curvePending = false;
    /// Set to stop the sweep running for an older evaluation (its progress callback returns false).
    std::shared_ptr<std::atomic<bool>> m_curveCancel;
    QTimer *m_curveDelay = nullptr; ///< starts the sweep once edits pause (see docs/gui-dashboard.md)

    std::unique_ptr<BarChart> m_costChart;
    std::unique_ptr<BarChart> m_powerChart;
    std::unique_ptr<BarChart> m_utilizationChart;
    std::unique_ptr<LatencyChart> m_latencyChart;

    QLabel *m_heading = nullptr;
    QLabel *m_stale = nullptr;
    std::vector<KpiTile *> m_tiles;
    QGridLayout *m_tileGrid = nullptr;
    QGridLayout *m_chartGrid = nullptr;
    int m_tileColumns = 0;
    int m_chartColumns = 0;
    QChartView *m_costView = nullptr;
    QChartView *m_powerView = nullptr;
    QChartView *m_latencyView = nullptr;
    QChartView *m_utilizationView = nullptr;
};

} // namespace iovplan::ui
