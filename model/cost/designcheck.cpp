#include "designcheck.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace iovplan::cost {

using namespace iovplan::design;

namespace {

QString uText(double u)
{
    return QString::number(u, 'g', 6);
}

// One device's extent in a rack, for the overlap check.
struct Placement
{
    double bottom = 0.0;
    double top = 0.0; ///< exclusive
    QString deviceId;
    QString what; ///< "server s1"
};

// Adds problems and counters as the checks run.
class Checker
{
public:
    Checker(const Scenario &scenario, const PinnedCatalog &catalog)
        : m_design(scenario.design), m_catalog(catalog), m_dualHoming(scenario.assumptions.haDualHoming)
    {
        for (const Server &server : m_design.servers)
            m_servers.insert(server.id, &server);
        for (const Switch &sw : m_design.switches)
            m_switches.insert(sw.id, &sw);
        for (const Gateway &gateway : m_design.gateways)
            m_gateways.insert(gateway.id, &gateway);
        for (const Fabric &fabric : m_design.fabrics)
            m_fabrics.insert(fabric.id);
        for (const StorageArray &array : m_design.storage)
            m_storage.insert(array.id, &array);
    }

    DesignCheck run()
    {
        checkRacks();
        for (const Server &server : m_design.servers)
            checkServerSlots(server);
        for (const Gateway &gateway : m_design.gateways)
            checkGatewayModules(gateway);
        checkCables();
        if (m_dualHoming)
            checkDualHoming();
        return std::move(m_result);
    }

private:
    void error(const QString &message, const QString &object)
    {
        m_result.problems.push_back({ Severity::Error, message, object });
    }
    void warning(const QString &message, const QString &object)
    {
        m_result.problems.push_back({ Severity::Warning, message, object });
    }

    const PinnedItem *item(const QString &itemId, const QString &usedBy)
    {
        const auto found = m_catalog.find(itemId);
        if (found != m_catalog.end())
            return &found->second;
        error(QStringLiteral("%1 uses item '%2', which the document does not pin: pin it from the catalog or pick a pinned item").arg(usedBy, itemId), usedBy);
        return nullptr;
    }

    int count(const PinnedItem &it, QStringView field, const QString &object)
    {
        const std::optional<int> value = specCount(it, field);
        if (!value) {
            warning(QStringLiteral("%1 has no '%2' figure in the catalog; counted as 0 until the item is edited")
                        .arg(displayName(it), field.toString()),
                object);
        }
        return value.value_or(0);
    }

    // ---- racks ----------------------------------------------------------------------------

    void place(std::map<QString, std::vector<Placement>> &byRack, const QString &deviceId, const QString &what,
               const QString &itemId, const QString &rackId, int positionU)
    {
        const PinnedItem *it = item(itemId, deviceId);
        if (it == nullptr)
            return;
        double height = 1.0;
        if (const std::optional<double> h = specRackHeightU(*it)) {
            height = *h;
        } else {
            warning(QStringLiteral("%1 has no rack height in the catalog; counted as 1 U until the item is edited").arg(displayName(*it)),
                    deviceId);
        }
        m_result.capacity.rackUnitsUsed += height;
        byRack[rackId].push_back({ static_cast<double>(positionU), positionU + height, deviceId, what });
    }

    void checkRacks()
    {
        std::map<QString, std::vector<Placement>> byRack;
        for (const Server &s : m_design.servers)
            place(byRack, s.id, QStringLiteral("server ") + s.id, s.itemId, s.rackId, s.positionU);
        for (const Switch &s : m_design.switches)
            place(byRack, s.id, QStringLiteral("switch ") + s.id, s.itemId, s.rackId, s.positionU);
        for (const Gateway &g : m_design.gateways)
            place(byRack, g.id, QStringLiteral("gateway ") + g.id, g.itemId, g.rackId, g.positionU);
        for (const StorageArray &a : m_design.storage)
            place(byRack, a.id, QStringLiteral("storage array ") + a.id, a.itemId, a.rackId, a.positionU);

        for (const Rack &rack : m_design.racks) {
            m_result.capacity.rackUnitsAvailable += rack.heightU;
            auto found = byRack.find(rack.id);
            if (found == byRack.end())
                continue;
            std::vector<Placement> &placements = found->second;
            std::stable_sort(placements.begin(), placements.end(),
                             [](const Placement &a, const Placement &b) { return a.bottom < b.bottom; });
            const Placement *highest = nullptr; // the placement reaching highest so far
            for (const Placement &p : placements) {
                if (reachesAboveRack(p.bottom, p.top - p.bottom, rack.heightU)) {
                    error(QStringLiteral("%1 at U%2 needs U%2–%3 but rack %4 has %5 U: move it down or into a taller rack")
                              .arg(p.what, uText(p.bottom), uText(p.top - 1.0), rack.id)
                              .arg(rack.heightU),
                          p.deviceId);
                }
                if (highest != nullptr && p.bottom + rackUnitSlack < highest->top) {
                    error(QStringLiteral("%1 at U%2 overlaps %3 (U%4–%5) in rack %6: move one of them to free U")
                              .arg(p.what, uText(p.bottom), highest->what, uText(highest->bottom),
                                   uText(highest->top - 1.0), rack.id),
                          p.deviceId);
                }
                if (highest == nullptr || p.top > highest->top)
                    highest = &p;
            }
        }
    }

    // ---- slots and modules ----------------------------------------------------------------

    void checkServerSlots(const Server &server)
    {
        const PinnedItem *chassis = item(server.itemId, server.id);
        if (chassis == nullptr)
            return;
        const int pcie = count(*chassis, u"pcie_slots", server.id);
        const int mezzanine = count(*chassis, u"mezzanine_slots", server.id);
        m_result.capacity.pcieSlotsAvailable += pcie;
        m_result.capacity.mezzanineSlotsAvailable += mezzanine;
        for (const SlotItem &adapter : server.adapters) {
            const PinnedItem *card = item(adapter.itemId, server.id);
            if (card == nullptr)
                continue;
            const QString formFactor = specText(*card, u"form_factor");
            const bool wantsMezzanine = needsMezzanineSlot(*card);
            const QString where = QStringLiteral("%1 in slot %2 of server %3")
                                      .arg(displayName(*card)).arg(adapter.slot).arg(server.id);
            if (adapter.slot > pcie + mezzanine) {
                error(QStringLiteral("%1: the %2 has %3 slots (%4 PCIe, %5 mezzanine); use a free slot or a server with more")
                          .arg(where, displayName(*chassis))
                          .arg(pcie + mezzanine)
                          .arg(pcie)
                          .arg(mezzanine),
                      server.id);
                continue;
            }
            const bool inMezzanineSlot = isMezzanineSlot(adapter.slot, pcie);
            if (wantsMezzanine != inMezzanineSlot) {
                error(QStringLiteral("%1: a %2 adapter needs a %3 slot; slot %4 is a %5 slot, so move it")
                          .arg(where, formFactor.isEmpty() ? QStringLiteral("PCIe") : formFactor,
                               wantsMezzanine ? QStringLiteral("mezzanine") : QStringLiteral("PCIe"))
                          .arg(adapter.slot)
                          .arg(inMezzanineSlot ? QStringLiteral("mezzanine") : QStringLiteral("PCIe")),
                      server.id);
                continue;
            }
            ++(inMezzanineSlot ? m_result.capacity.mezzanineSlotsUsed : m_result.capacity.pcieSlotsUsed);
        }
    }

    void checkGatewayModules(const Gateway &gateway)
    {
        const PinnedItem *chassis = item(gateway.itemId, gateway.id);
        if (chassis == nullptr)
            return;
        const int slots = count(*chassis, u"module_slots", gateway.id);
        m_result.capacity.gatewayModuleSlotsAvailable += slots;
        for (const SlotItem &module : gateway.modules) {
            const PinnedItem *it = item(module.itemId, gateway.id);
            if (it == nullptr)
                continue;
            if (module.slot > slots) {
                error(QStringLiteral("%1 in slot %2 of gateway %3: the %4 has %5 module slots; use a free one")
                          .arg(displayName(*it)).arg(module.slot).arg(gateway.id, displayName(*chassis)).arg(slots),
                      gateway.id);
                continue;
            }
            const QString fits = specText(*it, u"chassis");
            if (fits != gateway.itemId) {
                error(QStringLiteral("%1 in slot %2 of gateway %3 fits the %4, not the %5; use a module made for this chassis")
                          .arg(displayName(*it))
                          .arg(module.slot)
                          .arg(gateway.id, fits.isEmpty() ? QStringLiteral("(unknown chassis)") : fits,
                               displayName(*chassis)),
                      gateway.id);
                continue;
            }
            ++m_result.capacity.gatewayModuleSlotsUsed;
        }
    }

    // ---- cables and ports -----------------------------------------------------------------

    static const SlotItem *inSlot(const std::vector<SlotItem> &items, int slot)
    {
        const auto found = std::find_if(items.begin(), items.end(), [slot](const SlotItem &s) { return s.slot == slot; });
        return found != items.end() ? &*found : nullptr;
    }

    // The ports of `end`'s slot and a phrase naming them, or -1 (with an error) when the slot does not exist.
    int portsAt(const CableEnd &end, const QString &cableId, QString &portsName)
    {
        if (const auto s = m_servers.find(end.deviceId); s != m_servers.end()) {
            const Server &server = **s;
            if (end.slot == 0) {
                portsName = QStringLiteral("on-board ports of server ") + server.id;
                const PinnedItem *it = item(server.itemId, server.id);
                return it != nullptr ? specCount(*it, onboardPortFields.count).value_or(0) : -1;
            }
            const SlotItem *adapter = inSlot(server.adapters, end.slot);
            if (adapter == nullptr) {
                error(QStringLiteral("cable %1 uses slot %2 of server %3, which holds no adapter; move the cable or add the adapter")
                          .arg(cableId).arg(end.slot).arg(server.id),
                      cableId);
                return -1;
            }
            const PinnedItem *it = item(adapter->itemId, server.id);
            portsName = QStringLiteral("the %1 in slot %2 of server %3")
                            .arg(it != nullptr ? displayName(*it) : adapter->itemId)
                            .arg(end.slot)
                            .arg(server.id);
            return it != nullptr ? count(*it, devicePortFields.count, server.id) : -1;
        }
        if (const auto s = m_switches.find(end.deviceId); s != m_switches.end()) {
            const Switch &sw = **s;
            portsName = QStringLiteral("switch ") + sw.id;
            if (end.slot != 0) {
                error(QStringLiteral("cable %1 uses slot %2 of switch %3; switch ports are slot 0, so set its slot to 0")
                          .arg(cableId).arg(end.slot).arg(sw.id),
                      cableId);
                return -1;
            }
            const PinnedItem *it = item(sw.itemId, sw.id);
            return it != nullptr ? count(*it, devicePortFields.count, sw.id) : -1;
        }
        if (const auto g = m_gateways.find(end.deviceId); g != m_gateways.end()) {
            const Gateway &gateway = **g;
            const PinnedItem *chassis = item(gateway.itemId, gateway.id);
            if (chassis == nullptr)
                return -1;
            if (end.slot == 0) {
                portsName = QStringLiteral("InfiniBand ports of gateway ") + gateway.id;
                return count(*chassis, gatewayInfiniBandPortFields.count, gateway.id);
            }
            const bool fixed = isFixedGateway(*chassis);
            if (fixed) {
                portsName = QStringLiteral("outside ports of gateway ") + gateway.id;
                if (end.slot == 1)
                    return count(*chassis, gatewayOutsidePortFields.count, gateway.id);
            } else if (const SlotItem *module = inSlot(gateway.modules, end.slot)) {
                portsName = QStringLiteral("the module in slot %1 of gateway %2").arg(end.slot).arg(gateway.id);
                const PinnedItem *it = item(module->itemId, gateway.id);
                return it != nullptr ? count(*it, gatewayOutsidePortFields.count, gateway.id) : -1;
            }
            error(QStringLiteral("cable %1 uses slot %2 of gateway %3, which holds no module; move the cable or add the module")
                      .arg(cableId).arg(end.slot).arg(gateway.id),
                  cableId);
            return -1;
        }
        if (const auto a = m_storage.find(end.deviceId); a != m_storage.end()) {
            portsName = QStringLiteral("storage array ") + (*a)->id;
            if (end.slot != 0) {
                error(QStringLiteral("cable %1 uses slot %2 of storage array %3; its ports are slot 0, so set its slot to 0")
                          .arg(cableId).arg(end.slot).arg((*a)->id),
                      cableId);
                return -1;
            }
            const PinnedItem *it = item((*a)->itemId, (*a)->id);
            return it != nullptr ? count(*it, devicePortFields.count, (*a)->id) : -1;
        }
        return -1; // a fabric end (an uplink), or a dangling id the document reader already refuses
    }

    // With the HA dual-homing assumption every server reaches each kind of fabric it uses through at least
    // two devices (two switches or gateways), so one failure leaves it a path. One warning for all servers.
    void checkDualHoming()
    {
        std::map<FabricKind, QString> kindNames { { FabricKind::Lan, QStringLiteral("LAN") },
            { FabricKind::San, QStringLiteral("SAN") }, { FabricKind::InfiniBand, QStringLiteral("InfiniBand") } };
        QHash<QString, FabricKind> kindOf;
        for (const Fabric &f : m_design.fabrics)
            kindOf.insert(f.id, f.kind);
        std::map<std::pair<QString, FabricKind>, std::set<QString>> peers; // (server, fabric kind) → devices
        for (const Cable &c : m_design.cables) {
            if (!kindOf.contains(c.fabricId))
                continue;
            for (const auto &[near, far] : { std::pair { &c.from, &c.to }, std::pair { &c.to, &c.from } }) {
                if (m_servers.contains(near->deviceId) && !m_fabrics.contains(far->deviceId))
                    peers[{ near->deviceId, kindOf.value(c.fabricId) }].insert(far->deviceId);
            }
        }
        int single = 0;
        QString first;
        for (const auto &[key, devices] : peers) {
            if (devices.size() >= 2)
                continue;
            if (single++ == 0)
                first = QStringLiteral("%1 (%2 through %3)").arg(key.first, kindNames[key.second], *devices.begin());
        }
        if (single > 0) {
            warning(QStringLiteral("the scenario assumes HA dual-homing but %1 server connection(s) to a fabric go "
                                   "through one device only, e.g. %2")
                        .arg(single)
                        .arg(first),
                    first.section(QLatin1Char(' '), 0, 0));
        }
    }

    void checkCables()
    {
        for (const Switch &sw : m_design.switches) {
            if (const PinnedItem *it = item(sw.itemId, sw.id))
                m_result.capacity.switchPortsAvailable += specCount(*it, devicePortFields.count).value_or(0);
        }
        std::map<std::tuple<QString, int, int>, QString> portOwner; // (device, slot, port) → cable
        std::map<QString, std::set<QString>> serversOfGateway;
        for (const Cable &cable : m_design.cables) {
            const CableEnd *ends[] = { &cable.from, &cable.to };
            for (const CableEnd *end : ends) {
                if (m_fabrics.contains(end->deviceId))
                    continue; // an uplink into the existing network
                QString portsName;
                const int ports = portsAt(*end, cable.id, portsName);
                if (ports < 0)
                    continue;
                if (end->port > ports) {
                    error(QStringLiteral("cable %1 uses port %2 of %3, which has %4 ports; use a free port or a device with more")
                              .arg(cable.id).arg(end->port).arg(portsName).arg(ports),
                          cable.id);
                    continue;
                }
                const auto [owner, fresh] = portOwner.emplace(std::make_tuple(end->deviceId, end->slot, end->port), cable.id);
                if (!fresh) {
                    error(QStringLiteral("port %1 of %2 carries two cables: %3 and %4; move one to a free port")
                              .arg(end->port).arg(portsName, owner->second, cable.id),
                          cable.id);
                    continue;
                }
                if (const auto sw = m_switches.find(end->deviceId); sw != m_switches.end()) {
                    ++m_result.capacity.switchPortsUsed;
                    if ((*sw)->fabricId != cable.fabricId) {
                        warning(QStringLiteral("cable %1 is on fabric %2 but switch %3 belongs to fabric %4")
                                    .arg(cable.id, cable.fabricId, (*sw)->id, (*sw)->fabricId),
                                cable.id);
                    }
                }
            }
            // Servers a gateway serves: those cabled straight to its InfiniBand ports.
            for (int i = 0; i < 2; ++i) {
                const CableEnd &gatewayEnd = i == 0 ? cable.from : cable.to;
                const CableEnd &other = i == 0 ? cable.to : cable.from;
                if (gatewayEnd.slot == 0 && m_gateways.contains(gatewayEnd.deviceId) && m_servers.contains(other.deviceId))
                    serversOfGateway[gatewayEnd.deviceId].insert(other.deviceId);
            }
        }
        for (const auto &[gatewayId, servers] : serversOfGateway) {
            const Gateway &gateway = **m_gateways.find(gatewayId);
            const PinnedItem *chassis = item(gateway.itemId, gateway.id);
            if (chassis == nullptr)
                continue;
            const std::optional<int> limit = specCount(*chassis, u"max_servers");
            if (limit && static_cast<int>(servers.size()) > *limit) {
                error(QStringLiteral("gateway %1 serves %2 servers; the %3 serves at most %4, so move some to another gateway")
                          .arg(gateway.id)
                          .arg(servers.size())
                          .arg(displayName(*chassis))
                          .arg(*limit),
                      gateway.id);
            }
        }
    }

    const Design &m_design;
    const PinnedCatalog &m_catalog;
    bool m_dualHoming = false;
    QHash<QString, const Server *> m_servers;
    QHash<QString, const Switch *> m_switches;
    QHash<QString, const Gateway *> m_gateways;
    QHash<QString, const StorageArray *> m_storage;
    QSet<QString> m_fabrics;
    DesignCheck m_result;
};

} // namespace

std::optional<double> specRackHeightU(const PinnedItem &item)
{
    const std::optional<double> height = specNumber(item, u"u_height");
    return height && *height > 0.0 ? height : std::nullopt;
}

bool reachesAboveRack(double positionU, double heightU, int rackHeightU)
{
    return positionU + heightU > rackHeightU + 1.0 + rackUnitSlack;
}

bool rackExtentsOverlap(double bottomA, double topA, double bottomB, double topB)
{
    return bottomA + rackUnitSlack < topB && bottomB + rackUnitSlack < topA;
}

bool needsMezzanineSlot(const PinnedItem &adapter)
{
    const QString formFactor = specText(adapter, u"form_factor");
    return formFactor == u"mezzanine" || formFactor == u"ocp3";
}

bool isFixedGateway(const PinnedItem &chassis)
{
    return specCount(chassis, u"module_slots").value_or(0) == 0;
}

DesignCheck checkDesign(const Scenario &scenario, const PinnedCatalog &catalog)
{
    return Checker(scenario, catalog).run();
}

} // namespace iovplan::cost
