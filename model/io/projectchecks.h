#pragma once
// The cross-checks a project must pass to load (docs/document-format.md, "Cross-checks"): rules that
// relate one part of a document to another, checked on the parsed project after every field has been
// read. Physical rules (U overlaps, slots and ports against the catalog's figures) are not load
// errors: model/cost/designcheck reports them as problems, and a document breaking them still loads.

#include "projectdocument.h"

#include "model/design/project.h"

#include <optional>

namespace iovplan::io {

/// The first cross-check `project` fails, as the error the reader reports, with the JSON path of the
/// offending value in the project's document ("scenarios[0].design.servers[2].item_id"); none if the
/// project passes. The checks, in document order per scenario:
/// - every item reference names a pinned item of the kind its role needs (server, adapter, switch,
///   gateway, gateway-module, cable, transceiver);
/// - a cable end names a device or fabric of the design; a fabric end (an uplink) names the cable's
///   own fabric and has slot 0 and port 0; a device end has port >= 1;
/// - VM profile names are unique within the scenario, and each profile's server_group is the group
///   of at least one server of the scenario.
[[nodiscard]] std::optional<DocumentError> checkProject(const design::Project &project);

} // namespace iovplan::io
