#pragma once
// A laid-out page as a list of drawing operations in points: the layout produces it once and the PDF
// writer and the preview painter replay it, so both show exactly the same page. Internal to reports/layout/.

#include "reports/layout/reportstyle.h"
#include "reports/layout/textwrap.h"
#include "reports/reportfigure.h"

#include <QColor>
#include <QLineF>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <memory>
#include <variant>
#include <vector>

namespace iovplan::reports::pagelayout {

/// A run of text on one baseline.
struct TextOp
{
    QPointF baseline;
    QString text;
    FontRole font = FontRole::Body;
    QColor color;
};

/// A rule; `dotted` draws round dots (contents leaders).
struct LineOp
{
    QLineF line;
    double width = 0.5;
    QColor color;
    bool dotted = false;
};

/// A filled rectangle without outline (table fills, the alert tint).
struct RectOp
{
    QRectF rect;
    QColor fill;
};

/// A figure painted at its natural size and scaled into `target` (same aspect ratio).
struct FigureOp
{
    std::shared_ptr<const ReportFigure> figure;
    QRectF target;
    QSizeF natural;
};

using PageOp = std::variant<TextOp, LineOp, RectOp, FigureOp>;

/// One page: its operations in painting order; `chrome` is false on the cover (no header or footer).
struct LaidOutPage
{
    std::vector<PageOp> ops;
    bool chrome = true;
};

/// The running header and footer texts.
struct PageChrome
{
    QString headerLeft;
    QString headerRight;
    QString footer;
};

/// A whole document laid out: pages, headings with pages, and what the chrome says.
struct LaidOutDocument
{
    PageGeometry geometry;
    PageChrome chrome;
    std::vector<LaidOutPage> pages;
    std::vector<LaidOutHeading> headings;
};

/// Adds `line` with its left edge at `x` (or right-aligned/centred within `boxWidth`) on `baseline`.
void addTextLine(LaidOutPage &page, const TextLine &line, double x, double boxWidth, double baseline,
                 Qt::Alignment alignment, const QColor &color);

/// Adds the lines of a block starting at `top`, one every `leading` points; returns the height used.
double addTextLines(LaidOutPage &page, const std::vector<TextLine> &lines, double x, double boxWidth, double top,
                    const ReportFonts &fonts, Qt::Alignment alignment, const QColor &color);

} // namespace iovplan::reports::pagelayout
