#pragma once
// What reading a file gives the window until the design canvas lands: a text report, or the reason the
// file cannot be used.

#include <QString>

namespace iovplan::ui {

/// The report of one file: `ok` with the report as text, or not `ok` with the one-line reason
/// ("FILE: FIELD: MESSAGE"). Produced off the GUI thread.
struct FileReport {
    bool ok = false;
    QString text;
};

} // namespace iovplan::ui
