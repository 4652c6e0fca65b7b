#include "itemsummary.h"

#include "catalogs/catalogfields.h"
#include "reports/figureformat.h"

#include <QLabel>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace iovplan::ui {

namespace {

/// "Typical power" from catalogfields' meaning ("typical power"), its parenthetical remarks left out
/// ("PCIe (or PCI-X) expansion slots" -> "PCIe expansion slots").
QString specLabel(const QString &field)
{
    const catalogs::SpecFieldDefinition *definition = catalogs::findSpecField(field);
    if (!definition || definition->meaning.isEmpty())
        return field;
    QString label = definition->meaning;
    label.remove(QRegularExpression(QStringLiteral(R"( \([^)]*\))")));
    label[0] = label[0].toUpper();
    return label;
}

QString valueText(const design::PinnedSpec &spec)
{
    QString value = spec.value;
    value.replace(u';', QStringLiteral(", "));
    if (spec.unit.isEmpty())
        return value;
    return value + QChar(0x00A0) + (spec.unit == u"us" ? QStringLiteral("µs") : spec.unit);
}

} // namespace

ItemSummary::ItemSummary(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_specs(new QLabel(this))
{
    for (QLabel *label : {m_title, m_specs}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::RichText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_specs);
}

QString ItemSummary::specsText() const
{
    return m_specs->text();
}

QString ItemSummary::titleText() const
{
    return m_title->text();
}

void ItemSummary::showItem(const design::PinnedCatalog &catalog, const QString &itemId)
{
    const auto it = catalog.find(itemId);
    if (it == catalog.end()) {
        m_title->setText(QStringLiteral("%1 — not pinned by the project").arg(itemId.toHtmlEscaped()));
        m_specs->clear();
        return;
    }
    const design::PinnedItem &item = it->second;
    QString title = QStringLiteral("<b>%1</b>").arg(design::displayName(item).toHtmlEscaped());
    if (!item.partNumber.isEmpty())
        title += QStringLiteral(" · %1").arg(item.partNumber.toHtmlEscaped());
    title += QStringLiteral("<br>%1").arg(reports::formatUsd(item.priceUsd));
    if (!item.priceDate.isEmpty())
        title += QStringLiteral(" (%1)").arg(item.priceDate.toHtmlEscaped());
    if (!item.priceSource.isEmpty())
        title += QStringLiteral(" — <i>%1</i>").arg(item.priceSource.toHtmlEscaped());
    m_title->setText(title);

    QString specs = QStringLiteral("<table cellspacing='0' cellpadding='2'>");
    for (const design::PinnedSpec &spec : item.specs) {
        specs += QStringLiteral("<tr><td style='padding-right:8px'>%1</td><td><b>%2</b><br><small>%3</small></td></tr>")
                     .arg(specLabel(spec.field).toHtmlEscaped(), valueText(spec).toHtmlEscaped(),
                          spec.source.toHtmlEscaped());
    }
    specs += QStringLiteral("</table>");
    m_specs->setText(specs);
}

} // namespace iovplan::ui
