// Size limits of the catalog CSV, vendor quote and NetBox readers (issue 7, part 5; docs/limits.md):
// just above a limit the input is refused with an error naming the file and the limit; at the limit
// it gets through to the usual checks. Inputs are generated here and kept small: row limits are
// tested at their defaults where the rows are one byte each, and with small injected limits where
// every row is validated.
#include "catalogs/catalogcsv.h"
#include "catalogs/csvreader.h"
#include "catalogs/netboximport.h"
#include "catalogs/vendorquoteimport.h"

#include <QFile>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QtTest>

using namespace iovplan::catalogs;

namespace {

const QByteArray specsHeader = "item_id,field,value,unit,source\n";

QByteArray itemsHeader()
{
    return itemsCsvColumns().join(u',').toUtf8() + '\n';
}

// n rows of `row`, each on its own line.
QByteArray rows(qsizetype n, const QByteArray &row)
{
    QByteArray bytes;
    bytes.reserve(n * (row.size() + 1));
    for (qsizetype i = 0; i < n; ++i)
        bytes += row + '\n';
    return bytes;
}

// n distinct, well-formed cable items.
QByteArray cableItems(qsizetype n)
{
    QByteArray bytes = itemsHeader();
    for (qsizetype i = 0; i < n; ++i)
        bytes += "cable-" + QByteArray::number(i) + ",user,cable,Acme,C" + QByteArray::number(i)
            + ",,,1,2020-01,estimate: test,,\n";
    return bytes;
}

bool mentionsLimit(const QStringList &errors)
{
    return !errors.filter(QStringLiteral("limit")).isEmpty();
}

QByteArray netboxYaml()
{
    QFile file(QFINDTESTDATA("../data/netbox/dell-poweredge-r650.yaml"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("tests/data/netbox/dell-poweredge-r650.yaml is missing");
    return file.readAll();
}

} // namespace

class TestImportLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void catalogRows_data()
    {
        QTest::addColumn<QByteArray>("items");
        QTest::addColumn<QByteArray>("specs");
        QTest::addColumn<QString>("expectedError"); // empty: no limit error
        const CatalogCsvLimits defaults;
        QTest::newRow("items above the default") << itemsHeader() + rows(defaults.maxItemRows + 1, "x") << specsHeader
                                                 << QStringLiteral("items.csv:100002: more than 100000 rows below the header, the limit");
        QTest::newRow("items at the default") << itemsHeader() + rows(defaults.maxItemRows, "x") << specsHeader << QString();
        QTest::newRow("specs above the default") << itemsHeader() << specsHeader + rows(defaults.maxSpecRows + 1, "x")
                                                 << QStringLiteral("specs.csv:1000002: more than 1000000 rows below the header, the limit");
        QTest::newRow("fields in a row above the limit") << itemsHeader() + QByteArray(CsvLimits().maxFieldsPerRecord, ',') + '\n'
                                                         << specsHeader
                                                         << QStringLiteral("items.csv:2: more than 256 fields in one row, the limit");
        QTest::newRow("fields in a row at the limit") << itemsHeader() + QByteArray(CsvLimits().maxFieldsPerRecord - 1, ',') + '\n'
                                                      << specsHeader << QString();
    }

    void catalogRows()
    {
        QFETCH(QByteArray, items);
        QFETCH(QByteArray, specs);
        QFETCH(QString, expectedError);
        const CatalogCsvResult result = parseCatalogCsv(items, QStringLiteral("items.csv"), specs, QStringLiteral("specs.csv"));
        if (expectedError.isEmpty()) {
            // The rows are malformed, so there are errors, but none about a limit.
            QVERIFY(!result.ok());
            QVERIFY2(!mentionsLimit(result.errors), qPrintable(result.errors.first()));
        } else {
            QCOMPARE(result.errors, QStringList{expectedError});
        }
    }

    void catalogRowsWellFormed()
    {
        // Well-formed rows with small injected limits: at the limit every row is read and checked.
        const CatalogCsvLimits limits{.maxFileBytes = CatalogCsvLimits().maxFileBytes, .maxItemRows = 50, .maxSpecRows = 50};
        const QByteArray specs = specsHeader;
        const CatalogCsvResult at = parseCatalogCsv(cableItems(50), QStringLiteral("items.csv"), specs, QStringLiteral("specs.csv"), limits);
        QVERIFY(!mentionsLimit(at.errors));
        const CatalogCsvResult above = parseCatalogCsv(cableItems(51), QStringLiteral("items.csv"), specs, QStringLiteral("specs.csv"), limits);
        QCOMPARE(above.errors, QStringList{QStringLiteral("items.csv:52: more than 50 rows below the header, the limit")});
        QVERIFY(above.rows.items.isEmpty());
    }

    void catalogBytes()
    {
        const QByteArray items = cableItems(1);
        CatalogCsvLimits limits;
        limits.maxFileBytes = items.size();
        QVERIFY(!mentionsLimit(parseCatalogCsv(items, QStringLiteral("items.csv"), specsHeader, QStringLiteral("specs.csv"), limits).errors));
        const CatalogCsvResult above
            = parseCatalogCsv(items + '\n', QStringLiteral("items.csv"), specsHeader, QStringLiteral("specs.csv"), limits);
        QCOMPARE(above.errors,
                 QStringList{QStringLiteral("items.csv: the file is %1 bytes, more than the limit of %2 bytes").arg(items.size() + 1).arg(items.size())});

        // The default limit, on a sparse file one byte larger: refused by its size, before reading.
        const qint64 defaultLimit = CatalogCsvLimits().maxFileBytes;
        QCOMPARE(defaultLimit, qint64(32) * 1024 * 1024);
        QTemporaryDir dir;
        const QString specsPath = dir.filePath(QStringLiteral("specs.csv"));
        QFile file(specsPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(defaultLimit + 1));
        file.close();
        const CatalogCsvResult huge = readCatalogCsv(shippedItemsCsvPath(), specsPath);
        QCOMPARE(huge.errors, QStringList{QStringLiteral("%1: the file is %2 bytes, more than the limit of %3 bytes")
                                              .arg(specsPath)
                                              .arg(defaultLimit + 1)
                                              .arg(defaultLimit)});
    }

    void vendorQuoteLimits()
    {
        // Both limits are checked before the database is used, so no database is needed here.
        const QByteArray header = "id,price_usd,price_date,price_source\n";
        const QuoteImportReport rowsAbove = checkVendorQuote(QSqlDatabase(), header + rows(kVendorQuoteMaxRows + 1, "x"),
                                                             QStringLiteral("quote.csv"));
        QCOMPARE(rowsAbove.error, QStringLiteral("quote.csv:100002: more than 100000 rows below the header, the limit"));
        const QuoteImportReport bytesAbove = checkVendorQuote(QSqlDatabase(), QByteArray(kVendorQuoteMaxFileBytes + 1, ' '),
                                                              QStringLiteral("quote.csv"));
        QCOMPARE(bytesAbove.error, QStringLiteral("quote.csv: the file is 33554433 bytes, more than the limit of 33554432 bytes"));
        QVERIFY(!checkVendorQuote(QSqlDatabase(), QByteArray(kVendorQuoteMaxFileBytes, '\n'), QStringLiteral("quote.csv"))
                     .error.contains(QStringLiteral("limit")));
    }

    void netboxBytes()
    {
        const QByteArray yaml = netboxYaml();
        QVERIFY(readNetboxDeviceType(yaml, QStringLiteral("device-types/Dell/r650.yaml")).ok());
        // Padded with a comment to exactly the limit: still read.
        const QByteArray atLimit = yaml + "\n#" + QByteArray(kNetboxMaxFileBytes - yaml.size() - 2, 'x');
        QCOMPARE(atLimit.size(), kNetboxMaxFileBytes);
        const NetboxImportResult at = readNetboxDeviceType(atLimit, QStringLiteral("device-types/Dell/r650.yaml"));
        QVERIFY2(at.ok(), qPrintable(at.error));
        const NetboxImportResult above = readNetboxDeviceType(atLimit + 'x', QStringLiteral("device-types/Dell/r650.yaml"));
        QCOMPARE(above.error, QStringLiteral("device-types/Dell/r650.yaml:1: the file is 1048577 bytes, more than the limit of 1048576 bytes"));
    }
};

QTEST_GUILESS_MAIN(TestImportLimits)
#include "tst_importlimits.moc"
