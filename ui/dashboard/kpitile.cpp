#include "kpitile.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

namespace iovplan::ui {

namespace {

constexpr double valueScale = 1.45; // the headline value's font against the tile's
constexpr int horizontalMargin = 8;

QFont scaled(QFont font, double factor, bool bold)
{
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * factor);
    else
        font.setPixelSize(std::max(1, static_cast<int>(font.pixelSize() * factor)));
    font.setBold(bold);
    return font;
}

QString tooltipOf(const reports::KpiFigure &figure)
{
    // Rich text, so Qt wraps the caption instead of showing one screen-wide line.
    QString tip = QStringLiteral("<p><b>%1: %2</b>").arg(figure.title.toHtmlEscaped(), figure.value.toHtmlEscaped());
    if (!figure.detail.isEmpty())
        tip += QStringLiteral("<br>") + figure.detail.toHtmlEscaped();
    tip += QStringLiteral("</p>");
    if (!figure.caption.isEmpty())
        tip += QStringLiteral("<p>") + figure.caption.toHtmlEscaped() + QStringLiteral("</p>");
    return tip;
}

} // namespace

KpiTile::KpiTile(QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_value(new QLabel(this))
    , m_detail(new QLabel(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_title->setFont(scaled(font(), 0.92, true));
    m_value->setFont(scaled(font(), valueScale, true));
    m_detail->setFont(scaled(font(), 0.86, false));
    // Texts are fitted to the tile's width (fitTexts): never let a label's text widen the tile.
    for (QLabel *label : { m_title, m_value, m_detail }) {
        label->setMinimumWidth(1);
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    }
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(horizontalMargin, 5, horizontalMargin, 5);
    layout->setSpacing(1);
    layout->addWidget(m_title);
    layout->addWidget(m_value);
    layout->addWidget(m_detail);
    applyColours();
}

void KpiTile::setFigure(const reports::KpiFigure &figure)
{
    m_figure = figure;
    setObjectName(QStringLiteral("kpi-") + figure.id);
    setToolTip(tooltipOf(figure));
    fitTexts();
    applyColours();
}

QSize KpiTile::sizeHint() const
{
    return { 170, minimumSizeHint().height() };
}

QSize KpiTile::minimumSizeHint() const
{
    // Title, value and detail lines at their fonts, whatever the texts (an empty tile keeps its height).
    const int height = QFontMetrics(m_title->font()).height() + QFontMetrics(m_value->font()).height()
                       + QFontMetrics(m_detail->font()).height() + 2 + 10 + 2 * frameWidth();
    return { 120, height };
}

void KpiTile::resizeEvent(QResizeEvent *event)
{
    QFrame::resizeEvent(event);
    fitTexts();
}

void KpiTile::fitTexts()
{
    const int available = std::max(1, contentsRect().width() - 2 * horizontalMargin);
    // The value: shrink its font down to the tile's own size, then elide (the tooltip has the whole text).
    const QFont base = scaled(font(), valueScale, true);
    QFont valueFont = base;
    const double smallest = font().pointSizeF() > 0 ? font().pointSizeF() : 0.0;
    while (smallest > 0.0 && valueFont.pointSizeF() > smallest
           && QFontMetrics(valueFont).horizontalAdvance(m_figure.value) > available)
        valueFont.setPointSizeF(std::max(smallest, valueFont.pointSizeF() - 0.5));
    // Keep the line height of the full-size font, so tiles of one row stay aligned.
    m_value->setFixedHeight(QFontMetrics(base).height());
    m_value->setFont(valueFont);
    m_value->setText(QFontMetrics(valueFont).elidedText(m_figure.value, Qt::ElideRight, available));
    m_title->setText(QFontMetrics(m_title->font()).elidedText(m_figure.title, Qt::ElideRight, available));
    m_detail->setText(QFontMetrics(m_detail->font()).elidedText(m_figure.detail, Qt::ElideRight, available));
}

void KpiTile::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyColours();
    else if (event->type() == QEvent::FontChange) {
        m_title->setFont(scaled(font(), 0.92, true));
        m_detail->setFont(scaled(font(), 0.86, false));
        fitTexts();
        updateGeometry();
    }
}

void KpiTile::applyColours()
{
    // Foreground roles only, so the tile follows a light or dark palette; the alert colour is picked to be
    // readable on the palette's base.
    const QPalette p = palette();
    const bool dark = p.color(QPalette::Base).lightness() < 128;
    const QColor alert = dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
    QPalette valuePalette = p;
    valuePalette.setColor(QPalette::WindowText, m_figure.alert ? alert : p.color(QPalette::Text));
    valuePalette.setColor(QPalette::Text, m_figure.alert ? alert : p.color(QPalette::Text));
    m_value->setPalette(valuePalette);
    QPalette titlePalette = p;
    titlePalette.setColor(QPalette::WindowText, p.color(QPalette::Text));
    m_title->setPalette(titlePalette);
    // The detail is secondary: the placeholder role, readable in both themes but quieter than the value.
    QPalette detailPalette = p;
    detailPalette.setColor(QPalette::WindowText, p.color(QPalette::PlaceholderText));
    m_detail->setPalette(detailPalette);
}

} // namespace iovplan::ui
