#pragma once
// What the user has selected in the current scenario, shared by the canvas, inspector and problems
// panel so each follows the others without knowing them.

#include "document.h"

#include <QObject>
#include <QStringList>

namespace iovplan::ui {

/// The current scenario and the ids of the selected design objects in it (racks, devices, cables;
/// "server-3/slot2" for a card). An empty selection means "the scenario itself".
class DesignSelection : public QObject
{
    Q_OBJECT

public:
    explicit DesignSelection(QObject *parent = nullptr);

    [[nodiscard]] ScenarioKey scenario() const { return m_scenario; }
    [[nodiscard]] const QStringList &ids() const { return m_ids; }

    /// Makes `key` current and clears the selection (no signal when unchanged).
    void setScenario(ScenarioKey key);
    /// Replaces the selection (no signal when unchanged).
    void setIds(const QStringList &ids);

    /// "server-3/slot2" for the card in slot 2 of server-3.
    [[nodiscard]] static QString cardId(const QString &deviceId, int slot);
    /// Splits a card id; false when `id` names no card.
    [[nodiscard]] static bool splitCardId(const QString &id, QString *deviceId, int *slot);

Q_SIGNALS:
    void scenarioChanged(iovplan::ui::ScenarioKey key);
    void selectionChanged(const QStringList &ids);

private:
    ScenarioKey m_scenario = 0;
    QStringList m_ids;
};

} // namespace iovplan::ui
