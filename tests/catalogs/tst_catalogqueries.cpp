// catalogs/catalogqueries: the non-retired item ids of given kinds, counted against the shipped
// catalogs/data/items.csv, in id order, without retired items, and with errors for a closed database.
#include "catalogtesthelpers.h"

#include "catalogs/catalogeditor.h"
#include "catalogs/catalogqueries.h"
#include "catalogs/csvreader.h"

#include <QFile>
#include <QSet>

#include <map>

using namespace iovplan::catalogs;

namespace {

/// Non-retired rows per kind of the shipped items.csv in the source tree (no "retired" column: all rows).
std::map<QString, int> shippedCountsByKind(QString *error)
{
    QFile file(QStringLiteral(IOVPLAN_SOURCE_DIR "/catalogs/data/items.csv"));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.fileName() + QStringLiteral(": cannot open");
        return {};
    }
    const CsvParseResult csv = parseCsv(file.readAll(), QStringLiteral("items.csv"));
    if (!csv.error.isEmpty() || csv.records.isEmpty()) {
        *error = csv.error.isEmpty() ? QStringLiteral("items.csv: empty") : csv.error;
        return {};
    }
    const QStringList header = csv.records.front().fields;
    const qsizetype kind = header.indexOf(QStringLiteral("kind"));
    const qsizetype retired = header.indexOf(QStringLiteral("retired"));
    if (kind < 0) {
        *error = QStringLiteral("items.csv: no kind column");
        return {};
    }
    std::map<QString, int> counts;
    for (qsizetype r = 1; r < csv.records.size(); ++r) {
        const QStringList &fields = csv.records[r].fields;
        if (retired >= 0 && fields.value(retired).trimmed() == u"1")
            continue;
        ++counts[fields.value(kind).trimmed()];
    }
    return counts;
}

} // namespace

class TestCatalogQueries : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(catalogtest::openShipped(m_db, m_dir, QStringLiteral("queries")));
        QString error;
        m_counts = shippedCountsByKind(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void countPerKindMatchesItemsCsv_data()
    {
        QTest::addColumn<QString>("kind");
        for (const char *kind : { "adapter", "gateway", "gateway-module", "cable", "switch", "server", "transceiver" })
            QTest::newRow(kind) << QString::fromLatin1(kind);
    }

    void countPerKindMatchesItemsCsv()
    {
        QFETCH(QString, kind);
        const auto expected = m_counts.find(kind);
        QVERIFY2(expected != m_counts.end() && expected->second > 0, qPrintable(kind + QStringLiteral(": none in items.csv")));
        const CatalogIdsResult result = activeItemIds(m_db, { kind });
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.ids.size(), expected->second);
        for (const QString &id : result.ids)
            QCOMPARE(catalogtest::scalar(m_db.database(), QStringLiteral("SELECT kind FROM items WHERE id = '%1'").arg(id)).toString(), kind);
    }

    void severalKindsAreTheUnionInIdOrder()
    {
        const QStringList kinds { QStringLiteral("switch"), QStringLiteral("adapter"), QStringLiteral("gateway") };
        const CatalogIdsResult result = activeItemIds(m_db, kinds);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.ids.size(), m_counts[kinds[0]] + m_counts[kinds[1]] + m_counts[kinds[2]]);
        QStringList sorted = result.ids;
        sorted.sort();
        QCOMPARE(result.ids, sorted);
        QCOMPARE(QSet<QString>(result.ids.begin(), result.ids.end()).size(), result.ids.size());
    }

    void unknownOrNoKindGivesNone_data()
    {
        QTest::addColumn<QStringList>("kinds");
        QTest::newRow("unknown") << QStringList { QStringLiteral("spaceship") };
        QTest::newRow("case differs") << QStringList { QStringLiteral("Adapter") };
        QTest::newRow("quote in kind") << QStringList { QStringLiteral("adapter') OR ('1'='1") };
        QTest::newRow("empty list") << QStringList {};
    }

    void unknownOrNoKindGivesNone()
    {
        QFETCH(QStringList, kinds);
        const CatalogIdsResult result = activeItemIds(m_db, kinds);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QVERIFY(result.ids.isEmpty());
    }

    void retiredItemsAreLeftOut()
    {
        const QStringList before = activeItemIds(m_db, { QStringLiteral("cable") }).ids;
        QVERIFY(!before.isEmpty());
        const QString retired = before.front();
        QVERIFY(CatalogEditor(m_db.database()).setRetired(retired, true).ok());
        const CatalogIdsResult after = activeItemIds(m_db, { QStringLiteral("cable") });
        QVERIFY2(after.ok(), qPrintable(after.error));
        QCOMPARE(after.ids.size(), before.size() - 1);
        QVERIFY(!after.ids.contains(retired));
        QVERIFY(CatalogEditor(m_db.database()).setRetired(retired, false).ok());
        QCOMPARE(activeItemIds(m_db, { QStringLiteral("cable") }).ids, before);
    }

    void closedDatabaseIsAnError()
    {
        CatalogDatabase closed;
        const CatalogIdsResult result = activeItemIds(closed, { QStringLiteral("adapter") });
        QVERIFY(!result.ok());
        QVERIFY(result.ids.isEmpty());
    }

private:
    QTemporaryDir m_dir;
    CatalogDatabase m_db;
    std::map<QString, int> m_counts;
};

QTEST_GUILESS_MAIN(TestCatalogQueries)
#include "tst_catalogqueries.moc"
