#pragma once
// A paged report document: a flow of blocks (cover, contents, headings, paragraphs, tables, figures) laid
// out onto pages of a chosen paper size, with a running header, "Page X of Y" footers and a table of
// contents whose page numbers come from the layout itself. Written to PDF with QPdfWriter (vector text,
// fonts embedded) or rendered page by page for a preview. Knows nothing of IOV Planner's domain.

#include "reports/reportfigure.h"

#include <QByteArray>
#include <QImage>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace iovplan::reports {

/// The paper sizes reports are made for.
enum class PaperSize { A4, Letter };
/// "A4" or "Letter".
[[nodiscard]] QString paperSizeName(PaperSize paper);
/// The size named `name` ("A4", "letter", any case); none for anything else.
[[nodiscard]] std::optional<PaperSize> paperSizeFromName(const QString &name);

/// How a paragraph reads.
enum class ParagraphStyle {
    Body, ///< running text
    Note, ///< smaller, muted: sources, footnotes, model notes
    Alert, ///< a problem or a missed target: the alert colour, bold lead
    Lead, ///< larger: the executive summary's opening statement
};

/// How a table row reads.
enum class RowStyle {
    Normal,
    Group, ///< a label row spanning the table (first cell only), e.g. a BOM category
    Subtotal, ///< bold, rule above
    Total, ///< bold, heavier rule above
};

/// A column of a table.
struct TableColumn
{
    QString title;
    Qt::Alignment alignment = Qt::AlignLeft; ///< numbers: Qt::AlignRight
    double weight = 1.0; ///< share of the table width relative to the other columns (> 0)
};

/// A row of a table: one cell per column (missing cells are empty). Cells wrap within their column.
struct TableRow
{
    QStringList cells;
    RowStyle style = RowStyle::Normal;
    bool marked = false; ///< highlighted (e.g. the better value, a bottleneck): bold in the accent colour
};

/// A table; on a page break the header row repeats and a row never splits across pages.
struct ReportTable
{
    std::vector<TableColumn> columns;
    std::vector<TableRow> rows;
    QString caption; ///< under the table, Note style; may be empty
};

/// The cover page: title, subtitle and a block of labelled lines ("Project", "Date", "Author", ...).
struct ReportCover
{
    QString title;
    QString subtitle;
    std::vector<std::pair<QString, QString>> lines;
    QString note; ///< small print at the foot of the cover (e.g. how the figures were computed)
};

/// PDF document information.
struct ReportMetadata
{
    QString title;
    QString author;
    QString subject;
    QString creator; ///< the program and version
};

/// One laid-out heading: where the table of contents points.
struct LaidOutHeading
{
    int level = 1;
    QString number; ///< "2", "2.3"
    QString text;
    int page = 0; ///< 1-based page number
};

/// What a layout produced: how many pages and where each heading landed.
struct ReportLayoutSummary
{
    int pageCount = 0;
    std::vector<LaidOutHeading> headings;
};

/// The report being built, then laid out and written. Build it once, lay it out for any paper size.
class ReportDocument
{
public:
    /// An empty document: laid out, it is one blank page with header and footer.
    ReportDocument();
    ~ReportDocument();
    ReportDocument(ReportDocument &&) noexcept;
    ReportDocument &operator=(ReportDocument &&) noexcept;

    void setMetadata(const ReportMetadata &metadata);
    /// The running header on every page after the cover: `left` (e.g. the project) and `right` (e.g. the
    /// report date). The footer shows `footer` on the left and "Page X of Y" on the right.
    void setRunningHeader(const QString &left, const QString &right);
    void setFooter(const QString &footer);

    /// The cover: always the first page, without header or footer.
    void setCover(const ReportCover &cover);
    /// A table of contents listing level-1 and level-2 headings with their numbers and page numbers.
    void addTableOfContents();
    /// A heading. Level 1 starts a new page; levels 1-2 are numbered ("3", "3.2") and listed in the
    /// contents; level 3 is an unnumbered sub-heading. A heading never ends a page (kept with what follows).
    void addHeading(int level, const QString &text);
    void addParagraph(const QString &text, ParagraphStyle style = ParagraphStyle::Body);
    /// A two-column list of labels and values (the labels bold), kept together on one page when it fits.
    void addKeyValues(const std::vector<std::pair<QString, QString>> &pairs);
    void addTable(const ReportTable &table);
    /// A figure as wide as the text (or `maxWidthShare` of it), with its caption under it; moved to the
    /// next page when it does not fit the rest of this one, scaled down to fit a whole page if taller.
    void addFigure(std::shared_ptr<const ReportFigure> figure, const QString &caption, double maxWidthShare = 1.0);
    /// Ends the page.
    void addPageBreak();

    /// Lays the document out on `paper`: the page count and every heading's page (all levels; page
    /// numbers are physical, the cover is page 1). The last layout is cached until the document changes,
    /// so layout/toPdf/renderPage in a row lay out once. Const methods may run on a worker thread.
    [[nodiscard]] ReportLayoutSummary layout(PaperSize paper) const;
    /// The document as PDF bytes (QPdfWriter; vector text with the fonts embedded).
    [[nodiscard]] QByteArray toPdf(PaperSize paper) const;
    /// Writes the PDF to `path` atomically (QSaveFile: a failed write leaves the old file). Returns an
    /// error message ("PATH: reason") or an empty string.
    [[nodiscard]] QString writePdf(const QString &path, PaperSize paper) const;
    /// Page `index` (0-based) rendered at `dpi` on white, for previews, by the same painting code as the
    /// PDF. A null image for an index out of range or a dpi that is not positive; dpi is clamped to 10..600.
    [[nodiscard]] QImage renderPage(PaperSize paper, int index, double dpi) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace iovplan::reports
