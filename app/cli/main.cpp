// iovplan-cli: the headless front end. Exit status: 0 success, 2 bad input, 1 internal error.
#include "bomcommand.h"
#include "catalogcommand.h"
#include "evaluatecommand.h"
#include "exportchartcommand.h"
#include "qncommand.h"
#include "refreshcommand.h"
#include "reportcommand.h"
#include "simulatecommand.h"
#include "sweepcommand.h"

#include <iovplan/version.h>

#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>

#include <cstdio>
#include <exception>
#include <memory>

namespace {

void printUsage(QTextStream &out)
{
    out << "Usage: iovplan-cli COMMAND [OPTIONS]\n\n"
           "Commands:\n"
           "  qn FILE [--format json|table]   solve a queueing network (qn JSON)\n"
           "  simulate FILE [OPTIONS]         discrete-event simulation of a qn network\n"
           "  evaluate FILE [--scenario NAME] [--format json|table] [--simulate]\n"
           "                                  cost, power, performance and problems of each scenario\n"
           "  sweep FILE --param P --from A --to B --steps N [--shard i/n]\n"
           "                                  one parameter swept, results as CSV\n"
           "  failures FILE [--scenario NAME] each gateway, HCA, switch or uplink failed in turn\n"
           "  bom FILE [--scenario NAME] --csv bill of materials as CSV\n"
           "  report FILE -o OUT.pdf [--scenarios A,B] [--page-size A4|Letter]\n"
           "                                  the procurement report as PDF (report --help)\n"
           "  export-chart FILE (--chart ID -o OUT.png|svg | --all -o DIR | --list)\n"
           "                                  the report's charts as PNG or SVG\n"
           "  refresh-prices FILE [--apply] [--database DB] [--format table|json]\n"
           "                                  compare the document's pinned items with the catalog\n"
           "  catalog list|import|export ...  list, price (vendor quote) or export the hardware\n"
           "                                  catalog (iovplan-cli catalog --help)\n"
           "  --version                       print the version\n"
           "  --help                          print this help\n";
}

} // namespace

namespace {

// Commands that draw (fonts, painting) need a QGuiApplication; on a machine without a display they draw
// on the offscreen platform. The others stay QCoreApplication, which starts faster and needs no platform.
bool commandDraws(int argc, char *argv[])
{
    if (argc < 2)
        return false;
    const QByteArray command(argv[1]);
    return command == "report" || command == "export-chart";
}

std::unique_ptr<QCoreApplication> makeApplication(int &argc, char *argv[])
{
    if (!commandDraws(argc, argv))
        return std::make_unique<QCoreApplication>(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    return std::make_unique<QGuiApplication>(argc, argv);
}

} // namespace

int main(int argc, char *argv[])
{
    const std::unique_ptr<QCoreApplication> app = makeApplication(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("iovplan-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(IOVPLAN_VERSION_STRING));
    QTextStream out(stdout);
    QTextStream err(stderr);

    const QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty()) {
        printUsage(err);
        return 2;
    }
    const QString &command = args.first();
    try {
        if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
            out << "iovplan-cli " << IOVPLAN_VERSION_STRING << '\n';
            return 0;
        }
        if (command == QLatin1String("--help") || command == QLatin1String("-h")) {
            printUsage(out);
            return 0;
        }
        if (command == QLatin1String("qn"))
            return iovplan::cli::runQnCommand(args.mid(1), out, err);
        if (command == QLatin1String("simulate"))
            return iovplan::cli::runSimulateCommand(args.mid(1), out, err);
        if (command == QLatin1String("sweep"))
            return iovplan::cli::runSweepCommand(args.mid(1), out, err);
        if (command == QLatin1String("failures"))
            return iovplan::cli::runFailuresCommand(args.mid(1), out, err);
        if (command == QLatin1String("evaluate"))
            return iovplan::cli::runEvaluateCommand(args.mid(1), out, err);
        if (command == QLatin1String("bom"))
            return iovplan::cli::runBomCommand(args.mid(1), out, err);
        if (command == QLatin1String("report"))
            return iovplan::cli::runReportCommand(args.mid(1), out, err);
        if (command == QLatin1String("export-chart"))
            return iovplan::cli::runExportChartCommand(args.mid(1), out, err);
        if (command == QLatin1String("refresh-prices"))
            return iovplan::cli::runRefreshPricesCommand(args.mid(1), out, err);
        if (command == QLatin1String("catalog"))
            return iovplan::cli::runCatalogCommand(args.mid(1), out, err);
        err << "iovplan-cli: unknown command '" << command << "' (try --help)\n";
        return 2;
    } catch (const std::exception &e) {
        err << "iovplan-cli: internal error: " << e.what() << '\n';
        return 1;
    } catch (...) {
        err << "iovplan-cli: internal error\n";
        return 1;
    }
}
