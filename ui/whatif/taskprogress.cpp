#include "taskprogress.h"

namespace iovplan::ui {

TaskProgress::TaskProgress()
    : m_state(std::make_shared<State>())
{
}

iov::ProgressCallback TaskProgress::callback() const
{
    return [state = m_state](int done, int total) {
        state->total = total;
        state->done = done;
        return !state->cancelled.load();
    };
}

} // namespace iovplan::ui
