// Project documents: save -> load -> save is byte-identical, the golden file matches, every bad input
// names its field, newer versions are refused, saves are atomic and the .v<old> backup is written once.
#include "model/io/projectdocument.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using namespace iovplan;
using namespace iovplan::design;

namespace {

// A small but complete project: every type and optional field appears at least once.
Project minimalProject()
{
    Project p;
    p.name = QStringLiteral("Minimal");
    p.author = QStringLiteral("tst_projectdocument");
    PinnedItem server { QStringLiteral("srv-1u"), QStringLiteral("server"), QStringLiteral("Acme"),
        QStringLiteral("R1"), QStringLiteral("R1-01"), QStringLiteral("1U rack server"), 4200.5,
        QStringLiteral("2007-06"), QStringLiteral("estimate: test value"), 12.0, QStringLiteral("estimate: test"),
        { { QStringLiteral("u_height"), QStringLiteral("1"), QStringLiteral("U"), QStringLiteral("product name: R1") },
            { QStringLiteral("watts_typical"), QStringLiteral("250"), QStringLiteral("W"), QStringLiteral("estimate: test") } } };
    PinnedItem nic { QStringLiteral("nic-gige"), QStringLiteral("adapter"), QStringLiteral("Acme"),
        QStringLiteral("N1"), QString(), QStringLiteral("GigE NIC"), 99.0, QStringLiteral("2007-01"),
        QStringLiteral("estimate: test"), std::nullopt, QString(), {} };
    PinnedItem sw { QStringLiteral("sw-gige"), QStringLiteral("switch"), QStringLiteral("Acme"),
        QStringLiteral("S24"), QString(), QString(), 1500.0, QStringLiteral("2007-01"), QStringLiteral("estimate: test"),
        std::nullopt, QString(), {} };
    PinnedItem cable { QStringLiteral("cat6-3m"), QStringLiteral("cable"), QStringLiteral("Acme"),
        QStringLiteral("C3"), QString(), QString(), 0.1, QStringLiteral("2007-01"), QStringLiteral("estimate: test"),
        std::nullopt, QString(), {} };
    for (const PinnedItem &item : { server, nic, sw, cable })
        p.catalog.emplace(item.id, item);

    Scenario s;
    s.name = QStringLiteral("GigE");
    s.design.racks = { { QStringLiteral("rack-a"), QStringLiteral("Rack A"), 42 } };
    s.design.fabrics = { { QStringLiteral("lan"), FabricKind::Lan, QStringLiteral("LAN") } };
    s.design.servers = { { QStringLiteral("s1"), QStringLiteral("web-1"), QStringLiteral("srv-1u"),
        QStringLiteral("rack-a"), 1, QStringLiteral("web"), { { 1, QStringLiteral("nic-gige") } } } };
    s.design.switches = { { QStringLiteral("sw1"), QStringLiteral("ToR"), QStringLiteral("sw-gige"),
        QStringLiteral("rack-a"), 42, QStringLiteral("lan") } };
    s.design.cables = { { QStringLiteral("c1"), QStringLiteral("cat6-3m"), QStringLiteral("lan"),
        { QStringLiteral("s1"), 1 }, { QStringLiteral("sw1"), 1 } } };
    VmProfile vm;
    vm.name = QStringLiteral("web VM");
    vm.serverGroup = QStringLiteral("web");
    vm.vmsPerServer = 8;
    vm.vcpus = 2;
    vm.networkBytesPerS = 12.5e6;
    vm.storageBytesPerS = 1e6 / 3.0; // a number that needs all 17 digits to round-trip
    vm.iops = 250;
    s.workload.profiles = { vm };
    s.workload.sla = { 0.002, 1.25e8 };
    s.iovMode = IovMode::BareMetal;
    s.assumptions.maintenancePctOverride = 15.0;
    s.assumptions.haDualHoming = true;
    p.scenarios = { s };
    return p;
}

QJsonObject minimalJson()
{
    return QJsonDocument::fromJson(io::writeProjectJson(minimalProject())).object();
}

// Sets the value at a dotted path with [i] indices ("scenarios[0].design.servers[0].position_u").
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
    return QJsonDocument(setAt(minimalJson(), path.split(QLatin1Char('.')), value).toObject()).toJson();
}

QString readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestProjectDocument : public QObject
{
    Q_OBJECT

private slots:
    void roundTripIsByteIdentical()
    {
        const QByteArray first = io::writeProjectJson(minimalProject());
        const io::ProjectReadResult read = io::readProjectJson(first);
        QVERIFY2(read.ok(), qPrintable(read.error.field + QStringLiteral(": ") + read.error.message));
        QCOMPARE(read.loadedVersion, io::currentDocumentVersion);
        QVERIFY(*read.project == minimalProject());
        QCOMPARE(io::writeProjectJson(*read.project), first);
    }

    void goldenFile()
    {
        const QString golden = QFINDTESTDATA("../data/projects/minimal.iovplan");
        QVERIFY2(!golden.isEmpty(), "tests/data/projects/minimal.iovplan is missing");
        QFile file(golden);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray expected = file.readAll();
        const QByteArray actual = io::writeProjectJson(minimalProject());
        if (actual != expected) {
            const QString actualPath = golden + QStringLiteral(".actual");
            QVERIFY(writeFile(actualPath, actual));
            QFAIL(qPrintable(QStringLiteral("output differs from the golden file; see: diff -u ") + golden
                + QLatin1Char(' ') + actualPath));
        }
        const io::ProjectReadResult read = io::readProjectFile(golden);
        QVERIFY(read.ok());
        QVERIFY(*read.project == minimalProject());
    }

    void badInput_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("not JSON") << QByteArray("{\"format\": ") << QString() << QStringLiteral("not valid JSON");
        QTest::newRow("non-finite number") << QByteArray(R"({"format": "iovplan", "version": 1e999})") << QString()
                                           << QStringLiteral("not valid JSON");
        QTest::newRow("wrong format") << withValue(QStringLiteral("format"), QStringLiteral("qn")) << QStringLiteral("format")
                                      << QStringLiteral("must be 'iovplan'");
        QTest::newRow("version missing") << withValue(QStringLiteral("version"), QJsonValue(QJsonValue::Undefined))
                                         << QStringLiteral("version") << QStringLiteral("is missing");
        QTest::newRow("version newer") << withValue(QStringLiteral("version"), io::currentDocumentVersion + 1)
                                       << QStringLiteral("version") << QStringLiteral("newer IOV Planner");
        QTest::newRow("version without migration") << withValue(QStringLiteral("version"), 0)
                                                   << QStringLiteral("version") << QStringLiteral("cannot migrate");
        QTest::newRow("unknown item id") << withValue(QStringLiteral("scenarios[0].design.servers[0].item_id"), QStringLiteral("nope"))
                                         << QStringLiteral("scenarios[0].design.servers[0].item_id") << QStringLiteral("does not pin");
        QTest::newRow("unknown adapter id") << withValue(QStringLiteral("scenarios[0].design.servers[0].adapters[0].item_id"), QStringLiteral("x"))
                                            << QStringLiteral("scenarios[0].design.servers[0].adapters[0].item_id") << QStringLiteral("does not pin");
        QTest::newRow("duplicate id") << withValue(QStringLiteral("scenarios[0].design.switches[0].id"), QStringLiteral("s1"))
                                      << QStringLiteral("scenarios[0].design.switches[0].id") << QStringLiteral("duplicates id 's1'");
        QTest::newRow("negative position") << withValue(QStringLiteral("scenarios[0].design.servers[0].position_u"), -3)
                                           << QStringLiteral("scenarios[0].design.servers[0].position_u") << QStringLiteral(">= 1");
        QTest::newRow("position above rack") << withValue(QStringLiteral("scenarios[0].design.servers[0].position_u"), 43)
                                             << QStringLiteral("scenarios[0].design.servers[0].position_u") << QStringLiteral("at most 42");
        QTest::newRow("negative count") << withValue(QStringLiteral("scenarios[0].workload.profiles[0].vms_per_server"), -1)
                                        << QStringLiteral("scenarios[0].workload.profiles[0].vms_per_server") << QStringLiteral(">= 0");
        QTest::newRow("negative size") << withValue(QStringLiteral("scenarios[0].workload.profiles[0].block_bytes"), -4096)
                                       << QStringLiteral("scenarios[0].workload.profiles[0].block_bytes") << QStringLiteral(">= 0");
        QTest::newRow("negative price") << withValue(QStringLiteral("catalog.srv-1u.price_usd"), -1)
                                        << QStringLiteral("catalog.srv-1u.price_usd") << QStringLiteral(">= 0");
        QTest::newRow("wrong type") << withValue(QStringLiteral("scenarios[0].design.racks[0].height_u"), QStringLiteral("42"))
                                    << QStringLiteral("scenarios[0].design.racks[0].height_u") << QStringLiteral("must be a number");
        QTest::newRow("wrong bool type") << withValue(QStringLiteral("scenarios[0].assumptions.ha_dual_homing"), 1)
                                         << QStringLiteral("scenarios[0].assumptions.ha_dual_homing") << QStringLiteral("true or false");
        QTest::newRow("unknown iov mode") << withValue(QStringLiteral("scenarios[0].iov_mode"), QStringLiteral("sr-iov"))
                                          << QStringLiteral("scenarios[0].iov_mode") << QStringLiteral("bare-metal");
        QTest::newRow("unknown fabric") << withValue(QStringLiteral("scenarios[0].design.cables[0].fabric_id"), QStringLiteral("san"))
                                        << QStringLiteral("scenarios[0].design.cables[0].fabric_id") << QStringLiteral("not a fabric");
        QTest::newRow("cable to nowhere") << withValue(QStringLiteral("scenarios[0].design.cables[0].to.device_id"), QStringLiteral("ghost"))
                                          << QStringLiteral("scenarios[0].design.cables[0].to.device_id") << QStringLiteral("not a server, switch or gateway");
        QTest::newRow("pue below 1") << withValue(QStringLiteral("scenarios[0].assumptions.pue"), 0.5)
                                     << QStringLiteral("scenarios[0].assumptions.pue") << QStringLiteral(">= 1");
        QTest::newRow("maintenance over 100") << withValue(QStringLiteral("catalog.srv-1u.maintenance_pct_per_year"), 101)
                                              << QStringLiteral("catalog.srv-1u.maintenance_pct_per_year") << QStringLiteral("[0, 100]");
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

    void failedSaveKeepsOldFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // A name so long that QSaveFile's temporary "NAME.XXXXXX" exceeds NAME_MAX (255): the save
        // fails before touching the old file, even for root, whom directory permissions do not stop.
        const QString path = dir.filePath(QString(250, QLatin1Char('p')));
        QVERIFY(writeFile(path, "old contents"));
        const io::SaveResult saved = io::saveProjectFile(path, minimalProject());
        QVERIFY(!saved.ok);
        QVERIFY(!saved.message.isEmpty());
        QCOMPARE(readAll(path), QStringLiteral("old contents"));
    }

    void saveIntoUnwritableDirectoryFails()
    {
        if (::geteuid() == 0)
            QSKIP("directory permissions do not apply to root; failedSaveKeepsOldFile covers atomicity");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plan.iovplan"));
        QVERIFY(writeFile(path, "old contents"));
        QVERIFY(QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        const io::SaveResult saved = io::saveProjectFile(path, minimalProject());
        QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QVERIFY(!saved.ok);
        QCOMPARE(readAll(path), QStringLiteral("old contents"));
    }

    void migrationKeepsOldFileOnce()
    {
        // A synthetic version-0 format, known only here: it spelled the project name "title".
        const std::vector<io::DocumentMigration> migrations { { 0, [](QJsonObject root) {
                                                                    root.insert(QStringLiteral("name"), root.take(QStringLiteral("title")));
                                                                    return root;
                                                                } } };
        QJsonObject old = minimalJson();
        old.insert(QStringLiteral("version"), 0);
        old.insert(QStringLiteral("title"), old.take(QStringLiteral("name")));
        const QByteArray oldBytes = QJsonDocument(old).toJson();

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plan.iovplan"));
        QVERIFY(writeFile(path, oldBytes));
        const io::ProjectReadResult read = io::readProjectFile(path, migrations);
        QVERIFY2(read.ok(), qPrintable(read.error.field + QStringLiteral(": ") + read.error.message));
        QCOMPARE(read.loadedVersion, 0);
        QVERIFY(*read.project == minimalProject());

        const QString backup = io::backupPathFor(path, 0);
        QCOMPARE(backup, path + QStringLiteral(".v0"));
        const io::SaveResult first = io::saveProjectFile(path, *read.project, read.loadedVersion);
        QVERIFY2(first.ok, qPrintable(first.message));
        QCOMPARE(first.backupPath, backup);
        QCOMPARE(readAll(backup).toUtf8(), oldBytes);
        QCOMPARE(readAll(path).toUtf8(), io::writeProjectJson(minimalProject()));

        // A second save of the same (still version-0-loaded) project writes no new backup.
        Project changed = *read.project;
        changed.author = QStringLiteral("someone else");
        const io::SaveResult second = io::saveProjectFile(path, changed, read.loadedVersion);
        QVERIFY(second.ok);
        QVERIFY(second.backupPath.isEmpty());
        QCOMPARE(readAll(backup).toUtf8(), oldBytes);
        QCOMPARE(readAll(path).toUtf8(), io::writeProjectJson(changed));
    }

    void currentVersionSaveWritesNoBackup()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plan.iovplan"));
        QVERIFY(io::saveProjectFile(path, minimalProject()).ok);
        QVERIFY(io::saveProjectFile(path, minimalProject()).ok);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestProjectDocument)
#include "tst_projectdocument.moc"
