#pragma once
// A problem found in a scenario: a broken physical rule, a missing figure, later saturation or an SLA miss.

#include <QString>

namespace iovplan::design {

/// How bad a problem is: an error makes the scenario's figures unreliable (the design cannot be built
/// as drawn); a warning is worth a look but the figures stand.
enum class Severity { Error, Warning };

/// "error" or "warning".
[[nodiscard]] inline QString severityName(Severity severity)
{
    return severity == Severity::Error ? QStringLiteral("error") : QStringLiteral("warning");
}

/// One problem, naming the object it is about (a device, rack, cable or profile id) so a user can find it.
struct Problem
{
    Severity severity = Severity::Error;
    QString message;
    QString object;

    bool operator==(const Problem &) const = default;
};

} // namespace iovplan::design
