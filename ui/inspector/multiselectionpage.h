#pragma once
// The inspector's page for several selected objects: how many of each kind, and a server group that
// applies to every selected server in one undo step.

#include "ui/editing/document.h"
#include "ui/editing/documenteditor.h"

#include <QStringList>
#include <QWidget>

class QLabel;
class QLineEdit;

namespace iovplan::ui {

/// Counts of the selection and a group field for its servers (applied when the field is left).
class MultiSelectionPage : public QWidget
{
    Q_OBJECT

public:
    MultiSelectionPage(Document &document, DocumentEditor &editor, QWidget *parent = nullptr);

    /// Shows objects `ids` of scenario `key`.
    void showObjects(ScenarioKey key, const QStringList &ids);
    void refresh();
    /// "12 servers, 1 switch".
    [[nodiscard]] QString summaryText() const;
    [[nodiscard]] QLineEdit *groupField() const { return m_group; }

Q_SIGNALS:
    void message(const QString &text);

private:
    void applyGroup();
    [[nodiscard]] QStringList selectedServers() const;

    Document &m_document;
    DocumentEditor &m_editor;
    ScenarioKey m_key = 0;
    QStringList m_ids;
    QLabel *m_summary = nullptr;
    QLineEdit *m_group = nullptr;
};

} // namespace iovplan::ui
