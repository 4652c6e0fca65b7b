#pragma once
// The white paper's example and shipped catalog items for the IOV model's tests.

#include "catalogs/catalogdatabase.h"
#include "catalogs/pricerefresh.h"
#include "model/io/projectdocument.h"
#include "tests/exampleproject.h"
#include "model/iov/performance.h"

#include <QTemporaryDir>

#include <stdexcept>

namespace iovplan::testing {

/// The example's pinned catalog plus the shipped items `extra` (pinned from a scratch catalog database).
inline design::PinnedCatalog catalogWith(const QStringList &extra)
{
    design::PinnedCatalog catalog = ciovExample().catalog;
    if (extra.isEmpty())
        return catalog;
    QTemporaryDir dir;
    catalogs::CatalogDatabase db;
    if (!db.open(dir.filePath(QStringLiteral("catalog.sqlite")), QStringLiteral("iov-tests")).isEmpty()
        || !db.ensureShippedCatalog().ok())
        throw std::runtime_error("cannot build the scratch catalog");
    for (const QString &id : extra) {
        catalogs::PinResult pinned = catalogs::pinItem(db, id);
        if (!pinned.ok())
            throw std::runtime_error(pinned.error.toStdString());
        catalog[id] = *pinned.item;
    }
    return catalog;
}

/// The class `traffic` of `metrics` (throws when the scenario does not carry it).
inline const iov::ClassMetrics &trafficClass(const iov::PerformanceMetrics &metrics, iov::TrafficClass traffic)
{
    for (const iov::ClassMetrics &c : metrics.classes) {
        if (c.traffic == traffic)
            return c;
    }
    throw std::runtime_error("class not carried");
}

/// Every profile of `scenario` moves network and IPC data with RDMA (a workload choice, docs/model.md).
inline void useRdma(design::Scenario &scenario)
{
    for (design::VmProfile &p : scenario.workload.profiles)
        p.rdma = true;
}

} // namespace iovplan::testing
