#include "comparisonmodel.h"

#include "catalogs/catalogexport.h"

#include <QBrush>
#include <QColor>
#include <QFont>

#include <algorithm>
#include <cmath>

namespace iovplan::ui {

namespace {

QString pendingText()
{
    return QStringLiteral("evaluating…");
}

// Colors with alpha so they read on a light and a dark palette alike.
QColor bestBackground()
{
    return QColor(46, 160, 67, 70);
}
QColor groupBackground()
{
    return QColor(128, 128, 128, 60);
}
QColor betterForeground()
{
    return QColor(40, 167, 69);
}
QColor worseForeground()
{
    return QColor(220, 72, 72);
}

} // namespace

ComparisonModel::ComparisonModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ComparisonModel::setEvaluations(std::vector<EvaluationPtr> evaluations, int baseline, QStringList names)
{
    std::vector<const iov::ScenarioMetrics *> metrics;
    for (const EvaluationPtr &e : evaluations)
        metrics.push_back(e ? &e->metrics : nullptr);
    // Nothing to compare: no rows either, so an empty table has neither rows nor columns.
    std::vector<reports::MetricDefinition> definitions =
        evaluations.empty() ? std::vector<reports::MetricDefinition> {} : reports::comparisonMetrics(reports::carriedClasses(metrics));

    std::vector<Row> rows;
    std::optional<reports::MetricGroup> group;
    for (std::size_t i = 0; i < definitions.size(); ++i) {
        const reports::MetricDefinition &d = definitions[i];
        if (!group || *group != d.group) {
            group = d.group;
            rows.push_back(Row { RowKind::Group, d.group, -1, {}, {} });
        }
        Row row { RowKind::Metric, d.group, static_cast<int>(i), {}, {} };
        for (const EvaluationPtr &e : evaluations)
            row.values.push_back(e ? d.value(e->metrics) : reports::MetricValue {});
        rows.push_back(std::move(row));
    }

    const int count = static_cast<int>(evaluations.size());
    const int clampedBaseline = count == 0 ? 0 : std::clamp(baseline, 0, count - 1);
    const bool sameShape = count == scenarioCount() && rows.size() == m_rows.size()
        && std::equal(rows.begin(), rows.end(), m_rows.begin(), [&](const Row &a, const Row &b) {
               return a.kind == b.kind && a.group == b.group
                   && (a.metric < 0 || definitions[std::size_t(a.metric)].jsonPath == m_metrics[std::size_t(b.metric)].jsonPath);
           });

    // Same rows and columns: update in place so the view keeps its scroll position and spans.
    if (!sameShape)
        beginResetModel();
    m_evaluations = std::move(evaluations);
    m_names = std::move(names);
    m_baseline = clampedBaseline;
    m_metrics = std::move(definitions);
    m_rows = std::move(rows);
    for (Row &row : m_rows)
        markBest(row);
    if (!sameShape) {
        endResetModel();
    } else if (rowCount() > 0 && columnCount() > 0) {
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
    }
}

void ComparisonModel::markBest(Row &row) const
{
    row.best.assign(row.values.size(), false);
    if (row.kind == RowKind::Metric)
        row.best = reports::bestValues(m_metrics[std::size_t(row.metric)], row.values);
}

QString ComparisonModel::scenarioName(int scenario) const
{
    if (scenario < 0 || scenario >= scenarioCount())
        return QString();
    if (scenario < m_names.size() && !m_names.at(scenario).isEmpty())
        return m_names.at(scenario);
    const EvaluationPtr &e = m_evaluations[std::size_t(scenario)];
    return e ? e->scenario.name : QString();
}

int ComparisonModel::deltaColumn(int scenario) const
{
    if (scenario < 0 || scenario >= scenarioCount() || scenario == m_baseline)
        return -1;
    const int position = scenario < m_baseline ? scenario : scenario - 1; // among the non-baseline scenarios
    return 1 + scenarioCount() + 2 * position;
}

int ComparisonModel::rowOf(const QString &jsonPath) const
{
    for (std::size_t r = 0; r < m_rows.size(); ++r) {
        if (m_rows[r].kind == RowKind::Metric && m_metrics[std::size_t(m_rows[r].metric)].jsonPath == jsonPath)
            return static_cast<int>(r);
    }
    return -1;
}

const reports::MetricDefinition *ComparisonModel::metricAt(int row) const
{
    if (row < 0 || row >= rowCount() || m_rows[std::size_t(row)].kind != RowKind::Metric)
        return nullptr;
    return &m_metrics[std::size_t(m_rows[std::size_t(row)].metric)];
}

std::optional<double> ComparisonModel::numberAt(int row, int scenario) const
{
    if (row < 0 || row >= rowCount() || scenario < 0 || scenario >= scenarioCount())
        return std::nullopt;
    const Row &r = m_rows[std::size_t(row)];
    return r.kind == RowKind::Metric ? r.values[std::size_t(scenario)].number : std::nullopt;
}

ComparisonModel::ColumnKind ComparisonModel::columnKind(int column) const
{
    if (column <= 0)
        return ColumnKind::Metric;
    if (column <= scenarioCount())
        return ColumnKind::Scenario;
    return (column - 1 - scenarioCount()) % 2 == 0 ? ColumnKind::Delta : ColumnKind::Percent;
}

int ComparisonModel::scenarioOfColumn(int column) const
{
    switch (columnKind(column)) {
    case ColumnKind::Metric:
        return -1;
    case ColumnKind::Scenario:
        return column - 1;
    case ColumnKind::Delta:
    case ColumnKind::Percent: {
        const int position = (column - 1 - scenarioCount()) / 2;
        return position < m_baseline ? position : position + 1;
    }
    }
    return -1;
}

std::optional<double> ComparisonModel::deltaAt(const Row &row, int scenario) const
{
    if (row.kind != RowKind::Metric)
        return std::nullopt;
    return reports::metricDelta(m_metrics[std::size_t(row.metric)], row.values[std::size_t(scenario)],
                                row.values[std::size_t(m_baseline)]);
}

std::optional<double> ComparisonModel::percentAt(const Row &row, int scenario) const
{
    if (row.kind != RowKind::Metric)
        return std::nullopt;
    return reports::metricGainPercent(m_metrics[std::size_t(row.metric)], row.values[std::size_t(scenario)],
                                      row.values[std::size_t(m_baseline)]);
}

QString ComparisonModel::displayText(int row, int column) const
{
    const Row &r = m_rows[std::size_t(row)];
    const ColumnKind kind = columnKind(column);
    if (r.kind == RowKind::Group)
        return kind == ColumnKind::Metric ? reports::metricGroupName(r.group) : QString();
    const reports::MetricDefinition &d = m_metrics[std::size_t(r.metric)];
    if (kind == ColumnKind::Metric)
        return d.label;
    const int scenario = scenarioOfColumn(column);
    const bool pending = !m_evaluations[std::size_t(scenario)];
    if (kind == ColumnKind::Scenario) {
        if (pending)
            return pendingText();
        const reports::MetricValue &v = r.values[std::size_t(scenario)];
        return v.number ? reports::formatFigure(d.kind, *v.number) : v.text;
    }
    if (kind == ColumnKind::Delta) {
        const std::optional<double> delta = deltaAt(r, scenario);
        return delta ? reports::formatDelta(d.kind, *delta) : QString();
    }
    const std::optional<double> percent = percentAt(r, scenario);
    return percent ? reports::formatPercent(*percent) : QString();
}

QString ComparisonModel::toolTip(int row, int column) const
{
    const Row &r = m_rows[std::size_t(row)];
    if (r.kind != RowKind::Metric)
        return QString();
    const reports::MetricDefinition &d = m_metrics[std::size_t(r.metric)];
    const ColumnKind kind = columnKind(column);
    if (kind == ColumnKind::Metric) {
        return QStringLiteral("%1\nevaluate JSON: %2").arg(d.description, d.jsonPath);
    }
    const int scenario = scenarioOfColumn(column);
    const QString name = scenarioName(scenario);
    const QString baseline = scenarioName(m_baseline);
    if (kind == ColumnKind::Scenario) {
        if (r.best[std::size_t(scenario)])
            return QStringLiteral("%1: the better %2").arg(name, d.label);
        return QString();
    }
    if (kind == ColumnKind::Delta) {
        return deltaAt(r, scenario) ? QStringLiteral("%1 minus %2").arg(name, baseline) : QString();
    }
    const std::optional<double> percent = percentAt(r, scenario);
    if (!percent)
        return QString();
    const double magnitude = std::abs(*percent);
    const bool lowerIsBetter = d.better == reports::Better::Lower;
    const bool better = *percent >= 0.0;
    const QString direction = (better == lowerIsBetter) ? QStringLiteral("lower") : QStringLiteral("higher");
    const QString verdict = *percent == 0.0 ? QStringLiteral("the same")
        : better ? (lowerIsBetter ? QStringLiteral("better: a saving") : QStringLiteral("better: a gain"))
                 : QStringLiteral("worse");
    return QStringLiteral("%1 is %2 %3 than %4 (%5)").arg(name, reports::formatPercent(magnitude), direction, baseline, verdict);
}

QString ComparisonModel::headerText(int column) const
{
    const ColumnKind kind = columnKind(column);
    if (kind == ColumnKind::Metric)
        return QStringLiteral("Metric");
    const int scenario = scenarioOfColumn(column);
    const QString name = scenarioName(scenario);
    switch (kind) {
    case ColumnKind::Scenario:
        return scenario == m_baseline ? name + QStringLiteral("\n(baseline)") : name;
    case ColumnKind::Delta:
        return name + QStringLiteral("\nΔ");
    case ColumnKind::Percent:
        // "better" alone reads as a gain; a buyer looks for the saving on cost rows: name both.
        return name + QStringLiteral("\n% saving / gain");
    case ColumnKind::Metric:
        break;
    }
    return QString();
}

int ComparisonModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ComparisonModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid() || m_evaluations.empty())
        return 0;
    return 1 + scenarioCount() + 2 * (scenarioCount() - 1);
}

QVariant ComparisonModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Row &r = m_rows[std::size_t(index.row())];
    const ColumnKind kind = columnKind(index.column());
    const int scenario = scenarioOfColumn(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(index.row(), index.column());
    case Qt::ToolTipRole: {
        const QString tip = toolTip(index.row(), index.column());
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::TextAlignmentRole:
        if (kind == ColumnKind::Metric)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    case Qt::FontRole:
        if (r.kind == RowKind::Group || (kind == ColumnKind::Scenario && r.best[std::size_t(scenario)])) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return QVariant();
    case Qt::BackgroundRole:
        if (r.kind == RowKind::Group)
            return QBrush(groupBackground());
        if (kind == ColumnKind::Scenario && r.best[std::size_t(scenario)])
            return QBrush(bestBackground());
        return QVariant();
    case Qt::ForegroundRole:
        if (kind == ColumnKind::Percent && r.kind == RowKind::Metric) {
            const std::optional<double> percent = percentAt(r, scenario);
            if (percent && !reports::sameFigure(*percent, 0.0))
                return QBrush(*percent > 0.0 ? betterForeground() : worseForeground());
        }
        return QVariant();
    case ValueRole:
        if (r.kind != RowKind::Metric)
            return QVariant();
        if (kind == ColumnKind::Scenario) {
            const std::optional<double> v = r.values[std::size_t(scenario)].number;
            return v ? QVariant(*v) : QVariant();
        }
        if (kind == ColumnKind::Delta) {
            const std::optional<double> v = deltaAt(r, scenario);
            return v ? QVariant(*v) : QVariant();
        }
        if (kind == ColumnKind::Percent) {
            const std::optional<double> v = percentAt(r, scenario);
            return v ? QVariant(*v) : QVariant();
        }
        return QVariant();
    case BetterRole:
        return kind == ColumnKind::Scenario && r.kind == RowKind::Metric && r.best[std::size_t(scenario)];
    case RowKindRole:
        return static_cast<int>(r.kind);
    case ColumnKindRole:
        return static_cast<int>(kind);
    case JsonPathRole:
        return r.kind == RowKind::Metric ? QVariant(m_metrics[std::size_t(r.metric)].jsonPath) : QVariant();
    case ScenarioIndexRole:
        return scenario;
    default:
        return QVariant();
    }
}

QVariant ComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return headerText(section);
    if (role == Qt::ToolTipRole) {
        const ColumnKind kind = columnKind(section);
        const QString name = scenarioName(scenarioOfColumn(section));
        const QString baseline = scenarioName(m_baseline);
        if (kind == ColumnKind::Delta)
            return QStringLiteral("%1 minus %2 (baseline)").arg(name, baseline);
        if (kind == ColumnKind::Percent)
            return QStringLiteral("How much better %1 is than %2 (baseline), in %: positive is better.\n"
                                  "Cost, power, latency, CPU use and device counts: the saving, (baseline − %1) / baseline.\n"
                                  "Throughput, headroom, VMs per server, load growth: the gain, (%1 − baseline) / baseline.\n"
                                  "Negative: %1 costs more / does less.")
                .arg(name, baseline);
    }
    return QVariant();
}

QString ComparisonModel::separatedText(QChar separator) const
{
    const bool csv = separator == QLatin1Char(',');
    auto field = [csv](QString text) {
        text.replace(QLatin1Char('\n'), QLatin1Char(' '));
        if (!csv)
            text.replace(QLatin1Char('\t'), QLatin1Char(' '));
        return csv ? catalogs::csvField(text) : text;
    };
    QString out;
    QStringList header;
    for (int c = 0; c < columnCount(); ++c)
        header << field(headerText(c));
    out += header.join(separator) + QLatin1Char('\n');
    for (int r = 0; r < rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < columnCount(); ++c)
            cells << field(displayText(r, c));
        out += cells.join(separator) + QLatin1Char('\n');
    }
    return out;
}

QString ComparisonModel::toCsv() const
{
    return separatedText(QLatin1Char(','));
}

QString ComparisonModel::toTsv() const
{
    return separatedText(QLatin1Char('\t'));
}

} // namespace iovplan::ui
