// Size limits of the document and qn readers (issue 7, part 5; docs/limits.md): one row per limit,
// just above it (refused with an error naming the field and the limit) and at it (the limit lets the
// input through: the error, if any, is about the first element, not the size). Inputs are generated
// here from the golden tests/data/projects/minimal.iovplan; list elements that only need counting are
// empty objects, so each row stays small and fast even at 1,000,000 cables.
#include "model/io/projectdocument.h"
#include "model/io/qnjsonreader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace iovplan;

namespace {

const QByteArray placeholder = "\"@@fill@@\"";

QJsonObject golden()
{
    QFile file(QFINDTESTDATA("../data/projects/minimal.iovplan"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("tests/data/projects/minimal.iovplan is missing");
    return QJsonDocument::fromJson(file.readAll()).object();
}

// `node` with the value at the dotted path ("scenarios[0].design.servers") replaced by `value`.
QJsonValue setAt(const QJsonValue &node, QStringList keys, const QJsonValue &value)
{
    if (keys.isEmpty())
        return value;
    const QString key = keys.takeFirst();
    QJsonObject object = node.toObject();
    const qsizetype bracket = key.indexOf(QLatin1Char('['));
    if (bracket < 0) {
        object[key] = setAt(object.value(key), keys, value);
        return object;
    }
    const QString name = key.left(bracket);
    const int index = key.mid(bracket + 1, key.size() - bracket - 2).toInt();
    QJsonArray array = object.value(name).toArray();
    array[index] = setAt(array.at(index), keys, value);
    object[name] = array;
    return object;
}

// n copies of `element` separated by commas, inside `open` and `close`; built as bytes, which is
// much faster than a QJsonArray of a million elements.
QByteArray repeated(qsizetype n, const QByteArray &open, const QByteArray &element, const QByteArray &close)
{
    QByteArray bytes = open;
    bytes.reserve(open.size() + n * (element.size() + 1) + close.size());
    for (qsizetype i = 0; i < n; ++i) {
        if (i > 0)
            bytes += ',';
        bytes += element;
    }
    return bytes + close;
}

// The golden document with the list at `path` holding `n` empty objects (`catalog`: n empty items).
QByteArray documentWith(const QString &path, qsizetype n)
{
    const QByteArray base
        = QJsonDocument(setAt(golden(), path.split(QLatin1Char('.')), QString::fromLatin1(placeholder.mid(1, placeholder.size() - 2))).toObject())
              .toJson(QJsonDocument::Compact);
    QByteArray list;
    if (path == u"catalog") {
        list = "{";
        for (qsizetype i = 0; i < n; ++i)
            list += (i > 0 ? ",\"x" : "\"x") + QByteArray::number(i) + "\":{}";
        list += '}';
    } else {
        list = repeated(n, "[", "{}", "]");
    }
    QByteArray document = base;
    document.replace(placeholder, list);
    return document;
}

// The golden document with n copies of its scenario, each renamed.
QByteArray documentWithScenarios(qsizetype n)
{
    QJsonObject root = golden();
    const QJsonObject scenario = root.value(QStringLiteral("scenarios")).toArray().at(0).toObject();
    QJsonArray scenarios;
    for (qsizetype i = 0; i < n; ++i) {
        QJsonObject copy = scenario;
        copy[QStringLiteral("name")] = QStringLiteral("s%1").arg(i);
        scenarios.append(copy);
    }
    root[QStringLiteral("scenarios")] = scenarios;
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

// The golden document with an extra top-level key holding arrays nested so that the whole document
// is `depth` levels deep (the root object is level 1).
QByteArray documentNested(qsizetype depth)
{
    QByteArray document = QJsonDocument(golden()).toJson(QJsonDocument::Compact);
    document.chop(1); // the root's closing brace
    return document + ",\"deep\":" + QByteArray(depth - 1, '[') + QByteArray(depth - 1, ']') + '}';
}

bool mentionsLimit(const QString &message)
{
    return message.contains(QStringLiteral("limit"));
}

} // namespace

class TestLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void documentListLimits_data()
    {
        const io::DocumentLimits limits;
        QTest::addColumn<QString>("path");
        QTest::addColumn<qsizetype>("limit");
        QTest::addColumn<QString>("noun");
        const auto row = [](const char *name, const char *path, qsizetype limit, const char *noun) {
            QTest::newRow(name) << QString::fromLatin1(path) << limit << QString::fromLatin1(noun);
        };
        row("catalog items", "catalog", limits.maxCatalogItems, "pinned items");
        row("specs of an item", "catalog.srv-1u.specs", limits.maxSpecsPerItem, "specs");
        row("racks", "scenarios[0].design.racks", limits.maxRacks, "racks");
        row("fabrics", "scenarios[0].design.fabrics", limits.maxFabrics, "fabrics");
        row("servers", "scenarios[0].design.servers", limits.maxServers, "servers");
        row("switches", "scenarios[0].design.switches", limits.maxSwitches, "switches");
        row("gateways", "scenarios[0].design.gateways", limits.maxGateways, "gateways");
        row("storage arrays", "scenarios[0].design.storage", limits.maxStorageArrays, "storage arrays");
        row("cables", "scenarios[0].design.cables", limits.maxCables, "cables");
        row("adapter slots", "scenarios[0].design.servers[0].adapters", limits.maxSlotsPerDevice, "slots");
        row("gateway modules", "scenarios[0].design.gateways[0].modules", limits.maxSlotsPerDevice, "slots");
        row("VM profiles", "scenarios[0].workload.profiles", limits.maxVmProfiles, "VM profiles");
    }

    void documentListLimits()
    {
        QFETCH(QString, path);
        QFETCH(qsizetype, limit);
        QFETCH(QString, noun);

        const io::ProjectReadResult above = io::readProjectJson(documentWith(path, limit + 1));
        QVERIFY(!above.ok());
        QCOMPARE(above.error.field, path);
        QCOMPARE(above.error.message,
            QStringLiteral("has %1 %2, more than the limit of %3").arg(limit + 1).arg(noun).arg(limit));

        // At the limit the count passes and reading goes on to the first (empty) element.
        const io::ProjectReadResult at = io::readProjectJson(documentWith(path, limit));
        QVERIFY(!at.ok());
        QVERIFY2(!mentionsLimit(at.error.message), qPrintable(at.error.field + QStringLiteral(": ") + at.error.message));
        QVERIFY2(at.error.field.startsWith(path), qPrintable(at.error.field));
    }

    void scenarioLimit()
    {
        const qsizetype limit = io::DocumentLimits().maxScenarios;
        const io::ProjectReadResult at = io::readProjectJson(documentWithScenarios(limit));
        QVERIFY2(at.ok(), qPrintable(at.error.field + QStringLiteral(": ") + at.error.message));
        QCOMPARE(qsizetype(at.project->scenarios.size()), limit);

        const io::ProjectReadResult above = io::readProjectJson(documentWithScenarios(limit + 1));
        QVERIFY(!above.ok());
        QCOMPARE(above.error.field, QStringLiteral("scenarios"));
        QCOMPARE(above.error.message, QStringLiteral("has 65 scenarios, more than the limit of 64"));
    }

    void documentNesting()
    {
        const qsizetype limit = io::DocumentLimits().maxNestingDepth;
        const io::ProjectReadResult at = io::readProjectJson(documentNested(limit));
        QVERIFY2(at.ok(), qPrintable(at.error.field + QStringLiteral(": ") + at.error.message));
        const io::ProjectReadResult above = io::readProjectJson(documentNested(limit + 1));
        QVERIFY(!above.ok());
        QVERIFY2(above.error.message.endsWith(QStringLiteral(": arrays and objects are nested more than 64 levels deep, more than the limit of 64")),
            qPrintable(above.error.message));
        // Far beyond Qt's own limit of 1024 levels: still the same early, clear refusal.
        const io::ProjectReadResult far = io::readProjectJson(QByteArray(100000, '['));
        QVERIFY(mentionsLimit(far.error.message));
    }

    void documentBytes()
    {
        const QByteArray valid = QJsonDocument(golden()).toJson(QJsonDocument::Compact);
        io::DocumentLimits limits;
        limits.maxFileBytes = valid.size() + 100;
        const QByteArray atLimit = valid + QByteArray(100, ' ');
        QVERIFY(io::readProjectJson(atLimit, io::documentMigrations(), limits).ok());
        const io::ProjectReadResult above = io::readProjectJson(atLimit + ' ', io::documentMigrations(), limits);
        QVERIFY(!above.ok());
        QCOMPARE(above.error.message,
            QStringLiteral("the document is %1 bytes, more than the limit of %2 bytes").arg(atLimit.size() + 1).arg(limits.maxFileBytes));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plan.iovplan"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.write(atLimit) == atLimit.size());
        file.close();
        QVERIFY(io::readProjectFile(path, io::documentMigrations(), limits).ok());

        // The default limit, on a sparse file one byte larger: refused by its size, before reading.
        const qint64 defaultLimit = io::DocumentLimits().maxFileBytes;
        QCOMPARE(defaultLimit, qint64(256) * 1024 * 1024);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.resize(defaultLimit + 1));
        file.close();
        const io::ProjectReadResult huge = io::readProjectFile(path);
        QVERIFY(!huge.ok());
        QCOMPARE(huge.error.message,
            QStringLiteral("the file %1 is %2 bytes, more than the limit of %3 bytes").arg(path).arg(defaultLimit + 1).arg(defaultLimit));
    }

    void qnLimits_data()
    {
        const io::QnLimits limits;
        QTest::addColumn<QByteArray>("aboveLimit");
        QTest::addColumn<QByteArray>("atLimit");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        const QByteArray oneClass = R"(,"classes":[{"name":"c","kind":"open","arrival_rate":1,"demands":{"s0":1}}]})";
        const QByteArray oneStation = R"({"stations":[{"name":"s0","kind":"delay"}])";
        const auto stations = [&](qsizetype n) {
            QByteArray list = "{\"stations\":[";
            for (qsizetype i = 0; i < n; ++i)
                list += (i > 0 ? ",{\"name\":\"s" : "{\"name\":\"s") + QByteArray::number(i) + "\",\"kind\":\"delay\"}";
            return list + "]";
        };
        const auto classes = [&](qsizetype n) { return repeated(n, ",\"classes\":[", "{}", "]}"); };
        const auto closed = [&](qint64 population) {
            return oneStation + R"(,"classes":[{"name":"c","kind":"closed","population":)" + QByteArray::number(population)
                + R"(,"demands":{"s0":1}}]})";
        };
        const auto servers = [&](qint64 n) {
            return R"({"stations":[{"name":"s0","kind":"queue","servers":)" + QByteArray::number(n) + "}]" + oneClass;
        };
        const auto multipliers = [&](qsizetype n) {
            return repeated(n, R"({"stations":[{"name":"s0","kind":"load-dependent","rate_multipliers":[)", "1", "]}]")
                + oneClass;
        };
        QTest::newRow("stations") << repeated(limits.maxStations + 1, "{\"stations\":[", "{}", "]") + oneClass
                                  << repeated(limits.maxStations, "{\"stations\":[", "{}", "]") + oneClass
                                  << QStringLiteral("stations")
                                  << QStringLiteral("has 200001 stations, more than the limit of 200000");
        QTest::newRow("classes") << oneStation + classes(limits.maxClasses + 1) << oneStation + classes(limits.maxClasses)
                                 << QStringLiteral("classes")
                                 << QStringLiteral("has 1001 classes, more than the limit of 1000");
        QTest::newRow("stations x classes") << stations(4001) + classes(1000) << stations(4000) + classes(1000)
                                            << QStringLiteral("classes")
                                            << QStringLiteral("4001 stations x 1000 classes = 4001000 entries, more than the limit of 4000000");
        QTest::newRow("servers") << servers(limits.maxServers + 1) << servers(limits.maxServers)
                                 << QStringLiteral("stations[0].servers") << QString();
        QTest::newRow("rate multipliers") << multipliers(limits.maxRateMultipliers + 1) << multipliers(limits.maxRateMultipliers)
                                          << QStringLiteral("stations[0].rate_multipliers")
                                          << QStringLiteral("has 100001 values, more than the limit of 100000");
        QTest::newRow("population") << closed(limits.maxPopulation + 1) << closed(limits.maxPopulation)
                                    << QStringLiteral("classes[0].population") << QString();
        QTest::newRow("nesting") << oneStation + R"(,"x":)" + QByteArray(64, '[') + QByteArray(64, ']') + oneClass
                                 << oneStation + R"(,"x":)" + QByteArray(63, '[') + QByteArray(63, ']') + oneClass
                                 << QString() << QString();
    }

    void qnLimits()
    {
        QFETCH(QByteArray, aboveLimit);
        QFETCH(QByteArray, atLimit);
        QFETCH(QString, field);
        QFETCH(QString, message);
        const io::QnReadResult above = io::readQnJson(aboveLimit);
        QVERIFY(!above.ok());
        QCOMPARE(above.error.field, field);
        if (message.isEmpty())
            QVERIFY2(mentionsLimit(above.error.message) || above.error.message.contains(QStringLiteral("at most")),
                qPrintable(above.error.message));
        else
            QCOMPARE(above.error.message, message);
        const io::QnReadResult at = io::readQnJson(atLimit);
        QVERIFY2(!mentionsLimit(at.error.message) && !at.error.message.contains(QStringLiteral("at most")),
            qPrintable(at.error.field + QStringLiteral(": ") + at.error.message));
    }

    void qnBytes()
    {
        const QByteArray valid = R"({"stations":[{"name":"s0","kind":"delay"}],"classes":[{"name":"c","kind":"open","arrival_rate":1,"demands":{"s0":1}}]})";
        io::QnLimits limits;
        limits.maxFileBytes = valid.size() + 10;
        QVERIFY(io::readQnJson(valid + QByteArray(10, ' '), limits).ok());
        const io::QnReadResult above = io::readQnJson(valid + QByteArray(11, ' '), limits);
        QVERIFY(!above.ok());
        QVERIFY2(above.error.message.endsWith(QStringLiteral("more than the limit of %1").arg(limits.maxFileBytes)),
            qPrintable(above.error.message));
    }
};

QTEST_GUILESS_MAIN(TestLimits)
#include "tst_limits.moc"
