#include "reports/layout/flowblocks.h"

#include <algorithm>
#include <cmath>

namespace iovplan::reports::pagelayout {

namespace {

constexpr double alertBar = 2.5;
constexpr double alertIndent = 10.0;
constexpr double alertPadding = 3.0;
constexpr double headingRuleGap = 5.0; // between a level-1 heading's last line and its rule
constexpr double headingRuleSpace = 8.0; // the rule and the room under it
constexpr double figureCaptionGap = 5.0;
constexpr double contentsLevel2Indent = 26.0;
constexpr double contentsNumberWidth = 26.0;
constexpr double contentsLevel2NumberWidth = 34.0;

FontRole paragraphFont(ParagraphStyle style)
{
    switch (style) {
    case ParagraphStyle::Note: return FontRole::Note;
    case ParagraphStyle::Lead: return FontRole::Lead;
    case ParagraphStyle::Body:
    case ParagraphStyle::Alert: break;
    }
    return FontRole::Body;
}

QColor paragraphColor(ParagraphStyle style)
{
    switch (style) {
    case ParagraphStyle::Note: return ReportColors::muted();
    case ParagraphStyle::Alert: return ReportColors::alert();
    case ParagraphStyle::Body:
    case ParagraphStyle::Lead: break;
    }
    return ReportColors::text();
}

// An alert's lead-in ("Over budget:", or its first sentence when short) reads bold.
std::vector<TextRun> alertRuns(const QString &text)
{
    qsizetype end = text.indexOf(u':');
    if (end < 0 || end > 80) {
        end = text.indexOf(QStringLiteral(". "));
        if (end > 100)
            end = -1;
    }
    if (end <= 0)
        return {TextRun{text, FontRole::Body}};
    return {TextRun{text.left(end + 1), FontRole::BodyBold}, TextRun{text.mid(end + 1), FontRole::Body}};
}

} // namespace

PreparedParagraph prepareParagraph(const ParagraphBlock &block, double width, const ReportFonts &fonts)
{
    PreparedParagraph paragraph;
    paragraph.style = block.style;
    const FontRole font = paragraphFont(block.style);
    paragraph.leading = fonts.leading(font);
    switch (block.style) {
    case ParagraphStyle::Alert:
        paragraph.indent = alertIndent;
        paragraph.lines = wrapText(alertRuns(block.text), width - alertIndent - alertPadding, fonts);
        paragraph.spaceAfter = 9;
        return paragraph;
    case ParagraphStyle::Lead: paragraph.spaceAfter = 10; break;
    case ParagraphStyle::Note: paragraph.spaceAfter = 5; break;
    case ParagraphStyle::Body: paragraph.spaceAfter = 7; break;
    }
    paragraph.lines = wrapText(block.text, font, width, fonts);
    return paragraph;
}

void addParagraphLine(LaidOutPage &page, const PreparedParagraph &paragraph, std::size_t index, double left,
                      double top, const ReportFonts &fonts)
{
    const TextLine &line = paragraph.lines[index];
    const FontRole font = line.segments.empty() ? FontRole::Body : line.segments.front().font;
    addTextLine(page, line, left + paragraph.indent, 0, top + fonts.baselineOffset(font), Qt::AlignLeft,
                paragraphColor(paragraph.style));
}

void addAlertBackground(LaidOutPage &page, std::size_t opIndex, double left, double width, double top, double bottom)
{
    const QRectF tint(left, top - alertPadding, width, bottom - top + 2 * alertPadding);
    const QRectF bar(left, tint.top(), alertBar, tint.height());
    const auto at = page.ops.begin() + static_cast<std::ptrdiff_t>(std::min(opIndex, page.ops.size()));
    page.ops.insert(at, {RectOp{tint, ReportColors::alertTint()}, RectOp{bar, ReportColors::alert()}});
}

PreparedHeading prepareHeading(const HeadingBlock &block, const QString &number, double width,
                               const ReportFonts &fonts)
{
    PreparedHeading heading;
    heading.level = block.level;
    heading.number = number;
    heading.text = block.text;
    switch (block.level) {
    case 1:
        heading.font = FontRole::Heading1;
        heading.spaceAfter = 10;
        break;
    case 2:
        heading.font = FontRole::Heading2;
        heading.spaceBefore = 16;
        heading.spaceAfter = 6;
        break;
    default:
        heading.font = FontRole::Heading3;
        heading.spaceBefore = 11;
        heading.spaceAfter = 4;
        break;
    }
    if (!number.isEmpty()) {
        // A fixed indent lines up headings "1" to "12.3"; a wider number pushes its own text along.
        const double fixed = block.level == 1 ? 34.0 : 38.0;
        heading.indent = std::max(fixed, fonts.advance(heading.font, number) + 10.0);
    }
    heading.lines = wrapText(block.text, heading.font, width - heading.indent, fonts);
    if (heading.lines.empty())
        heading.lines.push_back(TextLine());
    heading.height = static_cast<double>(heading.lines.size()) * fonts.leading(heading.font);
    if (block.level == 1)
        heading.height += headingRuleSpace;
    return heading;
}

PreparedHeading prepareTitleHeading(const QString &text, double width, const ReportFonts &fonts)
{
    return prepareHeading(HeadingBlock{1, text}, QString(), width, fonts);
}

void addHeading(LaidOutPage &page, const PreparedHeading &heading, double left, double width, double top,
                const ReportFonts &fonts)
{
    const QColor color = heading.level == 3 ? ReportColors::text() : ReportColors::heading();
    const double baseline = top + fonts.baselineOffset(heading.font);
    if (!heading.number.isEmpty())
        page.ops.emplace_back(TextOp{QPointF(left, baseline), heading.number, heading.font, color});
    const double textHeight = addTextLines(page, heading.lines, left + heading.indent, width - heading.indent, top,
                                           fonts, Qt::AlignLeft, color);
    if (heading.level == 1) {
        const double y = top + textHeight + headingRuleGap - fonts.leading(heading.font) * 0.15;
        page.ops.emplace_back(LineOp{QLineF(left, y, left + width, y), 1.0, ReportColors::heading(), false});
    }
}

PreparedKeyValues prepareKeyValues(const KeyValuesBlock &block, double width, const ReportFonts &fonts)
{
    PreparedKeyValues list;
    double widest = 0;
    for (const auto &pair : block.pairs)
        widest = std::max(widest, fonts.advance(FontRole::BodyBold, pair.first));
    list.labelWidth = std::min(widest + 16.0, width * 0.4);
    const double rowGap = 3.0;
    for (const auto &pair : block.pairs) {
        PreparedKeyValues::Row row;
        row.label = wrapText(pair.first, FontRole::BodyBold, list.labelWidth - 12.0, fonts);
        row.value = wrapText(pair.second, FontRole::Body, width - list.labelWidth, fonts);
        const std::size_t lines = std::max<std::size_t>({row.label.size(), row.value.size(), 1});
        row.height = static_cast<double>(lines) * fonts.leading(FontRole::Body) + rowGap;
        list.height += row.height;
        list.rows.push_back(std::move(row));
    }
    return list;
}

void addKeyValueRow(LaidOutPage &page, const PreparedKeyValues &list, std::size_t index, double left, double top,
                    const ReportFonts &fonts)
{
    const PreparedKeyValues::Row &row = list.rows[index];
    addTextLines(page, row.label, left, list.labelWidth, top, fonts, Qt::AlignLeft, ReportColors::text());
    addTextLines(page, row.value, left + list.labelWidth, 0, top, fonts, Qt::AlignLeft, ReportColors::text());
}

PreparedFigure prepareFigure(const FigureBlock &block, double width, double pageHeight, const ReportFonts &fonts)
{
    PreparedFigure figure;
    figure.figure = block.figure;
    const double share = std::clamp(block.maxWidthShare, 0.1, 1.0);
    if (figure.figure) {
        figure.width = width * share;
        const double height = figure.figure->heightForWidth(figure.width);
        // A figure that cannot say how tall it is gets a plain 3:2 box rather than breaking the page.
        figure.height = std::isfinite(height) && height > 0 ? height : figure.width * 2.0 / 3.0;
    }
    if (!block.caption.isEmpty()) {
        figure.captionWidth = std::max(figure.width, width * 0.6);
        figure.caption = wrapText(block.caption, FontRole::Note, figure.captionWidth, fonts);
        figure.captionHeight = figureCaptionGap + linesHeight(figure.caption, fonts);
    }
    if (figure.height > 0) {
        const double room = std::max(pageHeight - figure.captionHeight, pageHeight * 0.25);
        figure.fitScale = std::min(1.0, room / figure.height);
    }
    return figure;
}

void addFigure(LaidOutPage &page, const PreparedFigure &figure, double scale, double left, double width, double top,
               const ReportFonts &fonts)
{
    const double drawnWidth = figure.width * scale;
    const double drawnHeight = figure.height * scale;
    if (figure.figure && drawnHeight > 0) {
        const QRectF target(left + (width - drawnWidth) / 2.0, top, drawnWidth, drawnHeight);
        page.ops.emplace_back(FigureOp{figure.figure, target, QSizeF(figure.width, figure.height)});
    }
    if (!figure.caption.empty()) {
        const double captionLeft = left + (width - figure.captionWidth) / 2.0;
        addTextLines(page, figure.caption, captionLeft, figure.captionWidth, top + drawnHeight + figureCaptionGap,
                     fonts, Qt::AlignHCenter, ReportColors::muted());
    }
}

PreparedContents prepareContents(const std::vector<PreparedHeading> &headings, double width, const ReportFonts &fonts)
{
    PreparedContents contents;
    contents.title = prepareTitleHeading(QStringLiteral("Contents"), width, fonts);
    const double pageColumn = fonts.advance(FontRole::BodyBold, QStringLiteral("0000")) + 12.0;
    for (std::size_t i = 0; i < headings.size(); ++i) {
        const PreparedHeading &heading = headings[i];
        if (heading.level > 2)
            continue;
        PreparedContentsEntry entry;
        entry.level = heading.level;
        entry.number = heading.number;
        entry.headingIndex = i;
        const FontRole font = heading.level == 1 ? FontRole::BodyBold : FontRole::Body;
        const double textLeft = heading.level == 1 ? contentsNumberWidth : contentsLevel2Indent + contentsLevel2NumberWidth;
        entry.lines = wrapText(heading.text, font, width - textLeft - pageColumn, fonts);
        if (entry.lines.empty())
            entry.lines.push_back(TextLine{{LineSegment{0, QString(), font}}, 0});
        entry.height = linesHeight(entry.lines, fonts);
        entry.spaceBefore = heading.level == 1 ? 7.0 : 1.0;
        contents.entries.push_back(std::move(entry));
    }
    return contents;
}

void addContentsEntry(LaidOutPage &page, const PreparedContentsEntry &entry, int pageNumber, double left,
                      double width, double top, const ReportFonts &fonts)
{
    const FontRole font = entry.level == 1 ? FontRole::BodyBold : FontRole::Body;
    const QColor color = ReportColors::text();
    const double numberLeft = entry.level == 1 ? left : left + contentsLevel2Indent;
    const double textLeft = numberLeft + (entry.level == 1 ? contentsNumberWidth : contentsLevel2NumberWidth);
    const double baseline = top + fonts.baselineOffset(font);
    if (!entry.number.isEmpty())
        page.ops.emplace_back(TextOp{QPointF(numberLeft, baseline), entry.number, font, color});
    const double height = addTextLines(page, entry.lines, textLeft, 0, top, fonts, Qt::AlignLeft, color);

    const QString pageText = QString::number(pageNumber);
    const double right = left + width;
    const double lastBaseline = top + height - fonts.leading(font) + fonts.baselineOffset(font);
    const double pageWidth = fonts.advance(font, pageText);
    page.ops.emplace_back(TextOp{QPointF(right - pageWidth, lastBaseline), pageText, font, color});
    // Dot leaders on a common 4-point grid, so the dots of every entry line up in columns.
    const double pitch = 4.0;
    const double from = std::ceil((textLeft + entry.lines.back().width + 5.0 - left) / pitch) * pitch + left;
    const double to = right - pageWidth - 5.0;
    if (to > from)
        page.ops.emplace_back(LineOp{QLineF(from, lastBaseline - 1.0, to, lastBaseline - 1.0), 0.9,
                                     ReportColors::muted(), true});
}

} // namespace iovplan::reports::pagelayout
