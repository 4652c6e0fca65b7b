#include "comparisoncharts.h"

#include "comparisonmodel.h"

#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QLegend>
#include <QtCharts/QValueAxis>

#include <QGraphicsLayout>
#include <QGuiApplication>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace iovplan::ui {

namespace {

/// The chart's categories and the model rows they read, the paths the model lacks left out.
struct ChartRows
{
    QStringList categories;
    std::vector<int> rows;
};

ChartRows chartRows(const ComparisonModel &model, const ComparisonChartSpec &spec)
{
    ChartRows result;
    for (qsizetype i = 0; i < spec.jsonPaths.size(); ++i) {
        const int row = model.rowOf(spec.jsonPaths.at(i));
        if (row < 0)
            continue;
        result.rows.push_back(row);
        result.categories << spec.categories.value(i);
    }
    return result;
}

QString barSetLabel(const ComparisonModel &model, int scenario)
{
    const bool pending = !model.evaluations()[std::size_t(scenario)];
    return pending ? model.scenarioName(scenario) + QStringLiteral(" (evaluating…)") : model.scenarioName(scenario);
}

/// Fills `set` with scenario `scenario`'s figures of `rows`; returns the largest bar.
double fillBarSet(QBarSet *set, const ComparisonModel &model, const std::vector<int> &rows, int scenario, double scale)
{
    double top = 0.0;
    QList<qreal> values;
    for (const int row : rows) {
        const double value = model.numberAt(row, scenario).value_or(0.0) * scale;
        top = std::max(top, value);
        values << value;
    }
    if (set->count() == values.size()) {
        for (int i = 0; i < set->count(); ++i) {
            if (set->at(i) != values.at(i))
                set->replace(i, values.at(i));
        }
    } else {
        if (set->count() > 0)
            set->remove(0, set->count());
        set->append(values);
    }
    return top;
}

/// 0 to a round number just above `top` in at most four round steps (1, 2, 2.5 or 5 × 10^k): a short
/// chart has room for five value labels, and QValueAxis::applyNiceNumbers often leaves the top third empty.
void setValueRange(QValueAxis *axis, double top)
{
    if (!(top > 0.0)) {
        axis->setRange(0.0, 1.0);
        axis->setTickCount(2);
        return;
    }
    const double rough = top / 4.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    double step = 10.0 * magnitude;
    for (const double factor : { 1.0, 2.0, 2.5, 5.0 }) {
        if (factor * magnitude >= rough) {
            step = factor * magnitude;
            break;
        }
    }
    const int steps = std::max(1, static_cast<int>(std::ceil(top / step - 1e-9)));
    axis->setRange(0.0, step * steps);
    axis->setTickCount(steps + 1);
    // As many decimals as the step needs: "2.5", "0.25", whole numbers otherwise.
    const bool whole = std::abs(step - std::round(step)) < 1e-9 * step;
    const bool tenths = std::abs(step * 10.0 - std::round(step * 10.0)) < 1e-9 * step * 10.0;
    axis->setLabelFormat(whole ? QStringLiteral("%.0f") : tenths ? QStringLiteral("%.1f") : QStringLiteral("%.2f"));
}

/// A font one point smaller than the application's: the charts are small.
QFont smallFont()
{
    QFont font = QGuiApplication::font();
    if (font.pointSizeF() > 0)
        font.setPointSizeF(std::max(6.0, font.pointSizeF() - 1.0));
    return font;
}

} // namespace

QList<ComparisonChartSpec> compareViewCharts()
{
    QList<ComparisonChartSpec> charts;
    // The totals add the same servers to every scenario; the I/O part is where designs differ.
    charts << ComparisonChartSpec { QStringLiteral("I/O cost"), QStringLiteral("US$ k"),
                                    { QStringLiteral("cost/io_purchase_usd"), QStringLiteral("cost/io_tco_usd") },
                                    { QStringLiteral("Purchase"), QStringLiteral("TCO") },
                                    1e-3 };
    charts << ComparisonChartSpec { QStringLiteral("I/O power"), QStringLiteral("W"),
                                    { QStringLiteral("power/adapter_typical_w"), QStringLiteral("power/endpoint_typical_w"),
                                      QStringLiteral("power/io_typical_w") },
                                    { QStringLiteral("Server<br>adapters"), QStringLiteral("+ GW<br>modules"),
                                      QStringLiteral("All<br>I/O") },
                                    1.0 };
    QStringList latency;
    QStringList peak;
    QStringList names;
    QStringList latencyNames;
    for (const iov::TrafficClass traffic : iov::allTrafficClasses) {
        const QString name = iov::trafficClassName(traffic);
        // Three letters each so four groups fit under a 200 px chart ("MIG" is migration).
        const QString label = name.left(3).toUpper();
        if (traffic != iov::TrafficClass::Migration) {
            latency << QStringLiteral("performance/classes/%1/p99_latency_s").arg(name);
            latencyNames << label;
        }
        peak << QStringLiteral("performance/classes/%1/peak_vm_bytes_per_s").arg(name);
        names << label;
    }
    charts << ComparisonChartSpec { QStringLiteral("p99 latency"), QStringLiteral("µs"), latency, latencyNames, 1e6 };
    charts << ComparisonChartSpec { QStringLiteral("Peak per VM"), QStringLiteral("MB/s"), peak, names, 1e-6 };
    return charts;
}

QColor scenarioColor(int index)
{
    // Tableau 10's first four: distinct for the common forms of color blindness, readable on both palettes.
    static const QColor colors[] = { QColor(0x4e, 0x79, 0xa7), QColor(0xf2, 0x8e, 0x2b), QColor(0x59, 0xa1, 0x4f),
                                     QColor(0xb0, 0x7a, 0xa1) };
    return colors[std::size_t(std::max(index, 0)) % std::size(colors)];
}

int chartCategoryCount(const ComparisonModel &model, const ComparisonChartSpec &spec)
{
    return static_cast<int>(std::count_if(spec.jsonPaths.begin(), spec.jsonPaths.end(),
                                          [&model](const QString &path) { return model.rowOf(path) >= 0; }));
}

QChart *comparisonBarChart(const ComparisonModel &model, const ComparisonChartSpec &spec, bool dark)
{
    auto *chart = new QChart;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setTitle(spec.unit.isEmpty() ? spec.title : spec.title + QStringLiteral(", ") + spec.unit);
    QFont titleFont = QGuiApplication::font();
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->hide();
    // Every pixel goes to the plot: at 200 px wide the default layout margins cost a category its label.
    chart->setMargins(QMargins(2, 2, 4, 2));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setBackgroundRoundness(0);

    const ChartRows rows = chartRows(model, spec);
    auto *series = new QBarSeries;
    series->setBarWidth(0.85);
    double top = 0.0;
    for (int s = 0; s < model.scenarioCount(); ++s) {
        auto *set = new QBarSet(barSetLabel(model, s));
        set->setColor(scenarioColor(s));
        set->setBorderColor(scenarioColor(s));
        top = std::max(top, fillBarSet(set, model, rows.rows, s, spec.scale));
        series->append(set);
    }
    chart->addSeries(series);

    auto *axisX = new QBarCategoryAxis;
    axisX->append(rows.categories);
    axisX->setTruncateLabels(false);
    axisX->setLabelsFont(smallFont());
    axisX->setGridLineVisible(false);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    auto *axisY = new QValueAxis;
    axisY->setLabelsFont(smallFont());
    setValueRange(axisY, top);
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    return chart;
}

bool updateComparisonBarChart(QChart *chart, const ComparisonModel &model, const ComparisonChartSpec &spec)
{
    if (chart == nullptr)
        return false;
    auto *series = qobject_cast<QBarSeries *>(chart->series().value(0));
    const QList<QAbstractAxis *> xAxes = chart->axes(Qt::Horizontal);
    const QList<QAbstractAxis *> yAxes = chart->axes(Qt::Vertical);
    auto *axisX = qobject_cast<QBarCategoryAxis *>(xAxes.value(0));
    auto *axisY = qobject_cast<QValueAxis *>(yAxes.value(0));
    const ChartRows rows = chartRows(model, spec);
    if (series == nullptr || axisX == nullptr || axisY == nullptr || series->count() != model.scenarioCount()
        || axisX->categories() != rows.categories)
        return false;
    double top = 0.0;
    const QList<QBarSet *> sets = series->barSets();
    for (int s = 0; s < model.scenarioCount(); ++s) {
        QBarSet *set = sets.at(s);
        const QString label = barSetLabel(model, s);
        if (set->label() != label)
            set->setLabel(label);
        top = std::max(top, fillBarSet(set, model, rows.rows, s, spec.scale));
    }
    setValueRange(axisY, top);
    return true;
}

} // namespace iovplan::ui
