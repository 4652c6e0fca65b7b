// The performance gate (tools/perfgate): reading Google Benchmark JSON, the baseline block of
// docs/PERFORMANCE.md, the verdicts, the update round trip and the real iovplan-perfgate program.
#include "perfgate/baseline.h"
#include "perfgate/benchmarkresults.h"
#include "perfgate/comparison.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace iovplan::perfgate;

namespace {

const QString dataDir = QStringLiteral(IOVPLAN_SOURCE_DIR "/tests/data/perfgate/");

// One Google Benchmark row of run_type "iteration" (or another run_type), time in `unit`.
QJsonObject row(const QString &name, double cpuTime, const QString &unit = QStringLiteral("ms"),
    double realTime = -1, const QString &runType = QStringLiteral("iteration"))
{
    return QJsonObject { { QStringLiteral("name"), name }, { QStringLiteral("run_type"), runType },
        { QStringLiteral("real_time"), realTime < 0 ? cpuTime : realTime },
        { QStringLiteral("cpu_time"), cpuTime }, { QStringLiteral("time_unit"), unit } };
}

QByteArray resultsJson(const QList<QJsonObject> &rows,
    const QString &executable = QStringLiteral("/build/tests/bench/bench_toy"))
{
    QJsonArray benchmarks;
    for (const QJsonObject &r : rows)
        benchmarks.append(r);
    const QJsonObject context { { QStringLiteral("date"), QStringLiteral("2026-11-25T10:00:00+00:00") },
        { QStringLiteral("executable"), executable }, { QStringLiteral("num_cpus"), 2 },
        { QStringLiteral("mhz_per_cpu"), 2450 } };
    return QJsonDocument(
        QJsonObject { { QStringLiteral("context"), context }, { QStringLiteral("benchmarks"), benchmarks } })
        .toJson();
}

BenchmarkResults parsed(const QList<QJsonObject> &rows)
{
    return parseBenchmarkResults(resultsJson(rows), QStringLiteral("toy.json"));
}

Baseline baselineOf(const QList<BaselineEntry> &entries)
{
    Baseline baseline;
    baseline.entries = entries;
    return baseline;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A small document with text on both sides of the block, the second line starting with '|' outside it.
const QByteArray documentWithBlock = QByteArrayLiteral("# Performance\n"
                                                       "| a table | outside the block |\n"
                                                       "Text with × and trailing spaces   \n"
                                                       "<!-- perf-baseline:begin -->\n"
                                                       "Old free text.\n"
                                                       "\n"
                                                       "| program | benchmark | measure | baseline (ms) |\n"
                                                       "|---|---|---|---:|\n"
                                                       "| bench_old | gone | cpu | 3.5 |\n"
                                                       "<!-- perf-baseline:end -->\n"
                                                       "After the block, no newline at the end");

struct RunResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

RunResult runGate(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(IOVPLAN_PERFGATE_PATH), arguments);
    if (!process.waitForFinished(60000))
        return {};
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        QString::fromUtf8(process.readAllStandardOutput()),
        QString::fromUtf8(process.readAllStandardError()) };
}

} // namespace

class TestPerfgate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void minimumOverRepetitions();
    void unitConversion_data();
    void unitConversion();
    void measureFromName_data();
    void measureFromName();
    void verdicts_data();
    void verdicts();
    void newAndMissing();
    void failedRow();
    void accuracy_data();
    void accuracy();
    void malformedResults_data();
    void malformedResults();
    void malformedBaseline_data();
    void malformedBaseline();
    void namesWithPipesRoundTrip();
    void updateRoundTrip();
    void realPerformanceDocumentParses();
    void realGoogleBenchmarkOutput();
    void program_data();
    void rerunRequestsSelectExactlyTheRegressions_data();
    void rerunRequestsSelectExactlyTheRegressions();
    void program();
    void programRerunList();
    void programUpdate();
};

void TestPerfgate::minimumOverRepetitions()
{
    // Google Benchmark 1.7.1 with --benchmark_repetitions=3: three iteration rows, then aggregates
    // named "<name>_mean" etc.; the stddev (1 ms) is smaller than every repetition.
    const BenchmarkResults results = parsed({ row(QStringLiteral("solve/2"), 12),
        row(QStringLiteral("solve/2"), 10), row(QStringLiteral("solve/2"), 11),
        row(QStringLiteral("solve/2_mean"), 11, QStringLiteral("ms"), -1, QStringLiteral("aggregate")),
        row(QStringLiteral("solve/2_stddev"), 1, QStringLiteral("ms"), -1, QStringLiteral("aggregate")) });
    QVERIFY2(results.error.isEmpty(), qPrintable(results.error));
    QCOMPARE(results.times.size(), 1);
    QCOMPARE(results.times.at(0).program, QStringLiteral("bench_toy"));
    QCOMPARE(results.times.at(0).benchmark, QStringLiteral("solve/2"));
    QCOMPARE(results.times.at(0).milliseconds, 10.0);
    QCOMPARE(results.times.at(0).repetitions, 3);
    QCOMPARE(results.machine.cpuCount, 2);
}

void TestPerfgate::unitConversion_data()
{
    QTest::addColumn<QString>("unit");
    QTest::addColumn<double>("time");
    QTest::addColumn<double>("milliseconds");
    QTest::newRow("ns") << QStringLiteral("ns") << 2'500'000.0 << 2.5;
    QTest::newRow("us") << QStringLiteral("us") << 2'500.0 << 2.5;
    QTest::newRow("ms") << QStringLiteral("ms") << 2.5 << 2.5;
    QTest::newRow("s") << QStringLiteral("s") << 0.0025 << 2.5;
}

void TestPerfgate::unitConversion()
{
    QFETCH(QString, unit);
    QFETCH(double, time);
    QFETCH(double, milliseconds);
    const BenchmarkResults results = parsed({ row(QStringLiteral("b"), time, unit) });
    QVERIFY2(results.error.isEmpty(), qPrintable(results.error));
    QVERIFY2(qFuzzyCompare(results.times.at(0).milliseconds, milliseconds),
        qPrintable(QString::number(results.times.at(0).milliseconds)));
}

void TestPerfgate::measureFromName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("measure");
    QTest::addColumn<double>("milliseconds");
    // real_time 5 ms, cpu_time 1 ms: the measure picks the column.
    QTest::newRow("UseManualTime") << QStringLiteral("BM_Edit/iterations:30/manual_time")
                                   << QStringLiteral("real") << 5.0;
    QTest::newRow("UseRealTime") << QStringLiteral("BM_Edit/real_time") << QStringLiteral("real") << 5.0;
    QTest::newRow("real_time then threads")
        << QStringLiteral("BM_Edit/real_time/threads:2") << QStringLiteral("real") << 5.0;
    QTest::newRow("iterations suffix")
        << QStringLiteral("BM_Report/iterations:3") << QStringLiteral("cpu") << 1.0;
    QTest::newRow("plain") << QStringLiteral("exactMva/1 class N=10000/100 stations") << QStringLiteral("cpu")
                           << 1.0;
}

void TestPerfgate::measureFromName()
{
    QFETCH(QString, name);
    QFETCH(QString, measure);
    QFETCH(double, milliseconds);
    const BenchmarkResults results = parsed({ row(name, 1, QStringLiteral("ms"), 5) });
    QVERIFY2(results.error.isEmpty(), qPrintable(results.error));
    QCOMPARE(results.times.at(0).measure, measure);
    QCOMPARE(results.times.at(0).milliseconds, milliseconds);
}

void TestPerfgate::verdicts_data()
{
    QTest::addColumn<double>("baseline");
    QTest::addColumn<double>("now");
    QTest::addColumn<double>("threshold");
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<bool>("passed");
    QTest::newRow("+25% at 20%") << 10.0 << 12.5 << 20.0 << QStringLiteral("REGRESSION") << false;
    QTest::newRow("+15% at 20%") << 10.0 << 11.5 << 20.0 << QStringLiteral("ok") << true;
    QTest::newRow("exactly +20%") << 10.0 << 12.0 << 20.0 << QStringLiteral("ok") << true;
    QTest::newRow("exactly +20%, inexact in binary") << 0.38 << 0.456 << 20.0 << QStringLiteral("ok") << true;
    QTest::newRow("+20.1%") << 10.0 << 12.01 << 20.0 << QStringLiteral("REGRESSION") << false;
    QTest::newRow("+15% at 10%") << 10.0 << 11.5 << 10.0 << QStringLiteral("REGRESSION") << false;
    QTest::newRow("+25% at 30%") << 10.0 << 12.5 << 30.0 << QStringLiteral("ok") << true;
    QTest::newRow("-30% at 20%") << 10.0 << 7.0 << 20.0 << QStringLiteral("faster") << true;
    QTest::newRow("exactly -20%") << 10.0 << 8.0 << 20.0 << QStringLiteral("ok") << true;
    QTest::newRow("equal") << 3.3 << 3.3 << 20.0 << QStringLiteral("ok") << true;
}

void TestPerfgate::verdicts()
{
    QFETCH(double, baseline);
    QFETCH(double, now);
    QFETCH(double, threshold);
    QFETCH(QString, verdict);
    QFETCH(bool, passed);
    const BenchmarkResults results = parsed({ row(QStringLiteral("b"), now) });
    const Comparison comparison = compare(
        baselineOf({ { QStringLiteral("bench_toy"), QStringLiteral("b"), QStringLiteral("cpu"), baseline } }),
        results, threshold);
    QCOMPARE(comparison.rows.size(), 1);
    QCOMPARE(verdictName(comparison.rows.at(0).verdict), verdict);
    QCOMPARE(comparison.passed, passed);
    QVERIFY(comparison.rows.at(0).changePercent.has_value());
    QVERIFY(
        qFuzzyCompare(*comparison.rows.at(0).changePercent + 1000, (now - baseline) / baseline * 100 + 1000));
    const QString text = renderComparison(comparison);
    QVERIFY2(text.contains(verdict)
            && text.contains(passed ? QStringLiteral(": PASS\n") : QStringLiteral(": FAIL\n")),
        qPrintable(text));
}

void TestPerfgate::newAndMissing()
{
    const BenchmarkResults results
        = parsed({ row(QStringLiteral("kept"), 1), row(QStringLiteral("added"), 2) });
    const Baseline baseline
        = baselineOf({ { QStringLiteral("bench_toy"), QStringLiteral("kept"), QStringLiteral("cpu"), 1 },
            { QStringLiteral("bench_toy"), QStringLiteral("renamed"), QStringLiteral("cpu"), 4 } });
    const Comparison comparison = compare(baseline, results, 20);
    QCOMPARE(comparison.rows.size(), 3);
    QCOMPARE(comparison.rows.at(0).verdict, Verdict::Ok);
    QCOMPARE(comparison.rows.at(1).benchmark, QStringLiteral("added"));
    QCOMPARE(comparison.rows.at(1).verdict, Verdict::New);
    QCOMPARE(comparison.rows.at(2).benchmark, QStringLiteral("renamed"));
    QCOMPARE(comparison.rows.at(2).verdict, Verdict::Missing);
    QVERIFY(!comparison.passed);

    // A new benchmark alone does not fail the gate; nor does the same benchmark of another program.
    const Comparison onlyNew = compare(
        baselineOf({ { QStringLiteral("bench_other"), QStringLiteral("added"), QStringLiteral("cpu"), 2 } }),
        parsed({ row(QStringLiteral("added"), 2) }), 20);
    QCOMPARE(onlyNew.rows.at(0).verdict, Verdict::New);
    QCOMPARE(onlyNew.rows.at(1).verdict, Verdict::Missing);
    const Comparison clean = compare(Baseline {}, parsed({ row(QStringLiteral("added"), 2) }), 20);
    QCOMPARE(clean.rows.size(), 1);
    QVERIFY(clean.passed);
}

void TestPerfgate::failedRow()
{
    QJsonObject failing = row(QStringLiteral("BM_Report/iterations:2"), 0);
    failing.insert(QStringLiteral("error_occurred"), true);
    failing.insert(QStringLiteral("error_message"), QStringLiteral("cannot write the PDF"));
    const BenchmarkResults results = parsed({ row(QStringLiteral("BM_Report/iterations:2"), 40), failing });
    QVERIFY2(results.error.isEmpty(), qPrintable(results.error));
    const Comparison comparison
        = compare(baselineOf({ { QStringLiteral("bench_toy"), QStringLiteral("BM_Report/iterations:2"),
                      QStringLiteral("cpu"), 40 } }),
            results, 20);
    QCOMPARE(comparison.rows.size(), 1);
    QCOMPARE(comparison.rows.at(0).verdict, Verdict::Failed);
    QVERIFY(!comparison.passed);
    const QString text = renderComparison(comparison);
    QVERIFY2(
        text.contains(QStringLiteral("FAILED: bench_toy / BM_Report/iterations:2: cannot write the PDF")),
        qPrintable(text));
}

void TestPerfgate::accuracy_data()
{
    QTest::addColumn<double>("difference");
    QTest::addColumn<bool>("passed");
    QTest::newRow("5.5e-16 (exact MVA)") << 5.5e-16 << true;
    QTest::newRow("2.2e-13 (Bard-Schweitzer)") << 2.2e-13 << true;
    QTest::newRow("exactly 1e-9") << 1e-9 << true;
    QTest::newRow("2e-9") << 2e-9 << false;
    QTest::newRow("1e-3") << 1e-3 << false;
}

void TestPerfgate::accuracy()
{
    QFETCH(double, difference);
    QFETCH(bool, passed);
    QJsonObject octaveRow = row(QStringLiteral("octave comparison/open/IOV Planner core"), 3.25);
    octaveRow.insert(QStringLiteral("largest_relative_difference"), difference);
    const BenchmarkResults results = parsed({ octaveRow });
    QVERIFY2(results.error.isEmpty(), qPrintable(results.error));
    // On time with the baseline: only the accuracy decides.
    const Comparison comparison = compare(
        baselineOf({ { QStringLiteral("bench_toy"), QStringLiteral("octave comparison/open/IOV Planner core"),
            QStringLiteral("cpu"), 3.25 } }),
        results, 20);
    QCOMPARE(comparison.passed, passed);
    QCOMPARE(comparison.rows.at(0).verdict, passed ? Verdict::Ok : Verdict::Inaccurate);
}

void TestPerfgate::malformedResults_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    const QJsonObject good = row(QStringLiteral("b"), 1);
    const auto without = [&](const QString &key) {
        QJsonObject r = good;
        r.remove(key);
        return r;
    };
    const auto with = [&](const QString &key, const QJsonValue &value) {
        QJsonObject r = good;
        r.insert(key, value);
        return r;
    };
    QTest::newRow("not JSON") << QByteArrayLiteral("{\"context\": ") << QStringLiteral("not valid JSON");
    QTest::newRow("inf written by a C library")
        << QByteArrayLiteral("{\"context\": {}, \"benchmarks\": [{\"cpu_time\": inf}]}")
        << QStringLiteral("not valid JSON");
    QTest::newRow("top-level array") << QByteArrayLiteral("[]") << QStringLiteral("not a JSON object");
    QTest::newRow("no context") << QByteArrayLiteral("{\"benchmarks\": []}") << QStringLiteral("\"context\"");
    QTest::newRow("no executable") << QByteArrayLiteral("{\"context\": {}, \"benchmarks\": []}")
                                   << QStringLiteral("context.executable");
    QTest::newRow("no benchmarks") << QByteArrayLiteral("{\"context\": {\"executable\": \"b\"}}")
                                   << QStringLiteral("\"benchmarks\"");
    QTest::newRow("empty benchmarks") << resultsJson({}) << QStringLiteral("no benchmark rows");
    QTest::newRow("row not an object")
        << QByteArrayLiteral("{\"context\": {\"executable\": \"b\"}, \"benchmarks\": [3]}")
        << QStringLiteral("benchmarks[0]: not an object");
    QTest::newRow("no name") << resultsJson({ good, without(QStringLiteral("name")) })
                             << QStringLiteral("benchmarks[1]: missing string \"name\"");
    QTest::newRow("no run_type") << resultsJson({ without(QStringLiteral("run_type")) })
                                 << QStringLiteral("\"run_type\"");
    QTest::newRow("no cpu_time") << resultsJson({ without(QStringLiteral("cpu_time")) })
                                 << QStringLiteral("missing \"cpu_time\"");
    QTest::newRow("cpu_time a string")
        << resultsJson({ with(QStringLiteral("cpu_time"), QStringLiteral("1")) })
        << QStringLiteral("\"cpu_time\" is not a number");
    QTest::newRow("negative time") << resultsJson({ with(QStringLiteral("cpu_time"), -1) })
                                   << QStringLiteral("negative");
    QTest::newRow("no time_unit") << resultsJson({ without(QStringLiteral("time_unit")) })
                                  << QStringLiteral("\"time_unit\"");
    QTest::newRow("unit min") << resultsJson({ with(QStringLiteral("time_unit"), QStringLiteral("min")) })
                              << QStringLiteral("\"time_unit\"");
    QTest::newRow("accuracy a string")
        << resultsJson({ with(QStringLiteral("largest_relative_difference"), QStringLiteral("0")) })
        << QStringLiteral("\"largest_relative_difference\" is not a number");
}

void TestPerfgate::malformedResults()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const BenchmarkResults results = parseBenchmarkResults(json, QStringLiteral("/tmp/bench_x.json"));
    QVERIFY2(results.error.startsWith(QStringLiteral("/tmp/bench_x.json: ")), qPrintable(results.error));
    QVERIFY2(results.error.contains(expected), qPrintable(results.error));
    QVERIFY(results.times.isEmpty());
}

void TestPerfgate::malformedBaseline_data()
{
    QTest::addColumn<QByteArray>("markdown");
    QTest::addColumn<QString>("expected");
    const QByteArray header = "| program | benchmark | measure | baseline (ms) |\n|---|---|---|---:|\n";
    const auto block = [&](const QByteArray &rows) -> QByteArray {
        return QByteArray("# P\n\n<!-- perf-baseline:begin -->\nMeasured.\n\n") + header + rows
            + "<!-- perf-baseline:end -->\n";
    };
    // Line 1 "# P", 3 the begin marker, 6 the header, 7 the separator, 8 the first data row.
    QTest::newRow("no markers") << QByteArray("# P\n| a | b |\n")
                                << QStringLiteral("PERF.md: no baseline block");
    QTest::newRow("no end marker") << QByteArray("<!-- perf-baseline:begin -->\n")
                                   << QStringLiteral("PERF.md: no baseline block");
    QTest::newRow("end before begin")
        << QByteArray("x\n<!-- perf-baseline:end -->\n<!-- perf-baseline:begin -->\n")
        << QStringLiteral("PERF.md:2: <!-- perf-baseline:end --> before");
    QTest::newRow("two begin markers")
        << QByteArray(
               "<!-- perf-baseline:begin -->\n<!-- perf-baseline:begin -->\n<!-- perf-baseline:end -->\n")
        << QStringLiteral("PERF.md:2: a second <!-- perf-baseline:begin --> (the first is on line 1)");
    QTest::newRow("wrong header") << QByteArray("<!-- perf-baseline:begin -->\n\n| program | benchmark | ms "
                                                "|\n|---|---|---:|\n<!-- perf-baseline:end -->\n")
                                  << QStringLiteral("PERF.md:3: expected the header");
    QTest::newRow("no separator") << QByteArray("<!-- perf-baseline:begin -->\n")
            + header.left(header.indexOf('\n') + 1) + "| a | b | cpu | 1 |\n<!-- perf-baseline:end -->\n"
                                  << QStringLiteral("PERF.md:3: expected the separator row");
    QTest::newRow("three cells") << block("| bench_a | b | 1 |\n")
                                 << QStringLiteral("PERF.md:8: expected 4 cells");
    QTest::newRow("five cells") << block("| bench_a | ok | cpu | 1 |\n| bench_a | b | c | cpu | 1 |\n")
                                << QStringLiteral("PERF.md:9: expected 4 cells");
    QTest::newRow("measure wall") << block("| bench_a | b | wall | 1 |\n")
                                  << QStringLiteral("PERF.md:8: measure \"wall\"");
    QTest::newRow("figure with a unit")
        << block("| bench_a | b | cpu | 1.2 ms |\n") << QStringLiteral("PERF.md:8: baseline \"1.2 ms\"");
    QTest::newRow("thousands separator")
        << block("| bench_a | b | cpu | 1,200 |\n") << QStringLiteral("PERF.md:8: baseline \"1,200\"");
    QTest::newRow("negative") << block("| bench_a | b | cpu | -1 |\n")
                              << QStringLiteral("PERF.md:8: baseline \"-1\"");
    QTest::newRow("empty benchmark") << block("| bench_a |  | cpu | 1 |\n")
                                     << QStringLiteral("PERF.md:8: the program and the benchmark");
    QTest::newRow("not closed") << block("| bench_a | b | cpu | 1\n")
                                << QStringLiteral("PERF.md:8: a table row must end");
    QTest::newRow("twice") << block(
        "| bench_a | b | cpu | 1 |\n| bench_a | c | cpu | 1 |\n| bench_a | b | cpu | 2 |\n")
                           << QStringLiteral("PERF.md:10: bench_a / b is already on line 8");
}

void TestPerfgate::malformedBaseline()
{
    QFETCH(QByteArray, markdown);
    QFETCH(QString, expected);
    const Baseline baseline = parseBaseline(markdown, QStringLiteral("PERF.md"));
    QVERIFY2(baseline.error.startsWith(expected), qPrintable(baseline.error));
    QVERIFY(baseline.entries.isEmpty());
}

void TestPerfgate::namesWithPipesRoundTrip()
{
    // Google Benchmark names may hold anything Name() was given: spaces, commas, slashes, '|', '\'.
    const QStringList names
        = { QStringLiteral("a|b"), QStringLiteral("back\\slash|"), QStringLiteral("x, y/z=1/manual_time"),
              QStringLiteral("example GigE+FC/evaluatePerformance, no search/10000") };
    QList<QJsonObject> rows;
    for (const QString &name : names)
        rows.append(row(name, 1.5, QStringLiteral("ms"), 2.5));
    const BenchmarkResults results = parsed(rows);
    QVERIFY2(results.error.isEmpty(), qPrintable(results.error));
    const QByteArray block = renderBaselineBlock(results);
    QVERIFY2(block.contains("| a\\|b |"), block.constData());
    const UpdatedDocument updated = replaceBaselineBlock(documentWithBlock, QStringLiteral("doc.md"), block);
    const Baseline baseline = parseBaseline(updated.markdown, QStringLiteral("doc.md"));
    QVERIFY2(baseline.error.isEmpty(), qPrintable(baseline.error));
    QCOMPARE(baseline.entries.size(), names.size());
    for (qsizetype i = 0; i < names.size(); ++i) {
        QCOMPARE(baseline.entries.at(i).benchmark, names.at(i));
        QCOMPARE(baseline.entries.at(i).measure, i == 2 ? QStringLiteral("real") : QStringLiteral("cpu"));
        QCOMPARE(baseline.entries.at(i).milliseconds, i == 2 ? 2.5 : 1.5);
    }
}

void TestPerfgate::updateRoundTrip()
{
    const BenchmarkResults results
        = parsed({ row(QStringLiteral("solve/0"), 0.59123456), row(QStringLiteral("linearizer"), 51.234567),
            row(QStringLiteral("tiny"), 0.000123456, QStringLiteral("ms")),
            row(QStringLiteral("open"), 18020.74) });
    QVERIFY2(results.error.isEmpty(), qPrintable(results.error));
    const UpdatedDocument updated
        = replaceBaselineBlock(documentWithBlock, QStringLiteral("doc.md"), renderBaselineBlock(results));
    QVERIFY2(updated.error.isEmpty(), qPrintable(updated.error));

    // Every byte outside the block is unchanged.
    const QByteArray begin = "<!-- perf-baseline:begin -->\n";
    const QByteArray end = "<!-- perf-baseline:end -->\n";
    const qsizetype oldStart = documentWithBlock.indexOf(begin) + begin.size();
    const qsizetype newStart = updated.markdown.indexOf(begin) + begin.size();
    QCOMPARE(updated.markdown.left(newStart), documentWithBlock.left(oldStart));
    QCOMPARE(updated.markdown.mid(updated.markdown.indexOf(end)),
        documentWithBlock.mid(documentWithBlock.indexOf(end)));
    QVERIFY(!updated.markdown.contains("bench_old"));
    QVERIFY2(updated.markdown.contains("Measured 2026-11-25T10:00:00+00:00 on 2 CPUs at 2450 MHz"),
        updated.markdown.constData());

    // The figures read back are what was measured to four significant digits, and compare as ok.
    const Baseline baseline = parseBaseline(updated.markdown, QStringLiteral("doc.md"));
    QVERIFY2(baseline.error.isEmpty(), qPrintable(baseline.error));
    QCOMPARE(baseline.entries.size(), 4);
    QCOMPARE(baseline.entries.at(0).milliseconds, 0.5912);
    QCOMPARE(baseline.entries.at(1).milliseconds, 51.23);
    QCOMPARE(baseline.entries.at(2).milliseconds, 0.0001235);
    QCOMPARE(baseline.entries.at(3).milliseconds, 18021.0);
    const Comparison comparison = compare(baseline, results, 20);
    QVERIFY(comparison.passed);
    for (const ComparisonRow &r : comparison.rows)
        QCOMPARE(verdictName(r.verdict), QStringLiteral("ok"));

    // Updating again with the same results changes nothing; without markers nothing is written.
    QCOMPARE(replaceBaselineBlock(updated.markdown, QStringLiteral("doc.md"), renderBaselineBlock(results))
                 .markdown,
        updated.markdown);
    const UpdatedDocument refused
        = replaceBaselineBlock("# no block\n", QStringLiteral("doc.md"), renderBaselineBlock(results));
    QVERIFY2(
        refused.error.startsWith(QStringLiteral("doc.md: no baseline block")), qPrintable(refused.error));
    QVERIFY(refused.markdown.isEmpty());
}

void TestPerfgate::realPerformanceDocumentParses()
{
    const QString path = QStringLiteral(IOVPLAN_SOURCE_DIR "/docs/PERFORMANCE.md");
    const QByteArray markdown = readAll(path);
    QVERIFY(!markdown.isEmpty());
    const Baseline baseline = parseBaseline(markdown, path);
    QVERIFY2(baseline.error.isEmpty(), qPrintable(baseline.error));
    QVERIFY(markdown.contains(baselineBeginMarker) && markdown.contains(baselineEndMarker));
}

void TestPerfgate::realGoogleBenchmarkOutput()
{
    // bench_queueing (Google Benchmark 1.7.1) with --benchmark_repetitions=3, trimmed to three benchmarks.
    const BenchmarkResults results
        = readBenchmarkResults({ dataDir + QStringLiteral("bench_queueing.json") });
    QVERIFY2(results.error.isEmpty(), qPrintable(results.error));
    QCOMPARE(results.times.size(), 3);
    for (const BenchmarkTime &time : results.times) {
        QCOMPARE(time.program, QStringLiteral("bench_queueing"));
        QCOMPARE(time.measure, QStringLiteral("cpu"));
        QCOMPARE(time.repetitions, 3);
        QVERIFY(!time.benchmark.endsWith(QStringLiteral("_mean")));
        QVERIFY(time.milliseconds > 0.01 && time.milliseconds < 1000);
    }
    QCOMPARE(results.times.at(0).benchmark, QStringLiteral("exactMva/1 class N=10000/100 stations"));
    QVERIFY(!results.machine.date.isEmpty());

    // bench_octave --json: the same shape, with the accuracy per row.
    const BenchmarkResults octave = readBenchmarkResults({ dataDir + QStringLiteral("bench_octave.json") });
    QVERIFY2(octave.error.isEmpty(), qPrintable(octave.error));
    QCOMPARE(octave.times.size(), 4);
    for (const BenchmarkTime &time : octave.times) {
        QCOMPARE(time.program, QStringLiteral("bench_octave"));
        QVERIFY(time.benchmark.startsWith(QStringLiteral("octave comparison/")));
        QVERIFY(time.largestRelativeDifference.has_value());
        QVERIFY(*time.largestRelativeDifference <= accuracyLimit);
    }
}

void TestPerfgate::program_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected"); // in stdout for 0 and 1, in stderr for 2
    const QString baseline = dataDir + QStringLiteral("baseline.md");
    const QString queueing = dataDir + QStringLiteral("bench_queueing.json");
    const QString octave = dataDir + QStringLiteral("bench_octave.json");
    QTest::newRow("clean") << QStringList { QStringLiteral("compare"), QStringLiteral("--baseline"), baseline,
        queueing, octave } << 0
                           << QStringLiteral("perfgate: 7 benchmarks (7 ok), threshold 20%: PASS");
    QTest::newRow("regression") << QStringList { QStringLiteral("compare"), QStringLiteral("--baseline"),
        dataDir + QStringLiteral("baseline-faster.md"), queueing, octave }
                                << 1 << QStringLiteral("bardSchweitzer/20 classes x 200/1000 stations");
    QTest::newRow("regression within a 60% threshold") << QStringList { QStringLiteral("compare"),
        QStringLiteral("--baseline"), dataDir + QStringLiteral("baseline-faster.md"),
        QStringLiteral("--threshold"), QStringLiteral("60"), queueing, octave }
                                                       << 0 << QStringLiteral(": PASS");
    QTest::newRow("missing program") << QStringList { QStringLiteral("compare"), QStringLiteral("--baseline"),
        baseline, queueing } << 1 << QStringLiteral("MISSING");
    QTest::newRow("malformed results") << QStringList { QStringLiteral("compare"),
        QStringLiteral("--baseline"), baseline, dataDir + QStringLiteral("malformed.json") }
                                       << 2 << dataDir + QStringLiteral("malformed.json: benchmarks[1]");
    QTest::newRow("no such file") << QStringList { QStringLiteral("compare"), QStringLiteral("--baseline"),
        baseline, dataDir + QStringLiteral("absent.json") }
                                  << 2 << dataDir + QStringLiteral("absent.json: cannot read");
    QTest::newRow("markers missing") << QStringList { QStringLiteral("update"), QStringLiteral("--baseline"),
        dataDir + QStringLiteral("no-markers.md"), queueing }
                                     << 2 << dataDir + QStringLiteral("no-markers.md: no baseline block");
    QTest::newRow("no command") << QStringList {} << 2 << QStringLiteral("usage:");
    QTest::newRow("bad threshold") << QStringList { QStringLiteral("compare"), QStringLiteral("--threshold"),
        QStringLiteral("x"), QStringLiteral("--baseline"), baseline, queueing }
                                   << 2 << QStringLiteral("--threshold");
}

void TestPerfgate::program()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);
    const RunResult run = runGate(arguments);
    QVERIFY2(run.exitCode == exitCode, qPrintable(run.out + run.err));
    QVERIFY2((exitCode == 2 ? run.err : run.out).contains(expected), qPrintable(run.out + run.err));
    if (QTest::currentDataTag() == QLatin1String("regression")) {
        // The regression row itself is printed with its verdict.
        const QStringList lines = run.out.split(QLatin1Char('\n'));
        QVERIFY2(std::any_of(lines.cbegin(), lines.cend(),
                     [](const QString &line) {
                         return line.startsWith(QStringLiteral("bench_queueing"))
                             && line.contains(QStringLiteral("bardSchweitzer"))
                             && line.endsWith(QStringLiteral("REGRESSION"));
                     }),
            qPrintable(run.out));
    }
}

void TestPerfgate::rerunRequestsSelectExactlyTheRegressions_data()
{
    // Names as Google Benchmark spells them, with characters that are special in a regular expression.
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("lookalike"); // a name the filter must not select
    QTest::newRow("plain") << QStringLiteral("BM_PaintFit") << QStringLiteral("BM_PaintFit/2");
    QTest::newRow("slashes, colons, commas, spaces")
        << QStringLiteral("generated IB software IOV/cost::rollUp/10000")
        << QStringLiteral("generated IB software IOV/cost::rollUp/100000");
    QTest::newRow("dot, plus, parentheses, brackets")
        << QStringLiteral("solve (auto: MVA+1) [x.y]/end to end")
        << QStringLiteral("solve (auto: MVA+1) [xzy]/end to end");
    QTest::newRow("bar, star, question, caret, dollar, braces, backslash")
        << QStringLiteral("a|b*c?^d$e{2}\\f") << QStringLiteral("a");
}

void TestPerfgate::rerunRequestsSelectExactlyTheRegressions()
{
    QFETCH(QString, name);
    QFETCH(QString, lookalike);
    const QString other = QStringLiteral("BM_Other/3");
    const BenchmarkResults results = parsed({ row(name, 30), row(other, 30), row(QStringLiteral("steady"), 10) });
    QVERIFY2(results.error.isEmpty(), qPrintable(results.error));
    const Comparison comparison = compare(
        baselineOf({ { QStringLiteral("bench_toy"), name, QStringLiteral("cpu"), 10 },
            { QStringLiteral("bench_toy"), other, QStringLiteral("cpu"), 10 },
            { QStringLiteral("bench_toy"), QStringLiteral("steady"), QStringLiteral("cpu"), 10 } }),
        results, 20);
    const QList<RerunRequest> requests = rerunRequests(comparison);
    QCOMPARE(requests.size(), 1); // one program, both of its regressions in one filter
    QCOMPARE(requests.at(0).program, QStringLiteral("bench_toy"));
    // Google Benchmark reads the filter as a POSIX extended expression; for these escapes PCRE agrees.
    const QRegularExpression filter(requests.at(0).benchmarkFilter);
    QVERIFY2(filter.isValid(), qPrintable(requests.at(0).benchmarkFilter));
    QVERIFY2(filter.match(name).hasMatch(), qPrintable(requests.at(0).benchmarkFilter));
    QVERIFY(filter.match(other).hasMatch());
    QVERIFY2(!filter.match(lookalike).hasMatch(), qPrintable(requests.at(0).benchmarkFilter));
    QVERIFY(!filter.match(QStringLiteral("steady")).hasMatch()); // ok rows are not run again

    // Nothing regressed: nothing to run again.
    QVERIFY(rerunRequests(compare(baselineOf({ { QStringLiteral("bench_toy"), name, QStringLiteral("cpu"), 30 } }),
                              parsed({ row(name, 30) }), 20))
                .isEmpty());
}

void TestPerfgate::programRerunList()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString list = dir.filePath(QStringLiteral("rerun.tsv"));
    const QStringList results
        = { dataDir + QStringLiteral("bench_queueing.json"), dataDir + QStringLiteral("bench_octave.json") };
    const RunResult regressed = runGate(QStringList { QStringLiteral("compare"), QStringLiteral("--baseline"),
                                            dataDir + QStringLiteral("baseline-faster.md"),
                                            QStringLiteral("--rerun-list"), list }
        + results);
    QVERIFY2(regressed.exitCode == 1, qPrintable(regressed.out + regressed.err));
    const QString lines = QString::fromUtf8(readAll(list));
    QVERIFY2(lines.startsWith(QStringLiteral("bench_queueing\t^(")), qPrintable(lines));
    QVERIFY2(lines.contains(QStringLiteral("bardSchweitzer/20 classes x 200/1000 stations")), qPrintable(lines));
    QVERIFY(lines.endsWith(QStringLiteral(")$\n")));

    const RunResult clean = runGate(QStringList { QStringLiteral("compare"), QStringLiteral("--baseline"),
                                        dataDir + QStringLiteral("baseline.md"), QStringLiteral("--rerun-list"), list }
        + results);
    QVERIFY2(clean.exitCode == 0, qPrintable(clean.out + clean.err));
    QVERIFY(QFile::exists(list));
    QCOMPARE(readAll(list), QByteArray()); // written, and empty: nothing to confirm
}

void TestPerfgate::programUpdate()
{
    // update rewrites only the block of a copy; compare against the result is then all ok.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString document = dir.filePath(QStringLiteral("PERFORMANCE.md"));
    const QByteArray before = readAll(dataDir + QStringLiteral("baseline-faster.md"));
    {
        QFile file(document);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(before);
    }
    const QStringList results
        = { dataDir + QStringLiteral("bench_queueing.json"), dataDir + QStringLiteral("bench_octave.json") };
    const RunResult update
        = runGate(QStringList { QStringLiteral("update"), QStringLiteral("--baseline"), document } + results);
    QVERIFY2(update.exitCode == 0, qPrintable(update.out + update.err));
    const QByteArray after = readAll(document);
    QVERIFY(after != before);
    const QByteArray begin = baselineBeginMarker, end = baselineEndMarker;
    QCOMPARE(after.left(after.indexOf(begin)), before.left(before.indexOf(begin)));
    QCOMPARE(after.mid(after.indexOf(end)), before.mid(before.indexOf(end)));
    const RunResult compared = runGate(
        QStringList { QStringLiteral("compare"), QStringLiteral("--baseline"), document } + results);
    QVERIFY2(compared.exitCode == 0, qPrintable(compared.out + compared.err));
    QVERIFY2(compared.out.contains(QStringLiteral("(7 ok)")), qPrintable(compared.out));
}

QTEST_GUILESS_MAIN(TestPerfgate)
#include "tst_perfgate.moc"
