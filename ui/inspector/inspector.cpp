#include "inspector.h"

#include "cablepage.h"
#include "devicepage.h"
#include "multiselectionpage.h"
#include "scenariopage.h"

#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

#include <array>

namespace iovplan::ui {

Inspector::Inspector(Document &document, DocumentEditor &editor, DesignSelection &selection, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_selection(selection)
    , m_pages(new QWidget)
    , m_scenarioPage(new ScenarioPage(document, editor))
    , m_devicePage(new DevicePage(document, editor))
    , m_selectionPage(new MultiSelectionPage(document, editor))
    , m_cablePage(new CablePage(document))
    , m_message(new QLabel(this))
{
    auto *pages = new QVBoxLayout(m_pages);
    pages->setContentsMargins(0, 0, 0, 0);
    for (QWidget *page : {static_cast<QWidget *>(m_scenarioPage), static_cast<QWidget *>(m_devicePage),
                          static_cast<QWidget *>(m_selectionPage), static_cast<QWidget *>(m_cablePage)}) {
        pages->addWidget(page);
        page->setVisible(false);
    }

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_pages);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #e53935; font-weight: bold;"));
    m_message->setVisible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_message);

    connect(m_scenarioPage, &ScenarioPage::message, this, &Inspector::showMessage);
    connect(m_devicePage, &DevicePage::message, this, &Inspector::showMessage);
    connect(m_selectionPage, &MultiSelectionPage::message, this, &Inspector::showMessage);

    connect(&selection, &DesignSelection::scenarioChanged, this, &Inspector::followSelection);
    connect(&selection, &DesignSelection::selectionChanged, this, &Inspector::followSelection);
    connect(&document, &Document::scenarioChanged, this, [this](ScenarioKey key, ScenarioParts) {
        if (key == m_selection.scenario())
            refreshPage();
    });
    connect(&document, &Document::projectReset, this, &Inspector::followSelection);
    connect(&document, &Document::scenarioListChanged, this, &Inspector::followSelection);
    connect(&document, &Document::catalogChanged, this, &Inspector::refreshPage);
    followSelection();
}

Inspector::~Inspector() = default;

QString Inspector::message() const
{
    return m_message->text();
}

void Inspector::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

bool Inspector::isCable(ScenarioKey key, const QString &id) const
{
    for (const design::Cable &cable : m_document.scenario(key).design.cables) {
        if (cable.id == id)
            return true;
    }
    return false;
}

void Inspector::showPage(Page page)
{
    m_page = page;
    // Pages are shown one at a time in a plain layout rather than a QStackedWidget: a stack is as tall as
    // its tallest page (heightForWidth ignores the hidden ones' size policies), so a short page would
    // scroll through the empty height of a long one.
    const std::array<QWidget *, 4> pages = {m_scenarioPage, m_devicePage, m_selectionPage, m_cablePage};
    for (std::size_t i = 0; i < pages.size(); ++i)
        pages[i]->setVisible(i == static_cast<std::size_t>(page));
}

void Inspector::followSelection()
{
    showMessage({});
    const ScenarioKey key = m_selection.scenario();
    const QStringList &ids = m_selection.ids();
    m_scenarioPage->setScenario(key);
    if (ids.isEmpty() || !m_document.contains(key)) {
        m_scenarioPage->refresh();
        showPage(Page::Scenario);
        return;
    }
    if (ids.size() > 1) {
        m_selectionPage->showObjects(key, ids);
        showPage(Page::Selection);
        return;
    }
    QString id = ids.first();
    QString deviceId;
    int slot = 0;
    if (DesignSelection::splitCardId(id, &deviceId, &slot))
        id = deviceId; // a card: show the server (or gateway) that holds it, with its cards
    if (isCable(key, id)) {
        m_cablePage->showCable(key, id);
        showPage(Page::Cable);
        return;
    }
    if (m_devicePage->showObject(key, id)) {
        showPage(Page::Device);
        return;
    }
    m_scenarioPage->refresh();
    showPage(Page::Scenario);
}

void Inspector::refreshPage()
{
    switch (m_page) {
    case Page::Scenario: m_scenarioPage->refresh(); break;
    case Page::Device: m_devicePage->refresh(); break;
    case Page::Selection: m_selectionPage->refresh(); break;
    case Page::Cable: m_cablePage->refresh(); break;
    }
}

} // namespace iovplan::ui
