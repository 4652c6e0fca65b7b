// The child process of tests/io/tst_crashsafesave.cpp: saves documents B and A alternately over one
// path with io::saveProjectFile until the test kills it with SIGKILL. Prints "ready" once the documents
// are built, "save N" before and "saved N" after each save, each line flushed at once so the test knows
// where the kill landed.
//   savechild PATH            save forever
//   savechild PATH --once     save document B once and exit 0 (1 when the save failed, message on stderr)
#include "crashsafedocuments.h"

#include "model/io/projectdocument.h"

#include <QCoreApplication>

#include <cstdio>

namespace {

void say(const char *line, long long n = -1)
{
    if (n < 0)
        std::printf("%s\n", line);
    else
        std::printf("%s %lld\n", line, n);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: savechild PATH [--once]\n");
        return 2;
    }
    const QString path = args.at(1);
    const bool once = args.contains(QStringLiteral("--once"));
    using namespace iovplan;
    const design::Project documents[2] = { testing::crashSafeDocumentB(), testing::crashSafeDocumentA() };
    say("ready");
    for (long long n = 0;; ++n) {
        say("save", n);
        const io::SaveResult saved = io::saveProjectFile(path, documents[n % 2]);
        if (!saved.ok) {
            std::fprintf(stderr, "%s\n", qPrintable(saved.message));
            return 1;
        }
        say("saved", n);
        if (once)
            return 0;
    }
}
