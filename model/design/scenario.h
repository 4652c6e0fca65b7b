#pragma once
// A scenario: one design with its workload, IOV mode and assumptions.

#include "assumptions.h"
#include "design.h"
#include "iovmode.h"
#include "workload.h"

#include <QString>

namespace iovplan::design {

/// What evaluate() takes: a design, the workload on it, the IOV mode and the assumptions.
struct Scenario
{
    QString name;
    Design design;
    Workload workload;
    IovMode iovMode = IovMode::Software;
    Assumptions assumptions;

    bool operator==(const Scenario &) const = default;
};

} // namespace iovplan::design
