// The child process of tests/ui/files/tst_autosavecrash.cpp: the GUI's own autosave (ui/files/AutoSaver,
// as ui/filecontroller.cpp wires it) on a Document edited through the GUI's DocumentEditor. Opens
// PROJECT, adds a rack to its first scenario, autosaves into RECOVERY_DIR on a short timer and prints
// "snapshot <path>" when the recovery file is on disk; then it idles until the test kills it.
//   autosavechild PROJECT RECOVERY_DIR
#include "ui/editing/document.h"
#include "ui/editing/documenteditor.h"
#include "ui/files/autosaver.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationVersion(QStringLiteral("autosave-crash-test"));
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: autosavechild PROJECT RECOVERY_DIR\n");
        return 2;
    }
    using namespace iovplan;
    ui::Document document;
    if (const io::DocumentError error = document.open(args.at(1)); !error.message.isEmpty()) {
        std::fprintf(stderr, "%s: %s %s\n", qPrintable(args.at(1)), qPrintable(error.field),
            qPrintable(error.message));
        return 1;
    }
    ui::AutoSaver saver(&document, args.at(2));
    saver.setInterval(50);
    QObject::connect(&saver, &ui::AutoSaver::snapshotWritten, [](const QString &path) {
        std::printf("snapshot %s\n", qPrintable(path));
        std::fflush(stdout);
    });
    QObject::connect(&saver, &ui::AutoSaver::autosaveFailed, [](const QString &message) {
        std::fprintf(stderr, "autosave failed: %s\n", qPrintable(message));
        QCoreApplication::exit(1);
    });
    ui::DocumentEditor editor(document, nullptr);
    if (const ui::EditOutcome added = editor.addRack(document.scenarioKeys().front()); !added.ok()) {
        std::fprintf(stderr, "edit refused: %s\n", qPrintable(added.refusal));
        return 1;
    }
    return QCoreApplication::exec();
}
