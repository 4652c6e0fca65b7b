// Vendor-quote CSV import: row-by-row validation with file:line, all rows or none, a report of each
// rejected row; and catalog export to the shipped CSV format, read back equivalent.
#include "catalogtesthelpers.h"

#include "catalogs/catalogcsv.h"
#include "catalogs/catalogeditor.h"
#include "catalogs/catalogexport.h"
#include "catalogs/catalogloader.h"
#include "catalogs/vendorquoteimport.h"

#include <QMap>

using namespace iovplan::catalogs;
using catalogtest::scalar;

namespace {

/// Every item's price, date and source, to show that a failed import changed nothing.
QMap<QString, QString> allPrices(const QSqlDatabase &db)
{
    QMap<QString, QString> prices;
    QSqlQuery query(db);
    query.exec(QStringLiteral("SELECT id, price_usd, price_date, price_source, user_edited FROM items"));
    while (query.next())
        prices.insert(query.value(0).toString(), QStringLiteral("%1|%2|%3|%4")
                                                     .arg(query.value(1).toString(), query.value(2).toString(),
                                                          query.value(3).toString(), query.value(4).toString()));
    return prices;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestVendorQuote : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_connections = 0;

    QString nextName() { return QStringLiteral("quote%1").arg(++m_connections); }

private Q_SLOTS:
    void aGoodQuoteSetsEveryPriceInOneGo()
    {
        CatalogDatabase db;
        QVERIFY(catalogtest::openShipped(db, m_dir, nextName()));
        // Columns in another order, an extra column, a row by part number (case-insensitive).
        const QByteArray csv = "qty,price_source,part_number,id,price_usd,price_date\n"
                               "4,CDW quote 4471,,qlogic-qle2460,999.5,2024-05\n"
                               "2,CDW quote 4471,qle2462-ck,,1500,2024-05\n"
                               "1,\"data sheet: list price page, May 2024\",,qlogic-qla2340,0,2024-05\n";
        const QuoteImportReport report = importVendorQuote(db.database(), csv, QStringLiteral("cdw.csv"));
        QVERIFY2(report.ok(), qPrintable(report.messages().join(u'\n')));
        QCOMPARE(report.applied, 3);
        QCOMPARE(report.changes.size(), 3);
        QCOMPARE(report.changes.at(0).oldPriceUsd.value_or(-1.0), 1100.0);
        QCOMPARE(report.changes.at(1).itemId, QStringLiteral("qlogic-qle2462"));
        QCOMPARE(report.changes.at(1).line, 3);
        const QSqlDatabase sql = db.database();
        QCOMPARE(scalar(sql, QStringLiteral("SELECT price_usd FROM items WHERE id = 'qlogic-qle2460'")).toDouble(), 999.5);
        QCOMPARE(scalar(sql, QStringLiteral("SELECT price_source FROM items WHERE id = 'qlogic-qle2460'")).toString(),
                 QStringLiteral("quote: CDW quote 4471"));
        QCOMPARE(scalar(sql, QStringLiteral("SELECT price_source FROM items WHERE id = 'qlogic-qla2340'")).toString(),
                 QStringLiteral("data sheet: list price page, May 2024"));
        QCOMPARE(scalar(sql, QStringLiteral("SELECT price_usd FROM items WHERE id = 'qlogic-qle2462'")).toDouble(), 1500.0);
        QCOMPARE(scalar(sql, QStringLiteral("SELECT price_date FROM items WHERE id = 'qlogic-qle2462'")).toString(), QStringLiteral("2024-05"));
        // Quoted prices are the user's: a newer shipped catalog keeps them.
        QCOMPARE(scalar(sql, QStringLiteral("SELECT user_edited FROM items WHERE id = 'qlogic-qle2462'")).toInt(), 1);
        QSqlQuery(sql).exec(QStringLiteral("UPDATE catalog_meta SET value = 'older' WHERE key = 'shipped_revision'"));
        QVERIFY(db.ensureShippedCatalog().ok());
        QCOMPARE(scalar(sql, QStringLiteral("SELECT price_usd FROM items WHERE id = 'qlogic-qle2462'")).toDouble(), 1500.0);
    }

    void everyBadRowIsReportedWithItsLineAndNothingIsApplied()
    {
        CatalogDatabase db;
        QVERIFY(catalogtest::openShipped(db, m_dir, nextName()));
        const QMap<QString, QString> before = allPrices(db.database());
        const QByteArray csv = "id,part_number,price_usd,price_date,price_source\n"           // 1
                               "qlogic-qle2460,,999,2024-05,Q-1\n"                             // 2 good
                               "no-such-item,,10,2024-05,Q-1\n"                                // 3
                               "qlogic-qle2462,,1O0,2024-05,Q-1\n"                             // 4
                               "qlogic-qla2340,,-5,2024-05,Q-1\n"                              // 5
                               "intel-pro1000-pt-single,,inf,2024-05,Q-1\n"                    // 6
                               "intel-pro1000-pt-dual,,nan,2024-05,Q-1\n"                      // 7
                               "intel-pro1000-pt-quad,,10,2024-5,Q-1\n"                        // 8
                               "qlogic-qle2460,,998,2024-05,Q-2\n"                             // 9 duplicate
                               "intel-pro1000-pt-quad,,10,2024-05,\n"                          // 10
                               ",NOPE-123,10,2024-05,Q-1\n"                                    // 11
                               "intel-pro1000-pt-quad,,10\n";                                  // 12
        const QuoteImportReport report = importVendorQuote(db.database(), csv, QStringLiteral("bad.csv"));
        QVERIFY(!report.ok());
        QCOMPARE(report.applied, 0);
        const QStringList expected = {
            QStringLiteral("bad.csv:3: unknown id \"no-such-item\""),
            QStringLiteral("bad.csv:4: item qlogic-qle2462: price_usd \"1O0\" is not a finite number >= 0"),
            QStringLiteral("bad.csv:5: item qlogic-qla2340: price_usd \"-5\""),
            QStringLiteral("bad.csv:6: item intel-pro1000-pt-single: price_usd \"inf\""),
            QStringLiteral("bad.csv:7: item intel-pro1000-pt-dual: price_usd \"nan\""),
            QStringLiteral("bad.csv:8: item intel-pro1000-pt-quad: price_date \"2024-5\" is not YYYY-MM"),
            QStringLiteral("bad.csv:9: item qlogic-qle2460: duplicate row for item qlogic-qle2460 (first at line 2)"),
            QStringLiteral("bad.csv:10: item intel-pro1000-pt-quad: price_source (the quote reference) is missing"),
            QStringLiteral("bad.csv:11: unknown part_number \"NOPE-123\""),
            QStringLiteral("bad.csv:12: 3 fields, expected 5"),
        };
        const QStringList messages = report.messages();
        QCOMPARE(messages.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i)
            QVERIFY2(messages.at(i).startsWith(expected.at(i)), qPrintable(messages.at(i) + QStringLiteral(" vs ") + expected.at(i)));
        QCOMPARE(allPrices(db.database()), before);
    }

    void wholeFileProblems_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("q.csv:1: the file is empty");
        QTest::newRow("no price_source column") << QByteArray("id,price_usd,price_date\nqlogic-qle2460,1,2024-01\n")
                                                 << QStringLiteral("q.csv:1: the header lacks the column(s) price_source");
        QTest::newRow("header only") << QByteArray("id,price_usd,price_date,price_source\n")
                                     << QStringLiteral("q.csv: the quote has a header but no rows");
        QTest::newRow("broken quoting") << QByteArray("id,price_usd,price_date,price_source\nqlogic-qle2460,1,2024-01,\"Q\n")
                                        << QStringLiteral("q.csv:2: a quoted field is not closed");
    }

    void wholeFileProblems()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QString, expected);
        CatalogDatabase db;
        QVERIFY(catalogtest::openShipped(db, m_dir, nextName()));
        const QMap<QString, QString> before = allPrices(db.database());
        const QuoteImportReport report = importVendorQuote(db.database(), csv, QStringLiteral("q.csv"));
        QVERIFY2(report.error.startsWith(expected), qPrintable(report.error));
        QCOMPARE(allPrices(db.database()), before);
    }

    void aRowTheDatabaseRefusesRollsBackEveryPrice()
    {
        CatalogDatabase db;
        QVERIFY(catalogtest::openShipped(db, m_dir, nextName()));
        const QMap<QString, QString> before = allPrices(db.database());
        QSqlQuery trigger(db.database());
        QVERIFY(trigger.exec(QStringLiteral("CREATE TRIGGER refuse BEFORE UPDATE ON items WHEN NEW.id = 'qlogic-qla2340' "
                                            "BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END")));
        const QByteArray csv = "id,price_usd,price_date,price_source\n"
                               "qlogic-qle2460,1,2024-05,Q-7\n"
                               "qlogic-qle2462,2,2024-05,Q-7\n"
                               "qlogic-qla2340,3,2024-05,Q-7\n";
        const QuoteImportReport report = importVendorQuote(db.database(), csv, QStringLiteral("q.csv"));
        QVERIFY(!report.ok());
        QCOMPARE(report.applied, 0);
        QVERIFY2(report.error.contains(QStringLiteral("line 4, item qlogic-qla2340")), qPrintable(report.error));
        QCOMPARE(allPrices(db.database()), before);
    }

    void checkingAQuoteWritesNothing()
    {
        CatalogDatabase db;
        QVERIFY(catalogtest::openShipped(db, m_dir, nextName()));
        const QMap<QString, QString> before = allPrices(db.database());
        const QuoteImportReport report = checkVendorQuote(db.database(), "id,price_usd,price_date,price_source\nqlogic-qle2460,1,2024-05,Q-7\n",
                                                          QStringLiteral("q.csv"));
        QVERIFY(report.ok());
        QCOMPARE(report.changes.size(), 1);
        QCOMPARE(report.applied, 0);
        QCOMPARE(allPrices(db.database()), before);
    }

    void exportingTheShippedCatalogGivesBackItsFiles()
    {
        CatalogDatabase db;
        QVERIFY(catalogtest::openShipped(db, m_dir, nextName()));
        const CatalogCsvExport exported = exportCatalogCsv(db.database());
        QVERIFY2(exported.ok(), qPrintable(exported.error));
        QCOMPARE(exported.itemsCsv, readAll(shippedItemsCsvPath()));
        QCOMPARE(exported.specsCsv, readAll(shippedSpecsCsvPath()));
    }

    void exportThenReimportIsEquivalent()
    {
        CatalogDatabase db;
        QVERIFY(catalogtest::openShipped(db, m_dir, nextName()));
        CatalogEditor editor(db.database());
        QVERIFY(editor.cloneItem(QStringLiteral("qlogic-qle2460"), QStringLiteral("my-hba")).ok());
        CatalogItemDraft draft = editor.item(QStringLiteral("my-hba"))->draft;
        draft.item.model = QStringLiteral("QLE2460, \"special\" build");
        draft.item.priceUsd = 1234.56;
        draft.item.priceSource = QStringLiteral("quote: Q-1, with a comma");
        QVERIFY(editor.editItem(draft).ok());
        QVERIFY(editor.cloneItem(QStringLiteral("intel-pro1000-pt-dual"), QStringLiteral("my-nic")).ok());
        QVERIFY(editor.setRetired(QStringLiteral("my-nic"), true).ok());

        const CatalogCsvExport user = exportCatalogCsv(db.database(), QStringLiteral("user"));
        QVERIFY(user.ok());
        QCOMPARE(user.items, 2);
        const CatalogCsvExport active = exportCatalogCsv(db.database(), QStringLiteral("user"), false);
        QCOMPARE(active.items, 1);

        const QString itemsPath = m_dir.filePath(QStringLiteral("user-items.csv"));
        const QString specsPath = m_dir.filePath(QStringLiteral("user-specs.csv"));
        QCOMPARE(writeCatalogCsvFiles(user, itemsPath, specsPath), QString());
        const CatalogCsvResult parsed = readCatalogCsv(itemsPath, specsPath);
        QVERIFY2(parsed.ok(), qPrintable(parsed.errors.join(u'\n')));
        QCOMPARE(parsed.rows.items.size(), 2);
        const CatalogItemRow &row = parsed.rows.items.at(0);
        QCOMPARE(row.id, QStringLiteral("my-hba"));
        QCOMPARE(row.catalog, QStringLiteral("user"));
        QCOMPARE(row.model, draft.item.model);
        QCOMPARE(row.priceUsd.value_or(-1.0), 1234.56);
        QCOMPARE(row.priceSource, draft.item.priceSource);
        QCOMPARE(row.maintenancePctPerYear, draft.item.maintenancePctPerYear);
        QCOMPARE(parsed.rows.specs.size(), user.specs);

        // Loaded into another database and exported again: the same bytes.
        CatalogDatabase other;
        QCOMPARE(other.open(m_dir.filePath(QStringLiteral("other.sqlite")), nextName()), QString());
        const CatalogLoadResult loaded = loadCatalogRows(other.database(), parsed.rows, QStringLiteral("reimport"));
        QVERIFY2(loaded.ok(), qPrintable(loaded.errors.join(u'\n')));
        const CatalogCsvExport again = exportCatalogCsv(other.database(), QStringLiteral("user"));
        QCOMPARE(again.itemsCsv, user.itemsCsv);
        QCOMPARE(again.specsCsv, user.specsCsv);

        const CatalogCsvExport only2007 = exportCatalogCsv(db.database(), QStringLiteral("2007"));
        QVERIFY(only2007.items >= 30);
        QVERIFY(!only2007.itemsCsv.contains(",current,"));
        QVERIFY(!only2007.itemsCsv.contains("my-hba"));
    }

    void numbersAndFieldsAreWrittenToReadBack()
    {
        QCOMPARE(catalogNumberText(1000000.0), QStringLiteral("1000000"));
        QCOMPARE(catalogNumberText(0.625), QStringLiteral("0.625"));
        QCOMPARE(catalogNumberText(1234.56), QStringLiteral("1234.56"));
        QCOMPARE(csvField(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
        QCOMPARE(csvField(QStringLiteral("say \"hi\"")), QStringLiteral("\"say \"\"hi\"\"\""));
        QCOMPARE(csvField(QStringLiteral("plain")), QStringLiteral("plain"));
    }
};

QTEST_GUILESS_MAIN(TestVendorQuote)
#include "tst_vendorquote.moc"
