#pragma once
// Word wrapping for the report: text (possibly mixing regular and bold runs) broken into lines that fit a
// width, words too long for a line broken between characters, so nothing ever runs off the page.
// Internal to reports/layout/.

#include "reports/layout/reportstyle.h"

#include <QString>

#include <cstddef>
#include <vector>

namespace iovplan::reports::pagelayout {

/// Text in one style.
struct TextRun
{
    QString text;
    FontRole font = FontRole::Body;
};

/// A piece of a line in one style, `x` points from the line's start.
struct LineSegment
{
    double x = 0;
    QString text;
    FontRole font = FontRole::Body;
};

/// One wrapped line; `width` is where its last glyph ends.
struct TextLine
{
    std::vector<LineSegment> segments;
    double width = 0;
};

/// Breaks `runs` into lines no wider than `width` (at spaces; "\n" forces a break; a word wider than a
/// line is split between characters). Runs of whitespace read as one space. Empty text: no lines.
[[nodiscard]] std::vector<TextLine> wrapText(const std::vector<TextRun> &runs, double width, const ReportFonts &fonts);
/// The same for text in one style.
[[nodiscard]] std::vector<TextLine> wrapText(const QString &text, FontRole font, double width,
                                             const ReportFonts &fonts);

/// Keeps at most `maxLines` lines (at least one); when it drops any, the last kept line ends in "…".
void truncateLines(std::vector<TextLine> &lines, std::size_t maxLines, double width, const ReportFonts &fonts);

/// The height of `lines` (each at its first segment's leading).
[[nodiscard]] double linesHeight(const std::vector<TextLine> &lines, const ReportFonts &fonts);

} // namespace iovplan::reports::pagelayout
