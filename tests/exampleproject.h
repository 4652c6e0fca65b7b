#pragma once
// examples/ciov-whitepaper.iovplan for the tests of every layer: read once, scenarios by name.

#include "model/io/projectdocument.h"

#include <QString>

#include <stdexcept>

namespace iovplan::testing {

/// Where examples/ciov-whitepaper.iovplan is (tests and benchmarks define IOVPLAN_SOURCE_DIR).
inline QString ciovExamplePath()
{
    return QStringLiteral(IOVPLAN_SOURCE_DIR "/examples/ciov-whitepaper.iovplan");
}

/// examples/ciov-whitepaper.iovplan, read once (a test cannot go on without it: throws if unreadable).
inline const design::Project &ciovExample()
{
    static const design::Project project = [] {
        io::ProjectReadResult read = io::readProjectFile(ciovExamplePath());
        if (!read.ok())
            throw std::runtime_error((read.error.field + QStringLiteral(": ") + read.error.message).toStdString());
        return *read.project;
    }();
    return project;
}

/// A copy of the example's scenario `name` (throws when there is none).
inline design::Scenario exampleScenario(const QString &name)
{
    for (const design::Scenario &s : ciovExample().scenarios) {
        if (s.name == name)
            return s;
    }
    throw std::runtime_error("no scenario " + name.toStdString());
}

} // namespace iovplan::testing
