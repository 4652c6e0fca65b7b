// Project documents: save -> load -> save is byte-identical, the golden files match, a version-1
// document migrates, saves are atomic and the .v<old> backup is written once. Bad input:
// tst_projectdocumentrejects.cpp.
#include "model/io/projectdocument.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using namespace iovplan;
using namespace iovplan::design;

namespace {

// The project of the version-1 golden file (tests/data/projects/minimal-v1.iovplan) as version 2
// reads it after migration: cable ends on the devices' own ports (slot 0), no transceivers.
Project version1Project()
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
        { QStringLiteral("s1"), 0, 1 }, { QStringLiteral("sw1"), 0, 1 }, {} } };
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

PinnedItem plainItem(const char *id, const char *kind, double priceUsd)
{
    return { QString::fromLatin1(id), QString::fromLatin1(kind), QStringLiteral("Acme"), QString::fromLatin1(id).toUpper(), QString(),
        QString(), priceUsd, QStringLiteral("2007-01"), QStringLiteral("estimate: test"), std::nullopt, QString(), {} };
}

// A small but complete version-2 project (the golden minimal.iovplan): every type and optional field
// appears at least once, every item kind a design refers to, a cable on an adapter slot, a gateway
// module's ports and a fabric uplink with transceivers.
Project minimalProject()
{
    Project p = version1Project();
    for (const PinnedItem &item : { plainItem("gw-ib-eth", "gateway", 20000), plainItem("gw-mod-eth", "gateway-module", 6000),
             plainItem("sfp-sx", "transceiver", 250), plainItem("om3-10m", "cable", 40),
             plainItem("fc-array", "storage", 90000) })
        p.catalog.emplace(item.id, item);
    Design &d = p.scenarios[0].design;
    d.fabrics.push_back({ QStringLiteral("ib"), FabricKind::InfiniBand, QStringLiteral("InfiniBand") });
    d.gateways = { { QStringLiteral("g1"), QStringLiteral("IB-Eth gateway"), QStringLiteral("gw-ib-eth"),
        QStringLiteral("rack-a"), 40, { { 1, QStringLiteral("gw-mod-eth") } } } };
    d.storage = { { QStringLiteral("a1"), QStringLiteral("SAN array"), QStringLiteral("fc-array"), QStringLiteral("rack-a"),
        30, QStringLiteral("lan") } };
    d.cables[0].from.slot = 1; // the NIC in the server's slot 1
    d.cables.push_back({ QStringLiteral("c2"), QStringLiteral("om3-10m"), QStringLiteral("lan"),
        { QStringLiteral("g1"), 1, 3 }, { QStringLiteral("lan"), 0, 0 },
        { QStringLiteral("sfp-sx"), QStringLiteral("sfp-sx") } });
    return p;
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

    void version1DocumentMigrates()
    {
        const QString fixture = QFINDTESTDATA("../data/projects/minimal-v1.iovplan");
        QVERIFY2(!fixture.isEmpty(), "tests/data/projects/minimal-v1.iovplan is missing");
        QFile file(fixture);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray oldBytes = file.readAll();
        QVERIFY(oldBytes.contains("\"version\": 1\n"));
        QVERIFY(!oldBytes.contains("\"slot\": 0"));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plan.iovplan"));
        QVERIFY(writeFile(path, oldBytes));
        const io::ProjectReadResult read = io::readProjectFile(path);
        QVERIFY2(read.ok(), qPrintable(read.error.field + QStringLiteral(": ") + read.error.message));
        QCOMPARE(read.loadedVersion, 1);
        QVERIFY(*read.project == version1Project());

        const io::SaveResult first = io::saveProjectFile(path, *read.project, read.loadedVersion);
        QVERIFY2(first.ok, qPrintable(first.message));
        QCOMPARE(first.backupPath, path + QStringLiteral(".v1"));
        QCOMPARE(readAll(first.backupPath).toUtf8(), oldBytes);
        const QByteArray saved = readAll(path).toUtf8();
        QCOMPARE(saved, io::writeProjectJson(version1Project()));
        const io::ProjectReadResult reread = io::readProjectJson(saved);
        QVERIFY(reread.ok());
        QCOMPARE(reread.loadedVersion, io::currentDocumentVersion);
        QVERIFY(*reread.project == version1Project());

        // Saving again (the project still remembers it was loaded as version 1) keeps the backup as it is.
        const io::SaveResult second = io::saveProjectFile(path, *read.project, read.loadedVersion);
        QVERIFY(second.ok);
        QVERIFY(second.backupPath.isEmpty());
        QCOMPARE(readAll(first.backupPath).toUtf8(), oldBytes);
    }

    void migrationStepAddsSlotsAndTransceivers()
    {
        const std::vector<io::DocumentMigration> &steps = io::documentMigrations();
        QCOMPARE(steps.size(), std::size_t(1));
        QCOMPARE(steps[0].fromVersion, 1);
        const QJsonObject cable { { QStringLiteral("id"), QStringLiteral("c") },
            { QStringLiteral("from"), QJsonObject { { QStringLiteral("device_id"), QStringLiteral("a") }, { QStringLiteral("port"), 2 } } },
            { QStringLiteral("to"), QJsonObject { { QStringLiteral("device_id"), QStringLiteral("b") }, { QStringLiteral("port"), 3 } } } };
        const QJsonObject design { { QStringLiteral("cables"), QJsonArray { cable, cable } } };
        // A scenario of the wrong shape is left alone for the reader to refuse.
        const QJsonObject root { { QStringLiteral("scenarios"),
            QJsonArray { QJsonObject { { QStringLiteral("design"), design } }, QStringLiteral("not a scenario") } } };
        const QJsonObject migrated = steps[0].migrate(root);
        const QJsonArray scenarios = migrated.value(QStringLiteral("scenarios")).toArray();
        QCOMPARE(scenarios.at(1).toString(), QStringLiteral("not a scenario"));
        const QJsonArray cables = scenarios.at(0)[QStringLiteral("design")][QStringLiteral("cables")].toArray();
        QCOMPARE(cables.size(), 2);
        for (const QJsonValue &c : cables) {
            QCOMPARE(c[QStringLiteral("transceiver_item_ids")].toArray(), QJsonArray());
            QCOMPARE(c[QStringLiteral("from")][QStringLiteral("slot")].toInt(-1), 0);
            QCOMPARE(c[QStringLiteral("to")][QStringLiteral("slot")].toInt(-1), 0);
            QCOMPARE(c[QStringLiteral("from")][QStringLiteral("port")].toInt(), 2);
            QCOMPARE(c[QStringLiteral("to")][QStringLiteral("device_id")].toString(), QStringLiteral("b"));
        }
    }

    void migrationKeepsOldFileOnce()
    {
        // A synthetic version-0 format, known only here: it spelled the project name "title". Its
        // step runs before the real 1 -> 2 step, so a version-0 document migrates through both.
        std::vector<io::DocumentMigration> migrations { { 0, [](QJsonObject root) {
                                                             root.insert(QStringLiteral("name"), root.take(QStringLiteral("title")));
                                                             return root;
                                                         } } };
        migrations.insert(migrations.end(), io::documentMigrations().begin(), io::documentMigrations().end());
        QFile fixture(QFINDTESTDATA("../data/projects/minimal-v1.iovplan"));
        QVERIFY(fixture.open(QIODevice::ReadOnly));
        QJsonObject old = QJsonDocument::fromJson(fixture.readAll()).object();
        old.insert(QStringLiteral("version"), 0);
        old.insert(QStringLiteral("title"), old.take(QStringLiteral("name")));
        const QByteArray oldBytes = QJsonDocument(old).toJson();

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plan.iovplan"));
        QVERIFY(writeFile(path, oldBytes));
        const io::ProjectReadResult read = io::readProjectFile(path, migrations);
        QVERIFY2(read.ok(), qPrintable(read.error.field + QStringLiteral(": ") + read.error.message));
        QCOMPARE(read.loadedVersion, 0);
        QVERIFY(*read.project == version1Project());

        const QString backup = io::backupPathFor(path, 0);
        QCOMPARE(backup, path + QStringLiteral(".v0"));
        const io::SaveResult first = io::saveProjectFile(path, *read.project, read.loadedVersion);
        QVERIFY2(first.ok, qPrintable(first.message));
        QCOMPARE(first.backupPath, backup);
        QCOMPARE(readAll(backup).toUtf8(), oldBytes);
        QCOMPARE(readAll(path).toUtf8(), io::writeProjectJson(version1Project()));

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
