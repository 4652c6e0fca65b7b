// Runs the real `iovplan-cli refresh-prices` against a throw-away catalog database: listing never touches
// the document, --apply saves the catalog's values and a second run finds nothing, a vendor quote shows up
// as price changes, an item the catalog lacks is reported and kept, and bad input exits 2 naming the file.
#include "clirunner.h"

#include "model/io/projectdocument.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace iovplan;

namespace {

const QString kLx = QStringLiteral("mellanox-mhes18-xtc");  // shipped: $500 (2007-06), 14 specs
const QString kLxDdr = QStringLiteral("mellanox-mhgs18-xtc"); // shipped: $650 (2007-06)
const QString kSwitch = QStringLiteral("cisco-sfs-7000d");   // shipped: $16,500 (2008-05)

using Run = iovplan::testing::CliRun;
using iovplan::testing::readAllOf;
using iovplan::testing::runCli;


bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

/// A pin that says little and is out of date: what an old document (or another user's catalog) holds.
design::PinnedItem stalePin(const QString &id, const QString &kind)
{
    design::PinnedItem item;
    item.id = id;
    item.kind = kind;
    item.vendor = QStringLiteral("Stale");
    item.model = QStringLiteral("stale snapshot of ") + id;
    item.priceUsd = 1.0;
    item.priceDate = QStringLiteral("2000-01");
    item.priceSource = QStringLiteral("estimate: test pin");
    item.specs.push_back({QStringLiteral("ports"), QStringLiteral("9"), QString(), QStringLiteral("estimate: test")});
    return item;
}

design::Project staleProject(const QStringList &ids)
{
    design::Project project;
    project.name = QStringLiteral("refresh-prices test");
    project.author = QStringLiteral("tst_refreshcli");
    for (const QString &id : ids)
        project.catalog.emplace(id, stalePin(id, id == kSwitch ? QStringLiteral("switch") : QStringLiteral("adapter")));
    return project;
}

/// The output lines of one item's changes ("" lines and the header dropped), spaces collapsed.
QList<QByteArray> changeLines(const QByteArray &out, const QString &id)
{
    QList<QByteArray> lines;
    for (const QByteArray &line : out.split('\n')) {
        if (line.startsWith(id.toUtf8() + ' '))
            lines << line.simplified();
    }
    return lines;
}

QByteArray lastLine(const QByteArray &out)
{
    return out.trimmed().split('\n').last();
}

} // namespace

class TestRefreshCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;

    /// A fresh catalog database holding the shipped catalogs (created by `catalog list`).
    QString freshDatabase()
    {
        const QString path = m_dir.filePath(QStringLiteral("catalog-%1.sqlite").arg(++m_counter));
        const Run run = runCli({QStringLiteral("catalog"), QStringLiteral("list"), QStringLiteral("--database"), path});
        return run.exitCode == 0 ? path : QString();
    }

    /// `project` written as a document under a new name.
    QString documentOf(const design::Project &project)
    {
        const QString path = m_dir.filePath(QStringLiteral("project-%1.iovplan").arg(++m_counter));
        return writeAll(path, io::writeProjectJson(project)) ? path : QString();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void listingLeavesTheFileAndApplyWritesTheCatalogValues()
    {
        const QString database = freshDatabase();
        QVERIFY(!database.isEmpty());
        const QString file = documentOf(staleProject({kLx, kLxDdr}));
        QVERIFY(!file.isEmpty());
        const QByteArray before = readAllOf(file);

        const Run list = runCli({QStringLiteral("refresh-prices"), file, QStringLiteral("--database"), database});
        QVERIFY2(list.exitCode == 0, list.err.constData());
        QVERIFY(list.err.isEmpty());
        QCOMPARE(readAllOf(file), before);
        const QList<QByteArray> lx = changeLines(list.out, kLx);
        QVERIFY2(lx.contains("mellanox-mhes18-xtc price_usd 1 -> 500"), list.out.constData());
        QVERIFY(lx.contains("mellanox-mhes18-xtc price_date 2000-01 -> 2007-06"));
        QVERIFY(lx.contains("mellanox-mhes18-xtc vendor Stale -> Mellanox"));
        QVERIFY(lx.contains("mellanox-mhes18-xtc specs.ports 9 (source: estimate: test) -> 1 (source: product name: "
                            "part number digit 1 = single port, 2 = dual port (MHES18-XTC))"));
        QVERIFY(lx.contains("mellanox-mhes18-xtc specs.speed_gbps - -> 10 Gb/s (source: standard: IBTA 4x SDR, 10 Gb/s "
                            "signalling, 8 Gb/s data (reference-data.md §2))"));
        QVERIFY(lastLine(list.out).contains("in 2 of 2 pinned item(s)"));
        QVERIFY(lastLine(list.out).contains("--apply"));

        const Run apply = runCli({QStringLiteral("refresh-prices"), file, QStringLiteral("--database"), database,
                                  QStringLiteral("--apply")});
        QVERIFY2(apply.exitCode == 0, apply.err.constData());
        QVERIFY(lastLine(apply.out).contains("saved " + file.toUtf8()));
        const io::ProjectReadResult read = io::readProjectFile(file);
        QVERIFY2(read.ok(), qPrintable(read.error.field + u' ' + read.error.message));
        const design::PinnedItem &item = read.project->catalog.at(kLx);
        QCOMPARE(item.vendor, QStringLiteral("Mellanox"));
        QCOMPARE(item.partNumber, QStringLiteral("MHES18-XTC"));
        QCOMPARE(item.priceUsd, 500.0);
        QCOMPARE(item.priceDate, QStringLiteral("2007-06"));
        QCOMPARE(item.specs.size(), std::size_t(14));
        QCOMPARE(item.specs.front().field, QStringLiteral("adapter_type"));
        QCOMPARE(read.project->catalog.at(kLxDdr).priceUsd, 650.0);
        QCOMPARE(read.project->name, QStringLiteral("refresh-prices test"));

        const QByteArray refreshed = readAllOf(file);
        const Run again = runCli({QStringLiteral("refresh-prices"), file, QStringLiteral("--database"), database,
                                  QStringLiteral("--apply")});
        QVERIFY2(again.exitCode == 0, again.err.constData());
        QCOMPARE(again.out.trimmed(), QByteArray("all pinned items match the catalog (2 item(s))"));
        QCOMPARE(readAllOf(file), refreshed); // nothing to apply: not rewritten
    }

    void aVendorQuoteIsListedThenApplied()
    {
        const QString database = freshDatabase();
        QVERIFY(!database.isEmpty());
        const QString file = documentOf(staleProject({kLx, kLxDdr, kSwitch}));
        QVERIFY(!file.isEmpty());
        QCOMPARE(runCli({QStringLiteral("refresh-prices"), file, QStringLiteral("--database"), database,
                         QStringLiteral("--apply")})
                     .exitCode,
                 0);
        const Run quote = runCli({QStringLiteral("catalog"), QStringLiteral("import"),
                                  QStringLiteral(IOVPLAN_SOURCE_DIR "/tests/data/refresh/quote-2024.csv"), QStringLiteral("--database"),
                                  database});
        QVERIFY2(quote.exitCode == 0, quote.err.constData());
        const QByteArray before = readAllOf(file);

        const Run json = runCli({QStringLiteral("refresh-prices"), file, QStringLiteral("--database"), database,
                                 QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(json.exitCode == 0, json.err.constData());
        QCOMPARE(readAllOf(file), before);
        const QJsonObject root = QJsonDocument::fromJson(json.out).object();
        QCOMPARE(root.value(QLatin1String("applied")).toBool(true), false);
        const QJsonArray changes = root.value(QLatin1String("changes")).toArray();
        QStringList listed;
        for (const QJsonValue &value : changes) {
            const QJsonObject change = value.toObject();
            listed << change.value(QLatin1String("item_id")).toString() + u' '
                          + change.value(QLatin1String("field")).toString();
        }
        // Item ids sorted, then the document's field order; the untouched DDR HCA is not listed.
        QCOMPARE(listed.join(QStringLiteral(", ")),
                 QStringLiteral("cisco-sfs-7000d price_usd, cisco-sfs-7000d price_date, cisco-sfs-7000d price_source, "
                                "mellanox-mhes18-xtc price_usd, mellanox-mhes18-xtc price_date, "
                                "mellanox-mhes18-xtc price_source"));
        const QJsonObject lxPrice = changes.at(3).toObject();
        QCOMPARE(lxPrice.value(QLatin1String("old")).toDouble(), 500.0);
        QCOMPARE(lxPrice.value(QLatin1String("new")).toDouble(), 321.5);
        QCOMPARE(lxPrice.value(QLatin1String("applicable")).toBool(), true);
        QVERIFY(lxPrice.value(QLatin1String("note")).toString().contains(QStringLiteral("2024-05")));
        QCOMPARE(changes.at(5).toObject().value(QLatin1String("new")).toString(),
                 QStringLiteral("quote: CDW quote 4471"));
        const QJsonObject summary = root.value(QLatin1String("summary")).toObject();
        QCOMPARE(summary.value(QLatin1String("items_changed")).toInt(), 2);
        QCOMPARE(summary.value(QLatin1String("pinned_items")).toInt(), 3);

        const Run apply = runCli({QStringLiteral("refresh-prices"), file, QStringLiteral("--database"), database,
                                  QStringLiteral("--apply")});
        QVERIFY2(apply.exitCode == 0, apply.err.constData());
        QVERIFY(changeLines(apply.out, kLx).contains("mellanox-mhes18-xtc price_usd 500 -> 321.5"));
        QVERIFY(changeLines(apply.out, kSwitch).contains("cisco-sfs-7000d price_usd 16500 -> 9800"));
        const io::ProjectReadResult read = io::readProjectFile(file);
        QVERIFY(read.ok());
        QCOMPARE(read.project->catalog.at(kLx).priceUsd, 321.5);
        QCOMPARE(read.project->catalog.at(kSwitch).priceDate, QStringLiteral("2024-05"));
        QCOMPARE(read.project->catalog.at(kLxDdr).priceUsd, 650.0);

        const Run again = runCli({QStringLiteral("refresh-prices"), file, QStringLiteral("--database"), database});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.out.trimmed(), QByteArray("all pinned items match the catalog (3 item(s))"));
    }

    void anItemTheCatalogLacksIsReportedAndKept()
    {
        const QString database = freshDatabase();
        QVERIFY(!database.isEmpty());
        const QString foreign = QStringLiteral("acme-own-nic");
        const QString file = documentOf(staleProject({foreign, kLx}));
        QVERIFY(!file.isEmpty());
        const Run apply = runCli({QStringLiteral("refresh-prices"), file, QStringLiteral("--database"), database,
                                  QStringLiteral("--apply")});
        QVERIFY2(apply.exitCode == 0, apply.err.constData());
        const QList<QByteArray> lines = changeLines(apply.out, foreign);
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines.first(), QByteArray("acme-own-nic catalog offered -> missing"));
        QVERIFY(apply.out.contains("the pinned snapshot is kept"));
        QVERIFY(lastLine(apply.out).contains("(1 reported only, never applied)"));
        const io::ProjectReadResult read = io::readProjectFile(file);
        QVERIFY(read.ok());
        QCOMPARE(read.project->catalog.at(foreign), stalePin(foreign, QStringLiteral("adapter")));
        QCOMPARE(read.project->catalog.at(kLx).priceUsd, 500.0);
    }

    void badInputExitsTwoAndChangesNothing_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("named"); // what the error line must name (after "iovplan-cli: ")
        QTest::addColumn<QString>("field"); // a field the message must mention ("" when none)
        QTest::newRow("missing document") << QStringLiteral("missing-file") << QStringLiteral("FILE") << QString();
        QTest::newRow("not JSON") << QStringLiteral("not-json") << QStringLiteral("FILE") << QString();
        QTest::newRow("negative pinned price")
            << QStringLiteral("negative-price") << QStringLiteral("FILE")
            << QStringLiteral("catalog.mellanox-mhes18-xtc.price_usd");
        QTest::newRow("missing database") << QStringLiteral("missing-db") << QStringLiteral("DB") << QString();
        QTest::newRow("database not SQLite") << QStringLiteral("garbage-db") << QStringLiteral("DB") << QString();
        QTest::newRow("bad format") << QStringLiteral("bad-format") << QStringLiteral("--format") << QString();
    }

    void badInputExitsTwoAndChangesNothing()
    {
        QFETCH(QString, kind);
        QFETCH(QString, named);
        QFETCH(QString, field);
        QString database = freshDatabase();
        QVERIFY(!database.isEmpty());
        QString file = documentOf(staleProject({kLx}));
        QVERIFY(!file.isEmpty());
        QStringList extra;
        if (kind == u"missing-file") {
            file = m_dir.filePath(QStringLiteral("no-such.iovplan"));
        } else if (kind == u"not-json") {
            QVERIFY(writeAll(file, "{\"format\": \"iovplan\", \"version\": 1, \"catalog\": {"));
        } else if (kind == u"negative-price") {
            QByteArray bytes = readAllOf(file);
            QVERIFY(bytes.contains("\"price_usd\": 1,"));
            QVERIFY(writeAll(file, bytes.replace("\"price_usd\": 1,", "\"price_usd\": -1,")));
        } else if (kind == u"missing-db") {
            database = m_dir.filePath(QStringLiteral("no-such-catalog.sqlite"));
        } else if (kind == u"garbage-db") {
            database = m_dir.filePath(QStringLiteral("garbage-%1.sqlite").arg(++m_counter));
            QVERIFY(writeAll(database, QByteArray(4096, 'x')));
        } else if (kind == u"bad-format") {
            extra << QStringLiteral("--format") << QStringLiteral("yaml");
        }
        const QByteArray before = readAllOf(file);
        const QByteArray databaseBefore = readAllOf(database);
        const Run run = runCli(QStringList{QStringLiteral("refresh-prices"), file, QStringLiteral("--database"),
                                           database, QStringLiteral("--apply")}
                               + extra);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        const QList<QByteArray> errors = run.err.trimmed().split('\n');
        QCOMPARE(errors.size(), 1);
        const QString expectedName = named == u"FILE" ? file : named == u"DB" ? database : named;
        QVERIFY2(errors.first().startsWith("iovplan-cli: " + expectedName.toUtf8() + ": "), errors.first().constData());
        if (!field.isEmpty())
            QVERIFY2(errors.first().contains(field.toUtf8()), errors.first().constData());
        QCOMPARE(readAllOf(file), before);
        if (kind == u"garbage-db")
            QCOMPARE(readAllOf(database), databaseBefore);
        QVERIFY(!QFile::exists(file + QStringLiteral(".v1")));
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no file") << QStringList{QStringLiteral("refresh-prices")};
        QTest::newRow("unknown option") << QStringList{QStringLiteral("refresh-prices"), QStringLiteral("a.iovplan"),
                                                       QStringLiteral("--frob")};
        QTest::newRow("two files") << QStringList{QStringLiteral("refresh-prices"), QStringLiteral("a.iovplan"),
                                                  QStringLiteral("b.iovplan")};
        QTest::newRow("database without value")
            << QStringList{QStringLiteral("refresh-prices"), QStringLiteral("a.iovplan"), QStringLiteral("--database")};
    }

    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, arguments);
        const Run run = runCli(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY(run.err.startsWith("iovplan-cli refresh-prices: "));
    }
};

QTEST_GUILESS_MAIN(TestRefreshCli)
#include "tst_refreshcli.moc"
