#pragma once
// The inspector's page for the scenario itself (nothing selected): name, IOV mode, SLA, assumptions and
// the workload's VM profiles, each validated as typed and applied through DocumentEditor.

#include "fieldvalidation.h"

#include "ui/editing/document.h"
#include "ui/editing/documenteditor.h"

#include <QWidget>

#include <functional>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPushButton;
class QTableView;

namespace iovplan::ui {

class VmProfilesModel;

/// Scenario properties. Continuous edits of one field go to the editor with the field's name, so they
/// merge into one undo step; refused input stays in the field, red, and is reported through message().
class ScenarioPage : public QWidget
{
    Q_OBJECT

public:
    ScenarioPage(Document &document, DocumentEditor &editor, QWidget *parent = nullptr);
    ~ScenarioPage() override;

    /// Shows scenario `key` (0 or a removed key: nothing).
    void setScenario(ScenarioKey key);
    [[nodiscard]] ScenarioKey scenario() const { return m_key; }
    /// Re-reads the scenario from the document, keeping what the user is typing.
    void refresh();

    [[nodiscard]] VmProfilesModel *profilesModel() const { return m_profiles; }
    [[nodiscard]] QTableView *profilesView() const { return m_profilesView; }

Q_SIGNALS:
    /// The reason the last input was refused, or "" when the input is fine again.
    void message(const QString &text);

private:
    /// A numeric field bound to a figure of the scenario, in the unit the field shows.
    struct NumberField
    {
        QLineEdit *edit = nullptr;
        NumberRule rule;
        std::function<std::optional<double>(const design::Scenario &)> read;
        std::function<EditOutcome(const design::Scenario &, std::optional<double>)> apply;
    };

    QLineEdit *addNumberField(NumberField field);
    void numberEdited(std::size_t index, const QString &text);
    void nameEdited();
    [[nodiscard]] bool hasScenario() const;

    Document &m_document;
    DocumentEditor &m_editor;
    ScenarioKey m_key = 0;
    QLineEdit *m_name = nullptr;
    QComboBox *m_iovMode = nullptr;
    QCheckBox *m_haDualHoming = nullptr;
    std::vector<NumberField> m_fields;
    /// Per field, the document's value when the user started typing into it (reset when the field is
    /// left): a refused final text puts it back, so a prefix applied on the way ("1" of "150") does not
    /// stay behind while the field says "not applied".
    std::vector<std::optional<std::optional<double>>> m_sessionStart;
    VmProfilesModel *m_profiles = nullptr;
    QTableView *m_profilesView = nullptr;
    QPushButton *m_addProfile = nullptr;
    QPushButton *m_removeProfile = nullptr;
};

} // namespace iovplan::ui
