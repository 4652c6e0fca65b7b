#pragma once
// The report's typography, colours and page geometry in one place, so every block reads the same and a
// restyle is one edit. Internal to reports/layout/.

#include "reports/layout/reportdocument.h"

#include <QColor>
#include <QFont>
#include <QFontMetricsF>
#include <QImage>
#include <QRectF>
#include <QSizeF>

#include <array>
#include <cstddef>
#include <vector>

namespace iovplan::reports::pagelayout {

/// The text styles a page uses; every piece of text names one.
enum class FontRole {
    Body,
    BodyBold,
    Lead,
    Note,
    NoteBold,
    Table,
    TableBold,
    Heading1,
    Heading2,
    Heading3,
    Title,
    Subtitle,
    Chrome, ///< running header and footer
};
inline constexpr std::size_t fontRoleCount = 13;

/// Size, weight and line pitch (baseline to baseline) of a role, in points.
struct FontSpec
{
    double size = 10.0;
    bool bold = false;
    double leading = 14.0;
};
[[nodiscard]] FontSpec fontSpec(FontRole role);

/// The report's print-friendly colours (dark text on white, light tints only for fills).
struct ReportColors
{
    static QColor text() { return QColor(0x1f, 0x24, 0x2b); }
    static QColor muted() { return QColor(0x5b, 0x63, 0x6e); }
    static QColor heading() { return QColor(0x17, 0x36, 0x5d); }
    static QColor accent() { return QColor(0x0b, 0x53, 0x94); }
    static QColor alert() { return QColor(0xa3, 0x1d, 0x1d); }
    static QColor alertTint() { return QColor(0xfb, 0xee, 0xee); }
    static QColor rule() { return QColor(0xb4, 0xbc, 0xc6); }
    static QColor strongRule() { return QColor(0x3a, 0x42, 0x4c); }
    static QColor headerFill() { return QColor(0xe4, 0xea, 0xf1); }
    static QColor groupFill() { return QColor(0xee, 0xf1, 0xf5); }
    static QColor zebraFill() { return QColor(0xf6, 0xf8, 0xfa); }
};

/// Fonts in the report family and their metrics, measured on a 72 dpi device so that one unit is one
/// point everywhere: the PDF writer and the preview painter resolve fonts at 72 dpi too, so what is
/// measured here is what is drawn. Not shared across threads (Qt's font engines are per thread).
class ReportFonts
{
public:
    ReportFonts();

    [[nodiscard]] const QFont &font(FontRole role) const { return m_fonts[index(role)]; }
    [[nodiscard]] double advance(FontRole role, const QString &text) const;
    [[nodiscard]] double ascent(FontRole role) const { return m_ascent[index(role)]; }
    [[nodiscard]] double leading(FontRole role) const { return m_leading[index(role)]; }
    /// Where the baseline sits below the top of a line box `leading(role)` tall (text centred in it).
    [[nodiscard]] double baselineOffset(FontRole role) const { return m_baseline[index(role)]; }
    /// `text` cut to `width` with an ellipsis.
    [[nodiscard]] QString elided(FontRole role, const QString &text, double width) const;

private:
    static std::size_t index(FontRole role) { return static_cast<std::size_t>(role); }

    QImage m_device; ///< the 72 dpi device the metrics belong to
    std::vector<QFont> m_fonts;
    std::vector<QFontMetricsF> m_metrics;
    std::array<double, fontRoleCount> m_ascent{};
    std::array<double, fontRoleCount> m_leading{};
    std::array<double, fontRoleCount> m_baseline{};
};

/// Where things go on a page, in points from the top-left corner.
struct PageGeometry
{
    QSizeF size; ///< the paper
    QRectF body; ///< where blocks flow
    double headerBaseline = 0;
    double headerRule = 0;
    double footerRule = 0;
    double footerBaseline = 0;
};
/// A4 595.276 x 841.89 pt or Letter 612 x 792 pt with ~54 pt side margins.
[[nodiscard]] PageGeometry pageGeometry(PaperSize paper);

} // namespace iovplan::reports::pagelayout
