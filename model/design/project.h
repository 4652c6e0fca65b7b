#pragma once
// A project: the scenarios being compared and the catalog items they use, pinned.

#include "pinneditem.h"
#include "scenario.h"

#include <QString>

#include <map>
#include <vector>

namespace iovplan::design {

/// The contents of one *.iovplan document.
struct Project
{
    QString name;
    QString author;
    std::map<QString, PinnedItem> catalog; ///< pinned items by id (sorted, so output is stable)
    std::vector<Scenario> scenarios;

    bool operator==(const Project &) const = default;
};

} // namespace iovplan::design
