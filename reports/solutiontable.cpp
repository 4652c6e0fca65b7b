#include "solutiontable.h"

#include "model/io/qnjsonwriter.h"

#include <QStringList>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <vector>

namespace iovplan::reports {

namespace {

using queueing::ClassKind;
using queueing::Solution;
using queueing::StationKind;

// Names come from the input file: control characters would garble a terminal.
QString fromStd(const std::string &s)
{
    QString text = QString::fromStdString(s);
    for (QChar &ch : text) {
        if (ch.unicode() < 0x20 || ch.unicode() == 0x7f)
            ch = QChar(u'?');
    }
    return text;
}

// Six significant digits: enough to compare with published tables, short enough to read.
QString number(double x)
{
    if (!std::isfinite(x))
        return QStringLiteral("-");
    return QString::number(x == 0.0 ? 0.0 : x, 'g', 6);
}

QString number(const std::optional<double> &x)
{
    return x ? number(*x) : QStringLiteral("-");
}

// Columns padded to their widest cell; text left-aligned, numbers right-aligned.
class TextTable
{
public:
    enum class Align { Left, Right };

    void addColumn(const QString &header, Align align)
    {
        m_headers.append(header);
        m_aligns.push_back(align);
    }
    void addRow(const QStringList &cells) { m_rows.append(cells); }

    [[nodiscard]] QString render() const
    {
        std::vector<qsizetype> widths(static_cast<std::size_t>(m_headers.size()), 0);
        const auto measure = [&](const QStringList &cells) {
            for (qsizetype i = 0; i < cells.size() && i < m_headers.size(); ++i)
                widths[static_cast<std::size_t>(i)]
                    = std::max(widths[static_cast<std::size_t>(i)], cells.at(i).size());
        };
        measure(m_headers);
        for (const auto &row : m_rows)
            measure(row);
        QString out;
        const auto line = [&](const QStringList &cells) {
            QString text;
            for (qsizetype i = 0; i < m_headers.size(); ++i) {
                const QString cell = i < cells.size() ? cells.at(i) : QString();
                const auto width = widths[static_cast<std::size_t>(i)];
                if (i > 0)
                    text += QStringLiteral("  ");
                text += m_aligns[static_cast<std::size_t>(i)] == Align::Right ? cell.rightJustified(width)
                                                                              : cell.leftJustified(width);
            }
            // Trailing blanks of a left-aligned last column help nobody.
            while (text.endsWith(QLatin1Char(' ')))
                text.chop(1);
            out += text + QLatin1Char('\n');
        };
        line(m_headers);
        QStringList rules;
        for (const auto width : widths)
            rules.append(QString(width, QLatin1Char('-')));
        line(rules);
        for (const auto &row : m_rows)
            line(row);
        return out;
    }

private:
    QStringList m_headers;
    std::vector<Align> m_aligns;
    QList<QStringList> m_rows;
};

QString classLoad(const queueing::JobClass &jobClass)
{
    if (jobClass.kind == ClassKind::Open)
        return QStringLiteral("rate ") + number(jobClass.arrivalRate);
    QString load = QStringLiteral("N ") + QString::number(jobClass.population);
    if (jobClass.thinkTime > 0.0)
        load += QStringLiteral(", Z ") + number(jobClass.thinkTime);
    return load;
}

QString stationServers(const queueing::Station &station)
{
    switch (station.kind) {
    case StationKind::Queue:
        return QString::number(station.servers);
    case StationKind::Delay:
        return QStringLiteral("inf");
    case StationKind::LoadDependent:
        return QStringLiteral("ld");
    }
    return QString();
}

} // namespace

QString solutionTable(const queueing::Network &network, const Solution &solution)
{
    using Align = TextTable::Align;
    QString out;
    const auto field = [&out](const QString &label, const QString &text) {
        out += label.leftJustified(19) + text + QLatin1Char('\n');
    };
    field(QStringLiteral("Method"),
        QLatin1String(io::methodName(solution.method)) + QStringLiteral(" (")
            + QLatin1String(io::algorithmName(solution.algorithm)) + QLatin1Char(')'));
    if (solution.method == queueing::Method::Approximate)
        field(QStringLiteral("Iterations"),
            QString::number(solution.iterations)
                + (solution.converged ? QStringLiteral(", converged") : QStringLiteral(", NOT converged")));
    field(QStringLiteral("Saturated"),
        solution.saturated
            ? QStringLiteral("YES - the open load exceeds the capacity of the bottleneck; queue "
                             "lengths and response times have no steady state (-)")
            : QStringLiteral("no"));
    field(QStringLiteral("Bottleneck"),
        solution.bottleneck.empty() ? QStringLiteral("-") : fromStd(solution.bottleneck));
    if (network.hasOpenClasses()) {
        const auto scale = solution.maxArrivalScale;
        field(QStringLiteral("Max arrival scale"),
            (scale && *scale < std::numeric_limits<double>::max() ? number(*scale)
                                                                  : QStringLiteral("unlimited"))
                + QStringLiteral("  (factor by which all open arrival rates can grow before saturation)"));
    }

    bool approximatePercentiles = false;
    TextTable classes;
    classes.addColumn(QStringLiteral("class"), Align::Left);
    classes.addColumn(QStringLiteral("kind"), Align::Left);
    classes.addColumn(QStringLiteral("load"), Align::Left);
    classes.addColumn(QStringLiteral("throughput"), Align::Right);
    classes.addColumn(QStringLiteral("response time"), Align::Right);
    classes.addColumn(QStringLiteral("p50"), Align::Right);
    classes.addColumn(QStringLiteral("p90"), Align::Right);
    classes.addColumn(QStringLiteral("p95"), Align::Right);
    classes.addColumn(QStringLiteral("p99"), Align::Right);
    classes.addColumn(QStringLiteral("bottleneck"), Align::Left);
    for (std::size_t c = 0; c < solution.classes.size(); ++c) {
        const auto &result = solution.classes[c];
        QStringList row { fromStd(result.name),
            result.open ? QStringLiteral("open") : QStringLiteral("closed"),
            c < network.classCount() ? classLoad(network.classes[c]) : QString(), number(result.throughput),
            number(result.responseTime) };
        if (result.percentiles) {
            const QString mark = result.percentiles->exact ? QString() : QStringLiteral("~");
            approximatePercentiles = approximatePercentiles || !result.percentiles->exact;
            for (const double p : { result.percentiles->p50, result.percentiles->p90, result.percentiles->p95,
                     result.percentiles->p99 })
                row.append(mark + number(p));
        } else {
            row << QStringLiteral("-") << QStringLiteral("-") << QStringLiteral("-") << QStringLiteral("-");
        }
        row.append(fromStd(result.bottleneck));
        classes.addRow(row);
    }
    out += QStringLiteral("\nClasses\n") + classes.render();
    if (approximatePercentiles)
        out += QStringLiteral(
            "~ approximate percentiles: a gamma distribution fitted to the response time's first two "
            "moments (exact only for a single M/M/1 or M/M/c FCFS station)\n");

    TextTable bounds;
    bounds.addColumn(QStringLiteral("class"), Align::Left);
    bounds.addColumn(QStringLiteral("bounds"), Align::Left);
    bounds.addColumn(QStringLiteral("throughput low"), Align::Right);
    bounds.addColumn(QStringLiteral("throughput high"), Align::Right);
    bounds.addColumn(QStringLiteral("response low"), Align::Right);
    bounds.addColumn(QStringLiteral("response high"), Align::Right);
    bounds.addColumn(QStringLiteral("N*"), Align::Right);
    for (const auto &result : solution.classes) {
        const auto &b = result.bounds;
        bounds.addRow({ fromStd(result.name),
            b.balancedJob ? QStringLiteral("balanced job") : QStringLiteral("asymptotic"),
            number(b.throughputLower), number(b.throughputUpper), number(b.responseTimeLower),
            b.responseTimeUpper > 0.0 ? number(b.responseTimeUpper) : QStringLiteral("-"),
            !result.open && b.saturationPopulation > 0.0 ? number(b.saturationPopulation)
                                                         : QStringLiteral("-") });
    }
    out += QStringLiteral("\nBounds\n") + bounds.render();

    TextTable stations;
    stations.addColumn(QStringLiteral("station"), Align::Left);
    stations.addColumn(QStringLiteral("kind"), Align::Left);
    stations.addColumn(QStringLiteral("servers"), Align::Right);
    stations.addColumn(QStringLiteral("utilization"), Align::Right);
    stations.addColumn(QStringLiteral("queue length"), Align::Right);
    TextTable perClass;
    perClass.addColumn(QStringLiteral("station"), Align::Left);
    perClass.addColumn(QStringLiteral("class"), Align::Left);
    perClass.addColumn(QStringLiteral("throughput"), Align::Right);
    perClass.addColumn(QStringLiteral("utilization"), Align::Right);
    perClass.addColumn(QStringLiteral("queue length"), Align::Right);
    perClass.addColumn(QStringLiteral("residence time"), Align::Right);
    for (std::size_t k = 0; k < solution.stations.size(); ++k) {
        const auto &result = solution.stations[k];
        const bool known = k < network.stationCount() && network.stations[k].name == result.name;
        stations.addRow({ fromStd(result.name),
            known ? QLatin1String(io::stationKindName(network.stations[k].kind)) : QString(),
            known ? stationServers(network.stations[k]) : QString(), number(result.utilization),
            number(result.queueLength) });
        for (const auto &entry : result.perClass)
            perClass.addRow({ fromStd(result.name), fromStd(entry.className), number(entry.throughput),
                number(entry.utilization), number(entry.queueLength), number(entry.residenceTime) });
    }
    out += QStringLiteral(
               "\nStations (utilization: queue = busy fraction of the servers, delay = mean number "
               "present, load-dependent = probability not empty)\n")
        + stations.render();
    out += QStringLiteral("\nPer class at each station (residence time per pass = visits x time per visit)\n")
        + perClass.render();
    return out;
}

} // namespace iovplan::reports
