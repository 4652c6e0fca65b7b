#include "document.h"

#include <QFileInfo>
#include <QUndoStack>

#include <stdexcept>

namespace iovplan::ui {

namespace {

/// The project a new document starts from: one scenario with one standard rack, so the canvas has
/// somewhere to drop the first server.
design::Project emptyProject()
{
    design::Project project;
    project.name = Document::tr("Untitled project");
    design::Scenario scenario;
    scenario.name = Document::tr("Scenario 1");
    scenario.design.racks.push_back(design::Rack{QStringLiteral("rack-1"), QStringLiteral("Rack 1"), 42});
    project.scenarios.push_back(std::move(scenario));
    return project;
}

} // namespace

Document::Document(QObject *parent)
    : QObject(parent)
    , m_undoStack(new QUndoStack(this))
{
    // Scenario snapshots of a 2,000-server design are a few MB: bound what undo may hold.
    m_undoStack->setUndoLimit(200);
    connect(m_undoStack, &QUndoStack::cleanChanged, this, &Document::fileStateChanged);
    resetTo(emptyProject(), {}, io::currentDocumentVersion);
}

Document::~Document() = default;

int Document::indexOf(ScenarioKey key) const
{
    for (std::size_t i = 0; i < m_keys.size(); ++i) {
        if (m_keys[i] == key)
            return static_cast<int>(i);
    }
    return -1;
}

int Document::checkedIndex(ScenarioKey key) const
{
    const int index = indexOf(key);
    if (index < 0)
        throw std::out_of_range("Document: no scenario with this key");
    return index;
}

const design::Scenario &Document::scenario(ScenarioKey key) const
{
    return m_project.scenarios[static_cast<std::size_t>(checkedIndex(key))];
}

QString Document::displayName() const
{
    return m_filePath.isEmpty() ? tr("Untitled") : QFileInfo(m_filePath).fileName();
}

bool Document::isModified() const
{
    return !m_undoStack->isClean();
}

void Document::newProject()
{
    resetTo(emptyProject(), {}, io::currentDocumentVersion);
}

io::DocumentError Document::open(const QString &path)
{
    io::ProjectReadResult read = io::readProjectFile(path);
    if (!read.ok())
        return read.error;
    resetTo(std::move(*read.project), QFileInfo(path).absoluteFilePath(), read.loadedVersion);
    return {};
}

void Document::adopt(design::Project project, const QString &filePath, int loadedVersion)
{
    resetTo(std::move(project), filePath, loadedVersion);
    // A restored project differs from what is on disk: mark it modified until it is saved. An undo
    // stack is clean at index 0, so move the clean point off it.
    m_undoStack->resetClean();
    Q_EMIT fileStateChanged();
}

io::SaveResult Document::save(const QString &path)
{
    const QString target = path.isEmpty() ? m_filePath : path;
    if (target.isEmpty())
        return io::SaveResult{false, tr("choose a file name first"), {}};
    io::SaveResult result = io::saveProjectFile(target, m_project, m_loadedVersion);
    if (result.ok) {
        m_filePath = QFileInfo(target).absoluteFilePath();
        m_loadedVersion = io::currentDocumentVersion;
        m_undoStack->setClean();
        Q_EMIT fileStateChanged();
    }
    return result;
}

void Document::resetTo(design::Project project, const QString &filePath, int loadedVersion)
{
    m_undoStack->clear();
    m_project = std::move(project);
    m_keys.clear();
    for (std::size_t i = 0; i < m_project.scenarios.size(); ++i)
        m_keys.push_back(reserveKey());
    m_filePath = filePath;
    m_loadedVersion = loadedVersion;
    Q_EMIT projectReset();
    Q_EMIT fileStateChanged();
}

void Document::replaceScenario(ScenarioKey key, const design::Scenario &scenario, const design::PinnedCatalog &catalog,
                               ScenarioParts parts)
{
    const auto index = static_cast<std::size_t>(checkedIndex(key));
    const bool catalogChanges = catalog != m_project.catalog;
    if (catalogChanges)
        m_project.catalog = catalog;
    m_project.scenarios[index] = scenario;
    if (catalogChanges)
        Q_EMIT catalogChanged();
    Q_EMIT scenarioChanged(key, parts);
}

void Document::insertScenario(int index, ScenarioKey key, const design::Scenario &scenario)
{
    const auto at = static_cast<std::size_t>(std::clamp(index, 0, static_cast<int>(m_keys.size())));
    m_project.scenarios.insert(m_project.scenarios.begin() + static_cast<std::ptrdiff_t>(at), scenario);
    m_keys.insert(m_keys.begin() + static_cast<std::ptrdiff_t>(at), key);
    m_nextKey = std::max(m_nextKey, key + 1);
    Q_EMIT scenarioListChanged();
}

void Document::removeScenario(ScenarioKey key)
{
    const auto index = static_cast<std::ptrdiff_t>(checkedIndex(key));
    m_project.scenarios.erase(m_project.scenarios.begin() + index);
    m_keys.erase(m_keys.begin() + index);
    Q_EMIT scenarioListChanged();
}

void Document::replaceCatalog(const design::PinnedCatalog &catalog)
{
    if (catalog == m_project.catalog)
        return;
    m_project.catalog = catalog;
    Q_EMIT catalogChanged();
}

void Document::setProjectInfo(const QString &name, const QString &author)
{
    m_project.name = name;
    m_project.author = author;
    Q_EMIT fileStateChanged();
}

} // namespace iovplan::ui
