// CompareView (issue 5, parts 2 and 6) on the example project with the real Document, DocumentEditor and
// EvaluationService: defaults, following the document, a duplicated scenario whose figures equal the
// original's and `iovplan-cli evaluate`'s, CSV export, and screenshots for a person to look at.

#include "comparetesthelpers.h"

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
#include <QtCharts/QBarSeries>
#include <QtCharts/QBarSet>
#include <QtCharts/QChart>

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
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.metricAt(row) == nullptr)
            continue;
        QCOMPARE(model.index(row, model.scenarioColumn(1)).data().toString(),
                 model.index(row, model.scenarioColumn(0)).data().toString());
        const QVariant delta = model.index(row, model.deltaColumn(1)).data(ComparisonModel::ValueRole);
        if (delta.isValid())
            QCOMPARE(delta.toDouble(), 0.0);
    }
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
    QPalette palette;
    if (dark) {
        palette.setColor(QPalette::Window, QColor(45, 45, 48));
        palette.setColor(QPalette::WindowText, QColor(230, 230, 230));
        palette.setColor(QPalette::Base, QColor(30, 30, 30));
        palette.setColor(QPalette::AlternateBase, QColor(40, 40, 40));
        palette.setColor(QPalette::Text, QColor(230, 230, 230));
        palette.setColor(QPalette::Button, QColor(55, 55, 58));
        palette.setColor(QPalette::ButtonText, QColor(230, 230, 230));
        palette.setColor(QPalette::Highlight, QColor(42, 130, 218));
    }
    m_view->setPalette(palette);
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
