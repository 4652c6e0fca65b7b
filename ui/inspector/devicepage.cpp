#include "devicepage.h"

#include "fieldvalidation.h"
#include "itemsummary.h"
#include "objectbyid.h"

#include "model/design/itemspecs.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLayoutItem>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace iovplan::ui {

namespace {

QString kindTitle(DevicePage::Kind kind)
{
    switch (kind) {
    case DevicePage::Kind::Server: return QStringLiteral("Server");
    case DevicePage::Kind::Switch: return QStringLiteral("Switch");
    case DevicePage::Kind::Gateway: return QStringLiteral("Gateway");
    case DevicePage::Kind::Storage: return QStringLiteral("Storage array");
    case DevicePage::Kind::Rack: return QStringLiteral("Rack");
    case DevicePage::Kind::Fabric: return QStringLiteral("Fabric");
    case DevicePage::Kind::None: break;
    }
    return {};
}

/// Sets `edit`'s text unless the user is typing into it (`typing`: an edit session is open on it).
void showText(QLineEdit *edit, const QString &text, bool typing)
{
    if ((edit->hasFocus() || typing) && isMarkedInvalid(edit))
        return;
    if (edit->text() != text)
        edit->setText(text);
    markField(edit, {});
}

} // namespace

DevicePage::DevicePage(Document &document, DocumentEditor &editor, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_editor(editor)
    , m_header(new QLabel(this))
    , m_name(new QLineEdit(this))
    , m_group(new QLineEdit(this))
    , m_rack(new QComboBox(this))
    , m_position(new QLineEdit(this))
    , m_fabric(new QComboBox(this))
    , m_height(new QLineEdit(this))
    , m_itemBox(new QGroupBox(QStringLiteral("Item"), this))
    , m_item(new ItemSummary(m_itemBox))
    , m_cardsBox(new QGroupBox(QStringLiteral("Cards by slot"), this))
    , m_cards(new QGridLayout(m_cardsBox))
{
    m_name->setObjectName(QStringLiteral("deviceName"));
    m_group->setObjectName(QStringLiteral("group"));
    m_rack->setObjectName(QStringLiteral("rack"));
    m_position->setObjectName(QStringLiteral("position"));
    m_fabric->setObjectName(QStringLiteral("fabric"));
    m_height->setObjectName(QStringLiteral("rackHeight"));
    m_header->setTextFormat(Qt::RichText);
    m_header->setWordWrap(true);
    m_group->setToolTip(QStringLiteral("Servers of a group run the workload's VM profile of that group"));
    m_position->setToolTip(QStringLiteral("Lowest rack unit the device occupies (1 = bottom); applied when you leave the field"));

    auto *properties = new QGroupBox(QStringLiteral("Properties"), this);
    m_form = new QFormLayout(properties);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->addRow(QStringLiteral("Name"), m_name);
    m_form->addRow(QStringLiteral("Server group"), m_group);
    m_form->addRow(QStringLiteral("Rack"), m_rack);
    m_form->addRow(QStringLiteral("Position (U)"), m_position);
    m_form->addRow(QStringLiteral("Fabric"), m_fabric);
    m_form->addRow(QStringLiteral("Height (U)"), m_height);

    auto *itemLayout = new QVBoxLayout(m_itemBox);
    itemLayout->addWidget(m_item);
    m_cards->setColumnStretch(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addWidget(properties);
    layout->addWidget(m_cardsBox);
    layout->addWidget(m_itemBox);
    layout->addStretch(1);

    connect(m_name, &QLineEdit::textEdited, this,
            [this](const QString &text) { textEdited(m_name, QStringLiteral("name"), text); });
    connect(m_group, &QLineEdit::textEdited, this,
            [this](const QString &text) { textEdited(m_group, QStringLiteral("group"), text); });
    connect(m_height, &QLineEdit::textEdited, this,
            [this](const QString &text) { textEdited(m_height, QStringLiteral("height"), text); });
    for (QLineEdit *edit : {m_name, m_group, m_height})
        connect(edit, &QLineEdit::editingFinished, this, [this, edit] { m_sessionStart.remove(edit); });
    connect(m_position, &QLineEdit::textEdited, this, [this](const QString &text) {
        const ParsedNumber parsed = parseNumber(text, {QStringLiteral("Position"), 1, rackTop(), false, true, false, QStringLiteral("U")});
        report(m_position, parsed.error);
    });
    connect(m_position, &QLineEdit::editingFinished, this, [this] {
        if (m_position->isModified())
            moveTo(m_rack->currentData().toString(), m_position->text());
        m_position->setModified(false);
    });
    connect(m_rack, &QComboBox::activated, this,
            [this](int index) { moveTo(m_rack->itemData(index).toString(), m_position->text()); });
    connect(m_fabric, &QComboBox::activated, this, [this](int index) {
        const EditOutcome outcome = applyProperty(QStringLiteral("fabric"), m_fabric->itemData(index).toString());
        report(m_fabric, outcome.refusal);
        if (!outcome.ok())
            refresh();
    });
}

DevicePage::~DevicePage() = default;

bool DevicePage::valid() const
{
    return m_kind != Kind::None && m_key != 0 && m_document.contains(m_key)
        && findKind(m_document.scenario(m_key).design, m_id) == m_kind;
}

DevicePage::Kind DevicePage::findKind(const design::Design &design, const QString &id) const
{
    if (findById(design.servers, id))
        return Kind::Server;
    if (findById(design.switches, id))
        return Kind::Switch;
    if (findById(design.gateways, id))
        return Kind::Gateway;
    if (findById(design.storage, id))
        return Kind::Storage;
    if (findById(design.racks, id))
        return Kind::Rack;
    if (findById(design.fabrics, id))
        return Kind::Fabric;
    return Kind::None;
}

DevicePage::Placement DevicePage::placement(const design::Scenario &scenario) const
{
    const design::Design &d = scenario.design;
    switch (m_kind) {
    case Kind::Server:
        if (const auto *s = findById(d.servers, m_id))
            return {s->name, s->itemId, s->rackId, s->positionU, {}, s->group};
        break;
    case Kind::Switch:
        if (const auto *s = findById(d.switches, m_id))
            return {s->name, s->itemId, s->rackId, s->positionU, s->fabricId, {}};
        break;
    case Kind::Gateway:
        if (const auto *g = findById(d.gateways, m_id))
            return {g->name, g->itemId, g->rackId, g->positionU, {}, {}};
        break;
    case Kind::Storage:
        if (const auto *s = findById(d.storage, m_id))
            return {s->name, s->itemId, s->rackId, s->positionU, s->fabricId, {}};
        break;
    case Kind::Rack:
        if (const auto *r = findById(d.racks, m_id))
            return {r->name, {}, {}, r->heightU, {}, {}};
        break;
    case Kind::Fabric:
        if (const auto *f = findById(d.fabrics, m_id))
            return {f->name, {}, {}, 0, {}, {}};
        break;
    case Kind::None:
        break;
    }
    return {};
}

bool DevicePage::showObject(ScenarioKey key, const QString &id)
{
    const Kind kind = key != 0 && m_document.contains(key) ? findKind(m_document.scenario(key).design, id) : Kind::None;
    if (key != m_key || id != m_id) {
        for (QWidget *field : std::initializer_list<QWidget *>{m_name, m_group, m_position, m_height, m_rack, m_fabric})
            markField(field, {});
        m_sessionStart.clear();
        m_name->clear();
        m_group->clear();
        m_position->clear();
        m_height->clear();
    }
    m_key = key;
    m_id = id;
    m_kind = kind;
    refresh();
    return kind != Kind::None;
}

void DevicePage::refresh()
{
    if (!valid()) {
        m_header->setText(QStringLiteral("%1 is no longer in the scenario").arg(m_id.toHtmlEscaped()));
        setEnabled(false);
        return;
    }
    setEnabled(true);
    const design::Scenario &scenario = m_document.scenario(m_key);
    const Placement p = placement(scenario);
    const bool placed = m_kind == Kind::Server || m_kind == Kind::Switch || m_kind == Kind::Gateway
        || m_kind == Kind::Storage;
    m_header->setText(QStringLiteral("<b>%1</b> · %2").arg(kindTitle(m_kind), m_id.toHtmlEscaped()));

    m_form->setRowVisible(m_name, m_kind != Kind::Fabric);
    m_form->setRowVisible(m_group, m_kind == Kind::Server);
    m_form->setRowVisible(m_rack, placed);
    m_form->setRowVisible(m_position, placed);
    m_form->setRowVisible(m_fabric, m_kind == Kind::Switch || m_kind == Kind::Storage);
    m_form->setRowVisible(m_height, m_kind == Kind::Rack);
    if (m_kind == Kind::Fabric) {
        const auto *fabric = findById(scenario.design.fabrics, m_id);
        m_header->setText(QStringLiteral("<b>Fabric</b> · %1 (%2, %3)")
                              .arg(m_id.toHtmlEscaped(), fabric->name.toHtmlEscaped(), design::fabricKindName(fabric->kind)));
    }

    showText(m_name, p.name, m_sessionStart.contains(m_name));
    showText(m_group, p.group, m_sessionStart.contains(m_group));
    if (m_kind == Kind::Rack)
        showText(m_height, QString::number(p.positionU), m_sessionStart.contains(m_height));
    if (placed) {
        m_rack->clear();
        for (const design::Rack &rack : scenario.design.racks)
            m_rack->addItem(rack.name.isEmpty() ? rack.id : QStringLiteral("%1 (%2)").arg(rack.name, rack.id), rack.id);
        m_rack->setCurrentIndex(m_rack->findData(p.rackId));
        showText(m_position, QString::number(p.positionU), m_position->isModified());
    }
    if (m_kind == Kind::Switch || m_kind == Kind::Storage) {
        m_fabric->clear();
        m_fabric->addItem(QStringLiteral("(none)"), QString());
        for (const design::Fabric &fabric : scenario.design.fabrics)
            m_fabric->addItem(QStringLiteral("%1 (%2)").arg(fabric.name.isEmpty() ? fabric.id : fabric.name,
                                                           design::fabricKindName(fabric.kind)),
                              fabric.id);
        m_fabric->setCurrentIndex(std::max(0, m_fabric->findData(p.fabricId)));
    }

    m_itemBox->setVisible(!p.itemId.isEmpty());
    if (!p.itemId.isEmpty())
        m_item->showItem(m_document.catalog(), p.itemId);
    rebuildCards(scenario);
}

void DevicePage::rebuildCards(const design::Scenario &scenario)
{
    while (QLayoutItem *child = m_cards->takeAt(0)) {
        delete child->widget();
        delete child;
    }
    m_cardLines.clear();
    const std::vector<design::SlotItem> *cards = nullptr;
    if (m_kind == Kind::Server)
        cards = &findById(scenario.design.servers, m_id)->adapters;
    else if (m_kind == Kind::Gateway)
        cards = &findById(scenario.design.gateways, m_id)->modules;
    m_cardsBox->setVisible(cards != nullptr);
    if (!cards)
        return;
    m_cardsBox->setTitle(m_kind == Kind::Server ? QStringLiteral("Adapters by slot") : QStringLiteral("Modules by slot"));
    std::vector<design::SlotItem> sorted = *cards;
    std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) { return a.slot < b.slot; });
    int row = 0;
    for (const design::SlotItem &card : sorted) {
        const auto pinned = m_document.catalog().find(card.itemId);
        const QString name = pinned == m_document.catalog().end() ? card.itemId : design::displayName(pinned->second);
        auto *slot = new QLabel(QStringLiteral("Slot %1").arg(card.slot), m_cardsBox);
        auto *item = new QLabel(name, m_cardsBox);
        item->setToolTip(card.itemId);
        item->setWordWrap(true);
        auto *remove = new QPushButton(QStringLiteral("Remove"), m_cardsBox);
        remove->setObjectName(QStringLiteral("removeCard%1").arg(card.slot));
        remove->setToolTip(QStringLiteral("Remove the card in slot %1 and the cables on its ports").arg(card.slot));
        const int slotNumber = card.slot;
        connect(remove, &QPushButton::clicked, this, [this, slotNumber] {
            const EditOutcome outcome = m_editor.removeCard(m_key, m_id, slotNumber);
            Q_EMIT message(outcome.refusal);
        });
        m_cards->addWidget(slot, row, 0);
        m_cards->addWidget(item, row, 1);
        m_cards->addWidget(remove, row, 2);
        m_cardLines << QStringLiteral("Slot %1: %2").arg(card.slot).arg(name);
        ++row;
    }
    if (sorted.empty())
        m_cards->addWidget(new QLabel(QStringLiteral("No cards: drag an adapter from the palette onto the server"), m_cardsBox), 0, 0, 1, 3);
}

QString DevicePage::propertyText(const QString &field) const
{
    const Placement p = placement(m_document.scenario(m_key));
    if (field == u"group")
        return p.group;
    if (field == u"height")
        return QString::number(p.positionU);
    return p.name;
}

double DevicePage::rackTop() const
{
    if (valid()) {
        if (const auto *rack = findById(m_document.scenario(m_key).design.racks, m_rack->currentData().toString()))
            return rack->heightU;
    }
    return 200; // no rack chosen: the editor names the real limit
}

void DevicePage::report(QWidget *field, const QString &reason)
{
    markField(field, reason);
    Q_EMIT message(reason);
}

void DevicePage::textEdited(QLineEdit *edit, const QString &field, const QString &text)
{
    if (!valid())
        return;
    QString reason;
    if (field == u"height") {
        reason = parseNumber(text, {QStringLiteral("Rack height"), 1, 60, false, true, false, QStringLiteral("U")}).error;
    } else if (text.trimmed().isEmpty()) {
        reason = field == u"group" ? QStringLiteral("Server group: must not be empty (VM profiles name it)")
                                   : QStringLiteral("Name: must not be empty");
    }
    if (!m_sessionStart.contains(edit))
        m_sessionStart.insert(edit, propertyText(field));
    if (reason.isEmpty()) {
        const EditOutcome outcome = applyProperty(field, text.trimmed());
        if (!outcome.ok())
            reason = outcome.refusal;
    }
    report(edit, reason); // before the revert below, so the refresh it causes keeps the text
    if (!reason.isEmpty() && propertyText(field) != m_sessionStart.value(edit))
        applyProperty(field, m_sessionStart.value(edit)); // merges back to where typing started
}

EditOutcome DevicePage::applyProperty(const QString &field, const QString &text)
{
    const design::Design &d = m_document.scenario(m_key).design;
    const bool name = field == u"name";
    switch (m_kind) {
    case Kind::Server: {
        design::Server s = *findById(d.servers, m_id);
        (name ? s.name : s.group) = text;
        return s == *findById(d.servers, m_id) ? EditOutcome{} : m_editor.setServer(m_key, s, field);
    }
    case Kind::Switch: {
        design::Switch s = *findById(d.switches, m_id);
        (name ? s.name : s.fabricId) = text;
        return s == *findById(d.switches, m_id) ? EditOutcome{} : m_editor.setSwitch(m_key, s, field);
    }
    case Kind::Gateway: {
        design::Gateway g = *findById(d.gateways, m_id);
        g.name = text;
        return g == *findById(d.gateways, m_id) ? EditOutcome{} : m_editor.setGateway(m_key, g, field);
    }
    case Kind::Storage: {
        design::StorageArray s = *findById(d.storage, m_id);
        (name ? s.name : s.fabricId) = text;
        return s == *findById(d.storage, m_id) ? EditOutcome{} : m_editor.setStorage(m_key, s, field);
    }
    case Kind::Rack: {
        design::Rack r = *findById(d.racks, m_id);
        if (name)
            r.name = text;
        else
            r.heightU = text.toInt();
        return r == *findById(d.racks, m_id) ? EditOutcome{} : m_editor.setRack(m_key, r, field);
    }
    case Kind::Fabric:
    case Kind::None:
        break;
    }
    return {};
}

void DevicePage::moveTo(const QString &rackId, const QString &positionText)
{
    if (!valid())
        return;
    const ParsedNumber parsed = parseNumber(positionText, {QStringLiteral("Position"), 1, rackTop(), false, true, false, QStringLiteral("U")});
    if (!parsed.ok()) {
        report(m_position, parsed.error);
        return;
    }
    const Placement p = placement(m_document.scenario(m_key));
    const int position = static_cast<int>(*parsed.value);
    if (rackId == p.rackId && position == p.positionU) {
        report(m_position, {});
        return;
    }
    const EditOutcome outcome = m_editor.moveDevice(m_key, m_id, rackId, position);
    report(rackId == p.rackId ? static_cast<QWidget *>(m_position) : static_cast<QWidget *>(m_rack), outcome.refusal);
    if (!outcome.ok())
        m_rack->setCurrentIndex(m_rack->findData(p.rackId));
}

} // namespace iovplan::ui
