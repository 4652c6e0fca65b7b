#include "qnjsonreader.h"

#include "queueing/invalidnetwork.h"
#include "queueing/routing.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>

namespace iovplan::io {

namespace {

using queueing::ClassKind;
using queueing::JobClass;
using queueing::MethodRequest;
using queueing::Network;
using queueing::Station;
using queueing::StationKind;

// Rows of a closed class's routing must sum to 1 within this; the same tolerance as routing.cpp.
constexpr double probabilitySumTolerance = 1e-9;
// Names quoted in messages are cut here so that an error stays one readable line.
constexpr qsizetype quotedNameLimit = 60;

// Thrown inside the reader only; readQnJson turns it into a QnReadError.
struct ReadFailure
{
    QString field;
    QString message;
};

[[noreturn]] void fail(const QString &field, const QString &message)
{
    throw ReadFailure { field, message };
}

// A name made safe for a one-line message: control characters escaped, long names shortened.
QString printable(const QString &name)
{
    QString out;
    const QString cut = name.size() > quotedNameLimit ? name.left(quotedNameLimit) : name;
    for (const QChar ch : cut) {
        if (ch.unicode() < 0x20 || ch.unicode() == 0x7f)
            out += QStringLiteral("\\u%1").arg(ch.unicode(), 4, 16, QLatin1Char('0'));
        else
            out += ch;
    }
    if (cut.size() < name.size())
        out += QStringLiteral("...");
    return out;
}

QString quoted(const QString &name)
{
    return QLatin1Char('\'') + printable(name) + QLatin1Char('\'');
}

QString number(double x)
{
    return QString::number(x, 'g', QLocale::FloatingPointShortest);
}

QString number(qint64 x)
{
    return QString::number(x);
}

// What a JSON value is, for "got ..." in messages.
QString describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return number(value.toDouble());
    case QJsonValue::String:
        return QStringLiteral("the string ") + quoted(value.toString());
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

// A JSON field path ("classes[1].routing.cpu"), chained on the stack and turned into text only
// when an error is reported: reading a valid document builds no path strings. A child refers to
// its parent, so a parent must outlive its children (they are locals or temporaries below it).
class JsonPath
{
public:
    explicit JsonPath(const char *key)
        : m_latin1(key)
    {
    }

    [[nodiscard]] JsonPath member(const char *key) const { return JsonPath(this, key); }
    [[nodiscard]] JsonPath member(const QString &key) const { return JsonPath(this, key); }
    [[nodiscard]] JsonPath index(qsizetype i) const { return JsonPath(this, i); }

    [[nodiscard]] QString toString() const
    {
        QString text = m_parent ? m_parent->toString() : QString();
        if (m_index >= 0)
            return text + QLatin1Char('[') + QString::number(m_index) + QLatin1Char(']');
        if (!text.isEmpty())
            text += QLatin1Char('.');
        return text + (m_latin1 ? QString::fromLatin1(m_latin1) : printable(m_key));
    }

private:
    JsonPath(const JsonPath *parent, const char *key)
        : m_parent(parent)
        , m_latin1(key)
    {
    }
    JsonPath(const JsonPath *parent, const QString &key)
        : m_parent(parent)
        , m_key(key)
    {
    }
    JsonPath(const JsonPath *parent, qsizetype i)
        : m_parent(parent)
        , m_index(i)
    {
    }

    const JsonPath *m_parent = nullptr;
    const char *m_latin1 = nullptr; ///< a key spelled in the source (static lifetime)
    QString m_key; ///< a key from the document (a station name)
    qsizetype m_index = -1; ///< an array index
};

[[noreturn]] void fail(const JsonPath &path, const QString &message)
{
    fail(path.toString(), message);
}

QJsonObject requireObject(const QJsonValue &value, const JsonPath &path, const QString &what)
{
    if (!value.isObject())
        fail(path, QStringLiteral("must be ") + what + QStringLiteral(", got ") + describe(value));
    return value.toObject();
}

QJsonArray requireArray(const QJsonValue &value, const JsonPath &path, const QString &what)
{
    if (!value.isArray())
        fail(path, QStringLiteral("must be ") + what + QStringLiteral(", got ") + describe(value));
    return value.toArray();
}

QString requireString(const QJsonValue &value, const JsonPath &path)
{
    if (value.isUndefined())
        fail(path, QStringLiteral("is missing"));
    if (!value.isString())
        fail(path, QStringLiteral("must be a string, got ") + describe(value));
    return value.toString();
}

double requireNumber(const QJsonValue &value, const JsonPath &path)
{
    if (value.isUndefined())
        fail(path, QStringLiteral("is missing"));
    if (!value.isDouble())
        fail(path, QStringLiteral("must be a number, got ") + describe(value));
    const double x = value.toDouble();
    // Qt rejects 1e999 while parsing; this guards other producers of QJsonValue all the same.
    if (!std::isfinite(x))
        fail(path, QStringLiteral("must be a finite number"));
    return x;
}

double positiveNumber(const QJsonValue &value, const JsonPath &path)
{
    const double x = requireNumber(value, path);
    if (!(x > 0.0))
        fail(path, QStringLiteral("must be > 0, got ") + number(x));
    return x;
}

double nonNegativeNumber(const QJsonValue &value, const JsonPath &path)
{
    const double x = requireNumber(value, path);
    if (x < 0.0)
        fail(path, QStringLiteral("must be >= 0, got ") + number(x));
    return x + 0.0; // turns -0 into 0
}

double probability(const QJsonValue &value, const JsonPath &path)
{
    const double x = requireNumber(value, path);
    if (x < 0.0 || x > 1.0)
        fail(path, QStringLiteral("must be a probability in [0, 1], got ") + number(x));
    return x + 0.0;
}

qint64 wholeNumber(const QJsonValue &value, const JsonPath &path, qint64 minimum, qint64 maximum)
{
    const double x = requireNumber(value, path);
    if (std::floor(x) != x || x < static_cast<double>(minimum))
        fail(path,
            QStringLiteral("must be a whole number >= ") + number(minimum) + QStringLiteral(", got ")
                + number(x));
    if (x > static_cast<double>(maximum))
        fail(path,
            QStringLiteral("must be at most ") + number(maximum) + QStringLiteral(", got ") + number(x));
    return static_cast<qint64>(x);
}

QString methodNames()
{
    return QStringLiteral("exact, approximate, auto, mva, convolution, bard-schweitzer or linearizer");
}

// Builds the Network; every check names the JSON path of the offending value.
class Reader
{
public:
    explicit Reader(const QnLimits &limits)
        : m_limits(limits)
    {
    }

    QnDocument read(const QJsonObject &root)
    {
        QnDocument document;
        readStations(root.value(QLatin1String("stations")), document.network);
        readClasses(root.value(QLatin1String("classes")), document.network);
        document.options.method = readMethod(root.value(QLatin1String("method")));
        return document;
    }

private:
    void readStations(const QJsonValue &value, Network &network)
    {
        const JsonPath path("stations");
        if (value.isUndefined())
            fail(path, QStringLiteral("is missing: the network needs at least one station"));
        const QJsonArray stations = requireArray(value, path, QStringLiteral("an array of stations"));
        if (stations.isEmpty())
            fail(path, QStringLiteral("is empty: the network needs at least one station"));
        if (stations.size() > m_limits.maxStations)
            fail(path,
                QStringLiteral("has ") + number(static_cast<qint64>(stations.size()))
                    + QStringLiteral(" stations, more than the limit of ")
                    + number(static_cast<qint64>(m_limits.maxStations)));
        network.stations.reserve(static_cast<std::size_t>(stations.size()));
        for (qsizetype k = 0; k < stations.size(); ++k)
            network.stations.push_back(readStation(stations.at(k), path.index(k), k));
    }

    Station readStation(const QJsonValue &value, const JsonPath &path, qsizetype index)
    {
        const QJsonObject object = requireObject(value, path, QStringLiteral("an object"));
        Station station;
        const QString name = readName(object, path);
        const auto existing = m_stationIndex.constFind(name);
        if (existing != m_stationIndex.constEnd())
            fail(path.member("name"),
                QStringLiteral("duplicate station name ") + quoted(name) + QStringLiteral(" (also stations[")
                    + QString::number(existing.value()) + QStringLiteral("])"));
        m_stationIndex.insert(name, index);
        station.name = name.toStdString();

        const JsonPath kindPath = path.member("kind");
        const QString kind = requireString(object.value(QLatin1String("kind")), kindPath);
        if (kind == QLatin1String("queue"))
            station.kind = StationKind::Queue;
        else if (kind == QLatin1String("delay"))
            station.kind = StationKind::Delay;
        else if (kind == QLatin1String("load-dependent"))
            station.kind = StationKind::LoadDependent;
        else
            fail(kindPath, QStringLiteral("must be queue, delay or load-dependent, got ") + quoted(kind));

        const QJsonValue servers = object.value(QLatin1String("servers"));
        const JsonPath serversPath = path.member("servers");
        if (station.kind == StationKind::Queue) {
            if (!servers.isUndefined())
                station.servers = static_cast<int>(wholeNumber(servers, serversPath, 1, m_limits.maxServers));
        } else if (!servers.isUndefined()) {
            fail(serversPath,
                QStringLiteral("only queue stations take servers; a ") + kind
                    + QStringLiteral(" station has none"));
        }

        const QJsonValue multipliers = object.value(QLatin1String("rate_multipliers"));
        const JsonPath multipliersPath = path.member("rate_multipliers");
        if (station.kind == StationKind::LoadDependent) {
            if (multipliers.isUndefined())
                fail(multipliersPath,
                    QStringLiteral("is missing: a load-dependent station needs its rate multipliers"));
            const QJsonArray list
                = requireArray(multipliers, multipliersPath, QStringLiteral("an array of numbers"));
            if (list.isEmpty())
                fail(multipliersPath, QStringLiteral("is empty: give at least the rate with one job (1.0)"));
            if (list.size() > m_limits.maxRateMultipliers)
                fail(multipliersPath,
                    QStringLiteral("has ") + number(static_cast<qint64>(list.size()))
                        + QStringLiteral(" values, more than the limit of ")
                        + number(static_cast<qint64>(m_limits.maxRateMultipliers)));
            station.rateMultipliers.reserve(static_cast<std::size_t>(list.size()));
            for (qsizetype i = 0; i < list.size(); ++i)
                station.rateMultipliers.push_back(positiveNumber(list.at(i), multipliersPath.index(i)));
        } else if (!multipliers.isUndefined()) {
            fail(multipliersPath, QStringLiteral("only load-dependent stations take rate multipliers"));
        }
        return station;
    }

    void readClasses(const QJsonValue &value, Network &network)
    {
        const JsonPath path("classes");
        if (value.isUndefined())
            fail(path, QStringLiteral("is missing: the network needs at least one class"));
        const QJsonArray classes = requireArray(value, path, QStringLiteral("an array of classes"));
        if (classes.isEmpty())
            fail(path, QStringLiteral("is empty: the network needs at least one class"));
        if (classes.size() > m_limits.maxClasses)
            fail(path,
                QStringLiteral("has ") + number(static_cast<qint64>(classes.size()))
                    + QStringLiteral(" classes, more than the limit of ")
                    + number(static_cast<qint64>(m_limits.maxClasses)));
        // Checked before any per-class vector is allocated.
        const qint64 entries
            = static_cast<qint64>(classes.size()) * static_cast<qint64>(network.stationCount());
        if (entries > m_limits.maxStationClassEntries)
            fail(path,
                number(static_cast<qint64>(network.stationCount())) + QStringLiteral(" stations x ")
                    + number(static_cast<qint64>(classes.size())) + QStringLiteral(" classes = ")
                    + number(entries) + QStringLiteral(" entries, more than the limit of ")
                    + number(m_limits.maxStationClassEntries));
        network.classes.reserve(static_cast<std::size_t>(classes.size()));
        QHash<QString, qsizetype> classIndex;
        qint64 totalPopulation = 0;
        for (qsizetype c = 0; c < classes.size(); ++c) {
            const JsonPath classPath = path.index(c);
            const QJsonObject object = requireObject(classes.at(c), classPath, QStringLiteral("an object"));
            const QString name = readName(object, classPath);
            const auto existing = classIndex.constFind(name);
            if (existing != classIndex.constEnd())
                fail(classPath.member("name"),
                    QStringLiteral("duplicate class name ") + quoted(name) + QStringLiteral(" (also classes[")
                        + QString::number(existing.value()) + QStringLiteral("])"));
            classIndex.insert(name, c);
            JobClass jobClass = readClass(object, classPath, network);
            jobClass.name = name.toStdString();
            if (jobClass.kind == ClassKind::Closed) {
                totalPopulation += jobClass.population;
                if (totalPopulation > m_limits.maxTotalPopulation)
                    fail(classPath.member("population"),
                        QStringLiteral("the closed populations sum to ") + number(totalPopulation)
                            + QStringLiteral(", more than the limit of ")
                            + number(m_limits.maxTotalPopulation));
            }
            network.classes.push_back(std::move(jobClass));
        }
    }

    JobClass readClass(const QJsonObject &object, const JsonPath &path, const Network &network)
    {
        JobClass jobClass;
        const JsonPath kindPath = path.member("kind");
        const QString kind = requireString(object.value(QLatin1String("kind")), kindPath);
        if (kind == QLatin1String("open"))
            jobClass.kind = ClassKind::Open;
        else if (kind == QLatin1String("closed"))
            jobClass.kind = ClassKind::Closed;
        else
            fail(kindPath, QStringLiteral("must be open or closed, got ") + quoted(kind));

        const auto forbid = [&](const char *key, const QString &why) {
            if (object.contains(QLatin1String(key)))
                fail(path.member(key), why);
        };
        if (jobClass.kind == ClassKind::Open) {
            jobClass.arrivalRate
                = positiveNumber(object.value(QLatin1String("arrival_rate")), path.member("arrival_rate"));
            const QString why
                = QStringLiteral("only closed classes take this; an open class has an arrival_rate");
            forbid("population", why);
            forbid("think_time", why);
            forbid("reference", why);
        } else {
            jobClass.population = wholeNumber(object.value(QLatin1String("population")),
                path.member("population"), 1, m_limits.maxPopulation);
            const QJsonValue think = object.value(QLatin1String("think_time"));
            if (!think.isUndefined())
                jobClass.thinkTime = nonNegativeNumber(think, path.member("think_time"));
            forbid("arrival_rate",
                QStringLiteral("only open classes take an arrival rate; a closed class has a population"));
            forbid("arrivals",
                QStringLiteral("only open classes take arrivals; a closed class has a reference station"));
        }

        const bool hasDemands = object.contains(QLatin1String("demands"));
        const bool hasVisits = object.contains(QLatin1String("visits"));
        const bool hasRouting = object.contains(QLatin1String("routing"));
        const int forms = int(hasDemands) + int(hasVisits) + int(hasRouting);
        if (forms == 0)
            fail(path,
                QStringLiteral(
                    "needs one of demands, visits (with service_times) or routing (with service_times)"));
        if (forms > 1)
            fail(path, QStringLiteral("give only one of demands, visits or routing"));
        if (!hasRouting) {
            forbid("arrivals", QStringLiteral("arrivals go with routing"));
            forbid("reference", QStringLiteral("reference goes with routing"));
        }

        const std::size_t m = network.stationCount();
        jobClass.visits.assign(m, 0.0);
        jobClass.serviceTimes.assign(m, 0.0);
        const char *formKey = hasDemands ? "demands" : hasVisits ? "visits" : "routing";
        const JsonPath formPath = path.member(formKey);
        if (hasDemands) {
            forbid(
                "service_times", QStringLiteral("service times go with visits or routing, not with demands"));
            const std::vector<double> demands
                = readStationMap(object.value(QLatin1String("demands")), formPath, nonNegativeNumber);
            // A demand is one visit of length D; only D = V x S matters to the product-form solution.
            for (std::size_t k = 0; k < m; ++k) {
                if (demands[k] > 0.0) {
                    jobClass.visits[k] = 1.0;
                    jobClass.serviceTimes[k] = demands[k];
                }
            }
        } else {
            const JsonPath servicePath = path.member("service_times");
            if (!object.contains(QLatin1String("service_times")))
                fail(servicePath,
                    QStringLiteral("is missing: ")
                        + (hasVisits ? QStringLiteral("visits") : QStringLiteral("routing"))
                        + QStringLiteral(" need service times"));
            const std::vector<double> service = readStationMap(
                object.value(QLatin1String("service_times")), servicePath, nonNegativeNumber);
            std::vector<double> visits;
            if (hasVisits) {
                visits = readStationMap(object.value(QLatin1String("visits")), formPath, nonNegativeNumber);
            } else {
                visits = readRouting(object, path, jobClass.kind, m);
            }
            for (std::size_t k = 0; k < m; ++k) {
                if (!(visits[k] > 0.0))
                    continue;
                if (!(service[k] > 0.0)) {
                    const QString stationName = QString::fromStdString(network.stations[k].name);
                    fail(servicePath.member(stationName),
                        QStringLiteral("must be > 0: the class visits ") + quoted(stationName)
                            + QStringLiteral(" (visit ratio ") + number(visits[k]) + QLatin1Char(')'));
                }
                jobClass.visits[k] = visits[k];
                jobClass.serviceTimes[k] = service[k];
            }
        }

        double demand = 0.0;
        for (std::size_t k = 0; k < m; ++k)
            demand += jobClass.demand(k);
        if (!(demand > 0.0))
            fail(formPath, QStringLiteral("the class has no demand at any station"));
        if (!std::isfinite(demand))
            fail(formPath, QStringLiteral("the class's total demand is not a finite number"));
        return jobClass;
    }

    // {"station": value} with every key a station name; stations left out get 0.
    std::vector<double> readStationMap(const QJsonValue &value, const JsonPath &path,
        double (*readValue)(const QJsonValue &, const JsonPath &)) const
    {
        const QJsonObject object
            = requireObject(value, path, QStringLiteral("an object {\"station\": number}"));
        std::vector<double> values(m_stationIndex.size(), 0.0);
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            const QString key = it.key();
            const JsonPath entryPath = path.member(key);
            values[stationIndex(key, entryPath)] = readValue(it.value(), entryPath);
        }
        return values;
    }

    std::size_t stationIndex(const QString &name, const JsonPath &path) const
    {
        const auto found = m_stationIndex.constFind(name);
        if (found == m_stationIndex.constEnd())
            fail(path,
                QStringLiteral("names no station: ") + quoted(name) + QStringLiteral(" is not in stations"));
        return static_cast<std::size_t>(found.value());
    }

    // Visit ratios from "routing" (+ "arrivals" for open classes, "reference" for closed ones).
    std::vector<double> readRouting(
        const QJsonObject &object, const JsonPath &classPath, ClassKind kind, std::size_t m) const
    {
        const JsonPath path = classPath.member("routing");
        const QJsonValue value = object.value(QLatin1String("routing"));
        queueing::Routing routing;
        routing.stationCount = m;
        std::vector<char> routed(m, 0); // stations with a positive transition into or out of them
        const auto addRow = [&](std::size_t from, const std::vector<std::pair<std::size_t, double>> &row,
                                const JsonPath &rowPath) {
            double sum = 0.0;
            for (const auto &[to, p] : row) {
                sum += p;
                if (p > 0.0) {
                    routing.transitions.push_back({ from, to, p });
                    routed[from] = 1;
                    routed[to] = 1;
                }
            }
            if (sum > 1.0 + probabilitySumTolerance)
                fail(rowPath,
                    QStringLiteral("the probabilities leaving a station sum to ") + number(sum)
                        + QStringLiteral(", more than 1"));
            if (kind == ClassKind::Closed && sum > 0.0 && std::abs(sum - 1.0) > probabilitySumTolerance)
                fail(rowPath,
                    QStringLiteral(
                        "in a closed class the probabilities leaving a station must sum to 1, got ")
                        + number(sum));
        };

        if (value.isObject()) {
            const QJsonObject rows = value.toObject();
            for (auto it = rows.constBegin(); it != rows.constEnd(); ++it) {
                const JsonPath rowPath = path.member(it.key());
                const std::size_t from = stationIndex(it.key(), rowPath);
                const QJsonObject targets = requireObject(
                    it.value(), rowPath, QStringLiteral("an object {\"to station\": probability}"));
                std::vector<std::pair<std::size_t, double>> row;
                row.reserve(static_cast<std::size_t>(targets.size()));
                for (auto t = targets.constBegin(); t != targets.constEnd(); ++t) {
                    const JsonPath entryPath = rowPath.member(t.key());
                    row.emplace_back(stationIndex(t.key(), entryPath), probability(t.value(), entryPath));
                }
                addRow(from, row, rowPath);
            }
        } else if (value.isArray()) {
            const QJsonArray rows = value.toArray();
            if (static_cast<std::size_t>(rows.size()) != m)
                fail(path,
                    QStringLiteral("as a matrix needs one row per station (") + number(static_cast<qint64>(m))
                        + QStringLiteral("), got ") + number(static_cast<qint64>(rows.size())));
            for (qsizetype i = 0; i < rows.size(); ++i) {
                const JsonPath rowPath = path.index(i);
                const QJsonArray cells
                    = requireArray(rows.at(i), rowPath, QStringLiteral("an array of probabilities"));
                if (static_cast<std::size_t>(cells.size()) != m)
                    fail(rowPath,
                        QStringLiteral("needs one probability per station (") + number(static_cast<qint64>(m))
                            + QStringLiteral("), got ") + number(static_cast<qint64>(cells.size())));
                std::vector<std::pair<std::size_t, double>> row;
                for (qsizetype j = 0; j < cells.size(); ++j) {
                    const double p = probability(cells.at(j), rowPath.index(j));
                    if (p > 0.0)
                        row.emplace_back(static_cast<std::size_t>(j), p);
                }
                addRow(static_cast<std::size_t>(i), row, rowPath);
            }
        } else {
            fail(path,
                QStringLiteral("must be an object {\"from\": {\"to\": probability}} or a matrix, got ")
                    + describe(value));
        }
        if (routing.transitions.empty() && kind == ClassKind::Closed)
            fail(path, QStringLiteral("has no transitions: a closed class must circulate"));

        try {
            if (kind == ClassKind::Open) {
                const JsonPath arrivalsPath = classPath.member("arrivals");
                if (!object.contains(QLatin1String("arrivals")))
                    fail(arrivalsPath,
                        QStringLiteral("is missing: an open class with routing needs the fraction of "
                                       "its arrivals entering at each station"));
                const std::vector<double> entry
                    = readStationMap(object.value(QLatin1String("arrivals")), arrivalsPath, probability);
                double sum = 0.0;
                for (double e : entry)
                    sum += e;
                if (std::abs(sum - 1.0) > probabilitySumTolerance)
                    fail(arrivalsPath, QStringLiteral("the fractions must sum to 1, got ") + number(sum));
                return queueing::openVisitRatios(routing, entry);
            }
            std::size_t reference = m;
            const QJsonValue referenceValue = object.value(QLatin1String("reference"));
            if (referenceValue.isUndefined()) {
                for (std::size_t k = 0; k < m && reference == m; ++k) {
                    if (routed[k])
                        reference = k;
                }
            } else {
                const JsonPath referencePath = classPath.member("reference");
                reference = stationIndex(requireString(referenceValue, referencePath), referencePath);
                if (!routed[reference])
                    fail(referencePath,
                        QStringLiteral("the routing never visits the reference station ")
                            + quoted(referenceValue.toString()));
            }
            return queueing::closedVisitRatios(routing, reference);
        } catch (const queueing::InvalidNetwork &e) {
            fail(classPath.member(QString::fromStdString(e.field())), QString::fromStdString(e.what()));
        }
    }

    static MethodRequest readMethod(const QJsonValue &value)
    {
        const JsonPath path("method");
        if (value.isUndefined())
            return MethodRequest::Auto;
        if (!value.isString())
            fail(path,
                QStringLiteral("must be one of ") + methodNames() + QStringLiteral(", got ")
                    + describe(value));
        const QString method = value.toString();
        if (method == QLatin1String("auto"))
            return MethodRequest::Auto;
        if (method == QLatin1String("exact"))
            return MethodRequest::Exact;
        if (method == QLatin1String("approximate"))
            return MethodRequest::Approximate;
        if (method == QLatin1String("mva"))
            return MethodRequest::Mva;
        if (method == QLatin1String("convolution"))
            return MethodRequest::Convolution;
        if (method == QLatin1String("bard-schweitzer"))
            return MethodRequest::BardSchweitzer;
        if (method == QLatin1String("linearizer"))
            return MethodRequest::Linearizer;
        fail(path,
            QStringLiteral("must be one of ") + methodNames() + QStringLiteral(", got ") + quoted(method));
    }

    static QString readName(const QJsonObject &object, const JsonPath &path)
    {
        const JsonPath namePath = path.member("name");
        const QString name = requireString(object.value(QLatin1String("name")), namePath);
        if (name.trimmed().isEmpty())
            fail(namePath, QStringLiteral("must not be empty"));
        return name;
    }

    const QnLimits &m_limits;
    QHash<QString, qsizetype> m_stationIndex;
};

// 1-based line and column of a byte offset, for parse errors people can find in an editor.
QString position(const QByteArray &json, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, json.size());
    qsizetype line = 1;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (json.at(i) == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    return QStringLiteral("offset %1 (line %2, column %3)").arg(offset).arg(line).arg(offset - lineStart + 1);
}

} // namespace

QnReadResult readQnJson(const QByteArray &json, const QnLimits &limits)
{
    QnReadResult result;
    if (json.size() > limits.maxFileBytes) {
        result.error.message = QStringLiteral("the document is %1 bytes, more than the limit of %2")
                                   .arg(json.size())
                                   .arg(limits.maxFileBytes);
        return result;
    }
    if (json.trimmed().isEmpty()) {
        result.error.message = QStringLiteral("the document is empty");
        return result;
    }
    QJsonParseError parseError;
    // Qt's parser recurses per nesting level and refuses documents nested deeper than 1024 levels,
    // so deeply nested input fails fast with DeepNesting instead of exhausting the stack.
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.error.message = QStringLiteral("malformed JSON at ") + position(json, parseError.offset)
            + QStringLiteral(": ") + parseError.errorString();
        if (parseError.error == QJsonParseError::IllegalNumber)
            result.error.message
                += QStringLiteral(" (not a finite double: out of range like 1e999, or misspelt)");
        return result;
    }
    if (!document.isObject()) {
        result.error.message
            = QStringLiteral("the document must be a JSON object {\"stations\": ..., \"classes\": ...}");
        return result;
    }
    try {
        Reader reader(limits);
        result.document = reader.read(document.object());
    } catch (const ReadFailure &failure) {
        result.error = QnReadError { failure.field, failure.message };
    } catch (const std::bad_alloc &) {
        result.error.message = QStringLiteral("the network is too large to hold in memory");
    }
    return result;
}

QnReadResult readQnFile(const QString &path, const QnLimits &limits)
{
    QnReadResult result;
    const QFileInfo info(path);
    if (!info.exists()) {
        result.error.message = QStringLiteral("cannot read: no such file");
        return result;
    }
    if (info.isDir()) {
        result.error.message = QStringLiteral("cannot read: it is a directory");
        return result;
    }
    if (info.size() > limits.maxFileBytes) {
        result.error.message = QStringLiteral("the file is %1 bytes, more than the limit of %2 bytes")
                                   .arg(info.size())
                                   .arg(limits.maxFileBytes);
        return result;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error.message = QStringLiteral("cannot read: ") + file.errorString();
        return result;
    }
    // Read at most one byte past the limit: devices and growing files report no reliable size.
    const QByteArray json = file.read(limits.maxFileBytes + 1);
    if (file.error() != QFileDevice::NoError) {
        result.error.message = QStringLiteral("cannot read: ") + file.errorString();
        return result;
    }
    if (json.size() > limits.maxFileBytes) {
        result.error.message
            = QStringLiteral("the file is larger than the limit of %1 bytes").arg(limits.maxFileBytes);
        return result;
    }
    if (json.trimmed().isEmpty()) {
        result.error.message = QStringLiteral("the file is empty");
        return result;
    }
    return readQnJson(json, limits);
}

} // namespace iovplan::io
