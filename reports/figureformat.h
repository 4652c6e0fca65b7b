#pragma once
// How figures are spelled for people — the one formatting code the tables, reports and (later) the GUI
// share, so a figure reads the same everywhere. Reports use a fixed locale (US English) unless told otherwise.

#include "model/cost/bom.h"

#include <QLocale>
#include <QString>

namespace iovplan::reports {

/// The fixed locale reports use by default: en_US (dollar amounts with "," groups and "." decimals).
[[nodiscard]] QLocale reportLocale();

/// "$880,192.00": whole cents, exactly.
[[nodiscard]] QString formatUsd(cost::Cents cents, const QLocale &locale = reportLocale());
/// A computed dollar figure rounded to the cent, as formatUsd.
[[nodiscard]] QString formatUsd(double usd, const QLocale &locale = reportLocale());
/// "2,176 W" (whole watts; one decimal below 10 W).
[[nodiscard]] QString formatWatts(double watts, const QLocale &locale = reportLocale());
/// A plain number with groups and at most `decimals` decimals, trailing zeros dropped: "7,424.5".
[[nodiscard]] QString formatNumber(double value, int decimals = 0, const QLocale &locale = reportLocale());

/// "117.6 MB/s": decimal megabytes per second (10^6 bytes, as the catalogs' MB/s), at most one decimal.
[[nodiscard]] QString formatMegabytesPerS(double bytesPerS, const QLocale &locale = reportLocale());

/// How the micro prefix is written: "µs" on screen, "us" where output must stay ASCII (the CLI's tables).
enum class MicroSign { Micro, Ascii };
/// "352.1 µs": always microseconds, at most one decimal (tables compare figures in one unit).
[[nodiscard]] QString formatMicroseconds(double seconds, MicroSign sign = MicroSign::Micro,
                                         const QLocale &locale = reportLocale());
/// A latency in the unit that reads best: "352.1 µs" below a millisecond, "2 ms" / "12.35 ms" below a
/// second, else "1.25 s" (the unit is chosen after rounding, so 999.97 µs reads "1 ms").
[[nodiscard]] QString formatLatency(double seconds, const QLocale &locale = reportLocale());

} // namespace iovplan::reports
