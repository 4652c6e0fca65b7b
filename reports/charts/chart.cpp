#include "chart.h"

#include <cmath>

namespace iovplan::reports {

bool hasPlottableData(const Chart &chart)
{
    for (const ChartSeries &s : chart.series) {
        if (chart.kind == ChartKind::Lines) {
            for (const QPointF &p : s.points) {
                if (std::isfinite(p.x()) && std::isfinite(p.y()))
                    return true;
            }
        } else {
            const std::size_t n = std::min(s.values.size(), static_cast<std::size_t>(chart.categories.size()));
            for (std::size_t i = 0; i < n; ++i) {
                if (std::isfinite(s.values[i]))
                    return true;
            }
        }
        if (chart.kind == ChartKind::Bars)
            break; // a bar chart plots its first series only
    }
    return false;
}

} // namespace iovplan::reports
