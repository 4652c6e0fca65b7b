#pragma once
// Runs the real iovplan-cli for the CLI tests and collects what it did.

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStringList>

namespace iovplan::testing {

/// One run of iovplan-cli.
struct CliRun
{
    int exitCode = -1; ///< -1 when it crashed, did not start or did not finish
    bool finished = false;
    QByteArray out;
    QByteArray err;
    qint64 elapsedMs = 0;
};

/// Runs IOVPLAN_CLI_PATH with `arguments`; kills it after `timeoutMs`.
inline CliRun runCli(const QStringList &arguments, int timeoutMs = 60000)
{
    CliRun run;
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(QStringLiteral(IOVPLAN_CLI_PATH), arguments);
    if (!process.waitForStarted(10000))
        return run;
    run.finished = process.waitForFinished(timeoutMs);
    if (!run.finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    run.elapsedMs = timer.elapsed();
    run.exitCode = run.finished && process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

/// The bytes of `path` (empty when it cannot be read).
inline QByteArray readAllOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace iovplan::testing
