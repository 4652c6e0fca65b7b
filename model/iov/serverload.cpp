#include "serverload.h"

#include <algorithm>

namespace iovplan::iov {

using namespace iovplan::design;

ServerLoad serverLoad(const Server &server, const Workload &workload, std::optional<double> vmsPerServer)
{
    ServerLoad load;
    double profileVms = 0.0;
    for (const VmProfile &p : workload.profiles) {
        if (p.serverGroup == server.group)
            profileVms += p.vmsPerServer;
    }
    double weightedMessage = 0.0;
    double networkBytes = 0.0;
    double iops = 0.0;
    double weightedBlock = 0.0;
    for (const VmProfile &p : workload.profiles) {
        if (p.serverGroup != server.group)
            continue;
        // The capacity search scales every profile of the group so the server holds vmsPerServer VMs.
        const double vms = vmsPerServer && profileVms > 0.0 ? p.vmsPerServer * *vmsPerServer / profileVms
                                                           : static_cast<double>(p.vmsPerServer);
        load.vms += vms;
        load.vmCores += vms * p.vcpus * p.vcpuUtilization;
        load.lanBytes += vms * p.networkBytesPerS;
        load.ipcBytes += vms * p.ipcBytesPerS;
        load.migrationBytes += vms * p.migrationBytesPerS;
        networkBytes += vms * (p.networkBytesPerS + p.ipcBytesPerS);
        weightedMessage += vms * (p.networkBytesPerS + p.ipcBytesPerS) * p.networkMessageBytes;
        // Storage: bytes/s with IOPS gives the mean I/O size; bytes/s alone uses the block size;
        // IOPS alone moves blocks (docs/model.md).
        const double bytes = p.storageBytesPerS > 0.0 ? p.storageBytesPerS : p.iops * p.blockBytes;
        const double ios = p.iops > 0.0 ? p.iops : (p.blockBytes > 0.0 ? p.storageBytesPerS / p.blockBytes : 0.0);
        load.sanBytes += vms * bytes;
        iops += vms * ios;
        weightedBlock += vms * ios * p.blockBytes;
        load.rdma = load.rdma || p.rdma;
    }
    if (networkBytes > 0.0)
        load.networkMessageBytes = std::max(1.0, weightedMessage / networkBytes);
    if (iops > 0.0)
        load.sanMessageBytes = load.sanBytes > 0.0 ? load.sanBytes / iops : weightedBlock / iops;
    load.sanMessageBytes = std::max(1.0, load.sanMessageBytes);
    return load;
}

} // namespace iovplan::iov
