#include "problemobjects.h"

#include "ui/editing/designselection.h"

#include "reports/figureformat.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

#include <cmath>

namespace iovplan::ui {

using reports::formatNumber;

namespace {

const design::Server *findServer(const design::Design &design, const QString &id)
{
    for (const design::Server &s : design.servers) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

bool hasCard(const design::Server &server, int slot)
{
    return std::any_of(server.adapters.begin(), server.adapters.end(),
                       [slot](const design::SlotItem &a) { return a.slot == slot; });
}

// The card of `server` a design-check message names ("... in slot 3 of server srv-001 ..."), if any.
QString cardInMessage(const design::Server &server, const QString &message)
{
    static const QRegularExpression slotOf(QStringLiteral("slot (\\d+) of server (\\S+?)[,:;)]?(?:\\s|$)"));
    const QRegularExpressionMatch m = slotOf.match(message);
    if (!m.hasMatch() || m.captured(2) != server.id)
        return {};
    const int slot = m.captured(1).toInt();
    return hasCard(server, slot) ? DesignSelection::cardId(server.id, slot) : QString();
}

QSet<QString> designIds(const design::Design &design)
{
    QSet<QString> ids;
    for (const design::Rack &r : design.racks)
        ids.insert(r.id);
    for (const design::Server &s : design.servers)
        ids.insert(s.id);
    for (const design::Switch &s : design.switches)
        ids.insert(s.id);
    for (const design::Gateway &g : design.gateways)
        ids.insert(g.id);
    for (const design::StorageArray &a : design.storage)
        ids.insert(a.id);
    for (const design::Fabric &f : design.fabrics)
        ids.insert(f.id);
    for (const design::Cable &c : design.cables)
        ids.insert(c.id);
    return ids;
}

// A queueing station's name → the device or card it models (performance.h; networkbuilder, serverpaths).
QString objectOfStation(const QString &station, const design::Design &design, const QSet<QString> &ids)
{
    const QStringList parts = station.split(QLatin1Char('/'));
    if (parts.size() >= 2
        && (parts[0] == u"gateway" || parts[0] == u"uplink" || parts[0] == u"storage")
        && ids.contains(parts[1]))
        return parts[1];
    // Aggregated servers are named after the first of them: "srv-001 (x16)".
    static const QRegularExpression aggregate(QStringLiteral(" \\(x\\d+\\)$"));
    QString head = parts[0];
    head.remove(aggregate);
    const design::Server *server = findServer(design, head);
    if (server == nullptr)
        return {};
    static const QRegularExpression slotPart(QStringLiteral("^slot(\\d+)$"));
    if (parts.size() >= 2) {
        const QRegularExpressionMatch m = slotPart.match(parts[1]);
        if (m.hasMatch() && hasCard(*server, m.captured(1).toInt()))
            return DesignSelection::cardId(server->id, m.captured(1).toInt());
    }
    return server->id;
}

QStringList usersOfItem(const QString &itemId, const design::Design &design)
{
    QStringList users;
    for (const design::Server &s : design.servers) {
        if (s.itemId == itemId)
            users << s.id;
        for (const design::SlotItem &a : s.adapters) {
            if (a.itemId == itemId)
                users << DesignSelection::cardId(s.id, a.slot);
        }
    }
    for (const design::Switch &s : design.switches) {
        if (s.itemId == itemId)
            users << s.id;
    }
    for (const design::Gateway &g : design.gateways) {
        if (g.itemId == itemId)
            users << g.id;
        for (const design::SlotItem &m : g.modules) {
            if (m.itemId == itemId)
                users << DesignSelection::cardId(g.id, m.slot);
        }
    }
    for (const design::StorageArray &a : design.storage) {
        if (a.itemId == itemId)
            users << a.id;
    }
    for (const design::Cable &c : design.cables) {
        if (c.itemId == itemId
            || std::find(c.transceiverItemIds.begin(), c.transceiverItemIds.end(), itemId) != c.transceiverItemIds.end())
            users << c.id;
    }
    return users;
}

} // namespace

QStringList designObjectsOf(const design::Problem &problem, const design::Design &design)
{
    const QString &object = problem.object;
    if (object.isEmpty())
        return {};
    const QSet<QString> ids = designIds(design);
    if (ids.contains(object)) {
        // Slot rules name the server as their object and the slot in the message: select the card.
        if (const design::Server *server = findServer(design, object)) {
            const QString card = cardInMessage(*server, problem.message);
            if (!card.isEmpty())
                return { card };
        }
        return { object };
    }
    if (const QString station = objectOfStation(object, design, ids); !station.isEmpty())
        return { station };
    if (const QStringList users = usersOfItem(object, design); !users.isEmpty())
        return users;
    QStringList group;
    for (const design::Server &s : design.servers) {
        if (s.group == object)
            group << s.id;
    }
    return group;
}

std::vector<design::Problem> slaProblems(const design::Scenario &scenario, const iov::ScenarioMetrics &metrics)
{
    std::vector<design::Problem> problems;
    const design::Sla &sla = scenario.workload.sla;
    for (const iov::ClassMetrics &c : metrics.performance.classes) {
        if (c.traffic == iov::TrafficClass::Migration || !c.p99LatencyS || !std::isfinite(*c.p99LatencyS)
            || sla.latencyS <= 0.0 || *c.p99LatencyS <= sla.latencyS)
            continue;
        const double over = *c.p99LatencyS - sla.latencyS;
        problems.push_back({ design::Severity::Warning,
                             QStringLiteral("%1 p99 latency %2 misses the %3 SLA by %4 (%5 %); the bottleneck is %6")
                                 .arg(iov::trafficClassName(c.traffic), reports::formatMicroseconds(*c.p99LatencyS), reports::formatMicroseconds(sla.latencyS),
                                      reports::formatMicroseconds(over), formatNumber(100.0 * over / sla.latencyS, 0), c.bottleneck),
                             c.bottleneck });
    }
    if (sla.throughputBytesPerS > 0.0) {
        QHash<QString, int> vmsOfGroup;
        for (const design::VmProfile &p : scenario.workload.profiles)
            vmsOfGroup[p.serverGroup] += std::max(0, p.vmsPerServer);
        int vms = 0;
        for (const design::Server &s : scenario.design.servers)
            vms += vmsOfGroup.value(s.group, 0);
        double carried = 0.0;
        for (const iov::ClassMetrics &c : metrics.performance.classes)
            carried += c.throughputBytesPerS;
        const double perVm = vms > 0 ? carried / vms : 0.0;
        if (vms > 0 && perVm < sla.throughputBytesPerS) {
            const double under = sla.throughputBytesPerS - perVm;
            problems.push_back({ design::Severity::Warning,
                                 QStringLiteral("each VM carries %1, %2 (%3 %) below the %4 SLA throughput; the bottleneck is %5")
                                     .arg(reports::formatMegabytesPerS(perVm), reports::formatMegabytesPerS(under),
                                          formatNumber(100.0 * under / sla.throughputBytesPerS, 0),
                                          reports::formatMegabytesPerS(sla.throughputBytesPerS), metrics.performance.bottleneck),
                                 metrics.performance.bottleneck });
        }
    }
    return problems;
}

} // namespace iovplan::ui
