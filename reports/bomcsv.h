#pragma once
// The bill of materials as CSV for procurement (`iovplan-cli bom FILE --csv`, File → Export).

#include "model/cost/bom.h"

#include <QByteArray>
#include <QString>

namespace iovplan::reports {

/// The header row every BOM CSV starts with.
[[nodiscard]] QString bomCsvHeader();

/// The rows of one scenario's BOM: one "item" row per line (category order), a "subtotal" row after each
/// category, then "io_total" (I/O only) and "total" rows. Money in dollars with two decimals (C locale),
/// exactly the sums of the cents above; RFC 4180 quoting; "\n" line ends.
[[nodiscard]] QString bomCsvRows(const QString &scenarioName, const cost::BillOfMaterials &bom);

} // namespace iovplan::reports
