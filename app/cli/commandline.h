#pragma once
// What every iovplan-cli command shares: parsing "FILE [--option VALUE] [--flag]" and printing the one-line
// error of a bad input ("iovplan-cli: FILE: FIELD: MESSAGE", exit status 2).

#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

class QTextStream;

namespace iovplan::cli {

/// `text` with control characters replaced, so a file or JSON name cannot break the one-line error.
[[nodiscard]] QString oneLine(const QString &text);

/// Prints "iovplan-cli: FILE: FIELD: MESSAGE" (no FIELD when empty) and returns 2.
int reportBadInput(QTextStream &err, const QString &file, const QString &field, const QString &message);

/// A command line of one FILE with options (taking a value: "--format json" or "--format=json") and flags.
struct CommandLine
{
    QString file;
    QMap<QString, QString> options;
    QSet<QString> flags;
    bool help = false; ///< --help or -h was given
    QString error; ///< why the arguments were refused (empty when they parsed)

    [[nodiscard]] QString option(const QString &name, const QString &fallback = {}) const
    {
        return options.value(name, fallback);
    }
};

/// Parses `args` allowing the `valueOptions` and `flagOptions` (spelled with their dashes).
[[nodiscard]] CommandLine parseCommandLine(const QStringList &args, const QStringList &valueOptions,
                                           const QStringList &flagOptions);

} // namespace iovplan::cli
