#pragma once
// The service-level targets of a workload.

namespace iovplan::design {

/// Targets the design must meet: response-time latency (s) and throughput (bytes/s).
struct Sla
{
    double latencyS = 0.001;
    double throughputBytesPerS = 0.0;

    bool operator==(const Sla &) const = default;
};

} // namespace iovplan::design
