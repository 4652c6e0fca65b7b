#include "dashboard.h"

#include "dashboardcharts.h"
#include "kpitile.h"

#include "reports/figureformat.h"

#include <QEvent>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QResizeEvent>
#include <QScrollArea>
#include <QVBoxLayout>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace iovplan::ui {

namespace {

// Layout widths: a tile needs about this much to show a dollar figure without clipping; a chart twice that.
constexpr int tileWidth = 230;
constexpr int chartWidth = 460;
constexpr int chartHeight = 300;

const QStringList tileIds { QStringLiteral("purchase"), QStringLiteral("tco"), QStringLiteral("watts"),
                            QStringLiteral("throughput"), QStringLiteral("p99"), QStringLiteral("headroom"),
                            QStringLiteral("max-vms") };

QChartView *newChartView(const QString &name, QWidget *parent)
{
    auto *view = new QChartView(parent);
    view->setObjectName(name);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(320, chartHeight);
    view->setFrameShape(QFrame::NoFrame);
    return view;
}

} // namespace

Dashboard::Dashboard(EvaluationService &evaluations, DesignSelection &selection, QWidget *parent)
    : QWidget(parent)
    , m_evaluations(evaluations)
    , m_selection(selection)
{
    auto *content = new QWidget;
    auto *column = new QVBoxLayout(content);
    column->setContentsMargins(8, 8, 8, 8);
    column->setSpacing(8);

    auto *headingRow = new QHBoxLayout;
    m_heading = new QLabel(content);
    m_heading->setObjectName(QStringLiteral("heading"));
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.15);
    m_heading->setFont(headingFont);
    m_stale = new QLabel(tr("Updating… the figures below are from before the last edit"), content);
    m_stale->setObjectName(QStringLiteral("stale"));
    m_stale->setForegroundRole(QPalette::PlaceholderText);
    m_stale->setVisible(false);
    headingRow->addWidget(m_heading, 1);
    headingRow->addWidget(m_stale);
    column->addLayout(headingRow);

    m_tileGrid = new QGridLayout;
    m_tileGrid->setSpacing(8);
    for (const QString &id : tileIds) {
        auto *tile = new KpiTile(content);
        KpiFigure empty;
        empty.id = id;
        empty.value = QStringLiteral("—");
        tile->setFigure(empty);
        m_tiles.push_back(tile);
    }
    column->addLayout(m_tileGrid);

    m_chartGrid = new QGridLayout;
    m_chartGrid->setSpacing(8);
    m_costView = newChartView(QStringLiteral("chart-cost"), content);
    m_powerView = newChartView(QStringLiteral("chart-power"), content);
    m_latencyView = newChartView(QStringLiteral("chart-latency"), content);
    m_utilizationView = newChartView(QStringLiteral("chart-utilization"), content);
    // Ten bars: Qt Charts elides a category label taller than its bar's spacing, so give each bar room.
    m_utilizationView->setMinimumHeight(440);
    column->addLayout(m_chartGrid);
    column->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    layoutPanels();

    connect(&m_evaluations, &EvaluationService::evaluated, this, [this](ScenarioKey key) {
        if (key == m_selection.scenario())
            setEvaluation(m_evaluations.latest(key));
        updateStale();
    });
    connect(&m_evaluations, &EvaluationService::busyChanged, this, &Dashboard::updateStale);
    connect(&m_selection, &DesignSelection::scenarioChanged, this, &Dashboard::followScenario);
    followScenario();
}

Dashboard::~Dashboard() = default;

void Dashboard::setCatalog(const design::PinnedCatalog &catalog)
{
    m_catalog = std::make_shared<const design::PinnedCatalog>(catalog);
    if (m_evaluation)
        startCurve();
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
}

void Dashboard::setEvaluation(EvaluationPtr evaluation)
{
    m_evaluation = std::move(evaluation);
    if (!m_evaluation) {
        m_heading->setText(tr("Evaluating…"));
        for (KpiTile *t : m_tiles) {
            KpiFigure empty;
            empty.id = t->figure().id;
            empty.title = t->figure().title;
            empty.value = QStringLiteral("—");
            t->setFigure(empty);
        }
        ++m_curveGeneration;
        m_curve.reset();
        m_curvePending = false;
        rebuildCharts();
        updateStale();
        return;
    }
    const design::Scenario &scenario = m_evaluation->scenario;
    m_heading->setText(tr("%1 — %2 IOV, %3 servers")
                           .arg(scenario.name, design::iovModeName(scenario.iovMode))
                           .arg(m_evaluation->metrics.rollup.counts.servers));
    const DashboardFigures figures = dashboardFigures(scenario, m_evaluation->metrics);
    for (const KpiFigure &figure : figures.tiles) {
        if (KpiTile *t = tile(figure.id))
            t->setFigure(figure);
    }
    startCurve(); // also redraws the charts
    updateStale();
}

void Dashboard::startCurve()
{
    ++m_curveGeneration;
    m_curve.reset();
    m_curvePending = false;
    if (m_evaluation && m_catalog) {
        m_curvePending = true;
        const quint64 generation = m_curveGeneration;
        auto *watcher = new QFutureWatcher<LatencyCurve>(this);
        connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
            watcher->deleteLater();
            curveFinished(generation, watcher->result());
        });
        watcher->setFuture(QtConcurrent::run([evaluation = m_evaluation, catalog = m_catalog] {
            return latencyCurve(evaluation->scenario, *catalog, evaluation->metrics.performance.maxLoadScale);
        }));
    } else if (m_evaluation) {
        m_curve = std::make_unique<LatencyCurve>();
        m_curve->note = tr("no pinned items to sweep with");
    }
    rebuildCharts();
}

void Dashboard::curveFinished(quint64 generation, const LatencyCurve &curve)
{
    if (generation != m_curveGeneration)
        return; // a newer evaluation is shown: this curve belongs to an older one
    m_curve = std::make_unique<LatencyCurve>(curve);
    m_curvePending = false;
    rebuildCharts();
    Q_EMIT curveReady();
}

void Dashboard::rebuildCharts()
{
    const ChartColours colours = chartColours(palette());
    if (!m_evaluation) {
        for (QChartView *view : { m_costView, m_powerView, m_latencyView, m_utilizationView }) {
            auto *chart = new QChart;
            chart->setTitle(tr("No results yet"));
            chart->setBackgroundBrush(colours.background);
            chart->setTitleBrush(colours.text);
            setChart(view, chart);
        }
        return;
    }
    const iov::ScenarioMetrics &metrics = m_evaluation->metrics;
    setChart(m_costView, costChart(metrics.rollup.bom, colours));
    setChart(m_powerView, powerChart(metrics.rollup.power, colours));
    setChart(m_utilizationView, utilizationChart(metrics.performance, colours));
    const std::optional<double> now = metrics.performance.saturated ? std::nullopt
                                                                    : worstInteractiveP99(metrics.performance);
    setChart(m_latencyView, latencyChart(m_curve ? *m_curve : LatencyCurve {}, m_evaluation->scenario.workload.sla.latencyS,
                                         now, m_curve ? QString() : tr("computing…"), colours));
}

void Dashboard::setChart(QChartView *view, QChart *chart)
{
    QChart *old = view->chart();
    view->setChart(chart); // the view owns the new chart and releases the old one
    delete old;
}

void Dashboard::layoutPanels()
{
    const int available = std::max(1, width() - 24);
    const int tileColumns = std::clamp(available / tileWidth, 1, 4);
    const int chartColumns = available >= 2 * chartWidth ? 2 : 1;
    if (tileColumns != m_tileColumns) {
        m_tileColumns = tileColumns;
        for (KpiTile *t : m_tiles)
            m_tileGrid->removeWidget(t);
        for (std::size_t i = 0; i < m_tiles.size(); ++i) {
            const int index = static_cast<int>(i);
            m_tileGrid->addWidget(m_tiles[i], index / tileColumns, index % tileColumns);
        }
        for (int c = 0; c < 4; ++c)
            m_tileGrid->setColumnStretch(c, c < tileColumns ? 1 : 0);
    }
    if (chartColumns != m_chartColumns) {
        m_chartColumns = chartColumns;
        QChartView *const views[] = { m_costView, m_powerView, m_latencyView, m_utilizationView };
        for (QChartView *v : views)
            m_chartGrid->removeWidget(v);
        // Two columns: cost and power side by side; the latency curve and the station names need the full width.
        if (chartColumns == 2) {
            m_chartGrid->addWidget(m_costView, 0, 0);
            m_chartGrid->addWidget(m_powerView, 0, 1);
            m_chartGrid->addWidget(m_latencyView, 1, 0, 1, 2);
            m_chartGrid->addWidget(m_utilizationView, 2, 0, 1, 2);
        } else {
            for (int i = 0; i < 4; ++i)
                m_chartGrid->addWidget(views[i], i, 0);
        }
        for (int c = 0; c < 2; ++c)
            m_chartGrid->setColumnStretch(c, c < chartColumns ? 1 : 0);
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
        rebuildCharts();
}

} // namespace iovplan::ui
