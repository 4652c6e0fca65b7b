// Runs the real iovplan-cli: every shipped qn example reproduces its source's published numbers,
// bad input exits 2 with one line naming the file and the field, and huge input fails fast.
#include "clirunner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

namespace {

// Published values are rounded to about six digits (queueing-reference-cases.md): 1e-3 relative.
constexpr double publishedTolerance = 1e-3;
// Bad input, however large, must be refused within this (limit-sized files take ~0.5 s here).
constexpr qint64 refuseWithinMs = 10000;

using Run = iovplan::testing::CliRun;
using iovplan::testing::runCli;

QString example(const char *name)
{
    return QStringLiteral(IOVPLAN_SOURCE_DIR "/examples/qn/") + QLatin1String(name);
}

QString badInput(const char *name)
{
    return QStringLiteral(IOVPLAN_SOURCE_DIR "/tests/data/qn/bad/") + QLatin1String(name);
}

// Follows "classes.users.throughput" or "stations.cpu.per_class.users.residence_time" through the
// output: array elements are picked by their "name" (or "class") value.
QJsonValue lookup(const QJsonValue &root, const QString &path)
{
    QJsonValue current = root;
    const QStringList parts = path.split(QLatin1Char('.'));
    for (const QString &part : parts) {
        if (current.isArray()) {
            QJsonValue found = QJsonValue::Undefined;
            for (const QJsonValue &element : current.toArray()) {
                const QJsonObject object = element.toObject();
                if (object.value(QLatin1String("name")).toString() == part
                    || object.value(QLatin1String("class")).toString() == part) {
                    found = element;
                    break;
                }
            }
            current = found;
        } else if (current.isObject()) {
            current = current.toObject().value(part);
        } else {
            return QJsonValue::Undefined;
        }
    }
    return current;
}

// Expectations on one example's output: a number (within publishedTolerance), a string or bool
// (equal), or an invalid QVariant for a JSON null.
using Checks = QList<QPair<QString, QVariant>>;

QPair<QString, QVariant> near(const char *path, double value)
{
    return { QLatin1String(path), QVariant(value) };
}

QPair<QString, QVariant> is(const char *path, const QVariant &value)
{
    return { QLatin1String(path), value };
}

// Every number in a JSON value, for the "never NaN or infinity" check.
bool allFinite(const QJsonValue &value)
{
    if (value.isDouble())
        return std::isfinite(value.toDouble());
    if (value.isArray()) {
        for (const QJsonValue &element : value.toArray()) {
            if (!allFinite(element))
                return false;
        }
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!allFinite(it.value()))
                return false;
        }
    }
    return true;
}

// M/M/c FCFS response time tail (queueing-reference-cases.md case 10):
// P(T > t) = (1 - C) e^{-mu t} + C (theta e^{-mu t} - mu e^{-theta t}) / (theta - mu), theta = c mu - lambda.
double mmcTail(double t, double mu, double theta, double erlangC)
{
    return (1.0 - erlangC) * std::exp(-mu * t)
        + erlangC * (theta * std::exp(-mu * t) - mu * std::exp(-theta * t)) / (theta - mu);
}

double mmcPercentile(double p, double mu, double theta, double erlangC)
{
    double lo = 0.0;
    double hi = 1.0;
    while (mmcTail(hi, mu, theta, erlangC) > 1.0 - p)
        hi *= 2.0;
    for (int i = 0; i < 200; ++i) {
        const double mid = 0.5 * (lo + hi);
        (mmcTail(mid, mu, theta, erlangC) > 1.0 - p ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void version();
    void usageErrors_data();
    void usageErrors();
    void examplesMatchPublished_data();
    void examplesMatchPublished();
    void tableShowsTheNumbers_data();
    void tableShowsTheNumbers();
    void mmcPercentilesAreExact();
    void saturatedExitsZero();
    void badInputExitsTwo_data();
    void badInputExitsTwo();
    void hugeInputFailsFast_data();
    void hugeInputFailsFast();
};

void TestCli::version()
{
    const Run run = runCli({ QStringLiteral("--version") });
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(QRegularExpression(QStringLiteral("^iovplan-cli \\d+\\.\\d+\\.\\d+\\n$"))
                 .match(QString::fromUtf8(run.out))
                 .hasMatch(),
        run.out.constData());
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("no arguments") << QStringList {} << 2;
    QTest::newRow("unknown command") << QStringList { QStringLiteral("frobnicate") } << 2;
    QTest::newRow("qn without a file") << QStringList { QStringLiteral("qn") } << 2;
    QTest::newRow("qn unknown option") << QStringList { QStringLiteral("qn"), QStringLiteral("--fast"),
        example("jain-closed-think-time.json") }
                                       << 2;
    QTest::newRow("qn bad format") << QStringList { QStringLiteral("qn"),
        example("jain-closed-think-time.json"), QStringLiteral("--format"), QStringLiteral("xml") }
                                   << 2;
    QTest::newRow("qn two files") << QStringList { QStringLiteral("qn"),
        example("jain-closed-think-time.json"), example("jain-closed-think-time.json") }
                                  << 2;
    QTest::newRow("help") << QStringList { QStringLiteral("--help") } << 0;
    QTest::newRow("qn help") << QStringList { QStringLiteral("qn"), QStringLiteral("--help") } << 0;
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    const Run run = runCli(arguments);
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, exitCode);
    if (exitCode != 0)
        QVERIFY2(!run.err.isEmpty(), "a usage error must say what is wrong");
}

void TestCli::examplesMatchPublished_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<Checks>("checks");

    // Bolch et al. 1998 Ex. 7.4 p.287: X=[20,10,10,4], U, Q; residence per pass = V x R with
    // V=[5,2.5,2.5,1]; system response time = N_sys / lambda = 6.178571 / 4.
    QTest::newRow("Bolch 1998 Ex. 7.4 p.287 (routing, arrivals)")
        << example("bolch-1998-ex7.4-p287-open-routing.json")
        << Checks { is("method", QStringLiteral("exact")), is("saturated", false),
               near("stations.s1.per_class.jobs.throughput", 20),
               near("stations.s2.per_class.jobs.throughput", 10),
               near("stations.s3.per_class.jobs.throughput", 10),
               near("stations.s4.per_class.jobs.throughput", 4), near("stations.s1.utilization", 0.8),
               near("stations.s2.utilization", 0.3), near("stations.s3.utilization", 0.6),
               near("stations.s4.utilization", 0.2), near("stations.s1.queue_length", 4),
               near("stations.s2.queue_length", 0.428571), near("stations.s3.queue_length", 1.5),
               near("stations.s4.queue_length", 0.25),
               near("stations.s1.per_class.jobs.residence_time", 5 * 0.2),
               near("stations.s2.per_class.jobs.residence_time", 2.5 * 0.042857),
               near("stations.s3.per_class.jobs.residence_time", 2.5 * 0.15),
               near("stations.s4.per_class.jobs.residence_time", 0.0625),
               near("classes.jobs.response_time", 6.178571 / 4), near("max_arrival_scale", 1.25) };
    // Lazowska et al. QSP 1984 p.113.
    QTest::newRow("Lazowska 1984 QSP p.113 (open)")
        << example("lazowska-1984-qsp-p113-open.json")
        << Checks { near("stations.cpu.utilization", 0.1815), near("stations.disk1.utilization", 0.63),
               near("stations.disk2.utilization", 0.405), near("stations.cpu.queue_length", 0.221747),
               near("stations.disk1.queue_length", 1.702703), near("stations.disk2.queue_length", 0.680672),
               near("classes.transactions.response_time", 8.683740) };
    // Erlang C, lambda 9, mu 5: c=2 R=1.052632, N=9.473684; c=4 R=0.211685, N = N_q + lambda/mu.
    QTest::newRow("Erlang C M/M/2 lambda 9 mu 5")
        << example("erlang-c-mm2-lambda9-mu5.json")
        << Checks { near("classes.arrivals.response_time", 1.052632),
               near("stations.server.queue_length", 9.473684), near("stations.server.utilization", 0.9),
               is("classes.arrivals.percentiles_exact", true) };
    QTest::newRow("Erlang C M/M/4 lambda 9 mu 5")
        << example("erlang-c-mm4-lambda9-mu5.json")
        << Checks { near("classes.arrivals.response_time", 0.211685),
               near("stations.server.queue_length", 0.105164 + 1.8),
               near("stations.server.utilization", 0.45) };
    QTest::newRow("Gross and Harris Ex. 4.1 (M/M/4)")
        << example("gross-harris-1998-ex4.1-mm4.json")
        << Checks { near("classes.customers.response_time", 5.135255),
               near("stations.clerks.queue_length", 3.423503) };
    // Jain 1991 p.577: residence = V x R with V=[16,10,5].
    QTest::newRow("Jain 1991 p.577 (closed, think time)")
        << example("jain-closed-think-time.json")
        << Checks { is("method", QStringLiteral("exact")), near("classes.users.throughput", 0.333247),
               near("classes.users.response_time", 56.015632), near("stations.cpu.utilization", 0.666493),
               near("stations.disk_a.utilization", 0.999740), near("stations.disk_b.utilization", 0.333247),
               near("stations.cpu.per_class.users.residence_time", 16 * 0.373339),
               near("stations.disk_a.per_class.users.residence_time", 10 * 4.854260),
               near("stations.disk_b.per_class.users.residence_time", 5 * 0.299922),
               near("stations.cpu.queue_length", 1.990623), near("stations.disk_a.queue_length", 16.176651),
               near("stations.disk_b.queue_length", 0.499740), is("bottleneck", QStringLiteral("disk_a")) };
    QTest::newRow("Bolch 1998 Ex. 8.3 p.331 (closed MVA)")
        << example("bolch-1998-ex8.3-p331-closed.json")
        << Checks { near("classes.jobs.throughput", 9.919836), near("stations.s1.utilization", 0.198397),
               near("stations.s2.utilization", 0.793587), near("stations.s3.utilization", 0.793587),
               near("stations.s4.utilization", 0.595190), near("stations.s1.queue_length", 0.243615),
               near("stations.s2.queue_length", 2.261038), near("stations.s3.queue_length", 2.261038),
               near("stations.s4.queue_length", 1.234309),
               near("stations.s1.per_class.jobs.throughput", 9.919836),
               near("stations.s2.per_class.jobs.throughput", 3.967935),
               near("stations.s3.per_class.jobs.throughput", 1.983967),
               near("stations.s4.per_class.jobs.throughput", 0.991984) };
    QTest::newRow("Bolch 1998 closed routing form (matrix)")
        << example("bolch-1998-closed-routing-matrix.json")
        << Checks { near("stations.s1.utilization", 0.99139), near("stations.s2.utilization", 0.59483),
               near("stations.s3.utilization", 0.55518), near("stations.s1.queue_length", 7.3719),
               near("stations.s2.queue_length", 1.4136), near("stations.s3.queue_length", 1.2144) };
    QTest::newRow("QSP 1984 p.142 (closed multiclass, exact fractions)")
        << example("qsp-1984-p142-closed-multiclass.json")
        << Checks { near("classes.A.throughput", 3.0 / 19), near("classes.B.throughput", 2.0 / 19),
               near("stations.cpu.per_class.A.queue_length", 4.0 / 19),
               near("stations.disk.per_class.A.queue_length", 15.0 / 19),
               near("stations.cpu.per_class.B.queue_length", 5.0 / 19),
               near("stations.disk.per_class.B.queue_length", 14.0 / 19),
               near("classes.A.response_time", 19.0 / 3), near("classes.B.response_time", 19.0 / 2) };
    QTest::newRow("Schwetman 1982 CSD-TR-355 Table 5")
        << example("schwetman-1982-csd-tr-355-table5.json")
        << Checks { near("classes.class1.throughput", 14.323115), near("classes.class2.throughput", 0.313799),
               near("stations.SYS.per_class.class1.utilization", 0.358078),
               near("stations.SYS.per_class.class2.utilization", 0.156900),
               near("stations.SYS.per_class.class1.queue_length", 0.676885),
               near("stations.SYS.per_class.class2.queue_length", 0.293009) };
    QTest::newRow("QSP 1984 p.117 (Schweitzer approximate MVA)")
        << example("qsp-1984-p117-schweitzer.json")
        << Checks { is("method", QStringLiteral("approximate")),
               is("algorithm", QStringLiteral("bard-schweitzer")), is("converged", true),
               near("classes.users.throughput", 0.150986), near("classes.users.response_time", 4.869409) };
    QTest::newRow("Bard-Schweitzer on QSP 1984 p.142")
        << example("qsp-1984-p142-bard-schweitzer.json")
        << Checks { is("method", QStringLiteral("approximate")), near("classes.A.throughput", 0.153746),
               near("classes.B.throughput", 0.103990), near("classes.A.response_time", 6.504234),
               near("classes.B.response_time", 9.616286) };
    // Bolch 1998 Ex. 8.6 p.345: published per-visit R, written here as residence = V x R.
    QTest::newRow("Bolch 1998 Ex. 8.6 p.345 (mixed)")
        << example("bolch-1998-ex8.6-p345-mixed.json")
        << Checks { near("classes.closed1.throughput", 0.120411),
               near("classes.closed2.throughput", 0.080764),
               near("stations.s1.per_class.closed1.residence_time", 1 * 4.829268),
               near("stations.s2.per_class.closed1.residence_time", 0.5 * 6.951220),
               near("stations.s1.per_class.closed2.residence_time", 1 * 7.727273),
               near("stations.s2.per_class.closed2.residence_time", 0.4 * 11.636364),
               near("stations.s1.per_class.open1.residence_time", 2 * 8.822320),
               near("stations.s2.per_class.open1.residence_time", 1 * 10.766520),
               near("stations.s1.per_class.open2.residence_time", 2.5 * 17.644640),
               near("stations.s2.per_class.open2.residence_time", 1.5 * 28.710720) };
    QTest::newRow("QSP 1984 p.148 (mixed, exact fractions)")
        << example("qsp-1984-p148-mixed.json")
        << Checks { near("classes.closed1.throughput", 3.0 / 19),
               near("classes.closed2.throughput", 2.0 / 19),
               near("stations.cpu.per_class.open1.residence_time", 14.0 / 19),
               near("stations.disk.per_class.open1.residence_time", 24.0 / 19),
               near("stations.cpu.per_class.open2.residence_time", 28.0 / 19),
               near("stations.disk.per_class.open2.residence_time", 144.0 / 19) };
    QTest::newRow("Bolch 1998 Ex. 8.4 p.333 (multi-server)")
        << example("bolch-1998-ex8.4-p333-multiserver.json")
        << Checks { near("classes.jobs.throughput", 1.217461), near("stations.s1.queue_length", 0.623679),
               near("stations.s2.queue_length", 0.472872), near("stations.s3.queue_length", 0.685988),
               near("stations.s4.queue_length", 1.217461), near("stations.s1.utilization", 0.304365),
               near("stations.s2.utilization", 0.365238), near("stations.s3.utilization", 0.486984) };
    QTest::newRow("Bolch 1998 Ex. 8.1 p.318 (convolution, load-dependent)")
        << example("bolch-1998-ex8.1-p318-load-dependent.json")
        << Checks { is("algorithm", QStringLiteral("convolution")),
               near("stations.s1.per_class.jobs.throughput", 0.944559),
               near("stations.s2.per_class.jobs.throughput", 0.629706),
               near("stations.s3.per_class.jobs.throughput", 0.188912),
               near("stations.s1.queue_length", 1.290042), near("stations.s2.queue_length", 1.049510),
               near("stations.s3.queue_length", 0.660448) };
    QTest::newRow("QSP 1984 Ex. 7.2 p.138 (open multiclass)")
        << example("qsp-1984-ex7.2-p138-open-multiclass.json")
        << Checks { near("stations.cpu.utilization", 7.0 / 19), near("stations.disk.utilization", 17.0 / 19),
               near("classes.A.response_time", 30.083333), near("classes.B.response_time", 41.166667),
               near("stations.cpu.per_class.A.queue_length", 0.25),
               near("stations.disk.per_class.A.queue_length", 4.5),
               near("stations.cpu.per_class.B.queue_length", 0.333333),
               near("stations.disk.per_class.B.queue_length", 4.0) };
    QTest::newRow("Reference case 9 (bounds, N=20, Z=120)")
        << example("bounds-two-station-n20-z120.json")
        << Checks { near("classes.users.throughput", 0.099768),
               near("classes.users.response_time", 80.464838),
               near("classes.users.bounds.throughput_upper", 0.108696),
               near("classes.users.bounds.response_time_lower", 64),
               near("classes.users.bounds.throughput_lower", 0.074964),
               near("classes.users.bounds.response_time_upper", 146.793103),
               is("classes.users.bounds.balanced_job", true) };
    // Bolch Ex. 7.4 at lambda 6: s1 carries 6 x 5 x 0.04 = 1.2 > 1; capacity 1 / 0.2 = 5 arrivals per time
    // unit.
    QTest::newRow("Saturated: Bolch 1998 Ex. 7.4 at lambda 6")
        << example("saturated-bolch-1998-ex7.4-lambda6.json")
        << Checks { is("saturated", true), is("bottleneck", QStringLiteral("s1")),
               near("max_arrival_scale", 5.0 / 6.0), is("classes.jobs.response_time", QVariant()),
               is("stations.s1.queue_length", QVariant()), near("classes.jobs.throughput", 5.0) };
}

void TestCli::examplesMatchPublished()
{
    QFETCH(QString, file);
    QFETCH(Checks, checks);
    const Run run = runCli({ QStringLiteral("qn"), file });
    QVERIFY(run.finished);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY2(run.err.isEmpty(), run.err.constData());
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(run.out, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QVERIFY(allFinite(document.object()));
    for (const auto &[path, expected] : checks) {
        const QJsonValue actual = lookup(document.object(), path);
        if (!expected.isValid()) {
            QVERIFY2(actual.isNull(), qPrintable(path + QStringLiteral(" should be null")));
        } else if (expected.typeId() == QMetaType::Double) {
            QVERIFY2(actual.isDouble(), qPrintable(path + QStringLiteral(" is missing or not a number")));
            const double want = expected.toDouble();
            const double got = actual.toDouble();
            QVERIFY2(std::abs(got - want) <= publishedTolerance * std::abs(want),
                qPrintable(
                    QStringLiteral("%1: got %2, published %3").arg(path).arg(got, 0, 'g', 10).arg(want)));
        } else {
            QCOMPARE(actual.toVariant(), expected);
        }
    }
}

void TestCli::tableShowsTheNumbers_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("Jain 1991 p.577") << example("jain-closed-think-time.json");
    QTest::newRow("Bolch 1998 Ex. 8.6 p.345 (mixed)") << example("bolch-1998-ex8.6-p345-mixed.json");
    QTest::newRow("QSP 1984 p.117 (approximate)") << example("qsp-1984-p117-schweitzer.json");
    QTest::newRow("Saturated") << example("saturated-bolch-1998-ex7.4-lambda6.json");
}

void TestCli::tableShowsTheNumbers()
{
    QFETCH(QString, file);
    const Run json = runCli({ QStringLiteral("qn"), file });
    const Run table
        = runCli({ QStringLiteral("qn"), file, QStringLiteral("--format"), QStringLiteral("table") });
    QVERIFY(json.finished && table.finished);
    QCOMPARE(json.exitCode, 0);
    QCOMPARE(table.exitCode, 0);
    const QString text = QString::fromUtf8(table.out);
    const QJsonObject root = QJsonDocument::fromJson(json.out).object();
    QVERIFY2(text.contains(root.value(QLatin1String("method")).toString()), qPrintable(text));
    QVERIFY2(text.contains(root.value(QLatin1String("algorithm")).toString()), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("Bottleneck"))
            && text.contains(root.value(QLatin1String("bottleneck")).toString()),
        qPrintable(text));
    QVERIFY(text.contains(
        root.value(QLatin1String("saturated")).toBool() ? QLatin1String("YES") : QLatin1String("no")));
    // The table shows six significant digits of the same numbers the JSON carries.
    for (const QJsonValue &value : root.value(QLatin1String("classes")).toArray()) {
        const QJsonObject c = value.toObject();
        QVERIFY2(text.contains(c.value(QLatin1String("name")).toString()), qPrintable(text));
        QVERIFY2(text.contains(QString::number(c.value(QLatin1String("throughput")).toDouble(), 'g', 6)),
            qPrintable(text));
        if (c.value(QLatin1String("response_time")).isDouble())
            QVERIFY2(
                text.contains(QString::number(c.value(QLatin1String("response_time")).toDouble(), 'g', 6)),
                qPrintable(text));
    }
    for (const QJsonValue &value : root.value(QLatin1String("stations")).toArray()) {
        const QJsonObject s = value.toObject();
        QVERIFY2(text.contains(s.value(QLatin1String("name")).toString()), qPrintable(text));
        QVERIFY2(text.contains(QString::number(s.value(QLatin1String("utilization")).toDouble(), 'g', 6)),
            qPrintable(text));
    }
    QVERIFY(!text.contains(QLatin1String("nan")) && !text.contains(QLatin1String("inf ")));
}

void TestCli::mmcPercentilesAreExact()
{
    // M/M/2, lambda 9, mu 5: C = 0.852632 (published, rounded), theta = c mu - lambda = 1.
    const Run run = runCli({ QStringLiteral("qn"), example("erlang-c-mm2-lambda9-mu5.json") });
    QCOMPARE(run.exitCode, 0);
    const QJsonObject percentiles = lookup(QJsonDocument::fromJson(run.out).object(),
        QStringLiteral("classes.arrivals.response_time_percentiles"))
                                        .toObject();
    const std::pair<const char *, double> levels[]
        = { { "p50", 0.50 }, { "p90", 0.90 }, { "p95", 0.95 }, { "p99", 0.99 } };
    for (const auto &[key, p] : levels) {
        const double want = mmcPercentile(p, 5.0, 1.0, 0.852632);
        const double got = percentiles.value(QLatin1String(key)).toDouble();
        QVERIFY2(std::abs(got - want) <= publishedTolerance * want,
            qPrintable(QStringLiteral("%1: got %2, formula %3").arg(QLatin1String(key)).arg(got).arg(want)));
    }
}

void TestCli::saturatedExitsZero()
{
    const Run run = runCli({ QStringLiteral("qn"), example("saturated-bolch-1998-ex7.4-lambda6.json") });
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("\"saturated\": true"));
    QVERIFY(!run.out.contains("nan") && !run.out.contains("inf"));
}

void TestCli::badInputExitsTwo_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("field"); // empty: an error about the whole file
    QTest::addColumn<QString>("message");

    QTest::newRow("no such file") << badInput("does-not-exist.json") << QString()
                                  << QStringLiteral("no such file");
    QTest::newRow("empty file") << badInput("empty.json") << QString() << QStringLiteral("empty");
    QTest::newRow("malformed JSON") << badInput("malformed.json") << QString()
                                    << QStringLiteral("malformed JSON at offset 64 (line 3, column 14)");
    QTest::newRow("not an object") << badInput("not-an-object.json") << QString()
                                   << QStringLiteral("JSON object");
    QTest::newRow("1e999") << badInput("overflowing-number.json") << QString()
                           << QStringLiteral("illegal number");
    QTest::newRow("no stations") << badInput("no-stations.json") << QStringLiteral("stations")
                                 << QStringLiteral("missing");
    QTest::newRow("stations empty") << badInput("stations-empty.json") << QStringLiteral("stations")
                                    << QStringLiteral("empty");
    QTest::newRow("duplicate station") << badInput("duplicate-station.json")
                                       << QStringLiteral("stations[1].name") << QStringLiteral("duplicate");
    QTest::newRow("station kind") << badInput("station-kind-unknown.json")
                                  << QStringLiteral("stations[0].kind") << QStringLiteral("'fcfs'");
    QTest::newRow("servers zero") << badInput("servers-zero.json") << QStringLiteral("stations[0].servers")
                                  << QStringLiteral(">= 1, got 0");
    QTest::newRow("servers a string")
        << badInput("servers-a-string.json") << QStringLiteral("stations[0].servers")
        << QStringLiteral("must be a number");
    QTest::newRow("rate multiplier negative")
        << badInput("rate-multiplier-negative.json") << QStringLiteral("stations[1].rate_multipliers[1]")
        << QStringLiteral("> 0, got -2");
    QTest::newRow("no classes") << badInput("no-classes.json") << QStringLiteral("classes")
                                << QStringLiteral("empty");
    QTest::newRow("duplicate class") << badInput("duplicate-class.json") << QStringLiteral("classes[1].name")
                                     << QStringLiteral("duplicate");
    QTest::newRow("population fractional")
        << badInput("population-fractional.json") << QStringLiteral("classes[1].population")
        << QStringLiteral("must be a whole number >= 1, got 2.5");
    QTest::newRow("population huge") << badInput("population-huge.json")
                                     << QStringLiteral("classes[0].population")
                                     << QStringLiteral("at most 1000000");
    QTest::newRow("think time negative") << badInput("think-time-negative.json")
                                         << QStringLiteral("classes[0].think_time") << QStringLiteral(">= 0");
    QTest::newRow("arrival rate negative")
        << badInput("arrival-rate-negative.json") << QStringLiteral("classes[0].arrival_rate")
        << QStringLiteral("> 0");
    QTest::newRow("demand at unknown station")
        << badInput("demand-at-unknown-station.json") << QStringLiteral("classes[0].demands.tape")
        << QStringLiteral("names no station");
    QTest::newRow("no demand") << badInput("no-demand.json") << QStringLiteral("classes[0].demands")
                               << QStringLiteral("no demand");
    QTest::newRow("two demand forms")
        << badInput("two-demand-forms.json") << QStringLiteral("classes[0]") << QStringLiteral("only one of");
    QTest::newRow("missing service time")
        << badInput("missing-service-time.json") << QStringLiteral("classes[0].service_times.disk")
        << QStringLiteral("visits");
    QTest::newRow("routing row above 1")
        << badInput("routing-row-above-one.json") << QStringLiteral("classes[0].routing.cpu")
        << QStringLiteral("more than 1");
    QTest::newRow("closed routing not stochastic")
        << badInput("closed-routing-not-stochastic.json") << QStringLiteral("classes[0].routing.cpu")
        << QStringLiteral("sum to 1");
    QTest::newRow("routing without exit")
        << badInput("routing-without-exit.json") << QStringLiteral("classes[0].routing")
        << QStringLiteral("never leave");
    QTest::newRow("arrivals missing") << badInput("arrivals-missing.json")
                                      << QStringLiteral("classes[0].arrivals") << QStringLiteral("missing");
    QTest::newRow("method unknown") << badInput("method-unknown.json") << QStringLiteral("method")
                                    << QStringLiteral("'fastest'");
    // 5 closed classes of 100 jobs: 101^5 population vectors; solve() refuses it (InvalidNetwork).
    QTest::newRow("exact state space too large") << badInput("exact-state-space-too-large.json")
                                                 << QStringLiteral("method") << QStringLiteral("limit");
}

void TestCli::badInputExitsTwo()
{
    QFETCH(QString, file);
    QFETCH(QString, field);
    QFETCH(QString, message);
    const Run run = runCli({ QStringLiteral("qn"), file });
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.out.isEmpty(), run.out.constData());
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.endsWith(QLatin1Char('\n')) && err.count(QLatin1Char('\n')) == 1, qPrintable(err));
    const QString prefix = QStringLiteral("iovplan-cli: ") + file + QStringLiteral(": ")
        + (field.isEmpty() ? QString() : field + QStringLiteral(": "));
    QVERIFY2(err.startsWith(prefix), qPrintable(err));
    QVERIFY2(err.contains(message), qPrintable(err));
    QVERIFY2(run.elapsedMs < refuseWithinMs, qPrintable(QString::number(run.elapsedMs)));
}

void TestCli::hugeInputFailsFast_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<qint64>("padding"); // trailing blanks to push the file past a size
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    QByteArray manyStations = R"({"stations": [)";
    for (int i = 0; i < 250000; ++i)
        manyStations
            += (i ? "," : "") + QByteArray(R"({"name":"s)") + QByteArray::number(i) + R"(","kind":"queue"})";
    manyStations
        += R"(], "classes": [{"name": "c", "kind": "closed", "population": 1, "demands": {"s0": 1}}]})";
    QTest::newRow("250,000 stations") << manyStations << qint64(0) << QStringLiteral("stations")
                                      << QStringLiteral("more than the limit of 200000");

    QByteArray manyEntries = R"({"stations": [)";
    for (int i = 0; i < 5000; ++i)
        manyEntries
            += (i ? "," : "") + QByteArray(R"({"name":"s)") + QByteArray::number(i) + R"(","kind":"queue"})";
    manyEntries += R"(], "classes": [)";
    for (int c = 0; c < 1000; ++c)
        manyEntries += (c ? "," : "") + QByteArray(R"({"name":"c)") + QByteArray::number(c)
            + R"(","kind":"closed","population":1000000,"demands":{"s0":1}})";
    manyEntries += "]}";
    QTest::newRow("5,000 stations x 1,000 classes") << manyEntries << qint64(0) << QStringLiteral("classes")
                                                    << QStringLiteral("more than the limit of 4000000");

    QTest::newRow("file over 32 MiB") << manyStations << qint64(33 * 1024 * 1024) << QString()
                                      << QStringLiteral("more than the limit of 33554432 bytes");
    QTest::newRow("deeply nested JSON") << QByteArray(R"({"stations": )") + QByteArray(1000000, '[')
                                        << qint64(0) << QString() << QStringLiteral("nested");
    QTest::newRow("total population over 10,000,000")
        << QByteArray(R"({"stations": [{"name": "s", "kind": "queue"}], "classes": [)") +
            [] {
                QByteArray classes;
                for (int c = 0; c < 11; ++c)
                    classes += (c ? "," : "") + QByteArray(R"({"name":"c)") + QByteArray::number(c)
                        + R"(","kind":"closed","population":1000000,"demands":{"s":1}})";
                return classes;
            }()
            + "]}"
        << qint64(0) << QStringLiteral("classes[10].population") << QStringLiteral("10000000");
}

void TestCli::hugeInputFailsFast()
{
    QFETCH(QByteArray, content);
    QFETCH(qint64, padding);
    QFETCH(QString, field);
    QFETCH(QString, message);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("huge.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(content), content.size());
    if (padding > content.size())
        QCOMPARE(file.write(QByteArray(padding - content.size(), ' ')), padding - content.size());
    file.close();

    const Run run = runCli({ QStringLiteral("qn"), path }, int(refuseWithinMs) * 3);
    QVERIFY2(run.finished, "iovplan-cli did not finish");
    QCOMPARE(run.exitCode, 2);
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.count(QLatin1Char('\n')) == 1, qPrintable(err));
    QVERIFY2(err.startsWith(QStringLiteral("iovplan-cli: ") + path + QStringLiteral(": ")
                 + (field.isEmpty() ? QString() : field + QStringLiteral(": "))),
        qPrintable(err));
    QVERIFY2(err.contains(message), qPrintable(err));
    QVERIFY2(run.elapsedMs < refuseWithinMs, qPrintable(QStringLiteral("took %1 ms").arg(run.elapsedMs)));
    qInfo("%s: refused in %lld ms", QTest::currentDataTag(), run.elapsedMs);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
