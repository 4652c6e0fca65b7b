#include "reports/layout/reportstyle.h"

#include "reports/layout/reportfonts.h"

#include <algorithm>

namespace iovplan::reports::pagelayout {

FontSpec fontSpec(FontRole role)
{
    switch (role) {
    case FontRole::Body: return {10.0, false, 14.0};
    case FontRole::BodyBold: return {10.0, true, 14.0};
    case FontRole::Lead: return {12.5, false, 17.5};
    case FontRole::Note: return {8.5, false, 11.5};
    case FontRole::NoteBold: return {8.5, true, 11.5};
    case FontRole::Table: return {8.5, false, 11.0};
    case FontRole::TableBold: return {8.5, true, 11.0};
    case FontRole::Heading1: return {18.0, true, 23.0};
    case FontRole::Heading2: return {13.0, true, 17.0};
    case FontRole::Heading3: return {10.5, true, 14.0};
    case FontRole::Title: return {28.0, true, 34.0};
    case FontRole::Subtitle: return {15.0, false, 20.0};
    case FontRole::Chrome: return {7.5, false, 10.0};
    }
    return {};
}

ReportFonts::ReportFonts()
    : m_device(1, 1, QImage::Format_RGB32)
{
    // 2835 dots per metre is what QImage reports as 72 dpi (rounded), so point sizes are pixel sizes.
    m_device.setDotsPerMeterX(2835);
    m_device.setDotsPerMeterY(2835);
    const QString family = reportFontFamily();
    m_fonts.reserve(fontRoleCount);
    m_metrics.reserve(fontRoleCount);
    for (std::size_t i = 0; i < fontRoleCount; ++i) {
        const FontSpec spec = fontSpec(static_cast<FontRole>(i));
        QFont font(family);
        font.setPointSizeF(spec.size);
        font.setBold(spec.bold);
        // Unhinted outlines: the same advances on paper, in the PDF and at any preview zoom.
        font.setHintingPreference(QFont::PreferNoHinting);
        // A letter spacing of exactly 100 % changes no advance but makes Qt's shaper drop ligatures, so
        // "fi" stays two letters that pdftotext, search and copy-paste read as "fi" (not U+FB01).
        font.setLetterSpacing(QFont::PercentageSpacing, 100.0);
        m_fonts.push_back(font);
        m_metrics.emplace_back(font, &m_device);
        const QFontMetricsF &metrics = m_metrics.back();
        m_ascent[i] = metrics.ascent();
        m_leading[i] = std::max(spec.leading, metrics.height());
        m_baseline[i] = (m_leading[i] - (metrics.ascent() + metrics.descent())) / 2.0 + metrics.ascent();
    }
}

double ReportFonts::advance(FontRole role, const QString &text) const
{
    return m_metrics[index(role)].horizontalAdvance(text);
}

QString ReportFonts::elided(FontRole role, const QString &text, double width) const
{
    return m_metrics[index(role)].elidedText(text, Qt::ElideRight, std::max(width, 0.0));
}

PageGeometry pageGeometry(PaperSize paper)
{
    PageGeometry geometry;
    geometry.size = paper == PaperSize::Letter ? QSizeF(612.0, 792.0) : QSizeF(595.276, 841.89);
    const double side = 54.0;
    const double top = 70.0;
    const double bottom = 62.0;
    geometry.body = QRectF(side, top, geometry.size.width() - 2 * side, geometry.size.height() - top - bottom);
    geometry.headerBaseline = 40.0;
    geometry.headerRule = 46.0;
    geometry.footerRule = geometry.size.height() - 44.0;
    geometry.footerBaseline = geometry.size.height() - 32.0;
    return geometry;
}

} // namespace iovplan::reports::pagelayout
