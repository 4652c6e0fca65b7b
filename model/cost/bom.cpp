#include "bom.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace iovplan::cost {

using namespace iovplan::design;

Cents toCents(double usd)
{
    return static_cast<Cents>(std::llround(usd * 100.0));
}

double toUsd(Cents cents)
{
    return static_cast<double>(cents) / 100.0;
}

QString bomCategoryName(BomCategory category)
{
    switch (category) {
    case BomCategory::Adapters:
        return QStringLiteral("adapters");
    case BomCategory::Switching:
        return QStringLiteral("switching");
    case BomCategory::Gateways:
        return QStringLiteral("gateways");
    case BomCategory::Cabling:
        return QStringLiteral("cabling");
    case BomCategory::Storage:
        return QStringLiteral("storage");
    case BomCategory::Servers:
        return QStringLiteral("servers");
    }
    return {};
}

std::optional<BomCategory> bomCategoryOfKind(const QString &kind)
{
    if (kind == u"adapter")
        return BomCategory::Adapters;
    if (kind == u"switch")
        return BomCategory::Switching;
    if (kind == u"gateway" || kind == u"gateway-module")
        return BomCategory::Gateways;
    if (kind == u"cable" || kind == u"transceiver")
        return BomCategory::Cabling;
    if (kind == u"server")
        return BomCategory::Servers;
    if (kind == u"storage")
        return BomCategory::Storage;
    return std::nullopt;
}

namespace {

// Σ of `member` over the lines of `category`.
template <typename Value>
Value sumOf(const std::vector<BomLine> &lines, BomCategory category, Value BomLine::*member)
{
    Value sum {};
    for (const BomLine &line : lines) {
        if (line.category == category)
            sum += line.*member;
    }
    return sum;
}

} // namespace

Cents BillOfMaterials::subtotal(BomCategory category) const
{
    return sumOf(lines, category, &BomLine::extendedPrice);
}

Cents BillOfMaterials::ioTotal() const
{
    Cents sum = 0;
    for (const BomLine &line : lines) {
        if (isIoCategory(line.category))
            sum += line.extendedPrice;
    }
    return sum;
}

Cents BillOfMaterials::total() const
{
    Cents sum = 0;
    for (const BomLine &line : lines)
        sum += line.extendedPrice;
    return sum;
}

int BillOfMaterials::quantity(BomCategory category) const
{
    return sumOf(lines, category, &BomLine::quantity);
}

BillOfMaterials billOfMaterials(const Scenario &scenario, const PinnedCatalog &catalog)
{
    std::map<QString, int> quantities;
    const Design &design = scenario.design;
    for (const Server &server : design.servers) {
        ++quantities[server.itemId];
        for (const SlotItem &adapter : server.adapters)
            ++quantities[adapter.itemId];
    }
    for (const Switch &sw : design.switches)
        ++quantities[sw.itemId];
    for (const Gateway &gateway : design.gateways) {
        ++quantities[gateway.itemId];
        for (const SlotItem &module : gateway.modules)
            ++quantities[module.itemId];
    }
    for (const StorageArray &array : design.storage)
        ++quantities[array.itemId];
    for (const Cable &cable : design.cables) {
        ++quantities[cable.itemId];
        for (const QString &transceiver : cable.transceiverItemIds)
            ++quantities[transceiver];
    }

    const std::optional<double> &maintenanceOverride = scenario.assumptions.maintenancePctOverride;
    BillOfMaterials bom;
    for (const auto &[itemId, quantity] : quantities) {
        const auto found = catalog.find(itemId);
        if (found == catalog.end())
            continue;
        const PinnedItem &item = found->second;
        const std::optional<BomCategory> category = bomCategoryOfKind(item.kind);
        if (!category)
            continue;
        BomLine line;
        line.category = *category;
        line.itemId = itemId;
        line.partNumber = item.partNumber;
        line.name = displayName(item);
        line.description = item.description;
        line.quantity = quantity;
        line.unitPrice = toCents(item.priceUsd);
        line.extendedPrice = line.unitPrice * quantity;
        line.priceDate = item.priceDate;
        line.priceSource = item.priceSource;
        line.maintenancePctPerYear = maintenanceOverride ? maintenanceOverride : item.maintenancePctPerYear;
        line.maintenanceSource = maintenanceOverride ? QStringLiteral("scenario assumption: maintenance override")
                                          : item.maintenanceSource;
        bom.lines.push_back(std::move(line));
    }
    std::stable_sort(bom.lines.begin(), bom.lines.end(), [](const BomLine &a, const BomLine &b) {
        return a.category < b.category; // ids are already sorted within a category
    });
    return bom;
}

} // namespace iovplan::cost
