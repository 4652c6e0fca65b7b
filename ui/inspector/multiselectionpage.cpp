#include "multiselectionpage.h"

#include "fieldvalidation.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSet>
#include <QVBoxLayout>

namespace iovplan::ui {

namespace {

QString counted(qsizetype n, const char *one, const char *many)
{
    return QStringLiteral("%1 %2").arg(n).arg(QString::fromLatin1(n == 1 ? one : many));
}

} // namespace

MultiSelectionPage::MultiSelectionPage(Document &document, DocumentEditor &editor, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_editor(editor)
    , m_summary(new QLabel(this))
    , m_group(new QLineEdit(this))
{
    m_group->setObjectName(QStringLiteral("selectionGroup"));
    m_group->setPlaceholderText(QStringLiteral("(several groups)"));
    m_group->setToolTip(QStringLiteral("Server group of every selected server; applied when you leave the field"));
    m_summary->setWordWrap(true);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(QStringLiteral("Server group"), m_group);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addLayout(form);
    layout->addStretch(1);

    connect(m_group, &QLineEdit::textEdited, this, [this](const QString &text) {
        const QString reason = text.trimmed().isEmpty() ? QStringLiteral("Server group: must not be empty") : QString();
        markField(m_group, reason);
        Q_EMIT message(reason);
    });
    connect(m_group, &QLineEdit::editingFinished, this, &MultiSelectionPage::applyGroup);
}

QStringList MultiSelectionPage::selectedServers() const
{
    QStringList servers;
    if (m_key == 0 || !m_document.contains(m_key))
        return servers;
    const QSet<QString> ids(m_ids.begin(), m_ids.end());
    for (const design::Server &server : m_document.scenario(m_key).design.servers) {
        if (ids.contains(server.id))
            servers << server.id;
    }
    return servers;
}

void MultiSelectionPage::showObjects(ScenarioKey key, const QStringList &ids)
{
    m_key = key;
    m_ids = ids;
    markField(m_group, {});
    m_group->setModified(false);
    refresh();
}

QString MultiSelectionPage::summaryText() const
{
    return m_summary->text();
}

void MultiSelectionPage::refresh()
{
    if (m_key == 0 || !m_document.contains(m_key)) {
        m_summary->clear();
        setEnabled(false);
        return;
    }
    setEnabled(true);
    const design::Design &d = m_document.scenario(m_key).design;
    const QSet<QString> ids(m_ids.begin(), m_ids.end());
    const auto count = [&ids](const auto &objects) {
        return std::count_if(objects.begin(), objects.end(), [&ids](const auto &o) { return ids.contains(o.id); });
    };
    QStringList parts;
    const auto add = [&parts](qsizetype n, const char *one, const char *many) {
        if (n > 0)
            parts << counted(n, one, many);
    };
    add(count(d.servers), "server", "servers");
    add(count(d.switches), "switch", "switches");
    add(count(d.gateways), "gateway", "gateways");
    add(count(d.storage), "storage array", "storage arrays");
    add(count(d.racks), "rack", "racks");
    add(count(d.cables), "cable", "cables");
    m_summary->setText(QStringLiteral("%1 objects selected: %2").arg(m_ids.size()).arg(parts.join(QStringLiteral(", "))));

    QStringList groups;
    for (const design::Server &server : d.servers) {
        if (ids.contains(server.id) && !groups.contains(server.group))
            groups << server.group;
    }
    m_group->setEnabled(!groups.isEmpty());
    if (!(m_group->hasFocus() && (m_group->isModified() || isMarkedInvalid(m_group)))) {
        m_group->setText(groups.size() == 1 ? groups.first() : QString());
        markField(m_group, {});
    }
}

void MultiSelectionPage::applyGroup()
{
    const QString group = m_group->text().trimmed();
    if (!m_group->isModified() || group.isEmpty())
        return;
    m_group->setModified(false);
    const QStringList servers = selectedServers();
    if (servers.isEmpty())
        return;
    // One gesture, one undo step: every selected server changes in a single replaceScenario.
    design::Scenario scenario = m_document.scenario(m_key);
    const QSet<QString> ids(servers.begin(), servers.end());
    bool changed = false;
    for (design::Server &server : scenario.design.servers) {
        if (ids.contains(server.id) && server.group != group) {
            server.group = group;
            changed = true;
        }
    }
    if (!changed)
        return;
    const EditOutcome outcome = m_editor.replaceScenario(
        m_key, scenario, m_document.catalog(),
        QStringLiteral("Set server group of %1 to %2").arg(counted(servers.size(), "server", "servers"), group));
    markField(m_group, outcome.refusal);
    Q_EMIT message(outcome.refusal);
}

} // namespace iovplan::ui
