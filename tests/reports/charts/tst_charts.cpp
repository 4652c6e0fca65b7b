// The charts of the report and of the chart exports: their values are the model's figures exactly, they
// paint bars in proportion with readable, non-overlapping labels, export to PNG and SVG, and say why when
// there is nothing to plot. With IOVPLAN_CHART_SHOTS=DIR every chart of the example is also saved there as
// PNG to look at.

#include "recordingpaintdevice.h"

#include "reports/charts/breakdowns.h"
#include "reports/charts/chartaxis.h"
#include "reports/charts/chartexport.h"
#include "reports/charts/chartpainter.h"
#include "reports/charts/chartvalueformat.h"
#include "reports/charts/scenariocharts.h"
#include "reports/comparisonmetrics.h"
#include "reports/figureformat.h"
#include "reports/latencycurve.h"

#include "model/iov/evaluation.h"
#include "tests/exampleproject.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>
#include <map>
#include <optional>

using namespace iovplan;
using namespace iovplan::reports;
using iovplan::testing::RecordingPaintDevice;

namespace {

constexpr double notANumber = std::numeric_limits<double>::quiet_NaN();
constexpr double infinity = std::numeric_limits<double>::infinity();

const QStringList exampleScenarios { QStringLiteral("GigE+FC"), QStringLiteral("IB software IOV"),
                                     QStringLiteral("IB software IOV HA"), QStringLiteral("IB native IOV") };

struct Evaluated
{
    design::Scenario scenario;
    iov::ScenarioMetrics metrics;
    LatencyCurve curve;
};

// A copy: the charts are usually a temporary.
std::optional<Chart> chartWithId(const std::vector<Chart> &charts, const QString &id)
{
    for (const Chart &c : charts) {
        if (c.id == id)
            return c;
    }
    return std::nullopt;
}

RecordingPaintDevice *recorded(const Chart &chart, QSizeF size = { 640, 400 })
{
    auto *device = new RecordingPaintDevice(size.toSize());
    QPainter painter(device);
    paintChart(painter, QRectF(QPointF(0, 0), size), chart);
    return device;
}

// Every text run drawn, with its box, none of them overlapping another or leaving the chart.
void verifyTextsReadable(const RecordingPaintDevice &device, const QRectF &bounds, const QString &what)
{
    const auto &texts = device.texts();
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const QRectF a = texts[i].box;
        static const QRegularExpression nonFinite(QStringLiteral("\\b(nan|inf)\\b"), QRegularExpression::CaseInsensitiveOption);
        QVERIFY2(!texts[i].text.contains(nonFinite),
                 qPrintable(what + QStringLiteral(": ") + texts[i].text));
        QVERIFY2(bounds.adjusted(-0.5, -0.5, 0.5, 0.5).contains(a),
                 qPrintable(QStringLiteral("%1: \"%2\" leaves the chart at %3,%4 %5x%6").arg(what, texts[i].text).arg(a.x()).arg(a.y()).arg(a.width()).arg(a.height())));
        for (std::size_t j = i + 1; j < texts.size(); ++j) {
            // Boxes run from ascent to descent: a hair of vertical overlap between stacked lines is normal.
            const QRectF overlap = a.intersected(texts[j].box);
            QVERIFY2(overlap.width() < 0.5 || overlap.height() < 1.5,
                     qPrintable(QStringLiteral("%1: \"%2\" overlaps \"%3\"").arg(what, texts[i].text, texts[j].text)));
        }
    }
}

bool anyTextIs(const RecordingPaintDevice &device, const QString &text)
{
    for (const auto &t : device.texts()) {
        if (t.text == text)
            return true;
    }
    return false;
}

Chart simpleBars(std::vector<double> values)
{
    Chart chart;
    chart.id = QStringLiteral("test");
    chart.title = QStringLiteral("Test bars");
    chart.kind = ChartKind::Bars;
    chart.valueUnit = ChartUnit::Watts;
    ChartSeries series;
    for (std::size_t i = 0; i < values.size(); ++i)
        chart.categories << QStringLiteral("category %1").arg(i);
    series.values = std::move(values);
    chart.series.push_back(series);
    return chart;
}

} // namespace

class TestCharts : public QObject
{
    Q_OBJECT

    std::map<QString, Evaluated> m_evaluated;

    const Evaluated &evaluated(const QString &name) { return m_evaluated.at(name); }

private Q_SLOTS:
    void initTestCase()
    {
        const design::Project &project = iovplan::testing::ciovExample();
        for (const QString &name : exampleScenarios) {
            Evaluated e;
            e.scenario = iovplan::testing::exampleScenario(name);
            e.metrics = iov::evaluate(e.scenario, project.catalog);
            e.curve = latencyCurve(e.scenario, project.catalog, e.metrics.performance.maxLoadScale, 16);
            m_evaluated.emplace(name, std::move(e));
        }
    }

    void scenarioChartsHaveTheStableIds()
    {
        const Evaluated &e = evaluated(QStringLiteral("GigE+FC"));
        const std::vector<Chart> charts = scenarioCharts(e.scenario, e.metrics, e.curve);
        QStringList ids;
        for (const Chart &c : charts)
            ids << c.id;
        QCOMPARE(ids, (QStringList { QStringLiteral("cost-by-category"), QStringLiteral("power-by-part"),
                                     QStringLiteral("p99-vs-load"), QStringLiteral("busiest-stations") }));
        for (const Chart &c : charts) {
            QVERIFY(!c.title.isEmpty());
            QVERIFY2(hasPlottableData(c), qPrintable(c.id));
        }
    }

    void costChartHoldsTheBomSubtotals_data()
    {
        QTest::addColumn<QString>("scenario");
        for (const QString &name : exampleScenarios)
            QTest::newRow(qPrintable(name)) << name;
    }

    void costChartHoldsTheBomSubtotals()
    {
        QFETCH(QString, scenario);
        const Evaluated &e = evaluated(scenario);
        const std::vector<Chart> charts = scenarioCharts(e.scenario, e.metrics, e.curve);
        const std::optional<Chart> chart = chartWithId(charts, QStringLiteral("cost-by-category"));
        QVERIFY(chart.has_value());
        QCOMPARE(chart->kind, ChartKind::Bars);
        QCOMPARE(chart->valueUnit, ChartUnit::Usd);
        QCOMPARE(chart->categories.size(), qsizetype(cost::allBomCategories.size()));
        const std::vector<double> &values = chart->series.front().values;
        double sum = 0.0;
        for (std::size_t i = 0; i < cost::allBomCategories.size(); ++i) {
            const cost::BomCategory category = cost::allBomCategories[i];
            QCOMPARE(chart->categories[qsizetype(i)].toLower(), cost::bomCategoryName(category));
            QCOMPARE(values[i], cost::toUsd(e.metrics.rollup.bom.subtotal(category))); // exact: dollars from cents
            sum += values[i];
        }
        QCOMPARE(cost::toCents(sum), e.metrics.rollup.bom.total());
        QVERIFY(values[0] > 0.0); // every design buys adapters
    }

    void powerChartAddsUpToTypical_data() { costChartHoldsTheBomSubtotals_data(); }

    void powerChartAddsUpToTypical()
    {
        QFETCH(QString, scenario);
        const Evaluated &e = evaluated(scenario);
        const cost::PowerRollup &p = e.metrics.rollup.power;
        const std::optional<Chart> chart = chartWithId(scenarioCharts(e.scenario, e.metrics, e.curve), QStringLiteral("power-by-part"));
        QVERIFY(chart.has_value());
        QCOMPARE(chart->valueUnit, ChartUnit::Watts);
        QCOMPARE(chart->categories, (QStringList { QStringLiteral("Server adapters"), QStringLiteral("Gateway modules"),
                                                   QStringLiteral("Other I/O"), QStringLiteral("Servers"), QStringLiteral("Storage") }));
        const std::vector<double> &values = chart->series.front().values;
        QCOMPARE(values[0], p.adapterTypicalW);
        QCOMPARE(values[1], p.gatewayModuleTypicalW);
        QCOMPARE(values[3], p.serverTypicalW);
        QCOMPARE(values[4], p.storageTypicalW);
        double sum = 0.0;
        for (const double v : values)
            sum += v;
        QVERIFY2(std::abs(sum - p.typicalW()) < 1e-9 * std::max(1.0, p.typicalW()), qPrintable(QString::number(sum)));
        // The IB designs end their servers' protocols in gateway modules; the baseline has none.
        QCOMPARE(values[1] > 0.0, scenario != QStringLiteral("GigE+FC"));
    }

    void stationsAreSortedWithTheBottleneckHighlighted_data() { costChartHoldsTheBomSubtotals_data(); }

    void stationsAreSortedWithTheBottleneckHighlighted()
    {
        QFETCH(QString, scenario);
        const Evaluated &e = evaluated(scenario);
        const iov::PerformanceMetrics &perf = e.metrics.performance;
        const std::optional<Chart> chart = chartWithId(scenarioCharts(e.scenario, e.metrics, e.curve), QStringLiteral("busiest-stations"));
        QVERIFY(chart.has_value());
        QCOMPARE(chart->valueUnit, ChartUnit::Share);
        QCOMPARE(chart->categories.size(), qsizetype(std::min<std::size_t>(busiestStationCount, perf.stations.size())));
        QVERIFY(!perf.bottleneck.isEmpty());
        QCOMPARE(chart->highlighted, 0);
        QCOMPARE(chart->categories.front(), perf.bottleneck);
        std::map<QString, double> utilization;
        double busiest = 0.0;
        for (const iov::StationMetrics &s : perf.stations) {
            utilization[s.name] = s.utilization;
            busiest = std::max(busiest, s.utilization);
        }
        const std::vector<double> &values = chart->series.front().values;
        QCOMPARE(values.front(), busiest);
        for (qsizetype i = 0; i < chart->categories.size(); ++i) {
            QCOMPARE(values[std::size_t(i)], utilization.at(chart->categories[i]));
            if (i > 0)
                QVERIFY(values[std::size_t(i)] <= values[std::size_t(i - 1)]);
        }
        // No station left out is busier than the last one shown.
        std::size_t busier = 0;
        for (const iov::StationMetrics &s : perf.stations)
            busier += s.utilization > values.back() ? 1 : 0;
        QVERIFY(busier < values.size());
    }

    void latencyChartFollowsTheCurve()
    {
        const Evaluated &e = evaluated(QStringLiteral("GigE+FC"));
        const std::optional<Chart> chart = chartWithId(scenarioCharts(e.scenario, e.metrics, e.curve), QStringLiteral("p99-vs-load"));
        QVERIFY(chart.has_value());
        QCOMPARE(chart->kind, ChartKind::Lines);
        QCOMPARE(chart->valueUnit, ChartUnit::Seconds);
        QCOMPARE(chart->xUnit, ChartUnit::LoadFactor);
        QVERIFY(!e.curve.series.empty());
        QCOMPARE(chart->series.size(), e.curve.series.size());
        for (std::size_t i = 0; i < e.curve.series.size(); ++i) {
            QCOMPARE(chart->series[i].name, trafficClassLabel(e.curve.series[i].traffic));
            QCOMPARE(chart->series[i].points, e.curve.series[i].points);
        }
        QCOMPARE(chart->markers.size(), std::size_t(1));
        QCOMPARE(chart->markers.front().value, e.scenario.workload.sla.latencyS);
        QCOMPARE(chart->markers.front().label, QStringLiteral("SLA ") + formatLatency(e.scenario.workload.sla.latencyS));

        std::unique_ptr<RecordingPaintDevice> device(recorded(*chart));
        QVERIFY(anyTextIs(*device, chart->markers.front().label));
        QVERIFY(anyTextIs(*device, QStringLiteral("LAN")));
    }

    void latencyChartWithoutCurveShowsItsNote()
    {
        const Evaluated &e = evaluated(QStringLiteral("GigE+FC"));
        LatencyCurve none;
        none.note = QStringLiteral("no saturation point: the design carries no load");
        const std::optional<Chart> chart = chartWithId(scenarioCharts(e.scenario, e.metrics, none), QStringLiteral("p99-vs-load"));
        QVERIFY(chart.has_value());
        QVERIFY(!hasPlottableData(*chart));
        QVERIFY(chart->note.contains(none.note));
        std::unique_ptr<RecordingPaintDevice> device(recorded(*chart));
        QString drawn;
        for (const auto &t : device->texts())
            drawn += t.text + QLatin1Char(' ');
        QVERIFY2(drawn.contains(QStringLiteral("no saturation point")), qPrintable(drawn));
        QVERIFY(!anyTextIs(*device, QStringLiteral("SLA ") + formatLatency(e.scenario.workload.sla.latencyS)));
    }

    void comparisonChartsHoldEachScenariosFigures()
    {
        std::vector<QString> names;
        std::vector<const iov::ScenarioMetrics *> metrics;
        for (const QString &name : exampleScenarios) {
            names.push_back(name);
            metrics.push_back(&evaluated(name).metrics);
        }
        const std::vector<Chart> charts = comparisonCharts(names, metrics);
        QStringList ids;
        for (const Chart &c : charts) {
            ids << c.id;
            QCOMPARE(c.categories, exampleScenarios);
            for (const ChartSeries &s : c.series)
                QCOMPARE(s.values.size(), names.size());
        }
        QCOMPARE(ids, (QStringList { QStringLiteral("compare-purchase"), QStringLiteral("compare-tco"), QStringLiteral("compare-power"),
                                     QStringLiteral("compare-throughput"), QStringLiteral("compare-headroom") }));
        const Chart &purchase = charts[0];
        const Chart &tco = charts[1];
        const Chart &power = charts[2];
        const Chart &throughput = charts[3];
        const Chart &headroom = charts[4];
        QCOMPARE(purchase.series.size(), std::size_t(2));
        QCOMPARE(purchase.series[0].name, QStringLiteral("I/O purchase"));
        QCOMPARE(purchase.series[1].name, QStringLiteral("Total purchase"));
        QCOMPARE(tco.series[0].name, QStringLiteral("I/O TCO"));
        QCOMPARE(tco.series[1].name, QStringLiteral("TCO"));
        QCOMPARE(power.series[0].name, QStringLiteral("I/O typical"));
        QCOMPARE(headroom.valueUnit, ChartUnit::Share);
        const std::vector<iov::TrafficClass> classes = carriedClasses(metrics);
        QCOMPARE(throughput.series.size(), classes.size());
        QVERIFY(classes.size() >= 2);
        for (std::size_t i = 0; i < metrics.size(); ++i) {
            const iov::ScenarioMetrics &m = *metrics[i];
            QCOMPARE(purchase.series[0].values[i], cost::toUsd(m.rollup.cost.ioPurchase));
            QCOMPARE(purchase.series[1].values[i], cost::toUsd(m.rollup.cost.purchase));
            QCOMPARE(tco.series[0].values[i], m.rollup.cost.ioTcoUsd);
            QCOMPARE(tco.series[1].values[i], m.rollup.cost.tcoUsd);
            QCOMPARE(power.series[0].values[i], m.rollup.power.ioTypicalW);
            QCOMPARE(power.series[1].values[i], m.rollup.power.adapterTypicalW);
            QCOMPARE(power.series[2].values[i], m.rollup.power.endpointTypicalW());
            QCOMPARE(headroom.series[0].values[i], m.performance.cpuHeadroom);
            for (std::size_t c = 0; c < classes.size(); ++c) {
                QCOMPARE(throughput.series[c].name, trafficClassLabel(classes[c]));
                const iov::ClassMetrics *carried = nullptr;
                for (const iov::ClassMetrics &cm : m.performance.classes)
                    carried = cm.traffic == classes[c] ? &cm : carried;
                if (carried != nullptr)
                    QCOMPARE(throughput.series[c].values[i], carried->throughputBytesPerS);
                else
                    QVERIFY(std::isnan(throughput.series[c].values[i])); // no bar, not a zero one
            }
        }
        // The white paper's point: the IB designs buy less I/O than the baseline.
        QVERIFY(purchase.series[0].values[1] < purchase.series[0].values[0]);
    }

    void comparisonSkipsMissingMetrics()
    {
        const std::vector<QString> names { QStringLiteral("A"), QStringLiteral("B") };
        const std::vector<const iov::ScenarioMetrics *> metrics { nullptr, &evaluated(QStringLiteral("GigE+FC")).metrics };
        const std::vector<Chart> charts = comparisonCharts(names, metrics);
        QCOMPARE(charts.front().categories, QStringList { QStringLiteral("B") });
        const std::vector<Chart> none = comparisonCharts({}, {});
        QCOMPARE(none.size(), std::size_t(5));
        for (const Chart &c : none) {
            QVERIFY(!hasPlottableData(c));
            QVERIFY(!c.note.isEmpty());
            std::unique_ptr<RecordingPaintDevice> device(recorded(c));
            QVERIFY(anyTextIs(*device, c.note));
        }
    }

    // Every chart of the example at the SVG size and at a report column's width: labels readable, never
    // overlapping, never outside the chart; every bar's value label drawn as figureformat spells it.
    void exampleChartsHaveReadableLabels_data()
    {
        QTest::addColumn<QSizeF>("size");
        QTest::newRow("svg 640x400") << QSizeF(640, 400);
        QTest::newRow("report 470 wide") << QSizeF(470, 300);
    }

    void exampleChartsHaveReadableLabels()
    {
        QFETCH(QSizeF, size);
        std::vector<Chart> all;
        std::vector<QString> names;
        std::vector<const iov::ScenarioMetrics *> metrics;
        for (const QString &name : exampleScenarios) {
            const Evaluated &e = evaluated(name);
            for (Chart &c : scenarioCharts(e.scenario, e.metrics, e.curve))
                all.push_back(std::move(c));
            names.push_back(name);
            metrics.push_back(&e.metrics);
        }
        for (Chart &c : comparisonCharts(names, metrics))
            all.push_back(std::move(c));
        for (const Chart &chart : all) {
            const QSizeF asked(size.width(), std::max(size.height(), chartHeightForWidth(chart, size.width())));
            std::unique_ptr<RecordingPaintDevice> device(recorded(chart, asked));
            verifyTextsReadable(*device, QRectF(QPointF(0, 0), asked), chart.id);
            QVERIFY(anyTextIs(*device, chart.title));
            if (chart.kind == ChartKind::Lines)
                continue;
            for (const ChartSeries &s : chart.series) {
                for (const double v : s.values) {
                    if (std::isfinite(v))
                        QVERIFY2(anyTextIs(*device, formatChartValue(chart.valueUnit, v)),
                                 qPrintable(chart.id + QStringLiteral(" lacks ") + formatChartValue(chart.valueUnit, v)));
                }
                if (chart.kind == ChartKind::Bars)
                    break;
            }
        }
    }

    // A bar twice the value is twice as long, from the same baseline.
    void barLengthsAreProportional_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("horizontal") << int(ChartKind::Bars);
        QTest::newRow("grouped") << int(ChartKind::GroupedBars);
    }

    void barLengthsAreProportional()
    {
        QFETCH(int, kind);
        Chart chart = simpleBars({ 300.0, 600.0, 150.0 });
        chart.kind = ChartKind(kind);
        std::unique_ptr<RecordingPaintDevice> device(recorded(chart));
        std::vector<QRectF> bars;
        for (const auto &r : device->rects()) {
            if (r.brush == QColor(0x00, 0x72, 0xb2))
                bars.push_back(r.rect);
        }
        QCOMPARE(bars.size(), std::size_t(3));
        const auto length = [&](const QRectF &r) { return chart.kind == ChartKind::Bars ? r.width() : r.height(); };
        QVERIFY(length(bars[0]) > 20.0);
        QVERIFY2(std::abs(length(bars[1]) / length(bars[0]) - 2.0) < 0.01, qPrintable(QString::number(length(bars[1]) / length(bars[0]))));
        QVERIFY(std::abs(length(bars[2]) / length(bars[0]) - 0.5) < 0.01);
        if (chart.kind == ChartKind::Bars) {
            QCOMPARE(bars[0].left(), bars[1].left());
            QVERIFY(bars[0].top() < bars[1].top()); // categories read top-down
        } else {
            QCOMPARE(bars[0].bottom(), bars[1].bottom());
            QVERIFY(bars[0].left() < bars[1].left());
        }
    }

    void highlightedBarUsesTheAccent()
    {
        Chart chart = simpleBars({ 0.9, 0.5, 0.2 });
        chart.valueUnit = ChartUnit::Share;
        chart.highlighted = 0;
        chart.highlightLabel = QStringLiteral("Bottleneck");
        std::unique_ptr<RecordingPaintDevice> device(recorded(chart));
        int accent = 0;
        int ordinary = 0;
        for (const auto &r : device->rects()) {
            accent += r.brush == QColor(0xd5, 0x5e, 0x00) && r.rect.width() > 20.0 ? 1 : 0;
            ordinary += r.brush == QColor(0x00, 0x72, 0xb2) && r.rect.width() > 20.0 ? 1 : 0;
        }
        QCOMPARE(accent, 1);
        QCOMPARE(ordinary, 2);
        QVERIFY(anyTextIs(*device, QStringLiteral("Bottleneck"))); // the legend says what the accent means
        QVERIFY(anyTextIs(*device, QStringLiteral("90 %")));
        QVERIFY(anyTextIs(*device, QStringLiteral("100 %"))); // a share axis reaches 100 %
    }

    void svgHoldsTheTitleAndValueLabels()
    {
        const Evaluated &e = evaluated(QStringLiteral("IB software IOV"));
        const std::optional<Chart> chart = chartWithId(scenarioCharts(e.scenario, e.metrics, e.curve), QStringLiteral("cost-by-category"));
        QVERIFY(chart.has_value());
        const QByteArray svg = chartToSvg(*chart);
        QVERIFY(svg.startsWith("<?xml"));
        const QString text = QString::fromUtf8(svg);
        QVERIFY(text.contains(QStringLiteral("<title>") + chart->title + QStringLiteral("</title>")));
        QVERIFY(text.contains(QStringLiteral("<svg")));
        QVERIFY(text.contains(QStringLiteral("viewBox=\"0 0 640 400\"")));
        for (const cost::BomCategory category : cost::allBomCategories) {
            const QString label = formatUsd(e.metrics.rollup.bom.subtotal(category));
            QVERIFY2(text.contains(QStringLiteral(">") + label + QStringLiteral("<")), qPrintable(label));
        }
        QVERIFY(!text.contains(QStringLiteral("<image"))); // vector, not a raster inside
    }

    void pngHasTheAskedSizeAndIsNotBlank_data()
    {
        QTest::addColumn<QSize>("pixels");
        QTest::newRow("default") << QSize(1600, 1000);
        QTest::newRow("small") << QSize(320, 200);
    }

    void pngHasTheAskedSizeAndIsNotBlank()
    {
        QFETCH(QSize, pixels);
        const Evaluated &e = evaluated(QStringLiteral("GigE+FC"));
        const std::optional<Chart> chart = chartWithId(scenarioCharts(e.scenario, e.metrics, e.curve), QStringLiteral("busiest-stations"));
        const QByteArray png = chartToPng(*chart, pixels);
        QImage image;
        QVERIFY(image.loadFromData(png, "PNG"));
        QCOMPARE(image.size(), pixels);
        QCOMPARE(image.pixelColor(0, 0), QColor(Qt::white)); // white background
        int inked = 0;
        int accent = 0;
        for (int y = 0; y < image.height(); y += 2) {
            for (int x = 0; x < image.width(); x += 2) {
                const QColor c = image.pixelColor(x, y);
                inked += c != QColor(Qt::white) ? 1 : 0;
                accent += c == QColor(0xd5, 0x5e, 0x00) ? 1 : 0;
            }
        }
        const int samples = (image.height() / 2) * (image.width() / 2);
        QVERIFY2(inked > samples / 50, qPrintable(QString::number(inked)));
        QVERIFY(accent > 0); // the bottleneck bar
        QVERIFY(chartToPng(*chart, QSize(0, 10)).isEmpty());
    }

    void writeChartByTheSuffix()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Chart chart = simpleBars({ 1.0, 2.0 });
        const QString png = dir.filePath(QStringLiteral("chart.PNG"));
        const QString svg = dir.filePath(QStringLiteral("chart.svg"));
        QCOMPARE(writeChart(png, chart), QString());
        QCOMPARE(writeChart(svg, chart), QString());
        QFile pngFile(png);
        QVERIFY(pngFile.open(QIODevice::ReadOnly));
        QVERIFY(pngFile.read(8).startsWith("\x89PNG"));
        QFile svgFile(svg);
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        QVERIFY(svgFile.readAll().contains("Test bars"));
        QCOMPARE(chartFormatFromSuffix(QStringLiteral("a/b.Svg")), std::optional<ChartFormat>(ChartFormat::Svg));
        QCOMPARE(chartFormatFromSuffix(QStringLiteral("a/b.png")), std::optional<ChartFormat>(ChartFormat::Png));
        QVERIFY(!chartFormatFromSuffix(QStringLiteral("a/b.svg.gif")));
        QVERIFY(!chartFormatFromSuffix(QStringLiteral("png")));
    }

    void writeChartRefusesWithAMessage_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("reason");
        QTest::newRow("unknown suffix") << QStringLiteral("chart.gif") << QStringLiteral("unknown chart format");
        QTest::newRow("no suffix") << QStringLiteral("chart") << QStringLiteral("unknown chart format");
        QTest::newRow("unwritable") << QStringLiteral("/nonexistent-iovplan-dir/chart.png") << QString();
    }

    void writeChartRefusesWithAMessage()
    {
        QFETCH(QString, path);
        QFETCH(QString, reason);
        const QString message = writeChart(path, simpleBars({ 1.0 }));
        QVERIFY2(message.startsWith(path + QStringLiteral(": ")), qPrintable(message));
        QVERIFY(message.size() > path.size() + 4);
        QVERIFY2(message.contains(reason), qPrintable(message));
        QVERIFY(!QFile::exists(path));
    }

    // Nothing to plot, or only non-finite values: the note, never a crash, never "nan" on the page.
    void emptyOrNonFiniteDataShowsTheNote_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QStringList>("categories");
        QTest::addColumn<QList<double>>("values");
        QTest::addColumn<bool>("plottable");
        const QStringList two { QStringLiteral("a"), QStringLiteral("b") };
        for (const ChartKind kind : { ChartKind::Bars, ChartKind::GroupedBars, ChartKind::Lines }) {
            const QByteArray k = kind == ChartKind::Bars ? "bars" : kind == ChartKind::GroupedBars ? "grouped" : "lines";
            QTest::newRow(k + " no series") << int(kind) << two << QList<double> {} << false;
            QTest::newRow(k + " nan") << int(kind) << two << QList<double> { notANumber, notANumber } << false;
            QTest::newRow(k + " inf") << int(kind) << two << QList<double> { infinity, -infinity } << false;
            QTest::newRow(k + " no categories") << int(kind) << QStringList {} << QList<double> { 1.0, 2.0 } << (kind == ChartKind::Lines);
            QTest::newRow(k + " one nan") << int(kind) << two << QList<double> { notANumber, 5.0 } << true;
            QTest::newRow(k + " short values") << int(kind) << QStringList { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") }
                                               << QList<double> { 5.0 } << true;
            QTest::newRow(k + " all zero") << int(kind) << two << QList<double> { 0.0, 0.0 } << true;
            QTest::newRow(k + " huge") << int(kind) << two << QList<double> { 1e300, 2.0 } << true;
        }
    }

    void emptyOrNonFiniteDataShowsTheNote()
    {
        QFETCH(int, kind);
        QFETCH(QStringList, categories);
        QFETCH(QList<double>, values);
        QFETCH(bool, plottable);
        Chart chart;
        chart.id = QStringLiteral("edge");
        chart.title = QStringLiteral("Edge case");
        chart.kind = ChartKind(kind);
        chart.categories = categories;
        chart.valueUnit = ChartUnit::Seconds;
        chart.note = QStringLiteral("Saturated at 0.8× load");
        chart.markers.push_back({ QStringLiteral("bad marker"), notANumber });
        chart.xMarkers.push_back({ QStringLiteral("bad x marker"), infinity });
        if (!values.isEmpty()) {
            ChartSeries s;
            s.name = QStringLiteral("series");
            s.values.assign(values.begin(), values.end());
            for (qsizetype i = 0; i < values.size(); ++i)
                s.points.emplace_back(double(i), values[i]);
            chart.series.push_back(s);
        }
        QCOMPARE(hasPlottableData(chart), plottable);
        std::unique_ptr<RecordingPaintDevice> device(recorded(chart));
        verifyTextsReadable(*device, QRectF(0, 0, 640, 400), chart.id);
        QCOMPARE(anyTextIs(*device, chart.note), !plottable);
        for (const QSizeF size : { QSizeF(0, 0), QSizeF(30, 20), QSizeF(-5, 100) }) { // no room: nothing, no crash
            QImage image(64, 64, QImage::Format_RGB32);
            QPainter painter(&image);
            paintChart(painter, QRectF(QPointF(0, 0), size), chart);
        }
        QVERIFY(!chartToSvg(chart).isEmpty());
        QVERIFY(std::isfinite(chartHeightForWidth(chart, 480.0)) && chartHeightForWidth(chart, 480.0) > 0.0);
    }

    void figureHeightGrowsWithBars()
    {
        const ChartFigure few(simpleBars({ 1.0, 2.0, 3.0 }));
        QVERIFY(std::abs(few.heightForWidth(480.0) - 0.55 * 480.0) < 1.0);
        const ChartFigure many(simpleBars(std::vector<double>(20, 1.0)));
        QVERIFY(many.heightForWidth(480.0) > 20 * 15.0);
        QCOMPARE(many.chart().categories.size(), 20);
        QVERIFY(few.heightForWidth(0.0) > 0.0);
        // Painting leaves the painter as it was.
        RecordingPaintDevice device;
        QPainter painter(&device);
        painter.setPen(Qt::red);
        painter.setFont(QFont(QStringLiteral("DejaVu Serif"), 23));
        few.paint(painter, QRectF(0, 0, 480, 264));
        QCOMPARE(painter.pen().color(), QColor(Qt::red));
        QCOMPARE(painter.font().pointSize(), 23);
        QVERIFY(painter.transform().isIdentity());
    }

    void valuesReadLikeTheTables_data()
    {
        QTest::addColumn<int>("unit");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("usd") << int(ChartUnit::Usd) << 873792.0 << QStringLiteral("$873,792.00");
        QTest::newRow("watts") << int(ChartUnit::Watts) << 2176.0 << QStringLiteral("2,176 W");
        QTest::newRow("bytes") << int(ChartUnit::BytesPerS) << 117.6e6 << QStringLiteral("117.6 MB/s");
        QTest::newRow("seconds") << int(ChartUnit::Seconds) << 352.1e-6 << QStringLiteral("352.1 µs");
        QTest::newRow("share") << int(ChartUnit::Share) << 0.668 << QStringLiteral("66.8 %");
        QTest::newRow("count") << int(ChartUnit::Count) << 128.0 << QStringLiteral("128");
        QTest::newRow("factor") << int(ChartUnit::LoadFactor) << 1.5 << QStringLiteral("×1.5");
        QTest::newRow("nan") << int(ChartUnit::Usd) << notANumber << QStringLiteral("—");
    }

    void valuesReadLikeTheTables()
    {
        QFETCH(int, unit);
        QFETCH(double, value);
        QFETCH(QString, text);
        QCOMPARE(formatChartValue(ChartUnit(unit), value), text);
    }

    void axisTicksAreNice_data()
    {
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        QTest::addColumn<int>("unit");
        QTest::addColumn<bool>("log");
        QTest::addColumn<QStringList>("labels");
        QTest::newRow("usd k") << 0.0 << 87379.0 << int(ChartUnit::Usd) << false
                               << QStringList { "$0", "$20k", "$40k", "$60k", "$80k", "$100k" };
        QTest::newRow("usd M") << 0.0 << 873792.0 << int(ChartUnit::Usd) << false
                               << QStringList { "$0", "$0.2M", "$0.4M", "$0.6M", "$0.8M", "$1M" };
        QTest::newRow("usd M halves") << 0.0 << 2.3e6 << int(ChartUnit::Usd) << false
                               << QStringList { "$0", "$0.5M", "$1M", "$1.5M", "$2M", "$2.5M" };
        QTest::newRow("watts") << 0.0 << 2176.0 << int(ChartUnit::Watts) << false
                               << QStringList { "0 W", "500 W", "1,000 W", "1,500 W", "2,000 W", "2,500 W" };
        QTest::newRow("share") << 0.0 << 1.0 << int(ChartUnit::Share) << false
                               << QStringList { "0 %", "20 %", "40 %", "60 %", "80 %", "100 %" };
        QTest::newRow("factor") << 0.0 << 1.37 << int(ChartUnit::LoadFactor) << false
                                << QStringList { "×0", "×0.5", "×1", "×1.5" };
        QTest::newRow("latency log") << 90e-6 << 3e-3 << int(ChartUnit::Seconds) << true
                                     << QStringList { "50 µs", "100 µs", "200 µs", "500 µs", "1 ms", "2 ms", "5 ms" };
    }

    void axisTicksAreNice()
    {
        QFETCH(double, low);
        QFETCH(double, high);
        QFETCH(int, unit);
        QFETCH(bool, log);
        QFETCH(QStringList, labels);
        const AxisScale scale = log ? logAxis(low, high) : linearAxis(low, high, unit == int(ChartUnit::LoadFactor) ? 3 : 5);
        QCOMPARE(axisTickLabels(scale, ChartUnit(unit)), labels);
        QVERIFY(scale.min <= low && scale.max >= high);
        QCOMPARE(scale.fraction(scale.min), 0.0);
        QCOMPARE(scale.fraction(scale.max), 1.0);
        const AxisScale bad = linearAxis(notANumber, infinity);
        QCOMPARE(bad.min, 0.0);
        QCOMPARE(bad.max, 1.0);
    }

    void breakdownsAreInFullUnits()
    {
        const Evaluated &e = evaluated(QStringLiteral("IB software IOV"));
        const std::vector<ChartBar> cost = costBars(e.metrics.rollup.bom);
        QCOMPARE(cost.front().label, QStringLiteral("adapters"));
        QCOMPARE(cost.front().value, cost::toUsd(e.metrics.rollup.bom.subtotal(cost::BomCategory::Adapters)));
        const std::vector<ChartBar> power = powerBars(e.metrics.rollup.power);
        QCOMPARE(power.front().value, e.metrics.rollup.power.adapterTypicalW);
        const std::vector<ChartBar> busy = utilizationBars(e.metrics.performance, 3);
        QCOMPARE(busy.size(), std::size_t(3));
        QVERIFY(busy.front().value <= 1.0 + 1e-12 && busy.front().value > 0.0);
    }

    // Not a check: the example's charts as PNG for a person to look at (IOVPLAN_CHART_SHOTS=DIR).
    void saveShotsWhenAsked()
    {
        const QString dir = qEnvironmentVariable("IOVPLAN_CHART_SHOTS");
        if (dir.isEmpty())
            QSKIP("set IOVPLAN_CHART_SHOTS=DIR to save the example's charts as PNG");
        QVERIFY(QDir().mkpath(dir));
        std::vector<QString> names;
        std::vector<const iov::ScenarioMetrics *> metrics;
        for (const QString &name : exampleScenarios) {
            const Evaluated &e = evaluated(name);
            QString slug = name;
            slug.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9]+")), QStringLiteral("-"));
            for (const Chart &c : scenarioCharts(e.scenario, e.metrics, e.curve))
                QCOMPARE(writeChart(QStringLiteral("%1/%2-%3.png").arg(dir, slug, c.id), c), QString());
            names.push_back(name);
            metrics.push_back(&e.metrics);
        }
        for (const Chart &c : comparisonCharts(names, metrics)) {
            QCOMPARE(writeChart(QStringLiteral("%1/%2.png").arg(dir, c.id), c), QString());
            QCOMPARE(writeChart(QStringLiteral("%1/%2.svg").arg(dir, c.id), c), QString());
        }
        // As a figure in a report's text column (about 470 pt on A4), at 2.5 px per point.
        const Evaluated &e = evaluated(exampleScenarios.front());
        std::vector<Chart> column = scenarioCharts(e.scenario, e.metrics, e.curve);
        column.push_back(comparisonCharts(names, metrics).front());
        for (const Chart &c : column) {
            const ChartFigure figure(c);
            const double width = 470.0;
            const double height = figure.heightForWidth(width);
            QImage image(QSize(int(width * 2.5), int(height * 2.5)), QImage::Format_RGB32);
            image.fill(Qt::white);
            {
                QPainter painter(&image);
                painter.scale(2.5, 2.5);
                figure.paint(painter, QRectF(0, 0, width, height));
            }
            QVERIFY(image.save(QStringLiteral("%1/column-%2.png").arg(dir, c.id)));
        }
    }
};

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"
