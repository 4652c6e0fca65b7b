#include "scenariocharts.h"

#include "breakdowns.h"
#include "chartvalueformat.h"

#include "reports/comparisonmetrics.h"
#include "reports/figureformat.h"
#include "reports/kpifigures.h"

#include <cmath>
#include <limits>

namespace iovplan::reports {

namespace {

constexpr double missing = std::numeric_limits<double>::quiet_NaN();

// "server adapters" → "Server adapters": the breakdowns' labels are keys; a chart reads as prose.
QString sentenceCase(const QString &label)
{
    if (label.isEmpty())
        return label;
    return label.left(1).toUpper() + label.mid(1);
}

Chart barsChart(const QString &id, const QString &title, ChartUnit unit, const std::vector<ChartBar> &bars, const QString &seriesName)
{
    Chart chart;
    chart.id = id;
    chart.title = title;
    chart.kind = ChartKind::Bars;
    chart.valueUnit = unit;
    ChartSeries series;
    series.name = seriesName;
    for (const ChartBar &bar : bars) {
        chart.categories << sentenceCase(bar.label);
        series.values.push_back(bar.value);
    }
    chart.series.push_back(std::move(series));
    return chart;
}

Chart costChart(const iov::ScenarioMetrics &metrics)
{
    Chart chart = barsChart(QStringLiteral("cost-by-category"), QStringLiteral("Purchase cost by category"), ChartUnit::Usd,
                            costBars(metrics.rollup.bom), QStringLiteral("Purchase cost"));
    chart.valueTitle = QStringLiteral("Purchase cost (US dollars)");
    chart.subtitle = QStringLiteral("Total %1, of which I/O %2")
                         .arg(formatUsd(metrics.rollup.bom.total()), formatUsd(metrics.rollup.bom.ioTotal()));
    return chart;
}

Chart powerChart(const iov::ScenarioMetrics &metrics)
{
    const cost::PowerRollup &power = metrics.rollup.power;
    Chart chart = barsChart(QStringLiteral("power-by-part"), QStringLiteral("Typical power by part"), ChartUnit::Watts,
                            powerBars(power), QStringLiteral("Typical power"));
    chart.valueTitle = QStringLiteral("Typical power (watts)");
    chart.subtitle = QStringLiteral("Total %1 typical; other I/O is switches, gateway chassis, cables and transceivers")
                         .arg(formatWatts(power.typicalW()));
    return chart;
}

Chart latencyChart(const design::Scenario &scenario, const iov::ScenarioMetrics &metrics, const LatencyCurve &curve)
{
    const iov::PerformanceMetrics &performance = metrics.performance;
    Chart chart;
    chart.id = QStringLiteral("p99-vs-load");
    chart.title = QStringLiteral("p99 latency against load");
    chart.kind = ChartKind::Lines;
    chart.valueUnit = ChartUnit::Seconds;
    chart.xUnit = ChartUnit::LoadFactor;
    chart.valueTitle = QStringLiteral("p99 latency");
    chart.xTitle = QStringLiteral("Load (× the design's offered load)");
    for (const LatencySeries &s : curve.series)
        chart.series.push_back({ trafficClassLabel(s.traffic), {}, s.points });
    const double sla = scenario.workload.sla.latencyS;
    if (sla > 0.0 && std::isfinite(sla))
        chart.markers.push_back({ QStringLiteral("SLA %1").arg(formatLatency(sla)), sla });
    chart.xMarkers.push_back({ QStringLiteral("design load"), 1.0 });
    if (performance.saturated)
        chart.subtitle = saturatedText(performance);
    else if (performance.maxLoadScale)
        chart.subtitle = QStringLiteral("The load can grow %1 before a station saturates")
                             .arg(formatChartValue(ChartUnit::LoadFactor, *performance.maxLoadScale));
    chart.note = curve.note.isEmpty() ? QStringLiteral("No latency curve for this design.")
                                      : QStringLiteral("No latency curve: %1.").arg(curve.note);
    return chart;
}

Chart stationsChart(const iov::PerformanceMetrics &performance)
{
    const std::vector<ChartBar> bars = utilizationBars(performance, busiestStationCount);
    Chart chart;
    chart.id = QStringLiteral("busiest-stations");
    chart.title = QStringLiteral("Busiest stations");
    chart.kind = ChartKind::Bars;
    chart.valueUnit = ChartUnit::Share;
    chart.valueTitle = QStringLiteral("Utilization");
    ChartSeries series;
    series.name = QStringLiteral("Utilization");
    for (std::size_t i = 0; i < bars.size(); ++i) {
        if (bars[i].label == performance.bottleneck && chart.highlighted < 0)
            chart.highlighted = static_cast<int>(i);
        chart.categories << bars[i].label;
        series.values.push_back(bars[i].value);
    }
    chart.series.push_back(std::move(series));
    chart.highlightLabel = QStringLiteral("Bottleneck");
    if (!performance.bottleneck.isEmpty())
        chart.subtitle = QStringLiteral("Utilization at the offered load; the bottleneck is %1").arg(performance.bottleneck);
    chart.note = QStringLiteral("The performance model found no stations for this design.");
    return chart;
}

Chart groupedChart(const QString &id, const QString &title, ChartUnit unit, const QString &valueTitle, const QStringList &names)
{
    Chart chart;
    chart.id = id;
    chart.title = title;
    chart.kind = ChartKind::GroupedBars;
    chart.valueUnit = unit;
    chart.valueTitle = valueTitle;
    chart.categories = names;
    chart.note = QStringLiteral("No scenarios to compare.");
    return chart;
}

// A series with one value per scenario, read from its metrics.
template<typename Read>
ChartSeries seriesOf(const QString &name, const std::vector<const iov::ScenarioMetrics *> &metrics, Read read)
{
    ChartSeries series;
    series.name = name;
    for (const iov::ScenarioMetrics *m : metrics)
        series.values.push_back(read(*m));
    return series;
}

} // namespace

QString trafficClassLabel(iov::TrafficClass traffic)
{
    return traffic == iov::TrafficClass::Migration ? QStringLiteral("Migration") : iov::trafficClassName(traffic).toUpper();
}

std::vector<Chart> scenarioCharts(const design::Scenario &scenario, const iov::ScenarioMetrics &metrics, const LatencyCurve &curve)
{
    return { costChart(metrics), powerChart(metrics), latencyChart(scenario, metrics, curve), stationsChart(metrics.performance) };
}

std::vector<Chart> comparisonCharts(const std::vector<QString> &names, const std::vector<const iov::ScenarioMetrics *> &metrics)
{
    QStringList categories;
    std::vector<const iov::ScenarioMetrics *> present;
    for (std::size_t i = 0; i < metrics.size(); ++i) {
        if (metrics[i] == nullptr)
            continue;
        categories << (i < names.size() ? names[i] : QStringLiteral("Scenario %1").arg(i + 1));
        present.push_back(metrics[i]);
    }
    std::vector<Chart> charts;

    Chart purchase = groupedChart(QStringLiteral("compare-purchase"), QStringLiteral("Purchase cost"), ChartUnit::Usd,
                                  QStringLiteral("US dollars"), categories);
    purchase.series.push_back(seriesOf(QStringLiteral("I/O purchase"), present,
                                       [](const iov::ScenarioMetrics &m) { return cost::toUsd(m.rollup.cost.ioPurchase); }));
    purchase.series.push_back(seriesOf(QStringLiteral("Total purchase"), present,
                                       [](const iov::ScenarioMetrics &m) { return cost::toUsd(m.rollup.cost.purchase); }));
    charts.push_back(std::move(purchase));

    const int years = present.empty() ? 0 : present.front()->rollup.cost.years;
    Chart tco = groupedChart(QStringLiteral("compare-tco"),
                             years > 0 ? QStringLiteral("Total cost of ownership over %1 years").arg(years)
                                       : QStringLiteral("Total cost of ownership"),
                             ChartUnit::Usd, QStringLiteral("US dollars"), categories);
    tco.series.push_back(seriesOf(QStringLiteral("I/O TCO"), present, [](const iov::ScenarioMetrics &m) { return m.rollup.cost.ioTcoUsd; }));
    tco.series.push_back(seriesOf(QStringLiteral("TCO"), present, [](const iov::ScenarioMetrics &m) { return m.rollup.cost.tcoUsd; }));
    charts.push_back(std::move(tco));

    Chart power = groupedChart(QStringLiteral("compare-power"), QStringLiteral("Typical power of the I/O"), ChartUnit::Watts,
                               QStringLiteral("Watts"), categories);
    power.series.push_back(seriesOf(QStringLiteral("I/O typical"), present,
                                    [](const iov::ScenarioMetrics &m) { return m.rollup.power.ioTypicalW; }));
    power.series.push_back(seriesOf(QStringLiteral("Server adapters"), present,
                                    [](const iov::ScenarioMetrics &m) { return m.rollup.power.adapterTypicalW; }));
    power.series.push_back(seriesOf(QStringLiteral("Adapters + gateway modules (Table 1 basis)"), present,
                                    [](const iov::ScenarioMetrics &m) { return m.rollup.power.endpointTypicalW(); }));
    charts.push_back(std::move(power));

    Chart throughput = groupedChart(QStringLiteral("compare-throughput"), QStringLiteral("Throughput carried"),
                                    ChartUnit::BytesPerS, QStringLiteral("Payload, one direction"), categories);
    for (const iov::TrafficClass traffic : carriedClasses(present)) {
        throughput.series.push_back(seriesOf(trafficClassLabel(traffic), present, [traffic](const iov::ScenarioMetrics &m) {
            for (const iov::ClassMetrics &c : m.performance.classes) {
                if (c.traffic == traffic)
                    return c.throughputBytesPerS;
            }
            return missing; // not carried: no bar rather than a zero one
        }));
    }
    charts.push_back(std::move(throughput));

    Chart headroom = groupedChart(QStringLiteral("compare-headroom"), QStringLiteral("CPU headroom"), ChartUnit::Share,
                                  QStringLiteral("Share of the CPUs left for more VMs"), categories);
    headroom.series.push_back(seriesOf(QStringLiteral("CPU headroom"), present,
                                       [](const iov::ScenarioMetrics &m) { return m.performance.cpuHeadroom; }));
    charts.push_back(std::move(headroom));
    return charts;
}

} // namespace iovplan::reports
