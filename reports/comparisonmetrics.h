#pragma once
// The metrics the Compare view lists, in order: what each row is called, where its figure comes from in
// iov::ScenarioMetrics (and in the `iovplan-cli evaluate` JSON), how it is spelled and which way is better.
// One table of definitions, so the table, its CSV and the charts cannot disagree.

#include "model/iov/evaluation.h"

#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace iovplan::reports {

/// The row groups of the comparison, in display order.
enum class MetricGroup { Cost, Power, Performance, Counts };
/// "Cost", "Power", "Performance", "Counts".
[[nodiscard]] QString metricGroupName(MetricGroup group);

/// How a figure is spelled (reports/figureformat.h underneath, so the GUI reads like the reports).
enum class FigureKind {
    Usd, ///< "$873,792.00"
    Watts, ///< "2,176 W"
    BtuPerHour, ///< "152,039 BTU/hr"
    KwhPerYear, ///< "390,346 kWh/yr"
    BytesPerS, ///< "117.6 MB/s" (decimal megabytes)
    Seconds, ///< "176 µs"
    Share, ///< a fraction 0..1 shown as "66.8 %"
    Factor, ///< "×1.5"
    Count, ///< "128"
    YesNo, ///< 0 or 1 shown as "no" / "yes"
    Text, ///< words only (a station name)
};

/// Which way a metric improves.
enum class Better { Lower, Higher, Neither };

/// One scenario's figure for one metric: a number, or only words when there is none.
struct MetricValue
{
    std::optional<double> number;
    QString text; ///< shown instead of a number: a station name, "saturated", "—" (not carried)
    bool saturated = false; ///< no number because the class saturates: worse than any number
};

/// One row of the comparison.
struct MetricDefinition
{
    MetricGroup group = MetricGroup::Cost;
    QString label;
    /// Where the same figure is in the evaluate JSON, '/'-separated; a class's figures are under
    /// "performance/classes/<class name>/<key>".
    QString jsonPath;
    FigureKind kind = FigureKind::Count;
    Better better = Better::Neither;
    QString description; ///< one sentence for the tooltip: what the figure counts
    std::function<MetricValue(const iov::ScenarioMetrics &)> value;
};

/// The rows for scenarios carrying `classes` (each class gets throughput, peak per VM and p99 latency rows),
/// grouped Cost, Power, Performance, Counts.
[[nodiscard]] std::vector<MetricDefinition> comparisonMetrics(const std::vector<iov::TrafficClass> &classes);

/// The classes any of `metrics` carries, in the order of iov::allTrafficClasses.
[[nodiscard]] std::vector<iov::TrafficClass> carriedClasses(const std::vector<const iov::ScenarioMetrics *> &metrics);

/// Two figures are the same when they differ by less than a part in 10^9 (sums taken in another order).
[[nodiscard]] bool sameFigure(double a, double b);
/// Which of `values` (one per scenario) is the better figure of `metric`: all false when the metric has no
/// better direction, is text, or every scenario shows the same figure; a number beats saturation.
[[nodiscard]] std::vector<bool> bestValues(const MetricDefinition &metric, const std::vector<MetricValue> &values);
/// `value` minus `baseline`, when both are numbers of a metric that has a difference (not yes/no, not text).
[[nodiscard]] std::optional<double> metricDelta(const MetricDefinition &metric, const MetricValue &value,
                                                const MetricValue &baseline);
/// How much better `value` is than `baseline`, in % of the baseline: a saving for lower-is-better metrics, a
/// gain for higher-is-better ones (negative: worse). None when the metric has no direction or the baseline is
/// zero while the value is not.
[[nodiscard]] std::optional<double> metricGainPercent(const MetricDefinition &metric, const MetricValue &value,
                                                      const MetricValue &baseline);

/// `value` spelled as a figure of `kind` ("$873,792.00", "2,176 W", "66.8 %").
[[nodiscard]] QString formatFigure(FigureKind kind, double value);
/// A difference spelled with its sign ("-$488,994.00", "+20.2 pp" for shares, "+6").
[[nodiscard]] QString formatDelta(FigureKind kind, double delta);
/// A percentage with one decimal, "56.0 %" (trailing zero kept so a column of them lines up).
[[nodiscard]] QString formatPercent(double percent);

} // namespace iovplan::reports
