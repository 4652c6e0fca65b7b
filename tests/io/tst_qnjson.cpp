// Reading and writing the qn JSON: every rejected input names its JSON field; the three ways of
// giving demands agree; routing gives the published visit ratios; the writer keeps the contract.
#include "model/io/qnjsonreader.h"
#include "model/io/qnjsonwriter.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <limits>

using namespace iovplan;

namespace {

QByteArray twoStations()
{
    return QByteArrayLiteral(
        R"("stations": [{"name": "cpu", "kind": "queue"}, {"name": "disk", "kind": "queue"}])");
}

// A document with the two stations above and the given classes array text.
QByteArray withClasses(const QByteArray &classes, const QByteArray &extra = {})
{
    return "{" + twoStations() + ", \"classes\": " + classes + extra + "}";
}

// A document with the given stations array text and one closed class with demand at "cpu".
QByteArray withStations(const QByteArray &stations)
{
    return R"({"stations": )" + stations
        + R"(, "classes": [{"name": "c", "kind": "closed", "population": 2, "demands": {"cpu": 1}}]})";
}

QByteArray closedClass(const QByteArray &members)
{
    return withClasses(R"([{"name": "c", "kind": "closed", )" + members + "}]");
}

QByteArray openClass(const QByteArray &members)
{
    return withClasses(R"([{"name": "o", "kind": "open", )" + members + "}]");
}

QByteArray repeated(const QByteArray &item, int count, char separator = ',')
{
    QByteArray out;
    out.reserve(static_cast<qsizetype>(item.size() + 1) * count);
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            out += separator;
        out += item;
    }
    return out;
}

// count stations named s0, s1, ...
QByteArray manyStations(int count)
{
    QByteArray out = "[";
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            out += ',';
        out += R"({"name":"s)" + QByteArray::number(i) + R"(","kind":"queue"})";
    }
    return out + "]";
}

QByteArray manyClasses(int count, qint64 population)
{
    QByteArray out = "[";
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            out += ',';
        out += R"({"name":"c)" + QByteArray::number(i) + R"(","kind":"closed","population":)"
            + QByteArray::number(population) + R"(,"demands":{"s0":1}})";
    }
    return out + "]";
}

QString examplePath(const char *name)
{
    return QStringLiteral(IOVPLAN_SOURCE_DIR "/examples/qn/") + QLatin1String(name);
}

QStringList keysOf(const QJsonObject &object)
{
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace

class TestQnJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void limitsAreTheContract();
    void rejects_data();
    void rejects();
    void rejectsFiles();
    void acceptsEveryExample();
    void readsFields();
    void demandFormsGiveTheSameNetwork();
    void routingGivesPublishedVisitRatios_data();
    void routingGivesPublishedVisitRatios();
    void routingObjectAndMatrixAgree();
    void methods_data();
    void methods();
    void writerKeysAreTheContract();
    void writerWritesNullNotNaN();
    void writerNumbersRoundTrip();
    void writerEscapesNames();
};

void TestQnJson::limitsAreTheContract()
{
    const io::QnLimits limits;
    QCOMPARE(limits.maxFileBytes, 32 * 1024 * 1024);
    QCOMPARE(limits.maxStations, 200000);
    QCOMPARE(limits.maxClasses, 1000);
    QCOMPARE(limits.maxStationClassEntries, 4000000);
    QCOMPARE(limits.maxServers, 100000);
    QCOMPARE(limits.maxRateMultipliers, 100000);
    QCOMPARE(limits.maxPopulation, 1000000);
    QCOMPARE(limits.maxTotalPopulation, 10000000);
}

void TestQnJson::rejects_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message"); // a part of the message that must appear

    // The whole document (no field).
    QTest::newRow("empty document") << QByteArray("  \n") << QString() << QStringLiteral("empty");
    QTest::newRow("malformed: unterminated")
        << QByteArray("{\"stations\": [") << QString() << QStringLiteral("malformed JSON at offset");
    QTest::newRow("malformed: line and column")
        << QByteArray("{\n  \"stations\": [,]\n}") << QString() << QStringLiteral("line 2, column");
    QTest::newRow("malformed: 1e999 overflows")
        << QByteArray(R"({"stations": 1e999})") << QString() << QStringLiteral("malformed JSON");
    QTest::newRow("deeply nested") << QByteArray(5000, '[') << QString() << QStringLiteral("nested");
    QTest::newRow("not an object") << QByteArray("[1, 2]") << QString() << QStringLiteral("JSON object");

    // Stations.
    QTest::newRow("stations missing")
        << QByteArray(R"({"classes": []})") << QStringLiteral("stations") << QStringLiteral("missing");
    QTest::newRow("stations wrong type")
        << withStations("{}") << QStringLiteral("stations") << QStringLiteral("must be an array");
    QTest::newRow("stations empty") << withStations("[]") << QStringLiteral("stations")
                                    << QStringLiteral("empty");
    QTest::newRow("too many stations") << withStations(manyStations(200001)) << QStringLiteral("stations")
                                       << QStringLiteral("more than the limit of 200000");
    QTest::newRow("station not an object")
        << withStations("[1]") << QStringLiteral("stations[0]") << QStringLiteral("must be an object, got 1");
    QTest::newRow("station name missing") << withStations(R"([{"kind": "queue"}])")
                                          << QStringLiteral("stations[0].name") << QStringLiteral("missing");
    QTest::newRow("station name empty") << withStations(R"([{"name": " ", "kind": "queue"}])")
                                        << QStringLiteral("stations[0].name") << QStringLiteral("empty");
    QTest::newRow("station name a number")
        << withStations(R"([{"name": 3, "kind": "queue"}])") << QStringLiteral("stations[0].name")
        << QStringLiteral("must be a string");
    QTest::newRow("duplicate station")
        << withStations(R"([{"name": "cpu", "kind": "queue"}, {"name": "cpu", "kind": "delay"}])")
        << QStringLiteral("stations[1].name") << QStringLiteral("duplicate station name 'cpu'");
    QTest::newRow("station kind unknown")
        << withStations(R"([{"name": "cpu", "kind": "fifo"}])") << QStringLiteral("stations[0].kind")
        << QStringLiteral("queue, delay or load-dependent");
    QTest::newRow("station kind missing") << withStations(R"([{"name": "cpu"}])")
                                          << QStringLiteral("stations[0].kind") << QStringLiteral("missing");
    QTest::newRow("servers zero") << withStations(R"([{"name": "cpu", "kind": "queue", "servers": 0}])")
                                  << QStringLiteral("stations[0].servers")
                                  << QStringLiteral("whole number >= 1, got 0");
    QTest::newRow("servers fractional")
        << withStations(R"([{"name": "cpu", "kind": "queue", "servers": 1.5}])")
        << QStringLiteral("stations[0].servers") << QStringLiteral("whole number >= 1, got 1.5");
    QTest::newRow("servers too many")
        << withStations(R"([{"name": "cpu", "kind": "queue", "servers": 100001}])")
        << QStringLiteral("stations[0].servers") << QStringLiteral("at most 100000");
    QTest::newRow("servers a string")
        << withStations(R"([{"name": "cpu", "kind": "queue", "servers": "4"}])")
        << QStringLiteral("stations[0].servers") << QStringLiteral("must be a number");
    QTest::newRow("servers on a delay")
        << withStations(R"([{"name": "cpu", "kind": "delay", "servers": 2}])")
        << QStringLiteral("stations[0].servers") << QStringLiteral("only queue");
    QTest::newRow("rate multipliers missing")
        << withStations(R"([{"name": "cpu", "kind": "load-dependent"}])")
        << QStringLiteral("stations[0].rate_multipliers") << QStringLiteral("missing");
    QTest::newRow("rate multipliers empty")
        << withStations(R"([{"name": "cpu", "kind": "load-dependent", "rate_multipliers": []}])")
        << QStringLiteral("stations[0].rate_multipliers") << QStringLiteral("empty");
    QTest::newRow("rate multiplier zero")
        << withStations(R"([{"name": "cpu", "kind": "load-dependent", "rate_multipliers": [1, 0]}])")
        << QStringLiteral("stations[0].rate_multipliers[1]") << QStringLiteral("> 0");
    QTest::newRow("rate multipliers too long") << withStations(
        R"([{"name": "cpu", "kind": "load-dependent", "rate_multipliers": [)" + repeated("1", 100001) + "]}]")
                                               << QStringLiteral("stations[0].rate_multipliers")
                                               << QStringLiteral("more than the limit of 100000");
    QTest::newRow("rate multipliers on a queue")
        << withStations(R"([{"name": "cpu", "kind": "queue", "rate_multipliers": [1]}])")
        << QStringLiteral("stations[0].rate_multipliers") << QStringLiteral("only load-dependent");

    // Classes.
    QTest::newRow("classes missing") << QByteArray("{" + twoStations() + "}") << QStringLiteral("classes")
                                     << QStringLiteral("missing");
    QTest::newRow("classes wrong type")
        << withClasses("3") << QStringLiteral("classes") << QStringLiteral("array");
    QTest::newRow("classes empty") << withClasses("[]") << QStringLiteral("classes")
                                   << QStringLiteral("empty");
    QTest::newRow("too many classes")
        << R"({"stations": [{"name": "s0", "kind": "queue"}], "classes": )" + manyClasses(1001, 1) + "}"
        << QStringLiteral("classes") << QStringLiteral("more than the limit of 1000");
    QTest::newRow("stations x classes too many")
        << R"({"stations": )" + manyStations(4001) + R"(, "classes": )" + manyClasses(1000, 1) + "}"
        << QStringLiteral("classes") << QStringLiteral("4001000 entries, more than the limit of 4000000");
    QTest::newRow("class name missing")
        << withClasses(R"([{"kind": "closed", "population": 1, "demands": {"cpu": 1}}])")
        << QStringLiteral("classes[0].name") << QStringLiteral("missing");
    QTest::newRow("duplicate class") << withClasses(
        R"([{"name": "a", "kind": "closed", "population": 1, "demands": {"cpu": 1}},
                           {"name": "a", "kind": "closed", "population": 1, "demands": {"cpu": 1}}])")
                                     << QStringLiteral("classes[1].name")
                                     << QStringLiteral("duplicate class name 'a'");
    QTest::newRow("class kind unknown")
        << withClasses(R"([{"name": "a", "kind": "batch", "demands": {"cpu": 1}}])")
        << QStringLiteral("classes[0].kind") << QStringLiteral("open or closed");
    QTest::newRow("population fractional")
        << withClasses(R"([{"name": "a", "kind": "closed", "population": 1, "demands": {"cpu": 1}},
                           {"name": "b", "kind": "closed", "population": 2.5, "demands": {"cpu": 1}}])")
        << QStringLiteral("classes[1].population") << QStringLiteral("must be a whole number >= 1, got 2.5");
    QTest::newRow("population zero") << closedClass(R"("population": 0, "demands": {"cpu": 1})")
                                     << QStringLiteral("classes[0].population")
                                     << QStringLiteral(">= 1, got 0");
    QTest::newRow("population missing")
        << closedClass(R"("demands": {"cpu": 1})") << QStringLiteral("classes[0].population")
        << QStringLiteral("missing");
    QTest::newRow("population huge") << closedClass(R"("population": 1e300, "demands": {"cpu": 1})")
                                     << QStringLiteral("classes[0].population")
                                     << QStringLiteral("at most 1000000");
    QTest::newRow("population total too large")
        << R"({"stations": [{"name": "s0", "kind": "queue"}], "classes": )" + manyClasses(11, 1000000) + "}"
        << QStringLiteral("classes[10].population") << QStringLiteral("more than the limit of 10000000");
    QTest::newRow("think time negative")
        << closedClass(R"("population": 1, "think_time": -1, "demands": {"cpu": 1})")
        << QStringLiteral("classes[0].think_time") << QStringLiteral(">= 0, got -1");
    QTest::newRow("arrival rate on a closed class")
        << closedClass(R"("population": 1, "arrival_rate": 1, "demands": {"cpu": 1})")
        << QStringLiteral("classes[0].arrival_rate") << QStringLiteral("only open classes");
    QTest::newRow("arrival rate zero")
        << openClass(R"("arrival_rate": 0, "demands": {"cpu": 1})")
        << QStringLiteral("classes[0].arrival_rate") << QStringLiteral("> 0, got 0");
    QTest::newRow("arrival rate missing")
        << openClass(R"("demands": {"cpu": 1})") << QStringLiteral("classes[0].arrival_rate")
        << QStringLiteral("missing");
    QTest::newRow("arrival rate null")
        << openClass(R"("arrival_rate": null, "demands": {"cpu": 1})")
        << QStringLiteral("classes[0].arrival_rate") << QStringLiteral("got null");
    QTest::newRow("population on an open class")
        << openClass(R"("arrival_rate": 1, "population": 3, "demands": {"cpu": 1})")
        << QStringLiteral("classes[0].population") << QStringLiteral("only closed classes");

    // Demand forms.
    QTest::newRow("no demand form") << closedClass(R"("population": 1)") << QStringLiteral("classes[0]")
                                    << QStringLiteral("needs one of demands");
    QTest::newRow("two demand forms") << closedClass(
        R"("population": 1, "demands": {"cpu": 1}, "visits": {"cpu": 1}, "service_times": {"cpu": 1})")
                                      << QStringLiteral("classes[0]") << QStringLiteral("only one of");
    QTest::newRow("demands not an object")
        << closedClass(R"("population": 1, "demands": [1, 2])") << QStringLiteral("classes[0].demands")
        << QStringLiteral("must be an object");
    QTest::newRow("demand at unknown station")
        << closedClass(R"("population": 1, "demands": {"cpu": 1, "tape": 2})")
        << QStringLiteral("classes[0].demands.tape") << QStringLiteral("names no station");
    QTest::newRow("demand negative") << closedClass(R"("population": 1, "demands": {"cpu": -1})")
                                     << QStringLiteral("classes[0].demands.cpu")
                                     << QStringLiteral(">= 0, got -1");
    QTest::newRow("demand a string") << closedClass(R"("population": 1, "demands": {"cpu": "1"})")
                                     << QStringLiteral("classes[0].demands.cpu")
                                     << QStringLiteral("must be a number");
    QTest::newRow("no demand anywhere")
        << closedClass(R"("population": 1, "demands": {"cpu": 0, "disk": 0})")
        << QStringLiteral("classes[0].demands") << QStringLiteral("no demand at any station");
    QTest::newRow("service times with demands")
        << closedClass(R"("population": 1, "demands": {"cpu": 1}, "service_times": {"cpu": 1})")
        << QStringLiteral("classes[0].service_times") << QStringLiteral("not with demands");
    QTest::newRow("visits without service times")
        << closedClass(R"("population": 1, "visits": {"cpu": 1})")
        << QStringLiteral("classes[0].service_times") << QStringLiteral("missing");
    QTest::newRow("visited station without service time")
        << closedClass(R"("population": 1, "visits": {"cpu": 1, "disk": 2}, "service_times": {"cpu": 1})")
        << QStringLiteral("classes[0].service_times.disk") << QStringLiteral("the class visits 'disk'");
    QTest::newRow("visit negative") << closedClass(
        R"("population": 1, "visits": {"cpu": -2}, "service_times": {"cpu": 1})")
                                    << QStringLiteral("classes[0].visits.cpu") << QStringLiteral(">= 0");
    QTest::newRow("visits all zero") << closedClass(
        R"("population": 1, "visits": {"cpu": 0}, "service_times": {"cpu": 1})")
                                     << QStringLiteral("classes[0].visits") << QStringLiteral("no demand");
    QTest::newRow("service time at unknown station")
        << closedClass(R"("population": 1, "visits": {"cpu": 1}, "service_times": {"cpu": 1, "tape": 1})")
        << QStringLiteral("classes[0].service_times.tape") << QStringLiteral("names no station");

    // Routing.
    const QByteArray st = R"("service_times": {"cpu": 1, "disk": 1})";
    QTest::newRow("routing from unknown station")
        << closedClass(R"("population": 1, "routing": {"tape": {"cpu": 1}}, )" + st)
        << QStringLiteral("classes[0].routing.tape") << QStringLiteral("names no station");
    QTest::newRow("routing to unknown station")
        << closedClass(R"("population": 1, "routing": {"cpu": {"tape": 1}}, )" + st)
        << QStringLiteral("classes[0].routing.cpu.tape") << QStringLiteral("names no station");
    QTest::newRow("routing probability above 1")
        << openClass(R"("arrival_rate": 1, "arrivals": {"cpu": 1}, "routing": {"cpu": {"disk": 1.5}}, )" + st)
        << QStringLiteral("classes[0].routing.cpu.disk") << QStringLiteral("probability in [0, 1]");
    QTest::newRow("routing row above 1") << openClass(
        R"("arrival_rate": 1, "arrivals": {"cpu": 1}, "routing": {"cpu": {"disk": 0.6, "cpu": 0.6}}, )" + st)
                                         << QStringLiteral("classes[0].routing.cpu")
                                         << QStringLiteral("sum to 1.2, more than 1");
    QTest::newRow("closed routing row below 1")
        << closedClass(R"("population": 1, "routing": {"cpu": {"disk": 0.9}, "disk": {"cpu": 1}}, )" + st)
        << QStringLiteral("classes[0].routing.cpu") << QStringLiteral("must sum to 1, got 0.9");
    QTest::newRow("closed routing never returns")
        << closedClass(R"("population": 1, "routing": {"cpu": {"disk": 1}}, )" + st)
        << QStringLiteral("classes[0].routing") << QStringLiteral("sum to 1");
    QTest::newRow("routing wrong type")
        << closedClass(R"("population": 1, "routing": 1, )" + st) << QStringLiteral("classes[0].routing")
        << QStringLiteral("must be an object");
    QTest::newRow("routing matrix rows")
        << closedClass(R"("population": 1, "routing": [[0, 1]], )" + st)
        << QStringLiteral("classes[0].routing") << QStringLiteral("one row per station (2), got 1");
    QTest::newRow("routing matrix columns")
        << closedClass(R"("population": 1, "routing": [[0, 1], [1]], )" + st)
        << QStringLiteral("classes[0].routing[1]")
        << QStringLiteral("one probability per station (2), got 1");
    QTest::newRow("routing matrix cell")
        << closedClass(R"("population": 1, "routing": [[0, 1], [1, "x"]], )" + st)
        << QStringLiteral("classes[0].routing[1][1]") << QStringLiteral("must be a number");
    QTest::newRow("open routing without arrivals")
        << openClass(R"("arrival_rate": 1, "routing": {"cpu": {"disk": 1}}, )" + st)
        << QStringLiteral("classes[0].arrivals") << QStringLiteral("missing");
    QTest::newRow("arrivals not summing to 1")
        << openClass(R"("arrival_rate": 1, "arrivals": {"cpu": 0.5}, "routing": {"cpu": {"disk": 1}}, )" + st)
        << QStringLiteral("classes[0].arrivals") << QStringLiteral("sum to 1, got 0.5");
    QTest::newRow("open routing with no exit") << openClass(
        R"("arrival_rate": 1, "arrivals": {"cpu": 1}, "routing": {"cpu": {"disk": 1}, "disk": {"cpu": 1}}, )"
        + st) << QStringLiteral("classes[0].routing")
                                               << QStringLiteral("never leave");
    QTest::newRow("arrivals without routing")
        << openClass(R"("arrival_rate": 1, "arrivals": {"cpu": 1}, "demands": {"cpu": 1})")
        << QStringLiteral("classes[0].arrivals") << QStringLiteral("with routing");
    QTest::newRow("reference unknown") << closedClass(
        R"("population": 1, "reference": "tape", "routing": {"cpu": {"disk": 1}, "disk": {"cpu": 1}}, )" + st)
                                       << QStringLiteral("classes[0].reference")
                                       << QStringLiteral("names no station");
    QTest::newRow("reference not routed")
        << closedClass(R"("population": 1, "reference": "disk", "routing": {"cpu": {"cpu": 1}}, )" + st)
        << QStringLiteral("classes[0].reference") << QStringLiteral("never visits");
    QTest::newRow("closed routing empty")
        << closedClass(R"("population": 1, "routing": {}, )" + st) << QStringLiteral("classes[0].routing")
        << QStringLiteral("no transitions");

    // Method.
    QTest::newRow("method unknown") << withClasses(
        R"([{"name": "c", "kind": "closed", "population": 1, "demands": {"cpu": 1}}])",
        R"(, "method": "fast")") << QStringLiteral("method")
                                    << QStringLiteral("must be one of");
    QTest::newRow("method a number") << withClasses(
        R"([{"name": "c", "kind": "closed", "population": 1, "demands": {"cpu": 1}}])", R"(, "method": 1)")
                                     << QStringLiteral("method") << QStringLiteral("got 1");
}

void TestQnJson::rejects()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    QFETCH(QString, message);
    QElapsedTimer timer;
    timer.start();
    const io::QnReadResult result = io::readQnJson(json);
    QVERIFY2(!result.ok(), "the reader accepted a bad document");
    QCOMPARE(result.error.field, field);
    QVERIFY2(result.error.message.contains(message), qPrintable(result.error.message));
    QVERIFY2(!result.error.message.contains(QLatin1Char('\n')), "an error message must be one line");
    // Even the limit-sized inputs (several MB) are rejected well within this.
    QVERIFY2(timer.elapsed() < 5000, "rejecting a bad document took too long");
}

void TestQnJson::rejectsFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    io::QnReadResult result = io::readQnFile(dir.filePath(QStringLiteral("absent.json")));
    QVERIFY(!result.ok());
    QVERIFY2(result.error.message.contains(QLatin1String("no such file")), qPrintable(result.error.message));

    result = io::readQnFile(dir.path());
    QVERIFY(!result.ok());
    QVERIFY2(result.error.message.contains(QLatin1String("directory")), qPrintable(result.error.message));

    QFile empty(dir.filePath(QStringLiteral("empty.json")));
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();
    result = io::readQnFile(empty.fileName());
    QVERIFY(!result.ok());
    QVERIFY2(result.error.message.contains(QLatin1String("empty")), qPrintable(result.error.message));

    // A sparse file one byte over the limit: refused from its size, before reading.
    QFile huge(dir.filePath(QStringLiteral("huge.json")));
    QVERIFY(huge.open(QIODevice::WriteOnly));
    QVERIFY(huge.resize(io::QnLimits {}.maxFileBytes + 1));
    huge.close();
    QElapsedTimer timer;
    timer.start();
    result = io::readQnFile(huge.fileName());
    QVERIFY(!result.ok());
    QVERIFY2(result.error.message.contains(QLatin1String("more than the limit of 33554432 bytes")),
        qPrintable(result.error.message));
    QVERIFY(timer.elapsed() < 1000);
}

void TestQnJson::acceptsEveryExample()
{
    const QDir examples(QStringLiteral(IOVPLAN_SOURCE_DIR "/examples/qn"));
    const QStringList files = examples.entryList({ QStringLiteral("*.json") }, QDir::Files);
    QVERIFY(files.size() >= 15);
    for (const QString &file : files) {
        const io::QnReadResult result = io::readQnFile(examples.filePath(file));
        QVERIFY2(result.ok(),
            qPrintable(file + QStringLiteral(": ") + result.error.field + QStringLiteral(": ")
                + result.error.message));
    }
}

void TestQnJson::readsFields()
{
    const io::QnReadResult result = io::readQnJson(R"({
        "stations": [{"name": "cpu", "kind": "queue", "servers": 4}, {"name": "link", "kind": "queue"},
                     {"name": "think", "kind": "delay"},
                     {"name": "disk", "kind": "load-dependent", "rate_multipliers": [1.0, 1.6, 2.0]}],
        "classes": [{"name": "batch", "kind": "closed", "population": 20, "think_time": 4.0,
                     "demands": {"cpu": 2.0, "disk": 3.0}},
                    {"name": "web", "kind": "open", "arrival_rate": 0.05, "visits": {"cpu": 10, "link": 4},
                     "service_times": {"cpu": 0.01, "link": 0.02}, "comment": "unknown keys are ignored"}],
        "method": "auto"})");
    QVERIFY2(result.ok(), qPrintable(result.error.field + QStringLiteral(": ") + result.error.message));
    const queueing::Network &n = result.document->network;
    QCOMPARE(n.stationCount(), std::size_t(4));
    QCOMPARE(n.stations[0].kind, queueing::StationKind::Queue);
    QCOMPARE(n.stations[0].servers, 4);
    QCOMPARE(n.stations[1].servers, 1); // the default
    QCOMPARE(n.stations[2].kind, queueing::StationKind::Delay);
    QCOMPARE(n.stations[3].kind, queueing::StationKind::LoadDependent);
    QCOMPARE(n.stations[3].rateMultipliers, (std::vector<double> { 1.0, 1.6, 2.0 }));
    QCOMPARE(n.classCount(), std::size_t(2));
    const queueing::JobClass &batch = n.classes[0];
    QCOMPARE(batch.kind, queueing::ClassKind::Closed);
    QCOMPARE(batch.population, 20);
    QCOMPARE(batch.thinkTime, 4.0);
    QCOMPARE(batch.demand(0), 2.0);
    QCOMPARE(batch.demand(1), 0.0);
    QCOMPARE(batch.demand(3), 3.0);
    const queueing::JobClass &web = n.classes[1];
    QCOMPARE(web.kind, queueing::ClassKind::Open);
    QCOMPARE(web.arrivalRate, 0.05);
    QCOMPARE(web.visits, (std::vector<double> { 10, 4, 0, 0 }));
    QCOMPARE(web.serviceTimes, (std::vector<double> { 0.01, 0.02, 0, 0 }));
    QCOMPARE(result.document->options.method, queueing::MethodRequest::Auto);
}

void TestQnJson::demandFormsGiveTheSameNetwork()
{
    // Bolch et al. 1998 Ex. 7.4 p.287, written three ways: visit ratios V=[5,2.5,2.5,1] per arrival.
    const QByteArray stations =
        R"("stations": [{"name": "s1", "kind": "queue"}, {"name": "s2", "kind": "queue"},
                        {"name": "s3", "kind": "queue"}, {"name": "s4", "kind": "queue"}])";
    const QByteArray service = R"("service_times": {"s1": 0.04, "s2": 0.03, "s3": 0.06, "s4": 0.05})";
    const QByteArray head = R"({"name": "jobs", "kind": "open", "arrival_rate": 4, )";
    const QByteArray demands = "{" + stations + R"(, "classes": [)" + head
        + R"("demands": {"s1": 0.2, "s2": 0.075, "s3": 0.15, "s4": 0.05}}]})";
    const QByteArray visits = "{" + stations + R"(, "classes": [)" + head
        + R"("visits": {"s1": 5, "s2": 2.5, "s3": 2.5, "s4": 1}, )" + service + "}]}";
    const QByteArray routing = "{" + stations + R"(, "classes": [)" + head +
        R"("routing": {"s1": {"s2": 0.5, "s3": 0.5}, "s2": {"s1": 1}, "s3": {"s1": 0.6},
                                              "s4": {"s1": 1}}, "arrivals": {"s4": 1}, )"
        + service + "}]}";
    const io::QnReadResult fromDemands = io::readQnJson(demands);
    const io::QnReadResult fromVisits = io::readQnJson(visits);
    const io::QnReadResult fromRouting = io::readQnJson(routing);
    QVERIFY2(fromDemands.ok(), qPrintable(fromDemands.error.message));
    QVERIFY2(fromVisits.ok(), qPrintable(fromVisits.error.message));
    QVERIFY2(fromRouting.ok(),
        qPrintable(fromRouting.error.field + QStringLiteral(": ") + fromRouting.error.message));
    const auto &a = fromDemands.document->network.classes[0];
    const auto &b = fromVisits.document->network.classes[0];
    const auto &c = fromRouting.document->network.classes[0];
    for (std::size_t k = 0; k < 4; ++k) {
        // 1e-12 relative: the demands are V x S of the same decimal inputs, the routing is one sparse LU
        // solve.
        QVERIFY(std::abs(a.demand(k) - b.demand(k)) <= 1e-12 * b.demand(k));
        QVERIFY(std::abs(c.demand(k) - b.demand(k)) <= 1e-12 * b.demand(k));
        QVERIFY(std::abs(c.visits[k] - b.visits[k]) <= 1e-12 * b.visits[k]);
        QCOMPARE(c.serviceTimes[k], b.serviceTimes[k]);
    }
    QCOMPARE(a.arrivalRate, b.arrivalRate);
    QCOMPARE(c.arrivalRate, b.arrivalRate);
}

void TestQnJson::routingGivesPublishedVisitRatios_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("className");
    QTest::addColumn<std::vector<double>>("visits");
    QTest::newRow("Bolch 1998 Ex. 7.4 p.287 (object form, arrivals)")
        << examplePath("bolch-1998-ex7.4-p287-open-routing.json") << QStringLiteral("jobs")
        << std::vector<double> { 5.0, 2.5, 2.5, 1.0 };
    QTest::newRow("Bolch 1998 closed routing form (matrix)")
        << examplePath("bolch-1998-closed-routing-matrix.json") << QStringLiteral("jobs")
        << std::vector<double> { 1.0, 0.3, 0.7 };
}

void TestQnJson::routingGivesPublishedVisitRatios()
{
    QFETCH(QString, file);
    QFETCH(QString, className);
    QFETCH(std::vector<double>, visits);
    const io::QnReadResult result = io::readQnFile(file);
    QVERIFY2(result.ok(), qPrintable(result.error.field + QStringLiteral(": ") + result.error.message));
    const auto &jobClass = result.document->network.classes[0];
    QCOMPARE(QString::fromStdString(jobClass.name), className);
    QCOMPARE(jobClass.visits.size(), visits.size());
    for (std::size_t k = 0; k < visits.size(); ++k) {
        // Published visit ratios are exact decimals; the solve is accurate to round-off (1e-12).
        QVERIFY2(std::abs(jobClass.visits[k] - visits[k]) <= 1e-12 * std::max(1.0, visits[k]),
            qPrintable(QStringLiteral("station %1: %2 != %3").arg(k).arg(jobClass.visits[k]).arg(visits[k])));
    }
}

void TestQnJson::routingObjectAndMatrixAgree()
{
    // The reference defaults to the first listed station the class routes through: "s0", not "idle".
    const QByteArray stations
        = R"("stations": [{"name": "idle", "kind": "queue"}, {"name": "s0", "kind": "queue"},
        {"name": "s1", "kind": "queue"}, {"name": "s2", "kind": "queue"}, {"name": "s3", "kind": "queue"}])";
    const QByteArray service = R"("service_times": {"s0": 1, "s1": 1, "s2": 1, "s3": 1})";
    const QByteArray json = "{" + stations
        + R"(, "classes": [{"name": "jobs", "kind": "closed", "population": 10,
        "routing": {"s3": {"s1": 1}, "s1": {"s2": 1}, "s2": {"s3": 0.5, "s0": 0.5}, "s0": {"s1": 1}}, )"
        + service + "}]}";
    const io::QnReadResult result = io::readQnJson(json);
    QVERIFY2(result.ok(), qPrintable(result.error.field + QStringLiteral(": ") + result.error.message));
    const auto &visits = result.document->network.classes[0].visits;
    // v0 = 1, v1 = v3 + v0, v2 = v1, v3 = v0 = v2 / 2  =>  V = [0, 1, 2, 2, 1]; round-off only (1e-12).
    const std::vector<double> expected { 0.0, 1.0, 2.0, 2.0, 1.0 };
    for (std::size_t k = 0; k < expected.size(); ++k)
        QVERIFY2(std::abs(visits[k] - expected[k]) < 1e-12, qPrintable(QString::number(visits[k])));

    const QByteArray matrix = "{" + stations
        + R"(, "classes": [{"name": "jobs", "kind": "closed", "population": 10,
        "routing": [[0, 0, 0, 0, 0], [0, 0, 1, 0, 0], [0, 0, 0, 1, 0], [0, 0.5, 0, 0, 0.5], [0, 0, 1, 0, 0]], )"
        + service + "}]}";
    const io::QnReadResult fromMatrix = io::readQnJson(matrix);
    QVERIFY2(fromMatrix.ok(),
        qPrintable(fromMatrix.error.field + QStringLiteral(": ") + fromMatrix.error.message));
    const auto &matrixVisits = fromMatrix.document->network.classes[0].visits;
    for (std::size_t k = 0; k < expected.size(); ++k)
        QVERIFY(std::abs(matrixVisits[k] - visits[k]) < 1e-12);

    // With "reference": "s1" the ratios are rescaled so that s1 has 1.
    QByteArray withReference = json;
    withReference.replace("\"population\": 10,", "\"population\": 10, \"reference\": \"s1\",");
    const io::QnReadResult rescaled = io::readQnJson(withReference);
    QVERIFY2(rescaled.ok(), qPrintable(rescaled.error.field + QStringLiteral(": ") + rescaled.error.message));
    QVERIFY(std::abs(rescaled.document->network.classes[0].visits[1] - 0.5) < 1e-12);
    QVERIFY(std::abs(rescaled.document->network.classes[0].visits[2] - 1.0) < 1e-12);
}

void TestQnJson::methods_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<queueing::MethodRequest>("method");
    QTest::newRow("auto") << QStringLiteral("auto") << queueing::MethodRequest::Auto;
    QTest::newRow("exact") << QStringLiteral("exact") << queueing::MethodRequest::Exact;
    QTest::newRow("approximate") << QStringLiteral("approximate") << queueing::MethodRequest::Approximate;
    QTest::newRow("mva") << QStringLiteral("mva") << queueing::MethodRequest::Mva;
    QTest::newRow("convolution") << QStringLiteral("convolution") << queueing::MethodRequest::Convolution;
    QTest::newRow("bard-schweitzer") << QStringLiteral("bard-schweitzer")
                                     << queueing::MethodRequest::BardSchweitzer;
    QTest::newRow("linearizer") << QStringLiteral("linearizer") << queueing::MethodRequest::Linearizer;
}

void TestQnJson::methods()
{
    QFETCH(QString, name);
    QFETCH(queueing::MethodRequest, method);
    const io::QnReadResult result = io::readQnJson(
        withClasses(R"([{"name": "c", "kind": "closed", "population": 1, "demands": {"cpu": 1}}])",
            R"(, "method": ")" + name.toUtf8() + "\""));
    QVERIFY2(result.ok(), qPrintable(result.error.message));
    QCOMPARE(result.document->options.method, method);
}

namespace {

// A hand-made solution of a two-station network with one open and one closed class.
struct HandMade
{
    queueing::Network network;
    queueing::Solution solution;
};

HandMade handMadeSolution(bool saturated)
{
    HandMade made;
    made.network.stations = { { "cpu", queueing::StationKind::Queue, 2, {} },
        { "think", queueing::StationKind::Delay, 1, {} } };
    queueing::JobClass open;
    open.name = "web";
    open.kind = queueing::ClassKind::Open;
    open.arrivalRate = 0.5;
    open.visits = { 1, 0 };
    open.serviceTimes = { 0.1, 0 };
    queueing::JobClass closed;
    closed.name = "batch";
    closed.population = 3;
    closed.visits = { 1, 1 };
    closed.serviceTimes = { 0.2, 1 };
    made.network.classes = { open, closed };

    queueing::Solution &s = made.solution;
    s.method = queueing::Method::Approximate;
    s.algorithm = queueing::Algorithm::Linearizer;
    s.saturated = saturated;
    s.bottleneck = "cpu";
    s.maxArrivalScale = saturated ? 0.8 : 1.0 / 3.0;
    s.iterations = 17;
    s.converged = true;
    queueing::ClassResult web;
    web.name = "web";
    web.open = true;
    web.throughput = 0.1;
    if (!saturated) {
        web.responseTime = 0.12;
        web.percentiles = queueing::Percentiles { 0.1, 0.2, 0.3, 0.4, true };
    }
    web.bounds.throughputUpper = 0.5;
    web.bounds.responseTimeLower = 0.1;
    web.bounds.responseTimeUpper = 0.0; // no finite bound: written as null
    web.bounds.saturationPopulation = std::numeric_limits<double>::quiet_NaN(); // must never be printed
    web.bottleneck = "cpu";
    queueing::ClassResult batch;
    batch.name = "batch";
    batch.throughput = std::numeric_limits<double>::infinity(); // guard: written as null
    if (!saturated)
        batch.responseTime = 1.5;
    batch.bounds.throughputUpper = 1.0;
    batch.bounds.throughputLower = 0.5;
    batch.bounds.responseTimeLower = 1.2;
    batch.bounds.responseTimeUpper = 3.0;
    batch.bounds.balancedJob = true;
    batch.bounds.saturationPopulation = 6.0;
    batch.bottleneck = "cpu";
    s.classes = { web, batch };
    queueing::StationResult cpu;
    cpu.name = "cpu";
    cpu.utilization = 0.25;
    if (!saturated)
        cpu.queueLength = 0.7;
    queueing::StationClassResult perClass;
    perClass.className = "web";
    perClass.utilization = 0.05;
    perClass.throughput = 0.1;
    if (!saturated) {
        perClass.queueLength = 0.1;
        perClass.residenceTime = 0.12;
    }
    cpu.perClass = { perClass };
    queueing::StationResult think;
    think.name = "think";
    think.utilization = std::numeric_limits<double>::quiet_NaN();
    s.stations = { cpu, think };
    return made;
}

} // namespace

void TestQnJson::writerKeysAreTheContract()
{
    const HandMade made = handMadeSolution(false);
    const QByteArray text = io::writeQnSolution(made.network, made.solution);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QJsonObject root = document.object();
    // The contract's keys (ARCHITECTURE.md) plus the documented additions, spelled exactly.
    QCOMPARE(keysOf(root),
        sorted({ QStringLiteral("method"), QStringLiteral("saturated"), QStringLiteral("bottleneck"),
            QStringLiteral("classes"), QStringLiteral("stations"), QStringLiteral("algorithm"),
            QStringLiteral("max_arrival_scale"), QStringLiteral("iterations"),
            QStringLiteral("converged") }));
    QCOMPARE(root.value(QLatin1String("method")).toString(), QStringLiteral("approximate"));
    QCOMPARE(root.value(QLatin1String("algorithm")).toString(), QStringLiteral("linearizer"));
    QCOMPARE(root.value(QLatin1String("saturated")).toBool(true), false);
    QCOMPARE(root.value(QLatin1String("bottleneck")).toString(), QStringLiteral("cpu"));
    QCOMPARE(root.value(QLatin1String("iterations")).toInt(), 17);
    QCOMPARE(root.value(QLatin1String("converged")).toBool(), true);

    const QJsonObject web = root.value(QLatin1String("classes")).toArray().at(0).toObject();
    QCOMPARE(keysOf(web),
        sorted({ QStringLiteral("name"), QStringLiteral("throughput"), QStringLiteral("response_time"),
            QStringLiteral("response_time_percentiles"), QStringLiteral("percentiles_exact"),
            QStringLiteral("bounds"), QStringLiteral("kind"), QStringLiteral("bottleneck") }));
    QCOMPARE(web.value(QLatin1String("kind")).toString(), QStringLiteral("open"));
    QCOMPARE(keysOf(web.value(QLatin1String("response_time_percentiles")).toObject()),
        sorted(
            { QStringLiteral("p50"), QStringLiteral("p90"), QStringLiteral("p95"), QStringLiteral("p99") }));
    QCOMPARE(web.value(QLatin1String("response_time_percentiles"))
                 .toObject()
                 .value(QLatin1String("p99"))
                 .toDouble(),
        0.4);
    QCOMPARE(web.value(QLatin1String("percentiles_exact")).toBool(), true);
    const QJsonObject bounds = web.value(QLatin1String("bounds")).toObject();
    QCOMPARE(keysOf(bounds),
        sorted({ QStringLiteral("throughput_upper"), QStringLiteral("response_time_lower"),
            QStringLiteral("throughput_lower"), QStringLiteral("response_time_upper"),
            QStringLiteral("balanced_job"), QStringLiteral("saturation_population") }));
    QVERIFY(bounds.value(QLatin1String("response_time_upper")).isNull());
    QVERIFY(bounds.value(QLatin1String("saturation_population")).isNull());
    const QJsonObject batchBounds = root.value(QLatin1String("classes"))
                                        .toArray()
                                        .at(1)
                                        .toObject()
                                        .value(QLatin1String("bounds"))
                                        .toObject();
    QCOMPARE(batchBounds.value(QLatin1String("response_time_upper")).toDouble(), 3.0);
    QCOMPARE(batchBounds.value(QLatin1String("saturation_population")).toDouble(), 6.0);
    QCOMPARE(batchBounds.value(QLatin1String("balanced_job")).toBool(), true);

    const QJsonObject cpu = root.value(QLatin1String("stations")).toArray().at(0).toObject();
    QCOMPARE(keysOf(cpu),
        sorted({ QStringLiteral("name"), QStringLiteral("utilization"), QStringLiteral("queue_length"),
            QStringLiteral("per_class"), QStringLiteral("kind") }));
    QCOMPARE(cpu.value(QLatin1String("kind")).toString(), QStringLiteral("queue"));
    const QJsonObject perClass = cpu.value(QLatin1String("per_class")).toArray().at(0).toObject();
    QCOMPARE(keysOf(perClass),
        sorted({ QStringLiteral("class"), QStringLiteral("utilization"), QStringLiteral("queue_length"),
            QStringLiteral("residence_time"), QStringLiteral("throughput") }));
    QCOMPARE(perClass.value(QLatin1String("class")).toString(), QStringLiteral("web"));
    QCOMPARE(root.value(QLatin1String("stations"))
                 .toArray()
                 .at(1)
                 .toObject()
                 .value(QLatin1String("kind"))
                 .toString(),
        QStringLiteral("delay"));

    // The contract's order: method first, stations last.
    QVERIFY(text.indexOf("\"method\"") < text.indexOf("\"saturated\""));
    QVERIFY(text.indexOf("\"saturated\"") < text.indexOf("\"bottleneck\""));
    QVERIFY(text.indexOf("\"classes\"") < text.indexOf("\"stations\""));

    // An exact solve of a closed network has no iterations, converged or max_arrival_scale keys.
    HandMade exact = handMadeSolution(false);
    exact.solution.method = queueing::Method::Exact;
    exact.solution.algorithm = queueing::Algorithm::ExactMva;
    exact.network.classes.erase(exact.network.classes.begin());
    const QJsonObject exactRoot
        = QJsonDocument::fromJson(io::writeQnSolution(exact.network, exact.solution)).object();
    QVERIFY(!exactRoot.contains(QLatin1String("iterations")));
    QVERIFY(!exactRoot.contains(QLatin1String("converged")));
    QVERIFY(!exactRoot.contains(QLatin1String("max_arrival_scale")));
    QCOMPARE(exactRoot.value(QLatin1String("algorithm")).toString(), QStringLiteral("exact-mva"));
}

void TestQnJson::writerWritesNullNotNaN()
{
    const HandMade made = handMadeSolution(true);
    const QByteArray text = io::writeQnSolution(made.network, made.solution);
    QVERIFY2(!text.contains("nan") && !text.contains("inf") && !text.contains("NaN"), text.constData());
    const QJsonObject root = QJsonDocument::fromJson(text).object();
    QVERIFY(!root.isEmpty());
    QCOMPARE(root.value(QLatin1String("saturated")).toBool(), true);
    QCOMPARE(root.value(QLatin1String("max_arrival_scale")).toDouble(), 0.8);
    const QJsonArray classes = root.value(QLatin1String("classes")).toArray();
    const QJsonObject web = classes.at(0).toObject();
    QVERIFY(web.value(QLatin1String("response_time")).isNull());
    QVERIFY(web.value(QLatin1String("response_time_percentiles")).isNull());
    QCOMPARE(web.value(QLatin1String("percentiles_exact")).toBool(true), false);
    QVERIFY(classes.at(1).toObject().value(QLatin1String("throughput")).isNull()); // infinity
    const QJsonArray stations = root.value(QLatin1String("stations")).toArray();
    QVERIFY(stations.at(0).toObject().value(QLatin1String("queue_length")).isNull());
    const QJsonObject perClass
        = stations.at(0).toObject().value(QLatin1String("per_class")).toArray().at(0).toObject();
    QVERIFY(perClass.value(QLatin1String("queue_length")).isNull());
    QVERIFY(perClass.value(QLatin1String("residence_time")).isNull());
    QVERIFY(stations.at(1).toObject().value(QLatin1String("utilization")).isNull()); // NaN

    // Open classes limited by no station (delay stations only): the solver's "no limit" is written as null.
    HandMade unlimited = handMadeSolution(false);
    unlimited.solution.maxArrivalScale = std::numeric_limits<double>::max();
    const QJsonObject unlimitedRoot
        = QJsonDocument::fromJson(io::writeQnSolution(unlimited.network, unlimited.solution)).object();
    QVERIFY(unlimitedRoot.contains(QLatin1String("max_arrival_scale")));
    QVERIFY(unlimitedRoot.value(QLatin1String("max_arrival_scale")).isNull());
}

void TestQnJson::writerEscapesNames()
{
    HandMade made = handMadeSolution(false);
    const std::string name = "we\"b\\\n\x01 caf\xc3\xa9";
    made.solution.classes[0].name = name;
    QJsonParseError error;
    const QJsonDocument document
        = QJsonDocument::fromJson(io::writeQnSolution(made.network, made.solution), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QCOMPARE(document.object()
                 .value(QLatin1String("classes"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("name"))
                 .toString(),
        QString::fromStdString(name));
}

void TestQnJson::writerNumbersRoundTrip()
{
    HandMade made = handMadeSolution(false);
    const double values[] = { 0.1, 1.0 / 3.0, 2.0 / 19.0, 1e-300, 123456789.125, 5e-324 };
    for (const double x : values) {
        made.solution.classes[0].throughput = x;
        const QByteArray text = io::writeQnSolution(made.network, made.solution);
        const QJsonObject root = QJsonDocument::fromJson(text).object();
        const double back = root.value(QLatin1String("classes"))
                                .toArray()
                                .at(0)
                                .toObject()
                                .value(QLatin1String("throughput"))
                                .toDouble();
        QCOMPARE(back, x); // bit-exact
    }
    made.solution.classes[0].throughput = 0.1;
    QVERIFY(
        io::writeQnSolution(made.network, made.solution).contains("\"throughput\": 0.1,")); // shortest form
}

QTEST_GUILESS_MAIN(TestQnJson)
#include "tst_qnjson.moc"
