#pragma once
// Evaluates every scenario of the open project off the GUI thread (issue 5, part 4): an edit schedules
// the scenario's evaluation, a newer edit supersedes one still running (its result is dropped), and the
// new immutable metrics are swapped in and announced. Input is never blocked.

#include "document.h"

#include "model/iov/evaluation.h"

#include <QObject>
#include <QThreadPool>

#include <map>
#include <memory>

namespace iovplan::ui {

/// Metrics of one scenario at one revision; shared, immutable.
struct ScenarioEvaluation
{
    ScenarioKey key = 0;
    quint64 revision = 0; ///< increases with every change of the scenario or the pinned items
    design::Scenario scenario; ///< the scenario as evaluated
    design::PinnedCatalog catalog; ///< the pinned items it was evaluated with
    iov::ScenarioMetrics metrics;
    double elapsedMs = 0.0; ///< edit-to-result time of this evaluation
};
using EvaluationPtr = std::shared_ptr<const ScenarioEvaluation>;

class EvaluationService : public QObject
{
    Q_OBJECT

public:
    explicit EvaluationService(const Document &document, QObject *parent = nullptr);
    ~EvaluationService() override;

    /// The latest finished evaluation of `key` (null before the first one finishes).
    [[nodiscard]] EvaluationPtr latest(ScenarioKey key) const;
    /// Whether `key`'s newest revision is still being evaluated.
    [[nodiscard]] bool isPending(ScenarioKey key) const;
    /// Blocks until nothing is pending (tests, report export); returns false on timeout.
    bool waitForIdle(int timeoutMs = 30000);

Q_SIGNALS:
    /// A newer evaluation of `key` is available through latest(key).
    void evaluated(iovplan::ui::ScenarioKey key);
    /// Some scenario started or stopped being evaluated (for a busy indicator).
    void busyChanged(bool busy);

private:
    struct Slot;
    void resetAll();
    void syncScenarioList();
    void scheduleAll();
    void schedule(ScenarioKey key);
    void startIfIdle(ScenarioKey key);
    void finished(ScenarioKey key, quint64 revision, const EvaluationPtr &result);
    void updateBusy();

    const Document &m_document;
    QThreadPool m_pool; ///< our own, so evaluations never wait behind other background work
    std::map<ScenarioKey, std::unique_ptr<Slot>> m_slots;
    bool m_busy = false;
};

} // namespace iovplan::ui
