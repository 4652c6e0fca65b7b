// libFuzzer target: io::readQnJson on arbitrary bytes (docs/fuzzing.md). Any input must give a
// network or an error; a crash, leak, hang or sanitizer report is a bug.
#include "model/io/qnjsonreader.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const iovplan::io::QnReadResult result = iovplan::io::readQnJson(bytes);
    // A refusal must say why: an empty message would leave the user guessing.
    if (!result.ok() && result.error.message.isEmpty())
        __builtin_trap();
    return 0;
}
