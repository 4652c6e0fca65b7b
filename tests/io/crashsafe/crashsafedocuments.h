#pragma once
// The two documents tests/io/tst_crashsafesave.cpp and its child (savechild.cpp) save over each other:
// large enough that one save takes milliseconds, different enough that a mix of them never parses as
// either. Both programs build them the same way, so the test can compare the file with each.

#include "tests/bench/designgenerator.h"
#include "tests/exampleproject.h"

#include "model/design/project.h"

namespace iovplan::testing {

/// Document A: the example with one generated GigE+FC scenario of 2,000 servers.
inline design::Project crashSafeDocumentA()
{
    design::Project project = ciovExample();
    project.name = QStringLiteral("Crash-safe save A");
    project.scenarios = { bench::generateScenario(project, bench::DesignShape::GigeFc, 2000) };
    return project;
}

/// Document B: the example with one generated InfiniBand scenario of 500 servers.
inline design::Project crashSafeDocumentB()
{
    design::Project project = ciovExample();
    project.name = QStringLiteral("Crash-safe save B");
    project.scenarios = { bench::generateScenario(project, bench::DesignShape::IbSoftwareIov, 500) };
    return project;
}

} // namespace iovplan::testing
