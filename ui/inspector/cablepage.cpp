#include "cablepage.h"

#include "itemsummary.h"
#include "objectbyid.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>

namespace iovplan::ui {

namespace {

QLabel *wrapping(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

CablePage::CablePage(const Document &document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_header(new QLabel(this))
    , m_from(wrapping(this))
    , m_to(wrapping(this))
    , m_fabric(wrapping(this))
    , m_optics(wrapping(this))
{
    m_header->setTextFormat(Qt::RichText);
    auto *ends = new QGroupBox(QStringLiteral("Connection"), this);
    auto *form = new QFormLayout(ends);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(QStringLiteral("From"), m_from);
    form->addRow(QStringLiteral("To"), m_to);
    form->addRow(QStringLiteral("Fabric"), m_fabric);
    form->addRow(QStringLiteral("Optics"), m_optics);
    auto *itemBox = new QGroupBox(QStringLiteral("Cable item"), this);
    m_item = new ItemSummary(itemBox);
    auto *itemLayout = new QVBoxLayout(itemBox);
    itemLayout->addWidget(m_item);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addWidget(ends);
    layout->addWidget(itemBox);
    layout->addStretch(1);
}

QString CablePage::endText(const design::Design &design, const design::CableEnd &end) const
{
    QString device = end.deviceId;
    QString card;
    if (const auto *server = findById(design.servers, end.deviceId)) {
        device = QStringLiteral("%1 (%2)").arg(server->name, server->id);
        for (const design::SlotItem &adapter : server->adapters) {
            if (adapter.slot == end.slot) {
                const auto pinned = m_document.catalog().find(adapter.itemId);
                card = pinned == m_document.catalog().end() ? adapter.itemId : design::displayName(pinned->second);
            }
        }
        if (end.slot == 0)
            card = QStringLiteral("on-board Ethernet");
    } else if (const auto *sw = findById(design.switches, end.deviceId)) {
        device = QStringLiteral("%1 (%2)").arg(sw->name, sw->id);
    } else if (const auto *gateway = findById(design.gateways, end.deviceId)) {
        device = QStringLiteral("%1 (%2)").arg(gateway->name, gateway->id);
    } else if (const auto *storage = findById(design.storage, end.deviceId)) {
        device = QStringLiteral("%1 (%2)").arg(storage->name, storage->id);
    } else if (const auto *fabric = findById(design.fabrics, end.deviceId)) {
        return QStringLiteral("uplink into %1 (%2): the existing network").arg(fabric->name, fabric->id);
    }
    QString text = device;
    if (end.slot > 0)
        text += QStringLiteral(", slot %1").arg(end.slot);
    text += QStringLiteral(", port %1").arg(end.port);
    if (!card.isEmpty())
        text += QStringLiteral(" — ") + card;
    return text;
}

bool CablePage::showCable(ScenarioKey key, const QString &id)
{
    m_key = key;
    m_id = id;
    refresh();
    return m_document.contains(key) && findById(m_document.scenario(key).design.cables, id) != nullptr;
}

void CablePage::refresh()
{
    const design::Cable *cable = m_document.contains(m_key)
        ? findById(m_document.scenario(m_key).design.cables, m_id)
        : nullptr;
    setEnabled(cable != nullptr);
    if (!cable) {
        m_header->setText(QStringLiteral("%1 is no longer in the scenario").arg(m_id.toHtmlEscaped()));
        return;
    }
    const design::Design &d = m_document.scenario(m_key).design;
    m_header->setText(QStringLiteral("<b>Cable</b> · %1").arg(m_id.toHtmlEscaped()));
    m_from->setText(endText(d, cable->from));
    m_to->setText(endText(d, cable->to));
    const auto *fabric = findById(d.fabrics, cable->fabricId);
    m_fabric->setText(fabric ? QStringLiteral("%1 (%2)").arg(fabric->name, design::fabricKindName(fabric->kind))
                             : cable->fabricId);
    QStringList optics;
    for (const QString &itemId : cable->transceiverItemIds) {
        const auto pinned = m_document.catalog().find(itemId);
        optics << (pinned == m_document.catalog().end() ? itemId : design::displayName(pinned->second));
    }
    m_optics->setText(optics.isEmpty() ? QStringLiteral("none (copper or built-in)") : optics.join(QStringLiteral(", ")));
    m_item->showItem(m_document.catalog(), cable->itemId);
}

QString CablePage::endsText() const
{
    return m_from->text() + u'\n' + m_to->text();
}

} // namespace iovplan::ui
