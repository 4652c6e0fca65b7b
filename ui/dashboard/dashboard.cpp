#include "dashboard.h"

#include "dashboardcharts.h"
#include "kpitile.h"

#include <QEvent>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QResizeEvent>
#include <QScrollArea>
#include <QScrollBar>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace iovplan::ui {

namespace {

// Layout (docs/gui-dashboard.md): seven tiles in one row when each gets this much, else balanced rows;
// four charts side by side when each gets chartWidth, else two by two, else one column.
constexpr int tileWidth = 135;
constexpr int chartWidth = 260;
constexpr int chartHeight = 220;
constexpr int margin = 6;
constexpr int spacing = 6;
// The latency sweep starts once edits pause this long: while a spin box is held, no sweep competes with
// the evaluations for the CPU (a sweep is two dozen evaluations).
constexpr int curveDelayMs = 150;

const QStringList tileIds { QStringLiteral("purchase"), QStringLiteral("tco"), QStringLiteral("watts"),
                            QStringLiteral("throughput"), QStringLiteral("p99"), QStringLiteral("headroom"),
                            QStringLiteral("max-vms") };

QChartView *newChartView(const QString &name, QChart *chart, QWidget *parent)
{
    auto *view = new QChartView(chart, parent);
    view->setObjectName(name);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(chartWidth - 40, chartHeight);
    view->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    view->setFrameShape(QFrame::NoFrame);
    return view;
}

} // namespace

Dashboard::Dashboard(EvaluationService &evaluations, DesignSelection &selection, QWidget *parent)
    : QWidget(parent)
    , m_evaluations(evaluations)
    , m_selection(selection)
    , m_curveDelay(new QTimer(this))
    , m_costChart(std::make_unique<BarChart>(costChartTitle(), QStringLiteral("thousand USD"), 3))
    , m_powerChart(std::make_unique<BarChart>(powerChartTitle(), QStringLiteral("kW"), 3))
    , m_utilizationChart(std::make_unique<BarChart>(utilizationChartTitle(), QStringLiteral("utilization, %"), 3))
    , m_latencyChart(std::make_unique<LatencyChart>())
{
    auto *content = new QWidget;
    auto *column = new QVBoxLayout(content);
    column->setContentsMargins(margin, margin, margin, margin);
    column->setSpacing(spacing);

    auto *headingRow = new QHBoxLayout;
    m_heading = new QLabel(content);
    m_heading->setObjectName(QStringLiteral("heading"));
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_heading->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_stale = new QLabel(tr("Updating…"), content);
    m_stale->setObjectName(QStringLiteral("stale"));
    m_stale->setToolTip(tr("The figures are from before the last edit; its evaluation is running."));
    m_stale->setForegroundRole(QPalette::PlaceholderText);
    m_stale->setVisible(false);
    headingRow->addWidget(m_heading, 1);
    headingRow->addWidget(m_stale);
    column->addLayout(headingRow);

    m_tileGrid = new QGridLayout;
    m_tileGrid->setSpacing(spacing);
    for (const QString &id : tileIds) {
        auto *tile = new KpiTile(content);
        reports::KpiFigure empty;
        empty.id = id;
        empty.value = QStringLiteral("—");
        tile->setFigure(empty);
        m_tiles.push_back(tile);
    }
    column->addLayout(m_tileGrid);

    m_chartGrid = new QGridLayout;
    m_chartGrid->setSpacing(spacing);
    m_costView = newChartView(QStringLiteral("chart-cost"), m_costChart->chart(), content);
    m_powerView = newChartView(QStringLiteral("chart-power"), m_powerChart->chart(), content);
    m_latencyView = newChartView(QStringLiteral("chart-latency"), m_latencyChart->chart(), content);
    m_utilizationView = newChartView(QStringLiteral("chart-utilization"), m_utilizationChart->chart(), content);
    column->addLayout(m_chartGrid, 1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    layoutPanels();
    applyChartColours();

    m_curveDelay->setSingleShot(true);
    m_curveDelay->setInterval(curveDelayMs);
    connect(m_curveDelay, &QTimer::timeout, this, &Dashboard::runCurve);

    connect(&m_evaluations, &EvaluationService::evaluated, this, [this](ScenarioKey key) {
        if (key == m_selection.scenario())
            setEvaluation(m_evaluations.latest(key));
        updateStale();
    });
    connect(&m_evaluations, &EvaluationService::busyChanged, this, &Dashboard::updateStale);
    connect(&m_selection, &DesignSelection::scenarioChanged, this, &Dashboard::followScenario);
    followScenario();
}

Dashboard::~Dashboard()
{
    cancelCurve();
}

void Dashboard::followScenario()
{
    setEvaluation(m_evaluations.latest(m_selection.scenario()));
    updateStale();
}

KpiTile *Dashboard::tile(const QString &id) const
{
    const auto found = std::find_if(m_tiles.begin(), m_tiles.end(), [&](const KpiTile *t) { return t->figure().id == id; });
    return found != m_tiles.end() ? *found : nullptr;
}

bool Dashboard::isStale() const
{
    return !m_stale->isHidden();
}

void Dashboard::updateStale()
{
    const bool stale = m_evaluation && m_evaluation->key == m_selection.scenario()
                       && m_evaluations.isPending(m_selection.scenario());
    m_stale->setVisible(stale);
    if (stale && m_curvePending) {
        // The curve being swept belongs to figures an edit just outdated: stop it so the edit's own
        // evaluation gets the CPU, and drop what it returns; the new evaluation starts the next curve.
        ++m_curveGeneration;
        cancelCurve();
        m_curveDelay->stop();
    }
}

void Dashboard::setEvaluation(EvaluationPtr evaluation)
{
    const bool sameScenario = m_evaluation && evaluation && m_evaluation->key == evaluation->key;
    m_evaluation = std::move(evaluation);
    if (!sameScenario)
        m_curve.reset(); // another scenario's curve would mislead while the new one is computed
    if (!m_evaluation) {
        m_heading->setText(tr("Evaluating…"));
        for (KpiTile *t : m_tiles) {
            reports::KpiFigure empty;
            empty.id = t->figure().id;
            empty.title = t->figure().title;
            empty.value = QStringLiteral("—");
            t->setFigure(empty);
        }
        startCurve();
        updateStale();
        return;
    }
    const design::Scenario &scenario = m_evaluation->scenario;
    m_heading->setText(tr("%1 — %2 IOV, %3 servers")
                           .arg(scenario.name, design::iovModeName(scenario.iovMode))
                           .arg(m_evaluation->metrics.rollup.counts.servers));
    const reports::KpiFigures figures = reports::kpiFigures(scenario, m_evaluation->metrics);
    for (const reports::KpiFigure &figure : figures.tiles) {
        if (KpiTile *t = tile(figure.id))
            t->setFigure(figure);
    }
    startCurve(); // also updates the charts
    updateStale();
}

void Dashboard::cancelCurve()
{
    if (m_curveCancel)
        m_curveCancel->store(true);
    m_curveCancel.reset();
}

void Dashboard::startCurve()
{
    ++m_curveGeneration;
    cancelCurve();
    m_curveDelay->stop();
    m_curvePending = m_evaluation != nullptr;
    if (m_curvePending)
        m_curveDelay->start();
    updateCharts();
}

void Dashboard::runCurve()
{
    if (!m_evaluation || !m_curvePending)
        return;
    const quint64 generation = m_curveGeneration;
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_curveCancel = cancel;
    auto *watcher = new QFutureWatcher<reports::LatencyCurve>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        curveFinished(generation, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([evaluation = m_evaluation, cancel] {
        return reports::latencyCurve(evaluation->scenario, evaluation->catalog, evaluation->metrics.performance.maxLoadScale,
                            24, [cancel](int, int) { return !cancel->load(); });
    }));
}

void Dashboard::curveFinished(quint64 generation, const reports::LatencyCurve &curve)
{
    if (generation != m_curveGeneration)
        return; // a newer evaluation is shown: this curve belongs to an older one
    m_curveCancel.reset();
    m_curve = std::make_unique<reports::LatencyCurve>(curve);
    m_curvePending = false;
    updateLatencyChart();
    Q_EMIT curveReady();
}

void Dashboard::updateCharts()
{
    if (!m_evaluation) {
        const QString none = tr("No results yet");
        m_costChart->clear(none);
        m_powerChart->clear(none);
        m_utilizationChart->clear(none);
        m_latencyChart->clear(none);
        return;
    }
    const iov::ScenarioMetrics &metrics = m_evaluation->metrics;
    m_costChart->setBars(costBars(metrics.rollup.bom));
    m_powerChart->setBars(powerBars(metrics.rollup.power));
    const UtilizationBars utilization = utilizationChartBars(metrics.performance);
    // Utilization is a share: keep the scale at 120 % so bars compare across scenarios.
    m_utilizationChart->setBars(utilization.bars, utilization.bottleneck, 120.0);
    updateLatencyChart();
}

void Dashboard::updateLatencyChart()
{
    if (!m_evaluation)
        return;
    const iov::PerformanceMetrics &performance = m_evaluation->metrics.performance;
    const std::optional<double> now = performance.saturated ? std::nullopt : reports::worstInteractiveP99(performance);
    // While computing, the previous curve of the same scenario stays drawn (no flicker while editing).
    m_latencyChart->setCurve(m_curve ? *m_curve : reports::LatencyCurve {}, m_evaluation->scenario.workload.sla.latencyS, now,
                             m_curvePending ? tr("computing…") : QString());
}

void Dashboard::applyChartColours()
{
    const ChartColours colours = chartColours(palette());
    m_costChart->setColours(colours);
    m_powerChart->setColours(colours);
    m_utilizationChart->setColours(colours);
    m_latencyChart->setColours(colours);
}

void Dashboard::layoutPanels()
{
    const int scrollBar = style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, this);
    const int available = std::max(1, width() - 2 * margin - scrollBar);
    const int tileCount = static_cast<int>(m_tiles.size());
    // As many tiles per row as fit, then balanced: 7 → 4 + 3 rather than 5 + 2.
    const int fit = std::clamp((available + spacing) / (tileWidth + spacing), 1, tileCount);
    const int rows = (tileCount + fit - 1) / fit;
    const int tileColumns = (tileCount + rows - 1) / rows;
    const int chartColumns = available >= 4 * chartWidth ? 4 : available >= 2 * chartWidth ? 2 : 1;
    if (tileColumns != m_tileColumns) {
        m_tileColumns = tileColumns;
        for (KpiTile *t : m_tiles)
            m_tileGrid->removeWidget(t);
        for (int i = 0; i < tileCount; ++i)
            m_tileGrid->addWidget(m_tiles[static_cast<std::size_t>(i)], i / tileColumns, i % tileColumns);
        for (int c = 0; c < tileCount; ++c)
            m_tileGrid->setColumnStretch(c, c < tileColumns ? 1 : 0);
    }
    if (chartColumns != m_chartColumns) {
        m_chartColumns = chartColumns;
        QChartView *const views[] = { m_costView, m_powerView, m_latencyView, m_utilizationView };
        for (QChartView *v : views)
            m_chartGrid->removeWidget(v);
        for (int i = 0; i < 4; ++i)
            m_chartGrid->addWidget(views[i], i / chartColumns, i % chartColumns);
        for (int c = 0; c < 4; ++c)
            m_chartGrid->setColumnStretch(c, c < chartColumns ? 1 : 0);
        for (int r = 0; r < 4; ++r)
            m_chartGrid->setRowStretch(r, r < 4 / chartColumns ? 1 : 0);
    }
}

void Dashboard::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    layoutPanels();
}

void Dashboard::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyChartColours();
}

} // namespace iovplan::ui
