#include "vmprofiledelegate.h"

#include "fieldvalidation.h"
#include "vmprofilesmodel.h"

#include <QLineEdit>

namespace iovplan::ui {

VmProfileDelegate::VmProfileDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

QWidget *VmProfileDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                                         const QModelIndex &index) const
{
    if (index.column() == VmProfilesModel::RdmaColumn)
        return QStyledItemDelegate::createEditor(parent, option, index);
    auto *editor = new QLineEdit(parent);
    editor->setFrame(false);
    const int column = index.column();
    connect(editor, &QLineEdit::textEdited, editor, [this, editor, column](const QString &text) {
        const ParsedNumber parsed = VmProfilesModel::parseCell(column, text);
        markField(editor, parsed.error);
        Q_EMIT validated(parsed.error);
    });
    return editor;
}

void VmProfileDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        line->setText(index.data(Qt::EditRole).toString());
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void VmProfileDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    // The model checks again and reports a refusal through VmProfilesModel::refused.
    if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        model->setData(index, line->text(), Qt::EditRole);
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

} // namespace iovplan::ui
