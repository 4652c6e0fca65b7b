#include "comparisoncharts.h"

#include "comparisonmodel.h"

#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QLegend>
#include <QtCharts/QValueAxis>

#include <algorithm>
#include <iterator>

namespace iovplan::ui {

QList<ComparisonChartSpec> compareViewCharts()
{
    QList<ComparisonChartSpec> charts;
    charts << ComparisonChartSpec { QStringLiteral("Cost"), QStringLiteral("US$ thousands"),
                                    { QStringLiteral("cost/io_purchase_usd"), QStringLiteral("cost/purchase_usd"),
                                      QStringLiteral("cost/io_tco_usd"), QStringLiteral("cost/tco_usd") },
                                    { QStringLiteral("I/O buy"), QStringLiteral("Purchase"), QStringLiteral("I/O TCO"),
                                      QStringLiteral("TCO") },
                                    1e-3 };
    // Total watts are mostly the servers, the same in every scenario: the chart shows the I/O bases.
    charts << ComparisonChartSpec { QStringLiteral("I/O power, typical"), QStringLiteral("W"),
                                    { QStringLiteral("power/adapter_typical_w"), QStringLiteral("power/endpoint_typical_w"),
                                      QStringLiteral("power/io_typical_w") },
                                    { QStringLiteral("Adapters"), QStringLiteral("+ GW modules"), QStringLiteral("All I/O") },
                                    1.0 };
    QStringList latency;
    QStringList peak;
    QStringList names;
    QStringList latencyNames;
    for (const iov::TrafficClass traffic : iov::allTrafficClasses) {
        const QString name = iov::trafficClassName(traffic);
        const QString label = name == QStringLiteral("migration") ? QStringLiteral("Migration") : name.toUpper();
        if (traffic != iov::TrafficClass::Migration) {
            latency << QStringLiteral("performance/classes/%1/p99_latency_s").arg(name);
            latencyNames << label;
        }
        peak << QStringLiteral("performance/classes/%1/peak_vm_bytes_per_s").arg(name);
        names << label;
    }
    charts << ComparisonChartSpec { QStringLiteral("p99 latency"), QStringLiteral("µs"), latency, latencyNames, 1e6 };
    charts << ComparisonChartSpec { QStringLiteral("Peak throughput per VM"), QStringLiteral("MB/s"), peak, names, 1e-6 };
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
    chart->setTitle(spec.title);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));

    QStringList categories;
    std::vector<int> rows;
    for (qsizetype i = 0; i < spec.jsonPaths.size(); ++i) {
        const int row = model.rowOf(spec.jsonPaths.at(i));
        if (row < 0)
            continue;
        rows.push_back(row);
        categories << spec.categories.value(i);
    }

    auto *series = new QBarSeries;
    double top = 0.0;
    for (int s = 0; s < model.scenarioCount(); ++s) {
        const bool pending = !model.evaluations()[std::size_t(s)];
        auto *set = new QBarSet(pending ? model.scenarioName(s) + QStringLiteral(" (evaluating…)") : model.scenarioName(s));
        set->setColor(scenarioColor(s));
        set->setBorderColor(scenarioColor(s));
        for (const int row : rows) {
            const double value = model.numberAt(row, s).value_or(0.0) * spec.scale;
            top = std::max(top, value);
            *set << value;
        }
        series->append(set);
    }
    chart->addSeries(series);

    auto *axisX = new QBarCategoryAxis;
    axisX->append(categories);
    axisX->setTruncateLabels(false);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    auto *axisY = new QValueAxis;
    axisY->setTitleText(spec.axisTitle);
    axisY->setRange(0.0, top > 0.0 ? top * 1.1 : 1.0);
    axisY->setLabelFormat(QStringLiteral("%.0f"));
    axisY->applyNiceNumbers();
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    return chart;
}

} // namespace iovplan::ui
