#pragma once
// The clipboard format of copied design objects: MIME type "application/x-iovplan-objects", whose payload
// is a small *.iovplan document (model/io writer) holding one scenario with the copied fragment
// (edit::extractObjects) and exactly the pinned items it uses, so a paste into another project brings
// the specs and prices with it.

#include "model/design/design.h"
#include "model/design/itemspecs.h"

#include <QByteArray>
#include <QString>

#include <optional>

class QMimeData;

namespace iovplan::ui {

/// MIME type of copied design objects.
inline constexpr char objectsMimeType[] = "application/x-iovplan-objects";

/// The pinned items of `catalog` that `fragment` refers to (devices, cards, cables, transceivers).
[[nodiscard]] design::PinnedCatalog itemsUsedBy(const design::Design &fragment, const design::PinnedCatalog &catalog);

/// The clipboard payload of `fragment` with the items it uses from `catalog`. The racks of `racks` that
/// the fragment's devices sit in are written too (the reader checks rack references) and dropped again
/// by decodeObjects: a paste never copies racks.
[[nodiscard]] QByteArray encodeObjects(const design::Design &fragment, const design::PinnedCatalog &catalog,
                                       const std::vector<design::Rack> &racks);

/// Copied objects read back.
struct DecodedObjects
{
    std::optional<design::Design> fragment;
    design::PinnedCatalog items;
    QString error; ///< why the payload was refused (field: message)
    [[nodiscard]] bool ok() const { return fragment.has_value(); }
};

/// Reads a payload written by encodeObjects (through io::readProjectJson, so a damaged one is refused).
[[nodiscard]] DecodedObjects decodeObjects(const QByteArray &payload);

/// New MIME data holding the payload (and a plain-text summary for other programs); caller owns it.
[[nodiscard]] QMimeData *objectsMimeData(const design::Design &fragment, const design::PinnedCatalog &catalog,
                                         const std::vector<design::Rack> &racks);

} // namespace iovplan::ui
