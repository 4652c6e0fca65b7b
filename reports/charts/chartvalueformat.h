#pragma once
// How a chart spells one value (a bar's label, a reference line's value): the report's own formatting
// (reports/figureformat.h), so a chart reads exactly like the tables beside it.

#include "chart.h"

#include <QString>

namespace iovplan::reports {

/// `value` in `unit` as the reports spell it: "$880,192.00", "2,176 W", "117.6 MB/s", "352.1 µs", "66.8 %",
/// "128", "×1.5". A non-finite value reads "—".
[[nodiscard]] QString formatChartValue(ChartUnit unit, double value);

} // namespace iovplan::reports
