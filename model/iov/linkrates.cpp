#include "linkrates.h"

#include <array>
#include <cmath>
#include <utility>

namespace iovplan::iov {

namespace {

// reference-data.md §2: TCP goodput at MTU 1500 ≈ 94.1 % of the Ethernet line rate.
constexpr double ethernetTcpGoodput = 0.941;
// reference-data.md §2: InfiniBand packet overhead 26 B per 2 KB MTU: 98.7 % payload.
constexpr double infinibandPacketEfficiency = 0.987;
// reference-data.md §2: TLP payload efficiency 84-86 % at 128 B max payload; 0.85.
constexpr double pcieWriteEfficiency = 0.85;
// Estimate (docs/model.md): DMA reads pay request TLPs and 64 B completions as well.
constexpr double pcieReadEfficiency = 0.75;

// reference-data.md §2, FC-PI: data MB/s per direction by marketed speed (frame efficiency included).
constexpr std::array<std::pair<double, double>, 7> fibreChannelMBps { {
    { 1, 100 }, { 2, 200 }, { 4, 400 }, { 8, 800 }, { 16, 1600 }, { 32, 3200 }, { 64, 6400 } } };

// reference-data.md §2: InfiniBand 4x signalling → data Gb/s (SDR … NDR).
constexpr std::array<std::pair<double, double>, 7> infinibandDataGbps { {
    { 10, 8 }, { 20, 16 }, { 40, 32 }, { 56, 54.5 }, { 100, 100 }, { 200, 200 }, { 400, 400 } } };

// reference-data.md §2: PCIe MB/s per lane and direction, Gen1 … Gen5.
constexpr std::array<double, 5> pcieLaneMBps { 250.0, 500.0, 984.6, 1969.0, 3938.0 };

std::optional<double> lookup(double speed, const auto &table)
{
    for (const auto &[marketed, value] : table) {
        if (std::abs(marketed - speed) < 1e-6)
            return value;
    }
    return std::nullopt;
}

} // namespace

std::optional<double> usablePortBytesPerS(const QString &protocol, double speedGbps)
{
    if (!(speedGbps > 0.0))
        return std::nullopt;
    if (protocol == u"ethernet")
        return speedGbps * 1e9 / 8.0 * ethernetTcpGoodput;
    if (protocol == u"fibre-channel") {
        if (const std::optional<double> mbps = lookup(speedGbps, fibreChannelMBps))
            return *mbps * 1e6;
        return std::nullopt;
    }
    if (protocol == u"infiniband" || protocol == u"vpi") {
        if (const std::optional<double> data = lookup(speedGbps, infinibandDataGbps))
            return *data * 1e9 / 8.0 * infinibandPacketEfficiency;
        return std::nullopt;
    }
    return std::nullopt;
}

std::optional<double> usablePcieBytesPerS(int gen, int lanes, BusDirection direction)
{
    if (gen < 1 || gen > static_cast<int>(pcieLaneMBps.size()) || lanes < 1)
        return std::nullopt;
    const double efficiency = direction == BusDirection::ToHost ? pcieWriteEfficiency : pcieReadEfficiency;
    return pcieLaneMBps[static_cast<std::size_t>(gen - 1)] * 1e6 * lanes * efficiency;
}

double usablePcixBytesPerS(int bits, double mhz)
{
    return bits / 8.0 * mhz * 1e6 * pcieWriteEfficiency;
}

} // namespace iovplan::iov
