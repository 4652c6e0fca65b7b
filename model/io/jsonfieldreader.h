#pragma once
// Typed reading of JSON fields for the format readers (docs/qn-format.md): every value is checked
// (type, range, finiteness) and every rejection names the JSON path of the offending value.

#include "model/design/keyword.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <array>
#include <cstddef>
#include <optional>

namespace iovplan::io {

/// A rejected field: thrown by the readers below and caught where a whole document is read, so that
/// a check deep inside a document needs no error plumbing back up. `field` is the JSON path.
struct JsonFieldError
{
    QString field;
    QString message;
};

/// A JSON field path ("classes[1].routing.cpu"), chained on the stack and turned into text only when
/// an error is reported: reading a valid document builds no path strings. A child refers to its
/// parent, so a parent must outlive its children (they are locals or temporaries below it).
class JsonPath
{
public:
    /// A top-level key, spelled in the source (it must have static lifetime).
    explicit JsonPath(const char *key)
        : m_latin1(key)
    {
    }

    /// A key spelled in the source (static lifetime).
    [[nodiscard]] JsonPath member(const char *key) const { return JsonPath(this, key); }
    /// A key taken from the document, such as a station name; shown escaped and shortened.
    [[nodiscard]] JsonPath member(const QString &key) const { return JsonPath(this, key); }
    /// An array element.
    [[nodiscard]] JsonPath index(qsizetype i) const { return JsonPath(this, i); }

    /// "classes[1].routing.cpu"
    [[nodiscard]] QString toString() const;

private:
    JsonPath(const JsonPath *parent, const char *key)
        : m_parent(parent)
        , m_latin1(key)
    {
    }
    JsonPath(const JsonPath *parent, const QString &key)
        : m_parent(parent)
        , m_key(key)
    {
    }
    JsonPath(const JsonPath *parent, qsizetype i)
        : m_parent(parent)
        , m_index(i)
    {
    }

    const JsonPath *m_parent = nullptr;
    const char *m_latin1 = nullptr; ///< a key spelled in the source (static lifetime)
    QString m_key; ///< a key from the document (a station name)
    qsizetype m_index = -1; ///< an array index
};

/// Rejects the value at `path`: throws JsonFieldError.
[[noreturn]] void rejectField(const JsonPath &path, const QString &message);

// Message text. Messages are one line each, whatever the document holds.

/// A name from the document in single quotes, control characters escaped and long names shortened.
[[nodiscard]] QString quoted(const QString &name);
/// A number as messages print it: shortest form that reads back the same ("2.5", "1e+300").
[[nodiscard]] QString numberText(double x);
/// A count or bound as messages print it.
[[nodiscard]] QString numberText(qint64 x);
/// What a JSON value is, for "got ..." in messages: "null", "true", "2.5", "the string 'x'", "an array".
[[nodiscard]] QString describeValue(const QJsonValue &value);

// Typed readers: each returns the value or rejects it at `path`; a missing (undefined) value is
// rejected as "is missing" where the reader requires one.

/// An object; `what` completes "must be ..." ("an object {\"station\": number}").
[[nodiscard]] QJsonObject requireObject(const QJsonValue &value, const JsonPath &path, const QString &what);
/// An array; `what` completes "must be ..." ("an array of probabilities").
[[nodiscard]] QJsonArray requireArray(const QJsonValue &value, const JsonPath &path, const QString &what);

/// What a required, non-empty and bounded list field must be, in the words its messages use.
struct ArrayRule
{
    QString what; ///< completes "must be ..." ("an array of stations")
    QString whyRequired; ///< completes "is missing: ..." ("the network needs at least one station")
    QString whyNonEmpty; ///< completes "is empty: ..."
    QString itemsNoun; ///< completes "has N ..., more than the limit of L" ("stations")
    qint64 maxItems = 0;
};

/// A required array with 1 .. rule.maxItems elements. The bound is checked before the caller
/// allocates anything per element, which keeps reading bounded in memory.
[[nodiscard]] QJsonArray requireBoundedArray(
    const QJsonValue &value, const JsonPath &path, const ArrayRule &rule);

/// Rejects a list of `count` items at `path` when it holds more than `limit`: "has 100001 servers,
/// more than the limit of 100000". Readers call it before reading any element.
void requireAtMost(qint64 count, const JsonPath &path, const QString &itemsNoun, qint64 limit);

/// The byte offset at which `json` first nests arrays and objects deeper than `maxDepth` levels
/// (brackets inside strings do not count), or -1 when it never does. Run before parsing so that a
/// deeply nested document is refused in one linear pass, whatever the parser would do with it.
[[nodiscard]] qsizetype jsonNestingBeyond(const QByteArray &json, qsizetype maxDepth);

/// A string (which may be empty).
[[nodiscard]] QString requireString(const QJsonValue &value, const JsonPath &path);
/// A finite number.
[[nodiscard]] double requireNumber(const QJsonValue &value, const JsonPath &path);
/// A finite number > 0.
[[nodiscard]] double positiveNumber(const QJsonValue &value, const JsonPath &path);
/// A finite number >= 0; -0 reads as 0.
[[nodiscard]] double nonNegativeNumber(const QJsonValue &value, const JsonPath &path);
/// A number in [0, 1]; -0 reads as 0.
[[nodiscard]] double probability(const QJsonValue &value, const JsonPath &path);
/// A whole number in [minimum, maximum]; written as a JSON number, so 3.0 counts as 3.
[[nodiscard]] qint64 wholeNumber(
    const QJsonValue &value, const JsonPath &path, qint64 minimum, qint64 maximum);

/// The spelling tables of enumerated fields (model/design/keyword.h): parsing and messages come from them.
using design::findKeyword;
using design::Keyword;
using design::keywordSpelling;

/// The spellings as a message lists them: "queue, delay or load-dependent".
template <typename Enum, std::size_t N>
[[nodiscard]] QString keywordChoices(const std::array<Keyword<Enum>, N> &keywords)
{
    static_assert(N > 0);
    QString text;
    for (std::size_t i = 0; i < N; ++i) {
        if (i > 0)
            text += i + 1 == N ? QStringLiteral(" or ") : QStringLiteral(", ");
        text += QLatin1String(keywords[i].spelling);
    }
    return text;
}

/// A required string that must be one of `keywords`; rejected as "must be a, b or c, got 'x'".
template <typename Enum, std::size_t N>
[[nodiscard]] Enum requireKeyword(
    const QJsonValue &value, const JsonPath &path, const std::array<Keyword<Enum>, N> &keywords)
{
    const QString text = requireString(value, path);
    const std::optional<Enum> found = findKeyword(text, keywords);
    if (!found)
        rejectField(path,
            QStringLiteral("must be ") + keywordChoices(keywords) + QStringLiteral(", got ") + quoted(text));
    return *found;
}

} // namespace iovplan::io
