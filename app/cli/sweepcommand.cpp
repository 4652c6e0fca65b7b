#include "sweepcommand.h"

#include "commandline.h"
#include "documentloading.h"
#include "model/iov/whatif.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>
#include <cmath>

namespace iovplan::cli {

namespace {

using iov::allTrafficClasses;
using iov::trafficClassName;

void printSweepUsage(QTextStream &stream)
{
    stream << "Usage: iovplan-cli sweep FILE.iovplan --param P --from A --to B --steps N [--scenario NAME]\n"
              "                         [--shard i/n] [--capacity] [--no-header]\n"
              "P: vms_per_server, load_scale, gateways, hcas or price:ITEM_ID. Writes CSV, one row per step\n"
              "(docs/whatif.md). --shard i/n computes steps i, i+n, i+2n, ... (0-based) for job arrays.\n"
              "Exit status: 0 swept, 2 bad input, 1 internal error.\n";
}

void printFailuresUsage(QTextStream &stream)
{
    stream << "Usage: iovplan-cli failures FILE.iovplan [--scenario NAME] [--format csv|json]\n"
              "Fails each gateway, switch, uplink cable and one HCA in turn and reports the degraded\n"
              "throughput and latency per class (docs/whatif.md).\n"
              "Exit status: 0 evaluated, 2 bad input, 1 internal error.\n";
}

// ---- CSV fields: C-locale numbers, never NaN or infinity (an absent figure is an empty field) ----------

QString number(double value)
{
    return std::isfinite(value) ? QString::number(value, 'g', 12) : QString();
}

QString number(const std::optional<double> &value)
{
    return value ? number(*value) : QString();
}

QString money(double usd)
{
    return std::isfinite(usd) ? QString::number(usd, 'f', 2) : QString();
}

QString cents(cost::Cents value)
{
    const cost::Cents magnitude = value < 0 ? -value : value;
    return QStringLiteral("%1%2.%3")
        .arg(value < 0 ? QStringLiteral("-") : QString())
        .arg(magnitude / 100)
        .arg(magnitude % 100, 2, 10, QLatin1Char('0'));
}

QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n'))
        && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

void writeCsvLine(QTextStream &out, const QStringList &fields)
{
    QStringList escaped;
    escaped.reserve(fields.size());
    for (const QString &f : fields)
        escaped << csvField(f);
    out << escaped.join(QLatin1Char(',')) << '\n';
}

QString flag(bool value)
{
    return value ? QStringLiteral("1") : QStringLiteral("0");
}

// ---- sweep -----------------------------------------------------------------------------------------

QStringList sweepHeader(const iov::SweepParameter &parameter)
{
    QStringList header { QStringLiteral("step"), parameter.name() };
    for (const iov::TrafficClass traffic : allTrafficClasses) {
        const QString c = trafficClassName(traffic);
        header << c + QStringLiteral("_offered_bytes_per_s") << c + QStringLiteral("_throughput_bytes_per_s")
               << c + QStringLiteral("_p99_latency_s") << c + QStringLiteral("_peak_vm_bytes_per_s");
    }
    header << QStringLiteral("cpu_utilization") << QStringLiteral("max_vms_per_server") << QStringLiteral("saturated")
           << QStringLiteral("bottleneck") << QStringLiteral("servers_not_rewired")
           << QStringLiteral("servers_without_path") << QStringLiteral("io_purchase_usd")
           << QStringLiteral("purchase_usd") << QStringLiteral("tco_usd") << QStringLiteral("typical_w")
           << QStringLiteral("watts_at_cpu_utilization");
    return header;
}

QStringList sweepFields(const iov::SweepRow &row)
{
    const iov::PerformanceMetrics &p = row.performance;
    QStringList fields { QString::number(row.step), number(row.value) };
    for (const iov::TrafficClass traffic : allTrafficClasses) {
        const auto c = std::find_if(p.classes.begin(), p.classes.end(),
                                    [traffic](const iov::ClassMetrics &m) { return m.traffic == traffic; });
        if (c == p.classes.end()) {
            fields << QString() << QString() << QString() << QString();
            continue;
        }
        fields << number(c->offeredBytesPerS) << number(c->throughputBytesPerS) << number(c->p99LatencyS)
               << number(c->peakVmBytesPerS);
    }
    fields << number(p.cpuUtilization) << (row.capacitySearched ? QString::number(p.maxVmsPerServer) : QString())
           << flag(p.saturated) << p.bottleneck << QString::number(row.serversNotRewired.size())
           << QString::number(row.serversWithoutPath) << cents(row.ioPurchase) << cents(row.purchase)
           << money(row.tcoUsd) << money(row.typicalW) << money(row.wattsAtCpuUtilization);
    return fields;
}

struct NumberArgument
{
    double value = 0.0;
    bool ok = false;
};

NumberArgument parseNumber(const QString &text)
{
    NumberArgument n;
    n.value = text.trimmed().toDouble(&n.ok); // QString::toDouble reads the C locale
    n.ok = n.ok && std::isfinite(n.value);
    return n;
}

std::optional<iov::SweepShard> parseShard(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char('/'));
    if (parts.size() != 2)
        return std::nullopt;
    bool okIndex = false;
    bool okCount = false;
    const iov::SweepShard shard { parts[0].toInt(&okIndex), parts[1].toInt(&okCount) };
    if (!okIndex || !okCount || shard.count < 1 || shard.index < 0 || shard.index >= shard.count)
        return std::nullopt;
    return shard;
}

// The scenario a sweep runs on: the named one, or the document's only one.
const design::Scenario *sweepScenario(const design::Project &project, const QString &name)
{
    if (name.isEmpty())
        return project.scenarios.size() == 1 ? &project.scenarios.front() : nullptr;
    const auto found = std::find_if(project.scenarios.begin(), project.scenarios.end(),
                                    [&](const design::Scenario &s) { return s.name == name; });
    return found != project.scenarios.end() ? &*found : nullptr;
}

// ---- failures ----------------------------------------------------------------------------------------

QStringList failuresHeader()
{
    QStringList header { QStringLiteral("scenario"), QStringLiteral("failed_kind"), QStringLiteral("failed"),
                         QStringLiteral("removed_cables"), QStringLiteral("saturated"), QStringLiteral("bottleneck"),
                         QStringLiteral("cpu_utilization") };
    for (const iov::TrafficClass traffic : allTrafficClasses) {
        const QString c = trafficClassName(traffic);
        header << c + QStringLiteral("_offered_bytes_per_s") << c + QStringLiteral("_carried_bytes_per_s")
               << c + QStringLiteral("_carried_share") << c + QStringLiteral("_p99_latency_s")
               << c + QStringLiteral("_servers_without_path");
    }
    return header;
}

std::optional<double> carriedShare(const iov::FailureClass &c)
{
    return c.offeredBytesPerS > 0.0 ? std::optional<double>(c.carriedBytesPerS / c.offeredBytesPerS) : std::nullopt;
}

QStringList failureFields(const QString &scenario, const iov::FailureCase &f)
{
    QStringList fields { scenario, iov::failureKindName(f.kind), f.element, QString::number(f.removedCables),
                         flag(f.saturated), f.bottleneck, number(f.cpuUtilization) };
    for (const iov::TrafficClass traffic : allTrafficClasses) {
        const auto c = std::find_if(f.classes.begin(), f.classes.end(),
                                    [traffic](const iov::FailureClass &x) { return x.traffic == traffic; });
        if (c == f.classes.end()) {
            fields << QString() << QString() << QString() << QString() << QString();
            continue;
        }
        fields << number(c->offeredBytesPerS) << number(c->carriedBytesPerS) << number(carriedShare(*c))
               << number(c->p99LatencyS) << QString::number(c->serversWithoutPath);
    }
    return fields;
}

QJsonValue jsonFigure(const std::optional<double> &value)
{
    return value && std::isfinite(*value) ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonObject failureJson(const iov::FailureCase &f)
{
    QJsonArray classes;
    for (const iov::FailureClass &c : f.classes) {
        classes.append(QJsonObject {
            { QStringLiteral("name"), trafficClassName(c.traffic) },
            { QStringLiteral("offered_bytes_per_s"), c.offeredBytesPerS },
            { QStringLiteral("carried_bytes_per_s"), c.carriedBytesPerS },
            { QStringLiteral("carried_share"), jsonFigure(carriedShare(c)) },
            { QStringLiteral("latency_s"), jsonFigure(c.latencyS) },
            { QStringLiteral("p99_latency_s"), jsonFigure(c.p99LatencyS) },
            { QStringLiteral("bottleneck"), c.bottleneck },
            { QStringLiteral("saturated"), c.saturated },
            { QStringLiteral("servers_without_path"), c.serversWithoutPath },
        });
    }
    return QJsonObject {
        { QStringLiteral("kind"), iov::failureKindName(f.kind) },
        { QStringLiteral("element"), f.element },
        { QStringLiteral("removed_cables"), f.removedCables },
        { QStringLiteral("saturated"), f.saturated },
        { QStringLiteral("bottleneck"), f.bottleneck },
        { QStringLiteral("cpu_utilization"), jsonFigure(f.cpuUtilization) },
        { QStringLiteral("classes"), classes },
    };
}

} // namespace

int runSweepCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const CommandLine line = parseCommandLine(
        args,
        { QStringLiteral("--param"), QStringLiteral("--from"), QStringLiteral("--to"), QStringLiteral("--steps"),
          QStringLiteral("--scenario"), QStringLiteral("--shard") },
        { QStringLiteral("--capacity"), QStringLiteral("--no-header") });
    if (line.help) {
        printSweepUsage(out);
        return 0;
    }
    const QString file = line.file.isEmpty() ? QStringLiteral("sweep") : line.file;
    if (!line.error.isEmpty())
        return reportBadInput(err, file, {}, line.error);
    if (line.file.isEmpty())
        return reportBadInput(err, file, {}, QStringLiteral("needs FILE (see iovplan-cli sweep --help)"));
    for (const char *required : { "--param", "--from", "--to", "--steps" }) {
        if (!line.options.contains(QLatin1String(required)))
            return reportBadInput(err, file, QLatin1String(required), QStringLiteral("is required"));
    }
    const std::optional<iov::SweepParameter> parameter = iov::sweepParameterFromName(line.option(QStringLiteral("--param")));
    if (!parameter) {
        return reportBadInput(err, file, QStringLiteral("--param"),
                              QStringLiteral("unknown parameter '%1'; use vms_per_server, load_scale, gateways, hcas "
                                             "or price:ITEM_ID").arg(line.option(QStringLiteral("--param"))));
    }
    const NumberArgument from = parseNumber(line.option(QStringLiteral("--from")));
    if (!from.ok)
        return reportBadInput(err, file, QStringLiteral("--from"), QStringLiteral("must be a number"));
    const NumberArgument to = parseNumber(line.option(QStringLiteral("--to")));
    if (!to.ok)
        return reportBadInput(err, file, QStringLiteral("--to"), QStringLiteral("must be a number"));
    bool stepsOk = false;
    const int steps = line.option(QStringLiteral("--steps")).toInt(&stepsOk);
    if (!stepsOk || steps < 1)
        return reportBadInput(err, file, QStringLiteral("--steps"), QStringLiteral("must be a whole number of at least 1"));
    iov::SweepOptions options;
    options.capacitySearch = line.flags.contains(QStringLiteral("--capacity"));
    if (line.options.contains(QStringLiteral("--shard"))) {
        options.shard = parseShard(line.option(QStringLiteral("--shard")));
        if (!options.shard)
            return reportBadInput(err, file, QStringLiteral("--shard"), QStringLiteral("must be i/n with 0 <= i < n"));
    }

    const std::optional<design::Project> project = readProjectOrReport(line.file, err);
    if (!project)
        return 2;
    const QString scenarioName = line.option(QStringLiteral("--scenario"));
    const design::Scenario *scenario = sweepScenario(*project, scenarioName);
    if (scenario == nullptr) {
        QStringList names;
        for (const design::Scenario &s : project->scenarios)
            names << QLatin1Char('"') + s.name + QLatin1Char('"');
        const QString known = names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "));
        return reportBadInput(err, file, QStringLiteral("--scenario"),
                              scenarioName.isEmpty()
                                  ? QStringLiteral("name one scenario; the document has %1").arg(known)
                                  : QStringLiteral("no scenario named \"%1\"; the document has %2").arg(scenarioName, known));
    }
    const iov::SweepResult result = iov::sweep(*scenario, project->catalog, *parameter, from.value, to.value, steps, options);
    if (!result.error.isEmpty())
        return reportBadInput(err, file, result.errorField, result.error);
    if (!line.flags.contains(QStringLiteral("--no-header")))
        writeCsvLine(out, sweepHeader(*parameter));
    for (const iov::SweepRow &row : result.rows)
        writeCsvLine(out, sweepFields(row));
    out.flush();
    return 0;
}

int runFailuresCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const CommandLine line = parseCommandLine(args, { QStringLiteral("--scenario"), QStringLiteral("--format") }, {});
    if (line.help) {
        printFailuresUsage(out);
        return 0;
    }
    const QString file = line.file.isEmpty() ? QStringLiteral("failures") : line.file;
    if (!line.error.isEmpty())
        return reportBadInput(err, file, {}, line.error);
    if (line.file.isEmpty())
        return reportBadInput(err, file, {}, QStringLiteral("needs FILE (see iovplan-cli failures --help)"));
    const QString format = line.option(QStringLiteral("--format"), QStringLiteral("csv"));
    if (format != u"csv" && format != u"json")
        return reportBadInput(err, file, QStringLiteral("--format"), QStringLiteral("must be csv or json, got '%1'").arg(format));
    const QString scenarioName = line.option(QStringLiteral("--scenario"));
    const std::optional<design::Project> project = readProjectWithScenarioOrReport(line.file, scenarioName, err);
    if (!project)
        return 2;

    QJsonArray scenarios;
    if (format == u"csv")
        writeCsvLine(out, failuresHeader());
    for (const design::Scenario &scenario : project->scenarios) {
        if (!scenarioName.isEmpty() && scenario.name != scenarioName)
            continue;
        const iov::FailureReport report = iov::failures(scenario, project->catalog);
        if (format == u"csv") {
            writeCsvLine(out, failureFields(report.scenario, report.intact));
            for (const iov::FailureCase &f : report.failures)
                writeCsvLine(out, failureFields(report.scenario, f));
            continue;
        }
        QJsonArray cases;
        for (const iov::FailureCase &f : report.failures)
            cases.append(failureJson(f));
        scenarios.append(QJsonObject { { QStringLiteral("name"), report.scenario },
                                       { QStringLiteral("intact"), failureJson(report.intact) },
                                       { QStringLiteral("failures"), cases } });
    }
    if (format == u"json")
        out << QString::fromUtf8(QJsonDocument(QJsonObject { { QStringLiteral("scenarios"), scenarios } }).toJson(QJsonDocument::Indented));
    out.flush();
    return 0;
}

} // namespace iovplan::cli
