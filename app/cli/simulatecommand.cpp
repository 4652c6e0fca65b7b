#include "simulatecommand.h"

#include "commandline.h"

#include "model/io/qnjsonreader.h"
#include "model/io/qnjsonwriter.h"
#include "queueing/invalidnetwork.h"
#include "queueing/simulation.h"

#include <QTextStream>

#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>

namespace iovplan::cli {

namespace {

using queueing::Estimate;
using queueing::SimulationOptions;
using queueing::SimulationResult;

void printSimulateUsage(QTextStream &stream)
{
    stream << "Usage: iovplan-cli simulate FILE [--replications R] [--warmup T] [--length T] [--seed S]\n"
              "         [--service exponential|deterministic|cv=X] [--routing fixed|markov]\n"
              "         [--discipline auto|fcfs|ps] [--max-events N] [--format json|table]\n"
              "Discrete-event simulation of the queueing network in FILE (qn JSON, docs/qn-format.md):\n"
              "means and 95% confidence half-widths over independent replications (docs/simulation.md).\n"
              "Defaults: 10 replications, seed 1, exponential service, fixed routes, warm-up = length / 10,\n"
              "length sized for about 400,000 events per replication, at most 50,000,000 events each.\n"
              "Exit status: 0 simulated, 2 bad input (a saturated open network included), 1 internal error.\n";
}

// A number option: finite, within [minimum, ...), strictly above it when `strict`.
std::optional<double> parseTime(const QString &text, bool strict)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < 0.0 || (strict && value == 0.0))
        return std::nullopt;
    return value;
}

// Reads the options into `options`; returns the option at fault and why, or an empty name.
struct OptionError {
    QString option;
    QString message;
};

OptionError readOptions(const CommandLine &line, SimulationOptions &options)
{
    const auto has = [&](const char *name) { return line.options.contains(QLatin1String(name)); };
    const auto text = [&](const char *name) { return line.option(QLatin1String(name)); };
    if (has("--replications")) {
        bool ok = false;
        const int r = text("--replications").toInt(&ok);
        if (!ok || r < 2 || r > 100000)
            return { QStringLiteral("--replications"),
                     QStringLiteral("must be a whole number 2 .. 100000, got '%1'").arg(oneLine(text("--replications"))) };
        options.replications = r;
    }
    if (has("--seed")) {
        bool ok = false;
        options.seed = text("--seed").toULongLong(&ok);
        if (!ok)
            return { QStringLiteral("--seed"), QStringLiteral("must be a whole number 0 .. 2^64-1, got '%1'").arg(oneLine(text("--seed"))) };
    }
    if (has("--warmup")) {
        options.warmupTime = parseTime(text("--warmup"), false);
        if (!options.warmupTime)
            return { QStringLiteral("--warmup"), QStringLiteral("must be a finite time >= 0, got '%1'").arg(oneLine(text("--warmup"))) };
    }
    if (has("--length")) {
        options.runLength = parseTime(text("--length"), true);
        if (!options.runLength)
            return { QStringLiteral("--length"), QStringLiteral("must be a finite time > 0, got '%1'").arg(oneLine(text("--length"))) };
    }
    if (has("--max-events")) {
        bool ok = false;
        options.maxEventsPerReplication = text("--max-events").toLongLong(&ok);
        if (!ok || options.maxEventsPerReplication < 1)
            return { QStringLiteral("--max-events"), QStringLiteral("must be a whole number >= 1, got '%1'").arg(oneLine(text("--max-events"))) };
    }
    const QString service = text("--service");
    if (service == u"exponential" || service.isEmpty()) {
        options.service = queueing::ServiceDistribution::Exponential;
    } else if (service == u"deterministic") {
        options.service = queueing::ServiceDistribution::Deterministic;
    } else if (service.startsWith(QLatin1String("cv="))) {
        bool ok = false;
        const double cv = service.mid(3).toDouble(&ok);
        if (!ok || !std::isfinite(cv) || cv < 0.0 || cv > 10.0)
            return { QStringLiteral("--service"), QStringLiteral("cv=X needs 0 <= X <= 10, got '%1'").arg(oneLine(service)) };
        options.service = cv == 0.0 ? queueing::ServiceDistribution::Deterministic : queueing::ServiceDistribution::Gamma;
        options.serviceCv = cv;
    } else {
        return { QStringLiteral("--service"),
                 QStringLiteral("must be exponential, deterministic or cv=X, got '%1'").arg(oneLine(service)) };
    }
    const QString routing = text("--routing");
    if (routing == u"markov")
        options.routing = queueing::RouteConstruction::Markov;
    else if (!routing.isEmpty() && routing != u"fixed")
        return { QStringLiteral("--routing"), QStringLiteral("must be fixed or markov, got '%1'").arg(oneLine(routing)) };
    const QString discipline = text("--discipline");
    if (discipline == u"fcfs")
        options.discipline = queueing::QueueDiscipline::Fcfs;
    else if (discipline == u"ps")
        options.discipline = queueing::QueueDiscipline::ProcessorSharing;
    else if (!discipline.isEmpty() && discipline != u"auto")
        return { QStringLiteral("--discipline"), QStringLiteral("must be auto, fcfs or ps, got '%1'").arg(oneLine(discipline)) };
    return {};
}

const char *serviceName(queueing::ServiceDistribution service)
{
    switch (service) {
    case queueing::ServiceDistribution::Exponential:
        return "exponential";
    case queueing::ServiceDistribution::Deterministic:
        return "deterministic";
    case queueing::ServiceDistribution::Gamma:
        return "gamma";
    }
    return "";
}

const char *disciplineName(const queueing::SimulatedStation &station)
{
    if (station.kind == queueing::StationKind::Delay)
        return "infinite-server";
    return station.processorSharing ? "ps" : "fcfs";
}

// Ordered JSON text (QJsonObject would sort the keys); every object of figures on one line, as the
// qn output writes them.
class Json
{
public:
    void raw(std::string_view text) { m_text += text; }
    void key(std::string_view name)
    {
        if (m_needComma)
            m_text += ", ";
        string(name);
        m_text += ": ";
        m_needComma = true;
    }
    void string(std::string_view s)
    {
        m_text += '"';
        for (const char ch : s) {
            const auto byte = static_cast<unsigned char>(ch);
            if (ch == '"' || ch == '\\') {
                m_text += '\\';
                m_text += ch;
            } else if (byte < 0x20) {
                static constexpr char hex[] = "0123456789abcdef";
                m_text += "\\u00";
                m_text += hex[byte >> 4];
                m_text += hex[byte & 0xf];
            } else {
                m_text += ch;
            }
        }
        m_text += '"';
    }
    void number(double x)
    {
        if (!std::isfinite(x)) {
            m_text += "null";
            return;
        }
        char buffer[32];
        const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, x == 0.0 ? 0.0 : x);
        m_text += error == std::errc() ? std::string_view(buffer, static_cast<std::size_t>(end - buffer)) : "null";
    }
    void field(std::string_view name, std::string_view text) { key(name), string(text); }
    void field(std::string_view name, const char *text) { key(name), string(text); } // not the bool overload
    void field(std::string_view name, double x) { key(name), number(x); }
    void field(std::string_view name, bool b) { key(name), raw(b ? "true" : "false"); }
    void estimate(const std::string &name, const Estimate &e)
    {
        field(name, e.mean);
        field(name + "_ci95", e.halfWidth);
    }
    // Starts a new member list inside an object or array just opened.
    void open(std::string_view bracket)
    {
        m_text += bracket;
        m_needComma = false;
    }
    void close(std::string_view bracket)
    {
        m_text += bracket;
        m_needComma = true;
    }
    void nextLine(std::string_view indent)
    {
        if (m_needComma)
            m_text += ",";
        m_text += "\n";
        m_text += indent;
        m_needComma = false;
    }
    [[nodiscard]] const std::string &text() const { return m_text; }

private:
    std::string m_text;
    bool m_needComma = false;
};

std::string resultJson(const SimulationResult &result)
{
    Json j;
    j.open("{");
    j.nextLine("  ");
    j.field("method", "simulation");
    j.nextLine("  ");
    j.key("simulation");
    j.open("{");
    j.field("seed", static_cast<double>(result.seed));
    j.field("replications", static_cast<double>(result.replications));
    j.field("warmup", result.warmupTime);
    j.field("length", result.runLength);
    j.field("service", serviceName(result.service));
    j.field("service_cv", result.serviceCv);
    j.field("routing", result.routing == queueing::RouteConstruction::Fixed ? "fixed" : "markov");
    j.field("confidence", 0.95);
    j.field("t_quantile", result.tQuantile);
    j.field("events", static_cast<double>(result.events));
    j.field("event_budget_exhausted", result.eventBudgetExhausted);
    if (!result.note.empty())
        j.field("note", result.note);
    j.close("}");
    j.nextLine("  ");
    j.key("classes");
    j.open("[");
    for (const queueing::SimulatedClass &c : result.classes) {
        j.nextLine("    ");
        j.open("{");
        j.field("name", c.name);
        j.field("kind", c.open ? "open" : "closed");
        j.estimate("throughput", c.throughput);
        j.estimate("response_time", c.responseTime);
        j.field("passes", static_cast<double>(c.passes));
        j.close("}");
    }
    j.raw("\n  ");
    j.close("]");
    j.nextLine("  ");
    j.key("stations");
    j.open("[");
    for (const queueing::SimulatedStation &s : result.stations) {
        j.nextLine("    ");
        j.open("{");
        j.nextLine("      ");
        j.field("name", s.name);
        j.field("kind", io::stationKindName(s.kind));
        j.field("discipline", disciplineName(s));
        j.nextLine("      ");
        j.estimate("utilization", s.utilization);
        j.estimate("queue_length", s.queueLength);
        j.nextLine("      ");
        j.estimate("throughput", s.throughput);
        j.estimate("response_time", s.responseTime);
        j.nextLine("      ");
        j.key("per_class");
        j.open("[");
        for (const queueing::SimulatedStationClass &pc : s.perClass) {
            j.nextLine("        ");
            j.open("{");
            j.field("class", pc.className);
            j.estimate("throughput", pc.throughput);
            j.estimate("utilization", pc.utilization);
            j.estimate("queue_length", pc.queueLength);
            j.estimate("residence_time", pc.residenceTime);
            j.close("}");
        }
        j.raw("\n      ");
        j.close("]");
        j.raw("\n    ");
        j.close("}");
    }
    j.raw("\n  ");
    j.close("]");
    j.raw("\n}\n");
    return j.text();
}

QString withInterval(const Estimate &e)
{
    return QStringLiteral("%1 ± %2").arg(e.mean, 0, 'g', 6).arg(e.halfWidth, 0, 'g', 2);
}

// Rows of cells printed with every column padded to its widest cell.
QString alignedTable(const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (i >= widths.size())
                widths.append(0);
            widths[i] = std::max(widths[i], row.at(i).size());
        }
    }
    QString text;
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i)
            line += row.at(i).leftJustified(widths.at(i) + 2);
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
        text += line + QLatin1Char('\n');
    }
    return text;
}

QString resultTable(const SimulationResult &result)
{
    QString text;
    text += QStringLiteral("Simulation: %1 replications, seed %2, warm-up %3, length %4, %5 service (cv %6), %7 routes\n")
                .arg(result.replications)
                .arg(result.seed)
                .arg(result.warmupTime, 0, 'g', 6)
                .arg(result.runLength, 0, 'g', 6)
                .arg(QLatin1String(serviceName(result.service)))
                .arg(result.serviceCv, 0, 'g', 4)
                .arg(result.routing == queueing::RouteConstruction::Fixed ? QStringLiteral("fixed") : QStringLiteral("Markov"));
    text += QStringLiteral("Events: %1. Intervals: 95%, Student t %2 on %3 degrees of freedom.\n")
                .arg(result.events)
                .arg(result.tQuantile, 0, 'g', 6)
                .arg(result.replications - 1);
    if (result.eventBudgetExhausted)
        text += QStringLiteral("WARNING: %1\n").arg(QString::fromStdString(result.note));

    QList<QStringList> classes{ { QStringLiteral("class"), QStringLiteral("kind"), QStringLiteral("throughput"),
                                  QStringLiteral("response time"), QStringLiteral("passes") } };
    for (const queueing::SimulatedClass &c : result.classes)
        classes.append({ QString::fromStdString(c.name), c.open ? QStringLiteral("open") : QStringLiteral("closed"),
                         withInterval(c.throughput), withInterval(c.responseTime), QString::number(c.passes) });
    text += QStringLiteral("\nClasses\n") + alignedTable(classes);

    QList<QStringList> stations{ { QStringLiteral("station"), QStringLiteral("class"), QStringLiteral("discipline"),
                                   QStringLiteral("utilization"), QStringLiteral("queue length"), QStringLiteral("throughput"),
                                   QStringLiteral("time") } };
    for (const queueing::SimulatedStation &s : result.stations) {
        stations.append({ QString::fromStdString(s.name), QStringLiteral("(all)"), QLatin1String(disciplineName(s)),
                          withInterval(s.utilization), withInterval(s.queueLength), withInterval(s.throughput),
                          withInterval(s.responseTime) + QStringLiteral(" per visit") });
        for (const queueing::SimulatedStationClass &pc : s.perClass)
            stations.append({ QString(), QString::fromStdString(pc.className), QString(), withInterval(pc.utilization),
                              withInterval(pc.queueLength), withInterval(pc.throughput),
                              withInterval(pc.residenceTime) + QStringLiteral(" per pass") });
    }
    text += QStringLiteral("\nStations\n") + alignedTable(stations);
    return text;
}

} // namespace

int runSimulateCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QStringList valueOptions{ QStringLiteral("--replications"), QStringLiteral("--warmup"), QStringLiteral("--length"),
                                    QStringLiteral("--seed"),         QStringLiteral("--service"), QStringLiteral("--routing"),
                                    QStringLiteral("--discipline"),   QStringLiteral("--max-events"), QStringLiteral("--format") };
    const CommandLine line = parseCommandLine(args, valueOptions, {});
    if (line.help) {
        printSimulateUsage(out);
        return 0;
    }
    if (!line.error.isEmpty()) {
        err << "iovplan-cli simulate: " << line.error << '\n';
        return 2;
    }
    if (line.file.isEmpty()) {
        printSimulateUsage(err);
        return 2;
    }
    const QString format = line.option(QStringLiteral("--format"), QStringLiteral("json"));
    if (format != u"json" && format != u"table")
        return reportBadInput(err, QStringLiteral("--format"), {}, QStringLiteral("must be json or table, got '%1'").arg(oneLine(format)));
    SimulationOptions options;
    const OptionError optionError = readOptions(line, options);
    if (!optionError.option.isEmpty())
        return reportBadInput(err, optionError.option, {}, optionError.message);

    const io::QnReadResult read = io::readQnFile(line.file);
    if (!read.ok())
        return reportBadInput(err, line.file, read.error.field, read.error.message);

    SimulationResult result;
    try {
        result = queueing::simulate(read.document->network, options);
    } catch (const queueing::InvalidNetwork &e) {
        // Saturation, a fixed route too long to build, or a network the engine refuses.
        return reportBadInput(err, line.file, QString::fromStdString(e.field()), QString::fromStdString(e.what()));
    }
    if (result.eventBudgetExhausted)
        err << "iovplan-cli simulate: " << oneLine(line.file) << ": " << QString::fromStdString(result.note) << '\n';
    if (format == u"table")
        out << resultTable(result);
    else
        out << QString::fromStdString(resultJson(result));
    out.flush();
    return 0;
}

} // namespace iovplan::cli
