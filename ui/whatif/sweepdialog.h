#pragma once
// What-if sweeps in the GUI (issue 5, part 4; docs/gui-files-whatif.md): one parameter of a scenario swept
// over a range with iov::sweep, computed off the GUI thread with a progress bar and Cancel; the rows in a
// table and a line chart of a chosen column; CSV export.

#include "taskprogress.h"

#include "model/design/itemspecs.h"
#include "model/design/scenario.h"
#include "model/iov/whatif.h"

#include <QDialog>
#include <QFutureWatcher>

#include <optional>

class QCheckBox;
class QChartView;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;
class QTimer;

namespace iovplan::ui {

class SweepResultModel;

/// Sweeps a copy of one scenario (later edits of the document do not reach a running sweep).
class SweepDialog : public QDialog
{
    Q_OBJECT

public:
    SweepDialog(const design::Scenario &scenario, const design::PinnedCatalog &catalog, QWidget *parent = nullptr);
    /// Cancels a running sweep and waits for it (it stops at its next step).
    ~SweepDialog() override;

    // ---- the request (what the controls hold) ----
    void setParameter(const iov::SweepParameter &parameter);
    [[nodiscard]] iov::SweepParameter parameter() const;
    void setRange(double from, double to, int steps);
    void setCapacitySearch(bool on);

    // ---- running ----
    /// Starts the sweep in the background (does nothing while one runs). A refused request shows why.
    void run();
    /// Asks the running sweep to stop; it returns the rows computed so far.
    void cancel();
    [[nodiscard]] bool isRunning() const;
    /// Steps computed so far by the running (or last) sweep, as the progress bar shows them.
    [[nodiscard]] int stepsDone() const;

    // ---- results ----
    [[nodiscard]] const iov::SweepResult &result() const;
    [[nodiscard]] SweepResultModel *model() const { return m_model; }
    /// The status line: "12 steps computed.", "Cancelled after 3 of 40 steps.", or why a request was refused.
    [[nodiscard]] QString statusText() const;
    /// Charts `column` of the results table against the parameter value.
    void setChartColumn(int column);
    [[nodiscard]] QChartView *chartView() const { return m_chartView; }
    /// Writes the table as CSV (SweepResultModel::toCsv) atomically to `path`; returns the error, empty on success.
    [[nodiscard]] QString exportCsv(const QString &path) const;

Q_SIGNALS:
    /// A sweep ended (finished, cancelled or refused) and its result is shown.
    void sweepFinished();

private:
    void buildUi();
    void onParameterChanged();
    void onFinished();
    void updateProgress();
    void updateChart();
    void updateControls();
    void chooseExportFile();

    design::Scenario m_scenario;
    design::PinnedCatalog m_catalog;

    QComboBox *m_parameter = nullptr;
    QComboBox *m_item = nullptr;
    QDoubleSpinBox *m_from = nullptr;
    QDoubleSpinBox *m_to = nullptr;
    QSpinBox *m_steps = nullptr;
    QCheckBox *m_capacity = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_export = nullptr;
    QProgressBar *m_progressBar = nullptr;
    QLabel *m_status = nullptr;
    QTableView *m_table = nullptr;
    QComboBox *m_chartColumn = nullptr;
    QChartView *m_chartView = nullptr;
    SweepResultModel *m_model = nullptr;

    QFutureWatcher<iov::SweepResult> m_watcher;
    std::optional<TaskProgress> m_progress; ///< of the running or last sweep
    QTimer *m_poll = nullptr;
    int m_requestedSteps = 0;
    bool m_running = false; ///< from run() until onFinished() has shown the result
};

} // namespace iovplan::ui
