// `iovplan-cli evaluate` and `iovplan-cli bom` on the white paper's example: the contract keys, figures
// that agree between the two commands and with the golden files, problems reported, bad input refused.
#include "clirunner.h"

#include "catalogs/csvreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using iovplan::testing::CliRun;
using iovplan::testing::readAllOf;
using iovplan::testing::runCli;

namespace {

const QString example = QStringLiteral(IOVPLAN_SOURCE_DIR "/examples/ciov-whitepaper.iovplan");
const QString goldenDir = QStringLiteral(IOVPLAN_SOURCE_DIR "/tests/data/golden/");

QJsonObject evaluateExample()
{
    const CliRun run = runCli({ QStringLiteral("evaluate"), example });
    if (run.exitCode != 0)
        qFatal("evaluate failed: %s", run.err.constData());
    return QJsonDocument::fromJson(run.out).object();
}

QJsonObject scenarioNamed(const QJsonObject &evaluation, const QString &name)
{
    for (const QJsonValue &v : evaluation.value(QStringLiteral("scenarios")).toArray()) {
        if (v.toObject().value(QStringLiteral("name")).toString() == name)
            return v.toObject();
    }
    return {};
}

// Writes `bytes` to NAME in `dir` and returns the path.
QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

// Money in the CSV is "123.45": compare as whole cents.
qint64 cents(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char('.'));
    return parts.value(0).toLongLong() * 100 + parts.value(1).toLongLong();
}

} // namespace

class TestEvaluateCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void evaluateHasEveryContractKey();
    void evaluateFiguresOfTheExample();
    void evaluateMatchesTheGoldenFile();
    void bomMatchesTheGoldenFile();
    void bomSubtotalsAddUpAndMatchEvaluate();
    void scenarioOptionSelectsOne();
    void tableFormatNamesTheFigures();
    void designWithProblemsIsEvaluatedWithItsProblems();
    void simulationAgreesWithTheAnalyticModel();
    void badInputExitsTwoWithOneLine_data();
    void badInputExitsTwoWithOneLine();
};

void TestEvaluateCli::evaluateHasEveryContractKey()
{
    // ARCHITECTURE.md, "evaluate JSON": the keys other tools read.
    const QJsonObject s = evaluateExample().value(QStringLiteral("scenarios")).toArray().first().toObject();
    for (const char *key : { "name", "iov_mode", "servers", "vms_per_server", "cost", "power", "counts", "problems" })
        QVERIFY2(s.contains(QLatin1String(key)), key);
    const QJsonObject cost = s.value(QStringLiteral("cost")).toObject();
    for (const char *key : { "io_purchase_usd", "purchase_usd", "maintenance_usd_per_year", "energy_usd_per_year",
                             "tco_usd", "tco_years" })
        QVERIFY2(cost.value(QLatin1String(key)).isDouble(), key);
    const QJsonObject byCategory = cost.value(QStringLiteral("by_category")).toObject();
    for (const char *key : { "adapters", "switching", "gateways", "cabling", "servers" })
        QVERIFY2(byCategory.value(QLatin1String(key)).isDouble(), key);
    const QJsonObject power = s.value(QStringLiteral("power")).toObject();
    for (const char *key : { "adapter_typical_w", "io_typical_w", "typical_w", "max_w", "btu_per_hour", "kwh_per_year" })
        QVERIFY2(power.value(QLatin1String(key)).isDouble(), key);
    const QJsonObject counts = s.value(QStringLiteral("counts")).toObject();
    for (const char *key : { "adapters", "switch_ports", "gateways", "cables", "rack_units" })
        QVERIFY2(counts.value(QLatin1String(key)).isDouble(), key);
    QVERIFY(s.value(QStringLiteral("problems")).isArray());
    const QJsonObject performance = s.value(QStringLiteral("performance")).toObject();
    for (const char *key : { "cpu_utilization", "cpu_headroom", "io_cpu_share", "max_vms_per_server" })
        QVERIFY2(performance.value(QLatin1String(key)).isDouble(), key);
    QVERIFY(performance.value(QStringLiteral("stations")).toArray().first().toObject().contains(QStringLiteral("utilization")));
    const QJsonArray classes = performance.value(QStringLiteral("classes")).toArray();
    QStringList names;
    for (const QJsonValue &v : classes) {
        const QJsonObject c = v.toObject();
        names << c.value(QStringLiteral("name")).toString();
        for (const char *key : { "offered_bytes_per_s", "throughput_bytes_per_s", "peak_vm_bytes_per_s",
                                 "peak_server_bytes_per_s", "latency_s", "unloaded_latency_s", "p99_latency_s" })
            QVERIFY2(c.value(QLatin1String(key)).isDouble(), key);
        QVERIFY(c.value(QStringLiteral("bottleneck")).isString());
        QVERIFY(c.value(QStringLiteral("saturated")).isBool());
    }
    QCOMPARE(names, (QStringList { QStringLiteral("lan"), QStringLiteral("san"), QStringLiteral("ipc"), QStringLiteral("migration") }));
    const QJsonObject properties = s.value(QStringLiteral("properties")).toObject();
    for (const char *key : { "live_migration", "legacy_io_in_vm", "management_transparency" })
        QVERIFY2(properties.value(QLatin1String(key)).isBool(), key);
}

void TestEvaluateCli::evaluateFiguresOfTheExample()
{
    const QJsonObject gige = scenarioNamed(evaluateExample(), QStringLiteral("GigE+FC"));
    const QJsonObject cost = gige.value(QStringLiteral("cost")).toObject();
    const QJsonObject power = gige.value(QStringLiteral("power")).toObject();
    // docs/ciov-whitepaper-example.md: $873,792 of I/O + 128 × $5,500 servers.
    QCOMPARE(cost.value(QStringLiteral("io_purchase_usd")).toDouble(), 873792.0);
    QCOMPARE(cost.value(QStringLiteral("purchase_usd")).toDouble(), 873792.0 + 704000.0);
    QCOMPARE(cost.value(QStringLiteral("tco_years")).toInt(), 3);
    QCOMPARE(power.value(QStringLiteral("adapter_typical_w")).toDouble(), 2176.0);
    // reference-data.md §6 conversions of the total typical watts.
    const double watts = power.value(QStringLiteral("typical_w")).toDouble();
    QVERIFY(qAbs(power.value(QStringLiteral("btu_per_hour")).toDouble() - watts * 3.412) < 1e-6);
    QVERIFY(qAbs(power.value(QStringLiteral("kwh_per_year")).toDouble() - watts * 8.76) < 1e-6);
    // energy = kWh × PUE 2 × $0.10, to the cent; TCO = purchase + 3 × (maintenance + energy).
    const double energy = cost.value(QStringLiteral("energy_usd_per_year")).toDouble();
    QVERIFY(qAbs(energy - watts * 8.76 * 2.0 * 0.10) <= 0.005);
    const double tco = cost.value(QStringLiteral("tco_usd")).toDouble();
    QVERIFY(qAbs(tco - (cost.value(QStringLiteral("purchase_usd")).toDouble()
                        + 3.0 * (cost.value(QStringLiteral("maintenance_usd_per_year")).toDouble() + energy)))
            <= 0.02);
    QCOMPARE(gige.value(QStringLiteral("vms_per_server")).toDouble(), 10.0);
    QCOMPARE(gige.value(QStringLiteral("counts")).toObject().value(QStringLiteral("adapters")).toInt(), 384);
}

void TestEvaluateCli::evaluateMatchesTheGoldenFile()
{
    // Regenerate deliberately after a model change: iovplan-cli evaluate examples/ciov-whitepaper.iovplan
    //   > tests/data/golden/ciov-whitepaper.evaluate.json (and review the diff).
    const CliRun run = runCli({ QStringLiteral("evaluate"), example });
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, readAllOf(goldenDir + QStringLiteral("ciov-whitepaper.evaluate.json")));
}

void TestEvaluateCli::bomMatchesTheGoldenFile()
{
    const CliRun run = runCli({ QStringLiteral("bom"), example, QStringLiteral("--csv") });
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.out, readAllOf(goldenDir + QStringLiteral("ciov-whitepaper.bom.csv")));
}

void TestEvaluateCli::bomSubtotalsAddUpAndMatchEvaluate()
{
    const CliRun run = runCli({ QStringLiteral("bom"), example, QStringLiteral("--csv") });
    QCOMPARE(run.exitCode, 0);
    const iovplan::catalogs::CsvParseResult csv = iovplan::catalogs::parseCsv(run.out, QStringLiteral("bom.csv"));
    QVERIFY2(csv.error.isEmpty(), qPrintable(csv.error));
    QCOMPARE(csv.records.first().fields.join(QLatin1Char(',')),
             QStringLiteral("scenario,line_type,category,item_id,part_number,description,quantity,unit_price_usd,"
                            "extended_price_usd,price_date,price_source"));
    const QJsonObject evaluation = evaluateExample();
    QMap<QString, qint64> itemSums; // scenario/category → Σ extended of item rows
    QMap<QString, qint64> totals; // scenario/type → amount
    int checkedSubtotals = 0;
    for (const iovplan::catalogs::CsvRecord &record : csv.records.mid(1)) {
        const QStringList &f = record.fields;
        QCOMPARE(f.size(), 11);
        const QString scenario = f.at(0);
        const QString type = f.at(1);
        const QString category = f.at(2);
        if (type == u"item") {
            QCOMPARE(cents(f.at(8)), f.at(6).toLongLong() * cents(f.at(7))); // extended = quantity × unit
            QVERIFY(!f.at(10).isEmpty()); // every price names its source
            itemSums[scenario + QLatin1Char('/') + category] += cents(f.at(8));
        } else if (type == u"subtotal") {
            QCOMPARE(cents(f.at(8)), itemSums.value(scenario + QLatin1Char('/') + category));
            const double byCategory = scenarioNamed(evaluation, scenario)
                                          .value(QStringLiteral("cost")).toObject()
                                          .value(QStringLiteral("by_category")).toObject()
                                          .value(category).toDouble();
            QCOMPARE(cents(f.at(8)), qRound64(byCategory * 100.0));
            ++checkedSubtotals;
        } else {
            totals[scenario + QLatin1Char('/') + type] = cents(f.at(8));
        }
    }
    QVERIFY(checkedSubtotals >= 4 * 4);
    for (const QJsonValue &v : evaluation.value(QStringLiteral("scenarios")).toArray()) {
        const QJsonObject s = v.toObject();
        const QString name = s.value(QStringLiteral("name")).toString();
        const QJsonObject cost = s.value(QStringLiteral("cost")).toObject();
        QCOMPARE(totals.value(name + QStringLiteral("/io_total")), qRound64(cost.value(QStringLiteral("io_purchase_usd")).toDouble() * 100));
        QCOMPARE(totals.value(name + QStringLiteral("/total")), qRound64(cost.value(QStringLiteral("purchase_usd")).toDouble() * 100));
    }
}

void TestEvaluateCli::scenarioOptionSelectsOne()
{
    const CliRun run = runCli({ QStringLiteral("evaluate"), example, QStringLiteral("--scenario"), QStringLiteral("IB native IOV") });
    QCOMPARE(run.exitCode, 0);
    const QJsonArray scenarios = QJsonDocument::fromJson(run.out).object().value(QStringLiteral("scenarios")).toArray();
    QCOMPARE(scenarios.size(), 1);
    QCOMPARE(scenarios.first().toObject().value(QStringLiteral("iov_mode")).toString(), QStringLiteral("native"));
    const CliRun bom = runCli({ QStringLiteral("bom"), example, QStringLiteral("--scenario=GigE+FC"), QStringLiteral("--csv") });
    QCOMPARE(bom.exitCode, 0);
    QVERIFY(!bom.out.contains("IB software IOV"));
    QVERIFY(bom.out.contains("GigE+FC,total,,,,,,,1577792.00,,"));
}

void TestEvaluateCli::tableFormatNamesTheFigures()
{
    const CliRun run = runCli({ QStringLiteral("evaluate"), example, QStringLiteral("--format"), QStringLiteral("table"),
                                QStringLiteral("--scenario"), QStringLiteral("GigE+FC") });
    QCOMPARE(run.exitCode, 0);
    const QString text = QString::fromUtf8(run.out);
    QVERIFY(text.contains(QStringLiteral("$873,792.00")));
    QVERIFY(text.contains(QStringLiteral("2,176 W")));
    QVERIFY(text.contains(QStringLiteral("No problems.")));
}

void TestEvaluateCli::designWithProblemsIsEvaluatedWithItsProblems()
{
    // Put server 2 into server 1's U: the roll-up still runs and names the overlap.
    QByteArray json = readAllOf(example);
    const QByteArray from = "\"position_u\": 3,";
    QVERIFY(json.contains(from));
    json.replace(json.indexOf(from), from.size(), "\"position_u\": 1,");
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("overlap.iovplan"), json);
    const CliRun run = runCli({ QStringLiteral("evaluate"), path, QStringLiteral("--scenario"), QStringLiteral("GigE+FC") });
    QCOMPARE(run.exitCode, 0);
    const QJsonArray problems = QJsonDocument::fromJson(run.out).object().value(QStringLiteral("scenarios")).toArray()
                                    .first().toObject().value(QStringLiteral("problems")).toArray();
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().toObject().value(QStringLiteral("severity")).toString(), QStringLiteral("error"));
    QCOMPARE(problems.first().toObject().value(QStringLiteral("object")).toString(), QStringLiteral("srv-002"));
}

void TestEvaluateCli::simulationAgreesWithTheAnalyticModel()
{
    // Issue 4, part 4: the simulated network (exponential service, the product-form assumptions) agrees
    // with the analytic latencies: every class inside twice the simulated 95 % half-width (docs/simulation.md
    // explains the factor 2 for correlated figures of one run).
    const CliRun run = runCli({ QStringLiteral("evaluate"), example, QStringLiteral("--scenario"), QStringLiteral("IB native IOV"),
                                QStringLiteral("--simulate"), QStringLiteral("--seed"), QStringLiteral("7") });
    QCOMPARE(run.exitCode, 0);
    const QJsonObject performance = QJsonDocument::fromJson(run.out).object().value(QStringLiteral("scenarios")).toArray()
                                        .first().toObject().value(QStringLiteral("performance")).toObject();
    QVERIFY(performance.value(QStringLiteral("simulation")).toObject().value(QStringLiteral("simulated")).toBool());
    const QJsonArray classes = performance.value(QStringLiteral("classes")).toArray();
    QCOMPARE(classes.size(), 4);
    for (const QJsonValue &v : classes) {
        const QJsonObject c = v.toObject();
        const double analytic = c.value(QStringLiteral("latency_s")).toDouble();
        const double simulated = c.value(QStringLiteral("simulated_latency_s")).toDouble();
        const double halfWidth = c.value(QStringLiteral("simulated_latency_ci95_s")).toDouble();
        QVERIFY(halfWidth > 0.0 && halfWidth < 0.6 * simulated);
        QVERIFY2(qAbs(analytic - simulated) <= 2.0 * halfWidth,
                 qPrintable(QStringLiteral("%1: analytic %2, simulated %3 ± %4").arg(c.value(QStringLiteral("name")).toString())
                                .arg(analytic).arg(simulated).arg(halfWidth)));
    }
}

void TestEvaluateCli::badInputExitsTwoWithOneLine_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("name"); ///< file name in the temporary dir ("" = the example itself)
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("expected"); ///< a fragment of the one error line

    const QByteArray good = readAllOf(example);
    QByteArray newer = good;
    newer.replace("\"version\": 2\n", "\"version\": 99\n");
    QByteArray negative = good;
    negative.replace("\"vms_per_server\": 10", "\"vms_per_server\": -10");

    QTest::newRow("missing file") << QStringLiteral("evaluate") << QStringLiteral("absent.iovplan") << QByteArray()
                                  << QStringList() << QStringLiteral("absent.iovplan");
    QTest::newRow("truncated document") << QStringLiteral("evaluate") << QStringLiteral("truncated.iovplan")
                                        << good.left(good.size() / 2) << QStringList() << QStringLiteral("truncated.iovplan: ");
    QTest::newRow("not JSON") << QStringLiteral("bom") << QStringLiteral("text.iovplan") << QByteArray("hello")
                              << QStringList { QStringLiteral("--csv") } << QStringLiteral("text.iovplan: ");
    QTest::newRow("newer format version") << QStringLiteral("evaluate") << QStringLiteral("newer.iovplan") << newer
                                          << QStringList() << QStringLiteral("newer");
    QTest::newRow("negative count") << QStringLiteral("bom") << QStringLiteral("negative.iovplan") << negative
                                    << QStringList() << QStringLiteral("vms_per_server");
    QTest::newRow("unknown scenario") << QStringLiteral("evaluate") << QString() << QByteArray()
                                      << QStringList { QStringLiteral("--scenario"), QStringLiteral("Nope") }
                                      << QStringLiteral("--scenario: no scenario named \"Nope\"");
    QTest::newRow("unknown format") << QStringLiteral("evaluate") << QString() << QByteArray()
                                    << QStringList { QStringLiteral("--format"), QStringLiteral("xml") }
                                    << QStringLiteral("must be json or table");
    QTest::newRow("unknown option") << QStringLiteral("bom") << QString() << QByteArray()
                                    << QStringList { QStringLiteral("--pdf") } << QStringLiteral("unknown option '--pdf'");
}

void TestEvaluateCli::badInputExitsTwoWithOneLine()
{
    QFETCH(QString, command);
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QStringList, options);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QString path = example;
    if (!name.isEmpty())
        path = content.isEmpty() ? dir.filePath(name) : writeFile(dir, name, content);
    const CliRun run = runCli(QStringList { command, path } + options);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.contains(expected), qPrintable(err));
    QVERIFY2(err.startsWith(QStringLiteral("iovplan-cli")), qPrintable(err));
}

QTEST_GUILESS_MAIN(TestEvaluateCli)
#include "tst_evaluatecli.moc"
