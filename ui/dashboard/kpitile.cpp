#include "kpitile.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace iovplan::ui {

namespace {

QFont scaled(QFont font, double factor, bool bold)
{
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * factor);
    else
        font.setPixelSize(static_cast<int>(font.pixelSize() * factor));
    font.setBold(bold);
    return font;
}

} // namespace

KpiTile::KpiTile(QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_value(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_caption(new QLabel(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    m_title->setFont(scaled(font(), 1.0, true));
    m_value->setFont(scaled(font(), 1.6, true));
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_caption->setFont(scaled(font(), 0.85, false));
    m_caption->setWordWrap(true);
    m_detail->setWordWrap(true);
    m_caption->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(2);
    layout->addWidget(m_title);
    layout->addWidget(m_value);
    layout->addWidget(m_detail);
    layout->addWidget(m_caption, 1);
    applyColours();
}

void KpiTile::setFigure(const KpiFigure &figure)
{
    m_figure = figure;
    setObjectName(QStringLiteral("kpi-") + figure.id);
    m_title->setText(figure.title);
    m_value->setText(figure.value);
    m_detail->setText(figure.detail);
    m_detail->setVisible(!figure.detail.isEmpty());
    m_caption->setText(figure.caption);
    setToolTip(figure.caption);
    applyColours();
}

QString KpiTile::valueText() const
{
    return m_value->text();
}

QString KpiTile::detailText() const
{
    return m_detail->text();
}

QString KpiTile::captionText() const
{
    return m_caption->text();
}

void KpiTile::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyColours();
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
    QPalette textPalette = p;
    textPalette.setColor(QPalette::WindowText, p.color(QPalette::Text));
    m_title->setPalette(textPalette);
    m_detail->setPalette(textPalette);
    QPalette captionPalette = p;
    captionPalette.setColor(QPalette::WindowText, p.color(QPalette::PlaceholderText));
    m_caption->setPalette(captionPalette);
}

} // namespace iovplan::ui
