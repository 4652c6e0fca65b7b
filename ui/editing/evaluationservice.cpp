#include "evaluationservice.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace iovplan::ui {

/// The evaluation state of one scenario.
struct EvaluationService::Slot
{
    quint64 revision = 0; ///< the newest revision asked for
    quint64 running = 0; ///< the revision being computed, 0 when none
    EvaluationPtr latest;
    QElapsedTimer sinceEdit; ///< restarted by every edit: the edit-to-result time
};

namespace {

EvaluationPtr evaluateScenario(ScenarioKey key, quint64 revision, const design::Scenario &scenario,
                               const design::PinnedCatalog &catalog)
{
    auto result = std::make_shared<ScenarioEvaluation>();
    result->key = key;
    result->revision = revision;
    result->scenario = scenario;
    result->catalog = catalog;
    result->metrics = iov::evaluate(scenario, catalog);
    return result;
}

} // namespace

EvaluationService::EvaluationService(const Document &document, QObject *parent)
    : QObject(parent)
    , m_document(document)
{
    // Two workers: scenarios evaluate side by side on a 2-core machine, and the GUI thread keeps its core
    // most of the time because an evaluation takes milliseconds.
    m_pool.setMaxThreadCount(2);
    connect(&document, &Document::projectReset, this, &EvaluationService::resetAll);
    connect(&document, &Document::scenarioListChanged, this, &EvaluationService::syncScenarioList);
    connect(&document, &Document::catalogChanged, this, &EvaluationService::scheduleAll);
    connect(&document, &Document::scenarioChanged, this, [this](ScenarioKey key, ScenarioParts parts) {
        if (parts != ScenarioParts(ScenarioPart::Name)) // a name changes no figure
            schedule(key);
    });
    resetAll();
}

EvaluationService::~EvaluationService()
{
    m_pool.waitForDone();
}

EvaluationPtr EvaluationService::latest(ScenarioKey key) const
{
    const auto it = m_slots.find(key);
    return it == m_slots.end() ? nullptr : it->second->latest;
}

bool EvaluationService::isPending(ScenarioKey key) const
{
    const auto it = m_slots.find(key);
    return it != m_slots.end() && (it->second->running != 0 || !it->second->latest
                                   || it->second->latest->revision != it->second->revision);
}

bool EvaluationService::waitForIdle(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (m_busy) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
    return true;
}

void EvaluationService::resetAll()
{
    // Results of the old project may still arrive: finished() drops them (their slot is gone).
    m_slots.clear();
    syncScenarioList();
}

void EvaluationService::syncScenarioList()
{
    const std::vector<ScenarioKey> &keys = m_document.scenarioKeys();
    std::erase_if(m_slots, [&](const auto &entry) {
        return std::find(keys.begin(), keys.end(), entry.first) == keys.end();
    });
    for (ScenarioKey key : keys) {
        if (!m_slots.contains(key))
            schedule(key);
    }
    updateBusy();
}

void EvaluationService::scheduleAll()
{
    for (ScenarioKey key : m_document.scenarioKeys())
        schedule(key);
}

void EvaluationService::schedule(ScenarioKey key)
{
    std::unique_ptr<Slot> &slot = m_slots[key];
    if (!slot)
        slot = std::make_unique<Slot>();
    ++slot->revision;
    slot->sinceEdit.start();
    startIfIdle(key);
    updateBusy();
}

void EvaluationService::startIfIdle(ScenarioKey key)
{
    Slot &slot = *m_slots.at(key);
    if (slot.running != 0 || !m_document.contains(key))
        return;
    // A newer edit while this runs only bumps the revision: when this one finishes, its result is
    // dropped and the newest revision starts (at most one stale evaluation per scenario runs on).
    slot.running = slot.revision;
    auto *watcher = new QFutureWatcher<EvaluationPtr>(this);
    const quint64 revision = slot.running;
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, key, revision] {
        watcher->deleteLater();
        finished(key, revision, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, evaluateScenario, key, revision, m_document.scenario(key),
                                         m_document.catalog()));
}

void EvaluationService::finished(ScenarioKey key, quint64 revision, const EvaluationPtr &result)
{
    const auto it = m_slots.find(key);
    if (it == m_slots.end())
        return updateBusy(); // the scenario was removed or the project replaced meanwhile
    Slot &slot = *it->second;
    if (slot.running == revision)
        slot.running = 0;
    if (revision == slot.revision) {
        auto timed = std::make_shared<ScenarioEvaluation>(*result);
        timed->elapsedMs = static_cast<double>(slot.sinceEdit.nsecsElapsed()) / 1e6;
        slot.latest = std::move(timed);
        updateBusy();
        Q_EMIT evaluated(key);
        return;
    }
    startIfIdle(key); // superseded: compute the newest revision instead
    updateBusy();
}

void EvaluationService::updateBusy()
{
    bool busy = false;
    for (const auto &[key, slot] : m_slots)
        busy = busy || slot->running != 0;
    if (busy != m_busy) {
        m_busy = busy;
        Q_EMIT busyChanged(busy);
    }
}

} // namespace iovplan::ui
