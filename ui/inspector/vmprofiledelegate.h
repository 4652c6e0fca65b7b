#pragma once
// Editing a cell of the VM profile table: the typed text is checked on every keystroke, so a malformed
// or out-of-range figure shows red with its reason before the user commits it.

#include <QStyledItemDelegate>

namespace iovplan::ui {

/// Line-edit delegate for VmProfilesModel cells (the RDMA check box needs none).
class VmProfileDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit VmProfileDelegate(QObject *parent = nullptr);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;

Q_SIGNALS:
    /// The text being typed is refused for `reason`, or fine again (empty reason).
    void validated(const QString &reason) const;
};

} // namespace iovplan::ui
