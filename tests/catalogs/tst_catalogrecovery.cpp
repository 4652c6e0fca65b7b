// A damaged catalog database (docs/crash-safety.md): CatalogDatabase::open detects it (not SQLite,
// corrupt pages, truncation), moves it aside with its original bytes, rebuilds it from the shipped
// catalogs and re-applies the user's items, edits and retired flags that can still be read. Every open
// leaves the file in WAL mode with a busy timeout, and a second connection waits for a writer.
#include "catalogs/catalogdatabase.h"
#include "catalogs/catalogeditor.h"
#include "catalogs/catalogloader.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <random>
#include <thread>

using namespace iovplan::catalogs;

namespace {

QVariant scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return {};
    return query.value(0);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

/// Everything stored about an item, as one comparable text (the editor's view of it).
QString describe(const std::optional<StoredCatalogItem> &stored)
{
    if (!stored)
        return QStringLiteral("(none)");
    const CatalogItemRow &i = stored->draft.item;
    QStringList parts { i.id, i.catalog, i.kind, i.vendor, i.model, i.partNumber, i.description,
        i.priceUsd ? QString::number(*i.priceUsd) : QStringLiteral("-"), i.priceDate, i.priceSource,
        i.maintenancePctPerYear ? QString::number(*i.maintenancePctPerYear) : QStringLiteral("-"),
        i.maintenanceSource, stored->origin, QString::number(stored->userEdited),
        QString::number(stored->retired) };
    QStringList specs;
    for (const CatalogSpecRow &s : stored->draft.specs)
        specs << QStringList { s.field, s.value, s.unit, s.source }.join(u'=');
    specs.sort();
    return parts.join(u'|') + QStringLiteral(" specs: ") + specs.join(u", ");
}

/// A user's catalog: the shipped catalogs plus their own items (clones), an edited shipped price and a
/// retired shipped item. The edits go to the shipped items written last, so they sit on the last pages.
struct UserCatalog
{
    QStringList ownIds { QStringLiteral("my-hca"), QStringLiteral("my-server"), QStringLiteral("my-switch") };
    QString editedId;
    QString retiredId;
    QMap<QString, QString> expected; ///< id -> describe() before any damage
};

std::optional<UserCatalog> makeUserCatalog(const QString &path)
{
    CatalogDatabase db;
    if (!db.open(path, QStringLiteral("setup")).isEmpty() || !db.ensureShippedCatalog().ok())
        return std::nullopt;
    UserCatalog user;
    QStringList shipped;
    {
        QSqlQuery query(db.database());
        if (!query.exec(QStringLiteral("SELECT id, kind FROM items ORDER BY rowid")))
            return std::nullopt;
        QMap<QString, QString> firstOfKind;
        while (query.next()) {
            shipped << query.value(0).toString();
            if (!firstOfKind.contains(query.value(1).toString()))
                firstOfKind.insert(query.value(1).toString(), query.value(0).toString());
        }
        CatalogEditor editor(db.database());
        const QStringList kinds { QStringLiteral("adapter"), QStringLiteral("server"),
            QStringLiteral("switch") };
        for (int i = 0; i < kinds.size(); ++i) {
            if (!editor.cloneItem(firstOfKind.value(kinds.at(i)), user.ownIds.at(i)).ok())
                return std::nullopt;
        }
        user.editedId = shipped.at(shipped.size() - 1);
        user.retiredId = shipped.at(shipped.size() - 2);
        std::optional<StoredCatalogItem> edited = editor.item(user.editedId);
        if (!edited)
            return std::nullopt;
        edited->draft.item.priceUsd = 12345.0;
        edited->draft.item.priceSource = QStringLiteral("quote: ACME-2024-17");
        edited->draft.item.priceDate = QStringLiteral("2024-05");
        const CatalogEditResult editResult = editor.editItem(edited->draft);
        if (!editResult.ok() || !editor.setRetired(user.retiredId, true).ok()) {
            qWarning() << editResult.errors;
            return std::nullopt;
        }
        for (const QString &id : user.ownIds + QStringList { user.editedId, user.retiredId })
            user.expected.insert(id, describe(editor.item(id)));
    }
    return user;
}

/// The byte offset and size of the first leaf page of the items table (its lowest rowids: shipped
/// items, never the user's, which were written last).
std::pair<qint64, qint64> firstItemsLeafPage(const QString &path)
{
    CatalogDatabase db;
    if (!db.open(path, QStringLiteral("pages")).isEmpty())
        return { -1, 0 };
    const qint64 pageSize = scalar(db.database(), QStringLiteral("PRAGMA page_size")).toLongLong();
    const qint64 page = scalar(db.database(),
        QStringLiteral("SELECT pageno FROM dbstat WHERE name = 'items' "
                       "AND pagetype = 'leaf' ORDER BY path LIMIT 1"))
                            .toLongLong();
    return { page > 0 ? (page - 1) * pageSize : -1, pageSize };
}

QString corrupted(
    const QByteArray &original, const QString &how, qint64 pageOffset, qint64 pageSize, QByteArray &out)
{
    std::mt19937 random(20240517u);
    const auto randomBytes = [&](qint64 n) {
        QByteArray bytes(n, '\0');
        for (char &c : bytes)
            c = static_cast<char>(random() & 0xff);
        return bytes;
    };
    out = original;
    if (how == u"not-a-database")
        out = QByteArray("id,vendor\nthis is a CSV file someone saved over the catalog\n").repeated(200);
    else if (how == u"header-overwritten")
        out.replace(0, 100, QByteArray(100, 'X'));
    else if (how == u"zeroed-page")
        out.replace(pageOffset, pageSize, QByteArray(pageSize, '\0'));
    else if (how == u"random-page")
        out.replace(pageOffset, pageSize, randomBytes(pageSize));
    else if (how == u"truncated")
        out.truncate(original.size() / 2);
    else if (how == u"random-file")
        out = randomBytes(original.size());
    else
        return QStringLiteral("unknown damage ") + how;
    return out == original ? QStringLiteral("nothing changed") : QString();
}

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files, QDir::Name);
}

} // namespace

class TestCatalogRecovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void healthyOpenIsWalWithBusyTimeout();
    void damagedDatabaseIsRebuilt_data();
    void damagedDatabaseIsRebuilt();
    void newerSchemaIsRefusedUntouched();
    void damagedDatabaseIsRefusedWhenAsked();
    void backupNamesNeverCollide();
    void secondConnectionWaitsForWriter();
    void checkTimings();
};

void TestCatalogRecovery::healthyOpenIsWalWithBusyTimeout()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalog.sqlite"));
    QVERIFY(makeUserCatalog(path));
    const QByteArray before = readAll(path);
    CatalogDatabase db;
    QCOMPARE(db.open(path, QStringLiteral("healthy")), QString());
    QVERIFY(!db.recovery().rebuilt);
    QVERIFY(db.recovery().summary().isEmpty());
    QCOMPARE(scalar(db.database(), QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(
        scalar(db.database(), QStringLiteral("PRAGMA busy_timeout")).toInt(), CatalogDatabase::busyTimeoutMs);
    QCOMPARE(scalar(db.database(), QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    db.close();
    QCOMPARE(readAll(path), before); // an open of a healthy file writes nothing
    QCOMPARE(filesIn(dir.path()), QStringList { QStringLiteral("catalog.sqlite") });
}

void TestCatalogRecovery::damagedDatabaseIsRebuilt_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<bool>("editsSurvive"); // the user's rows sit on pages the damage spared
    QTest::newRow("not an SQLite file") << QStringLiteral("not-a-database") << false;
    QTest::newRow("header overwritten") << QStringLiteral("header-overwritten") << false;
    QTest::newRow("a middle page zeroed") << QStringLiteral("zeroed-page") << true;
    QTest::newRow("a middle page of random bytes") << QStringLiteral("random-page") << true;
    QTest::newRow("truncated to half") << QStringLiteral("truncated") << false;
    QTest::newRow("random bytes throughout") << QStringLiteral("random-file") << false;
}

void TestCatalogRecovery::damagedDatabaseIsRebuilt()
{
    QFETCH(QString, damage);
    QFETCH(bool, editsSurvive);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalog.sqlite"));
    const std::optional<UserCatalog> user = makeUserCatalog(path);
    QVERIFY(user);
    const auto [pageOffset, pageSize] = firstItemsLeafPage(path);
    QVERIFY(pageOffset > 0);
    QVERIFY(
        filesIn(dir.path()) == QStringList { QStringLiteral("catalog.sqlite") }); // no -wal left to corrupt
    QByteArray damaged;
    QCOMPARE(corrupted(readAll(path), damage, pageOffset, pageSize, damaged), QString());
    QVERIFY(writeAll(path, damaged));

    CatalogDatabase db;
    const QString error = db.open(path, QStringLiteral("damaged"));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const CatalogRecoveryReport &report = db.recovery();
    qInfo().noquote() << report.summary();
    QVERIFY(report.rebuilt);
    QVERIFY(!report.damage.isEmpty());
    QVERIFY(report.summary().contains(report.backupPath));

    // The damaged bytes are kept, under the documented name.
    QVERIFY2(QFileInfo(report.backupPath).fileName().startsWith(QStringLiteral("catalog.sqlite.corrupt-")),
        qPrintable(report.backupPath));
    QVERIFY(QFileInfo(report.backupPath)
                .fileName()
                .contains(QRegularExpression(QStringLiteral("corrupt-\\d{8}-\\d{6}$"))));
    QVERIFY(readAll(report.backupPath) == damaged);

    // A working database: healthy, WAL, busy timeout, the shipped catalogs loaded and current.
    {
        const QSqlDatabase sql = db.database();
        QCOMPARE(scalar(sql, QStringLiteral("PRAGMA quick_check")).toString(), QStringLiteral("ok"));
        QCOMPARE(scalar(sql, QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(scalar(sql, QStringLiteral("PRAGMA busy_timeout")).toInt(), CatalogDatabase::busyTimeoutMs);
        QCOMPARE(db.shippedRevision(), shippedCatalogRevision());
        QVERIFY(db.ensureShippedCatalog().ok());
        QVERIFY(
            scalar(sql, QStringLiteral("SELECT count(*) FROM items WHERE origin = 'shipped'")).toInt() >= 80);

        CatalogEditor editor(sql);
        if (editsSurvive) {
            QVERIFY(report.unreadableRows > 0); // the damaged page's rows
            QVERIFY(!report.everythingUnreadable);
            QCOMPARE(report.userItemsRestored, 3);
            QCOMPARE(report.editedItemsRestored, 1);
            QCOMPARE(report.retiredRestored, 1);
            QVERIFY(report.specsRestored > 0);
            QVERIFY2(report.lostEdits.isEmpty(), qPrintable(report.lostEdits.join(u'\n')));
            for (auto it = user->expected.cbegin(); it != user->expected.cend(); ++it)
                QCOMPARE(describe(editor.item(it.key())), it.value());
        } else {
            QVERIFY(report.editsMayBeLost());
            // Whatever was restored is what the user had, nothing invented (its specs may be partly lost
            // with their pages: the item fields are compared).
            const auto itemPart = [](const QString &description) {
                return description.section(QStringLiteral(" specs: "), 0, 0);
            };
            for (auto it = user->expected.cbegin(); it != user->expected.cend(); ++it) {
                const std::optional<StoredCatalogItem> now = editor.item(it.key());
                if (now && (now->origin == u"user" || now->userEdited || now->retired))
                    QCOMPARE(itemPart(describe(now)), itemPart(it.value()));
            }
        }
        // Edits go on after the rebuild.
        QVERIFY(editor.setRetired(user->editedId, true).ok());
    }
    db.close();
    // Reopened: healthy now, nothing rebuilt again.
    QCOMPARE(db.open(path, QStringLiteral("again")), QString());
    QVERIFY(!db.recovery().rebuilt);
}

void TestCatalogRecovery::newerSchemaIsRefusedUntouched()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalog.sqlite"));
    {
        // A file from a future program, in the rollback-journal mode it was left in.
        QSqlDatabase future = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("future"));
        future.setDatabaseName(path);
        QVERIFY(future.open());
        QSqlQuery query(future);
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE items_v99 (id TEXT)")));
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = 99")));
        query.finish();
        future.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("future"));
    const QByteArray before = readAll(path);
    CatalogDatabase db;
    const QString error = db.open(path, QStringLiteral("newer"));
    QVERIFY2(error.contains(QStringLiteral("newer than this program")), qPrintable(error));
    QVERIFY(error.contains(path));
    QVERIFY(!db.isOpen());
    QVERIFY(!db.recovery().rebuilt);
    QCOMPARE(readAll(path), before); // not switched to WAL, not moved aside
    QCOMPARE(filesIn(dir.path()), QStringList { QStringLiteral("catalog.sqlite") });
}

// A database the user named on the command line (OnDamage::Refuse): the damage is the error, the file stays.
void TestCatalogRecovery::damagedDatabaseIsRefusedWhenAsked()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalog.sqlite"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    const QByteArray before = readAll(path);
    CatalogDatabase db;
    const QString error = db.open(path, QStringLiteral("refused"), CatalogDatabase::OnDamage::Refuse);
    QVERIFY2(error.contains(path) && error.contains(QStringLiteral("not a usable catalog database")), qPrintable(error));
    QVERIFY(!db.isOpen());
    QVERIFY(!db.recovery().rebuilt);
    QCOMPARE(readAll(path), before);
    QCOMPARE(filesIn(dir.path()), QStringList { QStringLiteral("catalog.sqlite") });
}

void TestCatalogRecovery::backupNamesNeverCollide()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalog.sqlite"));
    const QDateTime when(QDate(2024, 5, 17), QTime(9, 8, 7));
    const QString first = corruptBackupPath(path, when);
    QCOMPARE(first, path + QStringLiteral(".corrupt-20240517-090807"));
    QVERIFY(writeAll(first, "x"));
    QCOMPARE(corruptBackupPath(path, when), first + QStringLiteral("-2"));

    // Moving aside takes the -wal and -shm along, all or nothing.
    QVERIFY(writeAll(path, "main"));
    QVERIFY(writeAll(path + QStringLiteral("-wal"), "wal"));
    QVERIFY(writeAll(path + QStringLiteral("-shm"), "shm"));
    const QString second = corruptBackupPath(path, when);
    QCOMPARE(moveDatabaseAside(path, second), QString());
    QCOMPARE(readAll(second), QByteArray("main"));
    QCOMPARE(readAll(second + QStringLiteral("-wal")), QByteArray("wal"));
    QCOMPARE(readAll(second + QStringLiteral("-shm")), QByteArray("shm"));
    QVERIFY(!QFileInfo::exists(path) && !QFileInfo::exists(path + QStringLiteral("-wal")));
}

void TestCatalogRecovery::secondConnectionWaitsForWriter()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalog.sqlite"));
    CatalogDatabase writer;
    QCOMPARE(writer.open(path, QStringLiteral("writer")), QString());
    QVERIFY(writer.ensureShippedCatalog().ok());
    const int shippedCount = scalar(writer.database(), QStringLiteral("SELECT count(*) FROM items")).toInt();

    // The writer holds the write lock with an uncommitted change.
    QSqlDatabase w = writer.database();
    QVERIFY(w.transaction());
    QSqlQuery write(w);
    QVERIFY(
        write.exec(QStringLiteral("UPDATE items SET description = 'held by the writer' WHERE rowid = 1")));

    // Meanwhile another connection (its own thread, as a second program would be) reads and then writes.
    std::atomic<int> stage { 0 };
    QString readerError, readerDescription;
    int readerCount = -1;
    std::thread other([&] {
        CatalogDatabase second;
        readerError = second.open(path, QStringLiteral("second"));
        if (readerError.isEmpty()) {
            // WAL: a reader sees the last commit while the writer works, without waiting.
            readerCount = scalar(second.database(), QStringLiteral("SELECT count(*) FROM items")).toInt();
            readerDescription
                = scalar(second.database(), QStringLiteral("SELECT description FROM items WHERE rowid = 1"))
                      .toString();
            stage = 1;
            // A write must wait for the writer's commit (busy timeout), not fail with "database is locked".
            QSqlQuery update(second.database());
            if (!update.exec(QStringLiteral("UPDATE items SET part_number = 'second' WHERE rowid = 2")))
                readerError = update.lastError().text();
        }
        stage = 2;
    });
    while (stage.load() == 0)
        QThread::msleep(5);
    QThread::msleep(300); // the second connection is now waiting for the lock
    // Finished while the lock is still held: it either failed ("database is locked") or did not wait.
    const bool finishedWhileLocked = stage.load() == 2;
    QVERIFY(w.commit());
    other.join();
    QVERIFY2(readerError.isEmpty(), qPrintable(readerError));
    QVERIFY(!finishedWhileLocked);
    QCOMPARE(readerCount, shippedCount);
    QVERIFY(readerDescription != QStringLiteral("held by the writer"));
    QCOMPARE(
        scalar(writer.database(), QStringLiteral("SELECT description FROM items WHERE rowid = 1")).toString(),
        QStringLiteral("held by the writer"));
    QCOMPARE(
        scalar(writer.database(), QStringLiteral("SELECT part_number FROM items WHERE rowid = 2")).toString(),
        QStringLiteral("second"));
}

void TestCatalogRecovery::checkTimings()
{
    // Not an assertion on time (docs/crash-safety.md quotes the figures): both checks pass on the
    // shipped catalog, and each is timed over several runs.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalog.sqlite"));
    QVERIFY(makeUserCatalog(path));
    CatalogDatabase db;
    QCOMPARE(db.open(path, QStringLiteral("timing")), QString());
    for (const QString &check : { QStringLiteral("quick_check"), QStringLiteral("integrity_check") }) {
        constexpr int runs = 20;
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < runs; ++i)
            QCOMPARE(
                scalar(db.database(), QStringLiteral("PRAGMA ") + check).toString(), QStringLiteral("ok"));
        qInfo("%s: %.3f ms per run on %lld bytes", qPrintable(check),
            static_cast<double>(timer.nsecsElapsed()) / 1e6 / runs, QFileInfo(path).size());
    }
}

QTEST_GUILESS_MAIN(TestCatalogRecovery)
#include "tst_catalogrecovery.moc"
