#include "reports/layout/tablelayout.h"

#include <algorithm>
#include <cmath>

namespace iovplan::reports::pagelayout {

namespace {

constexpr double cellPaddingX = 5.0;
constexpr double cellPaddingY = 3.0;
constexpr double captionGap = 4.0;

FontRole cellFont(const PreparedRow &row, bool isHeader)
{
    const bool bold = isHeader || row.marked || row.style != RowStyle::Normal;
    return bold ? FontRole::TableBold : FontRole::Table;
}

QColor cellColor(const PreparedRow &row, bool isHeader)
{
    if (isHeader || row.style == RowStyle::Group)
        return ReportColors::heading();
    if (row.marked)
        return ReportColors::accent();
    return ReportColors::text();
}

PreparedRow prepareRow(const QStringList &cells, RowStyle style, bool marked, bool isHeader,
                       const PreparedTable &table, double maxRowHeight, const ReportFonts &fonts)
{
    PreparedRow row;
    row.style = style;
    row.marked = marked;
    const FontRole font = cellFont(row, isHeader);
    const double leading = fonts.leading(font);
    const auto maxLines = static_cast<std::size_t>(std::max(1.0, std::floor((maxRowHeight - 2 * cellPaddingY) / leading)));
    const std::size_t columns = style == RowStyle::Group && !isHeader ? 1 : table.columnWidth.size();
    std::size_t tallest = 1;
    for (std::size_t c = 0; c < columns; ++c) {
        const QString text = static_cast<qsizetype>(c) < cells.size() ? cells.at(static_cast<qsizetype>(c)) : QString();
        const double width = (columns == 1 && style == RowStyle::Group ? table.width : table.columnWidth[c]) - 2 * cellPaddingX;
        std::vector<TextLine> lines = wrapText(text, font, width, fonts);
        truncateLines(lines, maxLines, width, fonts);
        tallest = std::max(tallest, lines.size());
        row.cells.push_back(std::move(lines));
    }
    row.height = static_cast<double>(tallest) * leading + 2 * cellPaddingY;
    return row;
}

} // namespace

PreparedTable prepareTable(const ReportTable &source, double left, double width, double maxRowHeight,
                           const ReportFonts &fonts)
{
    PreparedTable table;
    table.left = left;
    table.width = width;
    if (!source.caption.isEmpty()) {
        table.caption = wrapText(source.caption, FontRole::Note, width, fonts);
        table.captionHeight = captionGap + linesHeight(table.caption, fonts);
    }
    if (source.columns.empty())
        return table;

    // A weight that is not a positive number counts as 1, so a bad weight never hides a column.
    std::vector<double> weights;
    double total = 0;
    for (const TableColumn &column : source.columns) {
        const double weight = std::isfinite(column.weight) && column.weight > 0 ? column.weight : 1.0;
        weights.push_back(weight);
        total += weight;
    }
    double x = left;
    for (std::size_t c = 0; c < weights.size(); ++c) {
        const double columnWidth = width * weights[c] / total;
        table.columnLeft.push_back(x);
        table.columnWidth.push_back(columnWidth);
        table.alignments.push_back(source.columns[c].alignment);
        x += columnWidth;
    }

    const double rowLimit = std::max(maxRowHeight, 40.0);
    QStringList titles;
    for (const TableColumn &column : source.columns)
        titles.append(column.title);
    table.header = prepareRow(titles, RowStyle::Normal, false, true, table, rowLimit / 3.0, fonts);
    const double bodyRowLimit = rowLimit - table.header.height - table.captionHeight;
    table.rows.reserve(source.rows.size());
    bool shade = false;
    for (const TableRow &row : source.rows) {
        table.rows.push_back(prepareRow(row.cells, row.style, row.marked, false, table, bodyRowLimit, fonts));
        // The stripe restarts under each group label so groups read alike.
        if (row.style == RowStyle::Normal) {
            table.rows.back().shaded = shade;
            shade = !shade;
        } else {
            shade = false;
        }
    }
    return table;
}

double addTableHeader(LaidOutPage &page, const PreparedTable &table, double top, const ReportFonts &fonts)
{
    const PreparedRow &row = table.header;
    page.ops.emplace_back(RectOp{QRectF(table.left, top, table.width, row.height), ReportColors::headerFill()});
    for (std::size_t c = 0; c < row.cells.size(); ++c)
        addTextLines(page, row.cells[c], table.columnLeft[c] + cellPaddingX, table.columnWidth[c] - 2 * cellPaddingX,
                     top + cellPaddingY, fonts, table.alignments[c], cellColor(row, true));
    const double bottom = top + row.height;
    page.ops.emplace_back(LineOp{QLineF(table.left, bottom, table.left + table.width, bottom), 0.8,
                                 ReportColors::heading(), false});
    return row.height;
}

double addTableRow(LaidOutPage &page, const PreparedTable &table, std::size_t index, double top,
                   const ReportFonts &fonts)
{
    const PreparedRow &row = table.rows[index];
    const QRectF box(table.left, top, table.width, row.height);
    const QLineF above(table.left, top, table.left + table.width, top);
    switch (row.style) {
    case RowStyle::Group:
        page.ops.emplace_back(RectOp{box, ReportColors::groupFill()});
        page.ops.emplace_back(LineOp{above, 0.4, ReportColors::rule(), false});
        break;
    case RowStyle::Subtotal:
        page.ops.emplace_back(LineOp{above, 0.6, ReportColors::muted(), false});
        break;
    case RowStyle::Total:
        page.ops.emplace_back(RectOp{box, ReportColors::headerFill()});
        page.ops.emplace_back(LineOp{above, 1.1, ReportColors::strongRule(), false});
        break;
    case RowStyle::Normal:
        if (row.shaded)
            page.ops.emplace_back(RectOp{box, ReportColors::zebraFill()});
        break;
    }
    const QColor color = cellColor(row, false);
    if (row.style == RowStyle::Group && !row.cells.empty()) {
        addTextLines(page, row.cells.front(), table.left + cellPaddingX, table.width - 2 * cellPaddingX,
                     top + cellPaddingY, fonts, Qt::AlignLeft, color);
        return row.height;
    }
    for (std::size_t c = 0; c < row.cells.size(); ++c)
        addTextLines(page, row.cells[c], table.columnLeft[c] + cellPaddingX, table.columnWidth[c] - 2 * cellPaddingX,
                     top + cellPaddingY, fonts, table.alignments[c], color);
    return row.height;
}

void addTableEnd(LaidOutPage &page, const PreparedTable &table, double y)
{
    if (table.columnWidth.empty())
        return;
    page.ops.emplace_back(LineOp{QLineF(table.left, y, table.left + table.width, y), 0.6, ReportColors::rule(), false});
}

double addTableCaption(LaidOutPage &page, const PreparedTable &table, double y, const ReportFonts &fonts)
{
    if (table.caption.empty())
        return 0;
    addTextLines(page, table.caption, table.left, table.width, y + captionGap, fonts, Qt::AlignLeft,
                 ReportColors::muted());
    return table.captionHeight;
}

} // namespace iovplan::reports::pagelayout
