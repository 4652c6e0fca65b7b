#include "documenteditor.h"

#include "undocommands.h"

#include "catalogs/pricerefresh.h"

#include <QUndoStack>

namespace iovplan::ui {

namespace {

QString itemName(const design::PinnedCatalog &catalog, const QString &itemId)
{
    const auto it = catalog.find(itemId);
    return it == catalog.end() ? itemId : design::displayName(it->second);
}

EditOutcome refused(const QString &reason)
{
    return EditOutcome{reason, {}};
}

QString scenarioName(const Document &document, ScenarioKey key)
{
    return document.scenario(key).name;
}

/// A name not yet used by a scenario of the project: `base`, else "base 2", "base 3", ...
QString unusedScenarioName(const Document &document, const QString &base)
{
    auto used = [&](const QString &name) {
        for (const design::Scenario &s : document.project().scenarios) {
            if (s.name == name)
                return true;
        }
        return false;
    };
    if (!used(base))
        return base;
    for (int n = 2;; ++n) {
        const QString candidate = QStringLiteral("%1 %2").arg(base).arg(n);
        if (!used(candidate))
            return candidate;
    }
}

} // namespace

DocumentEditor::DocumentEditor(Document &document, const catalogs::CatalogDatabase *catalog)
    : m_document(document)
    , m_catalog(catalog)
{
}

design::PinnedCatalog DocumentEditor::catalogWith(const QString &itemId, QString *error) const
{
    design::PinnedCatalog catalog = m_document.catalog();
    if (itemId.isEmpty() || catalog.contains(itemId))
        return catalog;
    if (!m_catalog) {
        if (error)
            *error = QObject::tr("item %1 is not in the project and no hardware catalog is open").arg(itemId);
        return catalog;
    }
    catalogs::PinResult pinned = catalogs::pinItem(*m_catalog, itemId);
    if (!pinned.ok()) {
        if (error)
            *error = pinned.error;
        return catalog;
    }
    catalog.emplace(itemId, std::move(*pinned.item));
    return catalog;
}

EditOutcome DocumentEditor::commit(ScenarioKey key, const design::Scenario &after,
                                   const design::PinnedCatalog &catalogAfter, ScenarioParts parts, const QString &text,
                                   MergeId mergeId, const QString &mergeKey)
{
    const design::Scenario &before = m_document.scenario(key);
    if (after == before && catalogAfter == m_document.catalog())
        return {}; // never push a command that changes nothing
    // Only the items the edited scenario needs are pinned anew; items already pinned stay.
    m_document.undoStack()->push(new EditScenarioCommand(
        m_document, key, {before, m_document.catalog()}, {after, catalogAfter}, parts, text, mergeId, mergeKey));
    return {};
}

EditOutcome DocumentEditor::commit(ScenarioKey key, const edit::EditResult &result,
                                   const design::PinnedCatalog &catalogAfter, const QString &text)
{
    if (!result.ok())
        return refused(result.refusal);
    EditOutcome outcome = commit(key, *result.scenario, catalogAfter, ScenarioPart::Design, text);
    outcome.createdIds = result.createdIds;
    return outcome;
}

EditOutcome DocumentEditor::addRack(ScenarioKey key, int heightU)
{
    return commit(key, edit::addRack(m_document.scenario(key), heightU), m_document.catalog(),
                  QObject::tr("Add rack"));
}

EditOutcome DocumentEditor::placeItem(ScenarioKey key, const QString &itemId, const QString &rackId, int positionU)
{
    QString error;
    const design::PinnedCatalog catalog = catalogWith(itemId, &error);
    if (!error.isEmpty())
        return refused(error);
    const edit::EditResult result = edit::placeItem(m_document.scenario(key), catalog, itemId, rackId, positionU);
    return commit(key, result, catalog,
                  QObject::tr("Place %1 at U %2").arg(itemName(catalog, itemId)).arg(positionU));
}

EditOutcome DocumentEditor::moveDevice(ScenarioKey key, const QString &deviceId, const QString &rackId, int positionU)
{
    return commit(key, edit::moveDevice(m_document.scenario(key), m_document.catalog(), deviceId, rackId, positionU),
                  m_document.catalog(), QObject::tr("Move %1").arg(deviceId));
}

EditOutcome DocumentEditor::moveDevices(ScenarioKey key,
                                        const std::vector<std::pair<QString, std::pair<QString, int>>> &moves)
{
    design::Scenario scenario = m_document.scenario(key);
    for (const auto &[deviceId, target] : moves) {
        edit::EditResult moved = edit::moveDevice(scenario, m_document.catalog(), deviceId, target.first, target.second);
        if (!moved.ok())
            return refused(moved.refusal);
        scenario = std::move(*moved.scenario);
    }
    const QString text = moves.size() == 1 ? QObject::tr("Move %1").arg(moves.front().first)
                                           : QObject::tr("Move %n devices", nullptr, static_cast<int>(moves.size()));
    return commit(key, scenario, m_document.catalog(), ScenarioPart::Design, text);
}

EditOutcome DocumentEditor::insertCard(ScenarioKey key, const QString &deviceId, const QString &itemId,
                                       std::optional<int> slot)
{
    QString error;
    const design::PinnedCatalog catalog = catalogWith(itemId, &error);
    if (!error.isEmpty())
        return refused(error);
    return commit(key, edit::insertCard(m_document.scenario(key), catalog, deviceId, itemId, slot), catalog,
                  QObject::tr("Insert %1 into %2").arg(itemName(catalog, itemId), deviceId));
}

EditOutcome DocumentEditor::removeCard(ScenarioKey key, const QString &deviceId, int slot)
{
    return commit(key, edit::removeCard(m_document.scenario(key), deviceId, slot), m_document.catalog(),
                  QObject::tr("Remove card from %1 slot %2").arg(deviceId).arg(slot));
}

EditOutcome DocumentEditor::connectPorts(ScenarioKey key, const design::CableEnd &from, const design::CableEnd &to,
                                         const QString &cableItemId)
{
    QString error;
    const design::PinnedCatalog catalog = catalogWith(cableItemId, &error);
    if (!error.isEmpty())
        return refused(error);
    return commit(key, edit::connectPorts(m_document.scenario(key), catalog, from, to, cableItemId), catalog,
                  QObject::tr("Cable %1 to %2").arg(from.deviceId, to.deviceId));
}

EditOutcome DocumentEditor::autoCable(ScenarioKey key, const QStringList &serverIds)
{
    return commit(key, edit::autoCable(m_document.scenario(key), m_document.catalog(), serverIds),
                  m_document.catalog(), QObject::tr("Auto-cable %n servers", nullptr, static_cast<int>(serverIds.size())));
}

EditOutcome DocumentEditor::removeObjects(ScenarioKey key, const QStringList &ids)
{
    const QString text = ids.size() == 1 ? QObject::tr("Delete %1").arg(ids.constFirst())
                                         : QObject::tr("Delete %n objects", nullptr, static_cast<int>(ids.size()));
    return commit(key, edit::removeObjects(m_document.scenario(key), ids), m_document.catalog(), text);
}

EditOutcome DocumentEditor::duplicateObjects(ScenarioKey key, const QStringList &ids)
{
    return commit(key, edit::duplicateObjects(m_document.scenario(key), m_document.catalog(), ids),
                  m_document.catalog(), QObject::tr("Duplicate %n objects", nullptr, static_cast<int>(ids.size())));
}

EditOutcome DocumentEditor::pasteObjects(ScenarioKey key, const design::Design &fragment,
                                         const design::PinnedCatalog &items, const QString &rackId)
{
    // Pasted devices bring their pinned items; the project's own pins win where both have one.
    design::PinnedCatalog catalog = m_document.catalog();
    for (const auto &[id, item] : items)
        catalog.emplace(id, item);
    return commit(key, edit::pasteObjects(m_document.scenario(key), catalog, fragment, rackId), catalog,
                  QObject::tr("Paste"));
}

EditOutcome DocumentEditor::addServersLike(ScenarioKey key, const QString &serverId, int count)
{
    return commit(key, edit::addServersLike(m_document.scenario(key), m_document.catalog(), serverId, count),
                  m_document.catalog(), QObject::tr("Add %n servers like %1", nullptr, count).arg(serverId));
}

EditOutcome DocumentEditor::applyAdapterKit(ScenarioKey key, const QString &kitServerId, const QStringList &serverIds)
{
    return commit(key, edit::applyAdapterKit(m_document.scenario(key), m_document.catalog(), kitServerId, serverIds),
                  m_document.catalog(),
                  QObject::tr("Apply the adapter kit of %1 to %n servers", nullptr, static_cast<int>(serverIds.size()))
                      .arg(kitServerId));
}

template<typename Record>
EditOutcome DocumentEditor::setRecord(ScenarioKey key, std::vector<Record> design::Design::*records,
                                      const Record &edited, const QString &field, const QString &what)
{
    design::Scenario scenario = m_document.scenario(key);
    std::vector<Record> &list = scenario.design.*records;
    const auto it = std::find_if(list.begin(), list.end(), [&](const Record &r) { return r.id == edited.id; });
    if (it == list.end())
        return refused(QObject::tr("%1 %2 is not in the design").arg(what, edited.id));
    if (edited.name.trimmed().isEmpty())
        return refused(QObject::tr("%1 %2 needs a name").arg(what, edited.id));
    *it = edited;
    return commit(key, scenario, m_document.catalog(), ScenarioPart::Design,
                  QObject::tr("Change %1 of %2").arg(field, edited.name), MergeId::ObjectProperty,
                  edited.id + QLatin1Char('/') + field);
}

/// Devices placed in a rack: a changed rack or position is a move and keeps the rack rules.
template<typename Device>
static EditOutcome setPlacedDevice(const Document &document, ScenarioKey key,
                                   std::vector<Device> design::Design::*records, const Device &edited)
{
    const std::vector<Device> &list = document.scenario(key).design.*records;
    const auto it = std::find_if(list.begin(), list.end(), [&](const Device &d) { return d.id == edited.id; });
    if (it == list.end() || (it->rackId == edited.rackId && it->positionU == edited.positionU))
        return {};
    const edit::EditResult moved =
        edit::moveDevice(document.scenario(key), document.catalog(), edited.id, edited.rackId, edited.positionU);
    return moved.ok() ? EditOutcome{} : EditOutcome{moved.refusal, {}};
}

EditOutcome DocumentEditor::setServer(ScenarioKey key, const design::Server &edited, const QString &field)
{
    if (EditOutcome moved = setPlacedDevice(m_document, key, &design::Design::servers, edited); !moved.ok())
        return moved;
    return setRecord(key, &design::Design::servers, edited, field, QObject::tr("server"));
}

EditOutcome DocumentEditor::setSwitch(ScenarioKey key, const design::Switch &edited, const QString &field)
{
    if (EditOutcome moved = setPlacedDevice(m_document, key, &design::Design::switches, edited); !moved.ok())
        return moved;
    return setRecord(key, &design::Design::switches, edited, field, QObject::tr("switch"));
}

EditOutcome DocumentEditor::setGateway(ScenarioKey key, const design::Gateway &edited, const QString &field)
{
    if (EditOutcome moved = setPlacedDevice(m_document, key, &design::Design::gateways, edited); !moved.ok())
        return moved;
    return setRecord(key, &design::Design::gateways, edited, field, QObject::tr("gateway"));
}

EditOutcome DocumentEditor::setStorage(ScenarioKey key, const design::StorageArray &edited, const QString &field)
{
    if (EditOutcome moved = setPlacedDevice(m_document, key, &design::Design::storage, edited); !moved.ok())
        return moved;
    return setRecord(key, &design::Design::storage, edited, field, QObject::tr("storage array"));
}

EditOutcome DocumentEditor::setRack(ScenarioKey key, const design::Rack &edited, const QString &field)
{
    if (edited.heightU < 1 || edited.heightU > 60)
        return refused(QObject::tr("rack %1: height must be 1 to 60 U").arg(edited.id));
    // A lower rack must still hold its devices: check the edited design as the canvas would.
    design::Scenario scenario = m_document.scenario(key);
    for (design::Rack &rack : scenario.design.racks) {
        if (rack.id != edited.id)
            continue;
        rack.heightU = edited.heightU;
        auto tooHigh = [&](const auto &devices) -> QString {
            for (const auto &d : devices) {
                if (d.rackId == edited.id
                    && d.positionU + edit::itemHeightU(m_document.catalog(), d.itemId) - 1.0 > edited.heightU + 1e-9)
                    return d.id;
            }
            return {};
        };
        for (const QString &blocker : {tooHigh(scenario.design.servers), tooHigh(scenario.design.switches),
                                       tooHigh(scenario.design.gateways), tooHigh(scenario.design.storage)}) {
            if (!blocker.isEmpty())
                return refused(QObject::tr("rack %1 cannot be %2 U high: %3 sits above that; move it first")
                                   .arg(edited.id).arg(edited.heightU).arg(blocker));
        }
    }
    return setRecord(key, &design::Design::racks, edited, field, QObject::tr("rack"));
}

EditOutcome DocumentEditor::setWorkload(ScenarioKey key, const design::Workload &workload, const QString &field)
{
    design::Scenario scenario = m_document.scenario(key);
    scenario.workload = workload;
    return commit(key, scenario, m_document.catalog(), ScenarioPart::Workload,
                  QObject::tr("Change %1 of %2").arg(field, scenario.name), MergeId::ScenarioSetting,
                  QStringLiteral("workload/") + field);
}

EditOutcome DocumentEditor::setIovMode(ScenarioKey key, design::IovMode mode)
{
    design::Scenario scenario = m_document.scenario(key);
    scenario.iovMode = mode;
    return commit(key, scenario, m_document.catalog(), ScenarioPart::Settings,
                  QObject::tr("Set IOV mode of %1 to %2").arg(scenario.name, design::iovModeName(mode)));
}

EditOutcome DocumentEditor::setAssumptions(ScenarioKey key, const design::Assumptions &assumptions, const QString &field)
{
    if (!(assumptions.pue >= 1.0 && assumptions.pue <= 5.0))
        return refused(QObject::tr("PUE must be between 1 and 5"));
    if (assumptions.years < 1 || assumptions.years > 30)
        return refused(QObject::tr("the TCO horizon must be 1 to 30 years"));
    if (!(assumptions.electricityUsdPerKwh >= 0.0 && assumptions.electricityUsdPerKwh <= 10.0))
        return refused(QObject::tr("the electricity price must be 0 to 10 USD per kWh"));
    if (assumptions.maintenancePctOverride
        && !(*assumptions.maintenancePctOverride >= 0.0 && *assumptions.maintenancePctOverride <= 100.0))
        return refused(QObject::tr("the maintenance override must be 0 to 100 % per year"));
    design::Scenario scenario = m_document.scenario(key);
    scenario.assumptions = assumptions;
    return commit(key, scenario, m_document.catalog(), ScenarioPart::Settings,
                  QObject::tr("Change %1 of %2").arg(field, scenario.name), MergeId::ScenarioSetting,
                  QStringLiteral("assumptions/") + field);
}

ScenarioKey DocumentEditor::addScenario(const QString &name)
{
    design::Scenario scenario;
    scenario.name = unusedScenarioName(m_document, name.trimmed().isEmpty() ? QObject::tr("Scenario") : name.trimmed());
    scenario.design.racks.push_back(design::Rack{QStringLiteral("rack-1"), QStringLiteral("Rack 1"), 42});
    const ScenarioKey key = m_document.reserveKey();
    m_document.undoStack()->push(new AddScenarioCommand(m_document, static_cast<int>(m_document.scenarioKeys().size()),
                                                        key, scenario, m_document.catalog(),
                                                        QObject::tr("New scenario %1").arg(scenario.name)));
    return key;
}

ScenarioKey DocumentEditor::duplicateScenario(ScenarioKey key, const QString &name)
{
    design::Scenario copy = m_document.scenario(key);
    copy.name = unusedScenarioName(m_document, name.trimmed().isEmpty() ? QObject::tr("%1 (copy)").arg(copy.name)
                                                                         : name.trimmed());
    const ScenarioKey newKey = m_document.reserveKey();
    m_document.undoStack()->push(new AddScenarioCommand(m_document, m_document.indexOf(key) + 1, newKey, copy,
                                                        m_document.catalog(),
                                                        QObject::tr("Duplicate scenario %1").arg(scenarioName(m_document, key))));
    return newKey;
}

EditOutcome DocumentEditor::renameScenario(ScenarioKey key, const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return refused(QObject::tr("a scenario needs a name"));
    for (const design::Scenario &s : m_document.project().scenarios) {
        if (s.name == trimmed && &s != &m_document.scenario(key))
            return refused(QObject::tr("another scenario is already called \"%1\"").arg(trimmed));
    }
    design::Scenario scenario = m_document.scenario(key);
    const QString old = scenario.name;
    scenario.name = trimmed;
    return commit(key, scenario, m_document.catalog(), ScenarioPart::Name,
                  QObject::tr("Rename scenario %1 to %2").arg(old, trimmed));
}

EditOutcome DocumentEditor::removeScenario(ScenarioKey key)
{
    if (m_document.scenarioKeys().size() <= 1)
        return refused(QObject::tr("a project keeps at least one scenario"));
    m_document.undoStack()->push(
        new RemoveScenarioCommand(m_document, key, QObject::tr("Delete scenario %1").arg(scenarioName(m_document, key))));
    return {};
}

ScenarioKey DocumentEditor::addPlannedScenario(ScenarioKey after, const edit::ConsolidationPlan &plan,
                                               const design::PinnedCatalog &catalog)
{
    if (!plan.ok())
        return 0;
    design::Scenario scenario = *plan.scenario;
    scenario.name = unusedScenarioName(m_document, scenario.name);
    const ScenarioKey key = m_document.reserveKey();
    m_document.undoStack()->push(new AddScenarioCommand(m_document, m_document.indexOf(after) + 1, key, scenario,
                                                        catalog, QObject::tr("Consolidate into %1").arg(scenario.name)));
    return key;
}

EditOutcome DocumentEditor::replaceScenario(ScenarioKey key, const design::Scenario &scenario,
                                            const design::PinnedCatalog &catalog, const QString &text)
{
    return commit(key, scenario, catalog, ScenarioPart::Design | ScenarioPart::Workload | ScenarioPart::Settings, text);
}

} // namespace iovplan::ui
