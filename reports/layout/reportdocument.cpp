#include "reports/layout/reportdocument.h"

#include "model/io/atomicfile.h"

#include "reports/layout/pagepainter.h"
#include "reports/layout/paginator.h"
#include "reports/layout/pdfdocumentinfo.h"
#include "reports/layout/reportblocks.h"

#include <QBuffer>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>
#include <cmath>
#include <mutex>

namespace iovplan::reports {

using namespace pagelayout;

QString paperSizeName(PaperSize paper)
{
    return paper == PaperSize::Letter ? QStringLiteral("Letter") : QStringLiteral("A4");
}

std::optional<PaperSize> paperSizeFromName(const QString &name)
{
    const QString key = name.trimmed();
    if (key.compare(QLatin1String("A4"), Qt::CaseInsensitive) == 0)
        return PaperSize::A4;
    if (key.compare(QLatin1String("Letter"), Qt::CaseInsensitive) == 0)
        return PaperSize::Letter;
    return std::nullopt;
}

struct ReportDocument::Private
{
    DocumentContent content;

    // The last layout, reused by previews that render page after page. Layouts hold no fonts (only
    // font roles), so a layout made on one thread paints on another.
    std::mutex cacheMutex;
    std::uint64_t revision = 0;
    std::uint64_t cachedRevision = 0;
    std::optional<PaperSize> cachedPaper;
    std::shared_ptr<const LaidOutDocument> cached;

    void changed() { ++revision; }

    std::shared_ptr<const LaidOutDocument> laidOut(PaperSize paper)
    {
        {
            const std::lock_guard<std::mutex> lock(cacheMutex);
            if (cached && cachedPaper == paper && cachedRevision == revision)
                return cached;
        }
        const ReportFonts fonts;
        auto document = std::make_shared<const LaidOutDocument>(paginate(content, paper, fonts));
        const std::lock_guard<std::mutex> lock(cacheMutex);
        cached = document;
        cachedPaper = paper;
        cachedRevision = revision;
        return document;
    }
};

ReportDocument::ReportDocument()
    : d(std::make_unique<Private>())
{
}

ReportDocument::~ReportDocument() = default;
ReportDocument::ReportDocument(ReportDocument &&) noexcept = default;
ReportDocument &ReportDocument::operator=(ReportDocument &&) noexcept = default;

void ReportDocument::setMetadata(const ReportMetadata &metadata)
{
    d->content.metadata = metadata;
    d->changed();
}

void ReportDocument::setRunningHeader(const QString &left, const QString &right)
{
    d->content.headerLeft = left;
    d->content.headerRight = right;
    d->changed();
}

void ReportDocument::setFooter(const QString &footer)
{
    d->content.footer = footer;
    d->changed();
}

void ReportDocument::setCover(const ReportCover &cover)
{
    d->content.cover = cover;
    d->changed();
}

void ReportDocument::addTableOfContents()
{
    d->content.blocks.emplace_back(ContentsBlock{});
    d->changed();
}

void ReportDocument::addHeading(int level, const QString &text)
{
    d->content.blocks.emplace_back(HeadingBlock{std::clamp(level, 1, 3), text});
    d->changed();
}

void ReportDocument::addParagraph(const QString &text, ParagraphStyle style)
{
    d->content.blocks.emplace_back(ParagraphBlock{text, style});
    d->changed();
}

void ReportDocument::addKeyValues(const std::vector<std::pair<QString, QString>> &pairs)
{
    d->content.blocks.emplace_back(KeyValuesBlock{pairs});
    d->changed();
}

void ReportDocument::addTable(const ReportTable &table)
{
    d->content.blocks.emplace_back(TableBlock{table});
    d->changed();
}

void ReportDocument::addFigure(std::shared_ptr<const ReportFigure> figure, const QString &caption, double maxWidthShare)
{
    const double share = std::isfinite(maxWidthShare) ? std::clamp(maxWidthShare, 0.1, 1.0) : 1.0;
    d->content.blocks.emplace_back(FigureBlock{std::move(figure), caption, share});
    d->changed();
}

void ReportDocument::addPageBreak()
{
    d->content.blocks.emplace_back(PageBreakBlock{});
    d->changed();
}

ReportLayoutSummary ReportDocument::layout(PaperSize paper) const
{
    const std::shared_ptr<const LaidOutDocument> document = d->laidOut(paper);
    return {static_cast<int>(document->pages.size()), document->headings};
}

QByteArray ReportDocument::toPdf(PaperSize paper) const
{
    const std::shared_ptr<const LaidOutDocument> document = d->laidOut(paper);
    const ReportMetadata &metadata = d->content.metadata;
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        // 72 dots per inch: one device unit is one point, and fonts resolve as they were measured.
        writer.setResolution(72);
        const QPageSize size(paper == PaperSize::Letter ? QPageSize::Letter : QPageSize::A4);
        writer.setPageLayout(QPageLayout(size, QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
        writer.setTitle(metadata.title);
        writer.setCreator(metadata.creator);
        QPainter painter;
        if (!painter.begin(&writer))
            return {};
        painter.setRenderHint(QPainter::Antialiasing);
        const ReportFonts fonts;
        for (std::size_t i = 0; i < document->pages.size(); ++i) {
            if (i > 0)
                writer.newPage();
            paintPage(painter, *document, i, fonts);
        }
        painter.end();
    }
    return withDocumentInfo(buffer.data(), metadata);
}

QString ReportDocument::writePdf(const QString &path, PaperSize paper) const
{
    if (path.isEmpty())
        return QStringLiteral("(no file name): no path given for the PDF");
    const QByteArray pdf = toPdf(paper);
    if (pdf.isEmpty())
        return path + QStringLiteral(": the PDF could not be produced");
    return io::writeFileAtomically(path, pdf);
}

QImage ReportDocument::renderPage(PaperSize paper, int index, double dpi) const
{
    if (!std::isfinite(dpi) || dpi <= 0)
        return {};
    const std::shared_ptr<const LaidOutDocument> document = d->laidOut(paper);
    if (index < 0 || static_cast<std::size_t>(index) >= document->pages.size())
        return {};
    const double resolution = std::clamp(dpi, 10.0, 600.0);
    const double scale = resolution / 72.0;
    const QSizeF points = document->geometry.size;
    QImage image(static_cast<int>(std::lround(points.width() * scale)),
                 static_cast<int>(std::lround(points.height() * scale)), QImage::Format_ARGB32_Premultiplied);
    // Painted at 72 dpi and scaled, so fonts resolve exactly as in the layout and the PDF.
    image.setDotsPerMeterX(2835);
    image.setDotsPerMeterY(2835);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
        painter.scale(scale, scale);
        const ReportFonts fonts;
        paintPage(painter, *document, static_cast<std::size_t>(index), fonts);
    }
    const int dotsPerMeter = static_cast<int>(std::lround(resolution / 0.0254));
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    return image;
}

} // namespace iovplan::reports
