#include "bomcsv.h"

#include "catalogs/catalogexport.h"

#include <QStringList>

namespace iovplan::reports {

using namespace iovplan::cost;

namespace {

// "1234.50": dollars with two decimals from whole cents, without floating-point rounding.
QString money(Cents cents)
{
    const Cents magnitude = cents < 0 ? -cents : cents;
    return QStringLiteral("%1%2.%3")
        .arg(cents < 0 ? QStringLiteral("-") : QString())
        .arg(magnitude / 100)
        .arg(magnitude % 100, 2, 10, QLatin1Char('0'));
}

QString row(const QStringList &fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &field : fields)
        quoted << catalogs::csvField(field);
    return quoted.join(QLatin1Char(',')) + QLatin1Char('\n');
}

QString totalRow(const QString &scenario, const QString &type, const QString &category, Cents amount)
{
    return row({ scenario, type, category, {}, {}, {}, {}, {}, money(amount), {}, {} });
}

} // namespace

QString bomCsvHeader()
{
    return row({ QStringLiteral("scenario"), QStringLiteral("line_type"), QStringLiteral("category"),
                 QStringLiteral("item_id"), QStringLiteral("part_number"), QStringLiteral("description"),
                 QStringLiteral("quantity"), QStringLiteral("unit_price_usd"), QStringLiteral("extended_price_usd"),
                 QStringLiteral("price_date"), QStringLiteral("price_source") });
}

QString bomCsvRows(const QString &scenarioName, const BillOfMaterials &bom)
{
    QString out;
    for (const BomCategory category : allBomCategories) {
        bool any = false;
        for (const BomLine &line : bom.lines) {
            if (line.category != category)
                continue;
            any = true;
            const QString description = line.description.isEmpty()
                ? line.name
                : QStringLiteral("%1, %2").arg(line.name, line.description);
            out += row({ scenarioName, QStringLiteral("item"), bomCategoryName(category), line.itemId,
                         line.partNumber, description, QString::number(line.quantity), money(line.unitPrice),
                         money(line.extendedPrice), line.priceDate, line.priceSource });
        }
        if (any)
            out += totalRow(scenarioName, QStringLiteral("subtotal"), bomCategoryName(category), bom.subtotal(category));
    }
    out += totalRow(scenarioName, QStringLiteral("io_total"), {}, bom.ioTotal());
    out += totalRow(scenarioName, QStringLiteral("total"), {}, bom.total());
    return out;
}

} // namespace iovplan::reports
