#include "pricerefresh.h"

#include "catalogdatabase.h"
#include "catalogeditor.h"
#include "catalogexport.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <map>

namespace iovplan::catalogs {

namespace {

using design::PinnedItem;
using design::PinnedSpec;

/// The snapshot of a stored item. The price is left at 0 when the catalog has none; callers check.
PinnedItem snapshotOf(const StoredCatalogItem &stored)
{
    const CatalogItemRow &row = stored.draft.item;
    PinnedItem item;
    item.id = row.id;
    item.kind = row.kind;
    item.vendor = row.vendor;
    item.model = row.model;
    item.partNumber = row.partNumber;
    item.description = row.description;
    item.priceUsd = row.priceUsd.value_or(0.0);
    item.priceDate = row.priceDate;
    item.priceSource = row.priceSource;
    item.maintenancePctPerYear = row.maintenancePctPerYear;
    item.maintenanceSource = row.maintenanceSource;
    item.specs.reserve(static_cast<std::size_t>(stored.draft.specs.size()));
    for (const CatalogSpecRow &spec : stored.draft.specs)
        item.specs.push_back({spec.field, spec.value, spec.unit, spec.source});
    return item;
}

/// What the catalog says about one id: the stored item, or that it is missing, or why it cannot be read.
struct CatalogLookup
{
    std::optional<StoredCatalogItem> stored;
    bool missing = false;
    QString error;
};

CatalogLookup lookUp(const CatalogDatabase &db, const QString &id)
{
    CatalogLookup lookup;
    if (!db.isOpen()) {
        lookup.error = QStringLiteral("the catalog database is not open");
        return lookup;
    }
    lookup.stored = CatalogEditor(db.database()).item(id);
    if (lookup.stored)
        return lookup;
    // CatalogEditor::item answers "nothing" both for a missing id and for a failed read: tell them apart,
    // so a broken database never reads as "every item was removed".
    QSqlQuery query(db.database());
    query.prepare(QStringLiteral("SELECT count(*) FROM items WHERE id = :id"));
    query.bindValue(QStringLiteral(":id"), id);
    if (!query.exec() || !query.next())
        lookup.error = QStringLiteral("%1: cannot read item %2: %3")
                           .arg(db.database().databaseName(), id, query.lastError().text());
    else if (query.value(0).toInt() == 0)
        lookup.missing = true;
    else
        lookup.error = QStringLiteral("%1: cannot read the specs of item %2").arg(db.database().databaseName(), id);
    return lookup;
}

PinnedItemChange statusChange(const QString &id, PinnedChangeKind kind, const QString &note)
{
    PinnedItemChange change;
    change.itemId = id;
    change.kind = kind;
    change.field = QStringLiteral("catalog");
    change.applicable = false;
    change.note = note;
    return change;
}

PinnedItemChange textChange(const QString &id, const char *field, const QString &oldText, const QString &newText)
{
    PinnedItemChange change;
    change.itemId = id;
    change.field = QLatin1String(field);
    change.oldText = oldText;
    change.newText = newText;
    return change;
}

PinnedItemChange numberChange(const QString &id, const char *field, std::optional<double> oldNumber,
                              std::optional<double> newNumber)
{
    PinnedItemChange change;
    change.itemId = id;
    change.field = QLatin1String(field);
    change.oldNumber = oldNumber;
    change.newNumber = newNumber;
    return change;
}

QString datedSource(const QString &date, const QString &source)
{
    return QStringLiteral("%1, source: %2")
        .arg(date.isEmpty() ? QStringLiteral("no date") : date, source.isEmpty() ? QStringLiteral("none") : source);
}

/// The item-field differences, in the document's field order.
void compareItemFields(const PinnedItem &pinned, const CatalogItemRow &row, std::vector<PinnedItemChange> &changes)
{
    const QString &id = pinned.id;
    if (pinned.kind != row.kind) {
        PinnedItemChange change = textChange(id, "kind", pinned.kind, row.kind);
        // The design places the item as a pinned kind (an adapter in a slot, a switch in a rack):
        // silently turning it into another kind would make the design wrong, so the user re-places it.
        change.applicable = false;
        change.note = QStringLiteral("not applied: the design uses the item as a %1; replace it in the design")
                          .arg(pinned.kind);
        changes.push_back(change);
    }
    const std::pair<const char *, std::pair<const QString *, const QString *>> names[] = {
        {"vendor", {&pinned.vendor, &row.vendor}},
        {"model", {&pinned.model, &row.model}},
        {"part_number", {&pinned.partNumber, &row.partNumber}},
        {"description", {&pinned.description, &row.description}},
    };
    for (const auto &[field, values] : names) {
        if (*values.first != *values.second)
            changes.push_back(textChange(id, field, *values.first, *values.second));
    }
    if (!row.priceUsd || *row.priceUsd != pinned.priceUsd) {
        PinnedItemChange change = numberChange(id, "price_usd", pinned.priceUsd, row.priceUsd);
        if (row.priceUsd) {
            change.note = QStringLiteral("was %1; now %2")
                              .arg(datedSource(pinned.priceDate, pinned.priceSource),
                                   datedSource(row.priceDate, row.priceSource));
        } else {
            change.applicable = false;
            change.note = QStringLiteral("not applied: the catalog item has no price; the pinned price is kept");
        }
        changes.push_back(change);
    }
    if (pinned.priceDate != row.priceDate)
        changes.push_back(textChange(id, "price_date", pinned.priceDate, row.priceDate));
    if (pinned.priceSource != row.priceSource)
        changes.push_back(textChange(id, "price_source", pinned.priceSource, row.priceSource));
    if (pinned.maintenancePctPerYear != row.maintenancePctPerYear)
        changes.push_back(numberChange(id, "maintenance_pct_per_year", pinned.maintenancePctPerYear,
                                       row.maintenancePctPerYear));
    if (pinned.maintenanceSource != row.maintenanceSource)
        changes.push_back(textChange(id, "maintenance_source", pinned.maintenanceSource, row.maintenanceSource));
}

/// The spec differences, by field name. A spec is compared as a whole (value, unit and source together):
/// a new value with the old source would claim a source that never said it.
void compareSpecs(const PinnedItem &pinned, const PinnedItem &current, std::vector<PinnedItemChange> &changes)
{
    struct Pair
    {
        const PinnedSpec *pinned = nullptr;
        const PinnedSpec *current = nullptr;
        std::size_t currentIndex = 0;
    };
    std::map<QString, Pair> byField; // sorted by field name
    for (const PinnedSpec &spec : pinned.specs) {
        Pair &pair = byField[spec.field];
        if (!pair.pinned)
            pair.pinned = &spec;
    }
    for (std::size_t i = 0; i < current.specs.size(); ++i) {
        Pair &pair = byField[current.specs[i].field];
        if (!pair.current) {
            pair.current = &current.specs[i];
            pair.currentIndex = i;
        }
    }
    for (const auto &[field, pair] : byField) {
        if (pair.pinned && pair.current && *pair.pinned == *pair.current)
            continue;
        PinnedItemChange change;
        change.itemId = pinned.id;
        change.kind = PinnedChangeKind::Spec;
        change.field = QStringLiteral("specs.") + field;
        if (pair.pinned)
            change.oldSpec = *pair.pinned;
        if (pair.current)
            change.newSpec = *pair.current;
        change.catalogSpecIndex = pair.currentIndex;
        changes.push_back(change);
    }
}

QString specText(const PinnedSpec &spec, bool withSource)
{
    QString text = spec.unit.isEmpty() ? spec.value : spec.value + u' ' + spec.unit;
    if (withSource)
        text += QStringLiteral(" (source: %1)").arg(spec.source);
    return text;
}

QString textOrDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("-") : text;
}

void applyItemField(PinnedItem &item, const PinnedItemChange &change)
{
    const QString &field = change.field;
    if (field == QLatin1String("price_usd")) {
        if (change.newNumber)
            item.priceUsd = *change.newNumber;
    } else if (field == QLatin1String("maintenance_pct_per_year")) {
        item.maintenancePctPerYear = change.newNumber;
    } else {
        const std::pair<const char *, QString *> texts[] = {
            {"vendor", &item.vendor},
            {"model", &item.model},
            {"part_number", &item.partNumber},
            {"description", &item.description},
            {"price_date", &item.priceDate},
            {"price_source", &item.priceSource},
            {"maintenance_source", &item.maintenanceSource},
        };
        for (const auto &[name, target] : texts) {
            if (field == QLatin1String(name))
                *target = change.newText;
        }
    }
}

/// Applies one item's spec changes: removals, then changes in place, then additions at their catalog
/// position (in that order, so a full refresh leaves the specs in the catalog's order).
void applySpecs(PinnedItem &item, std::vector<const PinnedItemChange *> specChanges)
{
    const auto fieldOf = [](const PinnedItemChange &change) {
        return change.newSpec ? change.newSpec->field : change.oldSpec ? change.oldSpec->field : QString();
    };
    const auto findField = [&item](const QString &field) {
        return std::find_if(item.specs.begin(), item.specs.end(),
                            [&field](const PinnedSpec &spec) { return spec.field == field; });
    };
    for (const PinnedItemChange *change : specChanges) {
        if (!change->newSpec) {
            const QString field = fieldOf(*change);
            std::erase_if(item.specs, [&field](const PinnedSpec &spec) { return spec.field == field; });
        }
    }
    std::vector<const PinnedItemChange *> additions;
    for (const PinnedItemChange *change : specChanges) {
        if (!change->newSpec)
            continue;
        const auto existing = findField(change->newSpec->field);
        if (existing != item.specs.end())
            *existing = *change->newSpec;
        else
            additions.push_back(change);
    }
    std::stable_sort(additions.begin(), additions.end(), [](const PinnedItemChange *a, const PinnedItemChange *b) {
        return a->catalogSpecIndex < b->catalogSpecIndex;
    });
    for (const PinnedItemChange *change : additions) {
        const std::size_t at = std::min(change->catalogSpecIndex, item.specs.size());
        item.specs.insert(item.specs.begin() + static_cast<std::ptrdiff_t>(at), *change->newSpec);
    }
}

} // namespace

PinResult pinItem(const CatalogDatabase &db, const QString &itemId)
{
    PinResult result;
    const CatalogLookup lookup = lookUp(db, itemId);
    if (!lookup.error.isEmpty()) {
        result.error = lookup.error;
        return result;
    }
    if (lookup.missing) {
        result.error = QStringLiteral("item %1: not in the catalog").arg(itemId);
        return result;
    }
    if (!lookup.stored->draft.item.priceUsd) {
        result.error = QStringLiteral("item %1: price_usd: the catalog item has no price; set one before using it "
                                      "in a design")
                           .arg(itemId);
        return result;
    }
    result.item = snapshotOf(*lookup.stored);
    result.retired = lookup.stored->retired;
    return result;
}

std::vector<PinnedItemChange> compareWithCatalog(const design::Project &project, const CatalogDatabase &db)
{
    std::vector<PinnedItemChange> changes;
    for (const auto &[id, pinned] : project.catalog) { // std::map: sorted by id
        const CatalogLookup lookup = lookUp(db, id);
        if (!lookup.error.isEmpty()) {
            changes.push_back(statusChange(id, PinnedChangeKind::Unreadable, lookup.error));
            continue;
        }
        if (lookup.missing) {
            changes.push_back(statusChange(id, PinnedChangeKind::NotInCatalog,
                                           QStringLiteral("the catalog has no item %1; the pinned snapshot is kept")
                                               .arg(id)));
            continue;
        }
        if (lookup.stored->retired)
            changes.push_back(statusChange(id, PinnedChangeKind::Retired,
                                           QStringLiteral("the catalog retired the item; the pinned snapshot is kept "
                                                          "and its fields are still compared")));
        compareItemFields(pinned, lookup.stored->draft.item, changes);
        compareSpecs(pinned, snapshotOf(*lookup.stored), changes);
    }
    return changes;
}

design::Project applyRefresh(const design::Project &project, const std::vector<PinnedItemChange> &changes)
{
    design::Project refreshed = project;
    std::map<QString, std::vector<const PinnedItemChange *>> specChanges;
    for (const PinnedItemChange &change : changes) {
        const auto it = refreshed.catalog.find(change.itemId);
        if (it == refreshed.catalog.end() || !change.applicable)
            continue;
        if (change.kind == PinnedChangeKind::ItemField)
            applyItemField(it->second, change);
        else if (change.kind == PinnedChangeKind::Spec)
            specChanges[change.itemId].push_back(&change);
    }
    for (auto &[id, list] : specChanges)
        applySpecs(refreshed.catalog.at(id), list);
    return refreshed;
}

QString changeValueText(const PinnedItemChange &change, ChangeSide which)
{
    const bool old = which == ChangeSide::Old;
    switch (change.kind) {
    case PinnedChangeKind::ItemField: {
        const bool numeric = change.field == QLatin1String("price_usd")
                             || change.field == QLatin1String("maintenance_pct_per_year");
        if (!numeric)
            return textOrDash(old ? change.oldText : change.newText);
        const std::optional<double> &number = old ? change.oldNumber : change.newNumber;
        return number ? catalogNumberText(*number) : QStringLiteral("-");
    }
    case PinnedChangeKind::Spec: {
        const std::optional<PinnedSpec> &spec = old ? change.oldSpec : change.newSpec;
        const std::optional<PinnedSpec> &other = old ? change.newSpec : change.oldSpec;
        if (!spec)
            return QStringLiteral("-");
        return specText(*spec, !other || other->source != spec->source);
    }
    case PinnedChangeKind::Retired:
        return old ? QStringLiteral("offered") : QStringLiteral("retired");
    case PinnedChangeKind::NotInCatalog:
        return old ? QStringLiteral("offered") : QStringLiteral("missing");
    case PinnedChangeKind::Unreadable:
        return old ? QStringLiteral("offered") : QStringLiteral("unreadable");
    }
    return {};
}

} // namespace iovplan::catalogs
