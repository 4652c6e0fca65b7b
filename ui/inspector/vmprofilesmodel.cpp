#include "vmprofilesmodel.h"

#include <array>

namespace iovplan::ui {

namespace {

constexpr double bytesPerMb = 1e6; // MB/s in the table are decimal megabytes, as in the white paper

struct ColumnInfo
{
    const char *title; ///< header
    const char *key; ///< the document's JSON key, used in merge field names
    const char *meaning; ///< header tooltip
};

constexpr std::array<ColumnInfo, VmProfilesModel::ColumnCount> columns = {{
    {"Name", "name", "Name of the VM profile"},
    {"Server group", "server_group", "The server group (Server::group) whose servers run these VMs"},
    {"VMs/server", "vms_per_server", "VMs on each server of the group"},
    {"vCPUs", "vcpus", "Virtual CPUs per VM"},
    {"Network MB/s", "network_bytes_per_s", "LAN traffic per VM, MB/s (10^6 bytes/s), one direction"},
    {"Msg bytes", "network_message_bytes", "Mean network message size, bytes"},
    {"Storage MB/s", "storage_bytes_per_s", "SAN traffic per VM, MB/s"},
    {"IOPS", "iops", "Storage I/O operations per second per VM"},
    {"Block bytes", "block_bytes", "Mean storage block size, bytes"},
    {"IPC MB/s", "ipc_bytes_per_s", "Inter-process (cluster) traffic per VM, MB/s"},
    {"Migration MB/s", "migration_bytes_per_s", "VM-migration traffic per VM, MB/s"},
    {"vCPU util. %", "vcpu_utilization", "Mean busy share of each vCPU running the VM's own work, %"},
    {"RDMA", "rdma", "The VMs move network and IPC data with RDMA instead of TCP/IP (native, passthrough or "
                     "bare-metal IOV only)"},
}};

NumberRule ruleOf(int column)
{
    const QString what = QString::fromLatin1(columns.at(static_cast<std::size_t>(column)).title);
    switch (column) {
    case VmProfilesModel::VmsPerServerColumn:
        return {what, 1, 10000, false, true, false, {}};
    case VmProfilesModel::VcpusColumn:
        return {what, 1, 1024, false, true, false, {}};
    case VmProfilesModel::MessageBytesColumn:
    case VmProfilesModel::BlockBytesColumn:
        return {what, 0, 1e9, true, false, false, QStringLiteral("bytes")};
    case VmProfilesModel::IopsColumn:
        return {what, 0, 1e9, false, false, false, QStringLiteral("IO/s")};
    case VmProfilesModel::VcpuUtilizationColumn:
        return {what, 0, 100, false, false, false, QStringLiteral("%")};
    default: // the MB/s columns
        return {what, 0, 1e6, false, false, false, QStringLiteral("MB/s")};
    }
}

/// The figure of `column` in display units.
double displayValue(const design::VmProfile &p, int column)
{
    switch (column) {
    case VmProfilesModel::VmsPerServerColumn: return p.vmsPerServer;
    case VmProfilesModel::VcpusColumn: return p.vcpus;
    case VmProfilesModel::NetworkColumn: return p.networkBytesPerS / bytesPerMb;
    case VmProfilesModel::MessageBytesColumn: return p.networkMessageBytes;
    case VmProfilesModel::StorageColumn: return p.storageBytesPerS / bytesPerMb;
    case VmProfilesModel::IopsColumn: return p.iops;
    case VmProfilesModel::BlockBytesColumn: return p.blockBytes;
    case VmProfilesModel::IpcColumn: return p.ipcBytesPerS / bytesPerMb;
    case VmProfilesModel::MigrationColumn: return p.migrationBytesPerS / bytesPerMb;
    case VmProfilesModel::VcpuUtilizationColumn: return p.vcpuUtilization * 100.0;
    default: return 0.0;
    }
}

void setDisplayValue(design::VmProfile &p, int column, double value)
{
    switch (column) {
    case VmProfilesModel::VmsPerServerColumn: p.vmsPerServer = static_cast<int>(value); break;
    case VmProfilesModel::VcpusColumn: p.vcpus = static_cast<int>(value); break;
    case VmProfilesModel::NetworkColumn: p.networkBytesPerS = value * bytesPerMb; break;
    case VmProfilesModel::MessageBytesColumn: p.networkMessageBytes = value; break;
    case VmProfilesModel::StorageColumn: p.storageBytesPerS = value * bytesPerMb; break;
    case VmProfilesModel::IopsColumn: p.iops = value; break;
    case VmProfilesModel::BlockBytesColumn: p.blockBytes = value; break;
    case VmProfilesModel::IpcColumn: p.ipcBytesPerS = value * bytesPerMb; break;
    case VmProfilesModel::MigrationColumn: p.migrationBytesPerS = value * bytesPerMb; break;
    case VmProfilesModel::VcpuUtilizationColumn: p.vcpuUtilization = value / 100.0; break;
    default: break;
    }
}

} // namespace

VmProfilesModel::VmProfilesModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void VmProfilesModel::setProfiles(const std::vector<design::VmProfile> &profiles)
{
    if (profiles == m_profiles)
        return;
    if (profiles.size() != m_profiles.size()) {
        beginResetModel();
        m_profiles = profiles;
        endResetModel();
        return;
    }
    m_profiles = profiles;
    if (!m_profiles.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

bool VmProfilesModel::isCell(const QModelIndex &index) const
{
    return index.isValid() && index.model() == this && !index.parent().isValid() && index.row() < rowCount()
        && index.column() < ColumnCount;
}

bool VmProfilesModel::isTextColumn(int column)
{
    return column == NameColumn || column == GroupColumn;
}

ParsedNumber VmProfilesModel::parseCell(int column, const QString &text)
{
    if (column < 0 || column >= ColumnCount || column == RdmaColumn)
        return {{}, QStringLiteral("this column takes no typed value")};
    if (isTextColumn(column)) {
        if (text.trimmed().isEmpty())
            return {{}, QStringLiteral("%1: must not be empty").arg(QString::fromLatin1(columns.at(static_cast<std::size_t>(column)).title))};
        return {};
    }
    return parseNumber(text, ruleOf(column));
}

QString VmProfilesModel::commit(const std::vector<design::VmProfile> &profiles, const QString &field)
{
    if (!m_commit) {
        setProfiles(profiles);
        return {};
    }
    const QString refusal = m_commit(profiles, field);
    if (refusal.isEmpty())
        setProfiles(profiles); // normally already shown: the document's change signal came first
    return refusal;
}

bool VmProfilesModel::refuse(const QString &reason)
{
    m_lastRefusal = reason;
    Q_EMIT refused(reason);
    return false;
}

QString VmProfilesModel::addProfile(const QString &group)
{
    std::vector<design::VmProfile> profiles = m_profiles;
    design::VmProfile profile;
    if (!profiles.empty())
        profile = profiles.back();
    else
        profile.serverGroup = group.isEmpty() ? QStringLiteral("vm-hosts") : group;
    profile.name = QStringLiteral("profile %1").arg(profiles.size() + 1);
    profiles.push_back(profile);
    const QString refusal = commit(profiles, QStringLiteral("add profile"));
    if (!refusal.isEmpty())
        refuse(refusal);
    return refusal;
}

QString VmProfilesModel::removeProfile(int row)
{
    if (row < 0 || row >= rowCount()) {
        refuse(QStringLiteral("select a profile to remove"));
        return m_lastRefusal;
    }
    std::vector<design::VmProfile> profiles = m_profiles;
    profiles.erase(profiles.begin() + row);
    const QString refusal = commit(profiles, QStringLiteral("remove profile"));
    if (!refusal.isEmpty())
        refuse(refusal);
    return refusal;
}

int VmProfilesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_profiles.size());
}

int VmProfilesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VmProfilesModel::data(const QModelIndex &index, int role) const
{
    if (!isCell(index))
        return {};
    const design::VmProfile &p = m_profiles[static_cast<std::size_t>(index.row())];
    const int column = index.column();
    if (column == RdmaColumn) {
        if (role == Qt::CheckStateRole)
            return p.rdma ? Qt::Checked : Qt::Unchecked;
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        if (column == NameColumn)
            return p.name;
        if (column == GroupColumn)
            return p.serverGroup;
        return editableNumber(displayValue(p, column));
    case Qt::TextAlignmentRole:
        if (!isTextColumn(column))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

bool VmProfilesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!isCell(index))
        return false;
    const int row = index.row();
    const int column = index.column();
    std::vector<design::VmProfile> profiles = m_profiles;
    design::VmProfile &p = profiles[static_cast<std::size_t>(row)];
    if (column == RdmaColumn) {
        if (role != Qt::CheckStateRole)
            return false;
        p.rdma = value.toInt() == Qt::Checked;
    } else {
        if (role != Qt::EditRole)
            return false;
        const QString text = value.toString();
        const ParsedNumber parsed = parseCell(column, text);
        if (!parsed.ok())
            return refuse(QStringLiteral("Profile “%1”, %2").arg(p.name, parsed.error));
        if (column == NameColumn)
            p.name = text.trimmed();
        else if (column == GroupColumn)
            p.serverGroup = text.trimmed();
        else
            setDisplayValue(p, column, *parsed.value);
    }
    if (profiles == m_profiles)
        return true; // nothing changed: no undo step
    const QString field = QStringLiteral("profile %1 %2").arg(row + 1).arg(QString::fromLatin1(columns.at(static_cast<std::size_t>(column)).key));
    const QString refusal = commit(profiles, field);
    if (!refusal.isEmpty())
        return refuse(refusal);
    m_lastRefusal.clear();
    Q_EMIT applied();
    return true;
}

QVariant VmProfilesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole)
            return section + 1;
        return {};
    }
    if (section < 0 || section >= ColumnCount)
        return {};
    const ColumnInfo &info = columns.at(static_cast<std::size_t>(section));
    if (role == Qt::DisplayRole)
        return QString::fromLatin1(info.title);
    if (role == Qt::ToolTipRole)
        return QString::fromLatin1(info.meaning);
    return {};
}

Qt::ItemFlags VmProfilesModel::flags(const QModelIndex &index) const
{
    if (!isCell(index))
        return Qt::NoItemFlags;
    if (index.column() == RdmaColumn)
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
}

} // namespace iovplan::ui
