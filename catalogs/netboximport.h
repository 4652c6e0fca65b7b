#pragma once

#include "catalogrows.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace iovplan::catalogs {

/// A draft catalog item read from a NetBox devicetype-library file, for the user to review, complete
/// (price, and the fields NetBox does not describe) and then add with CatalogEditor::addItem().
struct NetboxImportResult
{
    CatalogItemDraft draft;     ///< catalog "user"; no price; specs sourced "NetBox devicetype-library: <file>"
    QStringList missingFields;  ///< what the draft still needs before addItem() accepts it (price and specs)
    QStringList notes;          ///< what was guessed or left out, for the reviewer
    QString error;              ///< "file:line: ..." when the YAML is malformed or has wrong types
    [[nodiscard]] bool ok() const { return error.isEmpty(); }
};

/// Reads a NetBox device-type or module-type YAML (github.com/netbox-community/devicetype-library):
/// manufacturer, model, part_number, u_height, is_full_depth, interfaces (name, type, mgmt_only) and
/// power-ports (maximum_draw, allocated_draw). A module type (no slug and no u_height) becomes an
/// adapter; a device type with at least kNetboxSwitchMinPorts data interfaces a switch, otherwise a
/// server. Data interfaces are grouped by protocol and speed: the largest group gives ports and
/// speed_gbps (a switch's second group uplink_*); power gives watts_max and watts_typical. fileName
/// labels errors and sources (use the path inside the library, e.g. "device-types/Dell/R650.yaml").
[[nodiscard]] NetboxImportResult readNetboxDeviceType(const QByteArray &yaml, const QString &fileName);

/// Reads the file at path as above; sources name the path from "device-types/" or "module-types/" on
/// when it contains one, else the file name.
[[nodiscard]] NetboxImportResult readNetboxDeviceTypeFile(const QString &path);

/// A NetBox YAML larger than this is refused before it is parsed (docs/limits.md): the library's
/// largest device types (chassis switches with hundreds of interfaces) stay under 100 KB.
inline constexpr qint64 kNetboxMaxFileBytes = qint64(1024) * 1024;

/// A device with this many data interfaces (not mgmt_only, not virtual) or more is taken for a switch.
/// Servers rarely have more than 4-6 onboard ports; the smallest managed switches have 8.
inline constexpr int kNetboxSwitchMinPorts = 8;

} // namespace iovplan::catalogs
