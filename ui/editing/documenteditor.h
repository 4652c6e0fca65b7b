#pragma once
// The small facade the GUI calls to change the project (CONVENTIONS 8): each method computes the edit
// with model/edit's pure functions, pins catalog items it needs, and pushes one undo command — or returns
// why the edit is refused and changes nothing. Never pushes a command that changes nothing.

#include "document.h"

#include "model/design/scenario.h"
#include "model/edit/consolidation.h"
#include "model/edit/designedits.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace iovplan::catalogs {
class CatalogDatabase;
}

namespace iovplan::ui {

/// Ids for QUndoCommand::id(): continuous edits of one field of one object merge into one step.
enum class MergeId {
    None = -1,
    ScenarioSetting = 1, ///< the same inspector field of the same scenario
    ObjectProperty = 2, ///< the same inspector field of the same object
};

/// The outcome of a request: empty when applied, else the reason shown to the user.
struct EditOutcome
{
    QString refusal;
    QStringList createdIds; ///< for the canvas to select
    [[nodiscard]] bool ok() const { return refusal.isEmpty(); }
};

/// Edits a Document. `catalog` (may be null) is where catalog items not yet pinned by the project are
/// pinned from when they are placed.
class DocumentEditor
{
public:
    DocumentEditor(Document &document, const catalogs::CatalogDatabase *catalog);

    [[nodiscard]] Document &document() const { return m_document; }
    [[nodiscard]] const catalogs::CatalogDatabase *catalogDatabase() const { return m_catalog; }

    /// The project's pinned items plus `itemId` pinned from the catalog database if the project lacks it.
    /// Sets `*error` when it can be neither.
    [[nodiscard]] design::PinnedCatalog catalogWith(const QString &itemId, QString *error) const;

    // ---- design gestures (one undo step each) ----
    EditOutcome addRack(ScenarioKey key, int heightU = 42);
    EditOutcome placeItem(ScenarioKey key, const QString &itemId, const QString &rackId, int positionU);
    EditOutcome moveDevice(ScenarioKey key, const QString &deviceId, const QString &rackId, int positionU);
    /// Several devices moved in one gesture: all or nothing, one undo step.
    EditOutcome moveDevices(ScenarioKey key, const std::vector<std::pair<QString, std::pair<QString, int>>> &moves);
    EditOutcome insertCard(ScenarioKey key, const QString &deviceId, const QString &itemId,
                           std::optional<int> slot = {});
    EditOutcome removeCard(ScenarioKey key, const QString &deviceId, int slot);
    EditOutcome connectPorts(ScenarioKey key, const design::CableEnd &from, const design::CableEnd &to,
                             const QString &cableItemId);
    EditOutcome autoCable(ScenarioKey key, const QStringList &serverIds);
    EditOutcome removeObjects(ScenarioKey key, const QStringList &ids);
    EditOutcome duplicateObjects(ScenarioKey key, const QStringList &ids);
    EditOutcome pasteObjects(ScenarioKey key, const design::Design &fragment, const design::PinnedCatalog &items,
                             const QString &rackId = {});
    EditOutcome addServersLike(ScenarioKey key, const QString &serverId, int count);
    EditOutcome applyAdapterKit(ScenarioKey key, const QString &kitServerId, const QStringList &serverIds);

    // ---- properties (inspector; continuous edits of one field merge) ----
    /// Replaces the server (switch, ...) with `edited`'s id by `edited`; `field` names the property edited
    /// ("name", "group", ...) so continuous edits of it merge. A changed rack or position goes through the
    /// same rules as a move; an unknown id or an empty name is refused.
    EditOutcome setServer(ScenarioKey key, const design::Server &edited, const QString &field);
    EditOutcome setSwitch(ScenarioKey key, const design::Switch &edited, const QString &field);
    EditOutcome setGateway(ScenarioKey key, const design::Gateway &edited, const QString &field);
    EditOutcome setStorage(ScenarioKey key, const design::StorageArray &edited, const QString &field);
    EditOutcome setRack(ScenarioKey key, const design::Rack &edited, const QString &field);
    EditOutcome setWorkload(ScenarioKey key, const design::Workload &workload, const QString &field);
    EditOutcome setIovMode(ScenarioKey key, design::IovMode mode);
    EditOutcome setAssumptions(ScenarioKey key, const design::Assumptions &assumptions, const QString &field);

    // ---- scenarios ----
    /// Adds an empty scenario (one 42U rack) named `name` after the last; returns its key.
    ScenarioKey addScenario(const QString &name);
    /// Copies scenario `key` right after it as "<name> (copy)" (or `name`); returns the new key.
    ScenarioKey duplicateScenario(ScenarioKey key, const QString &name = {});
    EditOutcome renameScenario(ScenarioKey key, const QString &name);
    /// Refused for the last scenario (a project always has one).
    EditOutcome removeScenario(ScenarioKey key);
    /// Adds the consolidated scenario of a plan (Consolidate... wizard) after `key`; returns the new key.
    ScenarioKey addPlannedScenario(ScenarioKey after, const edit::ConsolidationPlan &plan,
                                   const design::PinnedCatalog &catalog);
    /// Replaces the whole scenario in one step (e.g. a what-if result the user keeps).
    EditOutcome replaceScenario(ScenarioKey key, const design::Scenario &scenario, const design::PinnedCatalog &catalog,
                                const QString &text);

private:
    /// Pushes the edit of scenario `key` to `after` (with `catalogAfter` pinned) as one undo step, unless
    /// it changes nothing.
    EditOutcome commit(ScenarioKey key, const design::Scenario &after, const design::PinnedCatalog &catalogAfter,
                       ScenarioParts parts, const QString &text, MergeId mergeId = MergeId::None,
                       const QString &mergeKey = {});
    EditOutcome commit(ScenarioKey key, const edit::EditResult &result, const design::PinnedCatalog &catalogAfter,
                       const QString &text);
    template<typename Record>
    EditOutcome setRecord(ScenarioKey key, std::vector<Record> design::Design::*records, const Record &edited,
                          const QString &field, const QString &what);

    Document &m_document;
    const catalogs::CatalogDatabase *m_catalog = nullptr;
};

} // namespace iovplan::ui
