// Writing *.iovplan documents: the current version, deterministic bytes (docs/document-format.md).
#include "projectdocument.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace iovplan::io {

using namespace iovplan::design;

namespace {

QJsonValue optionalNumber(const std::optional<double> &x)
{
    return x ? QJsonValue(*x) : QJsonValue(QJsonValue::Null);
}

QJsonObject itemJson(const PinnedItem &item)
{
    QJsonArray specs;
    for (const PinnedSpec &spec : item.specs)
        specs.append(QJsonObject { { QStringLiteral("field"), spec.field }, { QStringLiteral("value"), spec.value },
            { QStringLiteral("unit"), spec.unit }, { QStringLiteral("source"), spec.source } });
    return QJsonObject {
        { QStringLiteral("kind"), item.kind },
        { QStringLiteral("vendor"), item.vendor },
        { QStringLiteral("model"), item.model },
        { QStringLiteral("part_number"), item.partNumber },
        { QStringLiteral("description"), item.description },
        { QStringLiteral("price_usd"), item.priceUsd },
        { QStringLiteral("price_date"), item.priceDate },
        { QStringLiteral("price_source"), item.priceSource },
        { QStringLiteral("maintenance_pct_per_year"), optionalNumber(item.maintenancePctPerYear) },
        { QStringLiteral("maintenance_source"), item.maintenanceSource },
        { QStringLiteral("specs"), specs },
    };
}

QJsonArray slotsJson(const std::vector<SlotItem> &slots)
{
    QJsonArray out;
    for (const SlotItem &slot : slots)
        out.append(QJsonObject { { QStringLiteral("slot"), slot.slot }, { QStringLiteral("item_id"), slot.itemId } });
    return out;
}

QJsonArray stringsJson(const std::vector<QString> &strings)
{
    QJsonArray out;
    for (const QString &text : strings)
        out.append(text);
    return out;
}

QJsonObject endJson(const CableEnd &end)
{
    return QJsonObject { { QStringLiteral("device_id"), end.deviceId }, { QStringLiteral("slot"), end.slot },
        { QStringLiteral("port"), end.port } };
}

QJsonObject designJson(const Design &d)
{
    QJsonArray racks, servers, switches, gateways, storage, fabrics, cables;
    for (const Rack &r : d.racks)
        racks.append(QJsonObject { { QStringLiteral("id"), r.id }, { QStringLiteral("name"), r.name },
            { QStringLiteral("height_u"), r.heightU } });
    for (const Fabric &f : d.fabrics)
        fabrics.append(QJsonObject { { QStringLiteral("id"), f.id },
            { QStringLiteral("kind"), fabricKindName(f.kind) }, { QStringLiteral("name"), f.name } });
    for (const Server &s : d.servers)
        servers.append(QJsonObject { { QStringLiteral("id"), s.id }, { QStringLiteral("name"), s.name },
            { QStringLiteral("item_id"), s.itemId }, { QStringLiteral("rack_id"), s.rackId },
            { QStringLiteral("position_u"), s.positionU }, { QStringLiteral("group"), s.group },
            { QStringLiteral("adapters"), slotsJson(s.adapters) } });
    for (const Switch &s : d.switches)
        switches.append(QJsonObject { { QStringLiteral("id"), s.id }, { QStringLiteral("name"), s.name },
            { QStringLiteral("item_id"), s.itemId }, { QStringLiteral("rack_id"), s.rackId },
            { QStringLiteral("position_u"), s.positionU }, { QStringLiteral("fabric_id"), s.fabricId } });
    for (const Gateway &g : d.gateways)
        gateways.append(QJsonObject { { QStringLiteral("id"), g.id }, { QStringLiteral("name"), g.name },
            { QStringLiteral("item_id"), g.itemId }, { QStringLiteral("rack_id"), g.rackId },
            { QStringLiteral("position_u"), g.positionU }, { QStringLiteral("modules"), slotsJson(g.modules) } });
    for (const StorageArray &a : d.storage)
        storage.append(QJsonObject { { QStringLiteral("id"), a.id }, { QStringLiteral("name"), a.name },
            { QStringLiteral("item_id"), a.itemId }, { QStringLiteral("rack_id"), a.rackId },
            { QStringLiteral("position_u"), a.positionU }, { QStringLiteral("fabric_id"), a.fabricId } });
    for (const Cable &c : d.cables)
        cables.append(QJsonObject { { QStringLiteral("id"), c.id }, { QStringLiteral("item_id"), c.itemId },
            { QStringLiteral("fabric_id"), c.fabricId }, { QStringLiteral("from"), endJson(c.from) },
            { QStringLiteral("to"), endJson(c.to) },
            { QStringLiteral("transceiver_item_ids"), stringsJson(c.transceiverItemIds) } });
    return QJsonObject { { QStringLiteral("racks"), racks }, { QStringLiteral("servers"), servers },
        { QStringLiteral("switches"), switches }, { QStringLiteral("gateways"), gateways },
        { QStringLiteral("storage"), storage }, { QStringLiteral("fabrics"), fabrics },
        { QStringLiteral("cables"), cables } };
}

QJsonObject workloadJson(const Workload &w)
{
    QJsonArray profiles;
    for (const VmProfile &v : w.profiles)
        profiles.append(QJsonObject {
            { QStringLiteral("name"), v.name },
            { QStringLiteral("server_group"), v.serverGroup },
            { QStringLiteral("vms_per_server"), v.vmsPerServer },
            { QStringLiteral("vcpus"), v.vcpus },
            { QStringLiteral("network_bytes_per_s"), v.networkBytesPerS },
            { QStringLiteral("network_message_bytes"), v.networkMessageBytes },
            { QStringLiteral("storage_bytes_per_s"), v.storageBytesPerS },
            { QStringLiteral("iops"), v.iops },
            { QStringLiteral("block_bytes"), v.blockBytes },
            { QStringLiteral("ipc_bytes_per_s"), v.ipcBytesPerS },
            { QStringLiteral("migration_bytes_per_s"), v.migrationBytesPerS },
            { QStringLiteral("vcpu_utilization"), v.vcpuUtilization },
            { QStringLiteral("network_transport"), v.rdma ? QStringLiteral("rdma") : QStringLiteral("tcp") },
        });
    return QJsonObject { { QStringLiteral("profiles"), profiles },
        { QStringLiteral("sla"),
            QJsonObject { { QStringLiteral("latency_s"), w.sla.latencyS },
                { QStringLiteral("throughput_bytes_per_s"), w.sla.throughputBytesPerS } } } };
}

QJsonObject assumptionsJson(const Assumptions &a)
{
    return QJsonObject {
        { QStringLiteral("electricity_usd_per_kwh"), a.electricityUsdPerKwh },
        { QStringLiteral("pue"), a.pue },
        { QStringLiteral("years"), a.years },
        { QStringLiteral("maintenance_pct_override"), optionalNumber(a.maintenancePctOverride) },
        { QStringLiteral("ha_dual_homing"), a.haDualHoming },
    };
}

} // namespace

QByteArray writeProjectJson(const Project &project)
{
    QJsonObject catalog;
    for (const auto &[id, item] : project.catalog)
        catalog.insert(id, itemJson(item));
    QJsonArray scenarios;
    for (const Scenario &s : project.scenarios)
        scenarios.append(QJsonObject { { QStringLiteral("name"), s.name },
            { QStringLiteral("design"), designJson(s.design) }, { QStringLiteral("workload"), workloadJson(s.workload) },
            { QStringLiteral("iov_mode"), iovModeName(s.iovMode) },
            { QStringLiteral("assumptions"), assumptionsJson(s.assumptions) } });
    const QJsonObject root {
        { QStringLiteral("format"), QStringLiteral("iovplan") },
        { QStringLiteral("version"), currentDocumentVersion },
        { QStringLiteral("name"), project.name },
        { QStringLiteral("author"), project.author },
        { QStringLiteral("catalog"), catalog },
        { QStringLiteral("scenarios"), scenarios },
    };
    // QJsonObject keeps keys sorted and QJsonDocument writes numbers in shortest round-trip form,
    // so equal projects give equal bytes.
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace iovplan::io
