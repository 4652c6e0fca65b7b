// libFuzzer target: catalogs::readNetboxDeviceType on arbitrary bytes (docs/fuzzing.md). Any input
// must give a draft or a "file:line: ..." error; a crash, leak, hang or sanitizer report is a bug.
#include "catalogs/netboximport.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const iovplan::catalogs::NetboxImportResult result
        = iovplan::catalogs::readNetboxDeviceType(bytes, QStringLiteral("device-types/Fuzz/fuzz.yaml"));
    if (!result.ok() && !result.error.startsWith(QStringLiteral("device-types/Fuzz/fuzz.yaml:")))
        __builtin_trap();
    return 0;
}
