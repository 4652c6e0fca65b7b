// The file exports of File → Export (ui/export/exportfiles.h): the BOM CSV is byte for byte what
// `iovplan-cli bom FILE --csv` prints, the results JSON parses to what `iovplan-cli evaluate FILE
// --format json` prints, the charts come as a PNG and an SVG per chart named like `export-chart --all`'s,
// file names are safe, and a write that fails says which file.

#include "tests/exampleproject.h"

#include "reports/procurement/reportcharts.h"
#include "reports/procurement/reportinputs.h"
#include "ui/export/exportactions.h"
#include "ui/export/exportfiles.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMenu>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWidget>

using namespace iovplan;

class TestExportFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void bomCsvEqualsCli_data();
    void bomCsvEqualsCli();
    void resultsJsonEqualsCli();
    void chartsAsPngAndSvg();
    void failedWriteNamesFile();
    void fileNames_data();
    void fileNames();
    void exportMenu();
};

namespace {

/// What `iovplan-cli ARGS` prints on stdout; fails the test when it does not exit 0.
QByteArray runCli(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(IOVPLAN_CLI_PATH), arguments);
    if (!process.waitForFinished(180'000)) {
        qWarning("iovplan-cli did not finish");
        return {};
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning("iovplan-cli failed: %s", process.readAllStandardError().constData());
        return {};
    }
    return process.readAllStandardOutput();
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

void TestExportFiles::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(QFile::exists(QStringLiteral(IOVPLAN_CLI_PATH)));
}

void TestExportFiles::bomCsvEqualsCli_data()
{
    QTest::addColumn<QString>("scenario"); // empty: every scenario in one file
    QTest::newRow("all scenarios") << QString();
    for (const design::Scenario &s : testing::ciovExample().scenarios)
        QTest::newRow(qPrintable(s.name)) << s.name;
}

void TestExportFiles::bomCsvEqualsCli()
{
    QFETCH(QString, scenario);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bom.csv"));
    QCOMPARE(ui::writeBomCsv(path, testing::ciovExample(), scenario), QString());

    QStringList arguments { QStringLiteral("bom"), testing::ciovExamplePath(), QStringLiteral("--csv") };
    if (!scenario.isEmpty())
        arguments << QStringLiteral("--scenario") << scenario;
    const QByteArray cli = runCli(arguments);
    QVERIFY(!cli.isEmpty());
    const QByteArray written = readAll(path);
    QCOMPARE(written, cli);
    // One file holds what was asked for: one "total" row (second column) per scenario.
    const int scenarios = scenario.isEmpty() ? static_cast<int>(testing::ciovExample().scenarios.size()) : 1;
    QCOMPARE(static_cast<int>(written.count(",total,")), scenarios);
}

void TestExportFiles::resultsJsonEqualsCli()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("results.json"));
    QCOMPARE(ui::writeResultsJson(path, testing::ciovExample()), QString());

    QJsonParseError error {};
    const QJsonDocument written = QJsonDocument::fromJson(readAll(path), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonDocument cli = QJsonDocument::fromJson(
        runCli({ QStringLiteral("evaluate"), testing::ciovExamplePath(), QStringLiteral("--format"), QStringLiteral("json") }),
        &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(written.object().value(QStringLiteral("scenarios")).toArray().size(), 4);
    QVERIFY(written == cli);
}

void TestExportFiles::chartsAsPngAndSvg()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("charts/nested")); // created on the way
    const ui::ChartFilesResult result = ui::writeProjectCharts(folder, testing::ciovExample());
    QVERIFY2(result.ok(), qPrintable(result.error));

    const std::vector<reports::NamedChart> charts
        = reports::reportCharts(reports::evaluateReportInputs(testing::ciovExample(), reports::ReportOptions()).scenarios);
    QVERIFY(charts.size() > 4);
    QCOMPARE(result.files.size(), 2 * static_cast<qsizetype>(charts.size()));
    QStringList expectedNames;
    for (const reports::NamedChart &chart : charts)
        expectedNames << chart.fileStem + QStringLiteral(".png") << chart.fileStem + QStringLiteral(".svg");
    QStringList names = QDir(folder).entryList(QDir::Files, QDir::Name);
    expectedNames.sort();
    QCOMPARE(names, expectedNames);

    for (const QString &file : result.files) {
        if (file.endsWith(QLatin1String(".png"))) {
            const QImage image(file);
            QVERIFY2(!image.isNull(), qPrintable(file));
            QVERIFY(image.width() > 100 && image.height() > 100);
        } else {
            QVERIFY2(readAll(file).contains("<svg"), qPrintable(file));
        }
    }

    // The same files `iovplan-cli export-chart --all` writes.
    const QString cliFolder = dir.filePath(QStringLiteral("cli"));
    runCli({ QStringLiteral("export-chart"), testing::ciovExamplePath(), QStringLiteral("--all"), QStringLiteral("-o"), cliFolder });
    QCOMPARE(QDir(cliFolder).entryList(QDir::Files, QDir::Name), names);
}

void TestExportFiles::failedWriteNamesFile()
{
    const QString bad = QStringLiteral("/nonexistent-folder-iovplan/out.csv");
    const QString error = ui::writeBomCsv(bad, testing::ciovExample());
    QVERIFY2(error.startsWith(bad + QLatin1Char(':')), qPrintable(error));
    QVERIFY(!ui::writeResultsJson(QStringLiteral("/nonexistent-folder-iovplan/out.json"), testing::ciovExample()).isEmpty());
    QVERIFY(!QFile::exists(bad));
}

void TestExportFiles::fileNames_data()
{
    QTest::addColumn<QString>("project");
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "Whitepaper" << "report.pdf" << "Whitepaper report.pdf";
    QTest::newRow("slashes and colons") << "A/B: C\\D" << "bom.csv" << "A - B - C - D bom.csv";
    QTest::newRow("the example") << "CIOV white paper: 128 virtualized servers" << "report.pdf"
                                 << "CIOV white paper - 128 virtualized servers report.pdf";
    QTest::newRow("only forbidden") << "/" << "bom.csv" << "Untitled bom.csv";
    QTest::newRow("unnamed") << "  " << "results.json" << "Untitled results.json";
}

void TestExportFiles::fileNames()
{
    QFETCH(QString, project);
    QFETCH(QString, what);
    QFETCH(QString, expected);
    QCOMPARE(ui::exportFileName(project, what), expected);
}

void TestExportFiles::exportMenu()
{
    QWidget window;
    int asked = 0;
    ui::ExportActions actions([&asked] {
        ++asked;
        return ui::ExportContext { testing::ciovExample(), {}, {} };
    }, &window);
    QMenu *menu = actions.createMenu(&window);
    QStringList names;
    for (QAction *action : menu->actions()) {
        if (!action->isSeparator())
            names << action->objectName();
    }
    QCOMPARE(names, (QStringList { QStringLiteral("actionExportReport"), QStringLiteral("actionExportBom"),
                                   QStringLiteral("actionExportCharts"), QStringLiteral("actionExportResults") }));
    QCOMPARE(asked, 0); // the project is taken when an action runs, not before
}

QTEST_MAIN(TestExportFiles)
#include "tst_exportfiles.moc"
