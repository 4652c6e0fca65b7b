// The dashboard: KPI tiles equal the metrics formatted, the charts hold the roll-up's and the performance
// model's figures, the latency curve has the SLA line and belongs to the newest evaluation, a saturated
// scenario says so without NaN, and the stale hint follows EvaluationService.

#include "ui/dashboard/dashboard.h"
#include "ui/dashboard/dashboardcharts.h"
#include "ui/dashboard/kpitile.h"

#include "model/iov/whatifedits.h"
#include "reports/figureformat.h"
#include "tests/exampleproject.h"
#include "tests/ui/uitesthelpers.h"
#include "reports/latencycurve.h"

#include <QDir>
#include <QLabel>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QHorizontalBarSeries>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>

#include <cmath>

using namespace iovplan;
using namespace iovplan::ui;
using iovplan::testing::ciovExample;
using iovplan::testing::exampleScenario;
using iovplan::testing::darkPalette;
using iovplan::testing::evaluatedExample;

namespace {


QChart *chartOf(const Dashboard &dashboard, const char *name)
{
    auto *view = dashboard.findChild<QChartView *>(QString::fromLatin1(name));
    return view != nullptr ? view->chart() : nullptr;
}

// Bar value by category label (the chart draws them in reverse order; look them up by name).
std::map<QString, double> barsByLabel(QChart *chart, QBarSet **setOut = nullptr, QStringList *labelsOut = nullptr)
{
    std::map<QString, double> bars;
    auto *series = qobject_cast<QHorizontalBarSeries *>(chart->series().value(0));
    if (series == nullptr || series->barSets().isEmpty())
        return bars;
    QBarSet *set = series->barSets().first();
    const auto axes = chart->axes(Qt::Vertical);
    auto *categories = qobject_cast<QBarCategoryAxis *>(axes.value(0));
    if (categories == nullptr)
        return bars;
    for (int i = 0; i < categories->count(); ++i)
        bars[categories->at(i)] = set->at(i);
    if (setOut)
        *setOut = set;
    if (labelsOut)
        *labelsOut = categories->categories();
    return bars;
}

QLineSeries *lineNamed(QChart *chart, const QString &prefix)
{
    for (QAbstractSeries *s : chart->series()) {
        if (s->name().startsWith(prefix))
            return qobject_cast<QLineSeries *>(s);
    }
    return nullptr;
}

std::optional<double> worstP99(const iov::PerformanceMetrics &p)
{
    std::optional<double> worst;
    for (const iov::ClassMetrics &c : p.classes) {
        if (c.traffic != iov::TrafficClass::Migration && c.p99LatencyS)
            worst = std::max(worst.value_or(0.0), *c.p99LatencyS);
    }
    return worst;
}

// Every text a user reads on the dashboard and every chart value: nothing NaN or infinite.
void verifyNothingNonFinite(const Dashboard &dashboard)
{
    for (const char *id : { "purchase", "tco", "watts", "throughput", "p99", "headroom", "max-vms" }) {
        const KpiTile *t = dashboard.tile(QString::fromLatin1(id));
        QVERIFY(t != nullptr);
        static const QRegularExpression nonFinite(QStringLiteral("\\b(nan|inf|infinity)\\b"),
                                                  QRegularExpression::CaseInsensitiveOption);
        for (const QString &text : { t->valueText(), t->detailText(), t->captionText() })
            QVERIFY2(!text.contains(nonFinite), qPrintable(text));
    }
    for (const QChartView *view : dashboard.findChildren<QChartView *>()) {
        for (QAbstractSeries *s : view->chart()->series()) {
            if (auto *xy = qobject_cast<QXYSeries *>(s)) {
                for (const QPointF &p : xy->points())
                    QVERIFY2(std::isfinite(p.x()) && std::isfinite(p.y()), qPrintable(view->objectName()));
            } else if (auto *bars = qobject_cast<QAbstractBarSeries *>(s)) {
                for (const QBarSet *set : bars->barSets()) {
                    for (int i = 0; i < set->count(); ++i)
                        QVERIFY2(std::isfinite(set->at(i)), qPrintable(view->objectName()));
                }
            }
        }
    }
}

} // namespace

class TestDashboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_document = std::make_unique<Document>();
        m_service = std::make_unique<EvaluationService>(*m_document);
        m_selection = std::make_unique<DesignSelection>();
    }

    void cleanupTestCase()
    {
        m_service->waitForIdle();
    }

    void kpiTilesEqualTheMetricsFormatted_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::newRow("example GigE+FC") << QStringLiteral("GigE+FC");
        QTest::newRow("example IB software IOV") << QStringLiteral("IB software IOV");
        QTest::newRow("example IB native IOV") << QStringLiteral("IB native IOV");
    }

    void kpiTilesEqualTheMetricsFormatted()
    {
        QFETCH(QString, scenario);
        Dashboard dashboard(*m_service, *m_selection);
        const EvaluationPtr e = evaluatedExample(exampleScenario(scenario));
        dashboard.setEvaluation(e);
        const iov::ScenarioMetrics &m = e->metrics;
        QVERIFY(!m.performance.saturated);

        QCOMPARE(dashboard.tile(QStringLiteral("purchase"))->valueText(), reports::formatUsd(m.rollup.cost.purchase));
        QVERIFY(dashboard.tile(QStringLiteral("purchase"))->detailText().contains(reports::formatUsd(m.rollup.cost.ioPurchase)));
        QCOMPARE(dashboard.tile(QStringLiteral("tco"))->valueText(), reports::formatUsd(m.rollup.cost.tcoUsd));
        QCOMPARE(dashboard.tile(QStringLiteral("tco"))->figure().title, QStringLiteral("TCO, 3 years"));
        QCOMPARE(dashboard.tile(QStringLiteral("watts"))->valueText(), reports::formatWatts(m.rollup.power.typicalW()));

        double carried = 0.0;
        for (const iov::ClassMetrics &c : m.performance.classes)
            carried += c.throughputBytesPerS;
        const int vms = 128 * 10; // the example: 128 servers of 10 VMs each
        QCOMPARE(dashboard.tile(QStringLiteral("throughput"))->valueText(),
                 reports::formatNumber(carried / vms / 1e6, 1) + QStringLiteral(" MB/s"));

        const std::optional<double> p99 = worstP99(m.performance);
        QVERIFY(p99.has_value());
        QCOMPARE(dashboard.tile(QStringLiteral("p99"))->valueText(),
                 reports::formatNumber(*p99 * 1e6, 1) + QStringLiteral(" µs"));
        QCOMPARE(dashboard.tile(QStringLiteral("p99"))->isAlert(), *p99 > e->scenario.workload.sla.latencyS);
        QCOMPARE(dashboard.tile(QStringLiteral("headroom"))->valueText(),
                 reports::formatNumber(100.0 * m.performance.cpuHeadroom, 1) + QStringLiteral(" %"));
        QCOMPARE(dashboard.tile(QStringLiteral("max-vms"))->valueText(), QString::number(m.performance.maxVmsPerServer));

        for (const char *id : { "purchase", "tco", "watts", "throughput", "p99", "headroom", "max-vms" }) {
            const KpiTile *t = dashboard.tile(QString::fromLatin1(id));
            QVERIFY2(t->captionText().size() > 30, id); // says what the figure is and its basis
            QCOMPARE(t->objectName(), QStringLiteral("kpi-") + QString::fromLatin1(id));
        }
        verifyNothingNonFinite(dashboard);
    }

    void p99TileRedWhenTheSlaIsMissed()
    {
        design::Scenario s = exampleScenario(QStringLiteral("GigE+FC"));
        const iov::ScenarioMetrics base = iov::evaluate(s, ciovExample().catalog);
        const double worst = *worstP99(base.performance);
        s.workload.sla.latencyS = worst / 2.0; // half the p99: missed by exactly that much
        Dashboard dashboard(*m_service, *m_selection);
        dashboard.setEvaluation(evaluatedExample(s));
        const KpiTile *tile = dashboard.tile(QStringLiteral("p99"));
        QVERIFY(tile->isAlert());
        QVERIFY2(tile->detailText().contains(reports::formatNumber(worst / 2.0 * 1e6, 1) + QStringLiteral(" µs")),
                 qPrintable(tile->detailText()));
        QVERIFY(tile->detailText().startsWith(QStringLiteral("misses")));
        // The value turned red, not black/white: the label's text colour differs from the title's.
        const auto labels = tile->findChildren<QLabel *>();
        QVERIFY(labels.size() >= 2);
        QVERIFY(labels[1]->palette().color(QPalette::WindowText) != labels[0]->palette().color(QPalette::WindowText));

        s.workload.sla.latencyS = worst * 2.0;
        dashboard.setEvaluation(evaluatedExample(s));
        QVERIFY(!dashboard.tile(QStringLiteral("p99"))->isAlert());
    }

    void costChartHoldsTheBomSubtotals_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::newRow("GigE+FC") << QStringLiteral("GigE+FC");
        QTest::newRow("IB software IOV") << QStringLiteral("IB software IOV");
    }

    void costChartHoldsTheBomSubtotals()
    {
        QFETCH(QString, scenario);
        Dashboard dashboard(*m_service, *m_selection);
        const EvaluationPtr e = evaluatedExample(exampleScenario(scenario));
        dashboard.setEvaluation(e);
        const std::map<QString, double> bars = barsByLabel(chartOf(dashboard, "chart-cost"));
        QCOMPARE(bars.size(), cost::allBomCategories.size());
        double sum = 0.0;
        for (const cost::BomCategory category : cost::allBomCategories) {
            const auto found = bars.find(cost::bomCategoryName(category));
            QVERIFY2(found != bars.end(), qPrintable(cost::bomCategoryName(category)));
            const double expected = cost::toUsd(e->metrics.rollup.bom.subtotal(category)) / 1000.0;
            QVERIFY2(std::abs(found->second - expected) < 1e-9, qPrintable(cost::bomCategoryName(category)));
            sum += found->second;
        }
        QVERIFY(std::abs(sum - cost::toUsd(e->metrics.rollup.cost.purchase) / 1000.0) < 1e-6);
    }

    void powerChartHoldsThePowerFigures()
    {
        Dashboard dashboard(*m_service, *m_selection);
        const EvaluationPtr e = evaluatedExample(exampleScenario(QStringLiteral("IB software IOV")));
        dashboard.setEvaluation(e);
        const cost::PowerRollup &p = e->metrics.rollup.power;
        const std::map<QString, double> bars = barsByLabel(chartOf(dashboard, "chart-power"));
        QCOMPARE(bars.size(), std::size_t(5));
        QCOMPARE(bars.at(QStringLiteral("server adapters")), p.adapterTypicalW / 1000.0);
        QCOMPARE(bars.at(QStringLiteral("gateway modules")), p.gatewayModuleTypicalW / 1000.0);
        QVERIFY(p.gatewayModuleTypicalW > 0.0); // the IB scenario's gateways do show
        QCOMPARE(bars.at(QStringLiteral("servers")), p.serverTypicalW / 1000.0);
        double sum = 0.0;
        for (const auto &[label, value] : bars)
            sum += value;
        QVERIFY(std::abs(sum - p.typicalW() / 1000.0) < 1e-9);
    }

    void latencyChartHasTheSlaLine()
    {
        Dashboard dashboard(*m_service, *m_selection);
        const EvaluationPtr e = evaluatedExample(exampleScenario(QStringLiteral("GigE+FC")));
        QSignalSpy ready(&dashboard, &Dashboard::curveReady);
        dashboard.setEvaluation(e);
        QVERIFY(dashboard.isCurvePending());
        QTRY_VERIFY_WITH_TIMEOUT(!dashboard.isCurvePending(), 60000);
        QCOMPARE(ready.size(), 1);
        QChart *chart = chartOf(dashboard, "chart-latency");
        QLineSeries *sla = lineNamed(chart, slaSeriesName());
        QVERIFY(sla != nullptr);
        QCOMPARE(sla->count(), 2);
        const double slaUs = e->scenario.workload.sla.latencyS * 1e6;
        for (const QPointF &p : sla->points())
            QCOMPARE(p.y(), slaUs);
        QCOMPARE(sla->at(0).x(), 0.0);

        QLineSeries *lan = lineNamed(chart, QStringLiteral("lan"));
        QVERIFY(lan != nullptr);
        QVERIFY(lan->count() >= 10);
        const double maxScale = *e->metrics.performance.maxLoadScale;
        QVERIFY(lan->points().back().x() < maxScale); // just below saturation
        QVERIFY(lan->points().back().x() > 0.9 * maxScale);
        QVERIFY(sla->at(1).x() >= lan->points().back().x()); // the SLA spans the whole curve
        for (int i = 1; i < lan->count(); ++i) // latency grows with load
            QVERIFY(lan->at(i).y() >= lan->at(i - 1).y());
        verifyNothingNonFinite(dashboard);
    }

    void newerEvaluationSupersedesTheCurve()
    {
        Dashboard dashboard(*m_service, *m_selection);
        const EvaluationPtr older = evaluatedExample(exampleScenario(QStringLiteral("GigE+FC")));
        const EvaluationPtr newer = evaluatedExample(exampleScenario(QStringLiteral("IB native IOV")));
        QVERIFY(std::abs(*older->metrics.performance.maxLoadScale - *newer->metrics.performance.maxLoadScale) > 0.3);
        QSignalSpy ready(&dashboard, &Dashboard::curveReady);
        dashboard.setEvaluation(older);
        dashboard.setEvaluation(newer);
        QTRY_VERIFY_WITH_TIMEOUT(!dashboard.isCurvePending(), 60000);
        QTest::qWait(50); // the older sweep, finishing later, must not replace it
        QCOMPARE(ready.size(), 1);
        QLineSeries *lan = lineNamed(chartOf(dashboard, "chart-latency"), QStringLiteral("lan"));
        QVERIFY(lan != nullptr);
        QVERIFY(std::abs(lan->points().back().x() - reports::latencyCurveReach * *newer->metrics.performance.maxLoadScale) < 1e-9);
    }

    void utilizationChartMarksTheBottleneck_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::newRow("GigE+FC") << QStringLiteral("GigE+FC");
        QTest::newRow("IB software IOV") << QStringLiteral("IB software IOV");
    }

    void utilizationChartMarksTheBottleneck()
    {
        QFETCH(QString, scenario);
        Dashboard dashboard(*m_service, *m_selection);
        const EvaluationPtr e = evaluatedExample(exampleScenario(scenario));
        dashboard.setEvaluation(e);
        QBarSet *set = nullptr;
        QStringList labels;
        const std::map<QString, double> bars = barsByLabel(chartOf(dashboard, "chart-utilization"), &set, &labels);
        QVERIFY(set != nullptr);
        QVERIFY(bars.size() >= 5);
        const QList<int> selected = set->selectedBars();
        QCOMPARE(selected.size(), 1);
        const QString &bottleneck = e->metrics.performance.bottleneck;
        QVERIFY(!bottleneck.isEmpty());
        QCOMPARE(labels.at(selected.first()), bottleneck + bottleneckSuffix());
        double utilization = -1.0;
        for (const iov::StationMetrics &s : e->metrics.performance.stations) {
            if (s.name == bottleneck)
                utilization = s.utilization;
        }
        QCOMPARE(set->at(selected.first()), 100.0 * utilization);
        QVERIFY(set->selectedColor() != set->color());
        for (const auto &[label, value] : bars) // no station is busier than the bottleneck
            QVERIFY(value <= 100.0 * utilization + 1e-9);
    }

    void saturatedScenarioSaysSoWithoutNan()
    {
        design::Scenario s = exampleScenario(QStringLiteral("GigE+FC"));
        const iov::ScenarioMetrics base = iov::evaluate(s, ciovExample().catalog);
        iov::scaleLoad(s.workload, 2.0 * *base.performance.maxLoadScale);
        const EvaluationPtr e = evaluatedExample(s);
        QVERIFY(e->metrics.performance.saturated);
        QVERIFY(e->metrics.performance.maxLoadScale.has_value());
        Dashboard dashboard(*m_service, *m_selection);
        dashboard.setEvaluation(e);
        const QString expected = QStringLiteral("Saturated at %1× load")
                                     .arg(reports::formatNumber(*e->metrics.performance.maxLoadScale, 2));
        // More load than it can carry (not exactly half: the VMs' own CPU work does not scale with I/O).
        QVERIFY(*e->metrics.performance.maxLoadScale < 1.0);
        for (const char *id : { "throughput", "p99", "headroom" }) {
            QCOMPARE(dashboard.tile(QString::fromLatin1(id))->valueText(), expected);
            QVERIFY(dashboard.tile(QString::fromLatin1(id))->isAlert());
        }
        QTRY_VERIFY_WITH_TIMEOUT(!dashboard.isCurvePending(), 60000);
        QLineSeries *lan = lineNamed(chartOf(dashboard, "chart-latency"), QStringLiteral("lan"));
        QVERIFY(lan != nullptr && lan->count() > 0); // the curve below the saturation point still shows
        verifyNothingNonFinite(dashboard);
    }

    void chartsFollowTheDarkPalette()
    {
        Dashboard dashboard(*m_service, *m_selection);
        dashboard.setEvaluation(evaluatedExample(exampleScenario(QStringLiteral("GigE+FC"))));
        dashboard.setPalette(darkPalette());
        QChart *chart = chartOf(dashboard, "chart-cost");
        QCOMPARE(chart->backgroundBrush().color(), darkPalette().color(QPalette::Base));
        for (QAbstractAxis *axis : chart->axes())
            QCOMPARE(axis->labelsColor(), darkPalette().color(QPalette::Text));
    }

    void staleHintWhileAnEvaluationIsPending()
    {
        Document document;
        EvaluationService service(document);
        DesignSelection selection;
        document.adopt(ciovExample(), {}, io::currentDocumentVersion);
        const ScenarioKey key = document.scenarioKeys().front();
        selection.setScenario(key);
        Dashboard dashboard(service, selection);
        QVERIFY(service.waitForIdle());
        QTRY_VERIFY(dashboard.evaluation() != nullptr);
        QCOMPARE(dashboard.evaluation(), service.latest(key));
        QVERIFY(!dashboard.isStale());

        design::Scenario changed = document.scenario(key);
        changed.workload.sla.latencyS *= 2.0;
        document.replaceScenario(key, changed, document.catalog(), ScenarioPart::Workload);
        QVERIFY(service.isPending(key));
        QVERIFY(dashboard.isStale());
        QTRY_VERIFY_WITH_TIMEOUT(!dashboard.isStale(), 30000);
        QCOMPARE(dashboard.evaluation()->scenario.workload.sla.latencyS, changed.workload.sla.latencyS);

        // Following the selection: another scenario's results replace the shown ones.
        const ScenarioKey other = document.scenarioKeys().back();
        selection.setScenario(other);
        QCOMPARE(dashboard.evaluation(), service.latest(other));
        QVERIFY(dashboard.tile(QStringLiteral("purchase"))->valueText()
                == reports::formatUsd(service.latest(other)->metrics.rollup.cost.purchase));
    }

    void figureFormatters_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("MB/s") << QStringLiteral("MB/s") << 117.6e6 << QStringLiteral("117.6 MB/s");
        QTest::newRow("MB/s, groups, trailing zero dropped") << QStringLiteral("MB/s") << 1250.0e6 << QStringLiteral("1,250 MB/s");
        QTest::newRow("µs") << QStringLiteral("us-micro") << 352.14e-6 << QStringLiteral("352.1 \u00b5s");
        QTest::newRow("us, ASCII for tables") << QStringLiteral("us-ascii") << 352.14e-6 << QStringLiteral("352.1 us");
        QTest::newRow("µs stays µs past 1 ms") << QStringLiteral("us-micro") << 2e-3 << QStringLiteral("2,000 \u00b5s");
        QTest::newRow("latency below 1 ms") << QStringLiteral("latency") << 176.04e-6 << QStringLiteral("176 \u00b5s");
        QTest::newRow("latency rounding up to 1 ms") << QStringLiteral("latency") << 999.97e-6 << QStringLiteral("1 ms");
        QTest::newRow("latency in ms") << QStringLiteral("latency") << 12.345e-3 << QStringLiteral("12.35 ms");
        QTest::newRow("latency in s") << QStringLiteral("latency") << 1.25 << QStringLiteral("1.25 s");
    }

    void figureFormatters()
    {
        QFETCH(QString, kind);
        QFETCH(double, value);
        QFETCH(QString, expected);
        QString text;
        if (kind == QStringLiteral("MB/s"))
            text = reports::formatMegabytesPerS(value);
        else if (kind == QStringLiteral("us-micro"))
            text = reports::formatMicroseconds(value);
        else if (kind == QStringLiteral("us-ascii"))
            text = reports::formatMicroseconds(value, reports::MicroSign::Ascii);
        else
            text = reports::formatLatency(value);
        QCOMPARE(text, expected);
    }

    // A bottom dock about 320 px tall: one row of seven tiles, then the four charts in one row, each tall
    // enough to read; narrow, both wrap and nothing sticks out; the minimum width stays small.
    void compactLayoutForABottomDock()
    {
        Dashboard dashboard(*m_service, *m_selection);
        dashboard.setEvaluation(evaluatedExample(exampleScenario(QStringLiteral("IB software IOV"))));
        QVERIFY2(dashboard.minimumSizeHint().width() <= 600, qPrintable(QString::number(dashboard.minimumSizeHint().width())));
        dashboard.resize(1280, 320);
        dashboard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dashboard));
        const auto top = [&](const QWidget *w) { return w->mapTo(&dashboard, QPoint(0, 0)); };
        const QStringList charts { QStringLiteral("chart-cost"), QStringLiteral("chart-power"),
                                   QStringLiteral("chart-latency"), QStringLiteral("chart-utilization") };
        const int tileY = top(dashboard.tile(QStringLiteral("purchase"))).y();
        for (const char *id : { "purchase", "tco", "watts", "throughput", "p99", "headroom", "max-vms" }) {
            const KpiTile *t = dashboard.tile(QString::fromLatin1(id));
            QCOMPARE(top(t).y(), tileY);
            QVERIFY(t->height() <= 90);
            QVERIFY(top(t).x() + t->width() <= dashboard.width());
        }
        const auto *cost = dashboard.findChild<QChartView *>(charts.first());
        for (const QString &name : charts) {
            const auto *view = dashboard.findChild<QChartView *>(name);
            QCOMPARE(top(view).y(), top(cost).y());
            QVERIFY2(view->height() >= 200, qPrintable(name));
            QVERIFY(top(view).x() + view->width() <= dashboard.width());
            QVERIFY(top(view).y() + view->height() <= dashboard.height()); // all in view, no scrolling
        }

        dashboard.resize(600, 320);
        QTRY_VERIFY(top(dashboard.tile(QStringLiteral("max-vms"))).y() > tileY); // the tiles wrap
        // Nothing sticks out on the right (checked once the scroll area has laid its content out again).
        const auto fits = [&] {
            for (const QWidget *w : dashboard.findChildren<QWidget *>()) {
                if ((qobject_cast<const KpiTile *>(w) || qobject_cast<const QChartView *>(w))
                    && top(w).x() + w->width() > dashboard.width())
                    return false;
            }
            return true;
        };
        QTRY_VERIFY(fits());
        QVERIFY(top(dashboard.findChild<QChartView *>(charts.last())).y() > top(cost).y()); // the charts wrap too
    }

    // Every evaluation updates the same charts and series: nothing is recreated per edit.
    void chartsAreUpdatedInPlace()
    {
        Dashboard dashboard(*m_service, *m_selection);
        const EvaluationPtr first = evaluatedExample(exampleScenario(QStringLiteral("GigE+FC")));
        const EvaluationPtr second = evaluatedExample(exampleScenario(QStringLiteral("IB software IOV")));
        dashboard.setEvaluation(first);
        QTRY_VERIFY_WITH_TIMEOUT(!dashboard.isCurvePending(), 60000);
        std::map<QString, std::pair<QChart *, QList<QAbstractSeries *>>> before;
        for (const QChartView *view : dashboard.findChildren<QChartView *>())
            before[view->objectName()] = { view->chart(), view->chart()->series() };
        QCOMPARE(before.size(), std::size_t(4));
        dashboard.setEvaluation(second);
        QTRY_VERIFY_WITH_TIMEOUT(!dashboard.isCurvePending(), 60000);
        for (const QChartView *view : dashboard.findChildren<QChartView *>()) {
            QCOMPARE(view->chart(), before.at(view->objectName()).first);
            QCOMPARE(view->chart()->series(), before.at(view->objectName()).second);
        }
        // ... and they hold the second evaluation's figures.
        const std::map<QString, double> power = barsByLabel(chartOf(dashboard, "chart-power"));
        QCOMPARE(power.at(QStringLiteral("gateway modules")), second->metrics.rollup.power.gatewayModuleTypicalW / 1000.0);
        QVERIFY(second->metrics.rollup.power.gatewayModuleTypicalW != first->metrics.rollup.power.gatewayModuleTypicalW);
    }

    // The sweep behind a superseded curve stops at the next step instead of running all of them.
    void supersededCurveStopsItsSweep()
    {
        const EvaluationPtr e = evaluatedExample(exampleScenario(QStringLiteral("GigE+FC")));
        int calls = 0;
        const reports::LatencyCurve curve = reports::latencyCurve(e->scenario, e->catalog, e->metrics.performance.maxLoadScale, 24,
                                                [&calls](int, int) { return ++calls < 3; });
        QCOMPARE(calls, 3);
        QVERIFY(curve.series.empty());
        QCOMPARE(curve.note, QStringLiteral("cancelled"));
        const reports::LatencyCurve whole = reports::latencyCurve(e->scenario, e->catalog, e->metrics.performance.maxLoadScale, 24,
                                                [](int, int) { return true; });
        QVERIFY(!whole.series.empty());
        QCOMPARE(whole.series.front().points.size(), std::size_t(24));
    }

    void screenshots_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<bool>("dark");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QString>("suffix");
        const QSize dock(1280, 320);
        QTest::newRow("GigE+FC") << QStringLiteral("GigE+FC") << false << dock << QString();
        QTest::newRow("IB software IOV") << QStringLiteral("IB software IOV") << false << dock << QString();
        QTest::newRow("IB software IOV, dark") << QStringLiteral("IB software IOV") << true << dock << QString();
        QTest::newRow("IB software IOV, narrow") << QStringLiteral("IB software IOV") << false << QSize(600, 640)
                                                 << QStringLiteral("-narrow");
    }

    void screenshots()
    {
        QFETCH(QString, scenario);
        QFETCH(bool, dark);
        QFETCH(QSize, size);
        QFETCH(QString, suffix);
        const QString dir = qEnvironmentVariable("IOVPLAN_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("IOVPLAN_SCREENSHOT_DIR is not set");
        Dashboard dashboard(*m_service, *m_selection);
        if (dark)
            dashboard.setPalette(darkPalette());
        dashboard.resize(size);
        dashboard.setEvaluation(evaluatedExample(exampleScenario(scenario)));
        dashboard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dashboard));
        QTRY_VERIFY_WITH_TIMEOUT(!dashboard.isCurvePending(), 60000);
        QDir().mkpath(dir);
        QString name = QStringLiteral("dashboard-") + scenario.toLower().replace(QLatin1Char(' '), QLatin1Char('-'))
                           .remove(QLatin1Char('+'));
        if (dark)
            name += QStringLiteral("-dark");
        name += suffix;
        QVERIFY(dashboard.grab().save(QDir(dir).filePath(name + QStringLiteral(".png"))));
    }

private:
    std::unique_ptr<Document> m_document;
    std::unique_ptr<EvaluationService> m_service;
    std::unique_ptr<DesignSelection> m_selection;
};

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
