#pragma once

#include "catalogrows.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace iovplan::catalogs {

/// An item as stored in the catalog database, with the flags that say who owns it.
struct StoredCatalogItem
{
    CatalogItemDraft draft;   ///< the item row and its specs (in the order they were written)
    QString origin;           ///< "shipped" or "user"
    bool userEdited = false;  ///< a shipped item the user changed: shipped refreshes leave it alone
    bool retired = false;     ///< no longer offered for new designs; kept for documents that pin it
};

/// What one editor operation did. On failure nothing was written and every error names the item
/// ("item <id>: <field> ...").
struct CatalogEditResult
{
    QString itemId; ///< the item written (the new id for add and clone)
    QStringList errors;
    [[nodiscard]] bool ok() const { return errors.isEmpty(); }
};

/// Adds, edits, clones and retires catalog items in the user's catalog database (a connection at
/// kCatalogSchemaVersion, e.g. CatalogDatabase::database()). Every item is checked with the rules of
/// the shipped data (catalogvalidation.h, requiredSpecsMissing) plus item references resolved against
/// the database; every change runs in one transaction. Errors come back as text, never dialogs.
class CatalogEditor
{
public:
    explicit CatalogEditor(QSqlDatabase db);

    /// The stored item, or nothing when there is no such id (or the database cannot be read).
    [[nodiscard]] std::optional<StoredCatalogItem> item(const QString &id) const;

    /// Every problem with the draft as it would be stored (spec itemIds are taken as draft.item.id).
    [[nodiscard]] QStringList validate(const CatalogItemDraft &draft) const;

    /// Adds the user's own item: catalog "user", origin "user". The id must be new.
    [[nodiscard]] CatalogEditResult addItem(const CatalogItemDraft &draft);

    /// Replaces an existing item's fields and specs with the draft's (same id; its catalog cannot change,
    /// an empty catalog keeps the stored one). A shipped item becomes user_edited, so a later shipped
    /// refresh keeps the edit; the specs the edit changed are flagged user_edited too.
    [[nodiscard]] CatalogEditResult editItem(const CatalogItemDraft &draft);

    /// Copies an item and its specs into the user catalog under newId (empty: "<id>-copy", then
    /// "<id>-copy-2", ...). The copy is the user's own item and not retired.
    [[nodiscard]] CatalogEditResult cloneItem(const QString &sourceId, const QString &newId = {});

    /// Flags an item retired (or offered again). Retired rows stay so documents that pin them still
    /// resolve. Retiring is not a content edit: a shipped item keeps receiving shipped refreshes.
    [[nodiscard]] CatalogEditResult setRetired(const QString &id, bool retired);

private:
    QSqlDatabase m_db;
};

} // namespace iovplan::catalogs
