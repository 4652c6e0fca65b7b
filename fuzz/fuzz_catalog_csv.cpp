// libFuzzer target: catalogs::parseCatalogCsv (docs/fuzzing.md). One input holds both files:
// items.csv, the separator line below, then specs.csv (an input without the separator is items.csv
// alone with an empty specs.csv). A crash, leak, hang or sanitizer report is a bug.
#include "catalogs/catalogcsv.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const QByteArray separator("\n--- specs.csv ---\n");
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const qsizetype at = bytes.indexOf(separator);
    const QByteArray items = at < 0 ? bytes : bytes.left(at);
    const QByteArray specs = at < 0 ? QByteArray() : bytes.mid(at + separator.size());
    const iovplan::catalogs::CatalogCsvResult result = iovplan::catalogs::parseCatalogCsv(
        items, QStringLiteral("items.csv"), specs, QStringLiteral("specs.csv"));
    // Rows are only handed out when no error was found.
    if (!result.ok() && (!result.rows.items.isEmpty() || !result.rows.specs.isEmpty()))
        __builtin_trap();
    return 0;
}
