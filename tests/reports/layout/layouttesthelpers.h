#pragma once
// Shared by the layout tests: a sample report that exercises every block, a figure that records how it was
// painted, and runners for poppler's pdftotext/pdffonts/pdfinfo (tests skip when they are missing).

#include "reports/layout/reportdocument.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

#include <memory>

namespace iovplan::testing {

/// A figure `aspect` times as tall as it is wide: a framed box with a diagonal, painted in points.
class BoxFigure : public reports::ReportFigure
{
public:
    explicit BoxFigure(double aspect)
        : m_aspect(aspect)
    {
    }
    double heightForWidth(double width) const override { return width * m_aspect; }
    void paint(QPainter &painter, const QRectF &rect) const override
    {
        painter.save();
        painter.setPen(QPen(QColor(0x22, 0x55, 0x99), 2.0));
        painter.setBrush(QColor(0xdd, 0xe6, 0xf2));
        painter.drawRect(rect.adjusted(1, 1, -1, -1));
        painter.drawLine(rect.topLeft(), rect.bottomRight());
        painter.restore();
    }

private:
    double m_aspect;
};

/// "Item 0042" style rows: `count` rows of part, description, quantity, price.
inline reports::ReportTable partsTable(int count, const QString &caption = QString())
{
    reports::ReportTable table;
    table.columns = {{QStringLiteral("Part number"), Qt::AlignLeft, 1.2},
                     {QStringLiteral("Description"), Qt::AlignLeft, 2.6},
                     {QStringLiteral("Qty"), Qt::AlignRight, 0.6},
                     {QStringLiteral("Extended price"), Qt::AlignRight, 1.1}};
    for (int i = 0; i < count; ++i) {
        const QString id = QStringLiteral("ROW-%1").arg(i, 4, 10, QLatin1Char('0'));
        table.rows.push_back({{id, QStringLiteral("Catalog item number %1").arg(i), QString::number(i % 97 + 1),
                               QStringLiteral("$%1.00").arg(1000 + i)},
                              reports::RowStyle::Normal,
                              false});
    }
    table.caption = caption;
    return table;
}

/// A report with every kind of block: cover, contents, numbered headings, a bill of materials with
/// groups and totals, a long table across pages, figures, notes and alerts.
inline reports::ReportDocument sampleDocument(int longTableRows = 120)
{
    using namespace reports;
    ReportDocument document;
    document.setMetadata({QStringLiteral("IOV plan: Rack A"), QStringLiteral("Jane Buyer"),
                          QStringLiteral("Procurement report"), QStringLiteral("IOV Planner test")});
    document.setRunningHeader(QStringLiteral("Project Rack A"), QStringLiteral("12 March 2025"));
    document.setFooter(QStringLiteral("IOV Planner procurement report"));
    document.setCover({QStringLiteral("Procurement report"), QStringLiteral("Consolidated I/O for Rack A"),
                       {{QStringLiteral("Project"), QStringLiteral("Rack A")},
                        {QStringLiteral("Date"), QStringLiteral("12 March 2025")},
                        {QStringLiteral("Author"), QStringLiteral("Jane Buyer")},
                        {QStringLiteral("Catalog"), QStringLiteral("v3, prices of 1 March 2025")}},
                       QStringLiteral("Figures come from the IOV Planner model; prices are list prices in US dollars.")});
    document.addTableOfContents();
    document.addHeading(1, QStringLiteral("Executive summary"));
    document.addParagraph(QStringLiteral("The InfiniBand design with gateways saves 31 percent of the purchase cost "
                                         "and 24 percent of the power against the GigE and Fibre Channel design."),
                          ParagraphStyle::Lead);
    document.addKeyValues({{QStringLiteral("Recommended"), QStringLiteral("IB with gateways")},
                           {QStringLiteral("Purchase saving"), QStringLiteral("$412,880.00")},
                           {QStringLiteral("Power saving"), QStringLiteral("7,424 W")}});
    for (int i = 0; i < 6; ++i)
        document.addParagraph(QStringLiteral("Paragraph %1 of the summary explains how the designs compare in cost, "
                                             "power, cooling and performance, and which assumptions matter most "
                                             "for the recommendation that follows from them.")
                                  .arg(i + 1));
    document.addHeading(2, QStringLiteral("Comparison of designs"));
    ReportTable comparison;
    comparison.columns = {{QStringLiteral("Metric"), Qt::AlignLeft, 2.0},
                          {QStringLiteral("GigE + FC"), Qt::AlignRight, 1.0},
                          {QStringLiteral("IB gateways"), Qt::AlignRight, 1.0}};
    comparison.rows = {{{QStringLiteral("Purchase cost"), QStringLiteral("$1,330,112.00"), QStringLiteral("$917,232.00")}, RowStyle::Normal, false},
                       {{QStringLiteral("Power"), QStringLiteral("30,912 W"), QStringLiteral("23,488 W")}, RowStyle::Normal, true},
                       {{QStringLiteral("Latency"), QStringLiteral("352.1 µs"), QStringLiteral("41.2 µs")}, RowStyle::Normal, false}};
    comparison.caption = QStringLiteral("Table 1: the two designs side by side; the better value is highlighted.");
    document.addTable(comparison);
    document.addParagraph(QStringLiteral("Design problem: the uplink of rack 3 runs at 104 percent of its capacity."),
                          ParagraphStyle::Alert);
    document.addHeading(1, QStringLiteral("Bill of materials"));
    document.addHeading(2, QStringLiteral("InfiniBand with gateways"));
    ReportTable bom;
    bom.columns = {{QStringLiteral("Part"), Qt::AlignLeft, 2.4},
                   {QStringLiteral("Qty"), Qt::AlignRight, 0.6},
                   {QStringLiteral("Unit price"), Qt::AlignRight, 1.0},
                   {QStringLiteral("Extended"), Qt::AlignRight, 1.1}};
    bom.rows = {{{QStringLiteral("Host adapters")}, RowStyle::Group, false},
                {{QStringLiteral("Mellanox MHEA28-XTC"), QStringLiteral("128"), QStringLiteral("$1,062.00"), QStringLiteral("$135,936.00")}, RowStyle::Normal, false},
                {{QStringLiteral("Cable, 4X copper 3 m"), QStringLiteral("128"), QStringLiteral("$99.00"), QStringLiteral("$12,672.00")}, RowStyle::Normal, false},
                {{QStringLiteral("Subtotal host adapters"), QString(), QString(), QStringLiteral("$148,608.00")}, RowStyle::Subtotal, false},
                {{QStringLiteral("Switches")}, RowStyle::Group, false},
                {{QStringLiteral("Topspin 270 chassis"), QStringLiteral("2"), QStringLiteral("$95,000.00"), QStringLiteral("$190,000.00")}, RowStyle::Normal, false},
                {{QStringLiteral("Subtotal switches"), QString(), QString(), QStringLiteral("$190,000.00")}, RowStyle::Subtotal, false},
                {{QStringLiteral("Total"), QString(), QString(), QStringLiteral("$338,608.00")}, RowStyle::Total, false}};
    document.addTable(bom);
    document.addHeading(3, QStringLiteral("Power and cooling"));
    document.addParagraph(QStringLiteral("Watts are measured at the wall; BTU/hr = W x 3.412."), ParagraphStyle::Note);
    document.addFigure(std::make_shared<BoxFigure>(0.6), QStringLiteral("Figure 1: power by design."), 0.8);
    document.addHeading(2, QStringLiteral("Every catalog item"));
    document.addTable(partsTable(longTableRows, QStringLiteral("Table 3: the catalog items this design could use.")));
    document.addHeading(1, QStringLiteral("Rack elevations"));
    document.addFigure(std::make_shared<BoxFigure>(2.5), QStringLiteral("Figure 2: a drawing taller than a page."));
    document.addHeading(2, QStringLiteral("Assumptions"));
    document.addParagraph(QStringLiteral("Prices are list prices of 1 March 2025 from the vendors' published catalogs."));
    return document;
}

/// The full path of a poppler tool, or empty when it is not installed.
inline QString popplerTool(const QString &name)
{
    return QStandardPaths::findExecutable(name);
}

/// Runs `tool` with `arguments`; its standard output (empty on failure).
inline QString popplerOutput(const QString &tool, const QStringList &arguments)
{
    QProcess process;
    process.start(tool, arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

/// The text pdftotext extracts from pages [first, last] of `pdfPath` (-layout keeps lines together).
inline QString pdfText(const QString &pdfPath, int first, int last)
{
    return popplerOutput(popplerTool(QStringLiteral("pdftotext")),
                   {QStringLiteral("-layout"), QStringLiteral("-f"), QString::number(first), QStringLiteral("-l"),
                    QString::number(last), pdfPath, QStringLiteral("-")});
}

/// Writes `bytes` to `path`; false on failure.
inline bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace iovplan::testing

#define IOVPLAN_REQUIRE_POPPLER(tool)                                                                                  \
    do {                                                                                                               \
        if (iovplan::testing::popplerTool(QStringLiteral(tool)).isEmpty())                                             \
            QSKIP(tool " (poppler-utils) is not installed");                                                          \
    } while (false)
