#include "reports/layout/pageops.h"

namespace iovplan::reports::pagelayout {

void addTextLine(LaidOutPage &page, const TextLine &line, double x, double boxWidth, double baseline,
                 Qt::Alignment alignment, const QColor &color)
{
    double left = x;
    if (alignment & Qt::AlignRight)
        left = x + boxWidth - line.width;
    else if (alignment & Qt::AlignHCenter)
        left = x + (boxWidth - line.width) / 2.0;
    for (const LineSegment &segment : line.segments)
        page.ops.emplace_back(TextOp{QPointF(left + segment.x, baseline), segment.text, segment.font, color});
}

double addTextLines(LaidOutPage &page, const std::vector<TextLine> &lines, double x, double boxWidth, double top,
                    const ReportFonts &fonts, Qt::Alignment alignment, const QColor &color)
{
    double y = top;
    for (const TextLine &line : lines) {
        const FontRole role = line.segments.empty() ? FontRole::Body : line.segments.front().font;
        addTextLine(page, line, x, boxWidth, y + fonts.baselineOffset(role), alignment, color);
        y += fonts.leading(role);
    }
    return y - top;
}

} // namespace iovplan::reports::pagelayout
