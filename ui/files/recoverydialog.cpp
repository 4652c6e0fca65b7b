#include "recoverydialog.h"

#include "recoverystore.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace iovplan::ui {

RecoveryDialog::RecoveryDialog(RecoveryStore &store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
{
    setWindowTitle(tr("Recover Unsaved Work"));
    auto *layout = new QVBoxLayout(this);

    auto *intro = new QLabel(tr("IOV Planner did not close normally. These projects had changes that were "
                                "not saved; they were autosaved and can be restored."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_list = new QTreeWidget(this);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setTextElideMode(Qt::ElideMiddle); // a long path keeps its file name in view
    m_list->setHeaderLabels({ tr("Project"), tr("Original file"), tr("Autosaved"), tr("Version") });
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    layout->addWidget(m_list, 1);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->hide();
    layout->addWidget(m_status);

    auto *buttons = new QDialogButtonBox(this);
    m_restore = buttons->addButton(tr("&Restore"), QDialogButtonBox::AcceptRole);
    m_discard = buttons->addButton(tr("&Discard"), QDialogButtonBox::DestructiveRole);
    m_later = buttons->addButton(tr("&Later"), QDialogButtonBox::RejectRole);
    m_discard->setToolTip(tr("Delete the selected autosaved project"));
    m_later->setToolTip(tr("Keep the autosaved projects and ask again at the next start"));
    m_restore->setDefault(true);
    layout->addWidget(buttons);

    connect(m_restore, &QPushButton::clicked, this, &RecoveryDialog::restoreSelected);
    connect(m_discard, &QPushButton::clicked, this, &RecoveryDialog::discardSelected);
    connect(m_later, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &RecoveryDialog::updateButtons);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, &RecoveryDialog::restoreSelected);

    fill();
    resize(720, 300);
}

void RecoveryDialog::fill()
{
    m_list->clear();
    const QLocale locale;
    for (const RecoveryEntry &e : m_store.entries()) {
        const QString project = e.info.projectName.isEmpty() ? tr("(unnamed project)") : e.info.projectName;
        const QString original = e.info.originalPath.isEmpty() ? tr("never saved")
                                                               : QDir::toNativeSeparators(e.info.originalPath);
        const QString version = e.infoMissing ? tr("unknown") : e.info.programVersion;
        auto *item = new QTreeWidgetItem(m_list, { project, original,
                                                   locale.toString(e.info.savedAt.toLocalTime(), QLocale::ShortFormat),
                                                   version });
        item->setData(0, Qt::UserRole, e.id);
        item->setToolTip(1, original);
        item->setToolTip(0, QDir::toNativeSeparators(e.projectPath));
    }
    for (int column = 0; column < m_list->columnCount(); ++column) {
        if (column != 1)
            m_list->resizeColumnToContents(column);
    }
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    updateButtons();
}

QString RecoveryDialog::selectedId() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item != nullptr && item->isSelected() ? item->data(0, Qt::UserRole).toString() : QString();
}

void RecoveryDialog::updateButtons()
{
    const bool any = !selectedId().isEmpty();
    m_restore->setEnabled(any);
    m_discard->setEnabled(any);
}

void RecoveryDialog::restoreSelected()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    m_chosenId = id;
    accept();
}

void RecoveryDialog::discardSelected()
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    const bool discarded = m_store.discard(id);
    fill();
    if (!discarded) {
        m_status->setText(tr("The autosaved project could not be deleted; check the permissions of %1.")
                              .arg(QDir::toNativeSeparators(QFileInfo(m_store.entry(id) ? m_store.entry(id)->projectPath
                                                                                          : QString()).absolutePath())));
        m_status->show();
        return;
    }
    if (m_store.entries().empty())
        reject();
}

} // namespace iovplan::ui
