#pragma once
// The routing form of a qn class (docs/qn-format.md, "routing"): routing probabilities from which
// the class's visit ratios are solved.

#include "jsonfieldreader.h"
#include "nameindex.h"

#include <queueing/network.h>

#include <QJsonObject>

#include <vector>

namespace iovplan::io {

/// The visit ratio at each station (in `stations` order) of the class `classObject` at `classPath`,
/// which gives "routing": an object {"from": {"to": p}} or a stations x stations matrix. An open
/// class also needs "arrivals" (where its jobs enter); a closed class may name its "reference"
/// station (visit ratio 1), by default the first station its routing touches. Rejects probabilities
/// outside [0, 1], rows summing to more than 1 (or, closed, to other than 1), unknown stations and
/// routings the traffic equations cannot solve, each at its JSON path.
[[nodiscard]] std::vector<double> readRoutingVisitRatios(const QJsonObject &classObject,
    const JsonPath &classPath, queueing::ClassKind kind, const NameIndex &stations);

} // namespace iovplan::io
