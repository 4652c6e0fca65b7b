#pragma once
// The lookups the design edits share (model/edit/designedits.h): devices by id, fresh ids, the free space
// of a rack, the ports of a device and which of them carry cables, fabrics by protocol. Each is one pass
// over the design, so an edit stays linear in the design's size.

#include "model/design/itemspecs.h"
#include "model/design/scenario.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <cstddef>
#include <map>
#include <optional>
#include <vector>

namespace iovplan::edit::detail {

/// The kinds of device a rack holds.
enum class DeviceKind { Server, Switch, Gateway, Storage };

/// A placed device of a design: its kind and its index in that kind's list.
struct DeviceRef
{
    DeviceKind kind = DeviceKind::Server;
    std::size_t index = 0;
};

/// What every placed device has, read through a DeviceRef.
struct Placed
{
    QString id;
    QString itemId;
    QString rackId;
    int positionU = 1;
};

/// "server", "switch", "gateway", "storage array".
[[nodiscard]] QString deviceKindName(DeviceKind kind);
/// The device `id` of `design`, if there is one (a linear scan).
[[nodiscard]] std::optional<DeviceRef> findDevice(const design::Design &design, const QString &id);
/// The placement fields of a device.
[[nodiscard]] Placed placed(const design::Design &design, DeviceRef ref);
/// Moves a device to `rackId` at `positionU`.
void setPlacement(design::Design &design, DeviceRef ref, const QString &rackId, int positionU);
/// Every placed device, servers then switches, gateways and storage arrays, in design order.
[[nodiscard]] std::vector<DeviceRef> allDevices(const design::Design &design);
/// The pinned item `itemId`, or null.
[[nodiscard]] const design::PinnedItem *pinned(const design::PinnedCatalog &catalog, const QString &itemId);
/// "HP ProLiant DL380 G5", or the id when the item is not pinned.
[[nodiscard]] QString itemName(const design::PinnedCatalog &catalog, const QString &itemId);
/// The rack `id`, or null.
[[nodiscard]] const design::Rack *findRack(const design::Design &design, const QString &id);

/// Hands out fresh ids "prefix-N" for one edit: N continues after the largest in use (or handed out).
class IdAllocator
{
public:
    explicit IdAllocator(const design::Design &design) : m_design(design) { }
    [[nodiscard]] QString next(const QString &prefix);

private:
    const design::Design &m_design;
    std::map<QString, qint64> m_last;
};

/// The largest N of the ids "prefix-N" of `design` (0 when none).
[[nodiscard]] qint64 largestIdNumber(const design::Design &design, const QString &prefix);

/// The occupied U of one rack, for placing devices into it one after another.
class RackSpace
{
public:
    /// The devices of `rack` (except `ignoreDeviceId`) as they sit in `design`.
    RackSpace(const design::Design &design, const design::PinnedCatalog &catalog, const design::Rack &rack,
              const QString &ignoreDeviceId = {});
    /// Empty when `heightU` from `positionU` fits, else why not (naming the device in the way).
    [[nodiscard]] QString refusal(const QString &what, int positionU, double heightU) const;
    /// The lowest whole U at or above `fromU` where `heightU` fits, if any.
    [[nodiscard]] std::optional<int> lowestFree(int fromU, double heightU) const;
    /// Marks `heightU` from `positionU` taken by `deviceId`.
    void take(const QString &deviceId, int positionU, double heightU);

private:
    struct Extent
    {
        double bottom = 0.0;
        double top = 0.0;
        QString deviceId;
    };
    // The first extent overlapping [bottom, top), or null.
    [[nodiscard]] const Extent *overlapping(double bottom, double top) const;

    design::Rack m_rack;
    std::vector<Extent> m_extents; // sorted by bottom
};

/// The ports of one slot of a device (see CableEnd): slot, count, protocol, speed.
struct PortGroup
{
    int slot = 0;
    int count = 0;
    QString protocol;
    double speedGbps = 0.0;
};
/// A device's port groups in slot order, as model/cost/designcheck counts them.
[[nodiscard]] std::vector<PortGroup> portGroups(const design::Design &design, const design::PinnedCatalog &catalog,
                                                DeviceRef ref);

/// A port with a cable on it.
struct UsedPort
{
    int slot = 0;
    int port = 0;
    QString cableId;
};
/// The ports carrying cables, by device id (fabric ends are left out).
using PortUse = QHash<QString, std::vector<UsedPort>>;
/// Which ports of the design's devices carry cables.
[[nodiscard]] PortUse portUse(const design::Design &design);
/// The cable on (device, slot, port) according to `use`, empty when free.
[[nodiscard]] QString cableAt(const PortUse &use, const QString &deviceId, int slot, int port);

/// The fabric kind carrying `protocol` ("ethernet" LAN, "fibre-channel" SAN, "infiniband"), if any.
[[nodiscard]] std::optional<design::FabricKind> fabricKindOf(const QString &protocol);
/// The protocol a fabric of `kind` carries.
[[nodiscard]] QString protocolOf(design::FabricKind kind);
/// "LAN", "SAN", "InfiniBand".
[[nodiscard]] QString fabricKindTitle(design::FabricKind kind);
/// The design's first fabric of `kind`, or a new one (its id appended to `created`).
QString fabricFor(design::Design &design, design::FabricKind kind, IdAllocator &ids, QStringList &created);
/// The fabric `id`, or null.
[[nodiscard]] const design::Fabric *findFabric(const design::Design &design, const QString &id);

/// The group new servers join: the first server's, else the first VM profile's, else "servers".
[[nodiscard]] QString defaultServerGroup(const design::Scenario &scenario);

/// Servers each gateway serves (cabled to its InfiniBand ports, slot 0), by gateway id.
[[nodiscard]] QHash<QString, QSet<QString>> gatewayServers(const design::Design &design);

} // namespace iovplan::edit::detail
