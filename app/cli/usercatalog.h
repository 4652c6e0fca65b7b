#pragma once
// Where iovplan-cli finds the user's catalog database when no --database is given.

#include <QString>

namespace iovplan::cli {

/// The database the GUI uses: CatalogDatabase::defaultPath() under the GUI's organization and
/// application names (app/main.cpp), so the CLI and the GUI share one catalog.
[[nodiscard]] QString userCatalogPath();

} // namespace iovplan::cli
