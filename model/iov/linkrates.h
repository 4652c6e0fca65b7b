#pragma once
// Usable data rates of links and host buses, from reference-data.md §2 (docs/model.md, "Rates").
// Every rate is payload bytes per second in one direction.

#include <QString>

#include <optional>

namespace iovplan::iov {

/// The payload rate one port of `protocol` ("ethernet", "fibre-channel", "infiniband", "vpi" read as
/// InfiniBand) reaches at the marketed signalling rate `speedGbps`: TCP goodput for Ethernet (94.1 % of the
/// line rate at MTU 1500), the FC-PI data rates, InfiniBand data rates (8b/10b or 64b/66b removed) less the
/// 26-byte packet overhead at a 2 KB MTU (98.7 %). None for an unknown protocol or speed.
[[nodiscard]] std::optional<double> usablePortBytesPerS(const QString &protocol, double speedGbps);

/// Which way data crosses the host bus: the adapter reads host memory to send, writes it to receive.
enum class BusDirection { FromHost, ToHost };

/// The payload rate a PCIe generation `gen` × `lanes` link carries in one direction: the per-lane rate of
/// reference-data.md §2 (Gen1 250 MB/s … Gen5 3,938 MB/s) × TLP efficiency — 0.85 for the adapter's writes
/// into memory (128-byte max payload, typical in 2007, reference-data.md §2: 84–86 %) and 0.75 for its
/// reads (estimate: each read also costs a request TLP and completions split at 64 bytes; docs/model.md).
/// None for an unknown generation or no lanes.
[[nodiscard]] std::optional<double> usablePcieBytesPerS(int gen, int lanes, BusDirection direction);

/// A PCI-X bus of `bits` × `mhz`: shared by both directions (half duplex), 1,064 MB/s at 64 bit/133 MHz,
/// with the same 0.85 efficiency.
[[nodiscard]] double usablePcixBytesPerS(int bits, double mhz);

/// The marketed signalling rate two connected ports settle on: the slower of the two.
[[nodiscard]] inline double negotiatedGbps(double a, double b) { return a < b ? a : b; }

} // namespace iovplan::iov
