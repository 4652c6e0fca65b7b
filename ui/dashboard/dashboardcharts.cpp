#include "dashboardcharts.h"

#include "dashboardfigures.h"

#include "reports/figureformat.h"

#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QHorizontalBarSeries>
#include <QtCharts/QLineSeries>
#include <QtCharts/QLogValueAxis>
#include <QtCharts/QScatterSeries>
#include <QtCharts/QValueAxis>

#include <algorithm>
#include <cmath>

namespace iovplan::ui {

namespace {

// The bar value labels sit past the end of each bar: leave room for them.
constexpr double labelRoom = 1.18;

void style(QChart *chart, const ChartColours &c)
{
    chart->setBackgroundBrush(c.background);
    chart->setBackgroundPen(QPen(c.grid));
    chart->setBackgroundRoundness(4.0);
    chart->setTitleBrush(c.text);
    QFont title = chart->titleFont();
    title.setBold(true);
    chart->setTitleFont(title);
    chart->legend()->setLabelColor(c.text);
    chart->setMargins(QMargins(6, 4, 10, 4));
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsColor(c.text);
        axis->setTitleBrush(c.text);
        axis->setGridLineColor(c.grid);
        axis->setLinePenColor(c.grid);
        axis->setShadesVisible(false);
        QColor minor = c.grid;
        minor.setAlpha(c.grid.alpha() / 2);
        axis->setMinorGridLineColor(minor);
    }
}

QChart *newChart(const QString &title, const ChartColours &c)
{
    auto *chart = new QChart;
    chart->setTheme(c.dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    return chart;
}

// Horizontal bars read top-down in `bars` order (QHorizontalBarSeries draws its first category at the bottom).
QChart *horizontalBars(const QString &title, const std::vector<ChartBar> &bars, const QString &valueTitle,
                       int precision, int selected, const ChartColours &c)
{
    QChart *chart = newChart(title, c);
    auto *set = new QBarSet(valueTitle);
    QStringList categories;
    double highest = 0.0;
    for (auto it = bars.rbegin(); it != bars.rend(); ++it) {
        *set << it->value;
        categories << it->label;
        highest = std::max(highest, it->value);
    }
    set->setColor(c.bar);
    set->setBorderColor(c.bar);
    set->setLabelColor(c.text);
    set->setSelectedColor(c.accent);
    if (selected >= 0)
        set->selectBar(static_cast<int>(bars.size()) - 1 - selected);
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    series->setBarWidth(0.7);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsFormat(QStringLiteral("@value"));
    series->setLabelsPrecision(precision);
    chart->addSeries(series);
    auto *categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(categories);
    chart->addAxis(categoryAxis, Qt::AlignLeft);
    series->attachAxis(categoryAxis);
    auto *valueAxis = new QValueAxis;
    valueAxis->setTitleText(valueTitle);
    valueAxis->setLabelFormat(QStringLiteral("%.0f"));
    valueAxis->setRange(0.0, highest > 0.0 ? highest * labelRoom : 1.0);
    valueAxis->setTickCount(5);
    valueAxis->applyNiceNumbers();
    chart->addAxis(valueAxis, Qt::AlignBottom);
    series->attachAxis(valueAxis);
    chart->legend()->hide();
    style(chart, c);
    return chart;
}

} // namespace

QString bottleneckSuffix()
{
    return QStringLiteral(" ◀");
}

QString slaSeriesName()
{
    return QStringLiteral("SLA");
}

std::vector<ChartBar> costBars(const cost::BillOfMaterials &bom)
{
    std::vector<ChartBar> bars;
    for (const cost::BomCategory category : cost::allBomCategories)
        bars.push_back({ cost::bomCategoryName(category), cost::toUsd(bom.subtotal(category)) / 1000.0 });
    return bars;
}

std::vector<ChartBar> powerBars(const cost::PowerRollup &power)
{
    const double otherIo = std::max(0.0, power.ioTypicalW - power.adapterTypicalW - power.gatewayModuleTypicalW);
    return { { QStringLiteral("server adapters"), power.adapterTypicalW / 1000.0 },
             { QStringLiteral("gateway modules"), power.gatewayModuleTypicalW / 1000.0 },
             { QStringLiteral("other I/O"), otherIo / 1000.0 },
             { QStringLiteral("servers"), power.serverTypicalW / 1000.0 },
             { QStringLiteral("storage"), power.storageTypicalW / 1000.0 } };
}

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
        return a->utilization > b->utilization;
    });
    std::vector<ChartBar> bars;
    for (const iov::StationMetrics *s : stations) {
        if (static_cast<int>(bars.size()) >= top)
            break;
        const double percent = std::isfinite(s->utilization) ? 100.0 * s->utilization : 0.0;
        bars.push_back({ s->name, percent });
    }
    return bars;
}

ChartColours chartColours(const QPalette &palette)
{
    ChartColours c;
    c.dark = palette.color(QPalette::Window).lightness() < 128;
    c.background = palette.color(QPalette::Base);
    c.text = palette.color(QPalette::Text);
    c.grid = palette.color(QPalette::Text);
    c.grid.setAlpha(60);
    c.bar = palette.color(QPalette::Highlight);
    c.accent = c.dark ? QColor(0xff, 0xa0, 0x40) : QColor(0xe3, 0x6c, 0x09);
    c.sla = c.dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
    return c;
}

QChart *costChart(const cost::BillOfMaterials &bom, const ChartColours &colours)
{
    return horizontalBars(QStringLiteral("Purchase cost by BOM category"), costBars(bom),
                          QStringLiteral("thousand USD"), 4, -1, colours);
}

QChart *powerChart(const cost::PowerRollup &power, const ChartColours &colours)
{
    return horizontalBars(QStringLiteral("Power by part, typical"), powerBars(power), QStringLiteral("kW"), 3, -1,
                          colours);
}

QChart *utilizationChart(const iov::PerformanceMetrics &performance, const ChartColours &colours)
{
    std::vector<ChartBar> bars = utilizationBars(performance);
    int selected = -1;
    for (std::size_t i = 0; i < bars.size(); ++i) {
        if (bars[i].label == performance.bottleneck) {
            bars[i].label += bottleneckSuffix();
            selected = static_cast<int>(i);
        }
    }
    QChart *chart = horizontalBars(QStringLiteral("Busiest stations (◀ bottleneck, in orange)"), bars, QStringLiteral("utilization, %"), 3,
                                   selected, colours);
    // Utilization is a share: keep the scale at 100 % so bars compare across scenarios.
    for (QAbstractAxis *axis : chart->axes(Qt::Horizontal))
        axis->setRange(0.0, 120.0);
    return chart;
}

QChart *latencyChart(const LatencyCurve &curve, double slaS, std::optional<double> nowP99S, const QString &status,
                     const ChartColours &colours)
{
    QString title = QStringLiteral("p99 latency against load");
    if (!status.isEmpty())
        title += QStringLiteral(" — ") + status;
    else if (!curve.note.isEmpty())
        title += QStringLiteral(" — ") + curve.note;
    QChart *chart = newChart(title, colours);
    const double xMax = std::max(curve.maxLoadScale, 1.05);
    double yMax = slaS * 1e6;
    double yMin = slaS * 1e6;
    for (const LatencySeries &s : curve.series) {
        auto *line = new QLineSeries;
        line->setName(iov::trafficClassName(s.traffic) + QStringLiteral(" p99"));
        for (const QPointF &p : s.points) {
            line->append(p.x(), p.y() * 1e6);
            yMax = std::max(yMax, p.y() * 1e6);
            yMin = std::min(yMin, p.y() * 1e6);
        }
        chart->addSeries(line);
        QPen pen = line->pen();
        pen.setWidthF(2.0);
        line->setPen(pen);
    }
    auto *sla = new QLineSeries;
    sla->setName(slaSeriesName());
    chart->addSeries(sla);
    sla->setPen(QPen(colours.sla, 2.0, Qt::DashLine));
    if (nowP99S && std::isfinite(*nowP99S)) {
        auto *now = new QScatterSeries;
        now->setName(QStringLiteral("as designed"));
        now->append(1.0, *nowP99S * 1e6);
        now->setMarkerSize(10.0);
        chart->addSeries(now);
        now->setColor(colours.text);
        now->setBorderColor(colours.background);
        yMax = std::max(yMax, *nowP99S * 1e6);
        yMin = std::min(yMin, *nowP99S * 1e6);
    }
    auto *x = new QValueAxis;
    x->setTitleText(QStringLiteral("load, × offered"));
    x->setRange(0.0, xMax);
    x->setLabelFormat(QStringLiteral("%.2g"));
    x->setTickCount(6);
    x->applyNiceNumbers();
    // Logarithmic: the SLA is often ten times the p99 at the design's load, and a linear scale would flatten
    // the curve onto the axis.
    auto *y = new QLogValueAxis;
    y->setTitleText(QStringLiteral("p99, µs (log scale)"));
    y->setBase(10.0);
    // From the power of ten below the lowest point, so the axis has at least two labelled decades.
    y->setRange(std::pow(10.0, std::floor(std::log10(std::max(yMin, 0.01)))), yMax * 1.5);
    y->setLabelFormat(QStringLiteral("%g"));
    y->setMinorTickCount(8);
    // Across the whole plot, whatever the axis rounded its end to.
    sla->append(0.0, slaS * 1e6);
    sla->append(x->max(), slaS * 1e6);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *s : chart->series()) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    chart->legend()->setAlignment(Qt::AlignBottom);
    style(chart, colours);
    return chart;
}

} // namespace iovplan::ui
