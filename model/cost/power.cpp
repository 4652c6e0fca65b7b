#include "power.h"

#include <algorithm>
#include <set>

namespace iovplan::cost {

using namespace iovplan::design;

namespace {

// Accumulates watts per item, remembering each item that lacks a figure once.
class WattMeter
{
public:
    WattMeter(const PinnedCatalog &catalog, PowerRollup &power) : m_catalog(catalog), m_power(power) { }

    // The item's typical and max watts (max falls back to typical); 0 with a warning when typical is missing.
    struct Watts
    {
        double idle = 0.0;
        double typical = 0.0;
        double max = 0.0;
    };

    Watts of(const QString &itemId)
    {
        const auto found = m_catalog.find(itemId);
        if (found == m_catalog.end())
            return {}; // an unpinned reference: designcheck reports it
        const PinnedItem &item = found->second;
        const std::optional<double> typical = specNumber(item, u"watts_typical");
        if (!typical) {
            if (m_reported.insert(itemId).second) {
                m_power.problems.push_back({ Severity::Warning,
                    QStringLiteral("%1 has no typical wattage in the catalog; its power counts as 0 W")
                        .arg(displayName(item)),
                    itemId });
            }
            return {};
        }
        const double max = std::max(*typical, specNumber(item, u"watts_max").value_or(*typical));
        const double idle = std::min(*typical, specNumber(item, u"watts_idle").value_or(*typical));
        return { idle, *typical, max };
    }

private:
    const PinnedCatalog &m_catalog;
    PowerRollup &m_power;
    std::set<QString> m_reported;
};

} // namespace

double PowerRollup::typicalWAtServerUtilization(double u) const
{
    const double clamped = std::clamp(u, 0.0, 1.0);
    return ioTypicalW + storageTypicalW + serverIdleW + clamped * (serverMaxW - serverIdleW);
}

PowerRollup powerRollup(const Scenario &scenario, const PinnedCatalog &catalog)
{
    PowerRollup power;
    WattMeter meter(catalog, power);
    const Design &design = scenario.design;
    const auto addIo = [&](const WattMeter::Watts &w) {
        power.ioTypicalW += w.typical;
        power.ioMaxW += w.max;
    };
    for (const Server &server : design.servers) {
        const WattMeter::Watts s = meter.of(server.itemId);
        power.serverIdleW += s.idle;
        power.serverTypicalW += s.typical;
        power.serverMaxW += s.max;
        for (const SlotItem &adapter : server.adapters) {
            const WattMeter::Watts a = meter.of(adapter.itemId);
            power.adapterTypicalW += a.typical;
            power.adapterMaxW += a.max;
            addIo(a);
        }
    }
    for (const Switch &sw : design.switches)
        addIo(meter.of(sw.itemId));
    for (const Gateway &gateway : design.gateways) {
        addIo(meter.of(gateway.itemId));
        for (const SlotItem &module : gateway.modules) {
            const WattMeter::Watts m = meter.of(module.itemId);
            power.gatewayModuleTypicalW += m.typical;
            addIo(m);
        }
    }
    for (const StorageArray &array : design.storage) {
        const WattMeter::Watts w = meter.of(array.itemId);
        power.storageTypicalW += w.typical;
        power.storageMaxW += w.max;
    }
    for (const Cable &cable : design.cables) {
        addIo(meter.of(cable.itemId));
        for (const QString &transceiver : cable.transceiverItemIds)
            addIo(meter.of(transceiver));
    }
    return power;
}

double energyUsdPerYear(double watts, const Assumptions &assumptions)
{
    return kwhPerYear(watts) * assumptions.pue * assumptions.electricityUsdPerKwh;
}

} // namespace iovplan::cost
