// "Refresh prices": pinning a catalog item copies every field and spec; comparing a project's pins with the
// catalog lists exactly the changes made in the database (none for untouched items), retired and deleted
// items are reported and kept, and applying changes updates only the listed fields.
#include "catalogtesthelpers.h"

#include "catalogs/catalogeditor.h"
#include "catalogs/pricerefresh.h"

using namespace iovplan;
using namespace iovplan::catalogs;

namespace {

const QString kLx = QStringLiteral("mellanox-mhes18-xtc");      // 2007 SDR HCA, $500 (2007-06)
const QString kLxDdr = QStringLiteral("mellanox-mhgs18-xtc");   // 2007 DDR HCA, $650 (2007-06)
const QString kSwitch = QStringLiteral("cisco-sfs-7000d");      // 2007 DDR IB switch, $16,500 (2008-05)
const QString kServer = QStringLiteral("hp-proliant-bl460c-g1"); // 2007 blade, $4,500

/// A project pinning `ids` as the GUI would when the user places them.
design::Project pinnedProject(const CatalogDatabase &db, const QStringList &ids)
{
    design::Project project;
    project.name = QStringLiteral("refresh test");
    for (const QString &id : ids) {
        const PinResult pin = pinItem(db, id);
        if (pin.ok())
            project.catalog.emplace(id, *pin.item);
    }
    return project;
}

/// One line per change, "id field: old -> new", and " [reported only]" when it is never applied.
QStringList describe(const std::vector<PinnedItemChange> &changes)
{
    QStringList lines;
    for (const PinnedItemChange &change : changes) {
        lines << QStringLiteral("%1 %2: %3 -> %4%5")
                     .arg(change.itemId, change.field, changeValueText(change, ChangeSide::Old),
                          changeValueText(change, ChangeSide::New),
                          change.applicable ? QString() : QStringLiteral(" [reported only]"));
    }
    return lines;
}

bool exec(const CatalogDatabase &db, const QString &sql)
{
    QSqlQuery query(db.database());
    return query.exec(sql);
}

/// Changes price, date and source of `id` through the editor, as the user (or a vendor quote) would.
bool editPrice(const CatalogDatabase &db, const QString &id, double price, const QString &date, const QString &source)
{
    CatalogEditor editor(db.database());
    std::optional<StoredCatalogItem> stored = editor.item(id);
    if (!stored)
        return false;
    CatalogItemDraft draft = stored->draft;
    draft.item.priceUsd = price;
    draft.item.priceDate = date;
    draft.item.priceSource = source;
    return editor.editItem(draft).ok();
}

/// The source of `item`'s spec `field` ("" when it has none).
QString specSource(const design::PinnedItem &item, const QString &field)
{
    for (const design::PinnedSpec &spec : item.specs) {
        if (spec.field == field)
            return spec.source;
    }
    return {};
}

} // namespace

class TestPriceRefresh : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_connections = 0;

    QString nextName() { return QStringLiteral("refresh%1").arg(++m_connections); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void pinCopiesEveryFieldAndSpecInCatalogOrder()
    {
        CatalogDatabase db;
        QVERIFY(catalogtest::openShipped(db, m_dir, nextName()));
        const PinResult pin = pinItem(db, kLx);
        QVERIFY2(pin.ok(), qPrintable(pin.error));
        QVERIFY(!pin.retired);
        const design::PinnedItem &item = *pin.item;
        QCOMPARE(item.id, kLx);
        QCOMPARE(item.kind, QStringLiteral("adapter"));
        QCOMPARE(item.vendor, QStringLiteral("Mellanox"));
        QCOMPARE(item.model, QStringLiteral("InfiniHost III Lx MHES18-XTC"));
        QCOMPARE(item.partNumber, QStringLiteral("MHES18-XTC"));
        QCOMPARE(item.description, QStringLiteral("InfiniHost III Lx single-port SDR HCA, PCIe x8, memory-free"));
        QCOMPARE(item.priceUsd, 500.0);
        QCOMPARE(item.priceDate, QStringLiteral("2007-06"));
        QVERIFY(item.priceSource.startsWith(QStringLiteral("estimate: reference-data.md §5 [E]")));
        QVERIFY(item.maintenancePctPerYear.has_value());
        QVERIFY(!item.maintenanceSource.isEmpty());
        // specs.csv lines 180-193, in that order.
        QStringList fields;
        for (const design::PinnedSpec &spec : item.specs)
            fields << spec.field;
        QCOMPARE(fields.join(u' '),
                 QStringLiteral("adapter_type form_factor ports protocol speed_gbps host_bus pcie_gen pcie_lanes "
                                "watts_typical watts_max latency_us offloads iov_modes ciov_endpoints"));
        const design::PinnedSpec &speed = item.specs.at(4);
        QCOMPARE(speed.value, QStringLiteral("10"));
        QCOMPARE(speed.unit, QStringLiteral("Gb/s"));
        QVERIFY(speed.source.startsWith(QStringLiteral("standard: IBTA 4x SDR")));
        QCOMPARE(item.specs.at(11).value, QStringLiteral("checksum;rdma;srp;iser"));
    }

    void pinRefusesWhatCannotBePinned()
    {
        CatalogDatabase db;
        QVERIFY(catalogtest::openShipped(db, m_dir, nextName()));
        const PinResult unknown = pinItem(db, QStringLiteral("no-such-item"));
        QVERIFY(!unknown.ok());
        QVERIFY2(unknown.error.contains(QStringLiteral("no-such-item")), qPrintable(unknown.error));

        QVERIFY(exec(db, QStringLiteral("UPDATE items SET price_usd = NULL WHERE id = '%1'").arg(kLx)));
        const PinResult unpriced = pinItem(db, kLx);
        QVERIFY(!unpriced.ok());
        QVERIFY2(unpriced.error.contains(kLx) && unpriced.error.contains(QStringLiteral("price_usd")),
                 qPrintable(unpriced.error));

        QVERIFY(CatalogEditor(db.database()).setRetired(kServer, true).ok());
        const PinResult retired = pinItem(db, kServer);
        QVERIFY(retired.ok());
        QVERIFY(retired.retired);
    }

    void anUntouchedCatalogListsNothing()
    {
        CatalogDatabase db;
        QVERIFY(catalogtest::openShipped(db, m_dir, nextName()));
        const design::Project project = pinnedProject(db, {kLx, kLxDdr, kSwitch, kServer});
        QCOMPARE(project.catalog.size(), std::size_t(4));
        QVERIFY(compareWithCatalog(project, db).empty());
        QCOMPARE(applyRefresh(project, {}), project);
    }

    void aPriceEditListsPriceDateAndSource()
    {
        CatalogDatabase db;
        QVERIFY(catalogtest::openShipped(db, m_dir, nextName()));
        const design::Project project = pinnedProject(db, {kLx, kLxDdr, kSwitch});
        const QString oldSource = project.catalog.at(kLx).priceSource;
        const QString newSource = QStringLiteral("quote: CDW 4471, 2024-05-02");
        QVERIFY(editPrice(db, kLx, 321.5, QStringLiteral("2024-05"), newSource));

        const std::vector<PinnedItemChange> changes = compareWithCatalog(project, db);
        QCOMPARE(describe(changes),
                 QStringList({kLx + QStringLiteral(" price_usd: 500 -> 321.5"),
                              kLx + QStringLiteral(" price_date: 2007-06 -> 2024-05"),
                              kLx + QStringLiteral(" price_source: ") + oldSource + QStringLiteral(" -> ") + newSource}));
        const PinnedItemChange &price = changes.front();
        QCOMPARE(price.kind, PinnedChangeKind::ItemField);
        QCOMPARE(price.oldNumber, std::optional<double>(500.0));
        QCOMPARE(price.newNumber, std::optional<double>(321.5));
        // The price line carries both dates and sources, so it reads alone.
        QVERIFY2(price.note.contains(QStringLiteral("2007-06")) && price.note.contains(QStringLiteral("2024-05"))
                     && price.note.contains(oldSource) && price.note.contains(newSource),
                 qPrintable(price.note));

        const design::Project refreshed = applyRefresh(project, changes);
        const design::PinnedItem &item = refreshed.catalog.at(kLx);
        QCOMPARE(item.priceUsd, 321.5);
        QCOMPARE(item.priceDate, QStringLiteral("2024-05"));
        QCOMPARE(item.priceSource, newSource);
        QCOMPARE(item.specs, project.catalog.at(kLx).specs);
        QCOMPARE(refreshed.catalog.at(kLxDdr), project.catalog.at(kLxDdr));
        QCOMPARE(refreshed.catalog.at(kSwitch), project.catalog.at(kSwitch));
        QVERIFY(compareWithCatalog(refreshed, db).empty());
    }

    void itemFieldEditsAreListedInDocumentOrder()
    {
        CatalogDatabase db;
        QVERIFY(catalogtest::openShipped(db, m_dir, nextName()));
        const design::Project project = pinnedProject(db, {kLx, kSwitch});
        const QString oldMaintenanceSource = project.catalog.at(kSwitch).maintenanceSource;
        QVERIFY(exec(db, QStringLiteral("UPDATE items SET description = '24-port DDR switch', part_number = "
                                        "'SFS-7000D-SK9=', maintenance_pct_per_year = 18, maintenance_source = "
                                        "'quote: Cisco SmartNet 2024' WHERE id = '%1'")
                             .arg(kSwitch)));
        const std::vector<PinnedItemChange> changes = compareWithCatalog(project, db);
        QCOMPARE(describe(changes),
                 QStringList({kSwitch + QStringLiteral(" part_number: SFS-7000D-SK9 -> SFS-7000D-SK9="),
                              kSwitch + QStringLiteral(" description: 24-port 4x DDR InfiniBand switch, 1U -> "
                                                       "24-port DDR switch"),
                              kSwitch + QStringLiteral(" maintenance_pct_per_year: 15 -> 18"),
                              kSwitch + QStringLiteral(" maintenance_source: ") + oldMaintenanceSource
                                  + QStringLiteral(" -> quote: Cisco SmartNet 2024")}));

        // Maintenance removed in the catalog: the pin falls back to the scenario's assumption.
        QVERIFY(exec(db, QStringLiteral("UPDATE items SET maintenance_pct_per_year = NULL, maintenance_source = '' "
                                        "WHERE id = '%1'")
                             .arg(kLx)));
        const design::Project refreshed = applyRefresh(project, compareWithCatalog(project, db));
        QCOMPARE(refreshed.catalog.at(kLx).maintenancePctPerYear, std::optional<double>());
        QCOMPARE(refreshed.catalog.at(kLx).maintenanceSource, QString());
        QCOMPARE(refreshed.catalog.at(kSwitch).description, QStringLiteral("24-port DDR switch"));
        QCOMPARE(refreshed.catalog.at(kSwitch).maintenancePctPerYear, std::optional<double>(18.0));
        QVERIFY(compareWithCatalog(refreshed, db).empty());
    }

    void specEditsAreListedByFieldAndApplyInCatalogOrder()
    {
        CatalogDatabase db;
        QVERIFY(catalogtest::openShipped(db, m_dir, nextName()));
        const design::Project project = pinnedProject(db, {kLx, kLxDdr});
        const design::PinnedItem &pinned = project.catalog.at(kLxDdr);
        QVERIFY(!specSource(pinned, QStringLiteral("pcie_lanes")).isEmpty());
        const QString latencySource = specSource(pinned, QStringLiteral("latency_us"));
        const QString wattsSource = specSource(pinned, QStringLiteral("watts_typical"));
        const QString lanesSource = specSource(pinned, QStringLiteral("pcie_lanes"));
        // An added spec in the middle of the catalog's order (through the editor), a value (and its
        // source), a unit alone and a removed spec.
        CatalogEditor editor(db.database());
        CatalogItemDraft draft = editor.item(kLxDdr)->draft;
        CatalogSpecRow chip;
        chip.field = QStringLiteral("chip");
        chip.value = QStringLiteral("InfiniHost III Lx");
        chip.source = QStringLiteral("product name: InfiniHost III Lx");
        draft.specs.insert(2, chip);
        const CatalogEditResult edited = editor.editItem(draft);
        QVERIFY2(edited.ok(), qPrintable(edited.errors.join(u'\n')));
        QVERIFY(exec(db, QStringLiteral("UPDATE item_specs SET value = '9', numeric_value = 9, source = "
                                        "'data sheet: MHGS18 rev 1.2' WHERE item_id = '%1' AND field = "
                                        "'watts_typical'")
                             .arg(kLxDdr)));
        QVERIFY(exec(db, QStringLiteral("UPDATE item_specs SET unit = 'ns', value = '2600' WHERE item_id = '%1' AND "
                                        "field = 'latency_us'")
                             .arg(kLxDdr)));
        QVERIFY(exec(db, QStringLiteral("DELETE FROM item_specs WHERE item_id = '%1' AND field = 'pcie_lanes'")
                             .arg(kLxDdr)));

        const std::vector<PinnedItemChange> changes = compareWithCatalog(project, db);
        QCOMPARE(describe(changes),
                 QStringList({kLxDdr + QStringLiteral(" specs.chip: - -> InfiniHost III Lx (source: product name: "
                                                       "InfiniHost III Lx)"),
                              kLxDdr + QStringLiteral(" specs.latency_us: 2.6 us -> 2600 ns"),
                              kLxDdr + QStringLiteral(" specs.pcie_lanes: 8 (source: ") + lanesSource
                                  + QStringLiteral(") -> -"),
                              kLxDdr + QStringLiteral(" specs.watts_typical: 7 W (source: ") + wattsSource
                                  + QStringLiteral(") -> 9 W (source: data sheet: MHGS18 rev 1.2)")}));
        QVERIFY(!changes.at(0).oldSpec.has_value());
        QCOMPARE(changes.at(0).catalogSpecIndex, std::size_t(2));
        QCOMPARE(changes.at(1).oldSpec->source, latencySource);
        QVERIFY(!changes.at(2).newSpec.has_value());

        // Applying all of them gives exactly what pinning the item now gives, specs in catalog order.
        const design::Project refreshed = applyRefresh(project, changes);
        const PinResult fresh = pinItem(db, kLxDdr);
        QVERIFY(fresh.ok());
        QCOMPARE(refreshed.catalog.at(kLxDdr), *fresh.item);
        QCOMPARE(refreshed.catalog.at(kLx), project.catalog.at(kLx));
        QVERIFY(compareWithCatalog(refreshed, db).empty());
    }

    void onlyTheGivenChangesAreApplied()
    {
        CatalogDatabase db;
        QVERIFY(catalogtest::openShipped(db, m_dir, nextName()));
        const design::Project project = pinnedProject(db, {kLx, kLxDdr});
        QVERIFY(editPrice(db, kLx, 410, QStringLiteral("2024-06"), QStringLiteral("quote: CDW 5000")));
        QVERIFY(editPrice(db, kLxDdr, 520, QStringLiteral("2024-06"), QStringLiteral("quote: CDW 5000")));
        const std::vector<PinnedItemChange> all = compareWithCatalog(project, db);
        QCOMPARE(all.size(), std::size_t(6));
        std::vector<PinnedItemChange> chosen;
        for (const PinnedItemChange &change : all) {
            if (change.itemId == kLxDdr && change.field == QLatin1String("price_usd"))
                chosen.push_back(change);
        }
        QCOMPARE(chosen.size(), std::size_t(1));
        const design::Project refreshed = applyRefresh(project, chosen);
        QCOMPARE(refreshed.catalog.at(kLx), project.catalog.at(kLx));
        design::PinnedItem expected = project.catalog.at(kLxDdr);
        expected.priceUsd = 520;
        QCOMPARE(refreshed.catalog.at(kLxDdr), expected);
        // The rest is still listed.
        QCOMPARE(describe(compareWithCatalog(refreshed, db)).size(), 5);
    }

    void aRetiredItemIsReportedAndKept()
    {
        CatalogDatabase db;
        QVERIFY(catalogtest::openShipped(db, m_dir, nextName()));
        const design::Project project = pinnedProject(db, {kLx, kServer});
        QVERIFY(CatalogEditor(db.database()).setRetired(kServer, true).ok());
        std::vector<PinnedItemChange> changes = compareWithCatalog(project, db);
        QCOMPARE(describe(changes), QStringList({kServer + QStringLiteral(" catalog: offered -> retired [reported only]")}));
        QCOMPARE(changes.front().kind, PinnedChangeKind::Retired);
        QCOMPARE(applyRefresh(project, changes), project);

        // A retired row is still the catalog's word on the item: its fields are still compared.
        QVERIFY(exec(db, QStringLiteral("UPDATE items SET price_usd = 3900 WHERE id = '%1'").arg(kServer)));
        changes = compareWithCatalog(project, db);
        QCOMPARE(changes.size(), std::size_t(2));
        QCOMPARE(changes.at(0).kind, PinnedChangeKind::Retired);
        QCOMPARE(changes.at(1).field, QStringLiteral("price_usd"));
        const design::Project refreshed = applyRefresh(project, changes);
        QCOMPARE(refreshed.catalog.size(), std::size_t(2));
        QCOMPARE(refreshed.catalog.at(kServer).priceUsd, 3900.0);
    }

    void aDeletedItemIsReportedAndKept()
    {
        CatalogDatabase db;
        QVERIFY(catalogtest::openShipped(db, m_dir, nextName()));
        design::Project project = pinnedProject(db, {kLx, kLxDdr});
        // A pin the catalog never had (another user's catalog) and one deleted from this catalog.
        design::PinnedItem foreign = project.catalog.at(kLx);
        foreign.id = QStringLiteral("acme-own-nic");
        project.catalog.emplace(foreign.id, foreign);
        QVERIFY(exec(db, QStringLiteral("DELETE FROM items WHERE id = '%1'").arg(kLxDdr)));

        const std::vector<PinnedItemChange> changes = compareWithCatalog(project, db);
        QCOMPARE(describe(changes),
                 QStringList({QStringLiteral("acme-own-nic catalog: offered -> missing [reported only]"),
                              kLxDdr + QStringLiteral(" catalog: offered -> missing [reported only]")}));
        QCOMPARE(changes.front().kind, PinnedChangeKind::NotInCatalog);
        QVERIFY(changes.front().note.contains(QStringLiteral("kept")));
        QCOMPARE(applyRefresh(project, changes), project);
    }

    void changesThatCannotBeAppliedAreOnlyReported_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("expected");
        QTest::newRow("catalog lost the price")
            << QStringLiteral("UPDATE items SET price_usd = NULL WHERE id = '%1'").arg(kLx)
            << kLx + QStringLiteral(" price_usd: 500 -> - [reported only]");
        QTest::newRow("kind changed")
            << QStringLiteral("UPDATE items SET kind = 'switch' WHERE id = '%1'").arg(kLx)
            << kLx + QStringLiteral(" kind: adapter -> switch [reported only]");
    }

    void changesThatCannotBeAppliedAreOnlyReported()
    {
        QFETCH(QString, sql);
        QFETCH(QString, expected);
        CatalogDatabase db;
        QVERIFY(catalogtest::openShipped(db, m_dir, nextName()));
        const design::Project project = pinnedProject(db, {kLx});
        QVERIFY(exec(db, sql));
        const std::vector<PinnedItemChange> changes = compareWithCatalog(project, db);
        QCOMPARE(describe(changes), QStringList({expected}));
        QVERIFY(changes.front().note.startsWith(QStringLiteral("not applied")));
        QCOMPARE(applyRefresh(project, changes), project);
    }

    void changesForItemsNotPinnedAreIgnored()
    {
        CatalogDatabase db;
        QVERIFY(catalogtest::openShipped(db, m_dir, nextName()));
        const design::Project both = pinnedProject(db, {kLx, kLxDdr});
        QVERIFY(editPrice(db, kLxDdr, 100, QStringLiteral("2024-01"), QStringLiteral("quote: X 1")));
        const std::vector<PinnedItemChange> changes = compareWithCatalog(both, db);
        QVERIFY(!changes.empty());
        const design::Project onlyLx = pinnedProject(db, {kLx});
        QCOMPARE(applyRefresh(onlyLx, changes), onlyLx);
    }

    void aClosedDatabaseIsUnreadableNotMissing()
    {
        CatalogDatabase open;
        QVERIFY(catalogtest::openShipped(open, m_dir, nextName()));
        const design::Project project = pinnedProject(open, {kLx});
        const CatalogDatabase closed;
        const std::vector<PinnedItemChange> changes = compareWithCatalog(project, closed);
        QCOMPARE(changes.size(), std::size_t(1));
        QCOMPARE(changes.front().kind, PinnedChangeKind::Unreadable);
        QVERIFY(!changes.front().applicable);
        QVERIFY(!pinItem(closed, kLx).ok());
    }
};

QTEST_GUILESS_MAIN(TestPriceRefresh)
#include "tst_pricerefresh.moc"
