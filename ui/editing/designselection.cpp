#include "designselection.h"

namespace iovplan::ui {

namespace {
const auto cardSeparator = QStringLiteral("/slot");
}

DesignSelection::DesignSelection(QObject *parent)
    : QObject(parent)
{
}

void DesignSelection::setScenario(ScenarioKey key)
{
    if (key == m_scenario)
        return;
    m_scenario = key;
    const bool hadSelection = !m_ids.isEmpty();
    m_ids.clear();
    Q_EMIT scenarioChanged(key);
    if (hadSelection)
        Q_EMIT selectionChanged(m_ids);
}

void DesignSelection::setIds(const QStringList &ids)
{
    if (ids == m_ids)
        return;
    m_ids = ids;
    Q_EMIT selectionChanged(m_ids);
}

QString DesignSelection::cardId(const QString &deviceId, int slot)
{
    return deviceId + cardSeparator + QString::number(slot);
}

bool DesignSelection::splitCardId(const QString &id, QString *deviceId, int *slot)
{
    const qsizetype at = id.lastIndexOf(cardSeparator);
    if (at <= 0)
        return false;
    bool ok = false;
    const int number = id.mid(at + cardSeparator.size()).toInt(&ok);
    if (!ok || number < 0)
        return false;
    if (deviceId)
        *deviceId = id.left(at);
    if (slot)
        *slot = number;
    return true;
}

} // namespace iovplan::ui
