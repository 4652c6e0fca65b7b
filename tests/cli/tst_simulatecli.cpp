// `iovplan-cli simulate`: the shipped qn examples simulated with the defaults agree with `qn`, the
// output carries a ci95 half-width next to every mean, equal seeds print equal bytes, and bad input
// exits 2 with one line on stderr.
#include "clirunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using iovplan::testing::CliRun;
using iovplan::testing::runCli;

namespace {

QString example(const char *name)
{
    return QStringLiteral(IOVPLAN_SOURCE_DIR "/examples/qn/") + QLatin1String(name);
}

QJsonObject jsonOf(const CliRun &run)
{
    return QJsonDocument::fromJson(run.out).object();
}

// Means the simulation's intervals must cover: within 2 half-widths (tst_simulation explains the
// slack: about 4 standard errors with 10 replications, for many correlated quantities per file).
constexpr double kIntervalSlack = 2.0;

bool covers(const QJsonObject &simulated, const char *key, double analytic, QString &why)
{
    const double mean = simulated.value(QLatin1String(key)).toDouble();
    const double halfWidth = simulated.value(QLatin1String(key) + QStringLiteral("_ci95")).toDouble();
    if (std::abs(mean - analytic) <= kIntervalSlack * halfWidth + 1e-9 && halfWidth <= 0.1 * std::abs(analytic) + 1e-9)
        return true;
    why = QStringLiteral("%1: simulated %2 +- %3, qn %4").arg(QLatin1String(key)).arg(mean).arg(halfWidth).arg(analytic);
    return false;
}

} // namespace

class TestSimulateCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void examplesAgreeWithQn_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("open: Lazowska QSP p.113") << example("lazowska-1984-qsp-p113-open.json");
        QTest::newRow("open routing: Bolch Ex. 7.4") << example("bolch-1998-ex7.4-p287-open-routing.json");
        QTest::newRow("M/M/2: Erlang C") << example("erlang-c-mm2-lambda9-mu5.json");
        QTest::newRow("closed think time: Jain") << example("jain-closed-think-time.json");
        QTest::newRow("multi-server + delay: Bolch Ex. 8.4") << example("bolch-1998-ex8.4-p333-multiserver.json");
        QTest::newRow("load-dependent: Bolch Ex. 8.1") << example("bolch-1998-ex8.1-p318-load-dependent.json");
        QTest::newRow("mixed: QSP p.148") << example("qsp-1984-p148-mixed.json");
        QTest::newRow("delay + PS: Schwetman 1982") << example("schwetman-1982-csd-tr-355-table5.json");
    }

    void examplesAgreeWithQn()
    {
        QFETCH(QString, file);
        const CliRun analyticRun = runCli({ QStringLiteral("qn"), file });
        const CliRun simulatedRun = runCli({ QStringLiteral("simulate"), file });
        QCOMPARE(analyticRun.exitCode, 0);
        QCOMPARE(simulatedRun.exitCode, 0);
        QVERIFY(simulatedRun.err.isEmpty());
        const QJsonObject analytic = jsonOf(analyticRun);
        const QJsonObject simulated = jsonOf(simulatedRun);
        QCOMPARE(simulated.value(QStringLiteral("method")).toString(), QStringLiteral("simulation"));
        QCOMPARE(simulated.value(QStringLiteral("simulation")).toObject().value(QStringLiteral("event_budget_exhausted")).toBool(true), false);

        QString why;
        const QJsonArray analyticClasses = analytic.value(QStringLiteral("classes")).toArray();
        const QJsonArray simulatedClasses = simulated.value(QStringLiteral("classes")).toArray();
        QCOMPARE(simulatedClasses.size(), analyticClasses.size());
        for (qsizetype c = 0; c < analyticClasses.size(); ++c) {
            const QJsonObject a = analyticClasses.at(c).toObject();
            const QJsonObject s = simulatedClasses.at(c).toObject();
            QCOMPARE(s.value(QStringLiteral("name")), a.value(QStringLiteral("name")));
            QCOMPARE(s.value(QStringLiteral("kind")), a.value(QStringLiteral("kind")));
            QVERIFY2(covers(s, "throughput", a.value(QStringLiteral("throughput")).toDouble(), why), qPrintable(why));
            QVERIFY2(covers(s, "response_time", a.value(QStringLiteral("response_time")).toDouble(), why), qPrintable(why));
        }
        const QJsonArray analyticStations = analytic.value(QStringLiteral("stations")).toArray();
        const QJsonArray simulatedStations = simulated.value(QStringLiteral("stations")).toArray();
        QCOMPARE(simulatedStations.size(), analyticStations.size());
        for (qsizetype k = 0; k < analyticStations.size(); ++k) {
            const QJsonObject a = analyticStations.at(k).toObject();
            const QJsonObject s = simulatedStations.at(k).toObject();
            QCOMPARE(s.value(QStringLiteral("name")), a.value(QStringLiteral("name")));
            QVERIFY2(covers(s, "utilization", a.value(QStringLiteral("utilization")).toDouble(), why), qPrintable(why));
            QVERIFY2(covers(s, "queue_length", a.value(QStringLiteral("queue_length")).toDouble(), why), qPrintable(why));
            const QJsonArray ap = a.value(QStringLiteral("per_class")).toArray();
            const QJsonArray sp = s.value(QStringLiteral("per_class")).toArray();
            QCOMPARE(sp.size(), ap.size());
            for (qsizetype i = 0; i < ap.size(); ++i) {
                const QJsonObject apc = ap.at(i).toObject();
                const QJsonObject spc = sp.at(i).toObject();
                QCOMPARE(spc.value(QStringLiteral("class")), apc.value(QStringLiteral("class")));
                for (const char *key : { "throughput", "utilization", "queue_length", "residence_time" })
                    QVERIFY2(covers(spc, key, apc.value(QLatin1String(key)).toDouble(), why), qPrintable(why));
            }
        }
    }

    // Every mean has its half-width next to it, and the output holds only finite numbers.
    void everyMeanHasItsInterval()
    {
        const CliRun run = runCli({ QStringLiteral("simulate"), example("bolch-1998-ex8.6-p345-mixed.json"),
                                    QStringLiteral("--replications"), QStringLiteral("4"), QStringLiteral("--length"),
                                    QStringLiteral("2000") });
        QCOMPARE(run.exitCode, 0);
        QVERIFY(!run.out.contains("nan") && !run.out.contains("inf") && !run.out.contains("null"));
        const QJsonObject root = jsonOf(run);
        const QJsonObject settings = root.value(QStringLiteral("simulation")).toObject();
        QCOMPARE(settings.value(QStringLiteral("replications")).toInt(), 4);
        QCOMPARE(settings.value(QStringLiteral("length")).toDouble(), 2000.0);
        QCOMPARE(settings.value(QStringLiteral("warmup")).toDouble(), 200.0); // default: length / 10
        QCOMPARE(settings.value(QStringLiteral("t_quantile")).toDouble(), 3.1824463);
        const auto checkPairs = [](const QJsonObject &o, std::initializer_list<const char *> keys) {
            for (const char *key : keys) {
                if (!o.value(QLatin1String(key)).isDouble() || !o.value(QLatin1String(key) + QStringLiteral("_ci95")).isDouble())
                    return false;
                if (o.value(QLatin1String(key) + QStringLiteral("_ci95")).toDouble() < 0.0)
                    return false;
            }
            return true;
        };
        for (const QJsonValue c : root.value(QStringLiteral("classes")).toArray())
            QVERIFY(checkPairs(c.toObject(), { "throughput", "response_time" }));
        for (const QJsonValue s : root.value(QStringLiteral("stations")).toArray()) {
            QVERIFY(checkPairs(s.toObject(), { "utilization", "queue_length", "throughput", "response_time" }));
            for (const QJsonValue pc : s.toObject().value(QStringLiteral("per_class")).toArray())
                QVERIFY(checkPairs(pc.toObject(), { "throughput", "utilization", "queue_length", "residence_time" }));
        }
    }

    void equalSeedsPrintEqualBytes()
    {
        const QStringList args{ QStringLiteral("simulate"), example("jain-closed-think-time.json"), QStringLiteral("--length"),
                                QStringLiteral("500"), QStringLiteral("--service"), QStringLiteral("cv=0.5") };
        const CliRun a = runCli(args + QStringList{ QStringLiteral("--seed"), QStringLiteral("99") });
        const CliRun b = runCli(args + QStringList{ QStringLiteral("--seed=99") });
        const CliRun c = runCli(args + QStringList{ QStringLiteral("--seed"), QStringLiteral("100") });
        QCOMPARE(a.exitCode, 0);
        QCOMPARE(a.out, b.out);
        QVERIFY(a.out != c.out);
        QVERIFY(a.out.contains("\"service\": \"gamma\", \"service_cv\": 0.5"));
    }

    // Fixed-size work at an M/M/2 example: M/D/2 waits less than the product-form answer.
    void deterministicServiceWaitsLess()
    {
        const QString file = example("erlang-c-mm2-lambda9-mu5.json");
        const double analytic = jsonOf(runCli({ QStringLiteral("qn"), file }))
                                    .value(QStringLiteral("classes")).toArray().at(0).toObject()
                                    .value(QStringLiteral("response_time")).toDouble();
        const CliRun run = runCli({ QStringLiteral("simulate"), file, QStringLiteral("--service"), QStringLiteral("deterministic") });
        QCOMPARE(run.exitCode, 0);
        const QJsonObject c = jsonOf(run).value(QStringLiteral("classes")).toArray().at(0).toObject();
        const double simulated = c.value(QStringLiteral("response_time")).toDouble();
        const double halfWidth = c.value(QStringLiteral("response_time_ci95")).toDouble();
        // Service 0.2; M/M/2 at rho 0.9 waits 0.853 on average, M/D/2 roughly half of that.
        QVERIFY2(simulated + 5.0 * halfWidth < analytic, qPrintable(QStringLiteral("%1 +- %2 vs %3").arg(simulated).arg(halfWidth).arg(analytic)));
        QVERIFY(simulated > 0.2);
    }

    void tableFormat()
    {
        const CliRun run = runCli({ QStringLiteral("simulate"), example("bolch-1998-ex8.4-p333-multiserver.json"),
                                    QStringLiteral("--format"), QStringLiteral("table"), QStringLiteral("--length"), QStringLiteral("1000") });
        QCOMPARE(run.exitCode, 0);
        const QString text = QString::fromUtf8(run.out);
        QVERIFY(text.contains(QStringLiteral("Classes\n")));
        QVERIFY(text.contains(QStringLiteral("infinite-server")));
        QVERIFY(text.contains(QStringLiteral(" ± ")));
        QVERIFY(text.contains(QStringLiteral("10 replications, seed 1, warm-up 100, length 1000")));
    }

    void eventBudgetIsReported()
    {
        const CliRun run = runCli({ QStringLiteral("simulate"), example("jain-closed-think-time.json"), QStringLiteral("--max-events"),
                                    QStringLiteral("2000"), QStringLiteral("--warmup"), QStringLiteral("0") });
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.err.count('\n'), 1);
        QVERIFY(run.err.contains("stopped at the budget of 2000 events"));
        const QJsonObject settings = jsonOf(run).value(QStringLiteral("simulation")).toObject();
        QCOMPARE(settings.value(QStringLiteral("event_budget_exhausted")).toBool(), true);
        QCOMPARE(settings.value(QStringLiteral("events")).toInt(), 20000);
    }

    void badInputExitsTwoWithOneLine_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected"); // a part of the error line
        const QString mm2 = example("erlang-c-mm2-lambda9-mu5.json");
        const QString saturated = example("saturated-bolch-1998-ex7.4-lambda6.json");
        QTest::newRow("saturated open network") << QStringList{ saturated }
                                                << QStringLiteral("saturated-bolch-1998-ex7.4-lambda6.json: stations[0]: the open classes load station 's1' to 1.2");
        QTest::newRow("one replication") << QStringList{ mm2, QStringLiteral("--replications"), QStringLiteral("1") }
                                         << QStringLiteral("iovplan-cli: --replications: must be a whole number 2 .. 100000");
        QTest::newRow("cv not a number") << QStringList{ mm2, QStringLiteral("--service"), QStringLiteral("cv=abc") }
                                         << QStringLiteral("--service: cv=X needs 0 <= X <= 10");
        QTest::newRow("unknown service") << QStringList{ mm2, QStringLiteral("--service=uniform") }
                                         << QStringLiteral("--service: must be exponential, deterministic or cv=X");
        QTest::newRow("negative warm-up") << QStringList{ mm2, QStringLiteral("--warmup"), QStringLiteral("-5") }
                                          << QStringLiteral("--warmup: must be a finite time >= 0, got '-5'");
        QTest::newRow("zero length") << QStringList{ mm2, QStringLiteral("--length=0") } << QStringLiteral("--length: must be a finite time > 0");
        QTest::newRow("infinite length") << QStringList{ mm2, QStringLiteral("--length=inf") } << QStringLiteral("--length: must be a finite time > 0");
        QTest::newRow("bad seed") << QStringList{ mm2, QStringLiteral("--seed=-1") } << QStringLiteral("--seed: must be a whole number");
        QTest::newRow("bad format") << QStringList{ mm2, QStringLiteral("--format=xml") } << QStringLiteral("--format: must be json or table");
        QTest::newRow("bad routing") << QStringList{ mm2, QStringLiteral("--routing=random") } << QStringLiteral("--routing: must be fixed or markov");
        QTest::newRow("unknown option") << QStringList{ mm2, QStringLiteral("--fast") } << QStringLiteral("unknown option '--fast'");
        QTest::newRow("missing file") << QStringList{ QStringLiteral("/nonexistent/net.json") } << QStringLiteral("iovplan-cli: /nonexistent/net.json: ");
    }

    void badInputExitsTwoWithOneLine()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        const CliRun run = runCli(QStringList{ QStringLiteral("simulate") } + args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QCOMPARE(run.err.count('\n'), 1);
        QVERIFY2(QString::fromUtf8(run.err).contains(expected), run.err.constData());
    }

    void malformedFileNamesTheField()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("bad.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"stations": [{"name": "q", "kind": "queue"}],
                      "classes": [{"name": "c", "kind": "closed", "population": 2.5, "demands": {"q": 1}}]})");
        file.close();
        const CliRun run = runCli({ QStringLiteral("simulate"), path });
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.err.count('\n'), 1);
        QVERIFY2(run.err.contains("bad.json: classes[0].population: "), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestSimulateCli)
#include "tst_simulatecli.moc"
