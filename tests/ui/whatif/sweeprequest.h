#pragma once
// The sweep a what-if test's data row asks for: the columns every sweep table has and the request read
// back from the current row, so the dialog and progress tests describe sweeps the same way.

#include "model/iov/whatif.h"

#include <QString>
#include <QTest>

namespace iovplan::testing {

/// One sweep of the example: which scenario, what varies over [from, to] in `steps`, with capacity search or not.
struct SweepRequest
{
    QString scenario;
    iov::SweepParameter parameter;
    double from = 0.0;
    double to = 0.0;
    int steps = 1;
    bool capacity = false;
};

/// Adds the columns scenario, parameter (its name), from, to, steps and capacity to the current _data() table.
inline void addSweepRequestColumns()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("parameter");
    QTest::addColumn<double>("from");
    QTest::addColumn<double>("to");
    QTest::addColumn<int>("steps");
    QTest::addColumn<bool>("capacity");
}

/// The request of the current data row (its parameter name must be one iov::sweepParameterFromName knows).
inline SweepRequest fetchSweepRequest()
{
    QFETCH(QString, scenario);
    QFETCH(QString, parameter);
    QFETCH(double, from);
    QFETCH(double, to);
    QFETCH(int, steps);
    QFETCH(bool, capacity);
    return { scenario, *iov::sweepParameterFromName(parameter), from, to, steps, capacity };
}

} // namespace iovplan::testing
