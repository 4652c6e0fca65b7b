#pragma once
// The blocks other than tables, measured for the text width, and how each is drawn: paragraphs, headings,
// key-value lists, figures and the table of contents. The paginator decides where they go.
// Internal to reports/layout/.

#include "reports/layout/pageops.h"
#include "reports/layout/reportblocks.h"

#include <cstddef>
#include <memory>
#include <vector>

namespace iovplan::reports::pagelayout {

/// A paragraph wrapped for the text width.
struct PreparedParagraph
{
    ParagraphStyle style = ParagraphStyle::Body;
    std::vector<TextLine> lines;
    double leading = 14;
    double indent = 0; ///< the alert's bar and gap
    double spaceAfter = 0;
};
[[nodiscard]] PreparedParagraph prepareParagraph(const ParagraphBlock &block, double width, const ReportFonts &fonts);
/// Draws line `index` of `paragraph` with its box top at `top`.
void addParagraphLine(LaidOutPage &page, const PreparedParagraph &paragraph, std::size_t index, double left,
                      double top, const ReportFonts &fonts);
/// The alert's tint and bar behind lines spanning [top, bottom]; inserted at `opIndex` so the text is on top.
void addAlertBackground(LaidOutPage &page, std::size_t opIndex, double left, double width, double top, double bottom);

/// A heading with its number ("2.3"; empty at level 3), wrapped beside the number.
struct PreparedHeading
{
    int level = 1;
    QString number;
    QString text;
    std::vector<TextLine> lines;
    FontRole font = FontRole::Heading1;
    double indent = 0; ///< where the text starts, right of the number
    double height = 0;
    double spaceBefore = 0;
    double spaceAfter = 0;
};
[[nodiscard]] PreparedHeading prepareHeading(const HeadingBlock &block, const QString &number, double width,
                                             const ReportFonts &fonts);
/// A heading-styled title without a number (the contents' "Contents").
[[nodiscard]] PreparedHeading prepareTitleHeading(const QString &text, double width, const ReportFonts &fonts);
void addHeading(LaidOutPage &page, const PreparedHeading &heading, double left, double width, double top,
                const ReportFonts &fonts);

/// Labels (bold) and values in two columns.
struct PreparedKeyValues
{
    struct Row
    {
        std::vector<TextLine> label;
        std::vector<TextLine> value;
        double height = 0;
    };
    double labelWidth = 0;
    std::vector<Row> rows;
    double height = 0;
};
[[nodiscard]] PreparedKeyValues prepareKeyValues(const KeyValuesBlock &block, double width, const ReportFonts &fonts);
void addKeyValueRow(LaidOutPage &page, const PreparedKeyValues &list, std::size_t index, double left, double top,
                    const ReportFonts &fonts);

/// A figure at its natural size for its share of the text width, with its caption.
struct PreparedFigure
{
    std::shared_ptr<const ReportFigure> figure;
    double width = 0;
    double height = 0;
    double fitScale = 1; ///< the scale at which figure and caption fit an empty page
    std::vector<TextLine> caption;
    double captionWidth = 0;
    double captionHeight = 0; ///< including the gap above it
    [[nodiscard]] double totalHeight(double scale) const { return height * scale + captionHeight; }
};
[[nodiscard]] PreparedFigure prepareFigure(const FigureBlock &block, double width, double pageHeight,
                                           const ReportFonts &fonts);
void addFigure(LaidOutPage &page, const PreparedFigure &figure, double scale, double left, double width, double top,
               const ReportFonts &fonts);

/// One line of the table of contents: a level-1 or level-2 heading.
struct PreparedContentsEntry
{
    int level = 1;
    QString number;
    std::vector<TextLine> lines;
    std::size_t headingIndex = 0; ///< which heading (all levels, in order) it points at
    double height = 0;
    double spaceBefore = 0;
};
/// The table of contents: a title and an entry per level-1/2 heading.
struct PreparedContents
{
    PreparedHeading title;
    std::vector<PreparedContentsEntry> entries;
};
/// `headings` are every heading of the document in order (text, number, level).
[[nodiscard]] PreparedContents prepareContents(const std::vector<PreparedHeading> &headings, double width,
                                               const ReportFonts &fonts);
void addContentsEntry(LaidOutPage &page, const PreparedContentsEntry &entry, int pageNumber, double left,
                      double width, double top, const ReportFonts &fonts);

} // namespace iovplan::reports::pagelayout
