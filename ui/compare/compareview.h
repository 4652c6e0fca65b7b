#pragma once
// The Compare view (issue 5, part 2): two to four scenarios of the open project side by side — the
// ComparisonModel's table with its group rows, grouped bar charts, and the table as CSV (file or
// clipboard). Reads the Document and the EvaluationService; changes nothing.

#include "comparisonmodel.h"

#include "ui/editing/document.h"
#include "ui/editing/evaluationservice.h"

#include <QList>
#include <QWidget>

#include <vector>

class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QSplitter;
class QTableView;

namespace iovplan::ui {

/// Compares the chosen scenarios of `document` with the figures `evaluations` computes. Follows the
/// document (scenarios added, removed, renamed, a new project) and each new evaluation.
class CompareView : public QWidget
{
    Q_OBJECT

public:
    /// At most this many scenarios are compared at once.
    static constexpr int maxScenarios = 4;

    CompareView(Document &document, EvaluationService &evaluations, QWidget *parent = nullptr);
    ~CompareView() override;

    [[nodiscard]] const ComparisonModel &model() const { return *m_model; }
    [[nodiscard]] QTableView *table() const { return m_table; }
    /// The charts shown (cost, power, latency, throughput). Kept while the compared scenarios stay the same
    /// (their bars are updated); new ones when the scenarios or the palette's darkness change.
    [[nodiscard]] QList<QChart *> charts() const;

    /// The compared scenarios, in tab order.
    [[nodiscard]] std::vector<ScenarioKey> chosenScenarios() const;
    /// Compares `keys` (those the document has, the first four in tab order).
    void setChosenScenarios(const std::vector<ScenarioKey> &keys);
    /// The scenario the deltas are taken against (one of the chosen).
    [[nodiscard]] ScenarioKey baseline() const { return m_baseline; }
    /// Makes `key` the baseline if it is chosen.
    void setBaseline(ScenarioKey key);

    /// True while the table and charts are out of date because the view is hidden: a refresh is deferred
    /// to the next showEvent (the Compare tab is not rebuilt on every evaluation while another is shown).
    [[nodiscard]] bool refreshDeferred() const { return m_dirty; }

    /// Writes the table as CSV to `path` atomically; returns "" or the error naming the file.
    [[nodiscard]] QString exportCsv(const QString &path) const;
    /// Puts the table on the clipboard: tab-separated text plus text/csv.
    void copyToClipboard() const;

public Q_SLOTS:
    /// Asks for a file name and exports the table there.
    void exportCsvWithDialog();

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void rebuildScenarioList(bool keepChoice);
    void onItemChanged(QListWidgetItem *item);
    void updateCheckability();
    void rebuildBaselineChoice();
    void scheduleRefresh();
    void refresh();
    void applySpans();
    void updateCharts();
    void updateLegend();
    [[nodiscard]] bool darkPalette() const;

    Document &m_document;
    EvaluationService &m_evaluations;
    ComparisonModel *m_model = nullptr;
    QListWidget *m_scenarioList = nullptr;
    QComboBox *m_baselineBox = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_copyButton = nullptr;
    QPushButton *m_exportButton = nullptr;
    QTableView *m_table = nullptr;
    QSplitter *m_splitter = nullptr; ///< table above, charts below; its state is kept in QSettings
    QList<QChartView *> m_chartViews;
    QWidget *m_legend = nullptr; ///< one legend for the four charts
    QList<QLabel *> m_legendLabels;
    QStringList m_legendNames; ///< the names m_legendLabels show
    bool m_chartsDark = false; ///< the theme the charts were made in
    ScenarioKey m_baseline = 0;
    bool m_updatingList = false;
    bool m_refreshScheduled = false;
    bool m_dirty = false; ///< a refresh was skipped while hidden
};

} // namespace iovplan::ui
