#pragma once
// The drag-and-drop contract between the catalog palette and the design canvas.



namespace iovplan::ui {

/// MIME type of a catalog item being dragged: the payload is the item id in UTF-8.
inline constexpr char catalogItemMimeType[] = "application/x-iovplan-catalog-item";

} // namespace iovplan::ui
