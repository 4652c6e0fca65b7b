#include "sweepresultmodel.h"

#include "reports/figureformat.h"

#include <QLocale>

#include <algorithm>

namespace iovplan::ui {

namespace {

const iov::ClassMetrics *classOf(const iov::SweepRow &row, iov::TrafficClass traffic)
{
    const auto &classes = row.performance.classes;
    const auto found = std::find_if(classes.begin(), classes.end(), [traffic](const iov::ClassMetrics &c) { return c.traffic == traffic; });
    return found != classes.end() ? &*found : nullptr;
}

QString upperName(iov::TrafficClass traffic)
{
    const QString name = iov::trafficClassName(traffic);
    return traffic == iov::TrafficClass::Migration ? QStringLiteral("Migration") : name.toUpper();
}

QString csvNumber(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

SweepResultModel::SweepResultModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    buildColumns();
}

void SweepResultModel::setResult(const iov::SweepResult &result)
{
    beginResetModel();
    m_result = result;
    buildColumns();
    endResetModel();
}

void SweepResultModel::buildColumns()
{
    m_columns.clear();
    const iov::SweepParameter &parameter = m_result.parameter;
    const bool integral = parameter.integral();
    QString valueHeader;
    switch (parameter.kind) {
    case iov::SweepKind::VmsPerServer:
        valueHeader = tr("VMs per server");
        break;
    case iov::SweepKind::LoadScale:
        valueHeader = tr("Load scale");
        break;
    case iov::SweepKind::Gateways:
        valueHeader = tr("Gateways per side");
        break;
    case iov::SweepKind::Hcas:
        valueHeader = tr("HCAs per server");
        break;
    case iov::SweepKind::Price:
        valueHeader = tr("Price of %1 (USD)").arg(parameter.itemId);
        break;
    }
    m_columns.push_back({ valueHeader, parameter.name(), [](const iov::SweepRow &r) { return std::optional(r.value); },
                          [integral](double v) { return reports::formatNumber(v, integral ? 0 : 3); } });

    bool anyCapacity = false;
    for (const iov::TrafficClass traffic : iov::allTrafficClasses) {
        const bool carried = std::any_of(m_result.rows.begin(), m_result.rows.end(),
                                         [traffic](const iov::SweepRow &r) { return classOf(r, traffic) != nullptr; });
        if (!carried)
            continue;
        const QString csv = iov::trafficClassName(traffic);
        m_columns.push_back({ tr("%1 throughput (MB/s)").arg(upperName(traffic)), csv + QStringLiteral("_throughput_bytes_per_s"),
                              [traffic](const iov::SweepRow &r) -> std::optional<double> {
                                  const iov::ClassMetrics *c = classOf(r, traffic);
                                  return c ? std::optional(c->throughputBytesPerS) : std::nullopt;
                              },
                              [](double v) { return reports::formatNumber(v / 1e6, 1); }, 1e-6 });
        m_columns.push_back({ tr("%1 p99 (µs)").arg(upperName(traffic)), csv + QStringLiteral("_p99_latency_s"),
                              [traffic](const iov::SweepRow &r) -> std::optional<double> {
                                  const iov::ClassMetrics *c = classOf(r, traffic);
                                  return c ? c->p99LatencyS : std::nullopt;
                              },
                              [](double v) { return reports::formatNumber(v * 1e6, 1); }, 1e6 });
    }
    anyCapacity = std::any_of(m_result.rows.begin(), m_result.rows.end(), [](const iov::SweepRow &r) { return r.capacitySearched; });
    m_columns.push_back({ tr("CPU (%)"), QStringLiteral("cpu_utilization"),
                          [](const iov::SweepRow &r) { return std::optional(r.performance.cpuUtilization); },
                          [](double v) { return reports::formatNumber(v * 100.0, 1); }, 100.0 });
    if (anyCapacity) {
        m_columns.push_back({ tr("Max VMs/server"), QStringLiteral("max_vms_per_server"),
                              [](const iov::SweepRow &r) -> std::optional<double> {
                                  return r.capacitySearched ? std::optional<double>(r.performance.maxVmsPerServer) : std::nullopt;
                              },
                              [](double v) { return reports::formatNumber(v, 0); } });
    }
    m_columns.push_back({ tr("Purchase"), QStringLiteral("purchase_usd"),
                          [](const iov::SweepRow &r) { return std::optional(static_cast<double>(r.purchase) / 100.0); },
                          [](double v) { return reports::formatUsd(v); } });
    m_columns.push_back({ tr("TCO"), QStringLiteral("tco_usd"), [](const iov::SweepRow &r) { return std::optional(r.tcoUsd); },
                          [](double v) { return reports::formatUsd(v); } });
    m_columns.push_back({ tr("Watts at load"), QStringLiteral("watts_at_cpu_utilization"),
                          [](const iov::SweepRow &r) { return std::optional(r.wattsAtCpuUtilization); },
                          [](double v) { return reports::formatWatts(v); } });
}

int SweepResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_result.rows.size());
}

int SweepResultModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
}

std::optional<double> SweepResultModel::value(int row, int column) const
{
    if (row < 0 || row >= rowCount() || column < 0 || column >= columnCount())
        return std::nullopt;
    return m_columns[static_cast<std::size_t>(column)].value(m_result.rows[static_cast<std::size_t>(row)]);
}

std::optional<double> SweepResultModel::displayValue(int row, int column) const
{
    const std::optional<double> v = value(row, column);
    return v ? std::optional(*v * m_columns[static_cast<std::size_t>(column)].scale) : std::nullopt;
}

QVariant SweepResultModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const std::optional<double> v = value(index.row(), index.column());
    const iov::SweepRow &row = m_result.rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        if (v)
            return m_columns[static_cast<std::size_t>(index.column())].format(*v);
        return index.column() > 0 && row.performance.saturated ? tr("saturated") : QString();
    case Qt::UserRole:
        return v ? QVariant(*v) : QVariant();
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    case Qt::ToolTipRole:
        if (row.performance.saturated)
            return tr("Saturated at %1").arg(row.performance.bottleneck);
        return {};
    default:
        return {};
    }
}

QVariant SweepResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    if (section < 0 || section >= columnCount())
        return {};
    return m_columns[static_cast<std::size_t>(section)].header;
}

QString SweepResultModel::csvName(int column) const
{
    return column >= 0 && column < columnCount() ? m_columns[static_cast<std::size_t>(column)].csvName : QString();
}

QString SweepResultModel::toCsv() const
{
    QString csv;
    for (int c = 0; c < columnCount(); ++c)
        csv += (c > 0 ? QStringLiteral(",") : QString()) + csvField(csvName(c));
    csv += QLatin1Char('\n');
    for (int r = 0; r < rowCount(); ++r) {
        for (int c = 0; c < columnCount(); ++c) {
            const std::optional<double> v = value(r, c);
            csv += (c > 0 ? QStringLiteral(",") : QString()) + (v ? csvNumber(*v) : QString());
        }
        csv += QLatin1Char('\n');
    }
    return csv;
}

} // namespace iovplan::ui
