#pragma once

#include <QString>

namespace iovplan::ui {

/// What reading and solving a qn JSON file gives the window: the solution as a text table, or the
/// one-line reason the file cannot be solved ("FIELD: MESSAGE"). Pure function, safe on any thread.
struct QueueingNetworkReport {
    bool ok = false;
    QString text;
};
[[nodiscard]] QueueingNetworkReport solveQueueingNetworkFile(const QString &path);

} // namespace iovplan::ui
