#pragma once
// A paint device for chart tests that records what is drawn, in the painter's user space: filled rectangles
// with their brush colour, text runs with their bounding boxes, and line segments. The tests read bar
// lengths and label placement from it without rasterising.

#include <QPaintDevice>
#include <QPaintEngine>
#include <QPainterPath>
#include <QPolygonF>
#include <QRectF>
#include <QString>
#include <QTextItem>
#include <QTransform>

#include <vector>

namespace iovplan::testing {

struct RecordedRect
{
    QRectF rect;
    QColor brush; ///< invalid when drawn without a brush
};

struct RecordedText
{
    QString text;
    QRectF box; ///< from the ascent to the descent over the advance width, mapped to user space
};

class RecordingPaintEngine final : public QPaintEngine
{
public:
    RecordingPaintEngine()
        : QPaintEngine(QPaintEngine::AllFeatures)
    {
    }

    bool begin(QPaintDevice *) override { return true; }
    bool end() override { return true; }
    Type type() const override { return QPaintEngine::User; }

    void updateState(const QPaintEngineState &changed) override
    {
        if (changed.state() & QPaintEngine::DirtyBrush)
            m_brush = changed.brush();
        if (changed.state() & QPaintEngine::DirtyTransform)
            m_transform = changed.transform();
    }

    void drawRects(const QRectF *rects, int count) override
    {
        for (int i = 0; i < count; ++i) {
            const QColor colour = m_brush.style() == Qt::NoBrush ? QColor() : m_brush.color();
            m_rects.push_back({ m_transform.mapRect(rects[i]), colour });
        }
    }
    void drawTextItem(const QPointF &p, const QTextItem &item) override
    {
        const QRectF box(p.x(), p.y() - item.ascent(), item.width(), item.ascent() + item.descent());
        m_texts.push_back({ item.text(), m_transform.mapRect(box) });
    }
    void drawLines(const QLineF *lines, int count) override
    {
        for (int i = 0; i < count; ++i)
            m_lines.push_back(m_transform.map(lines[i]));
    }
    void drawPolygon(const QPointF *, int, PolygonDrawMode) override {}
    void drawPixmap(const QRectF &, const QPixmap &, const QRectF &) override {}
    void drawPath(const QPainterPath &) override {}

    std::vector<RecordedRect> m_rects;
    std::vector<RecordedText> m_texts;
    std::vector<QLineF> m_lines;

private:
    QBrush m_brush;
    QTransform m_transform;
};

/// A 72 dpi device of `size` points that records every rectangle and text run painted on it.
class RecordingPaintDevice final : public QPaintDevice
{
public:
    explicit RecordingPaintDevice(QSize size = { 1000, 1000 })
        : m_size(size)
    {
    }
    ~RecordingPaintDevice() override = default;

    QPaintEngine *paintEngine() const override { return &m_engine; }
    const std::vector<RecordedRect> &rects() const { return m_engine.m_rects; }
    const std::vector<RecordedText> &texts() const { return m_engine.m_texts; }
    const std::vector<QLineF> &lines() const { return m_engine.m_lines; }

protected:
    int metric(PaintDeviceMetric metric) const override
    {
        switch (metric) {
        case PdmWidth:
            return m_size.width();
        case PdmHeight:
            return m_size.height();
        case PdmWidthMM:
            return static_cast<int>(m_size.width() * 25.4 / 72.0);
        case PdmHeightMM:
            return static_cast<int>(m_size.height() * 25.4 / 72.0);
        case PdmDpiX:
        case PdmDpiY:
        case PdmPhysicalDpiX:
        case PdmPhysicalDpiY:
            return 72;
        case PdmDepth:
            return 32;
        case PdmNumColors:
            return 0x7fffffff;
        case PdmDevicePixelRatio:
            return 1;
        case PdmDevicePixelRatioScaled:
            return static_cast<int>(QPaintDevice::devicePixelRatioFScale());
        }
        return 0;
    }

private:
    QSize m_size;
    mutable RecordingPaintEngine m_engine;
};

} // namespace iovplan::testing
