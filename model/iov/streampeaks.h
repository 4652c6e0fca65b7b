#pragma once
// What one VM alone and one whole server can push through a class's path, and a small message's latency
// at zero load (docs/model.md, "Metrics").

#include "serverpaths.h"

#include <map>

namespace iovplan::iov {

/// Single-stream and whole-server peaks (bytes/s) and the unloaded latency (s) of one server's class path.
struct StreamPeaks
{
    double vm = 0.0;
    double vmAdapter = 0.0;
    double server = 0.0;
    double unloadedLatencyS = 0.0;
};

/// The peaks of `path` on `server`, given the shared stations it may reach.
[[nodiscard]] StreamPeaks streamPeaks(const ServerModel &server, const ClassPath &path,
                                      const std::map<QString, SharedStation> &shared);

} // namespace iovplan::iov
