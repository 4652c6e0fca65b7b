// The shipped catalogs (catalogs/data/*.csv, compiled in as resources) parse, are sourced, complete
// and load into a fresh database with the row counts of the files.
#include "catalogs/catalogcsv.h"
#include "catalogs/catalogdatabase.h"
#include "catalogs/catalogfields.h"
#include "catalogs/catalogloader.h"

#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace iovplan::catalogs;

namespace {

int countRows(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toInt();
}

} // namespace

class TestShippedCatalog : public QObject
{
    Q_OBJECT

private:
    CatalogCsvResult m_shipped;

    QStringList specFieldsOf(const QString &id) const
    {
        QStringList fields;
        for (const CatalogSpecRow &spec : m_shipped.rows.specs) {
            if (spec.itemId == id)
                fields << spec.field;
        }
        return fields;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_shipped = readCatalogCsv(shippedItemsCsvPath(), shippedSpecsCsvPath());
    }

    void everyRowParsesAndValidates()
    {
        QVERIFY2(m_shipped.ok(), qPrintable(m_shipped.errors.join(u'\n')));
    }

    void theCompiledInResourcesAreTheFilesInTheSourceTree()
    {
        for (const auto &[resource, file] : {std::pair{shippedItemsCsvPath(), QStringLiteral("items.csv")},
                                             std::pair{shippedSpecsCsvPath(), QStringLiteral("specs.csv")}}) {
            QFile compiled(resource);
            QFile source(QStringLiteral(IOVPLAN_SOURCE_DIR "/catalogs/data/") + file);
            QVERIFY(compiled.open(QIODevice::ReadOnly));
            QVERIFY(source.open(QIODevice::ReadOnly));
            QVERIFY2(compiled.readAll() == source.readAll(), qPrintable(file + QStringLiteral(" differs: rebuild")));
        }
    }

    void atLeastSixtyItemsAndBothCatalogs()
    {
        QVERIFY(m_shipped.rows.items.size() >= 60);
        int y2007 = 0, current = 0;
        for (const CatalogItemRow &item : m_shipped.rows.items) {
            y2007 += item.catalog == u"2007" ? 1 : 0;
            current += item.catalog == u"current" ? 1 : 0;
            QVERIFY2(item.catalog != u"user", qPrintable(item.id));
        }
        QVERIFY(y2007 >= 30);
        QVERIFY(current >= 25);
    }

    void idsAreUniqueAndSpecsPointAtItems()
    {
        QSet<QString> ids;
        for (const CatalogItemRow &item : m_shipped.rows.items) {
            QVERIFY2(!ids.contains(item.id), qPrintable(item.id));
            QVERIFY2(isValidItemId(item.id), qPrintable(item.id));
            ids.insert(item.id);
        }
        QSet<QString> itemFields;
        for (const CatalogSpecRow &spec : m_shipped.rows.specs) {
            QVERIFY2(ids.contains(spec.itemId), qPrintable(spec.itemId));
            const QString key = spec.itemId + u'|' + spec.field;
            QVERIFY2(!itemFields.contains(key), qPrintable(key));
            itemFields.insert(key);
        }
    }

    void everyPriceAndSpecHasASource()
    {
        for (const CatalogItemRow &item : m_shipped.rows.items) {
            QVERIFY2(item.priceUsd.has_value(), qPrintable(item.id));
            QVERIFY2(classifySource(item.priceSource) != SourceClass::Missing, qPrintable(item.id));
            if (item.maintenancePctPerYear)
                QVERIFY2(classifySource(item.maintenanceSource) != SourceClass::Missing, qPrintable(item.id));
        }
        for (const CatalogSpecRow &spec : m_shipped.rows.specs) {
            const QString where = QStringLiteral("%1 %2 (line %3)").arg(spec.itemId, spec.field).arg(spec.line);
            QVERIFY2(classifySource(spec.source) != SourceClass::Missing, qPrintable(where));
            const SpecFieldDefinition *definition = findSpecField(spec.field);
            QVERIFY2(definition, qPrintable(where));
            if (definition->type == SpecType::Number || definition->type == SpecType::Integer)
                QVERIFY2(spec.numericValue.has_value(), qPrintable(where));
        }
    }

    void theWhitePaperHardwareIsThere_data()
    {
        QTest::addColumn<QString>("id");
        // ciov-whitepaper.txt Table 1 and scenario I: 4 GigE NICs + 2 FC HBAs per server, or one
        // InfiniHost III / ConnectX HCA with IB<->Ethernet and IB<->FC gateways.
        for (const char *id : {"intel-pro1000-pt-single", "intel-pro1000-pt-dual", "intel-pro1000-pt-quad", "qlogic-qla2340",
                               "qlogic-qle2460", "mellanox-mhes18-xtc", "mellanox-mhga28-xtc", "mellanox-mhgh28-xtc",
                               "cisco-catalyst-3750g-48ts", "brocade-200e-16", "cisco-sfs-7000p", "cisco-sfs-7000d",
                               "cisco-sfs-3012", "cisco-sfs-3012-eth-gw", "cisco-sfs-3012-fc-gw", "xsigo-vp780",
                               "xsigo-vp780-2x4gfc", "hp-proliant-bl460c-g1", "dell-poweredge-1950", "ib-cx4-copper-3m",
                               "fc-4g-sfp-sw", "nvidia-connectx-7-ndr-1p", "nvidia-bluefield-3-b3220", "nvidia-skyway-ga100"})
            QTest::newRow(id) << QString::fromLatin1(id);
    }

    void theWhitePaperHardwareIsThere()
    {
        QFETCH(QString, id);
        const auto it = std::find_if(m_shipped.rows.items.cbegin(), m_shipped.rows.items.cend(),
                                     [&](const CatalogItemRow &item) { return item.id == id; });
        QVERIFY(it != m_shipped.rows.items.cend());
    }

    void requiredFieldsPerKind()
    {
        for (const CatalogItemRow &item : m_shipped.rows.items) {
            const QStringList fields = specFieldsOf(item.id);
            for (const QString &required : requiredSpecFields(item.kind))
                QVERIFY2(fields.contains(required), qPrintable(item.id + u' ' + required));
            if (item.kind == u"adapter") {
                QVERIFY2((fields.contains(QStringLiteral("pcie_gen")) && fields.contains(QStringLiteral("pcie_lanes")))
                             || (fields.contains(QStringLiteral("pcix_bits")) && fields.contains(QStringLiteral("pcix_mhz"))),
                         qPrintable(item.id));
            }
        }
    }

    void gatewayModulesNameAChassis()
    {
        QSet<QString> gateways;
        for (const CatalogItemRow &item : m_shipped.rows.items) {
            if (item.kind == u"gateway")
                gateways.insert(item.id);
        }
        for (const CatalogSpecRow &spec : m_shipped.rows.specs) {
            if (spec.field == u"chassis")
                QVERIFY2(gateways.contains(spec.value), qPrintable(spec.itemId));
        }
    }

    void loadsIntoAFreshDatabaseWithTheFileRowCounts()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        CatalogDatabase db;
        QCOMPARE(db.open(dir.filePath(QStringLiteral("catalog.sqlite")), QStringLiteral("shipped")), QString());
        const CatalogLoadResult loaded = db.ensureShippedCatalog();
        QVERIFY2(loaded.ok(), qPrintable(loaded.errors.join(u'\n')));
        QCOMPARE(loaded.itemsWritten, static_cast<int>(m_shipped.rows.items.size()));
        QCOMPARE(loaded.specsWritten, static_cast<int>(m_shipped.rows.specs.size()));
        QCOMPARE(countRows(db.database(), QStringLiteral("SELECT count(*) FROM items WHERE origin = 'shipped'")),
                 static_cast<int>(m_shipped.rows.items.size()));
        QCOMPARE(countRows(db.database(), QStringLiteral("SELECT count(*) FROM item_specs")), static_cast<int>(m_shipped.rows.specs.size()));
        QCOMPARE(countRows(db.database(), QStringLiteral("PRAGMA foreign_key_check")), -1); // no violating rows
        QCOMPARE(db.shippedRevision(), shippedCatalogRevision());

        // Second start: already current, nothing written.
        const CatalogLoadResult again = db.ensureShippedCatalog();
        QVERIFY(again.ok());
        QCOMPARE(again.itemsWritten, 0);
    }
};

QTEST_GUILESS_MAIN(TestShippedCatalog)
#include "tst_shippedcatalog.moc"
