#pragma once
// The pages of a report as a scrollable vertical list (docs/gui-export.md): each page scaled to the width of
// the view, its number under it, a placeholder until its image arrives. A view only: the export dialog
// renders the pages (off the GUI thread) and hands them in.

#include <QAbstractScrollArea>
#include <QImage>
#include <QSizeF>

#include <vector>

namespace iovplan::ui {

/// A vertical list of page images with page numbers.
class ReportPreview : public QAbstractScrollArea
{
    Q_OBJECT

public:
    explicit ReportPreview(QWidget *parent = nullptr);

    /// Shows `count` empty pages of `paperInches` (width, height) proportions; images come with setPageImage.
    void setPages(int count, QSizeF paperInches);
    /// The rendered page `index`; ignored when out of range.
    void setPageImage(int index, const QImage &image);
    /// No pages; `message` centred instead (e.g. why there is nothing to preview).
    void showMessage(const QString &message);

    [[nodiscard]] int pageCount() const { return static_cast<int>(m_images.size()); }
    [[nodiscard]] int renderedPageCount() const;
    /// Page `index`'s image as rendered (null while still rendering).
    [[nodiscard]] QImage pageImage(int index) const;
    [[nodiscard]] QString message() const { return m_message; }
    /// The page most of the view's upper part shows (0-based); -1 without pages.
    [[nodiscard]] int currentPage() const;
    void scrollToPage(int index);
    /// The dots per inch at which a page fills the view's width on this screen (what to render at).
    [[nodiscard]] double fittingDpi() const;
    /// Where page `index` is drawn, in viewport coordinates.
    [[nodiscard]] QRect pageRect(int index) const;

Q_SIGNALS:
    void currentPageChanged(int index);
    /// The view's width changed, and with it fittingDpi().
    void widthChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    [[nodiscard]] int pageWidth() const;
    [[nodiscard]] int pageHeight() const;
    [[nodiscard]] int pageStride() const; ///< one page with its caption and the gap below
    void updateScrollBar();
    void emitCurrentPage();

    std::vector<QImage> m_images;
    QSizeF m_paperInches { 8.27, 11.69 };
    QString m_message;
    int m_lastCurrentPage = -1;
};

} // namespace iovplan::ui
