#include "serverpaths.h"

#include "linkrates.h"
#include "serverload.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <set>

namespace iovplan::iov {

using namespace iovplan::design;

namespace {

// Migration copies guest memory in bulk (estimate: 64 KiB sends, like a streaming benchmark).
constexpr double migrationMessageBytes = 65536.0;

// Protocol family of an adapter or device: "ethernet", "fibre-channel" or "infiniband" ("vpi" counts as
// InfiniBand: VPI adapters of this catalog run their ports as InfiniBand by default).
QString family(const PinnedItem &item, QStringView field = u"protocol")
{
    const QString p = specText(item, field);
    return p == u"vpi" ? QStringLiteral("infiniband") : p;
}

class PathReader
{
public:
    PathReader(const Scenario &scenario, const PinnedCatalog &catalog)
        : m_scenario(scenario), m_design(scenario.design), m_catalog(catalog), m_mode(iovModeModel(scenario.iovMode))
    {
        for (const Fabric &f : m_design.fabrics)
            m_fabrics.insert(f.id, &f);
        for (const Server &s : m_design.servers)
            m_servers.insert(s.id, &s);
        for (const Switch &s : m_design.switches)
            m_switches.insert(s.id, &s);
        for (const Gateway &g : m_design.gateways)
            m_gateways.insert(g.id, &g);
        for (const Cable &c : m_design.cables) {
            m_cablesOf[c.from.deviceId].push_back(&c);
            if (c.to.deviceId != c.from.deviceId)
                m_cablesOf[c.to.deviceId].push_back(&c);
        }
    }

    DesignPaths read(std::optional<double> vmsPerServer)
    {
        readSharedStations();
        readStorageArrays();
        readAttachedPorts();
        for (const Server &server : m_design.servers)
            m_result.servers.push_back(serverModel(server, vmsPerServer));
        return std::move(m_result);
    }

private:
    const PinnedItem *item(const QString &id) const
    {
        const auto found = m_catalog.find(id);
        return found != m_catalog.end() ? &found->second : nullptr;
    }

    void problem(Severity severity, const QString &message, const QString &object)
    {
        if (m_reported.insert(message).second)
            m_result.problems.push_back({ severity, message, object });
    }

    // The far end of `cable` seen from `device` (and its slot).
    static const CableEnd &otherEnd(const Cable &cable, const QString &device, int slot)
    {
        return cable.from.deviceId == device && cable.from.slot == slot ? cable.to : cable.from;
    }

    std::optional<FabricKind> fabricKind(const QString &fabricId) const
    {
        const auto f = m_fabrics.find(fabricId);
        return f != m_fabrics.end() ? std::optional<FabricKind>((*f)->kind) : std::nullopt;
    }

    // ---- shared stations: switch uplinks and gateway modules -------------------------------

    void readSharedStations()
    {
        for (const Switch &sw : m_design.switches) {
            const PinnedItem *it = item(sw.itemId);
            if (it == nullptr)
                continue;
            const std::optional<double> rate = usablePortBytesPerS(family(*it), specNumber(*it, u"speed_gbps").value_or(0.0));
            int uplinks = 0;
            for (const Cable *c : m_cablesOf.value(sw.id)) {
                const CableEnd &far = otherEnd(*c, sw.id, c->from.deviceId == sw.id ? c->from.slot : c->to.slot);
                if (m_fabrics.contains(far.deviceId))
                    ++uplinks;
            }
            if (uplinks > 0 && rate) {
                SharedStation &s = m_result.shared[uplinkName(sw.id)];
                s = { uplinkName(sw.id), uplinks, *rate, 0.0, 0.0, 0.0, {} };
                s.exitFabrics = exitFabricsOf(sw.id, -1);
            }
        }
        for (const Gateway &gw : m_design.gateways) {
            const PinnedItem *chassis = item(gw.itemId);
            if (chassis == nullptr)
                continue;
            // Outside ports count only when cabled: the module's slot (a fixed gateway's outside ports are slot 1).
            const auto cabledPorts = [&](int slot) {
                std::set<int> ports;
                for (const Cable *c : m_cablesOf.value(gw.id)) {
                    for (const CableEnd *end : { &c->from, &c->to }) {
                        if (end->deviceId == gw.id && end->slot == slot)
                            ports.insert(end->port);
                    }
                }
                return static_cast<int>(ports.size());
            };
            const auto addSide = [&](const PinnedItem &source, const QString &side, double latencyS, int slot) {
                const int ports = std::min(specCount(source, u"ext_ports").value_or(0), cabledPorts(slot));
                if (ports == 0 && specCount(source, u"ext_ports").value_or(0) > 0) {
                    problem(Severity::Warning,
                            QStringLiteral("the %1 in slot %2 of gateway %3 has no cable on its outside ports: "
                                           "traffic cannot leave through it").arg(displayName(source)).arg(slot).arg(gw.id),
                            gw.id);
                }
                const std::optional<double> rate = usablePortBytesPerS(
                    family(source, u"ext_protocol"), specNumber(source, u"ext_speed_gbps").value_or(0.0));
                if (ports <= 0 || !rate)
                    return;
                // The module's bridging throughput caps its ports together (catalog throughput_gbps).
                const int allPorts = specCount(source, u"ext_ports").value_or(ports);
                double perPort = *rate;
                if (const std::optional<double> t = specNumber(source, u"throughput_gbps"); t && *t > 0.0)
                    perPort = std::min(perPort, *t * 1e9 / 8.0 / allPorts);
                SharedStation &s = m_result.shared[gatewayName(gw.id, side)];
                s.name = gatewayName(gw.id, side);
                for (const QString &f : exitFabricsOf(gw.id, slot)) {
                    if (std::find(s.exitFabrics.begin(), s.exitFabrics.end(), f) == s.exitFabrics.end())
                        s.exitFabrics.push_back(f);
                }
                // Modules of one kind add ports; keep the slowest port rate (conservative).
                s.portBytesPerS = s.ports == 0 ? perPort : std::min(s.portBytesPerS, perPort);
                s.ports += ports;
                s.latencyS = std::max(s.latencyS, latencyS);
            };
            const double chassisLatency = specNumber(*chassis, u"latency_ns").value_or(0.0) * 1e-9;
            if (specCount(*chassis, u"module_slots").value_or(0) == 0) {
                const QString side = family(*chassis, u"ext_protocol") == u"fibre-channel" ? QStringLiteral("fc")
                                                                                          : QStringLiteral("ethernet");
                addSide(*chassis, side, specNumber(*chassis, u"latency_us").value_or(0.0) * 1e-6, 1);
            }
            for (const SlotItem &m : gw.modules) {
                const PinnedItem *module = item(m.itemId);
                if (module == nullptr)
                    continue;
                const QString side = family(*module, u"ext_protocol") == u"fibre-channel" ? QStringLiteral("fc")
                                                                                         : QStringLiteral("ethernet");
                addSide(*module, side, chassisLatency + specNumber(*module, u"latency_us").value_or(0.0) * 1e-6, m.slot);
            }
        }
    }

    // The fabrics `device`'s uplink cables (from `slot`, any slot when -1) lead into.
    std::vector<QString> exitFabricsOf(const QString &device, int slot) const
    {
        std::vector<QString> fabrics;
        for (const Cable *c : m_cablesOf.value(device)) {
            const bool fromHere = c->from.deviceId == device && (slot < 0 || c->from.slot == slot);
            const bool toHere = c->to.deviceId == device && (slot < 0 || c->to.slot == slot);
            const CableEnd *far = fromHere ? &c->to : toHere ? &c->from : nullptr;
            if (far != nullptr && m_fabrics.contains(far->deviceId)
                && std::find(fabrics.begin(), fabrics.end(), far->deviceId) == fabrics.end())
                fabrics.push_back(far->deviceId);
        }
        return fabrics;
    }

    // Storage arrays: the back end of the SAN traffic, one station each (its bytes/s and IOPS).
    void readStorageArrays()
    {
        for (const StorageArray &array : m_design.storage) {
            const PinnedItem *it = item(array.itemId);
            if (it == nullptr)
                continue;
            const double mbps = specNumber(*it, u"mb_per_s").value_or(0.0);
            if (mbps <= 0.0) {
                problem(Severity::Warning,
                        QStringLiteral("%1 has no MB/s figure in the catalog: it is not modelled as a back end")
                            .arg(displayName(*it)),
                        it->id);
                continue;
            }
            const QString name = QStringLiteral("storage/") + array.id;
            SharedStation &s = m_result.shared[name];
            s.name = name;
            s.ports = 1;
            s.portBytesPerS = mbps * 1e6;
            s.opsPerS = specNumber(*it, u"iops").value_or(0.0);
            m_storageOn[array.fabricId].push_back(name);
        }
    }

    // The arrays a san I/O leaving by a port on `fabricId` through `exit` ends at.
    std::vector<QString> backEndsFor(const QString &fabricId, const QString &exit) const
    {
        if (const auto local = m_storageOn.find(fabricId); local != m_storageOn.end())
            return local->second;
        std::vector<QString> arrays;
        if (const auto s = m_result.shared.find(exit); s != m_result.shared.end()) {
            for (const QString &f : s->second.exitFabrics) {
                if (const auto there = m_storageOn.find(f); there != m_storageOn.end())
                    arrays.insert(arrays.end(), there->second.begin(), there->second.end());
            }
        }
        return arrays;
    }

    // Σ line rate of the server ports cabled to each switch and gateway, for the oversubscription ratios.
    void readAttachedPorts()
    {
        for (const Cable &c : m_design.cables) {
            for (const auto &[serverEnd, far] : { std::pair { &c.from, &c.to }, std::pair { &c.to, &c.from } }) {
                const auto found = m_servers.find(serverEnd->deviceId);
                if (found == m_servers.end())
                    continue;
                const Server *server = *found;
                const auto adapter = std::find_if(server->adapters.begin(), server->adapters.end(),
                                                  [&](const SlotItem &a) { return a.slot == serverEnd->slot; });
                const PinnedItem *it = adapter != server->adapters.end() ? item(adapter->itemId) : nullptr;
                const double rate = it != nullptr
                    ? usablePortBytesPerS(family(*it), specNumber(*it, u"speed_gbps").value_or(0.0)).value_or(0.0)
                    : usablePortBytesPerS(QStringLiteral("ethernet"), 1.0).value_or(0.0);
                QStringList stations;
                if (m_switches.contains(far->deviceId))
                    stations << uplinkName(far->deviceId);
                if (m_gateways.contains(far->deviceId))
                    stations << gatewayName(far->deviceId, QStringLiteral("ethernet")) << gatewayName(far->deviceId, QStringLiteral("fc"));
                for (const QString &name : stations) {
                    if (const auto s = m_result.shared.find(name); s != m_result.shared.end())
                        s->second.attachedBytesPerS += rate;
                }
            }
        }
    }

    static QString uplinkName(const QString &switchId) { return QStringLiteral("uplink/") + switchId; }
    static QString gatewayName(const QString &gatewayId, const QString &side)
    {
        return QStringLiteral("gateway/%1/%2").arg(gatewayId, side);
    }

    // ---- one server --------------------------------------------------------------------------

    // The peer of a server port: its speed, hop latency and the shared station a class reaches through it.
    struct Peer
    {
        double speedGbps = 0.0; ///< 0 = unknown (use the adapter's)
        double latencyS = 0.0;
        QString lanShared; ///< where lan and migration traffic leaves the fabric
        QString sanShared; ///< where san traffic leaves
    };

    Peer peerOf(const CableEnd &far)
    {
        Peer peer;
        if (const auto sw = m_switches.find(far.deviceId); sw != m_switches.end()) {
            if (const PinnedItem *it = item((*sw)->itemId)) {
                peer.speedGbps = specNumber(*it, u"speed_gbps").value_or(0.0);
                peer.latencyS = specNumber(*it, u"latency_ns").value_or(0.0) * 1e-9;
            }
            const QString uplink = uplinkName((*sw)->id);
            if (m_result.shared.count(uplink) != 0) {
                peer.lanShared = uplink;
                peer.sanShared = uplink;
            }
        } else if (const auto gw = m_gateways.find(far.deviceId); gw != m_gateways.end()) {
            if (const PinnedItem *it = item((*gw)->itemId)) {
                peer.speedGbps = specNumber(*it, u"ib_speed_gbps").value_or(0.0);
                peer.latencyS = specNumber(*it, u"latency_ns").value_or(0.0) * 1e-9;
            }
            for (const QString &side : { QStringLiteral("ethernet"), QStringLiteral("fc") }) {
                const QString name = gatewayName((*gw)->id, side);
                if (m_result.shared.count(name) != 0)
                    (side == u"fc" ? peer.sanShared : peer.lanShared) = name;
            }
        }
        return peer;
    }

    // What an adapter model in a server model brings, read once per pair: the catalog is parsed once
    // however many servers carry it.
    struct AdapterFacts
    {
        QString family;
        QString protocol;
        double speedGbps = 0.0;
        double ownBytesPerS = 0.0;
        double latencyS = 0.0;
        bool sharedBus = false;
        double busFromHostBytesPerS = 0.0;
        double busToHostBytesPerS = 0.0;
    };

    const AdapterFacts &adapterFacts(const Server &server, const PinnedItem *chassis, int slot, const PinnedItem *adapter)
    {
        const QString key = server.itemId + QLatin1Char('|') + (adapter != nullptr ? adapter->id : QString());
        if (const auto cached = m_adapterFacts.constFind(key); cached != m_adapterFacts.constEnd())
            return *cached;
        AdapterFacts f;
        if (adapter == nullptr) { // on-board GigE: like the catalog's 2007 GigE NICs (docs/model.md)
            f.family = f.protocol = QStringLiteral("ethernet");
            f.speedGbps = 1.0;
            f.latencyS = 30e-6;
        } else {
            f.family = family(*adapter);
            f.protocol = f.family;
            f.speedGbps = specNumber(*adapter, u"speed_gbps").value_or(0.0);
            f.latencyS = specNumber(*adapter, u"latency_us").value_or(0.0) * 1e-6;
            if (specText(*adapter, u"host_bus") == u"pci-x") {
                f.sharedBus = true;
                f.busFromHostBytesPerS = f.busToHostBytesPerS = usablePcixBytesPerS(
                    specCount(*adapter, u"pcix_bits").value_or(64), specNumber(*adapter, u"pcix_mhz").value_or(133.0));
            } else {
                int gen = specCount(*adapter, u"pcie_gen").value_or(0);
                int lanes = specCount(*adapter, u"pcie_lanes").value_or(0);
                const int slotGen = chassis != nullptr ? specCount(*chassis, u"slot_pcie_gen").value_or(0) : 0;
                const int slotLanes = chassis != nullptr ? specCount(*chassis, u"slot_pcie_lanes").value_or(0) : 0;
                if (slotGen > 0)
                    gen = std::min(gen, slotGen); // a card runs at the slower of card and slot
                if (slotLanes > 0)
                    lanes = std::min(lanes, slotLanes);
                f.busFromHostBytesPerS = usablePcieBytesPerS(gen, lanes, BusDirection::FromHost).value_or(0.0);
                f.busToHostBytesPerS = usablePcieBytesPerS(gen, lanes, BusDirection::ToHost).value_or(0.0);
                if (f.busFromHostBytesPerS <= 0.0) {
                    problem(Severity::Warning,
                            QStringLiteral("%1 has no PCIe generation and lanes in the catalog; its host bus is "
                                           "not modelled").arg(displayName(*adapter)),
                            adapter->id);
                }
            }
            checkMode(server, slot, *adapter);
        }
        f.ownBytesPerS = usablePortBytesPerS(f.protocol, f.speedGbps).value_or(0.0);
        return *m_adapterFacts.insert(key, f);
    }

    const Peer &cachedPeer(const CableEnd &far)
    {
        if (const auto cached = m_peers.constFind(far.deviceId); cached != m_peers.constEnd())
            return *cached;
        return *m_peers.insert(far.deviceId, peerOf(far));
    }

    // The adapters of `server` whose protocol family is `wanted`, with their cabled ports.
    std::vector<AdapterUse> adaptersFor(const Server &server, const QString &wanted, TrafficClass traffic)
    {
        std::vector<AdapterUse> uses;
        const PinnedItem *chassis = item(server.itemId);
        std::vector<std::pair<int, const PinnedItem *>> candidates;
        if (chassis != nullptr && wanted == u"ethernet" && specCount(*chassis, u"lom_ports").value_or(0) > 0)
            candidates.emplace_back(0, nullptr);
        for (const SlotItem &a : server.adapters) {
            const PinnedItem *it = item(a.itemId);
            if (it != nullptr && adapterFacts(server, chassis, a.slot, it).family == wanted)
                candidates.emplace_back(a.slot, it);
        }
        const std::vector<const Cable *> &cables = m_cablesOf[server.id];
        for (const auto &[slot, adapter] : candidates) {
            const AdapterFacts &f = adapterFacts(server, chassis, slot, adapter);
            AdapterUse use;
            use.slot = slot;
            use.itemId = adapter != nullptr ? adapter->id : server.itemId;
            for (const Cable *c : cables) {
                const bool fromHere = c->from.deviceId == server.id && c->from.slot == slot;
                const bool toHere = c->to.deviceId == server.id && c->to.slot == slot;
                if (!fromHere && !toHere)
                    continue;
                const std::optional<FabricKind> kind = fabricKind(c->fabricId);
                const bool rightFabric = !kind
                    || (wanted == u"infiniband" ? *kind == FabricKind::InfiniBand
                                                : (traffic == TrafficClass::San) == (*kind == FabricKind::San));
                if (!rightFabric)
                    continue;
                const Peer &peer = cachedPeer(fromHere ? c->to : c->from);
                const double negotiated = peer.speedGbps > 0.0 ? negotiatedGbps(f.speedGbps, peer.speedGbps) : f.speedGbps;
                PortLink port;
                port.adapterBytesPerS = f.ownBytesPerS;
                port.bytesPerS = negotiated == f.speedGbps
                    ? f.ownBytesPerS
                    : usablePortBytesPerS(f.protocol, negotiated).value_or(f.ownBytesPerS);
                port.peerLatencyS = peer.latencyS;
                port.sharedStation = traffic == TrafficClass::Ipc ? QString()
                    : traffic == TrafficClass::San                ? peer.sanShared
                                                                  : peer.lanShared;
                if (traffic == TrafficClass::San) {
                    // Arrays on the port's own fabric are reached inside it (no exit); else through the exit.
                    if (m_storageOn.count(c->fabricId) != 0)
                        port.sharedStation.clear();
                    port.backEnds = backEndsFor(c->fabricId, port.sharedStation);
                }
                use.ports.push_back(port);
            }
            if (use.ports.empty())
                continue;
            use.latencyS = f.latencyS;
            use.sharedBus = f.sharedBus;
            use.busFromHostBytesPerS = f.busFromHostBytesPerS;
            use.busToHostBytesPerS = f.busToHostBytesPerS;
            uses.push_back(std::move(use));
        }
        return uses;
    }

    void checkMode(const Server &server, int slot, const PinnedItem &adapter)
    {
        const QString modes = specText(adapter, u"iov_modes");
        const QString mode = iovModeName(m_scenario.iovMode);
        if (modes.isEmpty()) {
            problem(Severity::Warning,
                    QStringLiteral("%1 lists no IOV modes in the catalog; assumed to support %2 IOV")
                        .arg(displayName(adapter), mode),
                    adapter.id);
            return;
        }
        if (!modes.split(QLatin1Char(';')).contains(mode)) {
            problem(Severity::Error,
                    QStringLiteral("%1 (slot %2 of server %3 and others like it) does not support %4 IOV; it supports %5: change the mode or the adapter")
                        .arg(displayName(adapter))
                        .arg(slot)
                        .arg(server.id, mode, modes.split(QLatin1Char(';')).join(QStringLiteral(", "))),
                    adapter.id);
        }
    }

    ServerModel serverModel(const Server &server, std::optional<double> vmsPerServer)
    {
        ServerModel model;
        model.serverId = server.id;
        const PinnedItem *chassis = item(server.itemId);
        if (chassis != nullptr) {
            model.cores = std::max(1, specCount(*chassis, u"cores").value_or(0));
            model.ghz = specNumber(*chassis, u"ghz").value_or(0.0);
            if (!specCount(*chassis, u"cores") || model.ghz <= 0.0) {
                problem(Severity::Error,
                        QStringLiteral("%1 has no cores or GHz in the catalog: the host CPU cannot be modelled")
                            .arg(displayName(*chassis)),
                        chassis->id);
                model.ghz = std::max(model.ghz, 1.0);
            }
        }
        const ServerLoad load = serverLoad(server, m_scenario.workload, vmsPerServer);
        model.vms = load.vms;
        model.vmCores = load.vmCores;

        const auto addPath = [&](TrafficClass traffic, double bytes, double messageBytes) {
            if (bytes <= 0.0)
                return;
            ClassPath path;
            path.traffic = traffic;
            path.bytesPerS = bytes;
            path.messageBytes = messageBytes;
            path.cpuPasses = traffic == TrafficClass::Ipc ? 2 : 1;
            if (traffic == TrafficClass::San) {
                path.adapters = adaptersFor(server, QStringLiteral("fibre-channel"), traffic);
                path.transport = Transport::FibreChannel;
                if (path.adapters.empty()) {
                    path.adapters = adaptersFor(server, QStringLiteral("infiniband"), traffic);
                    path.transport = Transport::Srp;
                }
            } else {
                path.adapters = adaptersFor(server, QStringLiteral("ethernet"), traffic);
                path.transport = Transport::Tcp;
                if (path.adapters.empty()) {
                    path.adapters = adaptersFor(server, QStringLiteral("infiniband"), traffic);
                    const bool rdma = load.rdma && traffic == TrafficClass::Ipc && m_mode.offersRdmaToVms();
                    path.transport = rdma ? Transport::Rdma : Transport::IpoIb;
                }
            }
            if (load.rdma && !m_mode.offersRdmaToVms()) {
                problem(Severity::Warning,
                        QStringLiteral("%1 IOV gives VMs no RDMA (they see legacy virtual NICs): the profile's "
                                       "RDMA traffic is carried as TCP/IP through the hypervisor")
                            .arg(iovModeName(m_scenario.iovMode)),
                        server.group);
            }
            if (path.adapters.empty()) {
                problem(Severity::Error,
                        QStringLiteral("server %1 offers %2 traffic but no cabled adapter carries it: cable an adapter for it to a fabric")
                            .arg(server.id, trafficClassName(traffic)),
                        server.id);
                return;
            }
            path.stages = m_mode.cpuStages(path.transport);
            model.paths.push_back(std::move(path));
        };
        addPath(TrafficClass::Lan, load.lanBytes, load.networkMessageBytes);
        addPath(TrafficClass::San, load.sanBytes, load.sanMessageBytes);
        addPath(TrafficClass::Ipc, load.ipcBytes, load.networkMessageBytes);
        addPath(TrafficClass::Migration, load.migrationBytes, migrationMessageBytes);
        model.vmLimit = vmLimitOf(model);
        model.signature = signatureOf(server, model);
        return model;
    }

    // Native and passthrough IOV give every VM a piece of each adapter it uses: the adapter's CIOV end points
    // or SR-IOV virtual functions cap the VMs per server (issue 4: "virtual-function count limits").
    std::optional<int> vmLimitOf(const ServerModel &model)
    {
        const QStringList fields = m_mode.vmEndpointSpecs();
        if (fields.isEmpty())
            return std::nullopt;
        std::optional<int> limit;
        for (const ClassPath &path : model.paths) {
            for (const AdapterUse &a : path.adapters) {
                const PinnedItem *adapter = a.slot > 0 ? item(a.itemId) : nullptr;
                if (adapter == nullptr)
                    continue;
                QString field;
                std::optional<int> count;
                for (const QString &candidate : fields) {
                    count = specCount(*adapter, candidate);
                    // Zero means "not offered" (a GigE NIC's virtual_functions): try the other figure.
                    if (count && *count > 0) {
                        field = candidate;
                        break;
                    }
                }
                if (field.isEmpty()) {
                    problem(Severity::Warning,
                            QStringLiteral("%1 gives no %2 in the catalog: the VMs it can serve in %3 IOV are not limited")
                                .arg(displayName(*adapter), fields.join(QStringLiteral(" or ")), iovModeName(m_scenario.iovMode)),
                            adapter->id);
                    continue;
                }
                limit = std::min(limit.value_or(*count), *count);
                if (model.vms > *count + 1e-9) {
                    problem(Severity::Error,
                            QStringLiteral("servers run %1 VMs but the %2 offers %3 %4: %5 IOV gives each VM its own, so run fewer VMs per server")
                                .arg(model.vms)
                                .arg(displayName(*adapter))
                                .arg(*count)
                                .arg(field == u"virtual_functions" ? QStringLiteral("virtual functions")
                                                                   : QStringLiteral("CIOV end points"),
                                     iovModeName(m_scenario.iovMode)),
                            adapter->id);
                }
            }
        }
        return limit;
    }

    // Servers whose loads, CPUs and paths (down to the shared stations) are equal behave identically. The
    // key holds the raw bytes of every figure (no number formatting: this runs once per server).
    static QByteArray signatureOf(const Server &server, const ServerModel &model)
    {
        QByteArray key;
        const auto add = [&key](auto value) { key.append(reinterpret_cast<const char *>(&value), sizeof value); };
        const auto addText = [&key, &add](const QString &text) {
            add(text.size());
            key.append(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
        };
        addText(server.itemId);
        add(model.vms);
        add(model.vmCores);
        for (const ClassPath &p : model.paths) {
            add(static_cast<int>(p.traffic));
            add(static_cast<int>(p.transport));
            add(p.bytesPerS);
            add(p.messageBytes);
            add(p.stages.size());
            for (const AdapterUse &a : p.adapters) {
                add(a.slot);
                addText(a.itemId);
                add(a.busFromHostBytesPerS);
                add(a.busToHostBytesPerS);
                for (const PortLink &port : a.ports) {
                    add(port.bytesPerS);
                    add(port.peerLatencyS);
                    addText(port.sharedStation);
                    for (const QString &backEnd : port.backEnds)
                        addText(backEnd);
                }
            }
        }
        return key;
    }

    const Scenario &m_scenario;
    const Design &m_design;
    const PinnedCatalog &m_catalog;
    const IovModeModel &m_mode;
    QHash<QString, const Fabric *> m_fabrics;
    QHash<QString, const Server *> m_servers;
    QHash<QString, const Switch *> m_switches;
    QHash<QString, const Gateway *> m_gateways;
    QHash<QString, std::vector<const Cable *>> m_cablesOf;
    QHash<QString, AdapterFacts> m_adapterFacts;
    std::map<QString, std::vector<QString>> m_storageOn; ///< fabric id → storage stations on it
    QHash<QString, Peer> m_peers;
    std::set<QString> m_reported;
    DesignPaths m_result;
};

} // namespace

QString trafficClassName(TrafficClass traffic)
{
    switch (traffic) {
    case TrafficClass::Lan:
        return QStringLiteral("lan");
    case TrafficClass::San:
        return QStringLiteral("san");
    case TrafficClass::Ipc:
        return QStringLiteral("ipc");
    case TrafficClass::Migration:
        return QStringLiteral("migration");
    }
    return {};
}

DesignPaths designPaths(const Scenario &scenario, const PinnedCatalog &catalog, std::optional<double> vmsPerServer)
{
    return PathReader(scenario, catalog).read(vmsPerServer);
}

DesignPaths scaledLoads(DesignPaths paths, double factor)
{
    for (ServerModel &server : paths.servers) {
        server.vms *= factor;
        server.vmCores *= factor;
        for (ClassPath &path : server.paths)
            path.bytesPerS *= factor;
    }
    return paths;
}

} // namespace iovplan::iov
