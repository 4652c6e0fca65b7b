// `iovplan-cli report` and `export-chart` (issue 6): the PDF prints every figure `iovplan-cli evaluate`
// computes, spelled as the GUI spells it; bad arguments exit 2 with one line naming what is wrong.
#include "clirunner.h"
#include "../reports/pdftools.h"

#include "reports/figureformat.h"

#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace iovplan;
using namespace iovplan::testing;

namespace {

const QString example = QStringLiteral(IOVPLAN_SOURCE_DIR "/examples/ciov-whitepaper.iovplan");

// The text of the scenario's chapter: from its heading to the next chapter.
QString chapter(const QString &text, const QString &scenario)
{
    const QRegularExpression heading(QStringLiteral("^[ \\t]*\\d+[ \\t]+Scenario: %1[ \\t]*$").arg(QRegularExpression::escape(scenario)),
                                     QRegularExpression::MultilineOption);
    QRegularExpressionMatch start;
    qsizetype from = -1;
    for (auto it = heading.globalMatch(text); it.hasNext();) {
        start = it.next();
        from = start.capturedEnd(); // the last match: the chapter, not the contents line
    }
    if (from < 0)
        return {};
    const QRegularExpression next(QStringLiteral("^[ \\t]*\\d+[ \\t]+(Scenario: |Sources of prices|Model notes)"), QRegularExpression::MultilineOption);
    const QRegularExpressionMatch end = next.match(text, from);
    return text.mid(from, end.hasMatch() ? end.capturedStart() - from : -1);
}

} // namespace

class TestReportCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(havePdfTools(), "poppler-utils is required: scripts/deps.sh");
    }

    // Every cost, power and performance figure of `evaluate --format json` appears in the scenario's chapter.
    void reportPrintsWhatEvaluateComputes()
    {
        QTemporaryDir dir;
        const QString pdfPath = dir.filePath(QStringLiteral("report.pdf"));
        const CliRun report = runCli({ QStringLiteral("report"), example, QStringLiteral("-o"), pdfPath, QStringLiteral("--date"),
                                       QStringLiteral("2026-01-15") });
        QVERIFY2(report.exitCode == 0, report.err.constData());
        QVERIFY(report.out.contains("pages"));
        const CliRun evaluate = runCli({ QStringLiteral("evaluate"), example, QStringLiteral("--format"), QStringLiteral("json") });
        QCOMPARE(evaluate.exitCode, 0);
        const QJsonArray scenarios = QJsonDocument::fromJson(evaluate.out).object().value(QStringLiteral("scenarios")).toArray();
        QCOMPARE(scenarios.size(), 4);

        const QString text = QString::fromUtf8(runTool(QStringLiteral("pdftotext"), { QStringLiteral("-layout"), pdfPath, QStringLiteral("-") }));
        QVERIFY(!text.isEmpty());
        int checked = 0;
        for (const QJsonValue &value : scenarios) {
            const QJsonObject s = value.toObject();
            const QString name = s.value(QStringLiteral("name")).toString();
            const QString body = chapter(text, name);
            QVERIFY2(!body.isEmpty(), qPrintable(name));
            const QJsonObject cost = s.value(QStringLiteral("cost")).toObject();
            const QJsonObject power = s.value(QStringLiteral("power")).toObject();
            const QJsonObject performance = s.value(QStringLiteral("performance")).toObject();
            QStringList figures;
            for (const char *key : { "io_purchase_usd", "purchase_usd", "io_tco_usd", "tco_usd", "maintenance_usd_per_year",
                                     "energy_usd_per_year", "io_energy_usd_per_year", "io_maintenance_usd_per_year" })
                figures << reports::formatUsd(cost.value(QLatin1String(key)).toDouble());
            const QJsonObject categories = cost.value(QStringLiteral("by_category")).toObject();
            for (auto it = categories.begin(); it != categories.end(); ++it)
                if (it.value().toDouble() > 0.0)
                    figures << reports::formatUsd(it.value().toDouble());
            for (const char *key : { "adapter_typical_w", "io_typical_w", "typical_w", "max_w" })
                figures << reports::formatWatts(power.value(QLatin1String(key)).toDouble());
            figures << reports::formatNumber(power.value(QStringLiteral("btu_per_hour")).toDouble())
                    << reports::formatNumber(power.value(QStringLiteral("kwh_per_year")).toDouble())
                    << reports::formatNumber(100.0 * performance.value(QStringLiteral("cpu_headroom")).toDouble(), 1) + QStringLiteral(" %")
                    << reports::formatNumber(100.0 * performance.value(QStringLiteral("cpu_utilization")).toDouble(), 1) + QStringLiteral(" %")
                    << reports::formatNumber(performance.value(QStringLiteral("max_vms_per_server")).toDouble());
            for (const QJsonValue &c : performance.value(QStringLiteral("classes")).toArray()) {
                const QJsonObject cls = c.toObject();
                for (const char *key : { "offered_bytes_per_s", "throughput_bytes_per_s", "peak_vm_bytes_per_s", "peak_server_bytes_per_s" })
                    figures << reports::formatMegabytesPerS(cls.value(QLatin1String(key)).toDouble());
                for (const char *key : { "latency_s", "p99_latency_s", "unloaded_latency_s" })
                    if (cls.value(QLatin1String(key)).isDouble())
                        figures << reports::formatLatency(cls.value(QLatin1String(key)).toDouble());
                figures << cls.value(QStringLiteral("bottleneck")).toString();
            }
            for (const QString &figure : figures) {
                QVERIFY2(body.contains(figure), qPrintable(QStringLiteral("%1: %2 not printed").arg(name, figure)));
                ++checked;
            }
        }
        QVERIFY(checked > 100);
    }

    void pageSizeScenariosAndSections()
    {
        QTemporaryDir dir;
        const QString pdfPath = dir.filePath(QStringLiteral("letter.pdf"));
        const CliRun run = runCli({ QStringLiteral("report"), example, QStringLiteral("-o"), pdfPath, QStringLiteral("--page-size"),
                                    QStringLiteral("Letter"), QStringLiteral("--scenarios"), QStringLiteral("IB native IOV,GigE+FC"),
                                    QStringLiteral("--sections"), QStringLiteral("summary,bom") });
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QString info = QString::fromUtf8(runTool(QStringLiteral("pdfinfo"), { pdfPath }));
        QVERIFY2(info.contains(QStringLiteral("612 x 792 pts (letter)")), qPrintable(info));
        const QString text = QString::fromUtf8(runTool(QStringLiteral("pdftotext"), { pdfPath, QStringLiteral("-") }));
        QVERIFY(text.contains(QStringLiteral("Scenario: IB native IOV")));
        QVERIFY(text.contains(QStringLiteral("Scenario: GigE+FC")));
        QVERIFY(!text.contains(QStringLiteral("Scenario: IB software IOV")));
        QVERIFY(text.contains(QStringLiteral("Executive summary")));
        QVERIFY(!text.contains(QStringLiteral("Rack elevations")));
        // The first scenario named is the baseline, in the order given.
        QVERIFY(text.indexOf(QStringLiteral("Scenario: IB native IOV")) < text.lastIndexOf(QStringLiteral("Scenario: GigE+FC")));
    }

    void badArguments_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString out = QDir::temp().filePath(QStringLiteral("iovplan-never-written.pdf"));
        QTest::newRow("no output") << QStringList { QStringLiteral("report"), example } << QStringLiteral("-o OUT.pdf");
        QTest::newRow("paper") << QStringList { QStringLiteral("report"), example, QStringLiteral("-o"), out, QStringLiteral("--page-size"), QStringLiteral("A5") }
                               << QStringLiteral("--page-size");
        QTest::newRow("scenario") << QStringList { QStringLiteral("report"), example, QStringLiteral("-o"), out, QStringLiteral("--scenarios"), QStringLiteral("Nope") }
                                  << QStringLiteral("Nope");
        QTest::newRow("section") << QStringList { QStringLiteral("report"), example, QStringLiteral("-o"), out, QStringLiteral("--sections"), QStringLiteral("bom,pricing") }
                                 << QStringLiteral("pricing");
        QTest::newRow("date") << QStringList { QStringLiteral("report"), example, QStringLiteral("-o"), out, QStringLiteral("--date"), QStringLiteral("yesterday") }
                              << QStringLiteral("--date");
        QTest::newRow("missing file") << QStringList { QStringLiteral("report"), QStringLiteral("/nonexistent/x.iovplan"), QStringLiteral("-o"), out }
                                      << QStringLiteral("/nonexistent/x.iovplan");
        QTest::newRow("unwritable output") << QStringList { QStringLiteral("report"), example, QStringLiteral("-o"), QStringLiteral("/proc/iovplan/report.pdf") }
                                           << QStringLiteral("/proc/iovplan/report.pdf");
        QTest::newRow("chart id") << QStringList { QStringLiteral("export-chart"), example, QStringLiteral("--chart"), QStringLiteral("pie"), QStringLiteral("--scenario"),
                                                   QStringLiteral("GigE+FC"), QStringLiteral("-o"), QDir::temp().filePath(QStringLiteral("x.png")) }
                                  << QStringLiteral("pie");
        QTest::newRow("chart suffix") << QStringList { QStringLiteral("export-chart"), example, QStringLiteral("--chart"), QStringLiteral("compare-purchase"),
                                                       QStringLiteral("-o"), QDir::temp().filePath(QStringLiteral("x.gif")) }
                                      << QStringLiteral(".png or .svg");
        QTest::newRow("chart scenario") << QStringList { QStringLiteral("export-chart"), example, QStringLiteral("--chart"), QStringLiteral("cost-by-category"),
                                                         QStringLiteral("-o"), QDir::temp().filePath(QStringLiteral("x.png")) }
                                        << QStringLiteral("--scenario");
    }
    void badArguments()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const CliRun run = runCli(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
        QVERIFY(!QFile::exists(QDir::temp().filePath(QStringLiteral("iovplan-never-written.pdf"))));
    }

    void exportOneChart_data()
    {
        QTest::addColumn<QString>("chart");
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("suffix");
        QTest::newRow("cost svg") << QStringLiteral("cost-by-category") << QStringLiteral("GigE+FC") << QStringLiteral("svg");
        QTest::newRow("p99 png") << QStringLiteral("p99-vs-load") << QStringLiteral("IB software IOV") << QStringLiteral("png");
        QTest::newRow("compare svg") << QStringLiteral("compare-purchase") << QString() << QStringLiteral("svg");
    }
    void exportOneChart()
    {
        QFETCH(QString, chart);
        QFETCH(QString, scenario);
        QFETCH(QString, suffix);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("chart.") + suffix);
        QStringList args { QStringLiteral("export-chart"), example, QStringLiteral("--chart"), chart, QStringLiteral("-o"), path };
        if (!scenario.isEmpty())
            args << QStringLiteral("--scenario") << scenario;
        const CliRun run = runCli(args);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QByteArray bytes = readAllOf(path);
        if (suffix == QLatin1String("svg")) {
            QVERIFY(bytes.contains("<svg"));
        } else {
            QImage image;
            QVERIFY(image.loadFromData(bytes, "PNG"));
            QVERIFY(image.width() > 400);
        }
    }

    void exportAllCharts()
    {
        QTemporaryDir dir;
        const CliRun list = runCli({ QStringLiteral("export-chart"), example, QStringLiteral("--list") });
        QCOMPARE(list.exitCode, 0);
        const QStringList charts = QString::fromUtf8(list.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        // 4 charts per scenario, 5 comparison charts.
        QCOMPARE(charts.size(), 4 * 4 + 5);
        const CliRun run = runCli({ QStringLiteral("export-chart"), example, QStringLiteral("--all"), QStringLiteral("-o"), dir.path() });
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QStringList files = QDir(dir.path()).entryList(QDir::Files, QDir::Name);
        QCOMPARE(files.size(), 2 * charts.size());
        for (const QString &line : charts) {
            const QString stem = line.section(QLatin1Char('\t'), 0, 0);
            QVERIFY2(files.contains(stem + QStringLiteral(".png")) && files.contains(stem + QStringLiteral(".svg")), qPrintable(stem));
        }
    }
};

QTEST_GUILESS_MAIN(TestReportCli)
#include "tst_reportcli.moc"
