#pragma once
// Finding a JSON object key written twice. QJsonDocument silently keeps one of the two values, so a
// document with a repeated key (two catalog items with one id) would load as something its author
// did not write; readers run this scan to refuse such documents instead (docs/document-format.md).

#include <QByteArray>
#include <QString>

#include <optional>

namespace iovplan::io {

/// A key that occurs twice in one JSON object.
struct DuplicateKey
{
    /// The path of the object holding the key, spelled like JsonPath ("catalog",
    /// "scenarios[0].design"); empty for the top-level object.
    QString path;
    /// The key, unescaped ("a\u0062" and "ab" are the same key).
    QString key;
    /// The path of the repeated member itself ("catalog.srv-1u"), for the error's field.
    QString memberPath;
};

/// The first key (in document order) that repeats a key of the same object, if any.
/// `json` must already have been accepted by QJsonDocument::fromJson: the scan assumes valid JSON
/// and does not report syntax errors. It runs in one pass, in time linear in the size of `json`,
/// without recursion (nesting is tracked on a heap stack).
[[nodiscard]] std::optional<DuplicateKey> findDuplicateKey(const QByteArray &json);

} // namespace iovplan::io
