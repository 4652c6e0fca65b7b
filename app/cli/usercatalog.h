#pragma once
// Where iovplan-cli finds the user's catalog database when no --database is given.

#include <QString>

class QTextStream;

namespace iovplan::catalogs {
class CatalogDatabase;
}

namespace iovplan::cli {

/// The database the GUI uses: CatalogDatabase::defaultPath() under the GUI's organization and
/// application names (app/main.cpp), so the CLI and the GUI share one catalog.
[[nodiscard]] QString userCatalogPath();

/// After a successful open: when the database was found damaged and rebuilt, says so on `err` (where the
/// damaged file was kept, which edits came back) so the user learns of it before anything else.
void reportCatalogRecovery(const catalogs::CatalogDatabase &db, QTextStream &err);

} // namespace iovplan::cli
