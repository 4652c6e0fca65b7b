#pragma once
// The workload's VM profiles as an editable table: one row per profile, one column per figure, shown in
// the units people type (MB/s, %, bytes) and checked as typed before the document sees them.

#include "fieldvalidation.h"

#include "model/design/vmprofile.h"

#include <QAbstractTableModel>

#include <functional>
#include <vector>

namespace iovplan::ui {

/// Table model of a workload's VmProfile list. Edits do not change the model directly: they go to the
/// commit function (the inspector's DocumentEditor::setWorkload), and the model shows the profiles the
/// document then holds (setProfiles). Without a commit function the model keeps the edits itself.
class VmProfilesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        GroupColumn,
        VmsPerServerColumn,
        VcpusColumn,
        NetworkColumn, ///< MB/s per VM (1 MB = 10^6 bytes)
        MessageBytesColumn,
        StorageColumn, ///< MB/s per VM
        IopsColumn,
        BlockBytesColumn,
        IpcColumn, ///< MB/s per VM
        MigrationColumn, ///< MB/s per VM
        VcpuUtilizationColumn, ///< % of each vCPU
        RdmaColumn, ///< check box
        ColumnCount
    };

    /// Applies the edited profile list; returns "" when applied, else the reason it was refused.
    /// `field` names what changed ("profile 1 vms_per_server") so continuous edits of it merge.
    using Commit = std::function<QString(const std::vector<design::VmProfile> &profiles, const QString &field)>;

    explicit VmProfilesModel(QObject *parent = nullptr);

    /// Shows `profiles` (a reset only when the row count changes; no signal when equal).
    void setProfiles(const std::vector<design::VmProfile> &profiles);
    [[nodiscard]] const std::vector<design::VmProfile> &profiles() const { return m_profiles; }
    void setCommit(Commit commit) { m_commit = std::move(commit); }

    /// Appends a profile: a copy of the last one renamed, or a default one for server group `group`.
    /// Returns "" or the refusal.
    QString addProfile(const QString &group);
    /// Removes the profile in `row`. Returns "" or the refusal.
    QString removeProfile(int row);

    /// Checks `text` typed into `column`: the value in the column's display unit, or the reason.
    [[nodiscard]] static ParsedNumber parseCell(int column, const QString &text);
    /// Whether the column holds text (name, group) rather than a number.
    [[nodiscard]] static bool isTextColumn(int column);

    /// The reason the last edit was refused ("" after an edit that was applied).
    [[nodiscard]] QString lastRefusal() const { return m_lastRefusal; }

    // QAbstractItemModel
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    /// An edit was refused (malformed, out of range, or refused by the document): show `reason`.
    void refused(const QString &reason);
    /// An edit was applied (clears a shown refusal).
    void applied();

private:
    QString commit(const std::vector<design::VmProfile> &profiles, const QString &field);
    bool refuse(const QString &reason);
    [[nodiscard]] bool isCell(const QModelIndex &index) const;

    std::vector<design::VmProfile> m_profiles;
    Commit m_commit;
    QString m_lastRefusal;
};

} // namespace iovplan::ui
