#pragma once
// The undo commands behind every edit (CONVENTIONS 6-7). Each holds the scenario before and after the
// edit — copies whose strings Qt shares implicitly, so a step of a 2,000-server design costs a few MB at
// most — which makes undo restore the document exactly. Who owns what: the QUndoStack owns the commands;
// a command refers to its Document, which outlives the stack.

#include "document.h"
#include "documenteditor.h"

#include <QUndoCommand>

#include <optional>

namespace iovplan::ui {

/// Replaces one scenario (and, when the edit pinned new items, the pinned catalog).
class EditScenarioCommand : public QUndoCommand
{
public:
    struct State
    {
        design::Scenario scenario;
        design::PinnedCatalog catalog;
    };
    EditScenarioCommand(Document &document, ScenarioKey key, State before, State after, ScenarioParts parts,
                        const QString &text, MergeId mergeId = MergeId::None, const QString &mergeKey = {});

    void undo() override;
    void redo() override;
    [[nodiscard]] int id() const override { return static_cast<int>(m_mergeId); }
    bool mergeWith(const QUndoCommand *other) override;

private:
    Document &m_document;
    ScenarioKey m_key;
    State m_before;
    State m_after;
    ScenarioParts m_parts;
    MergeId m_mergeId;
    QString m_mergeKey; ///< the object and field continuous edits of which merge
};

/// Adds a scenario (new, duplicate, consolidated) at an index; undo removes it.
class AddScenarioCommand : public QUndoCommand
{
public:
    AddScenarioCommand(Document &document, int index, ScenarioKey key, design::Scenario scenario,
                       design::PinnedCatalog catalogAfter, const QString &text);
    void undo() override;
    void redo() override;

private:
    Document &m_document;
    int m_index;
    ScenarioKey m_key;
    design::Scenario m_scenario;
    design::PinnedCatalog m_catalogBefore;
    design::PinnedCatalog m_catalogAfter;
};

/// Removes a scenario; undo puts it back at its index under its key.
class RemoveScenarioCommand : public QUndoCommand
{
public:
    RemoveScenarioCommand(Document &document, ScenarioKey key, const QString &text);
    void undo() override;
    void redo() override;

private:
    Document &m_document;
    ScenarioKey m_key;
    int m_index;
    design::Scenario m_scenario;
};

} // namespace iovplan::ui
