#include "scenariotabs.h"

#include "ui/canvas/designview.h"
#include "ui/editing/designselection.h"
#include "ui/editing/documenteditor.h"

#include <QInputDialog>
#include <QMenu>
#include <QMessageBox>
#include <QTabBar>

namespace iovplan::ui {

ScenarioTabs::ScenarioTabs(Document &document, DocumentEditor &editor, DesignSelection &selection,
                           QWidget *comparePage, QWidget *parent)
    : QTabWidget(parent)
    , m_document(document)
    , m_editor(editor)
    , m_selection(selection)
    , m_comparePage(comparePage)
{
    setObjectName(QStringLiteral("scenarioTabs"));
    setDocumentMode(true);
    setMovable(false); // the order is the project's; reordering would need its own undo step
    tabBar()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(tabBar(), &QTabBar::customContextMenuRequested, this, &ScenarioTabs::showTabMenu);
    connect(tabBar(), &QTabBar::tabBarDoubleClicked, this, [this](int index) {
        if (index >= 0 && widget(index) != m_comparePage)
            renameScenario();
    });
    connect(this, &QTabWidget::currentChanged, this, &ScenarioTabs::followCurrentTab);
    connect(&document, &Document::projectReset, this, [this] {
        for (auto &[key, view] : m_views)
            delete view;
        m_views.clear();
        syncTabs();
    });
    connect(&document, &Document::scenarioListChanged, this, &ScenarioTabs::syncTabs);
    connect(&document, &Document::scenarioChanged, this, [this](ScenarioKey key, ScenarioParts parts) {
        if (parts.testFlag(ScenarioPart::Name))
            renameTab(key);
    });
    connect(&selection, &DesignSelection::scenarioChanged, this, [this](ScenarioKey key) {
        if (!isCompareCurrent())
            showScenario(key);
    });
    syncTabs();
}

void ScenarioTabs::syncTabs()
{
    m_syncing = true;
    const ScenarioKey wasCurrent = m_selection.scenario();
    const bool compareWasCurrent = isCompareCurrent() && count() > 0;
    // Views of scenarios that left the project go; new scenarios get a view; the tabs follow the order.
    const std::vector<ScenarioKey> &keys = m_document.scenarioKeys();
    for (auto it = m_views.begin(); it != m_views.end();) {
        if (!m_document.contains(it->first)) {
            delete it->second;
            it = m_views.erase(it);
        } else {
            ++it;
        }
    }
    while (count() > 0)
        removeTab(0);
    for (ScenarioKey key : keys) {
        DesignView *&view = m_views[key];
        if (!view) {
            view = new DesignView(m_document, m_editor, m_selection, key, this);
            connect(view, &DesignView::statusMessage, this, &ScenarioTabs::statusMessage);
        }
        addTab(view, m_document.scenario(key).name);
    }
    addTab(m_comparePage, tr("Compare"));
    m_syncing = false;

    if (compareWasCurrent)
        setCurrentWidget(m_comparePage);
    else if (m_document.contains(wasCurrent))
        showScenario(wasCurrent);
    else
        setCurrentIndex(0);
    followCurrentTab();
}

void ScenarioTabs::renameTab(ScenarioKey key)
{
    if (DesignView *view = viewOf(key))
        setTabText(indexOf(view), m_document.scenario(key).name);
}

void ScenarioTabs::followCurrentTab()
{
    if (m_syncing)
        return;
    for (const auto &[key, view] : m_views) {
        if (view == currentWidget()) {
            m_selection.setScenario(key);
            return;
        }
    }
    // The Compare tab: keep the selection's scenario so the docks keep showing it.
}

DesignView *ScenarioTabs::currentView() const
{
    return qobject_cast<DesignView *>(currentWidget());
}

DesignView *ScenarioTabs::viewOf(ScenarioKey key) const
{
    const auto it = m_views.find(key);
    return it == m_views.end() ? nullptr : it->second;
}

ScenarioKey ScenarioTabs::currentKey() const
{
    for (const auto &[key, view] : m_views) {
        if (view == currentWidget())
            return key;
    }
    return m_document.contains(m_selection.scenario()) ? m_selection.scenario() : m_document.scenarioKeys().front();
}

void ScenarioTabs::showScenario(ScenarioKey key)
{
    if (DesignView *view = viewOf(key))
        setCurrentWidget(view);
}

void ScenarioTabs::showCompare()
{
    setCurrentWidget(m_comparePage);
}

void ScenarioTabs::say(const QString &refusal)
{
    if (!refusal.isEmpty())
        QMessageBox::information(this, tr("Scenario"), refusal);
}

void ScenarioTabs::newScenario()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("New Scenario"), tr("Name:"), QLineEdit::Normal,
                                               tr("Scenario %1").arg(m_document.scenarioKeys().size() + 1), &ok);
    if (ok)
        showScenario(m_editor.addScenario(name));
}

void ScenarioTabs::duplicateScenario()
{
    showScenario(m_editor.duplicateScenario(currentKey()));
}

void ScenarioTabs::renameScenario()
{
    const ScenarioKey key = currentKey();
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename Scenario"), tr("Name:"), QLineEdit::Normal,
                                               m_document.scenario(key).name, &ok);
    if (ok)
        say(m_editor.renameScenario(key, name).refusal);
}

void ScenarioTabs::deleteScenario()
{
    const ScenarioKey key = currentKey();
    // Deleting is undoable, so no "are you sure?": the undo history is the safety net.
    say(m_editor.removeScenario(key).refusal);
}

void ScenarioTabs::showTabMenu(const QPoint &pos)
{
    const int index = tabBar()->tabAt(pos);
    if (index >= 0 && widget(index) != m_comparePage)
        setCurrentIndex(index);
    QMenu menu(this);
    menu.addAction(tr("&New Scenario..."), this, &ScenarioTabs::newScenario);
    if (index >= 0 && widget(index) != m_comparePage) {
        menu.addAction(tr("&Duplicate"), this, &ScenarioTabs::duplicateScenario);
        menu.addAction(tr("&Rename..."), this, &ScenarioTabs::renameScenario);
        menu.addAction(tr("De&lete"), this, &ScenarioTabs::deleteScenario)
            ->setEnabled(m_document.scenarioKeys().size() > 1);
    }
    menu.exec(tabBar()->mapToGlobal(pos));
}

} // namespace iovplan::ui
