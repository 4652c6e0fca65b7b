#pragma once
// The Compare view's table (issue 5, part 2): every metric of 2–4 scenarios side by side, grouped, with a
// delta and a "% better" column per scenario against a baseline and the best value of each row marked.
// A pure function of the evaluations it is given, so it is tested without a window or a thread.

#include "reports/comparisonmetrics.h"

#include "ui/editing/evaluationservice.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <vector>

namespace iovplan::ui {

/// Rows: a header row per group ("Cost", "Power", "Performance", "Counts") followed by its metrics.
/// Columns: the metric's name, one per scenario, then for each non-baseline scenario its delta (scenario
/// minus baseline) and "% better", titled "% saving / gain" (the saving for lower-is-better rows, the gain
/// for higher-is-better ones; positive means better than the baseline; blank for rows with no direction).
class ComparisonModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    /// Extra data roles.
    enum Role {
        ValueRole = Qt::UserRole + 1, ///< double: the figure (scenario cells), the delta or the percentage; invalid when none
        BetterRole, ///< bool: this scenario cell holds the row's better value (not all equal)
        RowKindRole, ///< int RowKind
        ColumnKindRole, ///< int ColumnKind
        JsonPathRole, ///< QString: where the row's figure is in the evaluate JSON (metric rows)
        ScenarioIndexRole, ///< int: which chosen scenario a column belongs to (-1 for the metric column)
    };
    enum class RowKind { Group, Metric };
    enum class ColumnKind { Metric, Scenario, Delta, Percent };

    explicit ComparisonModel(QObject *parent = nullptr);

    /// Shows `evaluations` (a null entry is a scenario still being evaluated: "evaluating…"), against
    /// scenario `baseline` (an index into `evaluations`, clamped). `names` overrides the column titles
    /// (the document's current names); by default each evaluation's scenario name.
    void setEvaluations(std::vector<EvaluationPtr> evaluations, int baseline, QStringList names = {});

    [[nodiscard]] const std::vector<EvaluationPtr> &evaluations() const { return m_evaluations; }
    [[nodiscard]] int scenarioCount() const { return static_cast<int>(m_evaluations.size()); }
    [[nodiscard]] int baseline() const { return m_baseline; }
    [[nodiscard]] QString scenarioName(int scenario) const;
    /// Column of scenario `scenario`'s figures.
    [[nodiscard]] int scenarioColumn(int scenario) const { return 1 + scenario; }
    /// Column of its delta, or -1 for the baseline.
    [[nodiscard]] int deltaColumn(int scenario) const;
    /// Column of its "% better", or -1 for the baseline.
    [[nodiscard]] int percentColumn(int scenario) const { return deltaColumn(scenario) < 0 ? -1 : deltaColumn(scenario) + 1; }
    /// Row of the metric at `jsonPath`, or -1.
    [[nodiscard]] int rowOf(const QString &jsonPath) const;
    /// The metric of a metric row (null for group rows and out-of-range rows).
    [[nodiscard]] const reports::MetricDefinition *metricAt(int row) const;
    /// Scenario `scenario`'s figure in `row` (none for group rows, pending scenarios, words).
    [[nodiscard]] std::optional<double> numberAt(int row, int scenario) const;

    /// The table as shown: a header line, then one line per row (group rows name the group in the first
    /// field); RFC 4180 quoting, "\n" line ends, the cells' display text (column titles on one line).
    [[nodiscard]] QString toCsv() const;
    /// The same cells separated by tabs, for pasting into a spreadsheet.
    [[nodiscard]] QString toTsv() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        RowKind kind = RowKind::Group;
        reports::MetricGroup group = reports::MetricGroup::Cost;
        int metric = -1; ///< index into m_metrics for metric rows
        std::vector<reports::MetricValue> values; ///< per scenario (empty text and no number while pending)
        std::vector<bool> best; ///< per scenario
    };

    [[nodiscard]] ColumnKind columnKind(int column) const;
    [[nodiscard]] int scenarioOfColumn(int column) const;
    [[nodiscard]] std::optional<double> deltaAt(const Row &row, int scenario) const;
    [[nodiscard]] std::optional<double> percentAt(const Row &row, int scenario) const;
    [[nodiscard]] QString displayText(int row, int column) const;
    [[nodiscard]] QString toolTip(int row, int column) const;
    [[nodiscard]] QString headerText(int column) const;
    [[nodiscard]] QString separatedText(QChar separator) const;
    void markBest(Row &row) const;

    std::vector<EvaluationPtr> m_evaluations;
    QStringList m_names;
    int m_baseline = 0;
    std::vector<reports::MetricDefinition> m_metrics;
    std::vector<Row> m_rows;
};

} // namespace iovplan::ui
