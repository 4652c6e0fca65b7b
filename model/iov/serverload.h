#pragma once
// The load a server's VMs offer, summed over the VM profiles of its group (docs/model.md, "The network").

#include "model/design/server.h"
#include "model/design/workload.h"

#include <optional>

namespace iovplan::iov {

/// What one server's VMs offer: counts, CPU work, bytes/s per traffic class and mean message sizes.
struct ServerLoad
{
    double vms = 0.0;
    double vmCores = 0.0;
    double lanBytes = 0.0;
    double ipcBytes = 0.0;
    double migrationBytes = 0.0;
    double networkMessageBytes = 1500.0;
    double sanBytes = 0.0;
    double sanMessageBytes = 4096.0;
    bool rdma = false;
};

/// The load of `server` under `workload`. `vmsPerServer`, when given, scales every profile of the server's
/// group so the server holds that many VMs (the capacity search's knob). Storage: bytes/s with IOPS gives
/// the mean I/O size; bytes/s alone uses the block size; IOPS alone moves blocks.
[[nodiscard]] ServerLoad serverLoad(const design::Server &server, const design::Workload &workload,
                                    std::optional<double> vmsPerServer);

} // namespace iovplan::iov
