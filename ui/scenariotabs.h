#pragma once
// The central area: one design canvas tab per scenario, in the project's order, then the Compare tab.
// Keeps the tabs in step with the document and the current tab in step with DesignSelection.

#include "ui/editing/document.h"

#include <QTabWidget>

#include <map>

namespace iovplan::ui {

class DesignSelection;
class DesignView;
class DocumentEditor;

/// Scenario tabs plus the Compare tab; scenario commands (new, duplicate, rename, delete) act on the
/// current scenario and are offered on the tab bar's context menu as well as the main menu.
class ScenarioTabs : public QTabWidget
{
    Q_OBJECT

public:
    ScenarioTabs(Document &document, DocumentEditor &editor, DesignSelection &selection, QWidget *comparePage,
                 QWidget *parent = nullptr);

    /// The canvas of the current tab, or null on the Compare tab.
    [[nodiscard]] DesignView *currentView() const;
    /// The canvas of scenario `key` (null if none).
    [[nodiscard]] DesignView *viewOf(ScenarioKey key) const;
    [[nodiscard]] bool isCompareCurrent() const { return currentWidget() == m_comparePage; }

public Q_SLOTS:
    void newScenario();
    void duplicateScenario();
    void renameScenario();
    void deleteScenario();
    void showCompare();
    void showScenario(iovplan::ui::ScenarioKey key);

Q_SIGNALS:
    /// A view wants to say something (a refused drop, a hint): shown in the status bar.
    void statusMessage(const QString &message);

private:
    void syncTabs();
    void renameTab(ScenarioKey key);
    void followCurrentTab();
    void showTabMenu(const QPoint &pos);
    /// The scenario the scenario commands act on: the current tab's, or the selection's on Compare.
    [[nodiscard]] ScenarioKey currentKey() const;
    void say(const QString &refusal);

    Document &m_document;
    DocumentEditor &m_editor;
    DesignSelection &m_selection;
    QWidget *m_comparePage;
    std::map<ScenarioKey, DesignView *> m_views;
    bool m_syncing = false;
};

} // namespace iovplan::ui
