#pragma once
// One accepted spelling of an enumerated value. A format keeps its spellings in one table, from which the
// names written, the values read and the messages listing the choices are all made, so they cannot drift.

#include <QLatin1String>
#include <QString>

#include <array>
#include <cstddef>
#include <optional>

namespace iovplan::design {

/// A spelling and the value it stands for.
template <typename Enum> struct Keyword
{
    const char *spelling;
    Enum value;
};

/// The value spelled `text`, if `keywords` has it (spellings are case-sensitive).
template <typename Enum, std::size_t N>
[[nodiscard]] std::optional<Enum> findKeyword(const QString &text, const std::array<Keyword<Enum>, N> &keywords)
{
    for (const Keyword<Enum> &keyword : keywords) {
        if (text == QLatin1String(keyword.spelling))
            return keyword.value;
    }
    return std::nullopt;
}

/// The spelling of `value` in `keywords` (empty if the table lacks it).
template <typename Enum, std::size_t N>
[[nodiscard]] QString keywordSpelling(Enum value, const std::array<Keyword<Enum>, N> &keywords)
{
    for (const Keyword<Enum> &keyword : keywords) {
        if (keyword.value == value)
            return QLatin1String(keyword.spelling);
    }
    return {};
}

} // namespace iovplan::design
