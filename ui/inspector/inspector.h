#pragma once
// The inspector dock's content: the properties of what is selected, or of the scenario when nothing is,
// validated as typed and changed only through DocumentEditor (issue 5).

#include "ui/editing/designselection.h"
#include "ui/editing/document.h"
#include "ui/editing/documenteditor.h"

#include <QWidget>

class QLabel;

namespace iovplan::ui {

class CablePage;
class DevicePage;
class MultiSelectionPage;
class ScenarioPage;

/// Follows a DesignSelection: nothing selected shows the scenario (name, IOV mode, SLA, assumptions,
/// VM profiles); one device, rack or fabric its properties; several objects their counts and a group
/// for their servers; a cable its ends and item. Re-reads when the document changes the scenario.
/// Refused input keeps its field red and shows the reason in the message line under the page.
class Inspector : public QWidget
{
    Q_OBJECT

public:
    enum class Page { Scenario, Device, Selection, Cable };

    Inspector(Document &document, DocumentEditor &editor, DesignSelection &selection, QWidget *parent = nullptr);
    ~Inspector() override;

    [[nodiscard]] Page currentPage() const { return m_page; }
    /// The reason shown for the last refused input ("" when none).
    [[nodiscard]] QString message() const;

    [[nodiscard]] ScenarioPage *scenarioPage() const { return m_scenarioPage; }
    [[nodiscard]] DevicePage *devicePage() const { return m_devicePage; }
    [[nodiscard]] MultiSelectionPage *selectionPage() const { return m_selectionPage; }
    [[nodiscard]] CablePage *cablePage() const { return m_cablePage; }

private:
    void followSelection();
    void refreshPage();
    void showPage(Page page);
    void showMessage(const QString &text);
    [[nodiscard]] bool isCable(ScenarioKey key, const QString &id) const;

    Document &m_document;
    DesignSelection &m_selection;
    Page m_page = Page::Scenario;
    QWidget *m_pages = nullptr; ///< holds the pages; only the current one is visible
    ScenarioPage *m_scenarioPage = nullptr;
    DevicePage *m_devicePage = nullptr;
    MultiSelectionPage *m_selectionPage = nullptr;
    CablePage *m_cablePage = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace iovplan::ui
