#include "dashboardcharts.h"

#include "reports/kpifigures.h"

#include "reports/figureformat.h"

#include <QGraphicsLayout>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QHorizontalBarSeries>
#include <QtCharts/QLineSeries>
#include <QtCharts/QLogValueAxis>
#include <QtCharts/QScatterSeries>
#include <QtCharts/QValueAxis>

#include <algorithm>
#include <cmath>

namespace iovplan::ui {

namespace {

// The bar value labels sit past the end of each bar: leave room for them.
constexpr double labelRoom = 1.18;

QFont scaledFont(QFont font, double factor)
{
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * factor);
    return font;
}

// A chart compact enough for a quarter of a ~320 px bottom dock: small margins, a bold title at the body
// size, axis labels a little smaller.
QChart *newChart(const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(2, 0, 6, 0));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setBackgroundRoundness(3.0);
    return chart;
}

// Theme first (it resets every colour and font), then the palette's roles and the compact fonts.
void style(QChart *chart, const ChartColours &c)
{
    chart->setTheme(c.dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(c.background);
    chart->setBackgroundPen(QPen(c.grid));
    chart->setTitleBrush(c.text);
    QFont title = QFont();
    title.setBold(true);
    chart->setTitleFont(title);
    chart->legend()->setLabelColor(c.text);
    chart->legend()->setFont(scaledFont(QFont(), 0.85));
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsColor(c.text);
        axis->setLabelsFont(scaledFont(QFont(), 0.85));
        axis->setTitleBrush(c.text);
        axis->setTitleFont(scaledFont(QFont(), 0.85));
        axis->setGridLineColor(c.grid);
        axis->setLinePenColor(c.grid);
        axis->setShadesVisible(false);
        QColor minor = c.grid;
        minor.setAlpha(c.grid.alpha() / 2);
        axis->setMinorGridLineColor(minor);
    }
}

} // namespace

QString bottleneckSuffix()
{
    return QStringLiteral(" ◀");
}

QString slaSeriesName()
{
    return QStringLiteral("SLA");
}

namespace {

// The dock shows thousands of USD and kW: short labels beside narrow bars.
std::vector<ChartBar> divided(std::vector<ChartBar> bars, double divisor)
{
    for (ChartBar &bar : bars)
        bar.value /= divisor;
    return bars;
}

} // namespace

std::vector<ChartBar> costBars(const cost::BillOfMaterials &bom)
{
    return divided(reports::costBars(bom), 1000.0);
}

std::vector<ChartBar> powerBars(const cost::PowerRollup &power)
{
    return divided(reports::powerBars(power), 1000.0);
}

ChartColours chartColours(const QPalette &palette)
{
    ChartColours c;
    c.dark = palette.color(QPalette::Window).lightness() < 128;
    c.background = palette.color(QPalette::Base);
    c.text = palette.color(QPalette::Text);
    c.grid = palette.color(QPalette::Text);
    c.grid.setAlpha(60);
    c.bar = palette.color(QPalette::Highlight);
    c.accent = c.dark ? QColor(0xff, 0xa0, 0x40) : QColor(0xe3, 0x6c, 0x09);
    c.sla = c.dark ? QColor(0xff, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
    return c;
}

QString costChartTitle()
{
    return QStringLiteral("Purchase cost, thousand USD");
}

QString powerChartTitle()
{
    return QStringLiteral("Power, typical kW");
}

QString utilizationChartTitle()
{
    return QStringLiteral("Busiest stations, % (◀ bottleneck)");
}

UtilizationBars utilizationChartBars(const iov::PerformanceMetrics &performance)
{
    // The shared builder gives shares; the dock's axis reads percent.
    UtilizationBars result { reports::utilizationBars(performance, utilizationBarCount), -1 };
    for (std::size_t i = 0; i < result.bars.size(); ++i) {
        result.bars[i].value *= 100.0;
        if (result.bars[i].label == performance.bottleneck) {
            result.bars[i].label += bottleneckSuffix();
            result.bottleneck = static_cast<int>(i);
        }
    }
    return result;
}

// ---- BarChart -----------------------------------------------------------------------------------

BarChart::BarChart(const QString &title, const QString &valueTitle, int precision)
    : m_chart(newChart(title))
    , m_title(title)
    , m_set(new QBarSet(valueTitle))
    , m_categories(new QBarCategoryAxis)
    , m_values(new QValueAxis)
{
    auto *series = new QHorizontalBarSeries;
    series->append(m_set);
    series->setBarWidth(0.7);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    series->setLabelsFormat(QStringLiteral("@value"));
    series->setLabelsPrecision(precision);
    m_chart->addSeries(series);
    m_chart->addAxis(m_categories, Qt::AlignLeft);
    series->attachAxis(m_categories);
    m_values->setLabelFormat(QStringLiteral("%.0f"));
    m_values->setTickCount(4);
    m_chart->addAxis(m_values, Qt::AlignBottom);
    series->attachAxis(m_values);
    m_chart->legend()->hide();
}

void BarChart::setBars(const std::vector<ChartBar> &bars, int selected, std::optional<double> fixedMax)
{
    // QHorizontalBarSeries draws its first category at the bottom: append in reverse to read top-down.
    QList<qreal> values;
    QStringList categories;
    double highest = 0.0;
    for (auto it = bars.rbegin(); it != bars.rend(); ++it) {
        values << it->value;
        categories << it->label;
        highest = std::max(highest, it->value);
    }
    m_chart->setTitle(m_title);
    if (m_categories->categories() != categories)
        m_categories->setCategories(categories);
    if (m_set->count() == values.size()) {
        for (int i = 0; i < values.size(); ++i) {
            if (m_set->at(i) != values[i])
                m_set->replace(i, values[i]);
        }
    } else {
        m_set->remove(0, m_set->count());
        m_set->append(values);
    }
    m_set->deselectAllBars();
    if (selected >= 0 && selected < static_cast<int>(bars.size()))
        m_set->selectBar(static_cast<int>(bars.size()) - 1 - selected);
    if (fixedMax) {
        m_values->setRange(0.0, *fixedMax);
    } else {
        m_values->setRange(0.0, highest > 0.0 ? highest * labelRoom : 1.0);
        m_values->applyNiceNumbers();
    }
}

void BarChart::clear(const QString &message)
{
    m_set->remove(0, m_set->count());
    m_categories->clear();
    m_chart->setTitle(message);
}

void BarChart::setColours(const ChartColours &colours)
{
    style(m_chart, colours);
    m_set->setColor(colours.bar);
    m_set->setBorderColor(colours.bar);
    m_set->setLabelColor(colours.text);
    m_set->setLabelFont(scaledFont(QFont(), 0.85));
    m_set->setSelectedColor(colours.accent);
}

// ---- LatencyChart -------------------------------------------------------------------------------

LatencyChart::LatencyChart()
    : m_chart(newChart(QStringLiteral("p99 latency against load")))
    , m_sla(new QLineSeries)
    , m_now(new QScatterSeries)
    , m_x(new QValueAxis)
    , m_y(new QLogValueAxis)
{
    for (const iov::TrafficClass traffic : { iov::TrafficClass::Lan, iov::TrafficClass::San, iov::TrafficClass::Ipc }) {
        auto *line = new QLineSeries;
        line->setName(iov::trafficClassName(traffic)); // the axis says p99: short names fit a narrow legend
        m_chart->addSeries(line);
        m_classes.emplace_back(traffic, line);
    }
    m_sla->setName(slaSeriesName());
    m_chart->addSeries(m_sla);
    m_now->setName(QStringLiteral("design"));
    m_now->setMarkerSize(9.0);
    m_chart->addSeries(m_now);
    m_x->setTitleText(QStringLiteral("load, × offered"));
    m_x->setLabelFormat(QStringLiteral("%.2g"));
    m_x->setTickCount(6);
    // Logarithmic: the SLA is often ten times the p99 at the design's load, and a linear scale would flatten
    // the curve onto the axis.
    m_y->setTitleText(QStringLiteral("p99, µs"));
    m_y->setBase(10.0);
    m_y->setLabelFormat(QStringLiteral("%g"));
    m_y->setMinorTickCount(8);
    m_chart->addAxis(m_x, Qt::AlignBottom);
    m_chart->addAxis(m_y, Qt::AlignLeft);
    for (QAbstractSeries *s : m_chart->series()) {
        s->attachAxis(m_x);
        s->attachAxis(m_y);
    }
    m_chart->legend()->setAlignment(Qt::AlignBottom);
}

void LatencyChart::setCurve(const reports::LatencyCurve &curve, double slaS, std::optional<double> nowP99S,
                            const QString &status)
{
    QString title = QStringLiteral("p99 latency against load");
    if (!status.isEmpty())
        title += QStringLiteral(" — ") + status;
    else if (!curve.note.isEmpty())
        title += QStringLiteral(" — ") + curve.note;
    m_chart->setTitle(title);
    const double slaUs = slaS * 1e6;
    double yMax = slaUs;
    double yMin = slaUs;
    for (const auto &[traffic, line] : m_classes) {
        QList<QPointF> points;
        for (const reports::LatencySeries &s : curve.series) {
            if (s.traffic != traffic)
                continue;
            for (const QPointF &p : s.points) {
                points.append({ p.x(), p.y() * 1e6 });
                yMax = std::max(yMax, p.y() * 1e6);
                yMin = std::min(yMin, p.y() * 1e6);
            }
        }
        line->replace(points);
        line->setVisible(!points.isEmpty());
    }
    const bool hasNow = nowP99S && std::isfinite(*nowP99S);
    if (hasNow) {
        m_now->replace(QList<QPointF> { { 1.0, *nowP99S * 1e6 } });
        yMax = std::max(yMax, *nowP99S * 1e6);
        yMin = std::min(yMin, *nowP99S * 1e6);
    } else {
        m_now->clear();
    }
    m_now->setVisible(hasNow);
    m_x->setRange(0.0, std::max(curve.maxLoadScale, 1.05));
    m_x->applyNiceNumbers();
    // From the power of ten below the lowest point, so the axis has at least two labelled decades.
    m_y->setRange(std::pow(10.0, std::floor(std::log10(std::max(yMin, 0.01)))), yMax * 1.5);
    // Across the whole plot, whatever the axis rounded its end to.
    m_sla->replace(QList<QPointF> { { 0.0, slaUs }, { m_x->max(), slaUs } });
    m_sla->setVisible(true);
}

void LatencyChart::clear(const QString &message)
{
    for (const auto &[traffic, line] : m_classes) {
        line->clear();
        line->setVisible(false);
    }
    m_sla->clear();
    m_sla->setVisible(false);
    m_now->clear();
    m_now->setVisible(false);
    m_chart->setTitle(message);
}

void LatencyChart::setColours(const ChartColours &colours)
{
    m_colours = colours;
    style(m_chart, colours);
    for (const auto &[traffic, line] : m_classes) {
        QPen pen = line->pen(); // the theme's colour for the class
        pen.setWidthF(2.0);
        line->setPen(pen);
    }
    m_sla->setPen(QPen(colours.sla, 2.0, Qt::DashLine));
    m_now->setColor(colours.text);
    m_now->setBorderColor(colours.background);
}

} // namespace iovplan::ui
