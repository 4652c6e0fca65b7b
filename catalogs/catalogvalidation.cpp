#include "catalogvalidation.h"

#include "catalogfields.h"

#include <QRegularExpression>

#include <cmath>

namespace iovplan::catalogs {

std::optional<double> parseCatalogNumber(QStringView text)
{
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok); // QStringView::toDouble always uses the C locale
    if (!ok || !std::isfinite(value) || value < 0.0)
        return std::nullopt;
    return value;
}

bool isValidPriceDate(QStringView text)
{
    static const QRegularExpression yearMonth(QStringLiteral("^(19|20)[0-9]{2}-(0[1-9]|1[0-2])$"));
    return yearMonth.match(text.toString()).hasMatch();
}

QString sourceProblem(const QString &source, const QString &what)
{
    if (classifySource(source) != SourceClass::Missing)
        return {};
    return QStringLiteral("%1 needs a source: a named document (\"reference-data.md §5: ...\", \"data "
                          "sheet: ...\", \"standard: ...\", \"product name: ...\", \"quote: ...\"), \"derived: ...\" or "
                          "\"estimate: \" with the reasoning; got \"%2\"")
        .arg(what, source);
}

QStringList itemIdentityProblems(const CatalogItemRow &item)
{
    QStringList problems;
    if (!isValidItemId(item.id))
        problems << QStringLiteral("id \"%1\" must be 1-80 characters of a-z, 0-9 and '-'").arg(item.id);
    if (!catalogNames().contains(item.catalog))
        problems << QStringLiteral("catalog \"%1\" is not one of %2").arg(item.catalog, catalogNames().join(u", "));
    if (!itemKinds().contains(item.kind))
        problems << QStringLiteral("kind \"%1\" is not one of %2").arg(item.kind, itemKinds().join(u", "));
    if (item.vendor.trimmed().isEmpty() || item.model.trimmed().isEmpty())
        problems << QStringLiteral("vendor and model must not be empty");
    return problems;
}

QStringList itemPriceProblems(const CatalogItemRow &item)
{
    QStringList problems;
    if (!item.priceUsd)
        problems << QStringLiteral("price_usd is missing");
    else if (!std::isfinite(*item.priceUsd) || *item.priceUsd < 0.0)
        problems << QStringLiteral("price_usd \"%1\" is not a number >= 0").arg(*item.priceUsd);
    if (!isValidPriceDate(item.priceDate))
        problems << QStringLiteral("price_date \"%1\" is not YYYY-MM").arg(item.priceDate);
    if (const QString why = sourceProblem(item.priceSource, QStringLiteral("price_usd")); !why.isEmpty())
        problems << why;
    if (item.maintenancePctPerYear) {
        const double pct = *item.maintenancePctPerYear;
        if (!std::isfinite(pct) || pct < 0.0 || pct > 100.0)
            problems << QStringLiteral("maintenance_pct_per_year \"%1\" is not a number from 0 to 100").arg(pct);
        if (const QString why = sourceProblem(item.maintenanceSource, QStringLiteral("maintenance_pct_per_year"));
            !why.isEmpty())
            problems << why;
    }
    return problems;
}

QStringList specRowProblems(CatalogSpecRow &spec)
{
    QStringList problems;
    const SpecFieldDefinition *definition = findSpecField(spec.field);
    if (!definition) {
        problems << QStringLiteral("unknown spec field \"%1\" (known fields: catalogs/catalogfields.cpp)").arg(spec.field);
        return problems;
    }
    if (spec.value.isEmpty())
        problems << QStringLiteral("%1 has no value").arg(spec.field);
    if (spec.value.contains(u'\n') || spec.value.contains(u'\r'))
        problems << QStringLiteral("%1 contains a line break").arg(spec.field);
    if (spec.unit != definition->unit)
        problems << QStringLiteral("%1 is in \"%2\", not \"%3\"").arg(spec.field, definition->unit, spec.unit);
    if (const QString why = sourceProblem(spec.source, spec.field); !why.isEmpty())
        problems << why;

    switch (definition->type) {
    case SpecType::Number:
    case SpecType::Integer: {
        spec.numericValue = parseCatalogNumber(spec.value);
        const bool whole = spec.numericValue && std::floor(*spec.numericValue) == *spec.numericValue;
        if (!spec.numericValue || (definition->type == SpecType::Integer && !whole))
            problems << QStringLiteral("%1 \"%2\" is not a %3 >= 0")
                            .arg(spec.field, spec.value,
                                 definition->type == SpecType::Integer ? QStringLiteral("whole number")
                                                                       : QStringLiteral("number"));
        break;
    }
    case SpecType::Choice:
        if (!definition->allowed.contains(spec.value))
            problems << QStringLiteral("%1 \"%2\" is not one of %3").arg(spec.field, spec.value, definition->allowed.join(u' '));
        break;
    case SpecType::List: {
        const QStringList parts = spec.value.split(u';');
        for (const QString &part : parts) {
            if (!definition->allowed.contains(part.trimmed()))
                problems << QStringLiteral("%1: \"%2\" is not one of %3").arg(spec.field, part, definition->allowed.join(u' '));
        }
        break;
    }
    case SpecType::ItemRef:
    case SpecType::Text:
        break; // item references are resolved by the caller, which knows the items
    }
    return problems;
}

} // namespace iovplan::catalogs
