#include "qnroutingreader.h"

#include "queueing/invalidnetwork.h"
#include "queueing/routing.h"

#include <QJsonArray>

#include <cmath>
#include <utility>

namespace iovplan::io {

namespace {

using queueing::ClassKind;

// Rows of a closed class's routing must sum to 1 within this; the same tolerance as routing.cpp.
constexpr double probabilitySumTolerance = 1e-9;

// One routing row: the stations a job leaving `from` goes to, with their probabilities.
using RoutingRow = std::vector<std::pair<std::size_t, double>>;

// The positive transitions of a class's routing, and the stations they touch: only those can be a
// closed class's reference station.
struct Transitions
{
    queueing::Routing routing;
    std::vector<char> routed; ///< 1 for a station with a positive transition into or out of it
};

// Checks the row's sum (a job leaves a station at most once; in a closed class exactly once) and
// keeps its positive transitions.
void addRow(Transitions &transitions, ClassKind kind, std::size_t from, const RoutingRow &row,
    const JsonPath &rowPath)
{
    double sum = 0.0;
    for (const auto &[to, p] : row) {
        sum += p;
        if (p > 0.0) {
            transitions.routing.transitions.push_back({ from, to, p });
            transitions.routed[from] = 1;
            transitions.routed[to] = 1;
        }
    }
    if (sum > 1.0 + probabilitySumTolerance)
        rejectField(rowPath,
            QStringLiteral("the probabilities leaving a station sum to ") + numberText(sum)
                + QStringLiteral(", more than 1"));
    if (kind == ClassKind::Closed && sum > 0.0 && std::abs(sum - 1.0) > probabilitySumTolerance)
        rejectField(rowPath,
            QStringLiteral("in a closed class the probabilities leaving a station must sum to 1, got ")
                + numberText(sum));
}

// The object form {"from": {"to": p}}.
void readRoutingObject(const QJsonObject &rows, const JsonPath &path, ClassKind kind,
    const NameIndex &stations, Transitions &transitions)
{
    for (auto it = rows.constBegin(); it != rows.constEnd(); ++it) {
        const JsonPath rowPath = path.member(it.key());
        const std::size_t from = stations.position(it.key(), rowPath);
        const QJsonObject targets
            = requireObject(it.value(), rowPath, QStringLiteral("an object {\"to station\": probability}"));
        RoutingRow row;
        row.reserve(static_cast<std::size_t>(targets.size()));
        for (auto t = targets.constBegin(); t != targets.constEnd(); ++t) {
            const JsonPath entryPath = rowPath.member(t.key());
            row.emplace_back(stations.position(t.key(), entryPath), probability(t.value(), entryPath));
        }
        addRow(transitions, kind, from, row, rowPath);
    }
}

// The matrix form [[p, ...], ...], one row and one column per station in stations order.
void readRoutingMatrix(const QJsonArray &rows, const JsonPath &path, ClassKind kind, Transitions &transitions)
{
    const std::size_t m = transitions.routing.stationCount;
    if (static_cast<std::size_t>(rows.size()) != m)
        rejectField(path,
            QStringLiteral("as a matrix needs one row per station (") + numberText(static_cast<qint64>(m))
                + QStringLiteral("), got ") + numberText(static_cast<qint64>(rows.size())));
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const JsonPath rowPath = path.index(i);
        const QJsonArray cells
            = requireArray(rows.at(i), rowPath, QStringLiteral("an array of probabilities"));
        if (static_cast<std::size_t>(cells.size()) != m)
            rejectField(rowPath,
                QStringLiteral("needs one probability per station (") + numberText(static_cast<qint64>(m))
                    + QStringLiteral("), got ") + numberText(static_cast<qint64>(cells.size())));
        RoutingRow row;
        for (qsizetype j = 0; j < cells.size(); ++j) {
            const double p = probability(cells.at(j), rowPath.index(j));
            if (p > 0.0)
                row.emplace_back(static_cast<std::size_t>(j), p);
        }
        addRow(transitions, kind, static_cast<std::size_t>(i), row, rowPath);
    }
}

Transitions readTransitions(
    const QJsonValue &value, const JsonPath &path, ClassKind kind, const NameIndex &stations)
{
    Transitions transitions;
    transitions.routing.stationCount = stations.size();
    transitions.routed.assign(stations.size(), 0);
    if (value.isObject())
        readRoutingObject(value.toObject(), path, kind, stations, transitions);
    else if (value.isArray())
        readRoutingMatrix(value.toArray(), path, kind, transitions);
    else
        rejectField(path,
            QStringLiteral("must be an object {\"from\": {\"to\": probability}} or a matrix, got ")
                + describeValue(value));
    if (transitions.routing.transitions.empty() && kind == ClassKind::Closed)
        rejectField(path, QStringLiteral("has no transitions: a closed class must circulate"));
    return transitions;
}

// Where an open class's jobs enter: "arrivals", fractions per station summing to 1.
std::vector<double> readArrivals(
    const QJsonObject &classObject, const JsonPath &classPath, const NameIndex &stations)
{
    const JsonPath arrivalsPath = classPath.member("arrivals");
    if (!classObject.contains(QLatin1String("arrivals")))
        rejectField(arrivalsPath,
            QStringLiteral("is missing: an open class with routing needs the fraction of "
                           "its arrivals entering at each station"));
    const std::vector<double> entry
        = stations.readValueMap(classObject.value(QLatin1String("arrivals")), arrivalsPath, probability);
    double sum = 0.0;
    for (double e : entry)
        sum += e;
    if (std::abs(sum - 1.0) > probabilitySumTolerance)
        rejectField(arrivalsPath, QStringLiteral("the fractions must sum to 1, got ") + numberText(sum));
    return entry;
}

// A closed class's reference station: the one named by "reference", which the routing must visit,
// or by default the first station in stations order that the routing touches.
std::size_t readReference(const QJsonObject &classObject, const JsonPath &classPath,
    const NameIndex &stations, const std::vector<char> &routed)
{
    const QJsonValue referenceValue = classObject.value(QLatin1String("reference"));
    if (referenceValue.isUndefined()) {
        for (std::size_t k = 0; k < routed.size(); ++k) {
            if (routed[k])
                return k;
        }
        return routed.size(); // not reached: readTransitions rejects a closed routing without any
    }
    const JsonPath referencePath = classPath.member("reference");
    const std::size_t reference
        = stations.position(requireString(referenceValue, referencePath), referencePath);
    if (!routed[reference])
        rejectField(referencePath,
            QStringLiteral("the routing never visits the reference station ")
                + quoted(referenceValue.toString()));
    return reference;
}

} // namespace

std::vector<double> readRoutingVisitRatios(
    const QJsonObject &classObject, const JsonPath &classPath, ClassKind kind, const NameIndex &stations)
{
    const Transitions transitions = readTransitions(
        classObject.value(QLatin1String("routing")), classPath.member("routing"), kind, stations);
    try {
        if (kind == ClassKind::Open)
            return queueing::openVisitRatios(
                transitions.routing, readArrivals(classObject, classPath, stations));
        return queueing::closedVisitRatios(
            transitions.routing, readReference(classObject, classPath, stations, transitions.routed));
    } catch (const queueing::InvalidNetwork &e) {
        // The solver names the field inside the class ("routing").
        rejectField(classPath.member(QString::fromStdString(e.field())), QString::fromStdString(e.what()));
    }
}

} // namespace iovplan::io
