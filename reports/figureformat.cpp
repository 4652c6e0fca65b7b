#include "figureformat.h"

#include <cmath>

namespace iovplan::reports {

QLocale reportLocale()
{
    return QLocale(QLocale::English, QLocale::UnitedStates);
}

QString formatUsd(cost::Cents cents, const QLocale &locale)
{
    const cost::Cents magnitude = cents < 0 ? -cents : cents;
    const QString dollars = locale.toString(static_cast<qlonglong>(magnitude / 100));
    const QString sign = cents < 0 ? locale.negativeSign() : QString();
    return QStringLiteral("%1$%2%3%4")
        .arg(sign, dollars, locale.decimalPoint())
        .arg(magnitude % 100, 2, 10, QLatin1Char('0'));
}

QString formatUsd(double usd, const QLocale &locale)
{
    return formatUsd(cost::toCents(usd), locale);
}

QString formatNumber(double value, int decimals, const QLocale &locale)
{
    if (!std::isfinite(value))
        return QStringLiteral("—");
    QString text = locale.toString(value, 'f', decimals);
    if (decimals > 0) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(locale.decimalPoint()))
            text.chop(locale.decimalPoint().size());
    }
    return text;
}

QString formatWatts(double watts, const QLocale &locale)
{
    return formatNumber(watts, std::abs(watts) < 10.0 ? 1 : 0, locale) + QStringLiteral(" W");
}

QString formatMegabytesPerS(double bytesPerS, const QLocale &locale)
{
    return formatNumber(bytesPerS / 1e6, 1, locale) + QStringLiteral(" MB/s");
}

QString formatMicroseconds(double seconds, MicroSign sign, const QLocale &locale)
{
    return formatNumber(seconds * 1e6, 1, locale)
           + (sign == MicroSign::Micro ? QStringLiteral(" \u00b5s") : QStringLiteral(" us"));
}

QString formatLatency(double seconds, const QLocale &locale)
{
    // Compare the rounded figure, so a value just under a unit's limit moves up instead of reading "1,000 µs".
    const double micros = std::round(std::abs(seconds) * 1e7) / 10.0;
    if (micros < 1000.0)
        return formatMicroseconds(seconds, MicroSign::Micro, locale);
    const double millis = std::round(std::abs(seconds) * 1e5) / 100.0;
    if (millis < 1000.0)
        return formatNumber(seconds * 1e3, 2, locale) + QStringLiteral(" ms");
    return formatNumber(seconds, 2, locale) + QStringLiteral(" s");
}

} // namespace iovplan::reports
