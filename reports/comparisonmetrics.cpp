#include "comparisonmetrics.h"

#include "reports/figureformat.h"

#include <algorithm>
#include <cmath>

namespace iovplan::reports {

using iov::ScenarioMetrics;

namespace {

MetricValue number(double x)
{
    // Never NaN or infinity on screen: a non-finite figure has no number.
    if (!std::isfinite(x))
        return MetricValue { std::nullopt, QStringLiteral("—"), false };
    return MetricValue { x, QString(), false };
}

// Money the way the evaluate JSON writes it: rounded to the cent.
MetricValue money(cost::Cents cents)
{
    return number(cost::toUsd(cents));
}

MetricValue money(double usd)
{
    return number(cost::toUsd(cost::toCents(usd)));
}

const iov::ClassMetrics *findClass(const ScenarioMetrics &m, iov::TrafficClass traffic)
{
    for (const iov::ClassMetrics &c : m.performance.classes) {
        if (c.traffic == traffic)
            return &c;
    }
    return nullptr;
}

MetricValue notCarried()
{
    return MetricValue { std::nullopt, QStringLiteral("—"), false };
}

MetricDefinition metric(MetricGroup group, const QString &label, const QString &jsonPath, FigureKind kind, Better better,
                        const QString &description, std::function<MetricValue(const ScenarioMetrics &)> value)
{
    return MetricDefinition { group, label, jsonPath, kind, better, description, std::move(value) };
}

void addCost(std::vector<MetricDefinition> &rows)
{
    const MetricGroup g = MetricGroup::Cost;
    rows.push_back(metric(g, QStringLiteral("I/O purchase"), QStringLiteral("cost/io_purchase_usd"), FigureKind::Usd,
                          Better::Lower, QStringLiteral("Adapters, switching, gateways and cabling bought once."),
                          [](const ScenarioMetrics &m) { return money(m.rollup.cost.ioPurchase); }));
    rows.push_back(metric(g, QStringLiteral("Purchase"), QStringLiteral("cost/purchase_usd"), FigureKind::Usd, Better::Lower,
                          QStringLiteral("I/O plus the servers the design prices."),
                          [](const ScenarioMetrics &m) { return money(m.rollup.cost.purchase); }));
    rows.push_back(metric(g, QStringLiteral("I/O maintenance per year"), QStringLiteral("cost/io_maintenance_usd_per_year"),
                          FigureKind::Usd, Better::Lower, QStringLiteral("Support contracts of the I/O items."),
                          [](const ScenarioMetrics &m) { return money(m.rollup.cost.ioMaintenanceUsdPerYear); }));
    rows.push_back(metric(g, QStringLiteral("Maintenance per year"), QStringLiteral("cost/maintenance_usd_per_year"),
                          FigureKind::Usd, Better::Lower, QStringLiteral("Support contracts of every priced item."),
                          [](const ScenarioMetrics &m) { return money(m.rollup.cost.maintenanceUsdPerYear); }));
    rows.push_back(metric(g, QStringLiteral("I/O energy per year"), QStringLiteral("cost/io_energy_usd_per_year"),
                          FigureKind::Usd, Better::Lower,
                          QStringLiteral("I/O typical watts all year, times PUE and the electricity price."),
                          [](const ScenarioMetrics &m) { return money(m.rollup.cost.ioEnergyUsdPerYear); }));
    rows.push_back(metric(g, QStringLiteral("Energy per year"), QStringLiteral("cost/energy_usd_per_year"), FigureKind::Usd,
                          Better::Lower, QStringLiteral("Typical watts of the whole design all year, with PUE."),
                          [](const ScenarioMetrics &m) { return money(m.rollup.cost.energyUsdPerYear); }));
    rows.push_back(metric(g, QStringLiteral("I/O TCO"), QStringLiteral("cost/io_tco_usd"), FigureKind::Usd, Better::Lower,
                          QStringLiteral("I/O purchase plus the horizon's years of I/O maintenance and energy."),
                          [](const ScenarioMetrics &m) { return money(m.rollup.cost.ioTcoUsd); }));
    rows.push_back(metric(g, QStringLiteral("TCO"), QStringLiteral("cost/tco_usd"), FigureKind::Usd, Better::Lower,
                          QStringLiteral("Purchase plus the horizon's years of maintenance and energy."),
                          [](const ScenarioMetrics &m) { return money(m.rollup.cost.tcoUsd); }));
}

void addPower(std::vector<MetricDefinition> &rows)
{
    const MetricGroup g = MetricGroup::Power;
    rows.push_back(metric(g, QStringLiteral("Server adapters, typical"), QStringLiteral("power/adapter_typical_w"),
                          FigureKind::Watts, Better::Lower, QStringLiteral("The adapters inside the servers alone."),
                          [](const ScenarioMetrics &m) { return number(m.rollup.power.adapterTypicalW); }));
    rows.push_back(metric(g, QStringLiteral("Adapters + gateway modules, typical"), QStringLiteral("power/endpoint_typical_w"),
                          FigureKind::Watts, Better::Lower,
                          QStringLiteral("Server adapters plus the gateway modules that end the servers' LAN and SAN "
                                         "protocols (the white paper's Table 1 basis)."),
                          [](const ScenarioMetrics &m) { return number(m.rollup.power.endpointTypicalW()); }));
    rows.push_back(metric(g, QStringLiteral("All I/O, typical"), QStringLiteral("power/io_typical_w"), FigureKind::Watts,
                          Better::Lower, QStringLiteral("Adapters, switches, gateways with modules, cables and optics."),
                          [](const ScenarioMetrics &m) { return number(m.rollup.power.ioTypicalW); }));
    rows.push_back(metric(g, QStringLiteral("Total, typical"), QStringLiteral("power/typical_w"), FigureKind::Watts,
                          Better::Lower, QStringLiteral("All I/O plus servers and storage."),
                          [](const ScenarioMetrics &m) { return number(m.rollup.power.typicalW()); }));
    rows.push_back(metric(g, QStringLiteral("Heat, total"), QStringLiteral("power/btu_per_hour"), FigureKind::BtuPerHour,
                          Better::Lower, QStringLiteral("Total typical watts as heat to remove."),
                          [](const ScenarioMetrics &m) { return number(cost::btuPerHour(m.rollup.power.typicalW())); }));
    rows.push_back(metric(g, QStringLiteral("Energy, total"), QStringLiteral("power/kwh_per_year"), FigureKind::KwhPerYear,
                          Better::Lower, QStringLiteral("Total typical watts all year (IT load, before PUE)."),
                          [](const ScenarioMetrics &m) { return number(cost::kwhPerYear(m.rollup.power.typicalW())); }));
}

void addClass(std::vector<MetricDefinition> &rows, iov::TrafficClass traffic)
{
    const MetricGroup g = MetricGroup::Performance;
    const QString name = iov::trafficClassName(traffic);
    const QString label = name == QStringLiteral("migration") ? QStringLiteral("Migration") : name.toUpper();
    const QString path = QStringLiteral("performance/classes/%1/").arg(name);
    rows.push_back(metric(g, label + QStringLiteral(" throughput"), path + QStringLiteral("throughput_bytes_per_s"),
                          FigureKind::BytesPerS, Better::Higher,
                          QStringLiteral("Payload carried by all servers at the offered load, one direction."),
                          [traffic](const ScenarioMetrics &m) {
                              const iov::ClassMetrics *c = findClass(m, traffic);
                              return c ? number(c->throughputBytesPerS) : notCarried();
                          }));
    rows.push_back(metric(g, label + QStringLiteral(" peak per VM"), path + QStringLiteral("peak_vm_bytes_per_s"),
                          FigureKind::BytesPerS, Better::Higher,
                          QStringLiteral("What one VM alone reaches driving the class to its bottleneck."),
                          [traffic](const ScenarioMetrics &m) {
                              const iov::ClassMetrics *c = findClass(m, traffic);
                              return c ? number(c->peakVmBytesPerS) : notCarried();
                          }));
    rows.push_back(metric(g, label + QStringLiteral(" p99 latency"), path + QStringLiteral("p99_latency_s"),
                          FigureKind::Seconds, Better::Lower,
                          QStringLiteral("99th percentile time per message at the offered load."),
                          [traffic](const ScenarioMetrics &m) {
                              const iov::ClassMetrics *c = findClass(m, traffic);
                              if (c == nullptr)
                                  return notCarried();
                              if (!c->p99LatencyS)
                                  return MetricValue { std::nullopt, QStringLiteral("saturated"), true };
                              return number(*c->p99LatencyS);
                          }));
}

void addPerformance(std::vector<MetricDefinition> &rows, const std::vector<iov::TrafficClass> &classes)
{
    for (const iov::TrafficClass traffic : classes)
        addClass(rows, traffic);
    const MetricGroup g = MetricGroup::Performance;
    rows.push_back(metric(g, QStringLiteral("CPU utilization"), QStringLiteral("performance/cpu_utilization"),
                          FigureKind::Share, Better::Lower, QStringLiteral("Mean over servers, I/O and VM work."),
                          [](const ScenarioMetrics &m) { return number(m.performance.cpuUtilization); }));
    rows.push_back(metric(g, QStringLiteral("CPU headroom"), QStringLiteral("performance/cpu_headroom"), FigureKind::Share,
                          Better::Higher, QStringLiteral("The share of the CPUs left for more VMs."),
                          [](const ScenarioMetrics &m) { return number(m.performance.cpuHeadroom); }));
    rows.push_back(metric(g, QStringLiteral("Max VMs per server"), QStringLiteral("performance/max_vms_per_server"),
                          FigureKind::Count, Better::Higher, QStringLiteral("Most VMs per server that still meet the SLA."),
                          [](const ScenarioMetrics &m) { return number(m.performance.maxVmsPerServer); }));
    rows.push_back(metric(g, QStringLiteral("Load can grow by"), QStringLiteral("performance/max_load_scale"),
                          FigureKind::Factor, Better::Higher,
                          QStringLiteral("Factor by which the whole offered load can grow before a station saturates."),
                          [](const ScenarioMetrics &m) {
                              return m.performance.maxLoadScale ? number(*m.performance.maxLoadScale)
                                                                : MetricValue { std::nullopt, QStringLiteral("—"), false };
                          }));
    rows.push_back(metric(g, QStringLiteral("Saturated"), QStringLiteral("performance/saturated"), FigureKind::YesNo,
                          Better::Lower, QStringLiteral("Whether some station cannot keep up with the offered load."),
                          [](const ScenarioMetrics &m) { return number(m.performance.saturated ? 1.0 : 0.0); }));
    rows.push_back(metric(g, QStringLiteral("Bottleneck"), QStringLiteral("performance/bottleneck"), FigureKind::Text,
                          Better::Neither, QStringLiteral("The scenario's most utilized station."),
                          [](const ScenarioMetrics &m) {
                              return MetricValue { std::nullopt,
                                                   m.performance.bottleneck.isEmpty() ? QStringLiteral("—")
                                                                                      : m.performance.bottleneck,
                                                   false };
                          }));
}

void addCounts(std::vector<MetricDefinition> &rows)
{
    const MetricGroup g = MetricGroup::Counts;
    rows.push_back(metric(g, QStringLiteral("Servers"), QStringLiteral("counts/servers"), FigureKind::Count, Better::Neither,
                          QStringLiteral("Servers placed."),
                          [](const ScenarioMetrics &m) { return number(m.rollup.counts.servers); }));
    rows.push_back(metric(g, QStringLiteral("Adapters"), QStringLiteral("counts/adapters"), FigureKind::Count, Better::Lower,
                          QStringLiteral("NICs, HBAs and HCAs in the servers: fewer to buy, power and manage."),
                          [](const ScenarioMetrics &m) { return number(m.rollup.counts.adapters); }));
    rows.push_back(metric(g, QStringLiteral("Switches"), QStringLiteral("counts/switches"), FigureKind::Count, Better::Lower,
                          QStringLiteral("Ethernet, Fibre Channel and InfiniBand switches."),
                          [](const ScenarioMetrics &m) { return number(m.rollup.counts.switches); }));
    rows.push_back(metric(g, QStringLiteral("Gateways"), QStringLiteral("counts/gateways"), FigureKind::Count, Better::Lower,
                          QStringLiteral("Gateway chassis and fixed gateways."),
                          [](const ScenarioMetrics &m) { return number(m.rollup.counts.gateways); }));
    rows.push_back(metric(g, QStringLiteral("Cables"), QStringLiteral("counts/cables"), FigureKind::Count, Better::Lower,
                          QStringLiteral("Cables drawn in the design."),
                          [](const ScenarioMetrics &m) { return number(m.rollup.counts.cables); }));
}

QString signedText(double delta, const QString &magnitude)
{
    if (delta > 0.0)
        return QStringLiteral("+") + magnitude;
    return magnitude;
}

} // namespace

QString metricGroupName(MetricGroup group)
{
    switch (group) {
    case MetricGroup::Cost:
        return QStringLiteral("Cost");
    case MetricGroup::Power:
        return QStringLiteral("Power");
    case MetricGroup::Performance:
        return QStringLiteral("Performance");
    case MetricGroup::Counts:
        return QStringLiteral("Counts");
    }
    return QString();
}

std::vector<MetricDefinition> comparisonMetrics(const std::vector<iov::TrafficClass> &classes)
{
    std::vector<MetricDefinition> rows;
    addCost(rows);
    addPower(rows);
    addPerformance(rows, classes);
    addCounts(rows);
    return rows;
}

std::vector<iov::TrafficClass> carriedClasses(const std::vector<const iov::ScenarioMetrics *> &metrics)
{
    std::vector<iov::TrafficClass> classes;
    for (const iov::TrafficClass traffic : iov::allTrafficClasses) {
        const bool carried = std::any_of(metrics.begin(), metrics.end(), [traffic](const iov::ScenarioMetrics *m) {
            return m != nullptr && findClass(*m, traffic) != nullptr;
        });
        if (carried)
            classes.push_back(traffic);
    }
    return classes;
}

bool sameFigure(double a, double b)
{
    return std::abs(a - b) <= 1e-9 * std::max({ 1.0, std::abs(a), std::abs(b) });
}

std::vector<bool> bestValues(const MetricDefinition &metric, const std::vector<MetricValue> &values)
{
    std::vector<bool> best(values.size(), false);
    if (metric.better == Better::Neither || metric.kind == FigureKind::Text)
        return best;
    std::optional<double> bestNumber;
    bool differ = false;
    for (const MetricValue &v : values) {
        if (v.saturated)
            differ = true; // a number beats saturation
        if (!v.number)
            continue;
        if (bestNumber && !sameFigure(*bestNumber, *v.number))
            differ = true;
        if (!bestNumber || (metric.better == Better::Lower ? *v.number < *bestNumber : *v.number > *bestNumber))
            bestNumber = v.number;
    }
    if (!bestNumber || !differ)
        return best;
    for (std::size_t i = 0; i < values.size(); ++i)
        best[i] = values[i].number && sameFigure(*values[i].number, *bestNumber);
    return best;
}

std::optional<double> metricDelta(const MetricDefinition &metric, const MetricValue &value, const MetricValue &baseline)
{
    if (!value.number || !baseline.number || metric.kind == FigureKind::YesNo || metric.kind == FigureKind::Text)
        return std::nullopt;
    return *value.number - *baseline.number;
}

std::optional<double> metricGainPercent(const MetricDefinition &metric, const MetricValue &value, const MetricValue &baseline)
{
    const std::optional<double> delta = metricDelta(metric, value, baseline);
    if (!delta || metric.better == Better::Neither)
        return std::nullopt;
    if (sameFigure(*delta, 0.0))
        return 0.0;
    const double b = *baseline.number;
    if (b == 0.0)
        return std::nullopt; // no finite percentage of nothing
    const double change = 100.0 * *delta / std::abs(b);
    return metric.better == Better::Lower ? -change : change;
}

QString formatFigure(FigureKind kind, double value)
{
    using namespace iovplan::reports;
    switch (kind) {
    case FigureKind::Usd:
        return formatUsd(value);
    case FigureKind::Watts:
        return formatWatts(value);
    case FigureKind::BtuPerHour:
        return formatNumber(value) + QStringLiteral(" BTU/hr");
    case FigureKind::KwhPerYear:
        return formatNumber(value) + QStringLiteral(" kWh/yr");
    case FigureKind::BytesPerS:
        return formatNumber(value / 1e6, 1) + QStringLiteral(" MB/s");
    case FigureKind::Seconds:
        return formatNumber(value * 1e6, 1) + QStringLiteral(" µs");
    case FigureKind::Share:
        return formatNumber(100.0 * value, 1) + QStringLiteral(" %");
    case FigureKind::Factor:
        return QStringLiteral("×") + formatNumber(value, 2);
    case FigureKind::Count:
        return formatNumber(value);
    case FigureKind::YesNo:
        return value != 0.0 ? QStringLiteral("yes") : QStringLiteral("no");
    case FigureKind::Text:
        return QString();
    }
    return QString();
}

QString formatDelta(FigureKind kind, double delta)
{
    using namespace iovplan::reports;
    switch (kind) {
    case FigureKind::Share:
        return signedText(delta, formatNumber(100.0 * delta, 1) + QStringLiteral(" pp"));
    case FigureKind::Factor:
        return signedText(delta, formatNumber(delta, 2));
    case FigureKind::YesNo:
    case FigureKind::Text:
        return QString();
    default:
        return signedText(delta, formatFigure(kind, delta));
    }
}

QString formatPercent(double percent)
{
    if (!std::isfinite(percent))
        return QStringLiteral("—");
    return reports::reportLocale().toString(percent, 'f', 1) + QStringLiteral(" %");
}

} // namespace iovplan::reports
