#include "qnjsonreader.h"

#include "jsonfieldreader.h"
#include "nameindex.h"
#include "qnroutingreader.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

namespace iovplan::io {

namespace {

using queueing::ClassKind;
using queueing::JobClass;
using queueing::MethodRequest;
using queueing::Network;
using queueing::Station;
using queueing::StationKind;

// The spellings of the qn format's enumerated fields (docs/qn-format.md), listed in messages in
// this order.
constexpr std::array stationKinds = {
    Keyword<StationKind> { "queue", StationKind::Queue },
    Keyword<StationKind> { "delay", StationKind::Delay },
    Keyword<StationKind> { "load-dependent", StationKind::LoadDependent },
};
constexpr std::array classKinds = {
    Keyword<ClassKind> { "open", ClassKind::Open },
    Keyword<ClassKind> { "closed", ClassKind::Closed },
};
constexpr std::array methods = {
    Keyword<MethodRequest> { "exact", MethodRequest::Exact },
    Keyword<MethodRequest> { "approximate", MethodRequest::Approximate },
    Keyword<MethodRequest> { "auto", MethodRequest::Auto },
    Keyword<MethodRequest> { "mva", MethodRequest::Mva },
    Keyword<MethodRequest> { "convolution", MethodRequest::Convolution },
    Keyword<MethodRequest> { "bard-schweitzer", MethodRequest::BardSchweitzer },
    Keyword<MethodRequest> { "linearizer", MethodRequest::Linearizer },
};

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
    // "stations" and "classes" are both required and non-empty: a network needs at least one of each.
    static ArrayRule networkPartsRule(const char *noun, const char *plural, qsizetype maxItems)
    {
        const QString why = QStringLiteral("the network needs at least one ") + QLatin1String(noun);
        return { .what = QStringLiteral("an array of ") + QLatin1String(plural),
            .whyRequired = why,
            .whyNonEmpty = why,
            .itemsNoun = QLatin1String(plural),
            .maxItems = static_cast<qint64>(maxItems) };
    }

    void readStations(const QJsonValue &value, Network &network)
    {
        const JsonPath path("stations");
        const QJsonArray stations
            = requireBoundedArray(value, path, networkPartsRule("station", "stations", m_limits.maxStations));
        network.stations.reserve(static_cast<std::size_t>(stations.size()));
        for (qsizetype k = 0; k < stations.size(); ++k)
            network.stations.push_back(readStation(stations.at(k), path.index(k), k));
    }

    Station readStation(const QJsonValue &value, const JsonPath &path, qsizetype index)
    {
        const QJsonObject object = requireObject(value, path, QStringLiteral("an object"));
        Station station;
        const QString name = readName(object, path);
        m_stationNames.add(name, index, path.member("name"));
        station.name = name.toStdString();
        station.kind = requireKeyword(object.value(QLatin1String("kind")), path.member("kind"), stationKinds);

        const QJsonValue servers = object.value(QLatin1String("servers"));
        const JsonPath serversPath = path.member("servers");
        if (station.kind == StationKind::Queue) {
            if (!servers.isUndefined())
                station.servers = static_cast<int>(wholeNumber(servers, serversPath, 1, m_limits.maxServers));
        } else if (!servers.isUndefined()) {
            rejectField(serversPath,
                QStringLiteral("only queue stations take servers; a ")
                    + keywordSpelling(station.kind, stationKinds) + QStringLiteral(" station has none"));
        }

        const QJsonValue multipliers = object.value(QLatin1String("rate_multipliers"));
        const JsonPath multipliersPath = path.member("rate_multipliers");
        if (station.kind == StationKind::LoadDependent) {
            const QJsonArray list = requireBoundedArray(multipliers, multipliersPath,
                { .what = QStringLiteral("an array of numbers"),
                    .whyRequired = QStringLiteral("a load-dependent station needs its rate multipliers"),
                    .whyNonEmpty = QStringLiteral("give at least the rate with one job (1.0)"),
                    .itemsNoun = QStringLiteral("values"),
                    .maxItems = static_cast<qint64>(m_limits.maxRateMultipliers) });
            station.rateMultipliers.reserve(static_cast<std::size_t>(list.size()));
            for (qsizetype i = 0; i < list.size(); ++i)
                station.rateMultipliers.push_back(positiveNumber(list.at(i), multipliersPath.index(i)));
        } else if (!multipliers.isUndefined()) {
            rejectField(
                multipliersPath, QStringLiteral("only load-dependent stations take rate multipliers"));
        }
        return station;
    }

    void readClasses(const QJsonValue &value, Network &network)
    {
        const JsonPath path("classes");
        const QJsonArray classes
            = requireBoundedArray(value, path, networkPartsRule("class", "classes", m_limits.maxClasses));
        // Checked before any per-class vector is allocated.
        const qint64 entries
            = static_cast<qint64>(classes.size()) * static_cast<qint64>(network.stationCount());
        if (entries > m_limits.maxStationClassEntries)
            rejectField(path,
                numberText(static_cast<qint64>(network.stationCount())) + QStringLiteral(" stations x ")
                    + numberText(static_cast<qint64>(classes.size())) + QStringLiteral(" classes = ")
                    + numberText(entries) + QStringLiteral(" entries, more than the limit of ")
                    + numberText(m_limits.maxStationClassEntries));
        network.classes.reserve(static_cast<std::size_t>(classes.size()));
        NameIndex classNames("class", "classes");
        qint64 totalPopulation = 0;
        for (qsizetype c = 0; c < classes.size(); ++c) {
            const JsonPath classPath = path.index(c);
            const QJsonObject object = requireObject(classes.at(c), classPath, QStringLiteral("an object"));
            const QString name = readName(object, classPath);
            classNames.add(name, c, classPath.member("name"));
            JobClass jobClass = readClass(object, classPath, network);
            jobClass.name = name.toStdString();
            if (jobClass.kind == ClassKind::Closed) {
                totalPopulation += jobClass.population;
                if (totalPopulation > m_limits.maxTotalPopulation)
                    rejectField(classPath.member("population"),
                        QStringLiteral("the closed populations sum to ") + numberText(totalPopulation)
                            + QStringLiteral(", more than the limit of ")
                            + numberText(m_limits.maxTotalPopulation));
            }
            network.classes.push_back(std::move(jobClass));
        }
    }

    JobClass readClass(const QJsonObject &object, const JsonPath &path, const Network &network)
    {
        JobClass jobClass;
        jobClass.kind = requireKeyword(object.value(QLatin1String("kind")), path.member("kind"), classKinds);

        const auto forbid = [&](const char *key, const QString &why) {
            if (object.contains(QLatin1String(key)))
                rejectField(path.member(key), why);
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
            rejectField(path,
                QStringLiteral(
                    "needs one of demands, visits (with service_times) or routing (with service_times)"));
        if (forms > 1)
            rejectField(path, QStringLiteral("give only one of demands, visits or routing"));
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
            const std::vector<double> demands = m_stationNames.readValueMap(
                object.value(QLatin1String("demands")), formPath, nonNegativeNumber);
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
                rejectField(servicePath,
                    QStringLiteral("is missing: ")
                        + (hasVisits ? QStringLiteral("visits") : QStringLiteral("routing"))
                        + QStringLiteral(" need service times"));
            const std::vector<double> service = m_stationNames.readValueMap(
                object.value(QLatin1String("service_times")), servicePath, nonNegativeNumber);
            std::vector<double> visits;
            if (hasVisits) {
                visits = m_stationNames.readValueMap(
                    object.value(QLatin1String("visits")), formPath, nonNegativeNumber);
            } else {
                visits = readRoutingVisitRatios(object, path, jobClass.kind, m_stationNames);
            }
            for (std::size_t k = 0; k < m; ++k) {
                if (!(visits[k] > 0.0))
                    continue;
                if (!(service[k] > 0.0)) {
                    const QString stationName = QString::fromStdString(network.stations[k].name);
                    rejectField(servicePath.member(stationName),
                        QStringLiteral("must be > 0: the class visits ") + quoted(stationName)
                            + QStringLiteral(" (visit ratio ") + numberText(visits[k]) + QLatin1Char(')'));
                }
                jobClass.visits[k] = visits[k];
                jobClass.serviceTimes[k] = service[k];
            }
        }

        double demand = 0.0;
        for (std::size_t k = 0; k < m; ++k)
            demand += jobClass.demand(k);
        if (!(demand > 0.0))
            rejectField(formPath, QStringLiteral("the class has no demand at any station"));
        if (!std::isfinite(demand))
            rejectField(formPath, QStringLiteral("the class's total demand is not a finite number"));
        return jobClass;
    }

    static MethodRequest readMethod(const QJsonValue &value)
    {
        const JsonPath path("method");
        if (value.isUndefined())
            return MethodRequest::Auto;
        const auto reject = [&path](const QString &got) {
            rejectField(path,
                QStringLiteral("must be one of ") + keywordChoices(methods) + QStringLiteral(", got ") + got);
        };
        if (!value.isString())
            reject(describeValue(value));
        const QString method = value.toString();
        const std::optional<MethodRequest> request = findKeyword(method, methods);
        if (!request)
            reject(quoted(method));
        return *request;
    }

    static QString readName(const QJsonObject &object, const JsonPath &path)
    {
        const JsonPath namePath = path.member("name");
        const QString name = requireString(object.value(QLatin1String("name")), namePath);
        if (name.trimmed().isEmpty())
            rejectField(namePath, QStringLiteral("must not be empty"));
        return name;
    }

    const QnLimits &m_limits;
    NameIndex m_stationNames { "station", "stations" };
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

// A rejection of the whole document, with no field: unreadable, too large, empty or malformed.
QnReadResult documentError(const QString &message)
{
    QnReadResult result;
    result.error.message = message;
    return result;
}

} // namespace

QnReadResult readQnJson(const QByteArray &json, const QnLimits &limits)
{
    if (json.size() > limits.maxFileBytes)
        return documentError(QStringLiteral("the document is %1 bytes, more than the limit of %2")
                                 .arg(json.size())
                                 .arg(limits.maxFileBytes));
    if (json.trimmed().isEmpty())
        return documentError(QStringLiteral("the document is empty"));
    // Qt's parser recurses per nesting level (it stops at 1024 levels); the format needs 4, so a
    // deeper document is refused before parsing, in one linear scan.
    if (const qsizetype deep = jsonNestingBeyond(json, limits.maxNestingDepth); deep >= 0)
        return documentError(QStringLiteral("arrays and objects are nested more than %1 levels deep at %2, "
                                            "more than the limit of %1")
                                 .arg(limits.maxNestingDepth)
                                 .arg(position(json, deep)));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        QString message = QStringLiteral("malformed JSON at ") + position(json, parseError.offset)
            + QStringLiteral(": ") + parseError.errorString();
        if (parseError.error == QJsonParseError::IllegalNumber)
            message += QStringLiteral(" (not a finite double: out of range like 1e999, or misspelt)");
        return documentError(message);
    }
    if (!document.isObject())
        return documentError(
            QStringLiteral("the document must be a JSON object {\"stations\": ..., \"classes\": ...}"));
    QnReadResult result;
    try {
        Reader reader(limits);
        result.document = reader.read(document.object());
    } catch (const JsonFieldError &failure) {
        result.error = QnReadError { failure.field, failure.message };
    } catch (const std::bad_alloc &) {
        result.error.message = QStringLiteral("the network is too large to hold in memory");
    }
    return result;
}

QnReadResult readQnFile(const QString &path, const QnLimits &limits)
{
    const QFileInfo info(path);
    if (!info.exists())
        return documentError(QStringLiteral("cannot read: no such file"));
    if (info.isDir())
        return documentError(QStringLiteral("cannot read: it is a directory"));
    if (info.size() > limits.maxFileBytes)
        return documentError(QStringLiteral("the file is %1 bytes, more than the limit of %2 bytes")
                                 .arg(info.size())
                                 .arg(limits.maxFileBytes));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return documentError(QStringLiteral("cannot read: ") + file.errorString());
    // Read at most one byte past the limit: devices and growing files report no reliable size.
    const QByteArray json = file.read(limits.maxFileBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return documentError(QStringLiteral("cannot read: ") + file.errorString());
    if (json.size() > limits.maxFileBytes)
        return documentError(
            QStringLiteral("the file is larger than the limit of %1 bytes").arg(limits.maxFileBytes));
    if (json.trimmed().isEmpty())
        return documentError(QStringLiteral("the file is empty"));
    return readQnJson(json, limits);
}

} // namespace iovplan::io
