// `iovplan-cli sweep` and `iovplan-cli failures` on the white paper's example (docs/whatif.md): the CSV's
// shape and numbers, shards that reassemble the full sweep byte for byte, bad input refused with one line.
#include "clirunner.h"

#include "catalogs/csvreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <algorithm>

using iovplan::testing::CliRun;
using iovplan::testing::runCli;

namespace {

const QString example = QStringLiteral(IOVPLAN_SOURCE_DIR "/examples/ciov-whitepaper.iovplan");
const QString ibScenario = QStringLiteral("IB software IOV");

QStringList sweepArgs(const QStringList &extra)
{
    return QStringList { QStringLiteral("sweep"), example, QStringLiteral("--scenario"), ibScenario } + extra;
}

// The CSV's records (header first); fails the test on a syntax error.
QList<QStringList> records(const QByteArray &csv)
{
    const iovplan::catalogs::CsvParseResult parsed = iovplan::catalogs::parseCsv(csv, QStringLiteral("stdout"));
    if (!parsed.error.isEmpty())
        qFatal("bad CSV: %s", qPrintable(parsed.error));
    QList<QStringList> rows;
    for (const iovplan::catalogs::CsvRecord &r : parsed.records)
        rows << r.fields;
    return rows;
}

// The output's lines after the header, sorted by the step in their first field.
QList<QByteArray> bodySortedByStep(const QByteArray &out)
{
    QList<QByteArray> lines = out.split('\n');
    lines.removeFirst(); // header
    lines.removeAll(QByteArray());
    std::sort(lines.begin(), lines.end(), [](const QByteArray &a, const QByteArray &b) {
        return a.left(a.indexOf(',')).toInt() < b.left(b.indexOf(',')).toInt();
    });
    return lines;
}

} // namespace

class TestSweepCli : public QObject
{
    Q_OBJECT

private slots:
    void csvShape();
    void shardsReassembleTheSweep();
    void priceSweepInExactCents();
    void saturatedLatencyIsEmpty();
    void descendingAndCapacity();
    void badInput_data();
    void badInput();
    void failuresCsv();
    void failuresJson();
};

void TestSweepCli::csvShape()
{
    const CliRun run = runCli(sweepArgs({ QStringLiteral("--param"), QStringLiteral("vms_per_server"),
                                          QStringLiteral("--from"), QStringLiteral("2"), QStringLiteral("--to"),
                                          QStringLiteral("10"), QStringLiteral("--steps"), QStringLiteral("5") }));
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.err.isEmpty());
    const QList<QStringList> rows = records(run.out);
    QCOMPARE(rows.size(), 1 + 5);
    const QStringList &header = rows.front();
    QCOMPARE(header.value(0), QStringLiteral("step"));
    QCOMPARE(header.value(1), QStringLiteral("vms_per_server"));
    for (const char *column : { "lan_throughput_bytes_per_s", "san_p99_latency_s", "ipc_peak_vm_bytes_per_s",
                                "cpu_utilization", "saturated", "bottleneck", "io_purchase_usd", "tco_usd", "typical_w" })
        QVERIFY2(header.contains(QLatin1String(column)), column);
    const qsizetype cpu = header.indexOf(QStringLiteral("cpu_utilization"));
    const qsizetype lan = header.indexOf(QStringLiteral("lan_throughput_bytes_per_s"));
    double lastCpu = -1.0;
    for (qsizetype i = 1; i < rows.size(); ++i) {
        QCOMPARE(rows[i].size(), header.size());
        QCOMPARE(rows[i][0].toInt(), int(i - 1));
        QCOMPARE(rows[i][1].toDouble(), 2.0 * double(i)); // 2, 4, 6, 8, 10 VMs: below CPU saturation (~15)
        bool ok = false;
        const double u = rows[i][cpu].toDouble(&ok);
        QVERIFY(ok && u > lastCpu);
        lastCpu = u;
        QVERIFY(rows[i][lan].toDouble() > 0.0);
    }
    QVERIFY(!run.out.toLower().contains("nan"));
    QVERIFY(!run.out.toLower().contains("inf"));
}

void TestSweepCli::shardsReassembleTheSweep()
{
    const QStringList base { QStringLiteral("--param"), QStringLiteral("vms_per_server"), QStringLiteral("--from"),
                             QStringLiteral("1"), QStringLiteral("--to"), QStringLiteral("120"),
                             QStringLiteral("--steps"), QStringLiteral("11") };
    const CliRun full = runCli(sweepArgs(base));
    QCOMPARE(full.exitCode, 0);
    QByteArray joined;
    QByteArray header;
    for (int i = 0; i < 3; ++i) {
        const CliRun shard = runCli(sweepArgs(base + QStringList { QStringLiteral("--shard"), QStringLiteral("%1/3").arg(i) }));
        QCOMPARE(shard.exitCode, 0);
        const QByteArray shardHeader = shard.out.left(shard.out.indexOf('\n'));
        QVERIFY(header.isEmpty() || shardHeader == header); // every shard writes the same header
        header = shardHeader;
        joined += shard.out.mid(shard.out.indexOf('\n') + 1);
    }
    QCOMPARE(header, full.out.left(full.out.indexOf('\n')));
    const QList<QByteArray> expected = bodySortedByStep(full.out);
    QCOMPARE(expected.size(), 11);
    QCOMPARE(bodySortedByStep(header + '\n' + joined), expected); // byte for byte, line by line
    // --no-header drops the header only.
    const CliRun bare = runCli(sweepArgs(base + QStringList { QStringLiteral("--no-header") }));
    QCOMPARE(header + '\n' + bare.out, full.out);
}

void TestSweepCli::priceSweepInExactCents()
{
    const CliRun run = runCli(sweepArgs({ QStringLiteral("--param"), QStringLiteral("price:mellanox-mhga28-xtc"),
                                          QStringLiteral("--from"), QStringLiteral("800.10"), QStringLiteral("--to"),
                                          QStringLiteral("1000.10"), QStringLiteral("--steps"), QStringLiteral("3") }));
    QCOMPARE(run.exitCode, 0);
    const QList<QStringList> rows = records(run.out);
    QCOMPARE(rows.size(), 4);
    const qsizetype io = rows[0].indexOf(QStringLiteral("io_purchase_usd"));
    const qsizetype lan = rows[0].indexOf(QStringLiteral("lan_p99_latency_s"));
    const auto cents = [](const QString &t) {
        const QStringList parts = t.split(QLatin1Char('.'));
        return parts.value(0).toLongLong() * 100 + parts.value(1).toLongLong();
    };
    for (int i = 2; i <= 3; ++i) {
        QCOMPARE(rows[i][io].split(QLatin1Char('.')).value(1).size(), 2); // always two decimals
        // 128 HCAs × $100.00 per step = $12,800.00 exactly.
        QCOMPARE(cents(rows[i][io]) - cents(rows[i - 1][io]), 1280000);
        QCOMPARE(rows[i][lan], rows[1][lan]); // performance untouched by a price
    }
}

void TestSweepCli::saturatedLatencyIsEmpty()
{
    const CliRun run = runCli(sweepArgs({ QStringLiteral("--param"), QStringLiteral("load_scale"), QStringLiteral("--from"),
                                          QStringLiteral("1"), QStringLiteral("--to"), QStringLiteral("100"),
                                          QStringLiteral("--steps"), QStringLiteral("2") }));
    QCOMPARE(run.exitCode, 0);
    const QList<QStringList> rows = records(run.out);
    const qsizetype saturated = rows[0].indexOf(QStringLiteral("saturated"));
    const qsizetype p99 = rows[0].indexOf(QStringLiteral("lan_p99_latency_s"));
    QCOMPARE(rows[1][saturated], QStringLiteral("0"));
    QVERIFY(!rows[1][p99].isEmpty());
    QCOMPARE(rows[2][saturated], QStringLiteral("1")); // 100× the load
    QCOMPARE(rows[2][p99], QString()); // no latency past saturation: an empty field, never NaN
}

void TestSweepCli::descendingAndCapacity()
{
    const CliRun run = runCli(sweepArgs({ QStringLiteral("--param"), QStringLiteral("gateways"), QStringLiteral("--from"),
                                          QStringLiteral("6"), QStringLiteral("--to"), QStringLiteral("5"),
                                          QStringLiteral("--steps"), QStringLiteral("2"), QStringLiteral("--capacity") }));
    QCOMPARE(run.exitCode, 0);
    const QList<QStringList> rows = records(run.out);
    const qsizetype vms = rows[0].indexOf(QStringLiteral("max_vms_per_server"));
    const qsizetype notRewired = rows[0].indexOf(QStringLiteral("servers_not_rewired"));
    QCOMPARE(rows[1][1], QStringLiteral("6"));
    QCOMPARE(rows[2][1], QStringLiteral("5"));
    QVERIFY(rows[1][vms].toInt() > 0); // searched with --capacity
    QCOMPARE(rows[1][notRewired], QStringLiteral("0"));
    // Five chassis: 5 × 24 − 8 chain ports = 112 ports for 128 servers.
    QCOMPARE(rows[2][notRewired], QStringLiteral("16"));
}

void TestSweepCli::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("mentions");
    const auto sweep = [](const QStringList &extra) { return sweepArgs(extra); };
    const QStringList ok { QStringLiteral("--from"), QStringLiteral("1"), QStringLiteral("--to"), QStringLiteral("2"),
                           QStringLiteral("--steps"), QStringLiteral("2") };
    const QString param = QStringLiteral("--param");
    QTest::newRow("unknown parameter") << sweep(QStringList { param, QStringLiteral("disks") } + ok) << "--param";
    QTest::newRow("price of an unpinned item") << sweep(QStringList { param, QStringLiteral("price:nothing") } + ok) << "--param";
    QTest::newRow("no --param") << sweep(ok) << "--param";
    QTest::newRow("steps 0") << sweep({ param, QStringLiteral("hcas"), QStringLiteral("--from"), QStringLiteral("1"),
                                        QStringLiteral("--to"), QStringLiteral("2"), QStringLiteral("--steps"),
                                        QStringLiteral("0") })
                             << "--steps";
    QTest::newRow("steps not a number") << sweep({ param, QStringLiteral("hcas"), QStringLiteral("--from"), QStringLiteral("1"),
                                                   QStringLiteral("--to"), QStringLiteral("2"), QStringLiteral("--steps"),
                                                   QStringLiteral("many") })
                                        << "--steps";
    QTest::newRow("from not a number") << sweep({ param, QStringLiteral("hcas"), QStringLiteral("--from"), QStringLiteral("nan"),
                                                  QStringLiteral("--to"), QStringLiteral("2"), QStringLiteral("--steps"),
                                                  QStringLiteral("2") })
                                       << "--from";
    QTest::newRow("three HCAs") << sweep({ param, QStringLiteral("hcas"), QStringLiteral("--from"), QStringLiteral("1"),
                                           QStringLiteral("--to"), QStringLiteral("3"), QStringLiteral("--steps"),
                                           QStringLiteral("3") })
                                << "--to";
    QTest::newRow("shard 3/3") << sweep(QStringList { param, QStringLiteral("hcas") } + ok
                                        + QStringList { QStringLiteral("--shard"), QStringLiteral("3/3") })
                               << "--shard";
    QTest::newRow("shard without slash") << sweep(QStringList { param, QStringLiteral("hcas") } + ok
                                                  + QStringList { QStringLiteral("--shard"), QStringLiteral("1") })
                                         << "--shard";
    QTest::newRow("no scenario among four")
        << (QStringList { QStringLiteral("sweep"), example, param, QStringLiteral("hcas") } + ok) << "--scenario";
    QTest::newRow("unknown scenario")
        << (QStringList { QStringLiteral("sweep"), example, QStringLiteral("--scenario"), QStringLiteral("nope"), param,
                          QStringLiteral("hcas") }
            + ok)
        << "--scenario";
    QTest::newRow("missing file")
        << (QStringList { QStringLiteral("sweep"), QStringLiteral("/nonexistent/x.iovplan"), param, QStringLiteral("hcas") } + ok)
        << "x.iovplan";
    QTest::newRow("unknown option") << sweep(QStringList { param, QStringLiteral("hcas"), QStringLiteral("--frm"),
                                                           QStringLiteral("1") })
                                    << "--frm";
    QTest::newRow("failures: bad format") << QStringList { QStringLiteral("failures"), example, QStringLiteral("--format"),
                                                           QStringLiteral("xml") }
                                          << "--format";
    QTest::newRow("failures: unknown scenario") << QStringList { QStringLiteral("failures"), example,
                                                                 QStringLiteral("--scenario"), QStringLiteral("nope") }
                                                << "--scenario";
}

void TestSweepCli::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(QString, mentions);
    const CliRun run = runCli(args);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QCOMPARE(run.err.count('\n'), 1); // one line
    QVERIFY2(run.err.startsWith("iovplan-cli: "), run.err.constData());
    QVERIFY2(QString::fromUtf8(run.err).contains(mentions), run.err.constData());
}

void TestSweepCli::failuresCsv()
{
    for (const auto &[name, cutOff] : { std::pair { QStringLiteral("IB software IOV"), QStringLiteral("22") },
                                        std::pair { QStringLiteral("IB software IOV HA"), QStringLiteral("0") } }) {
        const CliRun run = runCli({ QStringLiteral("failures"), example, QStringLiteral("--scenario"), name });
        QCOMPARE(run.exitCode, 0);
        const QList<QStringList> rows = records(run.out);
        const QStringList &header = rows.front();
        const qsizetype kind = header.indexOf(QStringLiteral("failed_kind"));
        const qsizetype failed = header.indexOf(QStringLiteral("failed"));
        const qsizetype lanPathless = header.indexOf(QStringLiteral("lan_servers_without_path"));
        const qsizetype sanPathless = header.indexOf(QStringLiteral("san_servers_without_path"));
        const qsizetype lanShare = header.indexOf(QStringLiteral("lan_carried_share"));
        QVERIFY(kind >= 0 && failed >= 0 && lanPathless >= 0 && sanPathless >= 0 && lanShare >= 0);
        QCOMPARE(rows[1][kind], QStringLiteral("none"));
        QCOMPARE(rows[1][lanShare], QStringLiteral("1"));
        const auto gw = std::find_if(rows.begin(), rows.end(), [&](const QStringList &r) {
            return r.value(failed) == u"gw-1a";
        });
        QVERIFY(gw != rows.end());
        QCOMPARE(gw->value(kind), QStringLiteral("gateway"));
        QCOMPARE(gw->value(lanPathless), cutOff);
        QCOMPARE(gw->value(sanPathless), cutOff);
        QCOMPARE(gw->value(lanShare).toDouble() < 1.0, cutOff != u"0");
    }
}

void TestSweepCli::failuresJson()
{
    const CliRun run = runCli({ QStringLiteral("failures"), example, QStringLiteral("--scenario"),
                                QStringLiteral("GigE+FC"), QStringLiteral("--format"), QStringLiteral("json") });
    QCOMPARE(run.exitCode, 0);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(run.out, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonArray scenarios = doc.object().value(QStringLiteral("scenarios")).toArray();
    QCOMPARE(scenarios.size(), 1);
    const QJsonObject s = scenarios.first().toObject();
    QCOMPARE(s.value(QStringLiteral("name")).toString(), QStringLiteral("GigE+FC"));
    const QJsonArray failures = s.value(QStringLiteral("failures")).toArray();
    QCOMPARE(failures.size(), 32 + 64); // switches and uplink cables; no HCA in this design
    const QJsonObject first = failures.first().toObject();
    QCOMPARE(first.value(QStringLiteral("kind")).toString(), QStringLiteral("switch"));
    const QJsonArray classes = first.value(QStringLiteral("classes")).toArray();
    QCOMPARE(classes.size(), 4);
    for (const QJsonValue &c : classes) {
        QVERIFY(c.toObject().contains(QStringLiteral("p99_latency_s")));
        QCOMPARE(c.toObject().value(QStringLiteral("servers_without_path")).toInt(), 0); // dual-homed
    }
}

QTEST_GUILESS_MAIN(TestSweepCli)
#include "tst_sweepcli.moc"
