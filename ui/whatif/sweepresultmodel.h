#pragma once
// The rows of a what-if sweep as a table (docs/gui-files-whatif.md): the parameter value, per traffic class
// the throughput and p99 latency, CPU utilization, max VMs per server when searched, purchase, TCO and
// watts. Display text uses reports/figureformat.h; Qt::UserRole holds the figure in SI units (bytes/s,
// seconds, a 0–1 fraction, USD, W) for the chart and the CSV; a saturated class has no latency (empty).

#include "model/iov/whatif.h"

#include <QAbstractTableModel>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace iovplan::ui {

/// A read-only table of one SweepResult.
class SweepResultModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    explicit SweepResultModel(QObject *parent = nullptr);

    /// Shows `result` (columns follow the classes its rows carry and whether capacity was searched).
    void setResult(const iov::SweepResult &result);
    [[nodiscard]] const iov::SweepResult &result() const { return m_result; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The figure of `column` in row `row`, in SI units; none when the row has none (a saturated p99).
    [[nodiscard]] std::optional<double> value(int row, int column) const;
    /// The same figure in the unit of the column's header (MB/s, µs, %, USD, W), for the chart.
    [[nodiscard]] std::optional<double> displayValue(int row, int column) const;
    /// The CSV name of `column` ("value" is the parameter's name, then e.g. "lan_throughput_bytes_per_s").
    [[nodiscard]] QString csvName(int column) const;
    /// The whole table as CSV: a header of csvName()s, one line per row, numbers in SI units in their
    /// shortest round-trip form (C locale), empty fields for missing figures, "\n" line ends.
    [[nodiscard]] QString toCsv() const;

private:
    struct Column
    {
        QString header; ///< for people, with the unit
        QString csvName;
        std::function<std::optional<double>(const iov::SweepRow &)> value;
        std::function<QString(double)> format; ///< of the SI value
        double scale = 1.0; ///< SI value × scale = the value in the header's unit
    };
    void buildColumns();

    iov::SweepResult m_result;
    std::vector<Column> m_columns;
};

} // namespace iovplan::ui
