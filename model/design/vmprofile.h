#pragma once
// The virtual machines a server group runs and the I/O they generate. Units are base SI.

#include <QString>

namespace iovplan::design {

/// The VMs on each server of one group, and the load each VM offers.
struct VmProfile
{
    QString name;
    QString serverGroup; ///< Server::group this profile applies to
    int vmsPerServer = 1;
    int vcpus = 1; ///< per VM
    double networkBytesPerS = 0.0; ///< per VM, bytes/s
    double networkMessageBytes = 1500.0; ///< mean message size, bytes
    double storageBytesPerS = 0.0; ///< per VM, bytes/s
    double iops = 0.0; ///< per VM, I/O operations per second
    double blockBytes = 4096.0; ///< mean storage block, bytes
    double ipcBytesPerS = 0.0; ///< per VM, inter-process traffic, bytes/s
    double migrationBytesPerS = 0.0; ///< per VM, VM-migration traffic, bytes/s
    /// Mean busy fraction of each vCPU running the VM's own work (0..1): the CPU the VMs need besides I/O.
    double vcpuUtilization = 0.0;
    /// The VMs move network and IPC data with RDMA (verbs, zero copy) rather than TCP/IP (IPoIB on
    /// InfiniBand). Only native, passthrough and bare-metal give a VM RDMA (ciov-whitepaper.txt §3.2).
    bool rdma = false;

    bool operator==(const VmProfile &) const = default;
};

} // namespace iovplan::design
