#pragma once
// Checking what the user types into an inspector field before anything reaches the document: a
// malformed or out-of-range value turns the field red with the reason and is not applied.

#include <QString>

#include <optional>

class QWidget;

namespace iovplan::ui {

/// What a numeric field accepts, in the unit the field shows.
struct NumberRule
{
    QString what; ///< "PUE", "VMs per server": names the field in messages
    double min = 0.0;
    double max = 1e12;
    bool minExclusive = false; ///< the value must be above min, not at it
    bool integer = false;
    bool optional = false; ///< empty text means "none"
    QString unit; ///< "ms", "MB/s", "%": shown in messages
};

/// A parsed field: the value (absent for an empty optional field), or why the text is refused.
struct ParsedNumber
{
    std::optional<double> value;
    QString error; ///< one line naming the field: "PUE: must be at least 1 (got 0.5)"
    [[nodiscard]] bool ok() const { return error.isEmpty(); }
};

/// Parses `text` (C-locale number, surrounding blanks ignored) against `rule`.
[[nodiscard]] ParsedNumber parseNumber(const QString &text, const NumberRule &rule);

/// A plain editable spelling of `value`: no group separators, at most 10 significant digits ("1.8", "2").
[[nodiscard]] QString editableNumber(double value);

/// Marks `field` invalid (red frame, the reason as its tooltip) or, with an empty reason, valid again.
/// The state is kept in the field's "invalid" property so views and tests can read it.
void markField(QWidget *field, const QString &reason);
/// Whether markField last marked `field` invalid.
[[nodiscard]] bool isMarkedInvalid(const QWidget *field);

} // namespace iovplan::ui
