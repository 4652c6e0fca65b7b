#include "commandline.h"

#include <QTextStream>

namespace iovplan::cli {

QString oneLine(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar ch : text)
        out += ch.unicode() < 0x20 || ch.unicode() == 0x7f ? QChar(u'?') : ch;
    return out;
}

int reportBadInput(QTextStream &err, const QString &file, const QString &field, const QString &message)
{
    err << "iovplan-cli: " << oneLine(file) << ": ";
    if (!field.isEmpty())
        err << oneLine(field) << ": ";
    err << oneLine(message) << '\n';
    err.flush();
    return 2;
}

CommandLine parseCommandLine(const QStringList &args, const QStringList &valueOptions, const QStringList &flagOptions)
{
    CommandLine line;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
            line.help = true;
            continue;
        }
        const qsizetype equals = arg.indexOf(QLatin1Char('='));
        const QString name = arg.startsWith(QLatin1String("--")) && equals > 0 ? arg.left(equals) : arg;
        if (valueOptions.contains(name)) {
            if (equals > 0 && name.size() < arg.size()) {
                line.options.insert(name, arg.mid(equals + 1));
            } else if (i + 1 < args.size() && !args.at(i + 1).startsWith(QLatin1String("--"))) {
                line.options.insert(name, args.at(++i));
            } else {
                line.error = QStringLiteral("%1 needs a value").arg(name);
                return line;
            }
        } else if (flagOptions.contains(arg)) {
            line.flags.insert(arg);
        } else if (arg.startsWith(QLatin1Char('-')) && arg.size() > 1) {
            line.error = QStringLiteral("unknown option '%1'").arg(oneLine(arg));
            return line;
        } else if (line.file.isEmpty()) {
            line.file = arg;
        } else {
            line.error = QStringLiteral("one FILE only, got '%1' and '%2'").arg(oneLine(line.file), oneLine(arg));
            return line;
        }
    }
    return line;
}

} // namespace iovplan::cli
