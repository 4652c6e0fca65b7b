#include "qncommand.h"

#include "commandline.h"

#include "model/io/qnjsonreader.h"
#include "model/io/qnjsonwriter.h"
#include "queueing/invalidnetwork.h"
#include "queueing/solver.h"
#include "reports/solutiontable.h"

#include <QTextStream>

namespace iovplan::cli {

namespace {

enum class Format { Json, Table };

void printQnUsage(QTextStream &stream)
{
    stream << "Usage: iovplan-cli qn FILE [--format json|table]\n"
              "Solves the queueing network in FILE (qn JSON, see docs/qn-format.md).\n"
              "Exit status: 0 solved (saturated networks included), 2 bad input, 1 internal error.\n";
}

} // namespace

int runQnCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    Format format = Format::Json;
    QString file;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        QString formatName;
        if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
            printQnUsage(out);
            return 0;
        }
        if (arg == QLatin1String("--format")) {
            if (i + 1 >= args.size()) {
                err << "iovplan-cli qn: --format needs a value: json or table\n";
                return 2;
            }
            formatName = args.at(++i);
        } else if (arg.startsWith(QLatin1String("--format="))) {
            formatName = arg.mid(9);
        } else if (arg.startsWith(QLatin1Char('-')) && arg.size() > 1) {
            err << "iovplan-cli qn: unknown option '" << oneLine(arg) << "'\n";
            printQnUsage(err);
            return 2;
        } else if (file.isEmpty()) {
            file = arg;
            continue;
        } else {
            err << "iovplan-cli qn: one FILE only, got '" << oneLine(file) << "' and '" << oneLine(arg)
                << "'\n";
            return 2;
        }
        if (formatName == QLatin1String("json")) {
            format = Format::Json;
        } else if (formatName == QLatin1String("table")) {
            format = Format::Table;
        } else {
            err << "iovplan-cli qn: --format must be json or table, got '" << oneLine(formatName) << "'\n";
            return 2;
        }
    }
    if (file.isEmpty()) {
        printQnUsage(err);
        return 2;
    }

    const io::QnReadResult read = io::readQnFile(file);
    if (!read.ok())
        return reportBadInput(err, file, read.error.field, read.error.message);
    const io::QnDocument &document = *read.document;

    queueing::Solution solution;
    try {
        solution = queueing::solve(document.network, document.options);
    } catch (const queueing::InvalidNetwork &e) {
        // The solver's checks (product-form restrictions, an exact state space too large to hold).
        return reportBadInput(err, file, QString::fromStdString(e.field()), QString::fromStdString(e.what()));
    }

    if (format == Format::Table)
        out << reports::solutionTable(document.network, solution);
    else
        out << QString::fromUtf8(io::writeQnSolution(document.network, solution));
    out.flush();
    return 0;
}

} // namespace iovplan::cli
