#pragma once
// Small hand-made catalogs and designs for the roll-up tests: every figure is chosen so the expected
// totals can be worked out by hand in the test's comments.

#include "model/design/itemspecs.h"
#include "model/design/scenario.h"

#include <QString>

#include <initializer_list>
#include <utility>

namespace iovplan::testing {

/// A pinned item with `specs` given as (field, value) pairs.
inline design::PinnedItem makeItem(const QString &id, const QString &kind, double priceUsd,
                                   std::initializer_list<std::pair<const char *, const char *>> specs,
                                   std::optional<double> maintenancePct = 10.0)
{
    design::PinnedItem item;
    item.id = id;
    item.kind = kind;
    item.vendor = QStringLiteral("Acme");
    item.model = id.toUpper();
    item.priceUsd = priceUsd;
    item.priceDate = QStringLiteral("2007-06");
    item.priceSource = QStringLiteral("estimate: test figure");
    item.maintenancePctPerYear = maintenancePct;
    for (const auto &[field, value] : specs)
        item.specs.push_back({ QLatin1String(field), QLatin1String(value), QString(), QStringLiteral("estimate: test") });
    return item;
}

/// The test catalog: a 1U rack server with 2 PCIe + 1 mezzanine slot, a 2-slot-mezzanine blade, a
/// dual-port NIC card, a mezzanine HBA, a 4-port switch, two modular gateways and a module fitting the
/// first, a cable and an optic.
inline design::PinnedCatalog testCatalog()
{
    design::PinnedCatalog c;
    const auto add = [&c](design::PinnedItem item) { c.emplace(item.id, std::move(item)); };
    add(makeItem(QStringLiteral("srv"), QStringLiteral("server"), 4200.50,
                 { { "u_height", "1" }, { "pcie_slots", "2" }, { "mezzanine_slots", "1" }, { "lom_ports", "2" },
                   { "watts_idle", "150" }, { "watts_typical", "250" }, { "watts_max", "350" } }));
    add(makeItem(QStringLiteral("blade"), QStringLiteral("server"), 3000,
                 { { "u_height", "0.625" }, { "pcie_slots", "0" }, { "mezzanine_slots", "2" }, { "watts_typical", "200" } }));
    add(makeItem(QStringLiteral("nic"), QStringLiteral("adapter"), 99.99,
                 { { "form_factor", "pcie-card" }, { "ports", "2" }, { "watts_typical", "4" }, { "watts_max", "5" } }));
    add(makeItem(QStringLiteral("hba-mezz"), QStringLiteral("adapter"), 1500,
                 { { "form_factor", "mezzanine" }, { "ports", "2" }, { "watts_typical", "6" } }, std::nullopt));
    add(makeItem(QStringLiteral("sw4"), QStringLiteral("switch"), 1000,
                 { { "ports", "4" }, { "u_height", "1" }, { "watts_typical", "40" }, { "watts_max", "60" } }, 15.0));
    add(makeItem(QStringLiteral("gw"), QStringLiteral("gateway"), 20000,
                 { { "module_slots", "2" }, { "ib_ports", "4" }, { "max_servers", "2" }, { "u_height", "2" },
                   { "watts_typical", "300" } }, 15.0));
    add(makeItem(QStringLiteral("gw-other"), QStringLiteral("gateway"), 18000,
                 { { "module_slots", "2" }, { "ib_ports", "4" }, { "u_height", "2" }, { "watts_typical", "250" } }, 15.0));
    add(makeItem(QStringLiteral("gw-eth"), QStringLiteral("gateway-module"), 5000,
                 { { "chassis", "gw" }, { "ext_ports", "4" }, { "watts_typical", "30" } }, 15.0));
    add(makeItem(QStringLiteral("cat6"), QStringLiteral("cable"), 0.10, { { "watts_typical", "0" } }, 0.0));
    add(makeItem(QStringLiteral("array"), QStringLiteral("storage"), 90000, { { "u_height", "4" }, { "ports", "4" },
                   { "watts_typical", "800" }, { "watts_max", "1000" }, { "mb_per_s", "1500" } }, 12.0));
    add(makeItem(QStringLiteral("sfp"), QStringLiteral("transceiver"), 150, { { "watts_typical", "0.5" } }, 0.0));
    return c;
}

inline design::Server makeServer(const QString &id, const QString &item, int u,
                                 std::initializer_list<std::pair<int, const char *>> adapters = {})
{
    design::Server s;
    s.id = id;
    s.name = id;
    s.itemId = item;
    s.rackId = QStringLiteral("r1");
    s.positionU = u;
    s.group = QStringLiteral("hosts");
    for (const auto &[slot, adapter] : adapters)
        s.adapters.push_back({ slot, QLatin1String(adapter) });
    return s;
}

inline design::Cable makeCable(const QString &id, design::CableEnd from, design::CableEnd to,
                               std::vector<QString> transceivers = {})
{
    design::Cable c;
    c.id = id;
    c.itemId = QStringLiteral("cat6");
    c.fabricId = QStringLiteral("lan");
    c.from = std::move(from);
    c.to = std::move(to);
    c.transceiverItemIds = std::move(transceivers);
    return c;
}

/// Two rack servers (each a NIC in slot 1) cabled to a 4-port switch, one uplink with an optic:
/// a valid design with hand-checkable totals.
inline design::Scenario smallScenario()
{
    design::Scenario s;
    s.name = QStringLiteral("small");
    s.design.racks.push_back({ QStringLiteral("r1"), QStringLiteral("Rack 1"), 42 });
    s.design.fabrics.push_back({ QStringLiteral("lan"), design::FabricKind::Lan, QStringLiteral("LAN") });
    s.design.servers.push_back(makeServer(QStringLiteral("s1"), QStringLiteral("srv"), 1, { { 1, "nic" } }));
    s.design.servers.push_back(makeServer(QStringLiteral("s2"), QStringLiteral("srv"), 2, { { 1, "nic" } }));
    design::Switch sw;
    sw.id = QStringLiteral("sw1");
    sw.itemId = QStringLiteral("sw4");
    sw.rackId = QStringLiteral("r1");
    sw.positionU = 42;
    sw.fabricId = QStringLiteral("lan");
    s.design.switches.push_back(sw);
    s.design.cables.push_back(makeCable(QStringLiteral("c1"), { QStringLiteral("s1"), 1, 1 }, { QStringLiteral("sw1"), 0, 1 }));
    s.design.cables.push_back(makeCable(QStringLiteral("c2"), { QStringLiteral("s2"), 1, 1 }, { QStringLiteral("sw1"), 0, 2 }));
    s.design.cables.push_back(makeCable(QStringLiteral("c3"), { QStringLiteral("sw1"), 0, 4 }, { QStringLiteral("lan"), 0, 0 },
                                        { QStringLiteral("sfp") }));
    s.assumptions.electricityUsdPerKwh = 0.10;
    s.assumptions.pue = 2.0;
    s.assumptions.years = 3;
    return s;
}

} // namespace iovplan::testing
