#pragma once
// What each I/O-virtualization mode puts in a VM's data path (issue 4; docs/model.md, "Modes").
// One model per mode behind one interface: the network builder asks the mode which CPU stages a message
// crosses, and what the mode lets a VM do.

#include "model/design/iovmode.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace iovplan::iov {

/// How a class's data crosses the adapter.
enum class Transport {
    Tcp, ///< TCP/IP over an Ethernet NIC
    IpoIb, ///< TCP/IP over InfiniBand (IPoIB)
    Rdma, ///< InfiniBand verbs, zero copy
    FibreChannel, ///< SCSI over an FC HBA
    Srp, ///< SCSI RDMA Protocol over InfiniBand (SRP or iSER)
};

/// "tcp", "ipoib", "rdma", "fc" or "srp".
[[nodiscard]] QString transportName(Transport transport);

/// The transport an adapter's catalog latency (`latency_us`) was measured with on bare metal: InfiniBand
/// HCAs with RDMA verbs (MPI latency), NICs with TCP, FC HBAs with SCSI. Latencies over other transports of
/// the same adapter add the difference of the host stages (docs/model.md, "Unloaded latency").
[[nodiscard]] constexpr Transport measuredTransport(Transport transport)
{
    return transport == Transport::IpoIb || transport == Transport::Srp ? Transport::Rdma : transport;
}

/// One piece of host software a message passes through. A single stream runs each stage on one core at a
/// time (stages pipeline), all stages together load the host's cores.
struct CpuStage
{
    QString name; ///< "guest TCP/IP", "hypervisor virtual switch", …
    double cyclesPerMessage = 0.0; ///< per message (network) or per I/O (storage)
    double cyclesPerByte = 0.0;
    QString source; ///< where the figures come from

    [[nodiscard]] double cycles(double messageBytes) const { return cyclesPerMessage + cyclesPerByte * messageBytes; }
};

/// The white paper's Table 3 properties of a mode (reference-data.md §1).
struct ModeProperties
{
    bool liveMigration = false;
    bool legacyIoInVm = false;
    bool managementTransparency = false;
};

/// One IOV mode's data path.
class IovModeModel
{
public:
    virtual ~IovModeModel() = default;

    [[nodiscard]] virtual design::IovMode mode() const = 0;
    /// The host CPU stages a message of `transport` crosses, in order (guest first).
    [[nodiscard]] virtual std::vector<CpuStage> cpuStages(Transport transport) const = 0;
    /// Whether a VM can use RDMA itself (the VMM is out of the data path).
    [[nodiscard]] virtual bool offersRdmaToVms() const = 0;
    [[nodiscard]] virtual ModeProperties properties() const = 0;
    /// The adapter specs, in order of preference, that cap how many VMs can own a piece of the adapter in this
    /// mode — native: CIOV end points (each VM drives its own), else virtual functions; passthrough: SR-IOV
    /// virtual functions, else CIOV end points (ConnectX's hardware IOV) — or none when the hypervisor
    /// multiplexes the adapter (software, bare metal).
    [[nodiscard]] virtual QStringList vmEndpointSpecs() const { return {}; }
};

/// The model of `mode` (a static instance).
[[nodiscard]] const IovModeModel &iovModeModel(design::IovMode mode);

} // namespace iovplan::iov
