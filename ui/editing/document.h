#pragma once
// The open project as the GUI edits it: the project, its file, its undo stack and one change channel
// (CONVENTIONS 4). Owns the project; views read it through const accessors and subscribe to the signals;
// only the undo commands (undocommands.h) call the mutators, so every change is undoable.

#include "model/design/itemspecs.h"
#include "model/design/project.h"
#include "model/io/projectdocument.h"

#include <QObject>
#include <QString>

#include <vector>

class QUndoStack;

namespace iovplan::ui {

/// A scenario's identity while the project is open: stable across renames, reordering and undo of a
/// delete (indices are not). Never saved.
using ScenarioKey = int;

/// What part of a scenario an edit touched, so subscribers redo only what depends on it.
enum class ScenarioPart {
    Design = 0x1, ///< racks, devices, cards, fabrics, cables
    Workload = 0x2, ///< VM profiles, SLA
    Settings = 0x4, ///< IOV mode, assumptions
    Name = 0x8,
};
Q_DECLARE_FLAGS(ScenarioParts, ScenarioPart)

/// The project being edited. One per main window.
class Document : public QObject
{
    Q_OBJECT

public:
    explicit Document(QObject *parent = nullptr);
    ~Document() override;

    // ---- reading ----
    [[nodiscard]] const design::Project &project() const { return m_project; }
    [[nodiscard]] const design::PinnedCatalog &catalog() const { return m_project.catalog; }
    /// Scenario keys in tab order.
    [[nodiscard]] const std::vector<ScenarioKey> &scenarioKeys() const { return m_keys; }
    [[nodiscard]] int indexOf(ScenarioKey key) const; ///< -1 when not (or no longer) in the project
    [[nodiscard]] bool contains(ScenarioKey key) const { return indexOf(key) >= 0; }
    /// The scenario of `key` (which must be contained).
    [[nodiscard]] const design::Scenario &scenario(ScenarioKey key) const;

    // ---- files ----
    /// The file the project was read from or last saved to; empty for a new project.
    [[nodiscard]] QString filePath() const { return m_filePath; }
    /// "ciov-whitepaper.iovplan", or "Untitled" for a new project.
    [[nodiscard]] QString displayName() const;
    [[nodiscard]] bool isModified() const;
    /// Replaces the project by a new empty one (one scenario with one rack), clears undo.
    void newProject();
    /// Reads `path`; on success replaces the project and clears undo. Returns the error (field empty and
    /// message empty on success). The open project is untouched on failure.
    [[nodiscard]] io::DocumentError open(const QString &path);
    /// Replaces the project by `project` read from elsewhere (a recovery file): marked modified, with
    /// `filePath` as its file (may be empty).
    void adopt(design::Project project, const QString &filePath, int loadedVersion);
    /// Saves atomically to `path` (the current file when empty) and marks the stack clean on success.
    [[nodiscard]] io::SaveResult save(const QString &path = {});

    [[nodiscard]] QUndoStack *undoStack() const { return m_undoStack; }

    // ---- mutators: for undo commands only ----
    /// Replaces one scenario (and the pinned items, which commands carry with the scenario).
    void replaceScenario(ScenarioKey key, const design::Scenario &scenario, const design::PinnedCatalog &catalog,
                         ScenarioParts parts);
    /// Inserts `scenario` at `index` under `key` (a key from reserveKey(), or the one of a deleted scenario).
    void insertScenario(int index, ScenarioKey key, const design::Scenario &scenario);
    /// Removes the scenario of `key`.
    void removeScenario(ScenarioKey key);
    /// A key no scenario has used yet.
    [[nodiscard]] ScenarioKey reserveKey() { return m_nextKey++; }
    /// Replaces the pinned items only (refresh prices, pinning a new item without another change).
    void replaceCatalog(const design::PinnedCatalog &catalog);
    void setProjectInfo(const QString &name, const QString &author);

Q_SIGNALS:
    /// The whole project was replaced (new, open, adopt): rebuild everything.
    void projectReset();
    /// A scenario was added, removed or reordered: the key list changed.
    void scenarioListChanged();
    /// Scenario `key` changed in `parts`.
    void scenarioChanged(ScenarioKey key, ScenarioParts parts);
    /// The pinned items changed (every scenario's figures may change).
    void catalogChanged();
    /// The file name or the modified state changed: update the title.
    void fileStateChanged();

private:
    void resetTo(design::Project project, const QString &filePath, int loadedVersion);
    [[nodiscard]] int checkedIndex(ScenarioKey key) const;

    design::Project m_project;
    std::vector<ScenarioKey> m_keys; ///< parallel to m_project.scenarios
    ScenarioKey m_nextKey = 1;
    QString m_filePath;
    int m_loadedVersion = io::currentDocumentVersion;
    QUndoStack *m_undoStack = nullptr;
};

} // namespace iovplan::ui

Q_DECLARE_OPERATORS_FOR_FLAGS(iovplan::ui::ScenarioParts)
