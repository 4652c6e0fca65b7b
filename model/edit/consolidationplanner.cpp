#include "consolidationplanner.h"

#include "model/iov/linkrates.h"

#include <QLocale>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <utility>

namespace iovplan::edit {

using namespace iovplan::design;

QString protocolFamily(const PinnedItem &item, QStringView field)
{
    const QString p = specText(item, field);
    return p == u"vpi" ? QStringLiteral("infiniband") : p;
}

const PinnedItem *findPinnedItem(const PinnedCatalog &catalog, const QString &id)
{
    const auto found = catalog.find(id);
    return found != catalog.end() ? &found->second : nullptr;
}

namespace {

double heightOf(const PinnedCatalog &catalog, const QString &itemId)
{
    const PinnedItem *it = findPinnedItem(catalog, itemId);
    const std::optional<double> h = it != nullptr ? specNumber(*it, u"u_height") : std::nullopt;
    return h && *h > 0.0 ? *h : 1.0;
}

QString bytesText(double bytesPerS)
{
    const QLocale c = QLocale::c();
    if (bytesPerS >= 1e9)
        return c.toString(bytesPerS / 1e9, 'f', 2) + QStringLiteral(" GB/s");
    return c.toString(bytesPerS / 1e6, 'f', 0) + QStringLiteral(" MB/s");
}

int ceilDiv(double a, double b) { return b > 0.0 ? static_cast<int>(std::ceil(a / b - 1e-9)) : 0; }

// The usable capacity of a gateway module (or fixed gateway's outside ports): its ports at their usable
// payload rate, capped by its bridging throughput.
double moduleBytesPerS(const PinnedItem &module)
{
    const int ports = specCount(module, u"ext_ports").value_or(0);
    const double rate = iov::usablePortBytesPerS(protocolFamily(module, u"ext_protocol"),
                                                 specNumber(module, u"ext_speed_gbps").value_or(0.0))
                            .value_or(0.0);
    double capacity = ports * rate;
    if (const std::optional<double> t = specNumber(module, u"throughput_gbps"); t && *t > 0.0)
        capacity = std::min(capacity, *t * 1e9 / 8.0);
    return capacity;
}

// Per-server LAN (network + migration) and SAN bytes/s from the workload's profiles.
std::pair<double, double> serverDemand(const Workload &workload, const Server &s)
{
    double lan = 0.0;
    double san = 0.0;
    for (const VmProfile &p : workload.profiles) {
        if (p.serverGroup == s.group) {
            lan += p.vmsPerServer * (p.networkBytesPerS + p.migrationBytesPerS);
            san += p.vmsPerServer * p.storageBytesPerS;
        }
    }
    return { lan, san };
}

// Free rack space, as placed devices leave it: intervals [position, position + height) per rack.
class RackSpace
{
public:
    RackSpace(const Design &design, const PinnedCatalog &catalog) : m_design(design), m_catalog(catalog)
    {
        const auto add = [&](const QString &rack, int position, const QString &itemId) {
            m_used[rack].emplace_back(position, position + heightOf(catalog, itemId));
        };
        for (const Server &d : design.servers)
            add(d.rackId, d.positionU, d.itemId);
        for (const Switch &d : design.switches)
            add(d.rackId, d.positionU, d.itemId);
        for (const Gateway &d : design.gateways)
            add(d.rackId, d.positionU, d.itemId);
        for (const StorageArray &d : design.storage)
            add(d.rackId, d.positionU, d.itemId);
    }

    // The lowest free position of `height` U in `rackId`, if any.
    std::optional<int> lowestFree(const Rack &rack, double height) const
    {
        const auto used = m_used.find(rack.id);
        for (int u = 1; u + height - 1.0 <= rack.heightU + 1e-9; ++u) {
            bool clear = true;
            if (used != m_used.end()) {
                for (const auto &[from, to] : used->second)
                    clear = clear && (u + height <= from + 1e-9 || u >= to - 1e-9);
            }
            if (clear)
                return u;
        }
        return std::nullopt;
    }

    void take(const QString &rackId, int position, double height) { m_used[rackId].emplace_back(position, position + height); }

private:
    const Design &m_design;
    const PinnedCatalog &m_catalog;
    std::map<QString, std::vector<std::pair<double, double>>> m_used;
};

// Fresh ids "prefix-N", unique across the design.
class IdMaker
{
public:
    explicit IdMaker(const Design &design)
    {
        const auto add = [this](const QString &id) { m_used.insert(id); };
        for (const Rack &o : design.racks) add(o.id);
        for (const Server &o : design.servers) add(o.id);
        for (const Switch &o : design.switches) add(o.id);
        for (const Gateway &o : design.gateways) add(o.id);
        for (const StorageArray &o : design.storage) add(o.id);
        for (const Fabric &o : design.fabrics) add(o.id);
        for (const Cable &o : design.cables) add(o.id);
    }

    QString next(const QString &prefix)
    {
        int &n = m_next[prefix];
        QString id;
        do
            id = prefix + QLatin1Char('-') + QString::number(++n);
        while (m_used.contains(id));
        m_used.insert(id);
        return id;
    }

private:
    QSet<QString> m_used;
    std::map<QString, int> m_next;
};

// Builds the InfiniBand side into a copy of the design; see buildInfiniBand.
class InfiniBandBuilder
{
public:
    InfiniBandBuilder(const Scenario &source, Design design, const PinnedCatalog &catalog, const ConsolidationChoices &choices,
                      const GatewaySizing &sizing, const std::map<QString, std::vector<int>> &hcaSlots)
        : m_source(source), m_catalog(catalog), m_choices(choices), m_sizing(sizing), m_hcaSlots(hcaSlots),
          m_design(std::move(design)), m_ids(source.design)
    {
    }

    InfiniBandBuild run()
    {
        build();
        return { std::move(m_design), std::move(m_steps) };
    }

private:
    // The transceiver for uplinks of `protocol` at `gbps`, when the source's cables of that protocol carry
    // optics: the pinned one of that speed, else the slowest faster one, else the source's.
    std::vector<QString> uplinkOptics(const QString &protocol, double gbps) const
    {
        QString used;
        for (const Cable &c : m_source.design.cables) {
            const PinnedItem *it = findPinnedItem(m_catalog, c.itemId);
            if (it != nullptr && protocolFamily(*it) == protocol && !c.transceiverItemIds.empty())
                used = c.transceiverItemIds.front();
        }
        if (used.isEmpty())
            return {};
        QString best = used;
        double bestSpeed = std::numeric_limits<double>::max();
        for (const auto &[id, it] : m_catalog) {
            const double speed = specNumber(it, u"speed_gbps").value_or(0.0);
            if (it.kind == u"transceiver" && protocolFamily(it) == protocol && speed >= gbps - 1e-9 && speed < bestSpeed) {
                best = id;
                bestSpeed = speed;
            }
        }
        return { best };
    }

    void build();
    void place(std::vector<QString> &ids, const QString &itemId, int count, const QString &prefix, bool isGateway);
    QString ibFabric();
    void cableIb(const CableEnd &a, const QString &rackA, const CableEnd &b, const QString &rackB);
    QString rackOf(const QString &deviceId) const;

    const Scenario &m_source;
    const PinnedCatalog &m_catalog;
    const ConsolidationChoices &m_choices;
    const GatewaySizing &m_sizing;
    const std::map<QString, std::vector<int>> &m_hcaSlots;
    Design m_design;
    IdMaker m_ids; ///< seeded with the source's ids: removed devices' and cables' ids are not reused
    std::vector<ConsolidationStep> m_steps;
};

QString InfiniBandBuilder::rackOf(const QString &deviceId) const
{
    for (const Server &d : m_design.servers)
        if (d.id == deviceId) return d.rackId;
    for (const Gateway &d : m_design.gateways)
        if (d.id == deviceId) return d.rackId;
    for (const Switch &d : m_design.switches)
        if (d.id == deviceId) return d.rackId;
    return {};
}

QString InfiniBandBuilder::ibFabric()
{
    for (const Fabric &f : m_design.fabrics) {
        if (f.kind == FabricKind::InfiniBand)
            return f.id;
    }
    const bool free = rackOf(QStringLiteral("ib")).isEmpty()
        && std::none_of(m_design.fabrics.begin(), m_design.fabrics.end(), [](const Fabric &f) { return f.id == u"ib"; })
        && std::none_of(m_design.cables.begin(), m_design.cables.end(), [](const Cable &c) { return c.id == u"ib"; });
    const QString id = free ? QStringLiteral("ib") : m_ids.next(QStringLiteral("ib"));
    m_design.fabrics.insert(m_design.fabrics.begin(), Fabric { id, FabricKind::InfiniBand, QStringLiteral("InfiniBand") });
    return id;
}

// Places `count` devices of `itemId`: device i in rack i (cyclic) at its lowest free U, else the next
// rack with room, else a new 42 U rack.
void InfiniBandBuilder::place(std::vector<QString> &ids, const QString &itemId, int count, const QString &prefix, bool isGateway)
{
    RackSpace space(m_design, m_catalog);
    const double height = heightOf(m_catalog, itemId);
    for (int i = 0; i < count; ++i) {
        QString rackId;
        int position = 1;
        const std::size_t racks = m_design.racks.size();
        for (std::size_t k = 0; k < racks && rackId.isEmpty(); ++k) {
            const Rack &rack = m_design.racks[(static_cast<std::size_t>(i) + k) % racks];
            if (const std::optional<int> u = space.lowestFree(rack, height)) {
                rackId = rack.id;
                position = *u;
            }
        }
        if (rackId.isEmpty()) {
            Rack rack { m_ids.next(QStringLiteral("rack")), QString(), 42 };
            rack.name = QStringLiteral("Rack %1").arg(m_design.racks.size() + 1);
            m_design.racks.push_back(rack);
            rackId = rack.id;
        }
        space.take(rackId, position, height);
        const QString id = m_ids.next(prefix);
        ids.push_back(id);
        if (isGateway) {
            Gateway gw { id, id.toUpper(), itemId, rackId, position, {} };
            int slot = 1;
            for (int e = 0; e < m_sizing.ethPerGateway; ++e)
                gw.modules.push_back({ slot++, m_choices.ethModule->id });
            for (int f = 0; f < m_sizing.fcPerGateway; ++f)
                gw.modules.push_back({ slot++, m_choices.fcModule->id });
            m_design.gateways.push_back(gw);
        } else {
            m_design.switches.push_back(Switch { id, id.toUpper(), itemId, rackId, position, ibFabric() });
        }
    }
}

void InfiniBandBuilder::cableIb(const CableEnd &a, const QString &rackA, const CableEnd &b, const QString &rackB)
{
    const PinnedItem *cable = rackA == rackB ? m_choices.cable : m_choices.longCable;
    m_design.cables.push_back(Cable { m_ids.next(QStringLiteral("cable")), cable->id, ibFabric(), a, b, {} });
}

void InfiniBandBuilder::build()
{
    const int sides = m_choices.hcasPerServer;
    const int servers = static_cast<int>(m_design.servers.size());
    const auto fabricsOf = [&](FabricKind kind, const QString &fallbackName) {
        std::vector<QString> ids;
        for (const Fabric &f : m_design.fabrics) {
            if (f.kind == kind)
                ids.push_back(f.id);
        }
        if (ids.empty()) {
            ids.push_back(m_ids.next(fabricKindName(kind)));
            m_design.fabrics.push_back(Fabric { ids.back(), kind, fallbackName });
        }
        return ids;
    };
    const std::vector<QString> lans = m_choices.needLan ? fabricsOf(FabricKind::Lan, QStringLiteral("LAN")) : std::vector<QString> {};
    const std::vector<QString> sans = m_choices.needSan ? fabricsOf(FabricKind::San, QStringLiteral("SAN")) : std::vector<QString> {};
    const int ibPorts = specCount(*m_choices.gateway, u"ib_ports").value_or(0);
    const int switchPorts = m_choices.ibSwitch != nullptr ? specCount(*m_choices.ibSwitch, u"ports").value_or(0) : 0;

    int inRack = 0;
    int betweenRacks = 0;
    int chains = 0;
    int uplinks = 0;
    std::map<QString, int> nextPort;
    const auto ib = [&](const CableEnd &a, const CableEnd &b) {
        const QString ra = rackOf(a.deviceId);
        const QString rb = rackOf(b.deviceId);
        ++(ra == rb ? inRack : betweenRacks);
        cableIb(a, ra, b, rb);
    };
    for (int side = 0; side < sides; ++side) {
        std::vector<QString> gateways;
        place(gateways, m_choices.gateway->id, m_sizing.gatewaysPerSide, QStringLiteral("gw"), true);
        std::vector<QString> edge = gateways; // where servers plug in
        if (m_choices.ibSwitch != nullptr) {
            edge.clear();
            place(edge, m_choices.ibSwitch->id, m_sizing.switchesPerSide, QStringLiteral("ibsw"), false);
        }
        // Servers to the edge devices: own rack first up to an even share, the rest to the least loaded.
        const int n = static_cast<int>(edge.size());
        const int share = (servers + n - 1) / n;
        std::vector<int> load(static_cast<std::size_t>(n), 0);
        std::vector<int> target(static_cast<std::size_t>(servers), -1);
        for (int i = 0; i < servers; ++i) {
            const QString rack = m_design.servers[static_cast<std::size_t>(i)].rackId;
            for (int e = 0; e < n; ++e) {
                if (rackOf(edge[static_cast<std::size_t>(e)]) == rack && load[static_cast<std::size_t>(e)] < share) {
                    target[static_cast<std::size_t>(i)] = e;
                    ++load[static_cast<std::size_t>(e)];
                    break;
                }
            }
        }
        for (int i = 0; i < servers; ++i) {
            if (target[static_cast<std::size_t>(i)] >= 0)
                continue;
            const int e = static_cast<int>(std::min_element(load.begin(), load.end()) - load.begin());
            target[static_cast<std::size_t>(i)] = e;
            ++load[static_cast<std::size_t>(e)];
        }
        for (int i = 0; i < servers; ++i) {
            const Server &s = m_design.servers[static_cast<std::size_t>(i)];
            const QString &device = edge[static_cast<std::size_t>(target[static_cast<std::size_t>(i)])];
            ib(CableEnd { s.id, m_hcaSlots.at(s.id)[static_cast<std::size_t>(side)], 1 }, CableEnd { device, 0, ++nextPort[device] });
        }
        if (m_choices.ibSwitch != nullptr) { // every switch to every gateway: the gateways are the spine
            for (std::size_t w = 0; w < edge.size(); ++w) {
                for (std::size_t g = 0; g < gateways.size(); ++g) {
                    ib(CableEnd { edge[w], 0, switchPorts - static_cast<int>(gateways.size() - g) + 1 },
                       CableEnd { gateways[g], 0, ++nextPort[gateways[g]] });
                    ++chains;
                }
            }
        } else {
            for (std::size_t g = 0; g + 1 < gateways.size(); ++g) { // chain: IPC between chassis stays on InfiniBand
                ib(CableEnd { gateways[g], 0, ibPorts }, CableEnd { gateways[g + 1], 0, ibPorts - 1 });
                ++chains;
            }
        }
        for (const QString &gw : gateways) {
            const auto uplink = [&](int slot, const PinnedItem &module, const std::vector<QString> &fabrics, const QString &cable) {
                const QString protocol = protocolFamily(module, u"ext_protocol");
                const std::vector<QString> optics = uplinkOptics(protocol, specNumber(module, u"ext_speed_gbps").value_or(0.0));
                const int ports = specCount(module, u"ext_ports").value_or(0);
                for (int p = 1; p <= ports; ++p) {
                    const QString &f = fabrics[static_cast<std::size_t>(p - 1) % fabrics.size()];
                    m_design.cables.push_back(Cable { m_ids.next(QStringLiteral("cable")), cable, f, CableEnd { gw, slot, p },
                                                          CableEnd { f, 0, 0 }, optics });
                    ++uplinks;
                }
            };
            if (!m_choices.modular) {
                uplink(1, *m_choices.gateway, m_choices.needLan ? lans : sans, m_choices.needLan ? m_choices.lanCableItemId : m_choices.sanCableItemId);
                continue;
            }
            int slot = 1;
            for (int e = 0; e < m_sizing.ethPerGateway; ++e)
                uplink(slot++, *m_choices.ethModule, lans, m_choices.lanCableItemId);
            for (int f = 0; f < m_sizing.fcPerGateway; ++f)
                uplink(slot++, *m_choices.fcModule, sans, m_choices.sanCableItemId);
        }
    }
    if (m_choices.ibSwitch != nullptr) {
        m_steps.push_back({ QStringLiteral("Add %1 × %2 InfiniBand switch(es)").arg(m_sizing.ibSwitches).arg(displayName(*m_choices.ibSwitch)),
                                 QStringLiteral("%1 servers over %2 ports per switch less one to each of the %3 gateways; "
                                                "the performance model then sees the switches' uplinks, not the gateway modules.")
                                     .arg(servers).arg(switchPorts).arg(m_sizing.gatewaysPerSide) });
    }
    QString cables = QStringLiteral("%1 × %2").arg(inRack).arg(displayName(*m_choices.cable));
    if (betweenRacks > 0)
        cables += QStringLiteral(" in racks and %1 × %2 between racks").arg(betweenRacks).arg(displayName(*m_choices.longCable));
    m_steps.push_back(
        { QStringLiteral("Cable %1 HCA ports to the %2 and add %3 %4 (%5 InfiniBand cables: %6); cable %7 gateway ports "
                         "as uplinks into the LAN and SAN")
              .arg(servers * sides)
              .arg(m_choices.ibSwitch != nullptr ? QStringLiteral("switches") : QStringLiteral("gateways"))
              .arg(chains)
              .arg(m_choices.ibSwitch != nullptr ? QStringLiteral("switch-to-gateway links") : QStringLiteral("links chaining the chassis"))
              .arg(inRack + betweenRacks).arg(cables).arg(uplinks),
          QStringLiteral("Each server goes to a device in its own rack first, the rest to the least loaded; %1every gateway "
                         "module port is an uplink into the existing fabrics (alternating between fabrics of one kind, "
                         "e.g. SAN A and B), so the LAN core and SAN are kept, as in the white paper.")
              .arg(m_choices.ibSwitch != nullptr ? QString()
                                       : QStringLiteral("the chassis are chained over their last two InfiniBand ports so "
                                                        "servers behind different chassis reach each other over InfiniBand; ")) });
}

} // namespace

GatewaySizing sizeGateways(const Scenario &source, const Design &design, const ConsolidationChoices &choices)
{
    GatewaySizing sized;
    const int servers = static_cast<int>(design.servers.size());
    const int ibPorts = specCount(*choices.gateway, u"ib_ports").value_or(0);
    if (ibPorts <= 0) {
        sized.refusal = QStringLiteral("the %1 has no ib_ports figure in the catalog").arg(displayName(*choices.gateway));
        return sized;
    }
    const int maxServers = specCount(*choices.gateway, u"max_servers").value_or(ibPorts);
    const int moduleSlots = specCount(*choices.gateway, u"module_slots").value_or(0);
    const double ethCap = choices.ethModule != nullptr ? moduleBytesPerS(*choices.ethModule) : 0.0;
    const double fcCap = choices.fcModule != nullptr ? moduleBytesPerS(*choices.fcModule) : 0.0;
    if ((choices.needLan && ethCap <= 0.0) || (choices.needSan && fcCap <= 0.0)) {
        sized.refusal = QStringLiteral("the gateway's %1 has no usable outside port speed in the catalog")
                         .arg(choices.needLan && ethCap <= 0.0 ? QStringLiteral("Ethernet side") : QStringLiteral("Fibre Channel side"));
        return sized;
    }
    const int switchPorts = choices.ibSwitch != nullptr ? specCount(*choices.ibSwitch, u"ports").value_or(0) : 0;

    // Servers by load, busiest first: a chassis serving k servers is sized for the k busiest.
    std::vector<double> lan;
    std::vector<double> san;
    double totalLan = 0.0;
    double totalSan = 0.0;
    for (const Server &s : design.servers) {
        const auto [l, f] = serverDemand(source.workload, s);
        lan.push_back(l);
        san.push_back(f);
        totalLan += l;
        totalSan += f;
    }
    std::sort(lan.rbegin(), lan.rend());
    std::sort(san.rbegin(), san.rend());
    const auto topSum = [](const std::vector<double> &v, int k) {
        double sum = 0.0;
        for (int i = 0; i < k && i < static_cast<int>(v.size()); ++i)
            sum += v[static_cast<std::size_t>(i)];
        return sum;
    };

    QString portRule;
    for (int g = 1; g <= servers; ++g) {
        const int chain = choices.ibSwitch == nullptr && g > 1 ? 2 : 0;
        const int cap = std::min(maxServers, choices.ibSwitch == nullptr ? ibPorts - chain : maxServers);
        if (cap <= 0 || static_cast<long long>(cap) * g < servers)
            continue;
        if (choices.ibSwitch != nullptr && (switchPorts - g < 1 || ceilDiv(servers, switchPorts - g) > ibPorts))
            continue;
        const int k = (servers + g - 1) / g;
        const double busiestLan = choices.ibSwitch == nullptr ? topSum(lan, k) : totalLan / g;
        const double busiestSan = choices.ibSwitch == nullptr ? topSum(san, k) : totalSan / g;
        const int e = choices.needLan ? std::max(1, ceilDiv(busiestLan, ethCap * gatewayModuleTargetUtilization)) : 0;
        const int f = choices.needSan ? std::max(1, ceilDiv(busiestSan, fcCap * gatewayModuleTargetUtilization)) : 0;
        const bool fits = choices.modular ? e + f <= moduleSlots : e <= 1 && f <= 1;
        if (!fits)
            continue;
        sized.gatewaysPerSide = g;
        sized.ethPerGateway = choices.modular ? e : 0;
        sized.fcPerGateway = choices.modular ? f : 0;
        sized.switchesPerSide = choices.ibSwitch != nullptr ? ceilDiv(servers, switchPorts - g) : 0;
        const int byPorts = ceilDiv(servers, std::min(maxServers, choices.ibSwitch == nullptr ? ibPorts - (servers > cap ? 2 : 0) : maxServers));
        const QString ports = choices.ibSwitch == nullptr
            ? QStringLiteral("%1 servers at most %2 per chassis (%3 InfiniBand ports%4, max_servers %5)")
                  .arg(servers).arg(cap).arg(ibPorts)
                  .arg(chain > 0 ? QStringLiteral(" less 2 chaining the chassis") : QString())
                  .arg(maxServers)
            : QStringLiteral("%1 servers at most %2 per gateway (max_servers)").arg(servers).arg(maxServers);
        const QString lanText = choices.needLan
            ? QStringLiteral("LAN %1 on the busiest chassis against %2 per %3 → %4 module(s) keep it at ≤ %5 %")
                  .arg(bytesText(busiestLan), bytesText(ethCap), displayName(*choices.ethModule)).arg(std::max(1, e))
                  .arg(gatewayModuleTargetUtilization * 100.0)
            : QString();
        const QString sanText = choices.needSan
            ? QStringLiteral("SAN %1 against %2 per %3 → %4")
                  .arg(bytesText(busiestSan), bytesText(fcCap), displayName(*choices.fcModule)).arg(std::max(1, f))
            : QString();
        const int sides = choices.hcasPerServer;
        sized.gateways = g * sides;
        sized.ethernetModules = sized.ethPerGateway * g * sides;
        sized.fibreChannelModules = sized.fcPerGateway * g * sides;
        sized.ibSwitches = sized.switchesPerSide * sides;
        QString why = ports + QStringLiteral(" → %1").arg(byPorts);
        if (g > byPorts)
            why += QStringLiteral(", raised to %1 so each chassis's modules fit its %2 slots").arg(g).arg(moduleSlots);
        if (sides == 2)
            why += QStringLiteral("; a second, independent set for the second HCA of each server (HA)");
        sized.steps.push_back({ QStringLiteral("Add %1 gateways: %2%3").arg(sized.gateways).arg(displayName(*choices.gateway))
                                     .arg(sides == 2 ? QStringLiteral(" (%1 per side)").arg(g) : QString()),
                                 why + QLatin1Char('.') });
        if (choices.modular) {
            QStringList what;
            if (choices.needLan)
                what << QStringLiteral("%1 × %2").arg(sized.ethernetModules).arg(displayName(*choices.ethModule));
            if (choices.needSan)
                what << QStringLiteral("%1 × %2").arg(sized.fibreChannelModules).arg(displayName(*choices.fcModule));
            sized.steps.push_back({ QStringLiteral("Add %1 (%2 + %3 per gateway)")
                                         .arg(what.join(QStringLiteral(" and "))).arg(sized.ethPerGateway).arg(sized.fcPerGateway),
                                     QStringList { lanText, sanText }.filter(QRegularExpression(QStringLiteral(".+")))
                                             .join(QStringLiteral("; "))
                                         + QLatin1Char('.') });
        }
        return sized;
    }
    sized.refusal = QStringLiteral("no number of %1 gateways carries the load: the busiest server's LAN %2 / SAN %3 exceeds what "
                                "the chassis's modules carry at %4 %")
                     .arg(displayName(*choices.gateway), bytesText(lan.empty() ? 0.0 : lan.front()),
                          bytesText(san.empty() ? 0.0 : san.front()))
                     .arg(gatewayModuleTargetUtilization * 100.0);
    return sized;
}

InfiniBandBuild buildInfiniBand(const Scenario &source, Design design, const PinnedCatalog &catalog,
                                const ConsolidationChoices &choices, const GatewaySizing &sizing,
                                const std::map<QString, std::vector<int>> &hcaSlots)
{
    return InfiniBandBuilder(source, std::move(design), catalog, choices, sizing, hcaSlots).run();
}

} // namespace iovplan::edit
