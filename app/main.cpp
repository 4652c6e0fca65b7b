// iovplan: the desktop application.
#include "ui/mainwindow.h"

#include <iovplan/version.h>

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("IOV Planner"));
    QApplication::setApplicationName(QStringLiteral("iovplan"));
    QApplication::setApplicationDisplayName(QStringLiteral(IOVPLAN_PRODUCT_NAME));
    QApplication::setApplicationVersion(QStringLiteral(IOVPLAN_VERSION_STRING));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Plan I/O virtualization for data centers."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("A queueing network (qn JSON) to solve and show."));
    parser.process(app);

    iovplan::ui::MainWindow window;
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openQueueingNetwork(parser.positionalArguments().constFirst());
    return QApplication::exec();
}
