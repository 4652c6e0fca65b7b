// The user catalog editor: add, edit, clone and retire items with the rules of the shipped data, each
// change in one transaction, errors naming item and field; edits survive a shipped-catalog reload.
#include "catalogtesthelpers.h"

#include "catalogs/catalogeditor.h"
#include "catalogs/catalogloader.h"

using namespace iovplan::catalogs;
using catalogtest::scalar;

namespace {

CatalogSpecRow spec(const char *field, const char *value, const char *unit, const char *source)
{
    CatalogSpecRow row;
    row.field = QString::fromLatin1(field);
    row.value = QString::fromLatin1(value);
    row.unit = QString::fromUtf8(unit);
    row.source = QString::fromLatin1(source);
    return row;
}

/// A valid user item: a 3 m DDR InfiniBand cable with its required specs.
CatalogItemDraft cableDraft()
{
    CatalogItemDraft draft;
    draft.item.id = QStringLiteral("my-cable");
    draft.item.kind = QStringLiteral("cable");
    draft.item.vendor = QStringLiteral("Acme");
    draft.item.model = QStringLiteral("4x CX4 cable, 3 m");
    draft.item.partNumber = QStringLiteral("AC-CX4-3");
    draft.item.priceUsd = 95.0;
    draft.item.priceDate = QStringLiteral("2024-03");
    draft.item.priceSource = QStringLiteral("quote: Acme Q-1177, 2024-03-02");
    draft.specs = {spec("protocol", "infiniband", "", "product name: 4x CX4 cable"),
                   spec("medium", "copper", "", "product name: copper"),
                   spec("speed_gbps", "20", "Gb/s", "standard: IBTA 4x DDR"),
                   spec("reach_m", "3", "m", "product name: 3 m"),
                   spec("watts_typical", "0", "W", "estimate: a passive copper cable draws no power of its own")};
    return draft;
}

bool anyContains(const QStringList &errors, const QString &text)
{
    return std::any_of(errors.cbegin(), errors.cend(), [&](const QString &e) { return e.contains(text); });
}

} // namespace

class TestCatalogEditor : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_connections = 0;

    QString nextName() { return QStringLiteral("editor%1").arg(++m_connections); }

private Q_SLOTS:
    void addedItemReadsBackAsTheUsersOwn()
    {
        CatalogDatabase db;
        QVERIFY(catalogtest::openShipped(db, m_dir, nextName()));
        CatalogEditor editor(db.database());
        CatalogItemDraft draft = cableDraft();
        draft.item.catalog = QStringLiteral("2007"); // ignored: added items are the user's
        const CatalogEditResult added = editor.addItem(draft);
        QVERIFY2(added.ok(), qPrintable(added.errors.join(u'\n')));
        const auto stored = editor.item(QStringLiteral("my-cable"));
        QVERIFY(stored);
        QCOMPARE(stored->origin, QStringLiteral("user"));
        QCOMPARE(stored->draft.item.catalog, QStringLiteral("user"));
        QCOMPARE(stored->draft.item.model, draft.item.model);
        QCOMPARE(stored->draft.item.priceUsd.value_or(-1.0), 95.0);
        QCOMPARE(stored->draft.item.priceSource, draft.item.priceSource);
        QCOMPARE(stored->draft.specs.size(), draft.specs.size());
        for (qsizetype i = 0; i < draft.specs.size(); ++i) {
            QCOMPARE(stored->draft.specs.at(i).field, draft.specs.at(i).field);
            QCOMPARE(stored->draft.specs.at(i).value, draft.specs.at(i).value);
            QCOMPARE(stored->draft.specs.at(i).source, draft.specs.at(i).source);
        }
        QCOMPARE(stored->draft.specs.at(2).numericValue.value_or(-1.0), 20.0);
        QVERIFY(!stored->userEdited);
        QVERIFY(!stored->retired);
    }

    void badItemsAreRefusedNamingItemAndFieldAndWriteNothing_data()
    {
        QTest::addColumn<int>("breakage");
        QTest::addColumn<QString>("expected");
        QTest::newRow("NaN price") << 0 << QStringLiteral("item my-cable: price_usd \"nan\" is not a number >= 0");
        QTest::newRow("negative price") << 1 << QStringLiteral("item my-cable: price_usd \"-5\"");
        QTest::newRow("price without source") << 2 << QStringLiteral("item my-cable: price_usd needs a source");
        QTest::newRow("bad price date") << 3 << QStringLiteral("item my-cable: price_date \"2024-13\"");
        QTest::newRow("unknown spec field") << 4 << QStringLiteral("item my-cable: unknown spec field \"colour\"");
        QTest::newRow("wrong unit") << 5 << QStringLiteral("item my-cable: reach_m is in \"m\", not \"ft\"");
        QTest::newRow("required spec missing") << 6 << QStringLiteral("item my-cable: a cable needs the spec fields medium");
        QTest::newRow("spec given twice") << 7 << QStringLiteral("item my-cable: reach_m is given twice");
        QTest::newRow("id already used (shipped)") << 8 << QStringLiteral("item qlogic-qle2460: id already exists");
        QTest::newRow("bad id") << 9 << QStringLiteral("item My Cable: id \"My Cable\" must be");
        QTest::newRow("unknown kind") << 10 << QStringLiteral("item my-cable: kind \"toaster\"");
        QTest::newRow("word outside the list") << 11 << QStringLiteral("item my-cable: medium \"string\" is not one of");
        QTest::newRow("chassis not an item") << 12 << QStringLiteral("item my-cable: chassis \"no-such-chassis\" is not the id of another item");
        QTest::newRow("maintenance over 100%") << 13 << QStringLiteral("item my-cable: maintenance_pct_per_year \"120\"");
    }

    void badItemsAreRefusedNamingItemAndFieldAndWriteNothing()
    {
        QFETCH(int, breakage);
        QFETCH(QString, expected);
        CatalogDatabase db;
        QVERIFY(catalogtest::openShipped(db, m_dir, nextName()));
        const int before = scalar(db.database(), QStringLiteral("SELECT count(*) FROM items")).toInt();
        CatalogItemDraft draft = cableDraft();
        switch (breakage) {
        case 0: draft.item.priceUsd = std::nan(""); break;
        case 1: draft.item.priceUsd = -5.0; break;
        case 2: draft.item.priceSource.clear(); break;
        case 3: draft.item.priceDate = QStringLiteral("2024-13"); break;
        case 4: draft.specs << spec("colour", "black", "", "product name: black"); break;
        case 5: draft.specs[3].unit = QStringLiteral("ft"); break;
        case 6: draft.specs.removeAt(1); break;
        case 7: draft.specs << spec("reach_m", "5", "m", "product name: 5 m"); break;
        case 8: draft.item.id = QStringLiteral("qlogic-qle2460"); break;
        case 9: draft.item.id = QStringLiteral("My Cable"); break;
        case 10: draft.item.kind = QStringLiteral("toaster"); break;
        case 11: draft.specs[1].value = QStringLiteral("string"); break;
        case 12: draft.specs << spec("chassis", "no-such-chassis", "", "product name: fits the X chassis"); break;
        case 13:
            draft.item.maintenancePctPerYear = 120.0;
            draft.item.maintenanceSource = QStringLiteral("quote: Acme support Q-1177");
            break;
        default: QFAIL("no such breakage");
        }
        CatalogEditor editor(db.database());
        const CatalogEditResult result = editor.addItem(draft);
        QVERIFY(!result.ok());
        QVERIFY2(anyContains(result.errors, expected), qPrintable(result.errors.join(u'\n')));
        QCOMPARE(scalar(db.database(), QStringLiteral("SELECT count(*) FROM items")).toInt(), before);
        QCOMPARE(scalar(db.database(), QStringLiteral("SELECT count(*) FROM item_specs WHERE item_id = 'my-cable'")).toInt(), 0);
    }

    void editingAShippedItemSurvivesAShippedReload()
    {
        CatalogDatabase db;
        QVERIFY(catalogtest::openShipped(db, m_dir, nextName()));
        CatalogEditor editor(db.database());
        auto stored = editor.item(QStringLiteral("qlogic-qle2460"));
        QVERIFY(stored);
        QVERIFY(!stored->userEdited);
        CatalogItemDraft draft = stored->draft;
        draft.item.priceUsd = 777.0;
        draft.item.priceSource = QStringLiteral("quote: reseller Q-9, March 2024");
        draft.item.priceDate = QStringLiteral("2024-03");
        for (CatalogSpecRow &row : draft.specs) {
            if (row.field == u"watts_typical") {
                row.value = QStringLiteral("6.5");
                row.source = QStringLiteral("data sheet: QLE2460 user's guide, power table");
            }
        }
        const CatalogEditResult edited = editor.editItem(draft);
        QVERIFY2(edited.ok(), qPrintable(edited.errors.join(u'\n')));
        stored = editor.item(QStringLiteral("qlogic-qle2460"));
        QVERIFY(stored->userEdited);
        QCOMPARE(stored->origin, QStringLiteral("shipped"));
        QCOMPARE(stored->draft.item.catalog, QStringLiteral("2007"));
        QCOMPARE(scalar(db.database(), QStringLiteral("SELECT user_edited FROM item_specs WHERE item_id = 'qlogic-qle2460' "
                                                      "AND field = 'watts_typical'")).toInt(), 1);
        QCOMPARE(scalar(db.database(), QStringLiteral("SELECT user_edited FROM item_specs WHERE item_id = 'qlogic-qle2460' "
                                                      "AND field = 'ports'")).toInt(), 0);

        // A newer shipped catalog: an unedited row is refreshed, the edited one is kept with its specs.
        QSqlQuery change(db.database());
        QVERIFY(change.exec(QStringLiteral("UPDATE items SET price_usd = 1 WHERE id = 'qlogic-qle2462'")));
        QVERIFY(change.exec(QStringLiteral("UPDATE catalog_meta SET value = 'older' WHERE key = 'shipped_revision'")));
        const CatalogLoadResult reload = db.ensureShippedCatalog();
        QVERIFY2(reload.ok(), qPrintable(reload.errors.join(u'\n')));
        QVERIFY(reload.itemsWritten > 0);
        QCOMPARE(scalar(db.database(), QStringLiteral("SELECT price_usd FROM items WHERE id = 'qlogic-qle2462'")).toDouble(), 1900.0);
        stored = editor.item(QStringLiteral("qlogic-qle2460"));
        QCOMPARE(stored->draft.item.priceUsd.value_or(-1.0), 777.0);
        QCOMPARE(stored->draft.item.priceSource, QStringLiteral("quote: reseller Q-9, March 2024"));
        QCOMPARE(scalar(db.database(), QStringLiteral("SELECT value FROM item_specs WHERE item_id = 'qlogic-qle2460' "
                                                      "AND field = 'watts_typical'")).toString(), QStringLiteral("6.5"));
    }

    void editRefusesUnknownItemsCatalogChangesAndBadFields()
    {
        CatalogDatabase db;
        QVERIFY(catalogtest::openShipped(db, m_dir, nextName()));
        CatalogEditor editor(db.database());
        CatalogItemDraft ghost = cableDraft();
        ghost.item.id = QStringLiteral("no-such-item");
        QVERIFY(anyContains(editor.editItem(ghost).errors, QStringLiteral("item no-such-item: no such item")));

        CatalogItemDraft draft = editor.item(QStringLiteral("qlogic-qle2460"))->draft;
        draft.item.catalog = QStringLiteral("user");
        QVERIFY(anyContains(editor.editItem(draft).errors, QStringLiteral("item qlogic-qle2460: catalog cannot change")));

        draft = editor.item(QStringLiteral("qlogic-qle2460"))->draft;
        draft.specs[0].value = QStringLiteral("lots");
        const CatalogEditResult bad = editor.editItem(draft);
        QVERIFY(!bad.ok());
        QVERIFY2(bad.errors.constFirst().startsWith(QStringLiteral("item qlogic-qle2460: ") + draft.specs[0].field),
                 qPrintable(bad.errors.join(u'\n')));
        QVERIFY(!editor.item(QStringLiteral("qlogic-qle2460"))->userEdited);
    }

    void aFailedEditRollsBackItemAndSpecs()
    {
        CatalogDatabase db;
        QVERIFY(catalogtest::openShipped(db, m_dir, nextName()));
        CatalogEditor editor(db.database());
        const StoredCatalogItem before = *editor.item(QStringLiteral("qlogic-qle2460"));
        // The database refuses the last spec written: the item update and the spec delete must be undone.
        QSqlQuery trigger(db.database());
        QVERIFY(trigger.exec(QStringLiteral("CREATE TRIGGER refuse BEFORE INSERT ON item_specs WHEN NEW.field = 'iov_modes' "
                                            "BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END")));
        CatalogItemDraft draft = before.draft;
        draft.item.priceUsd = 1.0;
        const CatalogEditResult result = editor.editItem(draft);
        QVERIFY(!result.ok());
        QVERIFY2(anyContains(result.errors, QStringLiteral("item qlogic-qle2460: rejected by the database")), qPrintable(result.errors.join(u'\n')));
        const StoredCatalogItem after = *editor.item(QStringLiteral("qlogic-qle2460"));
        QCOMPARE(after.draft.item.priceUsd, before.draft.item.priceUsd);
        QCOMPARE(after.draft.specs.size(), before.draft.specs.size());
        QVERIFY(!after.userEdited);
    }

    void cloneMakesAUserCopyUnderANewId()
    {
        CatalogDatabase db;
        QVERIFY(catalogtest::openShipped(db, m_dir, nextName()));
        CatalogEditor editor(db.database());
        QVERIFY(editor.setRetired(QStringLiteral("qlogic-qle2460"), true).ok());
        const CatalogEditResult first = editor.cloneItem(QStringLiteral("qlogic-qle2460"));
        QVERIFY2(first.ok(), qPrintable(first.errors.join(u'\n')));
        QCOMPARE(first.itemId, QStringLiteral("qlogic-qle2460-copy"));
        const CatalogEditResult second = editor.cloneItem(QStringLiteral("qlogic-qle2460"));
        QCOMPARE(second.itemId, QStringLiteral("qlogic-qle2460-copy-2"));
        const CatalogEditResult named = editor.cloneItem(QStringLiteral("qlogic-qle2460"), QStringLiteral("my-qle2460"));
        QVERIFY(named.ok());

        const StoredCatalogItem source = *editor.item(QStringLiteral("qlogic-qle2460"));
        const StoredCatalogItem copy = *editor.item(QStringLiteral("my-qle2460"));
        QCOMPARE(copy.origin, QStringLiteral("user"));
        QCOMPARE(copy.draft.item.catalog, QStringLiteral("user"));
        QVERIFY(!copy.retired);
        QCOMPARE(copy.draft.item.model, source.draft.item.model);
        QCOMPARE(copy.draft.item.priceUsd, source.draft.item.priceUsd);
        QCOMPARE(copy.draft.specs.size(), source.draft.specs.size());
        for (qsizetype i = 0; i < copy.draft.specs.size(); ++i)
            QCOMPARE(copy.draft.specs.at(i).value, source.draft.specs.at(i).value);

        QVERIFY(anyContains(editor.cloneItem(QStringLiteral("qlogic-qle2460"), QStringLiteral("my-qle2460")).errors,
                            QStringLiteral("item my-qle2460: id already exists")));
        QVERIFY(anyContains(editor.cloneItem(QStringLiteral("nope")).errors, QStringLiteral("item nope: no such item")));
    }

    void retiredItemsStayFlaggedAcrossReloadsAndCanReturn()
    {
        CatalogDatabase db;
        QVERIFY(catalogtest::openShipped(db, m_dir, nextName()));
        CatalogEditor editor(db.database());
        QVERIFY(editor.setRetired(QStringLiteral("qlogic-qla2340"), true).ok());
        QVERIFY(editor.item(QStringLiteral("qlogic-qla2340"))->retired);
        QVERIFY(!editor.item(QStringLiteral("qlogic-qla2340"))->userEdited); // still receives shipped refreshes

        QSqlQuery change(db.database());
        QVERIFY(change.exec(QStringLiteral("UPDATE catalog_meta SET value = 'older' WHERE key = 'shipped_revision'")));
        QVERIFY(db.ensureShippedCatalog().ok());
        QVERIFY(editor.item(QStringLiteral("qlogic-qla2340"))->retired);

        QVERIFY(editor.setRetired(QStringLiteral("qlogic-qla2340"), false).ok());
        QVERIFY(!editor.item(QStringLiteral("qlogic-qla2340"))->retired);
        QVERIFY(anyContains(editor.setRetired(QStringLiteral("nope"), true).errors, QStringLiteral("item nope: no such item")));
    }
};

QTEST_GUILESS_MAIN(TestCatalogEditor)
#include "tst_catalogeditor.moc"
