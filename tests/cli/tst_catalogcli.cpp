// Runs the real `iovplan-cli catalog` against a throw-away database: list shows and filters the shipped
// items, export gives back the shipped CSV files, a vendor quote applies all rows or none.
#include "clirunner.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

using Run = iovplan::testing::CliRun;
using iovplan::testing::readAllOf;
using iovplan::testing::runCli;

QString sourceFile(const char *relative)
{
    return QStringLiteral(IOVPLAN_SOURCE_DIR "/") + QLatin1String(relative);
}


// The list row of one item, split into its columns ("" when the item is not listed).
QList<QByteArray> listedRow(const QByteArray &listing, const QByteArray &id)
{
    for (const QByteArray &line : listing.split('\n')) {
        if (line.startsWith(id + ' '))
            return line.simplified().split(' ');
    }
    return {};
}

} // namespace

class TestCatalogCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_counter = 0;
    // A fresh database path per test: each test starts from the shipped catalogs.
    QString freshDatabase() { return m_dir.filePath(QStringLiteral("catalog-%1.sqlite").arg(++m_counter)); }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void listShowsTheShippedItems()
    {
        const Run run = runCli({QStringLiteral("catalog"), QStringLiteral("list"), QStringLiteral("--database"),
                                freshDatabase()});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.err.isEmpty());
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QVERIFY(lines.first().simplified() == "id catalog kind vendor model price_usd price_date flags");
        // 82 shipped items (catalogs/data/items.csv) and the header.
        QCOMPARE(lines.size(), 83);
        QVERIFY(run.out.contains("InfiniHost III Lx MHES18-XTC"));
        const QList<QByteArray> row = listedRow(run.out, "mellanox-mhes18-xtc");
        QVERIFY(!row.isEmpty());
        QCOMPARE(row.at(1), QByteArray("2007"));
        QCOMPARE(row.at(2), QByteArray("adapter"));
        QCOMPARE(row.at(row.size() - 3), QByteArray("500"));
        QCOMPARE(row.last(), QByteArray("-"));
    }

    void listFiltersByKindAndCatalog()
    {
        const QString database = freshDatabase();
        const Run adapters = runCli({QStringLiteral("catalog"), QStringLiteral("list"), QStringLiteral("--kind"),
                                     QStringLiteral("adapter"), QStringLiteral("--database"), database});
        QCOMPARE(adapters.exitCode, 0);
        const QList<QByteArray> lines = adapters.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 1 + 30); // 30 adapters in items.csv
        for (qsizetype i = 1; i < lines.size(); ++i)
            QCOMPARE(lines.at(i).simplified().split(' ').at(2), QByteArray("adapter"));

        const Run currentSwitches = runCli({QStringLiteral("catalog"), QStringLiteral("list"),
                                            QStringLiteral("--catalog=current"), QStringLiteral("--kind=switch"),
                                            QStringLiteral("--database"), database});
        QCOMPARE(currentSwitches.exitCode, 0);
        const QList<QByteArray> switchLines = currentSwitches.out.trimmed().split('\n');
        QVERIFY(switchLines.size() > 1);
        for (qsizetype i = 1; i < switchLines.size(); ++i) {
            const QList<QByteArray> columns = switchLines.at(i).simplified().split(' ');
            QCOMPARE(columns.at(1), QByteArray("current"));
            QCOMPARE(columns.at(2), QByteArray("switch"));
        }
    }

    void exportGivesBackTheShippedFiles()
    {
        const QString out = m_dir.filePath(QStringLiteral("export-all"));
        const Run run = runCli({QStringLiteral("catalog"), QStringLiteral("export"), out, QStringLiteral("--database"),
                                freshDatabase()});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(readAllOf(QDir(out).filePath(QStringLiteral("items.csv"))), readAllOf(sourceFile("catalogs/data/items.csv")));
        QCOMPARE(readAllOf(QDir(out).filePath(QStringLiteral("specs.csv"))), readAllOf(sourceFile("catalogs/data/specs.csv")));
    }

    void exportOfOneCatalogHasOnlyItsItems()
    {
        const QString out = m_dir.filePath(QStringLiteral("export-2007"));
        const Run run = runCli({QStringLiteral("catalog"), QStringLiteral("export"), out, QStringLiteral("--catalog"),
                                QStringLiteral("2007"), QStringLiteral("--database"), freshDatabase()});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QList<QByteArray> lines = readAllOf(QDir(out).filePath(QStringLiteral("items.csv"))).trimmed().split('\n');
        QVERIFY(lines.size() > 1);
        for (qsizetype i = 1; i < lines.size(); ++i)
            QVERIFY2(lines.at(i).split(',').at(1) == "2007", lines.at(i).constData());
        QVERIFY(QFile::exists(QDir(out).filePath(QStringLiteral("specs.csv"))));
    }

    void aGoodQuoteAppliesAndListShowsTheNewPrice()
    {
        const QString database = freshDatabase();
        const QString quote = sourceFile("tests/data/quotes/good.csv");
        const Run check = runCli({QStringLiteral("catalog"), QStringLiteral("import"), quote, QStringLiteral("--check"),
                                  QStringLiteral("--database"), database});
        QVERIFY2(check.exitCode == 0, check.err.constData());
        const Run before = runCli({QStringLiteral("catalog"), QStringLiteral("list"), QStringLiteral("--database"), database});
        const QList<QByteArray> unchanged = listedRow(before.out, "mellanox-mhes18-xtc");
        QCOMPARE(unchanged.at(unchanged.size() - 3), QByteArray("500")); // --check wrote nothing

        const Run run = runCli({QStringLiteral("catalog"), QStringLiteral("import"), quote, QStringLiteral("--database"),
                                database});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.out.contains("applied 2 price(s)"));
        QVERIFY(run.out.contains("line 2: mellanox-mhes18-xtc: 500 (2007-06) -> 321.5 (2024-05)"));
        QVERIFY(run.out.contains("line 3: mellanox-mhgs18-xtc: 650 (2007-06) -> 455 (2024-05)"));

        const Run after = runCli({QStringLiteral("catalog"), QStringLiteral("list"), QStringLiteral("--database"), database});
        const QList<QByteArray> row = listedRow(after.out, "mellanox-mhes18-xtc");
        QCOMPARE(row.at(row.size() - 3), QByteArray("321.5"));
        QCOMPARE(row.at(row.size() - 2), QByteArray("2024-05"));
        QCOMPARE(row.last(), QByteArray("edited"));
        const QList<QByteArray> other = listedRow(after.out, "mellanox-mhgs18-xtc");
        QCOMPARE(other.at(other.size() - 3), QByteArray("455"));
    }

    void aQuoteWithABadRowChangesNothing()
    {
        const QString database = freshDatabase();
        const QString quote = sourceFile("tests/data/quotes/bad-row.csv");
        const Run run = runCli({QStringLiteral("catalog"), QStringLiteral("import"), quote, QStringLiteral("--database"),
                                database});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        const QList<QByteArray> errors = run.err.trimmed().split('\n');
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().startsWith("iovplan-cli: " + quote.toUtf8() + ":3: "), errors.first().constData());
        QVERIFY(errors.first().contains("price_usd"));

        const Run after = runCli({QStringLiteral("catalog"), QStringLiteral("list"), QStringLiteral("--database"), database});
        const QList<QByteArray> good = listedRow(after.out, "mellanox-mhes18-xtc");
        QCOMPARE(good.at(good.size() - 3), QByteArray("500")); // the good row 2 was not applied either
        QCOMPARE(good.last(), QByteArray("-"));
        const QList<QByteArray> bad = listedRow(after.out, "mellanox-mhgs18-xtc");
        QCOMPARE(bad.at(bad.size() - 3), QByteArray("650"));
    }

    void aMissingQuoteFileIsBadInput()
    {
        const QString missing = m_dir.filePath(QStringLiteral("no-such-quote.csv"));
        const Run run = runCli({QStringLiteral("catalog"), QStringLiteral("import"), missing,
                                QStringLiteral("--database"), freshDatabase()});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.startsWith("iovplan-cli: " + missing.toUtf8() + ": "));
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no subcommand") << QStringList{QStringLiteral("catalog")};
        QTest::newRow("unknown subcommand") << QStringList{QStringLiteral("catalog"), QStringLiteral("frob")};
        QTest::newRow("import without file") << QStringList{QStringLiteral("catalog"), QStringLiteral("import")};
        QTest::newRow("export without dir") << QStringList{QStringLiteral("catalog"), QStringLiteral("export")};
        QTest::newRow("--database without value")
            << QStringList{QStringLiteral("catalog"), QStringLiteral("list"), QStringLiteral("--database")};
        QTest::newRow("unknown kind") << QStringList{QStringLiteral("catalog"), QStringLiteral("list"),
                                                     QStringLiteral("--kind"), QStringLiteral("toaster")};
        QTest::newRow("unknown catalog") << QStringList{QStringLiteral("catalog"), QStringLiteral("list"),
                                                        QStringLiteral("--catalog"), QStringLiteral("1999")};
        QTest::newRow("unknown option") << QStringList{QStringLiteral("catalog"), QStringLiteral("list"),
                                                       QStringLiteral("--colour")};
        QTest::newRow("--check on list") << QStringList{QStringLiteral("catalog"), QStringLiteral("list"),
                                                        QStringLiteral("--check")};
    }

    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, arguments);
        // Usage errors are found before any database is opened: none is created.
        const QString database = freshDatabase();
        const Run run = runCli(arguments + QStringList{QStringLiteral("--database=") + database});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!run.err.isEmpty());
        QVERIFY(run.out.isEmpty());
        QVERIFY(!QFile::exists(database));
    }
};

QTEST_GUILESS_MAIN(TestCatalogCli)
#include "tst_catalogcli.moc"
