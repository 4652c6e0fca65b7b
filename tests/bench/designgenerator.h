#pragma once
// Synthetic designs of any number of servers, shaped like the 128-server white-paper example
// (examples/ciov-whitepaper.iovplan, written by examples/tools/make_ciov_whitepaper.py) and built from
// its pinned 2007 catalog, for the performance benchmarks (bench_iov) and their tests
// (tests/cost/tst_designgenerator.cpp). The rules are the example script's, generalised to N servers,
// so N = 128 gives the example's designs exactly — ids, positions and cable order included.
// Header-only so a QTest program can include it without a library; the example itself is read by
// tests/exampleproject.h.

#include "model/design/project.h"

#include <QString>

#include <stdexcept>
#include <utility>

namespace iovplan::bench {

/// The design families of the example, each with the example scenario whose workload, IOV mode and
/// assumptions a generated scenario copies.
enum class DesignShape {
    GigeFc, ///< "GigE+FC": a quad GigE NIC and two FC HBAs per server, top-of-rack switches
    IbSoftwareIov, ///< "IB software IOV": one HCA per server into gateway chassis with Ethernet and FC
                   ///< modules
    IbNativeIov, ///< "IB native IOV": the same design as IbSoftwareIov under native IOV
};

/// The example scenario a shape copies its workload, mode and assumptions from.
inline QString templateScenarioName(DesignShape shape)
{
    switch (shape) {
    case DesignShape::GigeFc:
        return QStringLiteral("GigE+FC");
    case DesignShape::IbSoftwareIov:
        return QStringLiteral("IB software IOV");
    case DesignShape::IbNativeIov:
        return QStringLiteral("IB native IOV");
    }
    return {};
}

namespace generator {

// The example's constants (make_ciov_whitepaper.py); the items are pinned in the example's catalog.
inline constexpr int serversPerRack = 16;
inline constexpr int serverHeightU = 2;
inline constexpr int switchRowU = 33; // first U above the 16 servers (U1-U32)
inline constexpr int rackHeightU = 42;
// A gateway chassis has 24 InfiniBand ports; chained chassis use ports 23 and 24 for the chain, so each
// serves at most 22 servers (the example: 6 chassis for 128 servers, 21-22 each).
inline constexpr int serversPerGateway = 22;
inline constexpr int gatewayLanUplinks = 6; // the Ethernet module's 6 x 1 GbE ports

inline const QString server = QStringLiteral("hp-proliant-dl380-g5");
inline const QString nic = QStringLiteral("intel-pro1000-pt-quad");
inline const QString hba = QStringLiteral("qlogic-qle2460");
inline const QString gigeSwitch = QStringLiteral("cisco-catalyst-3750g-48ts");
inline const QString fcSwitch = QStringLiteral("cisco-mds-9124");
inline const QString cat6 = QStringLiteral("cat6-patch-3m");
inline const QString fcCable = QStringLiteral("fc-om2-lc-lc-5m");
inline const QString fcSfp4g = QStringLiteral("fc-4g-sfp-sw");
inline const QString fcSfp2g = QStringLiteral("fc-2g-sfp-sw");
inline const QString hca = QStringLiteral("mellanox-mhga28-xtc");
inline const QString gatewayChassis = QStringLiteral("cisco-sfs-3012");
inline const QString ethModule = QStringLiteral("cisco-sfs-3012-eth-gw");
inline const QString fcModule = QStringLiteral("cisco-sfs-3012-fc-gw");
inline const QString ibShort = QStringLiteral("ib-cx4-copper-3m");
inline const QString ibLong = QStringLiteral("ib-cx4-copper-8m");

inline QString rackId(int rack)
{
    return QStringLiteral("rack-%1").arg(rack + 1);
}

// Builds one design in the order the example script writes it.
class Builder
{
public:
    explicit Builder(int servers)
    {
        const int racks = (servers + serversPerRack - 1) / serversPerRack;
        m_design.racks.reserve(static_cast<std::size_t>(racks));
        for (int r = 0; r < racks; ++r)
            m_design.racks.push_back({ rackId(r), QStringLiteral("Rack %1").arg(r + 1), rackHeightU });
        m_design.servers.reserve(static_cast<std::size_t>(servers));
    }

    [[nodiscard]] int racks() const { return static_cast<int>(m_design.racks.size()); }

    void fabric(const QString &id, design::FabricKind kind, const QString &name)
    {
        m_design.fabrics.push_back({ id, kind, name });
    }

    // Server `index` (0-based) in its rack's next 2 U; returns its id.
    QString server(int index, std::vector<design::SlotItem> adapters)
    {
        const int rack = index / serversPerRack;
        const int k = index % serversPerRack;
        design::Server s;
        s.id = QStringLiteral("srv-%1").arg(index + 1, 3, 10, QLatin1Char('0'));
        s.name = QStringLiteral("esx-%1").arg(index + 1, 3, 10, QLatin1Char('0'));
        s.itemId = generator::server;
        s.rackId = rackId(rack);
        s.positionU = 1 + serverHeightU * k;
        s.group = QStringLiteral("vm-hosts");
        s.adapters = std::move(adapters);
        m_design.servers.push_back(std::move(s));
        return m_design.servers.back().id;
    }

    void switchAt(const QString &id, const QString &item, int rack, int u, const QString &fabricId)
    {
        m_design.switches.push_back({ id, id.toUpper(), item, rackId(rack), u, fabricId });
    }

    void gateway(const QString &id, int rack, int u)
    {
        m_design.gateways.push_back(
            { id, id.toUpper(), gatewayChassis, rackId(rack), u, { { 1, ethModule }, { 2, fcModule } } });
    }

    void cable(const QString &item, const QString &fabricId, design::CableEnd from, design::CableEnd to,
        std::vector<QString> transceivers = {})
    {
        design::Cable c;
        c.id = QStringLiteral("cbl-%1").arg(m_design.cables.size() + 1, 4, 10, QLatin1Char('0'));
        c.itemId = item;
        c.fabricId = fabricId;
        c.from = std::move(from);
        c.to = std::move(to);
        c.transceiverItemIds = std::move(transceivers);
        m_design.cables.push_back(std::move(c));
    }

    // An uplink from a device's port into the existing network of `fabricId`.
    void uplink(const QString &item, const QString &fabricId, const QString &device, int slot, int port,
        std::vector<QString> transceivers = {})
    {
        cable(item, fabricId, { device, slot, port }, { fabricId, 0, 0 }, std::move(transceivers));
    }

    design::Design take() { return std::move(m_design); }

private:
    design::Design m_design;
};

// Figure 4: four GigE ports and two FC HBAs per server; per rack two GigE switches (two uplinks each)
// and one FC switch per SAN fabric (two uplinks each).
inline design::Design gigeFcDesign(int servers)
{
    Builder d(servers);
    const QString lan = QStringLiteral("lan");
    const QString sanA = QStringLiteral("san-a");
    const QString sanB = QStringLiteral("san-b");
    d.fabric(lan, design::FabricKind::Lan, QStringLiteral("LAN"));
    d.fabric(sanA, design::FabricKind::San, QStringLiteral("SAN fabric A"));
    d.fabric(sanB, design::FabricKind::San, QStringLiteral("SAN fabric B"));
    const auto name = [](const char *prefix, int rack, char side) {
        return QStringLiteral("%1-%2%3").arg(QLatin1String(prefix)).arg(rack + 1).arg(QLatin1Char(side));
    };
    for (int r = 0; r < d.racks(); ++r) {
        d.switchAt(name("lan", r, 'a'), gigeSwitch, r, switchRowU, lan);
        d.switchAt(name("lan", r, 'b'), gigeSwitch, r, switchRowU + 1, lan);
        d.switchAt(name("fc", r, 'a'), fcSwitch, r, switchRowU + 2, sanA);
        d.switchAt(name("fc", r, 'b'), fcSwitch, r, switchRowU + 3, sanB);
    }
    for (int i = 0; i < servers; ++i) {
        const QString sid = d.server(i, { { 1, nic }, { 2, hba }, { 3, hba } });
        const int rack = i / serversPerRack;
        const int k = i % serversPerRack;
        for (int p = 0; p < 4; ++p) { // ports 1-2 to switch a, 3-4 to switch b
            d.cable(
                cat6, lan, { sid, 1, p + 1 }, { name("lan", rack, p < 2 ? 'a' : 'b'), 0, 2 * k + p % 2 + 1 });
        }
        d.cable(fcCable, sanA, { sid, 2, 1 }, { name("fc", rack, 'a'), 0, k + 1 }, { fcSfp4g });
        d.cable(fcCable, sanB, { sid, 3, 1 }, { name("fc", rack, 'b'), 0, k + 1 }, { fcSfp4g });
    }
    for (int r = 0; r < d.racks(); ++r) {
        for (const char side : { 'a', 'b' }) {
            for (const int port : { 47, 48 })
                d.uplink(cat6, lan, name("lan", r, side), 0, port);
            for (const int port : { 23, 24 })
                d.uplink(fcCable, side == 'a' ? sanA : sanB, name("fc", r, side), 0, port, { fcSfp4g });
        }
    }
    return d.take();
}

// Figure 5 without HA: one HCA per server into ceil(N / 22) gateway chassis, each with an Ethernet
// module (6 LAN uplinks) and an FC module (one uplink per SAN fabric). Chassis g sits in rack g and
// serves that rack's 16 servers; the servers of the racks without a chassis are dealt out round-robin
// (at most 6 more each). Consecutive chassis are chained over their ports 24 and 23.
inline design::Design infinibandDesign(int servers)
{
    Builder d(servers);
    const QString ib = QStringLiteral("ib");
    const QString lan = QStringLiteral("lan");
    const QString sanA = QStringLiteral("san-a");
    const QString sanB = QStringLiteral("san-b");
    d.fabric(ib, design::FabricKind::InfiniBand, QStringLiteral("InfiniBand"));
    d.fabric(lan, design::FabricKind::Lan, QStringLiteral("LAN"));
    d.fabric(sanA, design::FabricKind::San, QStringLiteral("SAN fabric A"));
    d.fabric(sanB, design::FabricKind::San, QStringLiteral("SAN fabric B"));
    const int gateways = (servers + serversPerGateway - 1) / serversPerGateway;
    const auto gatewayId = [](int g) { return QStringLiteral("gw-%1a").arg(g + 1); };
    for (int g = 0; g < gateways; ++g)
        d.gateway(gatewayId(g), g, switchRowU);
    std::vector<int> nextPort(static_cast<std::size_t>(gateways), 0);
    for (int i = 0; i < servers; ++i) {
        const QString sid = d.server(i, { { 1, hca } });
        const int rack = i / serversPerRack;
        const int g = rack < gateways ? rack : (i - gateways * serversPerRack) % gateways;
        const int port = ++nextPort[static_cast<std::size_t>(g)];
        d.cable(rack == g ? ibShort : ibLong, ib, { sid, 1, 1 }, { gatewayId(g), 0, port });
    }
    for (int g = 0; g < gateways; ++g) {
        const QString gid = gatewayId(g);
        for (int port = 1; port <= gatewayLanUplinks; ++port)
            d.uplink(cat6, lan, gid, 1, port);
        d.uplink(fcCable, sanA, gid, 2, 1, { fcSfp2g });
        d.uplink(fcCable, sanB, gid, 2, 2, { fcSfp2g });
        if (g + 1 < gateways) // the chain: IPC between servers of different chassis
            d.cable(ibLong, ib, { gid, 0, 24 }, { gatewayId(g + 1), 0, 23 });
    }
    return d.take();
}

} // namespace generator

/// A scenario of `servers` servers (>= 1) shaped like the example's scenario for `shape`: its workload,
/// IOV mode and assumptions are copied from that scenario of `example` (throws std::invalid_argument when
/// the example lacks it), its design is generated from the example's rules.
inline design::Scenario generateScenario(const design::Project &example, DesignShape shape, int servers)
{
    if (servers < 1)
        throw std::invalid_argument("generateScenario: at least one server");
    const QString templateName = templateScenarioName(shape);
    const design::Scenario *source = nullptr;
    for (const design::Scenario &s : example.scenarios) {
        if (s.name == templateName)
            source = &s;
    }
    if (source == nullptr)
        throw std::invalid_argument(("the example has no scenario " + templateName).toStdString());
    design::Scenario scenario;
    scenario.name = QStringLiteral("%1, %2 servers").arg(templateName).arg(servers);
    scenario.workload = source->workload;
    scenario.iovMode = source->iovMode;
    scenario.assumptions = source->assumptions;
    scenario.design = shape == DesignShape::GigeFc ? generator::gigeFcDesign(servers)
                                                   : generator::infinibandDesign(servers);
    return scenario;
}

} // namespace iovplan::bench
