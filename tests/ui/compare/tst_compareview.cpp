// CompareView (issue 5, parts 2 and 6) on the example project with the real Document, DocumentEditor and
// EvaluationService: defaults, following the document, a duplicated scenario whose figures equal the
// original's and `iovplan-cli evaluate`'s, CSV export, and screenshots for a person to look at.

#include "comparetesthelpers.h"
#include "tests/ui/uitesthelpers.h"

#include "ui/compare/comparisoncharts.h"
#include "ui/compare/compareview.h"
#include "ui/editing/documenteditor.h"

#include "catalogs/csvreader.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QListWidget>
#include <QMimeData>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QtCharts/QBarCategoryAxis>
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>
#include <QtCharts/QChartView>

using namespace iovplan;
using namespace iovplan::testing;
using ui::ComparisonModel;
using ui::CompareView;

namespace {

// True when every chosen scenario has figures and none is pending.
bool settled(const CompareView &view)
{
    const ComparisonModel &m = view.model();
    if (m.scenarioCount() == 0)
        return false;
    for (const ui::EvaluationPtr &e : m.evaluations()) {
        if (!e)
            return false;
    }
    for (int s = 0; s < m.scenarioCount(); ++s) {
        if (m.headerData(m.scenarioColumn(s), Qt::Horizontal).toString().contains(QStringLiteral("evaluating")))
            return false;
    }
    return true;
}

ui::ScenarioKey keyNamed(const ui::Document &document, const QString &name)
{
    for (const ui::ScenarioKey key : document.scenarioKeys()) {
        if (document.scenario(key).name == name)
            return key;
    }
    return -1;
}

} // namespace

class TestCompareView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void defaultsToFirstFourScenarios();
    void duplicatedScenarioMatchesCli();
    void followsTheDocument();
    void choiceIsLimitedToFour();
    void defersRefreshWhileHidden();
    void keepsChartsWhileScenariosStay();
    void chartsFitTheirSize();
    void remembersTheSplitter();
    void exportsCsv();
    void copiesToClipboard();
    void screenshot_data();
    void screenshot();

private:
    std::unique_ptr<ui::Document> m_document;
    std::unique_ptr<ui::EvaluationService> m_service;
    std::unique_ptr<CompareView> m_view;
};

void TestCompareView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestCompareView::init()
{
    m_document = std::make_unique<ui::Document>();
    const io::DocumentError error = m_document->open(ciovExamplePath());
    QVERIFY2(error.message.isEmpty(), qPrintable(error.message));
    m_service = std::make_unique<ui::EvaluationService>(*m_document);
    m_view = std::make_unique<CompareView>(*m_document, *m_service);
    m_view->resize(1500, 900);
    // Shown: a hidden view defers its refreshes to the next show (defersRefreshWhileHidden).
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QVERIFY(m_service->waitForIdle());
    QTRY_VERIFY(settled(*m_view));
}

void TestCompareView::cleanup()
{
    m_view.reset();
    m_service.reset();
    m_document.reset();
}

void TestCompareView::defaultsToFirstFourScenarios()
{
    QAbstractItemModelTester tester(const_cast<ComparisonModel *>(&m_view->model()), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const std::vector<ui::ScenarioKey> keys = m_document->scenarioKeys();
    QCOMPARE(m_view->chosenScenarios(), keys);
    QCOMPARE(m_view->baseline(), keys.front());
    QCOMPARE(m_view->model().scenarioCount(), 4);
    QCOMPARE(m_view->model().scenarioName(0), QStringLiteral("GigE+FC"));
    // Group rows span the table.
    const int costRow = 0;
    QCOMPARE(m_view->model().index(costRow, 0).data().toString(), QStringLiteral("Cost"));
    QCOMPARE(m_view->table()->columnSpan(costRow, 0), m_view->model().columnCount());
    // Four charts, one bar set per scenario, the cost chart's I/O purchase bars in $ thousands.
    const QList<QChart *> charts = m_view->charts();
    QCOMPARE(charts.size(), 4);
    auto *series = qobject_cast<QBarSeries *>(charts.at(0)->series().value(0));
    QVERIFY(series != nullptr);
    QCOMPARE(series->count(), 4);
    QCOMPARE(series->barSets().at(0)->label(), QStringLiteral("GigE+FC"));
    QCOMPARE(series->barSets().at(0)->at(0), 873.792);
    QCOMPARE(series->barSets().at(1)->at(0), 384.798);
    // The baseline can be changed; the deltas follow.
    m_view->setBaseline(keys.at(1));
    QCOMPARE(m_view->model().baseline(), 1);
    QCOMPARE(m_view->model().deltaColumn(1), -1);
}

void TestCompareView::duplicatedScenarioMatchesCli()
{
    ui::DocumentEditor editor(*m_document, nullptr);
    const ui::ScenarioKey original = keyNamed(*m_document, QStringLiteral("IB software IOV"));
    QVERIFY(original >= 0);
    const ui::ScenarioKey copy = editor.duplicateScenario(original);
    const QString copyName = m_document->scenario(copy).name;
    QCOMPARE(copyName, QStringLiteral("IB software IOV (copy)"));
    m_view->setChosenScenarios({ original, copy });
    m_view->setBaseline(original);
    QVERIFY(m_service->waitForIdle());
    QTRY_VERIFY(settled(*m_view));
    const ComparisonModel &model = m_view->model();
    QCOMPARE(model.scenarioCount(), 2);
    QCOMPARE(model.scenarioName(1), copyName);

    // The CLI on the document as it now is (saved to a scratch file).
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("duplicated.iovplan"));
    QVERIFY(m_document->save(path).ok);
    QString error;
    const QJsonObject cli = cliEvaluate(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    ColumnCheck check = verifyColumnEqualsCli(model, 1, cliScenario(cli, copyName));
    QVERIFY2(check.error.isEmpty(), qPrintable(check.error));
    check = verifyColumnEqualsCli(model, 0, cliScenario(cli, QStringLiteral("IB software IOV")));
    QVERIFY2(check.error.isEmpty(), qPrintable(check.error));
    QVERIFY(check.checked > 30);
    const QString difference = copyColumnDifference(model);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
    // Undo removes the copy; the view goes back to comparing the first four.
    m_document->undoStack()->undo();
    QCOMPARE(m_view->chosenScenarios(), m_document->scenarioKeys());
}

void TestCompareView::followsTheDocument()
{
    ui::DocumentEditor editor(*m_document, nullptr);
    const ui::ScenarioKey first = m_document->scenarioKeys().front();
    QVERIFY(editor.renameScenario(first, QStringLiteral("Today")).ok());
    QTRY_COMPARE(m_view->model().scenarioName(0), QStringLiteral("Today"));
    QCOMPARE(m_view->findChild<QComboBox *>(QStringLiteral("compareBaseline"))->currentText(), QStringLiteral("Today"));
    // Removing a compared scenario drops its column.
    const ui::ScenarioKey last = m_document->scenarioKeys().back();
    QVERIFY(editor.removeScenario(last).ok());
    QTRY_COMPARE(m_view->model().scenarioCount(), 3);
    // An edit makes its column pending, then the new figures arrive.
    design::Workload workload = m_document->scenario(first).workload;
    QVERIFY(!workload.profiles.empty());
    workload.profiles.front().vmsPerServer += 2;
    QVERIFY(editor.setWorkload(first, workload, QStringLiteral("vmsPerServer")).ok());
    QVERIFY(m_service->waitForIdle());
    QTRY_VERIFY(settled(*m_view));
    const int row = m_view->model().rowOf(QStringLiteral("performance/cpu_utilization"));
    QVERIFY(m_view->model().numberAt(row, 0).value_or(0.0) > m_view->model().numberAt(row, 1).value_or(1.0));
}

void TestCompareView::choiceIsLimitedToFour()
{
    ui::DocumentEditor editor(*m_document, nullptr);
    const ui::ScenarioKey added = editor.duplicateScenario(m_document->scenarioKeys().front());
    QCOMPARE(m_document->scenarioKeys().size(), std::size_t(5));
    auto *list = m_view->findChild<QListWidget *>(QStringLiteral("compareScenarioList"));
    QVERIFY(list != nullptr);
    QCOMPARE(list->count(), 5);
    // Four already checked: the fifth cannot be checked.
    QListWidgetItem *fifth = list->item(1);
    QCOMPARE(fifth->data(Qt::UserRole + 1).toInt(), added);
    QVERIFY(!(fifth->flags() & Qt::ItemIsEnabled));
    m_view->setChosenScenarios(m_document->scenarioKeys());
    QCOMPARE(m_view->chosenScenarios().size(), std::size_t(4));
    // Unchecking one frees a place.
    list->item(0)->setCheckState(Qt::Unchecked);
    QCOMPARE(m_view->chosenScenarios().size(), std::size_t(3));
    QVERIFY(list->item(4)->flags() & Qt::ItemIsEnabled);
    QCOMPARE(m_view->model().scenarioCount(), 3);
}

// While another tab is current the view is hidden: an edit and its evaluation rebuild nothing; the next
// show brings the new figures in one refresh.
void TestCompareView::defersRefreshWhileHidden()
{
    ui::DocumentEditor editor(*m_document, nullptr);
    const ui::ScenarioKey first = m_document->scenarioKeys().front();
    const ComparisonModel &model = m_view->model();
    const int row = model.rowOf(QStringLiteral("performance/cpu_utilization"));
    QVERIFY(row >= 0);
    const double before = model.numberAt(row, 0).value_or(-1.0);
    QVERIFY(!m_view->refreshDeferred());
    const ui::EvaluationPtr old = m_service->latest(first);

    m_view->hide();
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy headers(&model, &QAbstractItemModel::headerDataChanged);
    design::Workload workload = m_document->scenario(first).workload;
    workload.profiles.front().vmsPerServer += 2;
    QVERIFY(editor.setWorkload(first, workload, QStringLiteral("vmsPerServer")).ok());
    QVERIFY(m_service->waitForIdle());
    QTRY_VERIFY(m_service->latest(first) != old);
    QCoreApplication::processEvents(); // the coalesced refresh the evaluation asked for
    QVERIFY(m_view->refreshDeferred());
    QCOMPARE(resets.count(), 0);
    QCOMPARE(changes.count(), 0);
    QCOMPARE(headers.count(), 0);
    QCOMPARE(model.numberAt(row, 0).value_or(-1.0), before);

    m_view->show();
    QVERIFY(!m_view->refreshDeferred());
    QVERIFY(settled(*m_view));
    QVERIFY(changes.count() + resets.count() > 0);
    QVERIFY(model.numberAt(row, 0).value_or(-1.0) > before);
    // The charts follow too: the LAN peak per VM falls with more VMs sharing the adapters.
    auto *series = qobject_cast<QBarSeries *>(m_view->charts().at(3)->series().value(0));
    QVERIFY(series != nullptr);
    const int lanRow = model.rowOf(QStringLiteral("performance/classes/lan/peak_vm_bytes_per_s"));
    QCOMPARE(series->barSets().at(0)->at(0), model.numberAt(lanRow, 0).value_or(-1.0) * 1e-6);
}

// New figures for the same scenarios update the bars of the same QChart objects; another choice of
// scenarios makes new charts.
void TestCompareView::keepsChartsWhileScenariosStay()
{
    ui::DocumentEditor editor(*m_document, nullptr);
    // Guarded: a view that made new charts deleted these.
    QList<QPointer<QChart>> before;
    for (QChart *chart : m_view->charts())
        before << chart;
    const ui::ScenarioKey first = m_document->scenarioKeys().front();
    // More VMs per server: the per-VM throughput and the latencies change.
    design::Workload workload = m_document->scenario(first).workload;
    workload.profiles.front().vmsPerServer += 2;
    QVERIFY(editor.setWorkload(first, workload, QStringLiteral("vmsPerServer")).ok());
    QVERIFY(m_service->waitForIdle());
    QTRY_VERIFY(settled(*m_view));
    QCOMPARE(m_view->charts().size(), before.size());
    for (int i = 0; i < before.size(); ++i) {
        QVERIFY2(!before.at(i).isNull(), "the chart was deleted and made anew");
        QVERIFY(m_view->charts().at(i) == before.at(i).data());
    }
    // The throughput chart's bars equal the table's figures after the update.
    const ComparisonModel &model = m_view->model();
    auto *series = qobject_cast<QBarSeries *>(m_view->charts().at(3)->series().value(0));
    QVERIFY(series != nullptr);
    const int lanRow = model.rowOf(QStringLiteral("performance/classes/lan/peak_vm_bytes_per_s"));
    QVERIFY(lanRow >= 0);
    for (int s = 0; s < model.scenarioCount(); ++s)
        QCOMPARE(series->barSets().at(s)->at(0), model.numberAt(lanRow, s).value_or(0.0) * 1e-6);
    // Three scenarios: new charts with three bar sets.
    const std::vector<ui::ScenarioKey> keys = m_document->scenarioKeys();
    m_view->setChosenScenarios({ keys.at(0), keys.at(1), keys.at(2) });
    QVERIFY(before.at(0).isNull());
    QCOMPARE(qobject_cast<QBarSeries *>(m_view->charts().at(0)->series().value(0))->count(), 3);
}

// At the size the main window gives them (about 200×170 px) every category label of every chart is shown:
// Qt Charts hides a label wider than its category, so short (two-line) labels are checked by width.
void TestCompareView::chartsFitTheirSize()
{
    const QList<ui::ComparisonChartSpec> specs = ui::compareViewCharts();
    QCOMPARE(specs.size(), 4);
    for (int i = 0; i < specs.size(); ++i) {
        QChartView view(ui::comparisonBarChart(m_view->model(), specs.at(i), false));
        view.resize(200, 170);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QChart *chart = view.chart();
        auto *axis = qobject_cast<QBarCategoryAxis *>(chart->axes(Qt::Horizontal).value(0));
        QVERIFY(axis != nullptr);
        const QFontMetricsF metrics(axis->labelsFont());
        const double categoryWidth = chart->plotArea().width() / double(axis->count());
        QVERIFY2(categoryWidth > 0.0, qPrintable(specs.at(i).title));
        for (const QString &category : axis->categories()) {
            for (const QString &line : category.split(QStringLiteral("<br>"))) {
                QVERIFY2(metrics.horizontalAdvance(line) < categoryWidth,
                         qPrintable(QStringLiteral("%1: \"%2\" is %3 px in a %4 px category")
                                        .arg(specs.at(i).title, line)
                                        .arg(metrics.horizontalAdvance(line))
                                        .arg(categoryWidth)));
            }
        }
    }
}

// The table/charts splitter is remembered across views (QSettings).
void TestCompareView::remembersTheSplitter()
{
    QSettings().remove(QStringLiteral("compareView/splitter"));
    auto *splitter = m_view->findChild<QSplitter *>(QStringLiteral("compareSplitter"));
    QVERIFY(splitter != nullptr);
    QCOMPARE(splitter->count(), 2);
    const int total = splitter->sizes().at(0) + splitter->sizes().at(1);
    // The table gets most of the height by default.
    QVERIFY(splitter->sizes().at(0) > splitter->sizes().at(1));
    const int chartsHeight = 300;
    splitter->setSizes({ total - chartsHeight, chartsHeight });
    Q_EMIT splitter->splitterMoved(total - chartsHeight, 1);
    CompareView second(*m_document, *m_service);
    second.resize(m_view->size());
    second.show();
    QVERIFY(QTest::qWaitForWindowExposed(&second));
    auto *restored = second.findChild<QSplitter *>(QStringLiteral("compareSplitter"));
    QVERIFY(restored != nullptr);
    QCOMPARE(restored->sizes().at(1), chartsHeight);
    QSettings().remove(QStringLiteral("compareView/splitter"));
}

void TestCompareView::exportsCsv()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("comparison.csv"));
    QCOMPARE(m_view->exportCsv(path), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QCOMPARE(QString::fromUtf8(bytes), m_view->model().toCsv());
    const catalogs::CsvParseResult parsed = catalogs::parseCsv(bytes, path);
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    const int row = m_view->model().rowOf(QStringLiteral("cost/io_purchase_usd"));
    QCOMPARE(parsed.records.at(row + 1).fields.mid(0, 3),
             (QStringList { QStringLiteral("I/O purchase"), QStringLiteral("$873,792.00"), QStringLiteral("$384,798.00") }));
    // A file that cannot be written is an error naming it.
    const QString bad = dir.filePath(QStringLiteral("no/such/dir/comparison.csv"));
    QVERIFY(m_view->exportCsv(bad).contains(bad));
}

void TestCompareView::copiesToClipboard()
{
    m_view->copyToClipboard();
    const QMimeData *mime = QApplication::clipboard()->mimeData();
    QVERIFY(mime != nullptr);
    if (mime->text().isEmpty())
        QSKIP("this platform has no clipboard");
    QCOMPARE(mime->text(), m_view->model().toTsv());
    QCOMPARE(QString::fromUtf8(mime->data(QStringLiteral("text/csv"))), m_view->model().toCsv());
}

void TestCompareView::screenshot_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestCompareView::screenshot()
{
    QFETCH(bool, dark);
    const QString dir = qEnvironmentVariable("IOVPLAN_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("IOVPLAN_SCREENSHOT_DIR is not set");
    m_view->setPalette(dark ? testing::darkPalette() : QPalette());
    m_view->setChosenScenarios(m_document->scenarioKeys()); // rebuilds the charts in the palette's theme
    m_view->resize(1600, 950);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QDir().mkpath(dir);
    const QString file = QDir(dir).filePath(dark ? QStringLiteral("compare-view-dark.png") : QStringLiteral("compare-view.png"));
    QVERIFY(m_view->grab().save(file));
    QVERIFY(QFile::exists(file));
}

QTEST_MAIN(TestCompareView)
#include "tst_compareview.moc"
