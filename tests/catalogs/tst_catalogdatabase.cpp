// The catalog database opens a real SQLite file with foreign keys on and migrates it to the current schema.
#include "catalogs/catalogdatabase.h"
#include "catalogs/catalogschema.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using iovplan::catalogs::CatalogDatabase;

class TestCatalogDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void opensNewFileWithForeignKeys()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        CatalogDatabase db;
        const QString path = dir.filePath(QStringLiteral("sub/catalog.sqlite"));
        QCOMPARE(db.open(path, QStringLiteral("t1")), QString());
        QVERIFY(db.isOpen());
        QCOMPARE(db.schemaVersion(), iovplan::catalogs::kCatalogSchemaVersion);
        QSqlQuery query(QSqlDatabase::database(QStringLiteral("t1")));
        QVERIFY(query.exec(QStringLiteral("PRAGMA foreign_keys")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 1);
        QVERIFY(QFileInfo::exists(path));
    }

    void unwritableLocationIsReportedWithThePath()
    {
        CatalogDatabase db;
        const QString path = QStringLiteral("/proc/iovplan-no-such-dir/catalog.sqlite");
        const QString error = db.open(path, QStringLiteral("t2"));
        QVERIFY(!error.isEmpty());
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY(!db.isOpen());
    }
};

QTEST_GUILESS_MAIN(TestCatalogDatabase)
#include "tst_catalogdatabase.moc"
