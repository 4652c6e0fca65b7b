#pragma once
// Progress and cancellation shared between the GUI thread and one background computation (a sweep or a
// capacity search, docs/gui-files-whatif.md). The computation reports through callback() — atomics only,
// no signals across threads — and the dialog polls done()/total() on a GUI timer, so a computation that
// reports thousands of times a second costs the GUI nothing and may outlive nothing it points to.

#include "model/iov/performance.h"

#include <atomic>
#include <memory>

namespace iovplan::ui {

/// One computation's progress: written by the computing thread, read by the GUI.
class TaskProgress
{
public:
    TaskProgress();

    /// The callback to hand to the computation: records (done, total) and returns false once cancel()
    /// was called. Safe to call from any thread; it keeps the shared state alive.
    [[nodiscard]] iov::ProgressCallback callback() const;
    /// Asks the computation to stop at its next report.
    void cancel() { m_state->cancelled = true; }
    [[nodiscard]] bool cancelRequested() const { return m_state->cancelled; }
    [[nodiscard]] int done() const { return m_state->done; }
    [[nodiscard]] int total() const { return m_state->total; }

private:
    struct State
    {
        std::atomic<int> done { 0 };
        std::atomic<int> total { 0 };
        std::atomic<bool> cancelled { false };
    };
    std::shared_ptr<State> m_state;
};

} // namespace iovplan::ui
