#include "undocommands.h"

namespace iovplan::ui {

EditScenarioCommand::EditScenarioCommand(Document &document, ScenarioKey key, State before, State after,
                                         ScenarioParts parts, const QString &text, MergeId mergeId,
                                         const QString &mergeKey)
    : QUndoCommand(text)
    , m_document(document)
    , m_key(key)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_parts(parts)
    , m_mergeId(mergeId)
    , m_mergeKey(mergeKey)
{
}

void EditScenarioCommand::undo()
{
    m_document.replaceScenario(m_key, m_before.scenario, m_before.catalog, m_parts);
}

void EditScenarioCommand::redo()
{
    m_document.replaceScenario(m_key, m_after.scenario, m_after.catalog, m_parts);
}

bool EditScenarioCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = dynamic_cast<const EditScenarioCommand *>(other);
    if (!next || m_mergeId == MergeId::None || next->m_mergeId != m_mergeId || next->m_key != m_key
        || next->m_mergeKey != m_mergeKey)
        return false;
    m_after = next->m_after;
    m_parts |= next->m_parts;
    // Typing a value back to where it started leaves nothing to undo.
    setObsolete(m_after.scenario == m_before.scenario && m_after.catalog == m_before.catalog);
    return true;
}

AddScenarioCommand::AddScenarioCommand(Document &document, int index, ScenarioKey key, design::Scenario scenario,
                                       design::PinnedCatalog catalogAfter, const QString &text)
    : QUndoCommand(text)
    , m_document(document)
    , m_index(index)
    , m_key(key)
    , m_scenario(std::move(scenario))
    , m_catalogBefore(document.catalog())
    , m_catalogAfter(std::move(catalogAfter))
{
}

void AddScenarioCommand::undo()
{
    m_document.removeScenario(m_key);
    m_document.replaceCatalog(m_catalogBefore);
}

void AddScenarioCommand::redo()
{
    m_document.replaceCatalog(m_catalogAfter);
    m_document.insertScenario(m_index, m_key, m_scenario);
}

RemoveScenarioCommand::RemoveScenarioCommand(Document &document, ScenarioKey key, const QString &text)
    : QUndoCommand(text)
    , m_document(document)
    , m_key(key)
    , m_index(document.indexOf(key))
    , m_scenario(document.scenario(key))
{
}

void RemoveScenarioCommand::undo()
{
    m_document.insertScenario(m_index, m_key, m_scenario);
}

void RemoveScenarioCommand::redo()
{
    m_document.removeScenario(m_key);
}

} // namespace iovplan::ui
