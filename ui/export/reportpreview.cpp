#include "reportpreview.h"

#include <QPaintEvent>
#include <QResizeEvent>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>
#include <cmath>

namespace iovplan::ui {

namespace {

constexpr int margin = 16; ///< around the column of pages, in pixels
constexpr int gap = 14; ///< below each page's number
constexpr int minimumPageWidth = 60;

} // namespace

ReportPreview::ReportPreview(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    verticalScrollBar()->setSingleStep(40);
    setFocusPolicy(Qt::StrongFocus); // scrolls with the keyboard
}

void ReportPreview::setPages(int count, QSizeF paperInches)
{
    m_message.clear();
    m_images.assign(static_cast<std::size_t>(std::max(0, count)), QImage());
    if (paperInches.width() > 0 && paperInches.height() > 0)
        m_paperInches = paperInches;
    updateScrollBar();
    viewport()->update();
    emitCurrentPage();
}

void ReportPreview::setPageImage(int index, const QImage &image)
{
    if (index < 0 || index >= pageCount())
        return;
    m_images[static_cast<std::size_t>(index)] = image;
    viewport()->update(pageRect(index));
}

void ReportPreview::showMessage(const QString &message)
{
    m_images.clear();
    m_message = message;
    updateScrollBar();
    viewport()->update();
    emitCurrentPage();
}

int ReportPreview::renderedPageCount() const
{
    return static_cast<int>(std::count_if(m_images.begin(), m_images.end(), [](const QImage &i) { return !i.isNull(); }));
}

QImage ReportPreview::pageImage(int index) const
{
    return index >= 0 && index < pageCount() ? m_images[static_cast<std::size_t>(index)] : QImage();
}

int ReportPreview::pageWidth() const
{
    return std::max(minimumPageWidth, viewport()->width() - 2 * margin);
}

int ReportPreview::pageHeight() const
{
    return static_cast<int>(std::lround(pageWidth() * m_paperInches.height() / m_paperInches.width()));
}

int ReportPreview::pageStride() const
{
    return pageHeight() + fontMetrics().height() + 6 + gap;
}

QRect ReportPreview::pageRect(int index) const
{
    const int x = std::max(margin, (viewport()->width() - pageWidth()) / 2);
    return { x, margin + index * pageStride() - verticalScrollBar()->value(), pageWidth(), pageHeight() };
}

int ReportPreview::currentPage() const
{
    if (m_images.empty())
        return -1;
    const int probe = verticalScrollBar()->value() + viewport()->height() / 3 - margin;
    return std::clamp(probe / std::max(1, pageStride()), 0, pageCount() - 1);
}

void ReportPreview::scrollToPage(int index)
{
    verticalScrollBar()->setValue(std::clamp(index, 0, std::max(0, pageCount() - 1)) * pageStride());
}

double ReportPreview::fittingDpi() const
{
    const double pixels = pageWidth() * devicePixelRatioF();
    return std::clamp(pixels / m_paperInches.width(), 36.0, 200.0);
}

void ReportPreview::updateScrollBar()
{
    const int content = m_images.empty() ? 0 : 2 * margin + pageCount() * pageStride() - gap;
    QScrollBar *bar = verticalScrollBar();
    bar->setRange(0, std::max(0, content - viewport()->height()));
    bar->setPageStep(viewport()->height());
}

void ReportPreview::emitCurrentPage()
{
    const int page = currentPage();
    if (page == m_lastCurrentPage)
        return;
    m_lastCurrentPage = page;
    Q_EMIT currentPageChanged(page);
}

void ReportPreview::resizeEvent(QResizeEvent *event)
{
    // Keep the same page at the top while the pages grow or shrink with the width.
    const int top = currentPage();
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBar();
    if (top > 0)
        scrollToPage(top);
    emitCurrentPage();
    if (event->size().width() != event->oldSize().width())
        Q_EMIT widthChanged();
}

void ReportPreview::scrollContentsBy(int, int)
{
    viewport()->update();
    emitCurrentPage();
}

void ReportPreview::paintEvent(QPaintEvent *event)
{
    QPainter painter(viewport());
    const QColor window = palette().color(QPalette::Window);
    const bool dark = window.lightness() < 128;
    painter.fillRect(event->rect(), dark ? window.darker(140) : window.darker(112));
    painter.setPen(palette().color(QPalette::WindowText));
    if (m_images.empty()) {
        painter.drawText(viewport()->rect().adjusted(margin, margin, -margin, -margin),
                         Qt::AlignCenter | Qt::TextWordWrap, m_message);
        return;
    }
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    const int first = std::max(0, (event->rect().top() + verticalScrollBar()->value() - margin) / pageStride());
    for (int index = first; index < pageCount(); ++index) {
        const QRect page = pageRect(index);
        if (page.top() > event->rect().bottom())
            break;
        // Paper on a backdrop: a soft edge so a white page reads on a light window too.
        painter.fillRect(page.translated(2, 2), QColor(0, 0, 0, dark ? 120 : 50));
        const QImage &image = m_images[static_cast<std::size_t>(index)];
        if (image.isNull()) {
            painter.fillRect(page, Qt::white);
            painter.setPen(QColor(0x80, 0x80, 0x80));
            painter.drawText(page, Qt::AlignCenter, tr("Rendering page %1…").arg(index + 1));
        } else {
            painter.drawImage(page, image);
        }
        painter.setPen(palette().color(QPalette::WindowText));
        const QRect caption(page.left(), page.bottom() + 4, page.width(), fontMetrics().height());
        painter.drawText(caption, Qt::AlignHCenter | Qt::AlignTop, tr("%1 / %2").arg(index + 1).arg(pageCount()));
    }
}

} // namespace iovplan::ui
