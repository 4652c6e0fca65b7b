#include "iovmodes.h"

namespace iovplan::iov {

using design::IovMode;

namespace {

// ---- the software stages every mode assembles (docs/model.md, "CPU costs") -----------------------
// reference-data.md §4 gives anchors, not these exact figures; each figure says how it was chosen.

CpuStage osTcp(const QString &where)
{
    return { where + QStringLiteral(" TCP/IP stack"), 5000.0, 3.0,
             QStringLiteral("estimate: Foong et al. 2003 rule of thumb 1 GHz per Gb/s = 8 cycles/byte without "
                            "offloads (reference-data.md §4 [R]); with checksum offload and TSO about 3 cycles/byte "
                            "(one copy) plus ~5,000 cycles per send (syscall, driver, interrupt)") };
}

CpuStage osIpoib(const QString &where)
{
    return { where + QStringLiteral(" IPoIB and TCP/IP stack"), 6000.0, 4.0,
             QStringLiteral("estimate: 2007 IPoIB had checksum offload but no TSO/LRO at a 2 KB datagram MTU: "
                            "between the offloaded 3 and the unoffloaded 8 cycles/byte of Foong et al. "
                            "(reference-data.md §4 [R]); checked against the white paper's ~5x GigE for IPoIB "
                            "in native IOV (docs/model.md)") };
}

CpuStage osRdma(const QString &where)
{
    return { where + QStringLiteral(" RDMA verbs"), 2000.0, 0.0,
             QStringLiteral("estimate: zero copy; posting a work request and polling its completion take a few "
                            "hundred nanoseconds (~2,000 cycles at 2-3 GHz); Liu et al. 2006 (reference-data.md §3) "
                            "found VMM-bypass at native speed") };
}

CpuStage osScsi(const QString &where)
{
    return { where + QStringLiteral(" block layer and SCSI initiator"), 13000.0, 0.0,
             QStringLiteral("estimate: a block I/O through the OS block layer, SCSI midlayer and HBA or SRP driver "
                            "with one completion interrupt, ~13,000 cycles; data moves by DMA (no per-byte cost); "
                            "VMware 2008 (reference-data.md §3) found FC the most CPU-efficient protocol") };
}

CpuStage legacyGuestScsi()
{
    return { QStringLiteral("guest legacy virtual HBA driver"), 8000.0, 0.0,
             QStringLiteral("estimate: the guest's block layer over an emulated HBA, without the real driver's "
                            "work (which moves to the hypervisor): ~8,000 of the 13,000 cycles per I/O") };
}

CpuStage hypervisorNetwork()
{
    return { QStringLiteral("hypervisor virtual switch and adapter driver"), 20000.0, 6.0,
             QStringLiteral("derived: Menon et al. 2006 [R] guest throughput about 1/3 of native, i.e. the "
                            "virtualized path costs ~3x the 3 cycles/byte native stack: guest 3 + hypervisor 6 "
                            "cycles/byte; per message two VM exits at 2,000-20,000 cycles each (SplitX/WIOV, "
                            "reference-data.md §4 [V]), ~10,000 each") };
}

CpuStage hypervisorStorage()
{
    return { QStringLiteral("hypervisor virtual SCSI and adapter driver"), 30000.0, 0.0,
             QStringLiteral("estimate: two VM exits per I/O (submit, completion) at ~10,000 cycles each "
                            "(SplitX/WIOV range 2,000-20,000, reference-data.md §4 [V]) plus virtual SCSI "
                            "request translation and the real driver, ~10,000 cycles") };
}

CpuStage iommuRemapping()
{
    return { QStringLiteral("IOMMU DMA remapping"), 1500.0, 0.0,
             QStringLiteral("estimate: mapping and unmapping a DMA buffer in the IOMMU per message costs about "
                            "1,000-3,000 cycles with 2008-era IOTLB invalidation; 1,500") };
}

// ---- the modes ---------------------------------------------------------------------------------

class BareMetal final : public IovModeModel
{
public:
    IovMode mode() const override { return IovMode::BareMetal; }
    std::vector<CpuStage> cpuStages(Transport t) const override
    {
        const QString os = QStringLiteral("OS");
        switch (t) {
        case Transport::Tcp:
            return { osTcp(os) };
        case Transport::IpoIb:
            return { osIpoib(os) };
        case Transport::Rdma:
            return { osRdma(os) };
        case Transport::FibreChannel:
        case Transport::Srp:
            return { osScsi(os) };
        }
        return {};
    }
    bool offersRdmaToVms() const override { return true; }
    // No hypervisor: nothing to migrate, no VM to keep legacy I/O in, nothing virtual to manage.
    ModeProperties properties() const override { return { false, false, false }; }
};

class Software final : public IovModeModel
{
public:
    IovMode mode() const override { return IovMode::Software; }
    std::vector<CpuStage> cpuStages(Transport t) const override
    {
        // The VM keeps legacy virtual NICs and HBAs; the adapter's end points sit at the hypervisor's
        // lower edge (ciov-whitepaper.txt, "CIOV in Software-based IOV").
        switch (t) {
        case Transport::Tcp:
        case Transport::IpoIb:
        case Transport::Rdma: // the VM sees a virtual NIC: no RDMA, the hypervisor carries it as IPoIB
            return { osTcp(QStringLiteral("guest")), hypervisorNetwork() };
        case Transport::FibreChannel:
        case Transport::Srp:
            return { legacyGuestScsi(), hypervisorStorage() };
        }
        return {};
    }
    bool offersRdmaToVms() const override { return false; }
    ModeProperties properties() const override { return { true, true, true }; }
};

class Native final : public IovModeModel
{
public:
    IovMode mode() const override { return IovMode::Native; }
    QStringList vmEndpointSpecs() const override
    {
        return { QStringLiteral("ciov_endpoints"), QStringLiteral("virtual_functions") };
    }
    std::vector<CpuStage> cpuStages(Transport t) const override
    {
        // VMM bypass: the VM drives its adapter end point; the hypervisor only sets up resources.
        const QString guest = QStringLiteral("guest");
        switch (t) {
        case Transport::Tcp:
            return { osTcp(guest) };
        case Transport::IpoIb:
            return { osIpoib(guest) };
        case Transport::Rdma:
            return { osRdma(guest) };
        case Transport::FibreChannel:
        case Transport::Srp:
            return { osScsi(guest) };
        }
        return {};
    }
    bool offersRdmaToVms() const override { return true; }
    ModeProperties properties() const override { return { false, false, false }; }
};

class Passthrough final : public IovModeModel
{
public:
    IovMode mode() const override { return IovMode::Passthrough; }
    QStringList vmEndpointSpecs() const override
    {
        return { QStringLiteral("virtual_functions"), QStringLiteral("ciov_endpoints") };
    }
    std::vector<CpuStage> cpuStages(Transport t) const override
    {
        std::vector<CpuStage> stages = Native().cpuStages(t);
        stages.push_back(iommuRemapping());
        return stages;
    }
    bool offersRdmaToVms() const override { return true; }
    ModeProperties properties() const override { return { false, false, false }; }
};

} // namespace

QString transportName(Transport transport)
{
    switch (transport) {
    case Transport::Tcp:
        return QStringLiteral("tcp");
    case Transport::IpoIb:
        return QStringLiteral("ipoib");
    case Transport::Rdma:
        return QStringLiteral("rdma");
    case Transport::FibreChannel:
        return QStringLiteral("fc");
    case Transport::Srp:
        return QStringLiteral("srp");
    }
    return {};
}

const IovModeModel &iovModeModel(IovMode mode)
{
    static const BareMetal bareMetal;
    static const Software software;
    static const Native native;
    static const Passthrough passthrough;
    switch (mode) {
    case IovMode::BareMetal:
        return bareMetal;
    case IovMode::Software:
        return software;
    case IovMode::Native:
        return native;
    case IovMode::Passthrough:
        return passthrough;
    }
    return software;
}

} // namespace iovplan::iov
