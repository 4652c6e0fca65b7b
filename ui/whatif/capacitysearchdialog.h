#pragma once
// The capacity search in the GUI (issue 5, part 4; docs/gui-files-whatif.md): the most VMs per server that
// still meet the scenario's SLA (iov::evaluatePerformance with capacitySearch), computed off the GUI
// thread with a progress bar and Cancel; a cancelled search shows the largest count found so far.

#include "taskprogress.h"

#include "model/design/itemspecs.h"
#include "model/design/scenario.h"
#include "model/iov/performance.h"

#include <QDialog>
#include <QFutureWatcher>

#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTimer;

namespace iovplan::ui {

/// Runs the capacity search on a copy of one scenario.
class CapacitySearchDialog : public QDialog
{
    Q_OBJECT

public:
    CapacitySearchDialog(const design::Scenario &scenario, const design::PinnedCatalog &catalog,
                         QWidget *parent = nullptr);
    /// Cancels a running search and waits for it (it stops at its next evaluation).
    ~CapacitySearchDialog() override;

    /// The most VMs per server searched (PerformanceOptions::maxVmsSearched).
    void setLimit(int maxVms);
    /// Starts the search in the background (does nothing while one runs).
    void run();
    /// Asks the running search to stop.
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_running; }
    /// Evaluations made so far by the running (or last) search.
    [[nodiscard]] int evaluationsDone() const;
    /// The last search's metrics (maxVmsPerServer, capacitySearchCancelled); none before the first ends.
    [[nodiscard]] const std::optional<iov::PerformanceMetrics> &metrics() const { return m_metrics; }
    /// The answer as shown.
    [[nodiscard]] QString answerText() const;

Q_SIGNALS:
    /// A search ended (finished or cancelled) and its answer is shown.
    void searchFinished();

private:
    void onFinished();
    void updateProgress();
    void updateControls();

    design::Scenario m_scenario;
    design::PinnedCatalog m_catalog;
    QSpinBox *m_limit = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progressBar = nullptr;
    QLabel *m_answer = nullptr;
    QFutureWatcher<iov::PerformanceMetrics> m_watcher;
    std::optional<TaskProgress> m_progress;
    std::optional<iov::PerformanceMetrics> m_metrics;
    QTimer *m_poll = nullptr;
    bool m_running = false;
};

} // namespace iovplan::ui
