// Project documents refused on load (issue 3, parts 4 and 7): malformed, truncated and newer
// documents, unknown and duplicate ids, duplicate keys, negative counts, non-finite numbers, wrong
// types, wrong item kinds and broken cross-checks each give an error naming the field; truncated or
// mangled bytes never crash; physical problems (designcheck's business) do not stop a load.
// Every variant is made from the golden tests/data/projects/minimal.iovplan.
#include "model/io/projectchecks.h"
#include "model/io/projectdocument.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace iovplan;

namespace {

QByteArray golden()
{
    static const QByteArray bytes = [] {
        QFile file(QFINDTESTDATA("../data/projects/minimal.iovplan"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("tests/data/projects/minimal.iovplan is missing");
        return file.readAll();
    }();
    return bytes;
}

QJsonObject goldenJson()
{
    return QJsonDocument::fromJson(golden()).object();
}

// The value at a dotted path with [i] indices ("scenarios[0].design.servers[0].position_u") set to
// `value`; an undefined value removes the key.
QJsonValue setAt(const QJsonValue &node, QStringList keys, const QJsonValue &value)
{
    if (keys.isEmpty())
        return value;
    QString key = keys.takeFirst();
    const qsizetype bracket = key.indexOf(QLatin1Char('['));
    if (bracket >= 0) {
        const int index = key.mid(bracket + 1, key.size() - bracket - 2).toInt();
        const QString name = key.left(bracket);
        QJsonObject object = node.toObject();
        QJsonArray array = object.value(name).toArray();
        if (index >= array.size())
            qFatal("setAt: no element %d in %s", index, qPrintable(name));
        array[index] = setAt(array.at(index), keys, value);
        object[name] = array;
        return object;
    }
    QJsonObject object = node.toObject();
    object[key] = setAt(object.value(key), keys, value);
    return object;
}

QByteArray withValue(const QString &path, const QJsonValue &value)
{
    return QJsonDocument(setAt(goldenJson(), path.split(QLatin1Char('.')), value).toObject()).toJson();
}

// The value at `path` of the golden document.
QJsonValue valueAt(const QString &path)
{
    QJsonValue node = goldenJson();
    for (const QString &key : path.split(QLatin1Char('.'))) {
        const qsizetype bracket = key.indexOf(QLatin1Char('['));
        node = bracket >= 0 ? node[key.left(bracket)][key.mid(bracket + 1, key.size() - bracket - 2).toInt()] : node[key];
    }
    return node;
}

// The golden document with `element` appended to the array at `path`.
QByteArray withAppended(const QString &path, const QJsonValue &element)
{
    QJsonArray array = valueAt(path).toArray();
    array.append(element);
    return withValue(path, array);
}

// The golden bytes with the one occurrence of `from` replaced by `to`, for edits JSON values cannot
// express (duplicate keys, 1e999).
QByteArray withText(const char *from, const char *to)
{
    QByteArray bytes = golden();
    if (bytes.count(from) != 1)
        qFatal("withText: '%s' does not occur exactly once in minimal.iovplan", from);
    return bytes.replace(from, to);
}

// A path below `base`: at(server, ".item_id").
QString at(const QString &base, const char *rest)
{
    return base + QString::fromUtf8(rest);
}

const QString cables = QStringLiteral("scenarios[0].design.cables");
const QString server = QStringLiteral("scenarios[0].design.servers[0]");

} // namespace

class TestProjectDocumentRejects : public QObject
{
    Q_OBJECT

private slots:
    void goldenLoads()
    {
        const io::ProjectReadResult read = io::readProjectJson(golden());
        QVERIFY2(read.ok(), qPrintable(read.error.field + QStringLiteral(": ") + read.error.message));
        QVERIFY(!io::checkProject(*read.project));
        QCOMPARE(read.project->scenarios.at(0).design.cables.at(1).to.deviceId, QStringLiteral("lan"));
    }

    void badInput_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("messagePart");
        const auto row = [](const char *name, const QByteArray &json, const QString &field, const char *part) {
            QTest::newRow(name) << json << field << QString::fromUtf8(part);
        };

        // Malformed, truncated, not an object, non-finite numbers: Qt's parser refuses them.
        row("malformed", QByteArray("{\"format\": "), QString(), "not valid JSON");
        row("empty", QByteArray(), QString(), "not valid JSON");
        row("truncated", golden().left(golden().size() / 2), QString(), "not valid JSON");
        row("trailing garbage", golden() + "}", QString(), "not valid JSON");
        row("top-level array", QByteArray("[1, 2]"), QString(), "must be a JSON object");
        row("non-finite 1e999", withText("\"pue\": 1.5", "\"pue\": 1e999"), QString(), "not valid JSON");
        row("non-finite -1e999", withText("\"pue\": 1.5", "\"pue\": -1e999"), QString(), "not valid JSON");
        row("NaN literal", withText("\"pue\": 1.5", "\"pue\": NaN"), QString(), "not valid JSON");
        row("Infinity literal", withText("\"pue\": 1.5", "\"pue\": Infinity"), QString(), "not valid JSON");
        row("nested too deep", QByteArray(5000, '[') + QByteArray(5000, ']'), QString(), "not valid JSON");

        // Format and version.
        row("wrong format", withValue(QStringLiteral("format"), QStringLiteral("qn")), QStringLiteral("format"), "must be 'iovplan'");
        row("version missing", withValue(QStringLiteral("version"), QJsonValue(QJsonValue::Undefined)), QStringLiteral("version"), "is missing");
        row("version newer", withValue(QStringLiteral("version"), io::currentDocumentVersion + 1), QStringLiteral("version"), "newer IOV Planner");
        row("version as string", withValue(QStringLiteral("version"), QStringLiteral("2")), QStringLiteral("version"), "must be a number");
        row("version fractional", withValue(QStringLiteral("version"), 1.5), QStringLiteral("version"), "whole number");
        row("version without migration", withValue(QStringLiteral("version"), 0), QStringLiteral("version"), "cannot migrate");

        // Duplicate keys, which QJsonDocument would silently merge.
        row("duplicate top-level key", withText("\"format\": \"iovplan\",", "\"format\": \"iovplan\", \"format\": \"iovplan\","),
            QStringLiteral("format"), "duplicate key 'format'");
        row("duplicate nested key", withText("\"position_u\": 1,", "\"position_u\": 1, \"position_u\": 2,"),
            at(server, ".position_u"), "duplicate key");
        row("duplicate key spelled with an escape", withText("\"name\": \"web-1\",", "\"name\": \"web-1\", \"na\\u006de\": \"web-2\","),
            at(server, ".name"), "duplicate key 'name'");
        row("duplicate catalog item id", withText("\"nic-gige\": {", "\"nic-gige\": {}, \"nic-gige\": {"),
            QStringLiteral("catalog.nic-gige"), "item id");

        // Unknown and duplicate ids.
        row("unknown server item", withValue(at(server, ".item_id"), QStringLiteral("nope")), at(server, ".item_id"), "does not pin");
        row("unknown adapter item", withValue(at(server, ".adapters[0].item_id"), QStringLiteral("x")), at(server, ".adapters[0].item_id"), "does not pin");
        row("unknown module item", withValue(QStringLiteral("scenarios[0].design.gateways[0].modules[0].item_id"), QStringLiteral("x")),
            QStringLiteral("scenarios[0].design.gateways[0].modules[0].item_id"), "does not pin");
        row("unknown transceiver item", withValue(at(cables, "[1].transceiver_item_ids"), QJsonArray { QStringLiteral("sfp-lx") }),
            at(cables, "[1].transceiver_item_ids[0]"), "does not pin");
        row("duplicate design id", withValue(QStringLiteral("scenarios[0].design.switches[0].id"), QStringLiteral("s1")),
            QStringLiteral("scenarios[0].design.switches[0].id"), "duplicates id 's1'");
        row("fabric id reused by a rack", withValue(QStringLiteral("scenarios[0].design.fabrics[1].id"), QStringLiteral("rack-a")),
            QStringLiteral("scenarios[0].design.fabrics[1].id"), "duplicates id");
        row("duplicate scenario name", withAppended(QStringLiteral("scenarios"), valueAt(QStringLiteral("scenarios[0]"))),
            QStringLiteral("scenarios[1].name"), "duplicates scenario name");
        row("empty catalog id", withText("\"nic-gige\": {", "\"\": {}, \"nic-gige\": {"), QStringLiteral("catalog."), "must not be empty");

        // Negative and out-of-range counts and sizes.
        row("negative position", withValue(at(server, ".position_u"), -3), at(server, ".position_u"), ">= 1");
        row("position above rack", withValue(at(server, ".position_u"), 43), at(server, ".position_u"), "at most 42");
        row("negative VM count", withValue(QStringLiteral("scenarios[0].workload.profiles[0].vms_per_server"), -1),
            QStringLiteral("scenarios[0].workload.profiles[0].vms_per_server"), ">= 0");
        row("fractional vCPUs", withValue(QStringLiteral("scenarios[0].workload.profiles[0].vcpus"), 1.5),
            QStringLiteral("scenarios[0].workload.profiles[0].vcpus"), "whole number");
        row("vCPU utilization above one", withValue(QStringLiteral("scenarios[0].workload.profiles[0].vcpu_utilization"), 1.5),
            QStringLiteral("scenarios[0].workload.profiles[0].vcpu_utilization"), "fraction in [0, 1]");
        row("unknown network transport", withValue(QStringLiteral("scenarios[0].workload.profiles[0].network_transport"), QStringLiteral("udp")),
            QStringLiteral("scenarios[0].workload.profiles[0].network_transport"), "\"tcp\" or \"rdma\"");
        row("negative size", withValue(QStringLiteral("scenarios[0].workload.profiles[0].block_bytes"), -4096),
            QStringLiteral("scenarios[0].workload.profiles[0].block_bytes"), ">= 0");
        row("negative price", withValue(QStringLiteral("catalog.srv-1u.price_usd"), -1), QStringLiteral("catalog.srv-1u.price_usd"), ">= 0");
        row("zero adapter slot", withValue(at(server, ".adapters[0].slot"), 0), at(server, ".adapters[0].slot"), ">= 1");
        row("negative cable slot", withValue(at(cables, "[0].from.slot"), -1), at(cables, "[0].from.slot"), ">= 0");
        row("negative cable port", withValue(at(cables, "[0].to.port"), -2), at(cables, "[0].to.port"), ">= 0");
        row("rack height zero", withValue(QStringLiteral("scenarios[0].design.racks[0].height_u"), 0),
            QStringLiteral("scenarios[0].design.racks[0].height_u"), ">= 1");
        row("zero latency target", withValue(QStringLiteral("scenarios[0].workload.sla.latency_s"), 0),
            QStringLiteral("scenarios[0].workload.sla.latency_s"), "> 0");
        row("pue below 1", withValue(QStringLiteral("scenarios[0].assumptions.pue"), 0.5), QStringLiteral("scenarios[0].assumptions.pue"), ">= 1");
        row("maintenance over 100", withValue(QStringLiteral("catalog.srv-1u.maintenance_pct_per_year"), 101),
            QStringLiteral("catalog.srv-1u.maintenance_pct_per_year"), "[0, 100]");

        // Wrong types.
        row("height as string", withValue(QStringLiteral("scenarios[0].design.racks[0].height_u"), QStringLiteral("42")),
            QStringLiteral("scenarios[0].design.racks[0].height_u"), "must be a number");
        row("bool as number", withValue(QStringLiteral("scenarios[0].assumptions.ha_dual_homing"), 1),
            QStringLiteral("scenarios[0].assumptions.ha_dual_homing"), "true or false");
        row("catalog as array", withValue(QStringLiteral("catalog"), QJsonArray()), QStringLiteral("catalog"), "must be an object");
        row("scenarios as object", withValue(QStringLiteral("scenarios"), QJsonObject()), QStringLiteral("scenarios"), "must be an array");
        row("name null", withValue(QStringLiteral("name"), QJsonValue(QJsonValue::Null)), QStringLiteral("name"), "must be a string");
        row("spec as string", withValue(QStringLiteral("catalog.srv-1u.specs[0]"), QStringLiteral("1U")),
            QStringLiteral("catalog.srv-1u.specs[0]"), "must be an object");
        row("cable end as array", withValue(at(cables, "[0].from"), QJsonArray()), at(cables, "[0].from"), "must be an object");
        row("transceivers as string", withValue(at(cables, "[1].transceiver_item_ids"), QStringLiteral("sfp-sx")),
            at(cables, "[1].transceiver_item_ids"), "must be an array");
        row("transceiver id as number", withValue(at(cables, "[1].transceiver_item_ids"), QJsonArray { 7 }),
            at(cables, "[1].transceiver_item_ids[0]"), "must be a string");
        row("design missing", withValue(QStringLiteral("scenarios[0].design"), QJsonValue(QJsonValue::Undefined)),
            QStringLiteral("scenarios[0].design"), "must be an object");
        row("unknown iov mode", withValue(QStringLiteral("scenarios[0].iov_mode"), QStringLiteral("sr-iov")),
            QStringLiteral("scenarios[0].iov_mode"), "bare-metal");
        row("unknown item kind", withValue(QStringLiteral("catalog.nic-gige.kind"), QStringLiteral("nic")),
            QStringLiteral("catalog.nic-gige.kind"), "not an item kind");

        // Version-2 keys are required.
        row("cable end slot missing", withValue(at(cables, "[0].to.slot"), QJsonValue(QJsonValue::Undefined)), at(cables, "[0].to.slot"), "is missing");
        row("transceivers missing", withValue(at(cables, "[0].transceiver_item_ids"), QJsonValue(QJsonValue::Undefined)),
            at(cables, "[0].transceiver_item_ids"), "is missing");
        row("three transceivers", withValue(at(cables, "[1].transceiver_item_ids"),
                                      QJsonArray { QStringLiteral("sfp-sx"), QStringLiteral("sfp-sx"), QStringLiteral("sfp-sx") }),
            at(cables, "[1].transceiver_item_ids"), "at most 2");

        // Item kinds by role.
        row("server item is an adapter", withValue(at(server, ".item_id"), QStringLiteral("nic-gige")), at(server, ".item_id"), "of kind 'server'");
        row("adapter item is a server", withValue(at(server, ".adapters[0].item_id"), QStringLiteral("srv-1u")),
            at(server, ".adapters[0].item_id"), "of kind 'adapter'");
        row("switch item is a cable", withValue(QStringLiteral("scenarios[0].design.switches[0].item_id"), QStringLiteral("cat6-3m")),
            QStringLiteral("scenarios[0].design.switches[0].item_id"), "of kind 'switch'");
        row("gateway item is a module", withValue(QStringLiteral("scenarios[0].design.gateways[0].item_id"), QStringLiteral("gw-mod-eth")),
            QStringLiteral("scenarios[0].design.gateways[0].item_id"), "of kind 'gateway'");
        row("module item is a gateway", withValue(QStringLiteral("scenarios[0].design.gateways[0].modules[0].item_id"), QStringLiteral("gw-ib-eth")),
            QStringLiteral("scenarios[0].design.gateways[0].modules[0].item_id"), "of kind 'gateway-module'");
        row("cable item is a transceiver", withValue(at(cables, "[0].item_id"), QStringLiteral("sfp-sx")), at(cables, "[0].item_id"), "of kind 'cable'");
        row("transceiver is a cable", withValue(at(cables, "[1].transceiver_item_ids"), QJsonArray { QStringLiteral("sfp-sx"), QStringLiteral("om3-10m") }),
            at(cables, "[1].transceiver_item_ids[1]"), "of kind 'transceiver'");

        // Cable ends.
        row("cable end names a rack", withValue(at(cables, "[0].to.device_id"), QStringLiteral("rack-a")),
            at(cables, "[0].to.device_id"), "not a server, switch, gateway, storage array or fabric");
        row("cable to nowhere", withValue(at(cables, "[0].to.device_id"), QStringLiteral("ghost")), at(cables, "[0].to.device_id"), "not a server");
        row("unknown cable fabric", withValue(at(cables, "[0].fabric_id"), QStringLiteral("san")), at(cables, "[0].fabric_id"), "not a fabric");
        row("device end port 0", withValue(at(cables, "[0].from.port"), 0), at(cables, "[0].from.port"), ">= 1 at a device end");
        row("fabric end port 1", withValue(at(cables, "[1].to.port"), 1), at(cables, "[1].to.port"), "must be 0 at a fabric end");
        row("fabric end slot 1", withValue(at(cables, "[1].to.slot"), 1), at(cables, "[1].to.slot"), "must be 0 at a fabric end");
        row("fabric end on another fabric", withValue(at(cables, "[1].to.device_id"), QStringLiteral("ib")),
            at(cables, "[1].to.device_id"), "cable is on fabric 'lan'");

        // VM profiles.
        row("profile group without servers", withValue(QStringLiteral("scenarios[0].workload.profiles[0].server_group"), QStringLiteral("db")),
            QStringLiteral("scenarios[0].workload.profiles[0].server_group"), "no server");
        row("duplicate profile name", withAppended(QStringLiteral("scenarios[0].workload.profiles"),
                                          valueAt(QStringLiteral("scenarios[0].workload.profiles[0]"))),
            QStringLiteral("scenarios[0].workload.profiles[1].name"), "duplicates profile name 'web VM'");
    }

    void badInput()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        QFETCH(QString, messagePart);
        const io::ProjectReadResult read = io::readProjectJson(json);
        QVERIFY(!read.ok());
        QCOMPARE(read.error.field, field);
        QVERIFY2(read.error.message.contains(messagePart), qPrintable(read.error.message));
    }

    // The same refusals from files (tests/data/projects/bad/), as the CLI and the GUI meet them.
    void badFile_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("duplicate item id") << QStringLiteral("duplicate-item-id.iovplan") << QStringLiteral("catalog.sfp-sx")
                                           << QStringLiteral("duplicate key 'sfp-sx' in catalog");
        QTest::newRow("truncated") << QStringLiteral("truncated.iovplan") << QString() << QStringLiteral("not valid JSON");
        QTest::newRow("newer version") << QStringLiteral("newer-version.iovplan") << QStringLiteral("version")
                                       << QStringLiteral("newer IOV Planner");
        QTest::newRow("wrong kind") << QStringLiteral("wrong-kind.iovplan") << QStringLiteral("scenarios[0].design.servers[0].item_id")
                                    << QStringLiteral("kind 'adapter'");
        QTest::newRow("profile without servers") << QStringLiteral("profile-without-servers.iovplan")
                                                 << QStringLiteral("scenarios[0].workload.profiles[0].server_group")
                                                 << QStringLiteral("group 'db'");
        QTest::newRow("negative size") << QStringLiteral("negative-size.iovplan")
                                       << QStringLiteral("scenarios[0].workload.profiles[0].block_bytes") << QStringLiteral(">= 0");
        QTest::newRow("non-finite") << QStringLiteral("non-finite.iovplan") << QString() << QStringLiteral("not valid JSON");
    }

    void badFile()
    {
        QFETCH(QString, file);
        QFETCH(QString, field);
        QFETCH(QString, messagePart);
        const QString path = QFINDTESTDATA(QStringLiteral("../data/projects/bad/") + file);
        QVERIFY2(!path.isEmpty(), qPrintable(file + QStringLiteral(" is missing")));
        const io::ProjectReadResult read = io::readProjectFile(path);
        QVERIFY(!read.ok());
        QCOMPARE(read.error.field, field);
        QVERIFY2(read.error.message.contains(messagePart), qPrintable(read.error.message));
    }

    void everyTruncationIsRefused()
    {
        // Every prefix that stops before the closing brace; only trailing whitespace may be dropped.
        const QByteArray bytes = golden();
        const qsizetype lastBrace = bytes.lastIndexOf('}');
        QVERIFY(lastBrace > 1000);
        for (qsizetype n = 0; n < lastBrace; ++n) {
            const io::ProjectReadResult read = io::readProjectJson(bytes.left(n));
            if (read.ok() || read.error.message.isEmpty())
                QFAIL(qPrintable(QStringLiteral("the first %1 bytes were not refused").arg(n)));
        }
        QVERIFY(io::readProjectJson(bytes.left(lastBrace + 1)).ok());
    }

    void mangledBytesNeverCrash()
    {
        // One byte replaced at a time by a structural or numeric character: the reader either refuses
        // with a message or reads a project that then writes and reads back unchanged.
        const QByteArray bytes = golden();
        const QByteArray replacements("\"{}[],:0-\\x ");
        int refused = 0;
        for (qsizetype at = 0; at < bytes.size(); at += 3) {
            for (const char c : replacements) {
                QByteArray mangled = bytes;
                mangled[at] = c;
                const io::ProjectReadResult read = io::readProjectJson(mangled);
                if (!read.ok()) {
                    QVERIFY(!read.error.message.isEmpty());
                    ++refused;
                    continue;
                }
                const io::ProjectReadResult again = io::readProjectJson(io::writeProjectJson(*read.project));
                QVERIFY(again.ok());
                QVERIFY(*again.project == *read.project);
            }
        }
        QVERIFY(refused > 0);
    }

    // Physical rules are model/cost/designcheck's problems, not load errors: such documents load.
    void physicalProblemsStillLoad_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("two devices in one U") << withValue(QStringLiteral("scenarios[0].design.switches[0].position_u"), 1);
        QTest::newRow("adapter in slot 9") << withValue(at(QStringLiteral("scenarios[0].design.servers[0]"), ".adapters[0].slot"), 9);
        QTest::newRow("port beyond the switch") << withValue(at(QStringLiteral("scenarios[0].design.cables"), "[0].to.port"), 999);
        QTest::newRow("cable on an empty slot") << withValue(at(QStringLiteral("scenarios[0].design.cables"), "[0].from.slot"), 7);
        QTest::newRow("cable without optics") << withValue(at(QStringLiteral("scenarios[0].design.cables"), "[1].transceiver_item_ids"), QJsonArray());
    }

    void physicalProblemsStillLoad()
    {
        QFETCH(QByteArray, json);
        const io::ProjectReadResult read = io::readProjectJson(json);
        QVERIFY2(read.ok(), qPrintable(read.error.field + QStringLiteral(": ") + read.error.message));
        QVERIFY(*read.project != *io::readProjectJson(golden()).project);
    }
};

QTEST_GUILESS_MAIN(TestProjectDocumentRejects)
#include "tst_projectdocumentrejects.moc"
