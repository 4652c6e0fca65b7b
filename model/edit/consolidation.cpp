#include "consolidation.h"

#include "consolidationplanner.h"

#include <QSet>

#include <algorithm>
#include <limits>
#include <map>
#include <set>

namespace iovplan::edit {

using namespace iovplan::design;

namespace {

// A 42 U rack is about 2 m tall: a 3 m cable reaches any two U of one rack with slack (estimate).
constexpr double inRackReachM = 3.0;

bool isLanSanAdapter(const PinnedItem &item)
{
    const QString f = protocolFamily(item);
    return item.kind == u"adapter" && (f == u"ethernet" || f == u"fibre-channel");
}


QString name(const PinnedCatalog &catalog, const QString &id)
{
    const PinnedItem *it = findPinnedItem(catalog, id);
    return it != nullptr ? displayName(*it) : id;
}


// ---- choosing items ----------------------------------------------------------------------------

// Items of `catalog` that fit `role` and `accept`, ranked: preferred first, then by `key` (lower first).
template <typename Accept, typename Key>
QString bestItem(const PinnedCatalog &catalog, ConsolidationRole role, const QStringList &preferred, Accept accept, Key key)
{
    const PinnedItem *best = nullptr;
    std::pair<int, double> bestRank { 0, 0.0 };
    for (const auto &[id, item] : catalog) {
        if (!fitsRole(item, role) || !accept(item))
            continue;
        const std::pair<int, double> rank { preferred.contains(id) ? 0 : 1, key(item) };
        if (best == nullptr || rank < bestRank) {
            best = &item;
            bestRank = rank;
        }
    }
    return best != nullptr ? best->id : QString();
}

bool supportsMode(const PinnedItem &adapter, IovMode mode)
{
    const QString modes = specText(adapter, u"iov_modes");
    return modes.isEmpty() || modes.split(QLatin1Char(';')).contains(iovModeName(mode));
}

// Free slots of server `server` for a card of `formFactor`, given the cards it keeps.
std::vector<int> freeSlots(const Server &server, const PinnedCatalog &catalog, const QString &formFactor)
{
    const PinnedItem *chassis = findPinnedItem(catalog, server.itemId);
    if (chassis == nullptr)
        return {};
    const int pcie = specCount(*chassis, u"pcie_slots").value_or(0);
    const int mezzanine = specCount(*chassis, u"mezzanine_slots").value_or(0);
    const bool pcieCard = formFactor == u"pcie-card";
    const int first = pcieCard ? 1 : pcie + 1;
    const int last = pcieCard ? pcie : pcie + mezzanine;
    std::vector<int> slots;
    for (int s = first; s <= last; ++s) {
        const bool taken = std::any_of(server.adapters.begin(), server.adapters.end(),
                                       [s](const SlotItem &a) { return a.slot == s; });
        if (!taken)
            slots.push_back(s);
    }
    return slots;
}

// ---- planning ----------------------------------------------------------------------------------

// Checks the choices, removes the NICs and HBAs and adds the HCAs; the InfiniBand side is sized and built
// by consolidationplanner.h.
class Planner
{
public:
    Planner(const Scenario &source, const PinnedCatalog &catalog, const ConsolidationOptions &options)
        : m_source(source), m_catalog(catalog), m_options(options)
    {
    }

    ConsolidationPlan run()
    {
        validate();
        if (!m_missing.isEmpty())
            return refused();
        m_out = m_source;
        removeLanSanAdapters();
        removeIdleSwitches();
        if (!addHcas())
            return refused();
        const ConsolidationChoices choices = checkedChoices();
        const GatewaySizing sizing = sizeGateways(m_source, m_out.design, choices);
        if (!sizing.refusal.isEmpty()) {
            m_missing << sizing.refusal;
            return refused();
        }
        m_plan.gateways = sizing.gateways;
        m_plan.ethernetModules = sizing.ethernetModules;
        m_plan.fibreChannelModules = sizing.fibreChannelModules;
        m_plan.ibSwitches = sizing.ibSwitches;
        m_plan.steps.insert(m_plan.steps.end(), sizing.steps.begin(), sizing.steps.end());
        InfiniBandBuild built = buildInfiniBand(m_source, m_out.design, m_catalog, choices, sizing, m_hcaSlots);
        m_out.design = std::move(built.design);
        m_plan.steps.insert(m_plan.steps.end(), built.steps.begin(), built.steps.end());
        m_out.iovMode = m_options.iovMode;
        m_out.assumptions.haDualHoming = m_options.hcasPerServer == 2;
        m_out.name = m_options.scenarioName.trimmed().isEmpty() ? m_source.name + QStringLiteral(" (InfiniBand)")
                                                                 : m_options.scenarioName.trimmed();
        m_plan.steps.push_back({ QStringLiteral("Set the IOV mode to %1 and name the scenario \"%2\"")
                                     .arg(iovModeName(m_out.iovMode), m_out.name),
                                 m_options.hcasPerServer == 2
                                     ? QStringLiteral("Two HCAs per server to two independent sets of gateways: the "
                                                      "scenario assumes HA dual homing.")
                                     : QStringLiteral("One HCA per server carries LAN, SAN, IPC and migration traffic "
                                                      "(CIOV consolidation, white paper §2).") });
        m_plan.scenario = m_out;
        return m_plan;
    }

private:
    ConsolidationPlan refused()
    {
        ConsolidationPlan plan;
        plan.refusal = m_missing.join(QStringLiteral("; "));
        return plan;
    }

    const PinnedItem *item(const QString &id) const { return findPinnedItem(m_catalog, id); }

    // An item chosen for `role`: present, pinned and of the right kind, else what is missing.
    const PinnedItem *chosen(const QString &id, ConsolidationRole role, const QString &what)
    {
        if (id.isEmpty()) {
            m_missing << QStringLiteral("no %1 chosen").arg(what);
            return nullptr;
        }
        const PinnedItem *it = item(id);
        if (it == nullptr) {
            m_missing << QStringLiteral("%1 item %2 is not in the catalog").arg(what, id);
            return nullptr;
        }
        if (!fitsRole(*it, role)) {
            m_missing << QStringLiteral("%1 is not an %2").arg(displayName(*it), what);
            return nullptr;
        }
        return it;
    }

    std::optional<FabricKind> kindOf(const QString &fabricId) const
    {
        for (const Fabric &f : m_source.design.fabrics) {
            if (f.id == fabricId)
                return f.kind;
        }
        return std::nullopt;
    }

    bool isServer(const QString &id) const
    {
        return std::any_of(m_source.design.servers.begin(), m_source.design.servers.end(),
                           [&](const Server &s) { return s.id == id; });
    }

    void validate()
    {
        const Design &d = m_source.design;
        if (d.servers.empty())
            m_missing << QStringLiteral("the scenario has no servers to consolidate");
        int lanSan = 0;
        int ib = 0;
        for (const Server &s : d.servers) {
            for (const SlotItem &a : s.adapters) {
                if (const PinnedItem *it = item(a.itemId)) {
                    if (isLanSanAdapter(*it)) {
                        ++lanSan;
                        (protocolFamily(*it) == u"ethernet" ? m_needLan : m_needSan) = true;
                    } else if (fitsRole(*it, ConsolidationRole::Hca)) {
                        ++ib;
                    }
                }
            }
        }
        for (const Cable &c : d.cables) { // on-board Ethernet ports cabled to the LAN count as LAN use too
            const bool serverEnd = (isServer(c.from.deviceId) && c.from.slot == 0) || (isServer(c.to.deviceId) && c.to.slot == 0);
            if (serverEnd && kindOf(c.fabricId) == FabricKind::Lan) {
                m_needLan = true;
                ++lanSan;
            }
        }
        if (!d.servers.empty() && lanSan == 0) {
            m_missing << (ib > 0 || !d.gateways.empty()
                              ? QStringLiteral("the scenario is already InfiniBand: its servers have %1 HCAs and no "
                                               "Ethernet or Fibre Channel adapters to replace").arg(ib)
                              : QStringLiteral("the scenario's servers have no Ethernet or Fibre Channel adapters to replace"));
        }
        if (m_options.hcasPerServer != 1 && m_options.hcasPerServer != 2)
            m_missing << QStringLiteral("HCAs per server must be 1 or 2 (HA), not %1").arg(m_options.hcasPerServer);

        m_hca = chosen(m_options.hcaItemId, ConsolidationRole::Hca, QStringLiteral("InfiniBand HCA"));
        if (m_hca != nullptr && !supportsMode(*m_hca, m_options.iovMode)) {
            m_missing << QStringLiteral("the %1 supports %2 IOV, not %3: choose another HCA or mode")
                             .arg(displayName(*m_hca), specText(*m_hca, u"iov_modes").replace(QLatin1Char(';'), QStringLiteral(", ")),
                                  iovModeName(m_options.iovMode));
        }
        m_gateway = chosen(m_options.gatewayItemId, ConsolidationRole::Gateway, QStringLiteral("InfiniBand gateway"));
        m_cable = chosen(m_options.ibCableItemId, ConsolidationRole::IbCable, QStringLiteral("InfiniBand cable"));
        m_longCable = m_options.ibLongCableItemId.isEmpty()
            ? m_cable
            : chosen(m_options.ibLongCableItemId, ConsolidationRole::IbCable, QStringLiteral("rack-to-rack InfiniBand cable"));
        if (!m_options.ibSwitchItemId.isEmpty())
            m_switch = chosen(m_options.ibSwitchItemId, ConsolidationRole::IbSwitch, QStringLiteral("InfiniBand switch"));
        if (m_gateway == nullptr)
            return;
        m_modular = specCount(*m_gateway, u"module_slots").value_or(0) > 0;
        const auto module = [&](bool needed, const QString &id, ConsolidationRole role, const QString &what) -> const PinnedItem * {
            if (!needed)
                return nullptr;
            const PinnedItem *m = chosen(id, role, what);
            if (m != nullptr && specText(*m, u"chassis") != m_gateway->id) {
                m_missing << QStringLiteral("the %1 fits the %2, not the %3")
                                 .arg(displayName(*m), name(m_catalog, specText(*m, u"chassis")), displayName(*m_gateway));
                return nullptr;
            }
            return m;
        };
        if (m_modular) {
            m_ethModule = module(m_needLan, m_options.ethernetModuleItemId, ConsolidationRole::EthernetModule,
                                 QStringLiteral("Ethernet gateway module"));
            m_fcModule = module(m_needSan, m_options.fibreChannelModuleItemId, ConsolidationRole::FibreChannelModule,
                                QStringLiteral("Fibre Channel gateway module"));
        } else {
            const QString ext = protocolFamily(*m_gateway, u"ext_protocol");
            if ((m_needLan && ext != u"ethernet") || (m_needSan && ext != u"fibre-channel")) {
                m_missing << QStringLiteral("the %1 bridges to %2 only but the scenario needs %3: choose a modular gateway")
                                 .arg(displayName(*m_gateway), ext,
                                      m_needLan && m_needSan ? QStringLiteral("Ethernet and Fibre Channel")
                                      : m_needLan            ? QStringLiteral("Ethernet")
                                                             : QStringLiteral("Fibre Channel"));
            }
            (ext == u"ethernet" ? m_ethModule : m_fcModule) = m_gateway;
        }
        if (m_needLan)
            m_lanCable = uplinkCable(QStringLiteral("ethernet"), QStringLiteral("Ethernet"));
        if (m_needSan)
            m_sanCable = uplinkCable(QStringLiteral("fibre-channel"), QStringLiteral("Fibre Channel"));
    }

    // The cable for gateway uplinks of `protocol`: the one the source uses most, else the first pinned.
    QString uplinkCable(const QString &protocol, const QString &what)
    {
        std::map<QString, int> uses;
        for (const Cable &c : m_source.design.cables) {
            const PinnedItem *it = item(c.itemId);
            if (it != nullptr && protocolFamily(*it) == protocol)
                ++uses[c.itemId];
        }
        QString best;
        for (const auto &[id, n] : uses) {
            if (best.isEmpty() || n > uses[best])
                best = id;
        }
        for (auto it = m_catalog.begin(); best.isEmpty() && it != m_catalog.end(); ++it) {
            if (it->second.kind == u"cable" && protocolFamily(it->second) == protocol)
                best = it->first;
        }
        if (best.isEmpty())
            m_missing << QStringLiteral("no %1 cable item in the catalog for the gateway uplinks").arg(what);
        return best;
    }


    void removeLanSanAdapters()
    {
        std::map<QString, int> removed; // item → count
        std::set<std::pair<QString, int>> goneSlots;
        for (Server &s : m_out.design.servers) {
            std::vector<SlotItem> kept;
            for (const SlotItem &a : s.adapters) {
                const PinnedItem *it = item(a.itemId);
                if (it != nullptr && isLanSanAdapter(*it)) {
                    ++removed[a.itemId];
                    goneSlots.insert({ s.id, a.slot });
                } else {
                    kept.push_back(a);
                }
            }
            s.adapters = kept;
        }
        const auto onServerLanSan = [&](const CableEnd &end, const QString &fabricId) {
            if (!isServer(end.deviceId))
                return false;
            const std::optional<FabricKind> k = kindOf(fabricId);
            return goneSlots.count({ end.deviceId, end.slot }) != 0
                || (end.slot == 0 && (k == FabricKind::Lan || k == FabricKind::San));
        };
        std::vector<Cable> kept;
        int cablesRemoved = 0;
        for (const Cable &c : m_out.design.cables) {
            if (onServerLanSan(c.from, c.fabricId) || onServerLanSan(c.to, c.fabricId)) {
                ++cablesRemoved;
                m_serverCabled.insert(isServer(c.from.deviceId) ? c.to.deviceId : c.from.deviceId);
            } else {
                kept.push_back(c);
            }
        }
        m_out.design.cables = kept;
        QStringList parts;
        int total = 0;
        for (const auto &[id, n] : removed) {
            parts << QStringLiteral("%1 × %2").arg(n).arg(name(m_catalog, id));
            total += n;
        }
        if (total > 0) {
            m_plan.steps.push_back({ QStringLiteral("Remove %1 Ethernet and Fibre Channel adapters (%2) from %3 servers")
                                         .arg(total).arg(parts.join(QStringLiteral(", "))).arg(m_out.design.servers.size()),
                                     QStringLiteral("Their LAN and SAN traffic moves onto the InfiniBand HCA: the gateways "
                                                    "present it to the existing LAN and SAN (white paper, Figure 5).") });
        }
        if (cablesRemoved > 0) {
            m_plan.steps.push_back({ QStringLiteral("Remove the %1 cables on the servers' LAN and SAN ports").arg(cablesRemoved),
                                     QStringLiteral("The ports they plugged into are gone.") });
        }
    }

    // GigE and FC switches that served servers and now serve none go, with their remaining cables.
    void removeIdleSwitches()
    {
        QSet<QString> keptDevices;
        for (const Cable &c : m_out.design.cables) {
            for (const CableEnd *end : { &c.from, &c.to }) {
                const CableEnd &other = end == &c.from ? c.to : c.from;
                const bool toEdge = isServer(other.deviceId)
                    || std::any_of(m_out.design.storage.begin(), m_out.design.storage.end(),
                                   [&](const StorageArray &a) { return a.id == other.deviceId; })
                    || std::any_of(m_out.design.gateways.begin(), m_out.design.gateways.end(),
                                   [&](const Gateway &g) { return g.id == other.deviceId; });
                if (toEdge)
                    keptDevices.insert(end->deviceId);
            }
        }
        QSet<QString> gone;
        std::map<QString, int> removed;
        std::vector<Switch> kept;
        for (const Switch &sw : m_out.design.switches) {
            const PinnedItem *it = item(sw.itemId);
            const bool lanSan = it != nullptr && (protocolFamily(*it) == u"ethernet" || protocolFamily(*it) == u"fibre-channel");
            if (lanSan && m_serverCabled.contains(sw.id) && !keptDevices.contains(sw.id)) {
                gone.insert(sw.id);
                ++removed[sw.itemId];
            } else {
                kept.push_back(sw);
            }
        }
        if (gone.isEmpty())
            return;
        m_out.design.switches = kept;
        std::vector<Cable> keptCables;
        int uplinks = 0;
        for (const Cable &c : m_out.design.cables) {
            if (gone.contains(c.from.deviceId) || gone.contains(c.to.deviceId))
                ++uplinks;
            else
                keptCables.push_back(c);
        }
        m_out.design.cables = keptCables;
        QStringList parts;
        for (const auto &[id, n] : removed)
            parts << QStringLiteral("%1 × %2").arg(n).arg(name(m_catalog, id));
        m_plan.steps.push_back({ QStringLiteral("Remove %1 access switches (%2) and their %3 uplink cables")
                                     .arg(gone.size()).arg(parts.join(QStringLiteral(", "))).arg(uplinks),
                                 QStringLiteral("No server is cabled to them any more; the gateways connect to the LAN "
                                                "core and SAN fabrics instead.") });
    }

    bool addHcas()
    {
        const QString formFactor = specText(*m_hca, u"form_factor");
        QStringList short_;
        for (Server &s : m_out.design.servers) {
            const std::vector<int> free = freeSlots(s, m_catalog, formFactor);
            if (static_cast<int>(free.size()) < m_options.hcasPerServer) {
                if (short_.size() < 3) {
                    short_ << QStringLiteral("server %1 (%2) has %3 free %4 slot(s) for %5 HCA(s)")
                                  .arg(s.id, name(m_catalog, s.itemId)).arg(free.size()).arg(formFactor).arg(m_options.hcasPerServer);
                }
                continue;
            }
            std::vector<int> &slots = m_hcaSlots[s.id];
            for (int i = 0; i < m_options.hcasPerServer; ++i) {
                s.adapters.push_back({ free[static_cast<std::size_t>(i)], m_hca->id });
                slots.push_back(free[static_cast<std::size_t>(i)]);
            }
            std::sort(s.adapters.begin(), s.adapters.end(), [](const SlotItem &a, const SlotItem &b) { return a.slot < b.slot; });
        }
        if (!short_.isEmpty()) {
            m_missing << short_;
            return false;
        }
        m_plan.hcas = static_cast<int>(m_out.design.servers.size()) * m_options.hcasPerServer;
        m_plan.steps.push_back(
            { QStringLiteral("Add %1 × %2 (%3 per server, first free %4 slot)")
                  .arg(m_plan.hcas).arg(displayName(*m_hca)).arg(m_options.hcasPerServer).arg(formFactor),
              QStringLiteral("Port 1 of each HCA (%1 × %2 Gb/s InfiniBand) carries all of the server's traffic; %3 CIOV end "
                             "points / virtual functions serve its VMs.")
                  .arg(specCount(*m_hca, u"ports").value_or(1))
                  .arg(specNumber(*m_hca, u"speed_gbps").value_or(0.0))
                  .arg(std::max(specCount(*m_hca, u"ciov_endpoints").value_or(0), specCount(*m_hca, u"virtual_functions").value_or(0))) });
        return true;
    }


    // What validate() checked, for sizing and building the InfiniBand side.
    ConsolidationChoices checkedChoices() const
    {
        ConsolidationChoices c;
        c.needLan = m_needLan;
        c.needSan = m_needSan;
        c.modular = m_modular;
        c.hcasPerServer = m_options.hcasPerServer;
        c.gateway = m_gateway;
        c.ethModule = m_ethModule;
        c.fcModule = m_fcModule;
        c.cable = m_cable;
        c.longCable = m_longCable;
        c.ibSwitch = m_switch;
        c.lanCableItemId = m_lanCable;
        c.sanCableItemId = m_sanCable;
        return c;
    }

    const Scenario &m_source;
    const PinnedCatalog &m_catalog;
    const ConsolidationOptions &m_options;
    Scenario m_out;
    ConsolidationPlan m_plan;
    QStringList m_missing;
    bool m_needLan = false;
    bool m_needSan = false;
    bool m_modular = true;
    const PinnedItem *m_hca = nullptr;
    const PinnedItem *m_gateway = nullptr;
    const PinnedItem *m_ethModule = nullptr; ///< a fixed gateway stands for its own outside ports here
    const PinnedItem *m_fcModule = nullptr;
    const PinnedItem *m_cable = nullptr;
    const PinnedItem *m_longCable = nullptr;
    const PinnedItem *m_switch = nullptr;
    QString m_lanCable;
    QString m_sanCable;
    QSet<QString> m_serverCabled; ///< devices that had a server cable before the consolidation
    std::map<QString, std::vector<int>> m_hcaSlots;
};

} // namespace

bool fitsRole(const PinnedItem &item, ConsolidationRole role)
{
    switch (role) {
    case ConsolidationRole::Hca:
        return item.kind == u"adapter" && protocolFamily(item) == u"infiniband";
    case ConsolidationRole::Gateway:
        return item.kind == u"gateway";
    case ConsolidationRole::EthernetModule:
        return item.kind == u"gateway-module" && protocolFamily(item, u"ext_protocol") == u"ethernet";
    case ConsolidationRole::FibreChannelModule:
        return item.kind == u"gateway-module" && protocolFamily(item, u"ext_protocol") == u"fibre-channel";
    case ConsolidationRole::IbCable:
        return item.kind == u"cable" && protocolFamily(item) == u"infiniband";
    case ConsolidationRole::IbSwitch:
        return item.kind == u"switch" && protocolFamily(item) == u"infiniband";
    }
    return false;
}

ConsolidationOptions proposeConsolidation(const Scenario &scenario, const PinnedCatalog &catalog,
                                          const QStringList &preferredItemIds)
{
    ConsolidationOptions options;
    options.iovMode = IovMode::Software;
    options.hcasPerServer = scenario.assumptions.haDualHoming ? 2 : 1;
    options.scenarioName = scenario.name + QStringLiteral(" (InfiniBand)");

    // The form factors the servers offer free or NIC/HBA-held slots of.
    bool anyPcie = scenario.design.servers.empty();
    bool anyMezzanine = false;
    for (const Server &s : scenario.design.servers) {
        if (const PinnedItem *it = findPinnedItem(catalog, s.itemId)) {
            anyPcie = anyPcie || specCount(*it, u"pcie_slots").value_or(0) > 0;
            anyMezzanine = anyMezzanine || specCount(*it, u"mezzanine_slots").value_or(0) > 0;
        }
    }
    options.hcaItemId = bestItem(
        catalog, ConsolidationRole::Hca, preferredItemIds,
        [&](const PinnedItem &it) {
            const QString ff = specText(it, u"form_factor");
            return supportsMode(it, options.iovMode) && (ff == u"pcie-card" ? anyPcie : anyMezzanine);
        },
        [](const PinnedItem &it) {
            const int endpoints = std::max(specCount(it, u"ciov_endpoints").value_or(0),
                                           specCount(it, u"virtual_functions").value_or(0));
            return -endpoints * 1e6 + it.priceUsd; // most end points, then the cheaper
        });

    // A modular gateway for which the catalog has both module kinds (a fixed one only when nothing else).
    const auto modulesFor = [&](const QString &chassisId, ConsolidationRole role) {
        return bestItem(
            catalog, role, preferredItemIds, [&](const PinnedItem &m) { return specText(m, u"chassis") == chassisId; },
            [](const PinnedItem &m) {
                const double gbps = specNumber(m, u"throughput_gbps").value_or(0.0);
                return gbps > 0.0 ? m.priceUsd / gbps : std::numeric_limits<double>::max();
            });
    };
    options.gatewayItemId = bestItem(
        catalog, ConsolidationRole::Gateway, preferredItemIds,
        [&](const PinnedItem &g) {
            return specCount(g, u"module_slots").value_or(0) > 0
                && !modulesFor(g.id, ConsolidationRole::EthernetModule).isEmpty()
                && !modulesFor(g.id, ConsolidationRole::FibreChannelModule).isEmpty();
        },
        [](const PinnedItem &g) { return g.priceUsd / std::max(1, specCount(g, u"max_servers").value_or(1)); });
    if (options.gatewayItemId.isEmpty()) {
        options.gatewayItemId = bestItem(
            catalog, ConsolidationRole::Gateway, preferredItemIds, [](const PinnedItem &) { return true; },
            [](const PinnedItem &g) { return g.priceUsd; });
    }
    if (!options.gatewayItemId.isEmpty()) {
        options.ethernetModuleItemId = modulesFor(options.gatewayItemId, ConsolidationRole::EthernetModule);
        options.fibreChannelModuleItemId = modulesFor(options.gatewayItemId, ConsolidationRole::FibreChannelModule);
    }

    const auto reach = [](const PinnedItem &c) { return specNumber(c, u"reach_m").value_or(0.0); };
    options.ibCableItemId = bestItem(
        catalog, ConsolidationRole::IbCable, preferredItemIds,
        [&](const PinnedItem &c) { return reach(c) >= inRackReachM; }, reach);
    options.ibLongCableItemId = bestItem(
        catalog, ConsolidationRole::IbCable, preferredItemIds, [](const PinnedItem &) { return true; },
        [&](const PinnedItem &c) { return -reach(c); });
    if (options.ibCableItemId.isEmpty())
        options.ibCableItemId = options.ibLongCableItemId;
    if (options.ibLongCableItemId == options.ibCableItemId)
        options.ibLongCableItemId.clear();
    return options;
}

ConsolidationPlan planConsolidation(const Scenario &scenario, const PinnedCatalog &catalog, const ConsolidationOptions &options)
{
    return Planner(scenario, catalog, options).run();
}

} // namespace iovplan::edit
