#include "reports/layout/paginator.h"

#include "reports/layout/coverpage.h"
#include "reports/layout/flowblocks.h"
#include "reports/layout/tablelayout.h"

#include <algorithm>

namespace iovplan::reports::pagelayout {

namespace {

constexpr double epsilon = 0.01; // rounding slack when a block exactly fills the page
constexpr int maxContentsPasses = 5; // page numbers settle in two passes; the bound guards against flip-flop

struct HeadingRef
{
    std::size_t index = 0; ///< into Prepared::headings
};
struct ContentsRef
{
};
struct BreakRef
{
};

using PreparedBlock = std::variant<HeadingRef, PreparedParagraph, PreparedKeyValues, PreparedTable, PreparedFigure,
                                   ContentsRef, BreakRef>;

// Vertical space around blocks; between two blocks the larger of the two applies, none at a page top.
constexpr double tableSpaceBefore = 4.0;
constexpr double tableSpaceAfter = 12.0;
constexpr double figureSpaceBefore = 8.0;
constexpr double figureSpaceAfter = 12.0;
constexpr double keyValuesSpaceBefore = 2.0;
constexpr double keyValuesSpaceAfter = 9.0;
constexpr double alertSpaceBefore = 6.0;

struct Prepared
{
    std::vector<PreparedHeading> headings;
    std::vector<PreparedBlock> blocks;
    PreparedContents contents;
    bool hasContents = false;
};

Prepared prepare(const DocumentContent &content, const PageGeometry &geometry, const ReportFonts &fonts)
{
    Prepared prepared;
    const double width = geometry.body.width();
    const double height = geometry.body.height();
    int chapter = 0;
    int section = 0;
    for (const Block &block : content.blocks) {
        if (const auto *heading = std::get_if<HeadingBlock>(&block)) {
            QString number;
            if (heading->level == 1) {
                ++chapter;
                section = 0;
                number = QString::number(chapter);
            } else if (heading->level == 2) {
                ++section;
                number = chapter > 0 ? QString::number(chapter) + QLatin1Char('.') + QString::number(section)
                                     : QString::number(section);
            }
            prepared.blocks.emplace_back(HeadingRef{prepared.headings.size()});
            prepared.headings.push_back(prepareHeading(*heading, number, width, fonts));
        } else if (const auto *paragraph = std::get_if<ParagraphBlock>(&block)) {
            prepared.blocks.emplace_back(prepareParagraph(*paragraph, width, fonts));
        } else if (const auto *list = std::get_if<KeyValuesBlock>(&block)) {
            prepared.blocks.emplace_back(prepareKeyValues(*list, width, fonts));
        } else if (const auto *table = std::get_if<TableBlock>(&block)) {
            prepared.blocks.emplace_back(prepareTable(table->table, geometry.body.left(), width, height, fonts));
        } else if (const auto *figure = std::get_if<FigureBlock>(&block)) {
            prepared.blocks.emplace_back(prepareFigure(*figure, width, height, fonts));
        } else if (std::holds_alternative<ContentsBlock>(block)) {
            prepared.blocks.emplace_back(ContentsRef{});
            prepared.hasContents = true;
        } else {
            prepared.blocks.emplace_back(BreakRef{});
        }
    }
    if (prepared.hasContents)
        prepared.contents = prepareContents(prepared.headings, width, fonts);
    return prepared;
}

// The current page and the pen's position on it.
class Flow
{
public:
    Flow(const PageGeometry &geometry, std::vector<LaidOutPage> &pages)
        : m_geometry(geometry)
        , m_pages(pages)
    {
        if (m_pages.empty()) {
            newPage();
        } else {
            // After the cover: it is a page of its own.
            m_hasContent = true;
            m_breakPending = true;
        }
    }

    LaidOutPage &page() { return m_pages.back(); }
    [[nodiscard]] int pageNumber() const { return static_cast<int>(m_pages.size()); }
    [[nodiscard]] double y() const { return m_y; }
    [[nodiscard]] double bottom() const { return m_geometry.body.bottom(); }
    [[nodiscard]] bool hasContent() const { return m_hasContent; }
    [[nodiscard]] bool fits(double height) const { return m_y + height <= bottom() + epsilon; }
    /// The gap a block with `spaceBefore` gets here (none at the top of a page or after a requested break).
    [[nodiscard]] double gap(double spaceBefore) const
    {
        return m_hasContent && !m_breakPending ? std::max(spaceBefore, m_lastSpaceAfter) : 0.0;
    }

    /// The next block starts a new page (unless this one is still empty).
    void requestBreak()
    {
        if (m_hasContent)
            m_breakPending = true;
    }
    /// Makes room for a block whose first `height` points must stay together; returns its top.
    double reserve(double spaceBefore, double height)
    {
        if (m_breakPending)
            newPage();
        double space = gap(spaceBefore);
        if (m_hasContent && !fits(space + height)) {
            newPage();
            space = 0;
        }
        m_y += space;
        return m_y;
    }
    /// Within a block: a new page when the next `height` points do not fit.
    bool ensure(double height)
    {
        if (fits(height) || !m_hasContent)
            return false;
        newPage();
        return true;
    }
    void advance(double height, double spaceAfter = 0)
    {
        m_y += height;
        m_hasContent = true;
        m_lastSpaceAfter = spaceAfter;
    }
    void newPage()
    {
        m_pages.emplace_back();
        m_y = m_geometry.body.top();
        m_hasContent = false;
        m_breakPending = false;
        m_lastSpaceAfter = 0;
    }

private:
    const PageGeometry &m_geometry;
    std::vector<LaidOutPage> &m_pages;
    double m_y = 0;
    bool m_hasContent = false;
    bool m_breakPending = false;
    double m_lastSpaceAfter = 0;
};

class Placer
{
public:
    Placer(const Prepared &prepared, const PageGeometry &geometry, const ReportFonts &fonts,
           const std::vector<int> &headingPages)
        : m_prepared(prepared)
        , m_geometry(geometry)
        , m_fonts(fonts)
        , m_headingPages(headingPages)
        , m_left(geometry.body.left())
        , m_width(geometry.body.width())
    {
    }

    void place(std::vector<LaidOutPage> &pages, std::vector<int> &placedHeadingPages)
    {
        Flow flow(m_geometry, pages);
        placedHeadingPages.assign(m_prepared.headings.size(), 0);
        for (std::size_t i = 0; i < m_prepared.blocks.size(); ++i) {
            const PreparedBlock &block = m_prepared.blocks[i];
            const bool afterHeading = m_lastWasHeading;
            m_lastWasHeading = false;
            if (const auto *ref = std::get_if<HeadingRef>(&block)) {
                placeHeading(flow, i, m_prepared.headings[ref->index]);
                placedHeadingPages[ref->index] = flow.pageNumber();
                m_lastWasHeading = true;
            } else if (const auto *paragraph = std::get_if<PreparedParagraph>(&block)) {
                placeParagraph(flow, *paragraph);
            } else if (const auto *list = std::get_if<PreparedKeyValues>(&block)) {
                placeKeyValues(flow, *list);
            } else if (const auto *table = std::get_if<PreparedTable>(&block)) {
                placeTable(flow, *table);
            } else if (const auto *figure = std::get_if<PreparedFigure>(&block)) {
                placeFigure(flow, *figure, afterHeading);
            } else if (std::holds_alternative<ContentsRef>(block)) {
                placeContents(flow);
            } else {
                flow.requestBreak();
            }
        }
    }

private:
    static double spaceBefore(const PreparedBlock &block, const Prepared &prepared)
    {
        if (const auto *ref = std::get_if<HeadingRef>(&block))
            return prepared.headings[ref->index].spaceBefore;
        if (const auto *paragraph = std::get_if<PreparedParagraph>(&block))
            return paragraph->style == ParagraphStyle::Alert ? alertSpaceBefore : 0.0;
        if (std::holds_alternative<PreparedTable>(block))
            return tableSpaceBefore;
        if (std::holds_alternative<PreparedFigure>(block))
            return figureSpaceBefore;
        if (std::holds_alternative<PreparedKeyValues>(block))
            return keyValuesSpaceBefore;
        return 0.0;
    }

    static double tableRowNeed(const PreparedTable &table, std::size_t index)
    {
        double need = table.rows[index].height;
        if (table.rows[index].style == RowStyle::Group && index + 1 < table.rows.size())
            need += table.rows[index + 1].height; // a group label never ends a page
        if (index + 1 == table.rows.size())
            need += table.captionHeight; // the last row keeps its caption
        return need;
    }

    // How much of block `index` must share a page with a heading just before it.
    double leadHeight(std::size_t index, int depth) const
    {
        if (index >= m_prepared.blocks.size() || depth > 3)
            return 0;
        const PreparedBlock &block = m_prepared.blocks[index];
        const double body = m_geometry.body.height();
        if (const auto *ref = std::get_if<HeadingRef>(&block)) {
            const PreparedHeading &heading = m_prepared.headings[ref->index];
            if (heading.level == 1)
                return 0;
            const double next = index + 1 < m_prepared.blocks.size() ? spaceBefore(m_prepared.blocks[index + 1], m_prepared) : 0;
            return heading.height + std::max(heading.spaceAfter, next) + leadHeight(index + 1, depth + 1);
        }
        if (const auto *paragraph = std::get_if<PreparedParagraph>(&block))
            return static_cast<double>(std::min<std::size_t>(paragraph->lines.size(), 2)) * paragraph->leading;
        if (const auto *list = std::get_if<PreparedKeyValues>(&block))
            return list->height <= body || list->rows.empty() ? list->height : list->rows.front().height;
        if (const auto *table = std::get_if<PreparedTable>(&block)) {
            if (table->columnWidth.empty())
                return table->captionHeight;
            return table->header.height + (table->rows.empty() ? table->captionHeight : tableRowNeed(*table, 0));
        }
        if (const auto *figure = std::get_if<PreparedFigure>(&block))
            return figure->totalHeight(figure->fitScale);
        if (std::holds_alternative<ContentsRef>(block))
            return 0; // the contents start their own page
        return 0;
    }

    void placeHeading(Flow &flow, std::size_t index, const PreparedHeading &heading)
    {
        if (heading.level == 1)
            flow.requestBreak();
        const double next = index + 1 < m_prepared.blocks.size() ? spaceBefore(m_prepared.blocks[index + 1], m_prepared) : 0;
        const double keep = heading.height + std::max(heading.spaceAfter, next) + leadHeight(index + 1, 0);
        // What cannot fit even a whole page is kept as far as it can be: at least the heading itself.
        const double top = flow.reserve(heading.spaceBefore, std::min(keep, m_geometry.body.height() * 0.9));
        addHeading(flow.page(), heading, m_left, m_width, top, m_fonts);
        flow.advance(heading.height, heading.spaceAfter);
    }

    void placeParagraph(Flow &flow, const PreparedParagraph &paragraph)
    {
        const std::size_t count = paragraph.lines.size();
        if (count == 0)
            return;
        const double leading = paragraph.leading;
        const bool alert = paragraph.style == ParagraphStyle::Alert;
        const double lead = static_cast<double>(std::min<std::size_t>(count, 2)) * leading;
        flow.reserve(alert ? alertSpaceBefore : 0.0, lead);
        double segmentTop = flow.y();
        std::size_t segmentOps = flow.page().ops.size();
        for (std::size_t i = 0; i < count; ++i) {
            // Never leave one line alone at the top of the next page: take two along.
            const bool widow = count - i == 2 && i >= 2 && !flow.fits(2 * leading);
            if (i > 0 && (!flow.fits(leading) || widow)) {
                if (alert)
                    addAlertBackground(flow.page(), segmentOps, m_left, m_width, segmentTop, flow.y());
                flow.newPage();
                segmentTop = flow.y();
                segmentOps = flow.page().ops.size();
            }
            addParagraphLine(flow.page(), paragraph, i, m_left, flow.y(), m_fonts);
            flow.advance(leading);
        }
        if (alert)
            addAlertBackground(flow.page(), segmentOps, m_left, m_width, segmentTop, flow.y());
        flow.advance(0, paragraph.spaceAfter);
    }

    void placeKeyValues(Flow &flow, const PreparedKeyValues &list)
    {
        if (list.rows.empty())
            return;
        const bool together = list.height <= m_geometry.body.height();
        flow.reserve(keyValuesSpaceBefore, together ? list.height : list.rows.front().height);
        for (std::size_t i = 0; i < list.rows.size(); ++i) {
            if (i > 0)
                flow.ensure(list.rows[i].height);
            addKeyValueRow(flow.page(), list, i, m_left, flow.y(), m_fonts);
            flow.advance(list.rows[i].height);
        }
        flow.advance(0, keyValuesSpaceAfter);
    }

    void placeTable(Flow &flow, const PreparedTable &table)
    {
        if (table.columnWidth.empty()) {
            if (table.captionHeight > 0) {
                const double top = flow.reserve(tableSpaceBefore, table.captionHeight);
                flow.advance(addTableCaption(flow.page(), table, top, m_fonts), tableSpaceAfter);
            }
            return;
        }
        const double first = table.rows.empty() ? table.captionHeight : tableRowNeed(table, 0);
        flow.reserve(tableSpaceBefore, table.header.height + first);
        flow.advance(addTableHeader(flow.page(), table, flow.y(), m_fonts));
        std::size_t rowsOnPage = 0;
        for (std::size_t i = 0; i < table.rows.size(); ++i) {
            if (rowsOnPage > 0 && !flow.fits(tableRowNeed(table, i))) {
                addTableEnd(flow.page(), table, flow.y());
                flow.newPage();
                flow.advance(addTableHeader(flow.page(), table, flow.y(), m_fonts));
                rowsOnPage = 0;
            }
            flow.advance(addTableRow(flow.page(), table, i, flow.y(), m_fonts));
            ++rowsOnPage;
        }
        addTableEnd(flow.page(), table, flow.y());
        if (table.captionHeight > 0) {
            flow.ensure(table.captionHeight);
            flow.advance(addTableCaption(flow.page(), table, flow.y(), m_fonts));
        }
        flow.advance(0, tableSpaceAfter);
    }

    void placeFigure(Flow &flow, const PreparedFigure &figure, bool afterHeading)
    {
        if (figure.height <= 0 && figure.captionHeight <= 0)
            return;
        double scale = figure.fitScale;
        const double space = flow.gap(figureSpaceBefore);
        if (afterHeading && flow.hasContent() && !flow.fits(space + figure.totalHeight(scale)) && figure.height > 0) {
            // Right under its heading: shrink a little rather than leave the heading alone.
            const double room = flow.bottom() - flow.y() - space - figure.captionHeight;
            const double shrunk = room / figure.height;
            if (shrunk >= figure.fitScale * 0.5)
                scale = shrunk;
        }
        const double top = flow.reserve(figureSpaceBefore, figure.totalHeight(scale));
        addFigure(flow.page(), figure, scale, m_left, m_width, top, m_fonts);
        flow.advance(figure.totalHeight(scale), figureSpaceAfter);
    }

    void placeContents(Flow &flow)
    {
        const PreparedContents &contents = m_prepared.contents;
        flow.requestBreak();
        const double first = contents.entries.empty() ? 0.0 : contents.entries.front().height;
        const double top = flow.reserve(0, contents.title.height + contents.title.spaceAfter + first);
        addHeading(flow.page(), contents.title, m_left, m_width, top, m_fonts);
        flow.advance(contents.title.height, contents.title.spaceAfter);
        for (const PreparedContentsEntry &entry : contents.entries) {
            const double entryTop = flow.reserve(entry.spaceBefore, entry.height);
            const int page = entry.headingIndex < m_headingPages.size() ? m_headingPages[entry.headingIndex] : 0;
            addContentsEntry(flow.page(), entry, page, m_left, m_width, entryTop, m_fonts);
            flow.advance(entry.height);
        }
        flow.advance(0, tableSpaceAfter);
    }

    const Prepared &m_prepared;
    const PageGeometry &m_geometry;
    const ReportFonts &m_fonts;
    const std::vector<int> &m_headingPages;
    double m_left;
    double m_width;
    bool m_lastWasHeading = false;
};

} // namespace

LaidOutDocument paginate(const DocumentContent &content, PaperSize paper, const ReportFonts &fonts)
{
    LaidOutDocument document;
    document.geometry = pageGeometry(paper);
    document.chrome = {content.headerLeft, content.headerRight, content.footer};
    const Prepared prepared = prepare(content, document.geometry, fonts);

    // Contents pages show heading pages from the previous pass; repeat until nothing moves.
    std::vector<int> headingPages(prepared.headings.size(), 0);
    for (int pass = 0; pass < maxContentsPasses; ++pass) {
        document.pages.clear();
        if (content.cover) {
            document.pages.emplace_back();
            addCover(document.pages.back(), *content.cover, document.geometry, fonts);
        }
        std::vector<int> placed;
        Placer(prepared, document.geometry, fonts, headingPages).place(document.pages, placed);
        const bool settled = placed == headingPages;
        headingPages = std::move(placed);
        if (settled || !prepared.hasContents)
            break;
    }

    document.headings.reserve(prepared.headings.size());
    for (std::size_t i = 0; i < prepared.headings.size(); ++i) {
        const PreparedHeading &heading = prepared.headings[i];
        document.headings.push_back({heading.level, heading.number, heading.text, headingPages[i]});
    }
    return document;
}

} // namespace iovplan::reports::pagelayout
