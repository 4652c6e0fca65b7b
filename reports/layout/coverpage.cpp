#include "reports/layout/coverpage.h"

#include <algorithm>

namespace iovplan::reports::pagelayout {

void addCover(LaidOutPage &page, const ReportCover &cover, const PageGeometry &geometry, const ReportFonts &fonts)
{
    page.chrome = false;
    const QRectF body = geometry.body;
    const double left = body.left();
    const double width = body.width();

    // The small print sits on the foot of the page; everything else must stay above it.
    std::vector<TextLine> note = wrapText(cover.note, FontRole::Note, width, fonts);
    truncateLines(note, 14, width, fonts);
    const double noteTop = body.bottom() - linesHeight(note, fonts);
    const double contentBottom = note.empty() ? body.bottom() : noteTop - 16.0;
    if (!note.empty()) {
        page.ops.emplace_back(LineOp{QLineF(left, noteTop - 8.0, left + width, noteTop - 8.0), 0.5,
                                     ReportColors::rule(), false});
        addTextLines(page, note, left, width, noteTop, fonts, Qt::AlignLeft, ReportColors::muted());
    }

    page.ops.emplace_back(RectOp{QRectF(left, body.top(), width, 5.0), ReportColors::heading()});

    double y = std::max(body.top() + 60.0, geometry.size.height() * 0.24);
    std::vector<TextLine> title = wrapText(cover.title, FontRole::Title, width, fonts);
    truncateLines(title, 4, width, fonts);
    y += addTextLines(page, title, left, width, y, fonts, Qt::AlignLeft, ReportColors::heading());
    if (!cover.subtitle.isEmpty()) {
        std::vector<TextLine> subtitle = wrapText(cover.subtitle, FontRole::Subtitle, width, fonts);
        truncateLines(subtitle, 3, width, fonts);
        y += 6.0;
        y += addTextLines(page, subtitle, left, width, y, fonts, Qt::AlignLeft, ReportColors::muted());
    }
    y += 16.0;
    page.ops.emplace_back(RectOp{QRectF(left, y, 72.0, 2.5), ReportColors::accent()});
    y += 34.0;

    double widest = 0;
    for (const auto &line : cover.lines)
        widest = std::max(widest, fonts.advance(FontRole::BodyBold, line.first));
    const double labelWidth = std::min(widest + 20.0, width * 0.4);
    const double leading = fonts.leading(FontRole::Body);
    for (const auto &line : cover.lines) {
        std::vector<TextLine> label = wrapText(line.first, FontRole::BodyBold, labelWidth - 12.0, fonts);
        std::vector<TextLine> value = wrapText(line.second, FontRole::Body, width - labelWidth, fonts);
        truncateLines(label, 3, labelWidth - 12.0, fonts);
        truncateLines(value, 3, width - labelWidth, fonts);
        const double height = static_cast<double>(std::max<std::size_t>({label.size(), value.size(), 1})) * leading;
        if (y + height > contentBottom)
            break;
        addTextLines(page, label, left, labelWidth, y, fonts, Qt::AlignLeft, ReportColors::muted());
        addTextLines(page, value, left + labelWidth, 0, y, fonts, Qt::AlignLeft, ReportColors::text());
        y += height + 4.0;
    }
}

} // namespace iovplan::reports::pagelayout
