// Loading catalog CSV: RFC 4180 parsing, row-by-row validation naming file and line, one transaction
// (a broken file or a row the database rejects changes nothing), and user edits kept on reload.
#include "catalogs/catalogcsv.h"
#include "catalogs/catalogdatabase.h"
#include "catalogs/catalogloader.h"
#include "catalogs/catalogschema.h"
#include "catalogs/csvreader.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace iovplan::catalogs;

namespace {

const QByteArray kItemsHeader = "id,catalog,kind,vendor,model,part_number,description,price_usd,price_date,price_source,"
                                "maintenance_pct_per_year,maintenance_source\n";
const QByteArray kSpecsHeader = "item_id,field,value,unit,source\n";

// A minimal valid catalog: one cable with all its required fields (line 2 of items, lines 2-6 of specs).
const QByteArray kGoodItems = kItemsHeader
    + "cab-1,2007,cable,generic,\"Cable, 3 m\",,\"a \"\"quoted\"\" word\",100,2007-06,"
      "estimate: reference-data.md 5 gives 50-150 dollars; midpoint,0,estimate: cables are replaced not maintained\n";
const QByteArray kGoodSpecs = kSpecsHeader
    + "cab-1,protocol,infiniband,,product name: 4x InfiniBand cable\n"
      "cab-1,medium,copper,,product name: copper\n"
      "cab-1,speed_gbps,20,Gb/s,standard: IBTA 4x DDR\n"
      "cab-1,reach_m,3,m,product name: 3 m\n"
      "cab-1,watts_typical,0,W,estimate: passive copper draws no power of its own\n";

int countRows(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toInt();
}

bool anyContains(const QStringList &errors, const QString &text)
{
    return std::any_of(errors.cbegin(), errors.cend(), [&](const QString &e) { return e.contains(text); });
}

} // namespace

class TestCatalogLoader : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_connections = 0;

    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        file.write(bytes);
        return path;
    }

    /// A fresh database holding the shipped catalog.
    void openLoaded(CatalogDatabase &db)
    {
        const QString name = QStringLiteral("loader%1").arg(++m_connections);
        QCOMPARE(db.open(m_dir.filePath(name + QStringLiteral(".sqlite")), name), QString());
        const CatalogLoadResult loaded = loadShippedCatalog(db.database());
        QVERIFY2(loaded.ok(), qPrintable(loaded.errors.join(u'\n')));
    }

private Q_SLOTS:
    void csvReaderFollowsRfc4180()
    {
        const CsvParseResult parsed = parseCsv("a,\"b,c\",\"d \"\"e\"\"\"\r\n\r\n\"multi\nline\",x\n", QStringLiteral("t.csv"));
        QCOMPARE(parsed.error, QString());
        QCOMPARE(parsed.records.size(), 2);
        QCOMPARE(parsed.records.at(0).fields, (QStringList{QStringLiteral("a"), QStringLiteral("b,c"), QStringLiteral("d \"e\"")}));
        QCOMPARE(parsed.records.at(1).line, 3);
        QCOMPARE(parsed.records.at(1).fields.at(0), QStringLiteral("multi\nline"));
    }

    void csvReaderSyntaxErrors_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("where");
        QTest::newRow("unclosed quote") << QByteArray("a,b\nc,\"d\n") << QStringLiteral("t.csv:2:");
        QTest::newRow("text after closing quote") << QByteArray("a,b\n\"c\"x,d\n") << QStringLiteral("t.csv:2:");
        QTest::newRow("quote in unquoted field") << QByteArray("a,b\nc,d\"e\n") << QStringLiteral("t.csv:2:");
    }

    void csvReaderSyntaxErrors()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QString, where);
        const CsvParseResult parsed = parseCsv(csv, QStringLiteral("t.csv"));
        QVERIFY2(parsed.error.startsWith(where), qPrintable(parsed.error));
        QVERIFY(parsed.records.isEmpty());
    }

    void aGoodCatalogLoads()
    {
        const CatalogCsvResult parsed = parseCatalogCsv(kGoodItems, QStringLiteral("items.csv"), kGoodSpecs, QStringLiteral("specs.csv"));
        QVERIFY2(parsed.ok(), qPrintable(parsed.errors.join(u'\n')));
        QCOMPARE(parsed.rows.items.size(), 1);
        QCOMPARE(parsed.rows.items.at(0).model, QStringLiteral("Cable, 3 m"));
        QCOMPARE(parsed.rows.items.at(0).description, QStringLiteral("a \"quoted\" word"));
        QCOMPARE(parsed.rows.specs.size(), 5);
        QCOMPARE(parsed.rows.specs.at(2).numericValue.value_or(-1.0), 20.0);
    }

    void brokenCsvIsRejectedNamingFileAndLineAndChangesNothing_data()
    {
        QTest::addColumn<QByteArray>("items");
        QTest::addColumn<QByteArray>("specs");
        QTest::addColumn<QString>("expected");

        QByteArray itemsNewline = kGoodItems;
        itemsNewline.replace("\"Cable, 3 m\"", "\"Cable,\n3 m\"");
        QTest::newRow("quoted field with a newline") << itemsNewline << kGoodSpecs << QStringLiteral("bad-items.csv:2: a field contains a line break");

        QByteArray badPrice = kGoodItems;
        badPrice.replace(",100,2007-06,", ",1O0,2007-06,");
        QTest::newRow("bad number (letter O in a price)") << badPrice << kGoodSpecs << QStringLiteral("bad-items.csv:2: price_usd \"1O0\"");

        QByteArray nan = kGoodSpecs;
        nan.replace("speed_gbps,20,", "speed_gbps,nan,");
        QTest::newRow("NaN spec") << kGoodItems << nan << QStringLiteral("bad-specs.csv:4: speed_gbps \"nan\"");

        QByteArray negative = kGoodSpecs;
        negative.replace("reach_m,3,", "reach_m,-3,");
        QTest::newRow("negative spec") << kGoodItems << negative << QStringLiteral("bad-specs.csv:5: reach_m \"-3\"");

        QByteArray duplicate = kGoodItems + kGoodItems.mid(kItemsHeader.size());
        QTest::newRow("duplicate id") << duplicate << kGoodSpecs << QStringLiteral("bad-items.csv:3: duplicate id \"cab-1\" (first at line 2)");

        QByteArray noSource = kGoodSpecs;
        noSource.replace("standard: IBTA 4x DDR", "");
        QTest::newRow("number without a source") << kGoodItems << noSource << QStringLiteral("bad-specs.csv:4: speed_gbps needs a source");

        QByteArray bareEstimate = kGoodSpecs;
        bareEstimate.replace("standard: IBTA 4x DDR", "estimate: guess");
        QTest::newRow("estimate without reasoning") << kGoodItems << bareEstimate << QStringLiteral("bad-specs.csv:4: speed_gbps needs a source");

        QByteArray orphan = kGoodSpecs + "cab-2,reach_m,3,m,product name: 3 m\n";
        QTest::newRow("spec of an unknown item") << kGoodItems << orphan << QStringLiteral("bad-specs.csv:7: item_id \"cab-2\"");

        QByteArray missing = kGoodSpecs;
        missing.replace("cab-1,medium,copper,,product name: copper\n", "");
        QTest::newRow("required field missing") << kGoodItems << missing << QStringLiteral("bad-items.csv:2: cable cab-1 lacks the spec fields medium");

        QByteArray wrongUnit = kGoodSpecs;
        wrongUnit.replace("reach_m,3,m,", "reach_m,3,ft,");
        QTest::newRow("wrong unit") << kGoodItems << wrongUnit << QStringLiteral("bad-specs.csv:5: reach_m is in \"m\", not \"ft\"");

        QByteArray badKind = kGoodItems;
        badKind.replace(",cable,", ",cabel,");
        QTest::newRow("unknown kind") << badKind << kGoodSpecs << QStringLiteral("bad-items.csv:2: kind \"cabel\"");

        QByteArray shortRow = kGoodItems + "x,2007\n";
        QTest::newRow("too few fields") << shortRow << kGoodSpecs << QStringLiteral("bad-items.csv:3: 2 fields, expected 12");

        QByteArray badDate = kGoodItems;
        badDate.replace("2007-06", "2007-13");
        QTest::newRow("bad price date") << badDate << kGoodSpecs << QStringLiteral("bad-items.csv:2: price_date \"2007-13\"");
    }

    void brokenCsvIsRejectedNamingFileAndLineAndChangesNothing()
    {
        QFETCH(QByteArray, items);
        QFETCH(QByteArray, specs);
        QFETCH(QString, expected);
        CatalogDatabase db;
        openLoaded(db);
        const int itemsBefore = countRows(db.database(), QStringLiteral("SELECT count(*) FROM items"));
        const int specsBefore = countRows(db.database(), QStringLiteral("SELECT count(*) FROM item_specs"));

        const QString itemsPath = writeFile(QStringLiteral("bad-items.csv"), items);
        const QString specsPath = writeFile(QStringLiteral("bad-specs.csv"), specs);
        const CatalogLoadResult result = loadCatalogCsv(db.database(), itemsPath, specsPath, QStringLiteral("test"));
        QVERIFY(!result.ok());
        QVERIFY2(anyContains(result.errors, expected), qPrintable(result.errors.join(u'\n')));
        QCOMPARE(result.itemsWritten, 0);
        QCOMPARE(countRows(db.database(), QStringLiteral("SELECT count(*) FROM items")), itemsBefore);
        QCOMPARE(countRows(db.database(), QStringLiteral("SELECT count(*) FROM item_specs")), specsBefore);
        QCOMPARE(countRows(db.database(), QStringLiteral("SELECT count(*) FROM items WHERE id = 'cab-1'")), 0);
    }

    void aRowTheDatabaseRejectsRollsBackTheWholeLoad()
    {
        CatalogDatabase db;
        openLoaded(db);
        const int itemsBefore = countRows(db.database(), QStringLiteral("SELECT count(*) FROM items"));
        CatalogCsvResult parsed = parseCatalogCsv(kGoodItems, QStringLiteral("items.csv"), kGoodSpecs, QStringLiteral("specs.csv"));
        QVERIFY(parsed.ok());
        // A second row past validation that breaks a CHECK constraint: the first row must not stay.
        CatalogItemRow bad = parsed.rows.items.at(0);
        bad.id = QStringLiteral("cab-2");
        bad.kind = QStringLiteral("toaster");
        bad.line = 3;
        parsed.rows.items << bad;
        const CatalogLoadResult result = loadCatalogRows(db.database(), parsed.rows, QStringLiteral("test"));
        QVERIFY(!result.ok());
        QVERIFY2(result.errors.constFirst().startsWith(QStringLiteral("items.csv:3: item cab-2")), qPrintable(result.errors.join(u'\n')));
        QCOMPARE(countRows(db.database(), QStringLiteral("SELECT count(*) FROM items")), itemsBefore);
        QCOMPARE(countRows(db.database(), QStringLiteral("SELECT count(*) FROM items WHERE id = 'cab-1'")), 0);
    }

    void reloadingKeepsUserEditsAndUserItems()
    {
        CatalogDatabase db;
        openLoaded(db);
        QSqlQuery edit(db.database());
        QVERIFY(edit.exec(QStringLiteral("UPDATE items SET price_usd = 123, price_source = 'data sheet: my quote', user_edited = 1 "
                                         "WHERE id = 'qlogic-qle2460'")));
        QVERIFY(edit.exec(QStringLiteral("UPDATE items SET price_usd = 1 WHERE id = 'qlogic-qle2462'"))); // not marked edited
        QVERIFY(edit.exec(QStringLiteral("INSERT INTO items (id, catalog, kind, vendor, model, origin) "
                                         "VALUES ('my-nic', 'user', 'adapter', 'Me', 'Mine', 'user')")));
        const CatalogLoadResult again = loadShippedCatalog(db.database());
        QVERIFY2(again.ok(), qPrintable(again.errors.join(u'\n')));
        QCOMPARE(again.itemsKept, 1);
        QCOMPARE(countRows(db.database(), QStringLiteral("SELECT price_usd FROM items WHERE id = 'qlogic-qle2460'")), 123);
        QCOMPARE(countRows(db.database(), QStringLiteral("SELECT price_usd FROM items WHERE id = 'qlogic-qle2462'")), 1900);
        QCOMPARE(countRows(db.database(), QStringLiteral("SELECT count(*) FROM items WHERE id = 'my-nic'")), 1);
    }

    void schemaCheckConstraintsHold_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::newRow("negative price") << QStringLiteral("INSERT INTO items (id, catalog, kind, vendor, model, price_usd, price_source) VALUES ('a', 'user', 'cable', 'v', 'm', -1, 's')");
        QTest::newRow("price without source") << QStringLiteral("INSERT INTO items (id, catalog, kind, vendor, model, price_usd) VALUES ('a', 'user', 'cable', 'v', 'm', 5)");
        QTest::newRow("unknown kind") << QStringLiteral("INSERT INTO items (id, catalog, kind, vendor, model) VALUES ('a', 'user', 'toaster', 'v', 'm')");
        QTest::newRow("upper-case id") << QStringLiteral("INSERT INTO items (id, catalog, kind, vendor, model) VALUES ('A', 'user', 'cable', 'v', 'm')");
        QTest::newRow("maintenance over 100%") << QStringLiteral("INSERT INTO items (id, catalog, kind, vendor, model, maintenance_pct_per_year, maintenance_source) VALUES ('a', 'user', 'cable', 'v', 'm', 120, 's')");
        QTest::newRow("spec of a missing item (foreign key)") << QStringLiteral("INSERT INTO item_specs (item_id, field, value, source) VALUES ('nope', 'ports', '1', 's')");
        QTest::newRow("spec without source") << QStringLiteral("INSERT INTO item_specs (item_id, field, value, source) VALUES ('qlogic-qle2460', 'memory_gb', '1', '')");
    }

    void schemaCheckConstraintsHold()
    {
        QFETCH(QString, sql);
        CatalogDatabase db;
        openLoaded(db);
        QSqlQuery query(db.database());
        QVERIFY(!query.exec(sql));
    }

    void migrationRunsFromZeroAndRefusesNewerFiles()
    {
        const QString path = m_dir.filePath(QStringLiteral("migrate.sqlite"));
        {
            auto raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
            raw.setDatabaseName(path);
            QVERIFY(raw.open());
            const SchemaMigrationResult result = migrateCatalogSchema(raw);
            QVERIFY2(result.ok(), qPrintable(result.error));
            QCOMPARE(result.fromVersion, 0);
            QCOMPARE(result.toVersion, kCatalogSchemaVersion);
            const SchemaMigrationResult second = migrateCatalogSchema(raw);
            QVERIFY(second.ok());
            QCOMPARE(second.fromVersion, kCatalogSchemaVersion);
            QSqlQuery(raw).exec(QStringLiteral("PRAGMA user_version = 99"));
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
        CatalogDatabase db;
        const QString error = db.open(path, QStringLiteral("newer"));
        QVERIFY2(error.contains(path) && error.contains(QStringLiteral("newer")), qPrintable(error));
        QVERIFY(!db.isOpen());
    }
};

QTEST_GUILESS_MAIN(TestCatalogLoader)
#include "tst_catalogloader.moc"
