#pragma once
// Reads the "qn" queueing-network JSON (docs/qn-format.md, ARCHITECTURE.md) into a queueing::Network.

#include <queueing/network.h>
#include <queueing/solver.h>

#include <QByteArray>
#include <QString>

#include <optional>

namespace iovplan::io {

/// Limits that keep reading bounded in memory and time; every one is checked before allocating.
struct QnLimits
{
    qint64 maxFileBytes = 32 * 1024 * 1024;
    qsizetype maxNestingDepth = 64; ///< arrays and objects inside each other (the format needs 4)
    qsizetype maxStations = 200000;
    qsizetype maxClasses = 1000;
    qint64 maxStationClassEntries = 4000000; ///< stations x classes
    qint64 maxServers = 100000;
    qsizetype maxRateMultipliers = 100000;
    qint64 maxPopulation = 1000000; ///< per closed class
    qint64 maxTotalPopulation = 10000000; ///< over all closed classes
};

/// Where and why a qn document was rejected. `field` is the JSON path ("classes[1].population",
/// "classes[0].routing.cpu.disk"); it is empty for errors about the whole file (unreadable,
/// too large, malformed JSON), whose message then says where (offset, line, column).
struct QnReadError
{
    QString field;
    QString message;
};

/// A network ready to solve, plus the solve options the document asks for ("method").
struct QnDocument
{
    queueing::Network network;
    queueing::SolveOptions options;
};

/// The outcome of reading: a document, or the first error found.
struct QnReadResult
{
    std::optional<QnDocument> document;
    QnReadError error;

    [[nodiscard]] bool ok() const { return document.has_value(); }
};

/// Parses qn JSON text. Never throws for bad input and never prints.
[[nodiscard]] QnReadResult readQnJson(const QByteArray &json, const QnLimits &limits = {});

/// Reads a qn JSON file; refuses files larger than limits.maxFileBytes before reading them.
[[nodiscard]] QnReadResult readQnFile(const QString &path, const QnLimits &limits = {});

} // namespace iovplan::io
