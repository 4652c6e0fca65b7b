#pragma once
// Reading and writing *.iovplan project documents (ARCHITECTURE.md, Documents; docs/document-format.md):
// versioned JSON, migrated forward on load, written with deterministic bytes, saved atomically.

#include "model/design/project.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace iovplan::io {

/// The document format version this program writes. The only place it is spelled.
inline constexpr int currentDocumentVersion = 2;

/// One migration step: turns a document of version `fromVersion` into version `fromVersion + 1`.
/// It edits the JSON before parsing; it need not update "version" (the reader does).
struct DocumentMigration
{
    int fromVersion = 0;
    std::function<QJsonObject(QJsonObject)> migrate;
};

/// The migrations this program applies, in order (1 -> 2: cable end slots and cable transceivers);
/// see docs/document-format.md for how to add one.
[[nodiscard]] const std::vector<DocumentMigration> &documentMigrations();

/// Why a document was refused: the JSON path of the offending value ("scenarios[0].design.servers[3]
/// .position_u"; empty for a document that is not JSON) and a one-line message.
struct DocumentError
{
    QString field;
    QString message;
};

/// The outcome of reading a document: the project, or the error.
struct ProjectReadResult
{
    std::optional<design::Project> project;
    /// The version the document was written in (before migration); pass it to saveProjectFile.
    int loadedVersion = 0;
    DocumentError error;

    [[nodiscard]] bool ok() const { return project.has_value(); }
};

/// Sizes above which a document is refused with an error naming the field and the limit, so that a
/// hostile or runaway file cannot exhaust memory (docs/limits.md). Each is checked before anything
/// is allocated for it: the byte size before reading, the nesting before parsing, a list's length
/// before reading its elements. The defaults hold real designs with room to spare: the white paper's
/// four 128-server scenarios take 1.4 MB, and the model evaluates 100,000 servers in 2 s.
struct DocumentLimits
{
    qint64 maxFileBytes = qint64(256) * 1024 * 1024; ///< the document's bytes
    qsizetype maxNestingDepth = 64; ///< arrays and objects inside each other (the format needs 7)
    qsizetype maxCatalogItems = 10000; ///< pinned items ("catalog")
    qsizetype maxSpecsPerItem = 1000; ///< "specs" of one pinned item
    qsizetype maxScenarios = 64;
    qsizetype maxRacks = 10000; ///< per scenario, as each count below
    qsizetype maxFabrics = 1000;
    qsizetype maxServers = 100000;
    qsizetype maxSwitches = 100000;
    qsizetype maxGateways = 100000;
    qsizetype maxStorageArrays = 100000;
    qsizetype maxCables = 1000000;
    qsizetype maxSlotsPerDevice = 64; ///< a server's "adapters", a gateway's "modules"
    qsizetype maxVmProfiles = 1000;
};

/// Reads a document: parses it, refuses duplicate keys, migrates it to the current version, reads
/// every field and runs checkProject (projectchecks.h). `migrations` is injectable for tests;
/// production callers use the default.
[[nodiscard]] ProjectReadResult readProjectJson(const QByteArray &json,
    const std::vector<DocumentMigration> &migrations = documentMigrations(), const DocumentLimits &limits = {});

/// Reads the document at `path`; an unreadable or too large file (checked before reading) is an error
/// with an empty field.
[[nodiscard]] ProjectReadResult readProjectFile(const QString &path,
    const std::vector<DocumentMigration> &migrations = documentMigrations(), const DocumentLimits &limits = {});

/// The document of `project` at currentDocumentVersion: the same project always gives the same bytes
/// (keys sorted, numbers in shortest round-trip form, indented, ending in a newline).
[[nodiscard]] QByteArray writeProjectJson(const design::Project &project);

/// The outcome of a save.
struct SaveResult
{
    bool ok = false;
    QString message; ///< why the save failed (empty on success)
    QString backupPath; ///< the NAME.v<old> copy written by this save, if one was
};

/// Where the first save after migrating a version-`oldVersion` document keeps the old file.
[[nodiscard]] QString backupPathFor(const QString &path, int oldVersion);

/// Saves `project` to `path` atomically (QSaveFile): on any failure the old file is unchanged.
/// `loadedVersion` is the version the project was read in; when it is older than the current one
/// and the file at `path` still holds that older version, the old file is first copied to
/// backupPathFor(path, loadedVersion) — once: an existing backup is never overwritten.
[[nodiscard]] SaveResult saveProjectFile(
    const QString &path, const design::Project &project, int loadedVersion = currentDocumentVersion);

} // namespace iovplan::io
