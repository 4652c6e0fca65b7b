#pragma once
// Tables on pages: column widths from weights, wrapped cells, row heights, and how a header, a row, the
// closing rule and the caption are drawn. The paginator decides where rows go. Internal to reports/layout/.

#include "reports/layout/pageops.h"

#include <cstddef>
#include <vector>

namespace iovplan::reports::pagelayout {

/// A row measured for its columns: each cell's wrapped lines and the row's height.
struct PreparedRow
{
    std::vector<std::vector<TextLine>> cells; ///< one per column (a Group row: one spanning all)
    double height = 0;
    RowStyle style = RowStyle::Normal;
    bool marked = false;
    bool shaded = false; ///< the zebra stripe
};

/// A table measured for a width; `columns` empty means there is nothing to draw but the caption.
struct PreparedTable
{
    double left = 0;
    double width = 0;
    std::vector<double> columnLeft;
    std::vector<double> columnWidth;
    std::vector<Qt::Alignment> alignments;
    PreparedRow header;
    std::vector<PreparedRow> rows;
    std::vector<TextLine> caption;
    double captionHeight = 0; ///< including the gap above it; 0 without a caption
};

/// Measures `table` for the text column [left, left + width]. A row never grows taller than
/// `maxRowHeight` (its tallest cells are cut with "…"), so every row fits a page under the header.
[[nodiscard]] PreparedTable prepareTable(const ReportTable &table, double left, double width, double maxRowHeight,
                                         const ReportFonts &fonts);

/// Draws the header row at `top` (returns its height).
double addTableHeader(LaidOutPage &page, const PreparedTable &table, double top, const ReportFonts &fonts);
/// Draws row `index` at `top` (returns its height).
double addTableRow(LaidOutPage &page, const PreparedTable &table, std::size_t index, double top,
                   const ReportFonts &fonts);
/// Closes the table (or the part of it on this page) with a rule at `y`.
void addTableEnd(LaidOutPage &page, const PreparedTable &table, double y);
/// Draws the caption under the table's end at `y` (returns captionHeight).
double addTableCaption(LaidOutPage &page, const PreparedTable &table, double y, const ReportFonts &fonts);

} // namespace iovplan::reports::pagelayout
