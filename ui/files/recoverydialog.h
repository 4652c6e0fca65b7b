#pragma once
// The start-up offer of autosave snapshots left by a crashed session (docs/gui-files-whatif.md):
// each with its project, original file and time; Restore one, Discard the selected one, or decide Later
// (they stay for the next start).

#include <QDialog>
#include <QString>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace iovplan::ui {

class RecoveryStore;

/// Lists `store`'s snapshots. Restore accepts with chosenId(); Discard deletes the selected snapshot from
/// the store and closes the dialog (rejected) when none is left; Later rejects and keeps them all.
class RecoveryDialog : public QDialog
{
    Q_OBJECT

public:
    RecoveryDialog(RecoveryStore &store, QWidget *parent = nullptr);

    /// The snapshot to restore once the dialog is accepted; empty otherwise.
    [[nodiscard]] QString chosenId() const { return m_chosenId; }

    /// The list (for tests): one top-level item per snapshot, its id in Qt::UserRole of column 0.
    [[nodiscard]] QTreeWidget *list() const { return m_list; }
    [[nodiscard]] QPushButton *restoreButton() const { return m_restore; }
    [[nodiscard]] QPushButton *discardButton() const { return m_discard; }
    [[nodiscard]] QPushButton *laterButton() const { return m_later; }

private:
    void fill();
    void restoreSelected();
    void discardSelected();
    void updateButtons();
    [[nodiscard]] QString selectedId() const;

    RecoveryStore &m_store;
    QTreeWidget *m_list = nullptr;
    QPushButton *m_restore = nullptr;
    QPushButton *m_discard = nullptr;
    QPushButton *m_later = nullptr;
    QLabel *m_status = nullptr; ///< why a discard failed
    QString m_chosenId;
};

} // namespace iovplan::ui
