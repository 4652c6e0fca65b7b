// iovplan: the desktop application.
#include "catalogs/catalogdatabase.h"
#include "ui/filecontroller.h"
#include "ui/mainwindow.h"

#include <iovplan/version.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QMessageBox>
#include <QSettings>
#include <QTextStream>

namespace {

/// The white paper's example, installed beside the program or, in a build tree, in the sources.
QString welcomeExamplePath()
{
    const QString name = QStringLiteral("examples/ciov-whitepaper.iovplan");
    const QDir programDir(QCoreApplication::applicationDirPath());
    const QStringList candidates{programDir.filePath(QStringLiteral("../share/iovplan/") + name),
                                 QStringLiteral(IOVPLAN_SOURCE_DIR "/") + name};
    for (const QString &candidate : candidates) {
        if (QFileInfo::exists(candidate))
            return QFileInfo(candidate).absoluteFilePath();
    }
    return {};
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("IOV Planner"));
    QApplication::setApplicationName(QStringLiteral("iovplan"));
    QApplication::setApplicationDisplayName(QStringLiteral(IOVPLAN_PRODUCT_NAME));
    QApplication::setApplicationVersion(QStringLiteral(IOVPLAN_VERSION_STRING));
    // The installed desktop entry and icon (packaging/): lets a Wayland compositor match the window to them.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.iovplan.IovPlanner"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("io.github.iovplan.IovPlanner")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Plan I/O virtualization for data centers."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("A project (*.iovplan) to open, or a queueing network (qn JSON) to solve."));
    parser.process(app);

    // The first run loads the shipped catalogs into the user's catalog database; a newer program
    // upgrades them, keeping the user's edits (catalogs/data/README.md). A catalog that cannot be opened
    // must not keep the user from their documents, which carry their own pinned items: warn and go on.
    iovplan::catalogs::CatalogDatabase catalog;
    QString catalogRecovery; // a damaged catalog was kept aside and rebuilt: the user hears of it first
    QString catalogProblem = catalog.open(iovplan::catalogs::CatalogDatabase::defaultPath());
    if (catalogProblem.isEmpty()) {
        if (catalog.recovery().rebuilt)
            catalogRecovery = catalog.recovery().summary();
        const iovplan::catalogs::CatalogLoadResult loaded = catalog.ensureShippedCatalog();
        if (!loaded.ok())
            catalogProblem = loaded.errors.join(QLatin1Char('\n'));
    }
    if (!catalogProblem.isEmpty())
        QTextStream(stderr) << "iovplan: hardware catalog unavailable: " << catalogProblem << '\n';

    iovplan::ui::MainWindow window(catalogProblem.isEmpty() ? &catalog : nullptr);
    window.show();
    if (!catalogRecovery.isEmpty())
        QMessageBox::warning(&window, QStringLiteral("Hardware catalog rebuilt"), catalogRecovery);
    // A crashed session's work comes first; then what the user asked to open; a newcomer sees the example.
    const bool restored = window.files().offerRecovery();
    QSettings settings;
    const auto firstRunKey = QStringLiteral("firstRun/done");
    if (!parser.positionalArguments().isEmpty()) {
        const QString file = parser.positionalArguments().constFirst();
        if (file.endsWith(QLatin1String(".iovplan"), Qt::CaseInsensitive))
            window.openProject(file);
        else
            window.openQueueingNetwork(file);
    } else if (!restored && !settings.value(firstRunKey).toBool()) {
        const QString example = welcomeExamplePath();
        if (!example.isEmpty())
            window.openWelcomeProject(example);
    }
    settings.setValue(firstRunKey, true);
    return QApplication::exec();
}
