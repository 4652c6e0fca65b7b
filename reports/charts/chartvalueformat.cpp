#include "chartvalueformat.h"

#include "reports/comparisonmetrics.h"
#include "reports/figureformat.h"

#include <cmath>

namespace iovplan::reports {

QString formatChartValue(ChartUnit unit, double value)
{
    if (!std::isfinite(value))
        return QStringLiteral("—");
    switch (unit) {
    case ChartUnit::Usd:
        return formatUsd(value);
    case ChartUnit::Watts:
        return formatWatts(value);
    case ChartUnit::BytesPerS:
        return formatMegabytesPerS(value);
    case ChartUnit::Seconds:
        return formatLatency(value);
    case ChartUnit::Share:
        return formatFigure(FigureKind::Share, value);
    case ChartUnit::Count:
        return formatNumber(value, 2);
    case ChartUnit::LoadFactor:
        return formatFigure(FigureKind::Factor, value);
    }
    return formatNumber(value, 2);
}

} // namespace iovplan::reports
