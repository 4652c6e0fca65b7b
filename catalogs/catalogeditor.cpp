#include "catalogeditor.h"

#include "catalogfields.h"
#include "catalogvalidation.h"
#include "sqlhelpers.h"

#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace iovplan::catalogs {

namespace {

QString aboutItem(const QString &id, const QString &message)
{
    return QStringLiteral("item %1: %2").arg(id.isEmpty() ? QStringLiteral("(no id)") : id, message);
}

CatalogEditResult failure(const QString &id, const QStringList &messages)
{
    CatalogEditResult result;
    result.itemId = id;
    for (const QString &message : messages)
        result.errors << (message.startsWith(QStringLiteral("item ")) ? message : aboutItem(id, message));
    return result;
}

std::optional<double> optionalDouble(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<double>(value.toDouble());
}

bool itemExists(const QSqlDatabase &db, const QString &id)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT 1 FROM items WHERE id = :id"));
    query.bindValue(QStringLiteral(":id"), id);
    return query.exec() && query.next();
}

/// The specs as they will be stored: owned by the item, trimmed like CSV cells.
CatalogItemDraft normalized(CatalogItemDraft draft)
{
    CatalogItemRow &item = draft.item;
    for (QString *text : {&item.id, &item.catalog, &item.kind, &item.vendor, &item.model, &item.partNumber,
                          &item.description, &item.priceDate, &item.priceSource, &item.maintenanceSource})
        *text = text->trimmed();
    for (CatalogSpecRow &spec : draft.specs) {
        spec.itemId = item.id;
        for (QString *text : {&spec.field, &spec.value, &spec.unit, &spec.source})
            *text = text->trimmed();
    }
    return draft;
}

QString writeItemRow(QSqlDatabase &db, const CatalogItemRow &item, const QString &origin, bool userEdited, bool insert)
{
    QSqlQuery query(db);
    const QString sql = insert
        ? QStringLiteral("INSERT INTO items (id, catalog, kind, vendor, model, part_number, description, price_usd, "
                         "price_date, price_source, maintenance_pct_per_year, maintenance_source, origin, user_edited, "
                         "retired) VALUES (:id, :catalog, :kind, :vendor, :model, :part_number, :description, "
                         ":price_usd, :price_date, :price_source, :maintenance_pct, :maintenance_source, :origin, "
                         ":user_edited, 0)")
        : QStringLiteral("UPDATE items SET catalog = :catalog, kind = :kind, vendor = :vendor, model = :model, "
                         "part_number = :part_number, description = :description, price_usd = :price_usd, "
                         "price_date = :price_date, price_source = :price_source, "
                         "maintenance_pct_per_year = :maintenance_pct, maintenance_source = :maintenance_source, "
                         "origin = :origin, user_edited = :user_edited WHERE id = :id");
    if (!query.prepare(sql))
        return query.lastError().text();
    bindItemColumns(query, item);
    query.bindValue(QStringLiteral(":origin"), origin);
    query.bindValue(QStringLiteral(":user_edited"), userEdited ? 1 : 0);
    if (!query.exec())
        return query.lastError().text();
    return {};
}

/// Replaces the item's specs. previous holds the stored specs by field: a spec written unchanged keeps
/// its flags, a changed or new one on a shipped item is marked user_edited.
QString writeSpecs(QSqlDatabase &db, const QString &itemId, const QList<CatalogSpecRow> &specs, const QString &origin,
                   const QHash<QString, CatalogSpecRow> &previous)
{
    QSqlQuery remove(db);
    remove.prepare(QStringLiteral("DELETE FROM item_specs WHERE item_id = :id"));
    remove.bindValue(QStringLiteral(":id"), itemId);
    if (!remove.exec())
        return remove.lastError().text();
    QSqlQuery insert(db);
    if (!insert.prepare(QStringLiteral("INSERT INTO item_specs (item_id, field, value, numeric_value, unit, source, "
                                       "origin, user_edited) VALUES (:item_id, :field, :value, :numeric_value, :unit, "
                                       ":source, :origin, :user_edited)")))
        return insert.lastError().text();
    for (const CatalogSpecRow &spec : specs) {
        const auto before = previous.constFind(spec.field);
        const bool unchanged = before != previous.constEnd() && before->value == spec.value
                               && before->unit == spec.unit && before->source == spec.source;
        insert.bindValue(QStringLiteral(":item_id"), itemId);
        insert.bindValue(QStringLiteral(":field"), spec.field);
        insert.bindValue(QStringLiteral(":value"), spec.value);
        insert.bindValue(QStringLiteral(":numeric_value"), sqlOptional(spec.numericValue));
        insert.bindValue(QStringLiteral(":unit"), sqlText(spec.unit));
        insert.bindValue(QStringLiteral(":source"), spec.source);
        insert.bindValue(QStringLiteral(":origin"), origin);
        insert.bindValue(QStringLiteral(":user_edited"), origin == u"shipped" && !unchanged ? 1 : 0);
        if (!insert.exec())
            return QStringLiteral("%1: %2").arg(spec.field, insert.lastError().text());
    }
    return {};
}

} // namespace

CatalogEditor::CatalogEditor(QSqlDatabase db)
    : m_db(std::move(db))
{
}

std::optional<StoredCatalogItem> CatalogEditor::item(const QString &id) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT catalog, kind, vendor, model, part_number, description, price_usd, price_date, "
                                 "price_source, maintenance_pct_per_year, maintenance_source, origin, user_edited, retired "
                                 "FROM items WHERE id = :id"));
    query.bindValue(QStringLiteral(":id"), id);
    if (!query.exec() || !query.next())
        return std::nullopt;
    StoredCatalogItem stored;
    CatalogItemRow &row = stored.draft.item;
    row.id = id;
    row.catalog = query.value(0).toString();
    row.kind = query.value(1).toString();
    row.vendor = query.value(2).toString();
    row.model = query.value(3).toString();
    row.partNumber = query.value(4).toString();
    row.description = query.value(5).toString();
    row.priceUsd = optionalDouble(query.value(6));
    row.priceDate = query.value(7).toString();
    row.priceSource = query.value(8).toString();
    row.maintenancePctPerYear = optionalDouble(query.value(9));
    row.maintenanceSource = query.value(10).toString();
    stored.origin = query.value(11).toString();
    stored.userEdited = query.value(12).toInt() != 0;
    stored.retired = query.value(13).toInt() != 0;

    QSqlQuery specs(m_db);
    specs.prepare(QStringLiteral("SELECT field, value, numeric_value, unit, source FROM item_specs WHERE item_id = :id "
                                 "ORDER BY rowid"));
    specs.bindValue(QStringLiteral(":id"), id);
    if (!specs.exec())
        return std::nullopt;
    while (specs.next()) {
        CatalogSpecRow spec;
        spec.itemId = id;
        spec.field = specs.value(0).toString();
        spec.value = specs.value(1).toString();
        spec.numericValue = optionalDouble(specs.value(2));
        spec.unit = specs.value(3).toString();
        spec.source = specs.value(4).toString();
        stored.draft.specs << spec;
    }
    return stored;
}

QStringList CatalogEditor::validate(const CatalogItemDraft &proposed) const
{
    CatalogItemDraft draft = normalized(proposed);
    const QString &id = draft.item.id;
    QStringList problems = itemIdentityProblems(draft.item) + itemPriceProblems(draft.item);
    QStringList fields, values;
    for (CatalogSpecRow &spec : draft.specs) {
        if (fields.contains(spec.field)) {
            problems << QStringLiteral("%1 is given twice").arg(spec.field);
            continue;
        }
        problems << specRowProblems(spec);
        const SpecFieldDefinition *definition = findSpecField(spec.field);
        if (definition && definition->type == SpecType::ItemRef && (spec.value == id || !itemExists(m_db, spec.value)))
            problems << QStringLiteral("%1 \"%2\" is not the id of another item").arg(spec.field, spec.value);
        fields << spec.field;
        values << spec.value;
    }
    const QStringList missing = requiredSpecsMissing(draft.item.kind, fields, values);
    if (!missing.isEmpty())
        problems << QStringLiteral("a %1 needs the spec fields %2").arg(draft.item.kind, missing.join(u", "));
    QStringList located;
    for (const QString &problem : std::as_const(problems))
        located << aboutItem(id, problem);
    return located;
}

CatalogEditResult CatalogEditor::addItem(const CatalogItemDraft &proposed)
{
    CatalogItemDraft draft = normalized(proposed);
    draft.item.catalog = QStringLiteral("user");
    const QString id = draft.item.id;
    QStringList problems = validate(draft);
    if (isValidItemId(id) && itemExists(m_db, id))
        problems.prepend(aboutItem(id, QStringLiteral("id already exists in the catalog; choose another id")));
    if (!problems.isEmpty())
        return failure(id, problems);
    for (CatalogSpecRow &spec : draft.specs)
        (void)specRowProblems(spec); // fills numericValue, already checked above

    SqlTransaction transaction(m_db);
    if (!transaction.startError().isEmpty())
        return failure(id, {transaction.startError()});
    QString why = writeItemRow(m_db, draft.item, QStringLiteral("user"), false, true);
    if (why.isEmpty())
        why = writeSpecs(m_db, id, draft.specs, QStringLiteral("user"), {});
    if (why.isEmpty())
        why = transaction.commit();
    if (!why.isEmpty())
        return failure(id, {QStringLiteral("rejected by the database: %1").arg(why)});
    CatalogEditResult result;
    result.itemId = id;
    return result;
}

CatalogEditResult CatalogEditor::editItem(const CatalogItemDraft &proposed)
{
    CatalogItemDraft draft = normalized(proposed);
    const QString id = draft.item.id;
    const std::optional<StoredCatalogItem> stored = item(id);
    if (!stored)
        return failure(id, {QStringLiteral("no such item in the catalog")});
    if (draft.item.catalog.isEmpty())
        draft.item.catalog = stored->draft.item.catalog;
    if (draft.item.catalog != stored->draft.item.catalog)
        return failure(id, {QStringLiteral("catalog cannot change from \"%1\" to \"%2\"; clone the item instead")
                                .arg(stored->draft.item.catalog, draft.item.catalog)});
    const QStringList problems = validate(draft);
    if (!problems.isEmpty())
        return failure(id, problems);
    for (CatalogSpecRow &spec : draft.specs)
        (void)specRowProblems(spec);

    QHash<QString, CatalogSpecRow> previous;
    for (const CatalogSpecRow &spec : stored->draft.specs)
        previous.insert(spec.field, spec);
    const bool shipped = stored->origin == u"shipped";
    SqlTransaction transaction(m_db);
    if (!transaction.startError().isEmpty())
        return failure(id, {transaction.startError()});
    QString why = writeItemRow(m_db, draft.item, stored->origin, shipped, false);
    if (why.isEmpty())
        why = writeSpecs(m_db, id, draft.specs, stored->origin, previous);
    if (why.isEmpty())
        why = transaction.commit();
    if (!why.isEmpty())
        return failure(id, {QStringLiteral("rejected by the database: %1").arg(why)});
    CatalogEditResult result;
    result.itemId = id;
    return result;
}

CatalogEditResult CatalogEditor::cloneItem(const QString &sourceId, const QString &newId)
{
    const std::optional<StoredCatalogItem> source = item(sourceId);
    if (!source)
        return failure(sourceId, {QStringLiteral("no such item to clone")});
    QString id = newId.trimmed();
    if (id.isEmpty()) {
        // "-copy-NN" fits in 80 characters however long the source id is.
        const QString stem = sourceId.left(80 - 8) + QStringLiteral("-copy");
        id = stem;
        for (int n = 2; itemExists(m_db, id); ++n)
            id = stem + QStringLiteral("-%1").arg(n);
    }
    CatalogItemDraft copy = source->draft;
    copy.item.id = id;
    CatalogEditResult result = addItem(copy);
    if (!result.ok())
        result.errors.prepend(aboutItem(sourceId, QStringLiteral("cannot clone as %1").arg(id)));
    return result;
}

CatalogEditResult CatalogEditor::setRetired(const QString &id, bool retired)
{
    SqlTransaction transaction(m_db);
    if (!transaction.startError().isEmpty())
        return failure(id, {transaction.startError()});
    if (!itemExists(m_db, id))
        return failure(id, {QStringLiteral("no such item in the catalog")});
    QSqlQuery update(m_db);
    update.prepare(QStringLiteral("UPDATE items SET retired = :retired WHERE id = :id"));
    update.bindValue(QStringLiteral(":retired"), retired ? 1 : 0);
    update.bindValue(QStringLiteral(":id"), id);
    QString why = update.exec() ? QString() : update.lastError().text();
    if (why.isEmpty())
        why = transaction.commit();
    if (!why.isEmpty())
        return failure(id, {QStringLiteral("cannot %1: %2").arg(retired ? QStringLiteral("retire") : QStringLiteral("unretire"), why)});
    CatalogEditResult result;
    result.itemId = id;
    return result;
}

} // namespace iovplan::catalogs
