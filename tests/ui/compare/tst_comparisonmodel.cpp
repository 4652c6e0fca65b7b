// ComparisonModel (issue 5, parts 2 and 6): the Compare view's table shows exactly what
// `iovplan-cli evaluate` prints, deltas and "% better" against the baseline, the better value marked,
// and its CSV reads back as the table.

#include "comparetesthelpers.h"

#include "ui/compare/comparisonmodel.h"

#include "catalogs/csvreader.h"
#include "model/io/projectdocument.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace iovplan;
using namespace iovplan::testing;
using ui::ComparisonModel;

class TestComparisonModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void itemModelTester();
    void figuresEqualCli_data();
    void figuresEqualCli();
    void duplicatedScenarioEqualsOriginalAndCli();
    void deltasAndSavings_data();
    void deltasAndSavings();
    void betterValueMarked_data();
    void betterValueMarked();
    void otherBaseline();
    void pendingScenario();
    void csvRoundTrips();
    void sameShapeUpdatesInPlace();

private:
    [[nodiscard]] std::vector<ui::EvaluationPtr> example() const { return m_example; }
    [[nodiscard]] int scenarioIndex(const QString &name) const;

    std::vector<ui::EvaluationPtr> m_example;
    QJsonObject m_cli;
};

void TestComparisonModel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    const design::Project &project = ciovExample();
    QCOMPARE(project.scenarios.size(), std::size_t(4));
    ui::ScenarioKey key = 1;
    for (const design::Scenario &s : project.scenarios)
        m_example.push_back(evaluationOf(s, project.catalog, key++));
    QString error;
    m_cli = cliEvaluate(ciovExamplePath(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(m_cli.value(QStringLiteral("scenarios")).toArray().size(), 4);
}

int TestComparisonModel::scenarioIndex(const QString &name) const
{
    for (std::size_t i = 0; i < m_example.size(); ++i) {
        if (m_example[i]->scenario.name == name)
            return static_cast<int>(i);
    }
    return -1;
}

void TestComparisonModel::itemModelTester()
{
    ComparisonModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 0);
    model.setEvaluations(example(), 0);
    QCOMPARE(model.columnCount(), 1 + 4 + 2 * 3);
    model.setEvaluations({ m_example[0], m_example[1] }, 1);
    QCOMPARE(model.columnCount(), 1 + 2 + 2);
    model.setEvaluations({ m_example[0], nullptr, m_example[2] }, 0, { QString(), QStringLiteral("pending"), QString() });
    model.setEvaluations({ m_example[0], m_example[1], m_example[2] }, 2);
    model.setEvaluations({}, 0);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), 0);
    model.setEvaluations(example(), 3);
    // Every cell answers every role without crashing, and group rows name their group.
    QStringList groups;
    for (int r = 0; r < model.rowCount(); ++r) {
        if (model.index(r, 0).data(ComparisonModel::RowKindRole).toInt() == int(ComparisonModel::RowKind::Group))
            groups << model.index(r, 0).data().toString();
    }
    QCOMPARE(groups, (QStringList { QStringLiteral("Cost"), QStringLiteral("Power"), QStringLiteral("Performance"),
                                    QStringLiteral("Counts") }));
}

void TestComparisonModel::figuresEqualCli_data()
{
    QTest::addColumn<QString>("scenario");
    for (const design::Scenario &s : ciovExample().scenarios)
        QTest::newRow(qPrintable(s.name)) << s.name;
}

void TestComparisonModel::figuresEqualCli()
{
    QFETCH(QString, scenario);
    ComparisonModel model;
    model.setEvaluations(example(), 0);
    const int index = scenarioIndex(scenario);
    QVERIFY(index >= 0);
    QCOMPARE(model.scenarioName(index), scenario);
    const ColumnCheck check = verifyColumnEqualsCli(model, index, cliScenario(m_cli, scenario));
    QVERIFY2(check.error.isEmpty(), qPrintable(check.error));
    // 8 cost + 6 power + 4 classes × 3 + 6 performance + 5 counts rows, each checked.
    QCOMPARE(check.checked, 8 + 6 + 12 + 6 + 5);
}

void TestComparisonModel::duplicatedScenarioEqualsOriginalAndCli()
{
    // The copy a "Duplicate scenario" makes: the same scenario under a new name, right after the original.
    design::Project project = ciovExample();
    design::Scenario copy = exampleScenario(QStringLiteral("IB software IOV"));
    copy.name = QStringLiteral("IB software IOV (copy)");
    project.scenarios.insert(project.scenarios.begin() + 2, copy);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("duplicated.iovplan"));
    QVERIFY(io::saveProjectFile(path, project).ok);
    QString error;
    const QJsonObject cli = cliEvaluate(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    ComparisonModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEvaluations({ m_example[std::size_t(scenarioIndex(QStringLiteral("IB software IOV")))],
                           evaluationOf(copy, project.catalog, 9) },
                         0);
    QCOMPARE(model.scenarioName(1), copy.name);
    ColumnCheck check = verifyColumnEqualsCli(model, 1, cliScenario(cli, copy.name));
    QVERIFY2(check.error.isEmpty(), qPrintable(check.error));
    check = verifyColumnEqualsCli(model, 0, cliScenario(cli, QStringLiteral("IB software IOV")));
    QVERIFY2(check.error.isEmpty(), qPrintable(check.error));
    QVERIFY(check.checked > 30);
    const QString difference = copyColumnDifference(model);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
}

void TestComparisonModel::deltasAndSavings_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("baselineText");
    QTest::addColumn<QString>("otherText");
    QTest::addColumn<QString>("deltaText");
    QTest::addColumn<QString>("percentText");
    QTest::addColumn<double>("percent");
    // docs/ciov-whitepaper-example.md: I/O purchase $873,792 vs $384,798 (GigE+FC vs IB software IOV).
    QTest::newRow("I/O purchase (whitepaper example)") << QStringLiteral("cost/io_purchase_usd") << QStringLiteral("$873,792.00")
                                                       << QStringLiteral("$384,798.00") << QStringLiteral("-$488,994.00")
                                                       << QStringLiteral("56.0 %") << 100.0 * 488994.0 / 873792.0;
    // Maintenance $103,520 vs $49,320 per year (same document).
    QTest::newRow("I/O maintenance") << QStringLiteral("cost/io_maintenance_usd_per_year") << QStringLiteral("$103,520.00")
                                     << QStringLiteral("$49,320.00") << QStringLiteral("-$54,200.00") << QStringLiteral("52.4 %")
                                     << 100.0 * 54200.0 / 103520.0;
    // Server adapters 2,176 W vs 1,280 W; with gateway modules 1,730 W.
    QTest::newRow("adapter watts") << QStringLiteral("power/adapter_typical_w") << QStringLiteral("2,176 W")
                                   << QStringLiteral("1,280 W") << QStringLiteral("-896 W") << QStringLiteral("41.2 %")
                                   << 100.0 * 896.0 / 2176.0;
    QTest::newRow("endpoint watts") << QStringLiteral("power/endpoint_typical_w") << QStringLiteral("2,176 W")
                                    << QStringLiteral("1,730 W") << QStringLiteral("-446 W") << QStringLiteral("20.5 %")
                                    << 100.0 * 446.0 / 2176.0;
    // Counts: 384 adapters vs 128; a lower count is better.
    QTest::newRow("adapters") << QStringLiteral("counts/adapters") << QStringLiteral("384") << QStringLiteral("128")
                              << QStringLiteral("-256") << QStringLiteral("66.7 %") << 100.0 * 256.0 / 384.0;
}

void TestComparisonModel::deltasAndSavings()
{
    QFETCH(QString, path);
    QFETCH(QString, baselineText);
    QFETCH(QString, otherText);
    QFETCH(QString, deltaText);
    QFETCH(QString, percentText);
    QFETCH(double, percent);
    ComparisonModel model;
    model.setEvaluations({ m_example[std::size_t(scenarioIndex(QStringLiteral("GigE+FC")))],
                           m_example[std::size_t(scenarioIndex(QStringLiteral("IB software IOV")))] },
                         0);
    const int row = model.rowOf(path);
    QVERIFY(row >= 0);
    QCOMPARE(model.index(row, model.scenarioColumn(0)).data().toString(), baselineText);
    QCOMPARE(model.index(row, model.scenarioColumn(1)).data().toString(), otherText);
    QCOMPARE(model.index(row, model.deltaColumn(1)).data().toString(), deltaText);
    QCOMPARE(model.index(row, model.percentColumn(1)).data().toString(), percentText);
    QVERIFY(std::abs(model.index(row, model.percentColumn(1)).data(ComparisonModel::ValueRole).toDouble() - percent) < 1e-9);
    QVERIFY(model.index(row, model.scenarioColumn(1)).data(ComparisonModel::BetterRole).toBool());
    QVERIFY(!model.index(row, model.scenarioColumn(0)).data(ComparisonModel::BetterRole).toBool());
    QVERIFY(model.index(row, model.scenarioColumn(1)).data(Qt::BackgroundRole).isValid());
    QVERIFY(!model.index(row, model.scenarioColumn(0)).data(Qt::BackgroundRole).isValid());
    QCOMPARE(model.headerData(model.scenarioColumn(0), Qt::Horizontal).toString(), QStringLiteral("GigE+FC\n(baseline)"));
    // These rows are lower-is-better: the percentage is a saving, and the header and tooltip say so.
    QCOMPARE(model.headerData(model.percentColumn(1), Qt::Horizontal).toString(), QStringLiteral("IB software IOV\n% saving / gain"));
    const QString headerTip = model.headerData(model.percentColumn(1), Qt::Horizontal, Qt::ToolTipRole).toString();
    QVERIFY2(headerTip.contains(QStringLiteral("the saving")) && headerTip.contains(QStringLiteral("the gain")), qPrintable(headerTip));
    const QString cellTip = model.index(row, model.percentColumn(1)).data(Qt::ToolTipRole).toString();
    QVERIFY2(cellTip.contains(QStringLiteral("lower than GigE+FC (better: a saving)")), qPrintable(cellTip));
    QCOMPARE(model.deltaColumn(0), -1);
    QCOMPARE(model.percentColumn(0), -1);
}

void TestComparisonModel::betterValueMarked_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("marked"); ///< scenarios whose cell is marked better
    QTest::addColumn<QString>("nativePercent"); ///< IB native IOV's "% better" against GigE+FC
    // Lower is better: the two single-HCA designs tie for the lowest purchase.
    QTest::newRow("purchase, lower") << QStringLiteral("cost/purchase_usd")
                                     << QStringList { QStringLiteral("IB software IOV"), QStringLiteral("IB native IOV") }
                                     << QStringLiteral("31.0 %");
    // Higher is better: native IOV fits 20 VMs per server, the others 14 (docs/model.md).
    QTest::newRow("max VMs, higher") << QStringLiteral("performance/max_vms_per_server")
                                     << QStringList { QStringLiteral("IB native IOV") } << QStringLiteral("42.9 %");
    QTest::newRow("CPU headroom, higher") << QStringLiteral("performance/cpu_headroom")
                                          << QStringList { QStringLiteral("IB native IOV") } << QStringLiteral("60.9 %");
    QTest::newRow("IPC p99 latency, lower") << QStringLiteral("performance/classes/ipc/p99_latency_s")
                                            << QStringList { QStringLiteral("IB native IOV") } << QStringLiteral("79.6 %");
    // All equal (128 servers each), and no better direction: nothing marked, no percentage.
    QTest::newRow("servers, neither") << QStringLiteral("counts/servers") << QStringList {} << QString();
    QTest::newRow("saturated, all no") << QStringLiteral("performance/saturated") << QStringList {} << QString();
}

void TestComparisonModel::betterValueMarked()
{
    QFETCH(QString, path);
    QFETCH(QStringList, marked);
    QFETCH(QString, nativePercent);
    ComparisonModel model;
    model.setEvaluations(example(), scenarioIndex(QStringLiteral("GigE+FC")));
    const int row = model.rowOf(path);
    QVERIFY(row >= 0);
    QStringList actual;
    for (int s = 0; s < model.scenarioCount(); ++s) {
        if (model.index(row, model.scenarioColumn(s)).data(ComparisonModel::BetterRole).toBool())
            actual << model.scenarioName(s);
    }
    QCOMPARE(actual, marked);
    const int native = scenarioIndex(QStringLiteral("IB native IOV"));
    QCOMPARE(model.index(row, model.percentColumn(native)).data().toString(), nativePercent);
}

void TestComparisonModel::otherBaseline()
{
    // IB software IOV as the baseline: GigE+FC is now the one that costs more (a negative saving).
    ComparisonModel model;
    model.setEvaluations(example(), scenarioIndex(QStringLiteral("IB software IOV")));
    const int ib = scenarioIndex(QStringLiteral("IB software IOV"));
    const int gige = scenarioIndex(QStringLiteral("GigE+FC"));
    QCOMPARE(model.baseline(), ib);
    QCOMPARE(model.deltaColumn(ib), -1);
    const int row = model.rowOf(QStringLiteral("cost/io_purchase_usd"));
    QCOMPARE(model.index(row, model.deltaColumn(gige)).data().toString(), QStringLiteral("+$488,994.00"));
    QCOMPARE(model.index(row, model.percentColumn(gige)).data().toString(), QStringLiteral("-127.1 %"));
    QCOMPARE(model.index(row, model.deltaColumn(gige)).data(ComparisonModel::ScenarioIndexRole).toInt(), gige);
    QCOMPARE(model.headerData(model.deltaColumn(gige), Qt::Horizontal).toString(), QStringLiteral("GigE+FC\nΔ"));
    // A baseline out of range is clamped, never a crash.
    model.setEvaluations(example(), 17);
    QCOMPARE(model.baseline(), 3);
}

void TestComparisonModel::pendingScenario()
{
    ComparisonModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEvaluations({ m_example[0], nullptr }, 0, { QString(), QStringLiteral("New scenario") });
    QCOMPARE(model.headerData(model.scenarioColumn(1), Qt::Horizontal).toString(), QStringLiteral("New scenario"));
    const int row = model.rowOf(QStringLiteral("cost/io_purchase_usd"));
    QCOMPARE(model.index(row, model.scenarioColumn(1)).data().toString(), QStringLiteral("evaluating…"));
    QVERIFY(!model.index(row, model.scenarioColumn(1)).data(ComparisonModel::ValueRole).isValid());
    QCOMPARE(model.index(row, model.deltaColumn(1)).data().toString(), QString());
    QVERIFY(!model.index(row, model.scenarioColumn(0)).data(ComparisonModel::BetterRole).toBool());
}

void TestComparisonModel::csvRoundTrips()
{
    ComparisonModel model;
    model.setEvaluations(example(), 0);
    const QString csv = model.toCsv();
    const catalogs::CsvParseResult parsed = catalogs::parseCsv(csv.toUtf8(), QStringLiteral("comparison.csv"));
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QCOMPARE(parsed.records.size(), model.rowCount() + 1);
    for (int c = 0; c < model.columnCount(); ++c) {
        QCOMPARE(parsed.records.at(0).fields.value(c),
                 model.headerData(c, Qt::Horizontal).toString().replace(QLatin1Char('\n'), QLatin1Char(' ')));
    }
    for (int r = 0; r < model.rowCount(); ++r) {
        QCOMPARE(parsed.records.at(r + 1).fields.size(), model.columnCount());
        for (int c = 0; c < model.columnCount(); ++c)
            QCOMPARE(parsed.records.at(r + 1).fields.at(c), model.index(r, c).data().toString());
    }
    // Money figures hold commas: they must have been quoted to read back whole.
    QVERIFY(csv.contains(QStringLiteral("\"$873,792.00\"")));
    const QStringList tsvLines = model.toTsv().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(tsvLines.size(), model.rowCount() + 1);
    QCOMPARE(tsvLines.at(model.rowOf(QStringLiteral("cost/io_purchase_usd")) + 1).split(QLatin1Char('\t')).at(1),
             QStringLiteral("$873,792.00"));
}

void TestComparisonModel::sameShapeUpdatesInPlace()
{
    // A new evaluation of the same scenarios keeps the rows: dataChanged, no reset (the view keeps its place).
    ComparisonModel model;
    model.setEvaluations(example(), 0);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    std::vector<ui::EvaluationPtr> swapped = example();
    std::swap(swapped[1], swapped[3]);
    model.setEvaluations(swapped, 0);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(changes.count(), 1);
    QCOMPARE(model.scenarioName(1), QStringLiteral("IB native IOV"));
    model.setEvaluations({ m_example[0], m_example[1] }, 0);
    QCOMPARE(resets.count(), 1);
}

QTEST_MAIN(TestComparisonModel)
#include "tst_comparisonmodel.moc"
