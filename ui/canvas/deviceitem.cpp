#include "deviceitem.h"

#include "canvasstyle.h"
#include "cardmarkeritem.h"
#include "designlayout.h"
#include "portitem.h"

#include <QLinearGradient>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

namespace iovplan::ui {

namespace {

quint64 portKey(int slot, int port)
{
    return (static_cast<quint64>(static_cast<quint32>(slot)) << 32) | static_cast<quint32>(port);
}

qreal labelShare(DeviceKind kind)
{
    return kind == DeviceKind::Switch ? 0.28 : 0.34;
}

} // namespace

DeviceItem::DeviceItem(const DeviceRecord &record, const DeviceFace &face)
    : m_record(record), m_face(face)
{
    setFlag(ItemIsSelectable);
    setZValue(3.0);
    setData(objectIdDataKey, record.id);
    rebuildChildren();
}

void DeviceItem::setRecord(const DeviceRecord &record, const DeviceFace &face, bool faceChanged)
{
    prepareGeometryChange();
    m_record = record;
    m_face = face;
    setData(objectIdDataKey, record.id);
    if (faceChanged)
        rebuildChildren();
    update();
}

void DeviceItem::setWidth(qreal width)
{
    if (qFuzzyCompare(width, m_width))
        return;
    prepareGeometryChange();
    m_width = width;
    rebuildChildren();
}

void DeviceItem::setDetailVisible(bool visible)
{
    if (visible == m_detailVisible)
        return;
    m_detailVisible = visible;
    for (QGraphicsItem *child : childItems())
        child->setVisible(visible);
}

void DeviceItem::setCabledPorts(const CabledPorts &cabled)
{
    if (cabled == m_cabled)
        return;
    for (auto it = m_cabled.begin(); it != m_cabled.end(); ++it) {
        if (!cabled.contains(it->first)) {
            if (PortItem *p = port(it->first.first, it->first.second))
                p->setCableId({});
        }
    }
    for (const auto &[key, cableId] : cabled) {
        if (PortItem *p = port(key.first, key.second))
            p->setCableId(cableId);
    }
    m_cabled = cabled;
}

PortItem *DeviceItem::port(int slot, int portNumber) const
{
    return m_ports.value(portKey(slot, portNumber), nullptr);
}

CardMarkerItem *DeviceItem::card(int slot) const
{
    return m_cards.value(slot, nullptr);
}

QPointF DeviceItem::portScenePos(int slot, int portNumber) const
{
    if (const PortItem *p = port(slot, portNumber))
        return p->mapToScene(p->boundingRect().center());
    return mapToScene(QPointF(m_width, boundingRect().height() / 2));
}

QRectF DeviceItem::boundingRect() const
{
    return QRectF(0, 0, m_width, std::max(0.25, m_face.heightU) * DesignLayout::unitHeight);
}

void DeviceItem::rebuildChildren()
{
    for (QGraphicsItem *child : childItems())
        delete child;
    m_ports.clear();
    m_cards.clear();

    const QRectF panel = boundingRect();
    const qreal left = panel.width() * labelShare(m_record.kind);
    const QRectF face(left, 2, panel.width() - left - 4, std::max(2.0, panel.height() - 4));

    // Each group gets width in proportion to its ports (a slot at least three ports' worth, so the
    // empty ones stay visible and a one-port card has room for its name).
    const qreal ownWeight = m_face.ownPorts > 0 ? std::max(2, m_face.ownPorts) : 0;
    qreal total = ownWeight;
    for (const FaceSlot &s : m_face.cardSlots)
        total += std::max(3, s.ports);
    if (total <= 0)
        return;
    const qreal gap = 2.0;
    const int groups = (m_face.ownPorts > 0 ? 1 : 0) + static_cast<int>(m_face.cardSlots.size());
    const qreal usable = face.width() - gap * (groups - 1);
    qreal x = face.left();
    if (m_face.ownPorts > 0) {
        const qreal w = usable * ownWeight / total;
        addPorts(this, QRectF(x, face.top(), w, face.height()), 0, m_face.ownPorts, m_face.ownProtocol);
        x += w + gap;
    }
    for (const FaceSlot &s : m_face.cardSlots) {
        const qreal w = usable * std::max(3, s.ports) / total;
        const QRectF rect(x, face.top(), w, face.height());
        auto *marker = new CardMarkerItem(m_record.id, s, rect, this);
        m_cards.insert(s.slot, marker);
        // Leave the top of a tall marker for the card's name.
        const QRectF portArea = rect.height() >= 16 ? rect.adjusted(3, 9, -1, -1) : rect.adjusted(3, 1, -1, -1);
        addPorts(marker, portArea, s.slot, s.ports, s.protocol);
        x += w + gap;
    }
    for (const auto &[key, cableId] : m_cabled) {
        if (PortItem *p = port(key.first, key.second))
            p->setCableId(cableId);
    }
    if (!m_detailVisible) {
        for (QGraphicsItem *child : childItems())
            child->setVisible(false);
    }
}

void DeviceItem::addPorts(QGraphicsItem *parent, const QRectF &area, int slot, int count, const QString &protocol)
{
    if (count <= 0 || area.width() <= 0 || area.height() <= 0)
        return;
    const int rows = count < 4 ? 1 : std::clamp(static_cast<int>(area.height() / 6.0), 1, 2);
    const int columns = (count + rows - 1) / rows;
    const qreal cell = std::min({ area.width() / columns, area.height() / rows, 9.0 });
    const qreal size = cell * 0.78;
    const qreal x0 = area.left() + (area.width() - cell * columns) / 2;
    const qreal y0 = area.top() + (area.height() - cell * rows) / 2;
    for (int i = 0; i < count; ++i) {
        const int row = i % rows; // ports 1/2 stacked, as on a switch's face
        const int column = i / rows;
        const QRectF r(x0 + column * cell + (cell - size) / 2, y0 + row * cell + (cell - size) / 2, size, size);
        auto *p = new PortItem({ m_record.id, slot, i + 1 }, protocol, r, parent);
        m_ports.insert(portKey(slot, i + 1), p);
    }
}

void DeviceItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const qreal lod = canvasstyle::levelOfDetail(option, painter);
    const QRectF panel = boundingRect().adjusted(0.5, 0.5, -0.5, -0.5);
    const QColor base = canvasstyle::deviceColor(m_record.kind);
    if (lod < canvasstyle::labelLod) {
        painter->fillRect(panel, isSelected() ? canvasstyle::selectionColor() : base);
        return;
    }
    QLinearGradient gradient(panel.topLeft(), panel.bottomLeft());
    gradient.setColorAt(0.0, base.lighter(125));
    gradient.setColorAt(1.0, base.darker(115));
    painter->setPen(QPen(base.darker(160), 0.8));
    painter->setBrush(gradient);
    painter->drawRoundedRect(panel, 1.5, 1.5);

    // Status LED and the name, then the model below when the panel is tall enough.
    const qreal h = panel.height();
    const qreal left = panel.width() * labelShare(m_record.kind);
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0x3d, 0xd6, 0x8c));
    const qreal led = std::min(3.0, h / 4);
    painter->drawEllipse(QPointF(panel.left() + 5, panel.top() + std::min(h / 2, 6.0)), led / 2 + 0.3, led / 2 + 0.3);
    if (h >= 7) {
        const qreal nameSize = std::clamp(h * 0.5, 6.0, 11.0);
        painter->setPen(Qt::white);
        painter->setFont(canvasstyle::canvasFont(nameSize, true));
        const QRectF nameRect(panel.left() + 9, panel.top(), left - 11, h >= 30 ? h / 2 + 2 : h);
        const QString name = m_record.name.isEmpty() ? m_record.id : m_record.name;
        painter->drawText(nameRect, Qt::AlignLeft | (h >= 30 ? Qt::AlignBottom : Qt::AlignVCenter),
                          painter->fontMetrics().elidedText(name, Qt::ElideRight, qRound(nameRect.width())));
        if (h >= 30 && lod >= canvasstyle::detailLod) {
            painter->setPen(QColor(0xc9, 0xd1, 0xdb));
            painter->setFont(canvasstyle::canvasFont(7.5));
            const QRectF modelRect(panel.left() + 9, panel.top() + h / 2 + 2, left - 11, h / 2 - 2);
            painter->drawText(modelRect, Qt::AlignLeft | Qt::AlignTop,
                              painter->fontMetrics().elidedText(m_face.itemName, Qt::ElideRight, qRound(modelRect.width())));
        }
    }
    if (isSelected()) {
        painter->setBrush(Qt::NoBrush);
        painter->setPen(QPen(canvasstyle::selectionColor(), 2.5));
        painter->drawRoundedRect(panel.adjusted(-1, -1, 1, 1), 2, 2);
    }
}

} // namespace iovplan::ui
