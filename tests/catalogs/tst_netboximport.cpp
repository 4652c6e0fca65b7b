// NetBox devicetype-library YAML to draft catalog items: the fixtures in tests/data/netbox/ give the
// expected drafts, a completed draft is accepted by the editor, malformed YAML and wrong types name the line.
#include "catalogtesthelpers.h"

#include "catalogs/catalogeditor.h"
#include "catalogs/netboximport.h"

using namespace iovplan::catalogs;

namespace {

QString specValue(const CatalogItemDraft &draft, const QString &field)
{
    for (const CatalogSpecRow &spec : draft.specs) {
        if (spec.field == field)
            return spec.value;
    }
    return QStringLiteral("(absent)");
}

CatalogSpecRow spec(const char *field, const char *value, const char *unit, const char *source)
{
    CatalogSpecRow row;
    row.field = QString::fromLatin1(field);
    row.value = QString::fromLatin1(value);
    row.unit = QString::fromUtf8(unit);
    row.source = QString::fromLatin1(source);
    return row;
}

} // namespace

class TestNetboxImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixturesGiveTheExpectedDrafts_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QStringList>("expectedSpecs"); // field=value
        QTest::addColumn<QStringList>("missing");
        QTest::newRow("Cisco WS-C2960X-24TD-L device type -> switch")
            << QStringLiteral("cisco-ws-c2960x-24td-l.yaml") << QStringLiteral("cisco-ws-c2960x-24td-l") << QStringLiteral("switch")
            << QStringList{QStringLiteral("ports=24"), QStringLiteral("speed_gbps=1"), QStringLiteral("protocol=ethernet"),
                           QStringLiteral("connector=rj45"), QStringLiteral("uplink_ports=2"),
                           QStringLiteral("uplink_speed_gbps=10"), QStringLiteral("u_height=1"),
                           QStringLiteral("watts_max=46"), QStringLiteral("watts_typical=30")}
            << QStringList{QStringLiteral("latency_ns"), QStringLiteral("switching")};
        QTest::newRow("Dell PowerEdge R650 device type -> server")
            << QStringLiteral("dell-poweredge-r650.yaml") << QStringLiteral("dell-poweredge-r650") << QStringLiteral("server")
            << QStringList{QStringLiteral("lom_ports=2"), QStringLiteral("form_factor=rack"), QStringLiteral("u_height=1"),
                           QStringLiteral("watts_max=1400"), QStringLiteral("watts_typical=600"), QStringLiteral("ports=(absent)")}
            << QStringList{QStringLiteral("sockets"), QStringLiteral("cores"), QStringLiteral("ghz"), QStringLiteral("watts_idle"),
                           QStringLiteral("pcie_slots"), QStringLiteral("mezzanine_slots"), QStringLiteral("slot_pcie_gen")};
        QTest::newRow("Mellanox MCX653106A-HDAT module type -> adapter")
            << QStringLiteral("mellanox-mcx653106a-hdat.yaml") << QStringLiteral("mellanox-connectx-6-vpi-mcx653106a-hdat")
            << QStringLiteral("adapter")
            << QStringList{QStringLiteral("ports=2"), QStringLiteral("speed_gbps=200"), QStringLiteral("protocol=infiniband"),
                           QStringLiteral("adapter_type=ib-hca"), QStringLiteral("u_height=(absent)"),
                           QStringLiteral("watts_max=(absent)")}
            << QStringList{QStringLiteral("form_factor"), QStringLiteral("host_bus"), QStringLiteral("watts_typical"),
                           QStringLiteral("latency_us"), QStringLiteral("iov_modes")};
    }

    void fixturesGiveTheExpectedDrafts()
    {
        QFETCH(QString, file);
        QFETCH(QString, id);
        QFETCH(QString, kind);
        QFETCH(QStringList, expectedSpecs);
        QFETCH(QStringList, missing);
        const QString path = QFINDTESTDATA(QStringLiteral("../data/netbox/") + file);
        QVERIFY(!path.isEmpty());
        const NetboxImportResult result = readNetboxDeviceTypeFile(path);
        QVERIFY2(result.ok(), qPrintable(result.error));
        const CatalogItemDraft &draft = result.draft;
        QCOMPARE(draft.item.id, id);
        QCOMPARE(draft.item.kind, kind);
        QCOMPARE(draft.item.catalog, QStringLiteral("user"));
        QVERIFY(!draft.item.priceUsd);
        for (const QString &expected : expectedSpecs) {
            const QString field = expected.section(u'=', 0, 0);
            QCOMPARE(field + u'=' + specValue(draft, field), expected);
        }
        for (const CatalogSpecRow &row : draft.specs)
            QVERIFY2(row.source.startsWith(QStringLiteral("NetBox devicetype-library: ") + file), qPrintable(row.source));
        QVERIFY(result.missingFields.contains(QStringLiteral("price_usd")));
        for (const QString &field : missing)
            QVERIFY2(result.missingFields.contains(field), qPrintable(field + QStringLiteral(" not in ") + result.missingFields.join(u' ')));
        QVERIFY(result.notes.constFirst().startsWith(QStringLiteral("kind guessed as ") + kind));
    }

    void theVendorAndPartNumberComeFromTheFile()
    {
        const NetboxImportResult result = readNetboxDeviceTypeFile(QFINDTESTDATA("../data/netbox/cisco-ws-c2960x-24td-l.yaml"));
        QVERIFY(result.ok());
        QCOMPARE(result.draft.item.vendor, QStringLiteral("Cisco"));
        QCOMPARE(result.draft.item.model, QStringLiteral("Catalyst 2960-X-24TD-L"));
        QCOMPARE(result.draft.item.partNumber, QStringLiteral("WS-C2960X-24TD-L"));
        const NetboxImportResult server = readNetboxDeviceTypeFile(QFINDTESTDATA("../data/netbox/dell-poweredge-r650.yaml"));
        QVERIFY(server.draft.item.description.contains(QStringLiteral("full depth")));
        QVERIFY(server.notes.join(u'\n').contains(QStringLiteral("2 power ports")));
    }

    void aCompletedDraftIsAcceptedByTheEditor()
    {
        QTemporaryDir dir;
        CatalogDatabase db;
        QVERIFY(catalogtest::openShipped(db, dir, QStringLiteral("netbox1")));
        NetboxImportResult result = readNetboxDeviceTypeFile(QFINDTESTDATA("../data/netbox/cisco-ws-c2960x-24td-l.yaml"));
        QVERIFY(result.ok());
        CatalogItemDraft draft = result.draft;
        CatalogEditor editor(db.database());
        QVERIFY(!editor.addItem(draft).ok()); // no price yet: the draft is a starting point
        draft.item.priceUsd = 1200.0;
        draft.item.priceDate = QStringLiteral("2024-02");
        draft.item.priceSource = QStringLiteral("quote: reseller Q-31");
        draft.specs << spec("switching", "store-and-forward", "", "data sheet: Catalyst 2960-X data sheet")
                    << spec("latency_ns", "4000", "ns", "estimate: GigE store-and-forward access switches are 3-5 us; midpoint");
        const CatalogEditResult added = editor.addItem(draft);
        QVERIFY2(added.ok(), qPrintable(added.errors.join(u'\n')));
        QCOMPARE(editor.item(QStringLiteral("cisco-ws-c2960x-24td-l"))->origin, QStringLiteral("user"));
    }

    void malformedYamlAndWrongTypesNameTheLine_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unclosed flow sequence") << QByteArray("manufacturer: Acme\nmodel: X\ninterfaces: [\n  {name: a, type: 1000base-t}\n")
                                                << QStringLiteral("t.yaml:5: malformed YAML");
        QTest::newRow("bad indentation") << QByteArray("manufacturer: Acme\nmodel: X\n  u_height: 1\n")
                                         << QStringLiteral("t.yaml:3: malformed YAML");
        QTest::newRow("empty file") << QByteArray("") << QStringLiteral("t.yaml:1: the file is empty");
        QTest::newRow("not a mapping") << QByteArray("- a\n- b\n") << QStringLiteral("t.yaml:1: a NetBox device or module type is a mapping");
        QTest::newRow("model missing") << QByteArray("manufacturer: Acme\nu_height: 1\n") << QStringLiteral("t.yaml:1: model is required");
        QTest::newRow("u_height not a number") << QByteArray("manufacturer: Acme\nmodel: X\nslug: acme-x\nu_height: tall\n")
                                               << QStringLiteral("t.yaml:4: u_height must be a number >= 0, got \"tall\"");
        QTest::newRow("is_full_depth not a bool") << QByteArray("manufacturer: Acme\nmodel: X\nu_height: 1\nis_full_depth: maybe\n")
                                                  << QStringLiteral("t.yaml:4: is_full_depth must be true or false");
        QTest::newRow("interfaces not a list") << QByteArray("manufacturer: Acme\nmodel: X\nu_height: 1\ninterfaces: eth0\n")
                                               << QStringLiteral("t.yaml:4: interfaces must be a list");
        QTest::newRow("interface without type") << QByteArray("manufacturer: Acme\nmodel: X\nu_height: 1\ninterfaces:\n  - name: eth0\n")
                                                << QStringLiteral("t.yaml:5: type is required");
        QTest::newRow("negative draw") << QByteArray("manufacturer: Acme\nmodel: X\nu_height: 1\npower-ports:\n  - name: PSU1\n    maximum_draw: -40\n")
                                       << QStringLiteral("t.yaml:6: maximum_draw must be a number >= 0, got \"-40\"");
        QTest::newRow("model is a list") << QByteArray("manufacturer: Acme\nmodel:\n  - X\n") << QStringLiteral("t.yaml:3: model must be text");
    }

    void malformedYamlAndWrongTypesNameTheLine()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, expected);
        const NetboxImportResult result = readNetboxDeviceType(yaml, QStringLiteral("t.yaml"));
        QVERIFY(!result.ok());
        QVERIFY2(result.error.startsWith(expected), qPrintable(result.error));
        QVERIFY(result.draft.specs.isEmpty());
    }

    void interfaceTypesMapToProtocolAndSpeed_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("protocol");
        QTest::addColumn<QString>("speed");
        QTest::newRow("100gbase-x-qsfp28") << QStringLiteral("100gbase-x-qsfp28") << QStringLiteral("ethernet") << QStringLiteral("100");
        QTest::newRow("25gbase-x-sfp28") << QStringLiteral("25gbase-x-sfp28") << QStringLiteral("ethernet") << QStringLiteral("25");
        QTest::newRow("2.5gbase-t") << QStringLiteral("2.5gbase-t") << QStringLiteral("ethernet") << QStringLiteral("2.5");
        QTest::newRow("32gfc-sfp28") << QStringLiteral("32gfc-sfp28") << QStringLiteral("fibre-channel") << QStringLiteral("32");
        QTest::newRow("infiniband-ddr (IBTA 4x DDR)") << QStringLiteral("infiniband-ddr") << QStringLiteral("infiniband") << QStringLiteral("20");
        QTest::newRow("infiniband-ndr (IBTA 4x NDR)") << QStringLiteral("infiniband-ndr") << QStringLiteral("infiniband") << QStringLiteral("400");
    }

    void interfaceTypesMapToProtocolAndSpeed()
    {
        QFETCH(QString, type);
        QFETCH(QString, protocol);
        QFETCH(QString, speed);
        const QByteArray yaml = "manufacturer: Acme\nmodel: Card\ninterfaces:\n  - name: p1\n    type: " + type.toUtf8()
                                + "\n  - name: v1\n    type: virtual\n";
        const NetboxImportResult result = readNetboxDeviceType(yaml, QStringLiteral("module-types/Acme/card.yaml"));
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.draft.item.kind, QStringLiteral("adapter"));
        QCOMPARE(specValue(result.draft, QStringLiteral("protocol")), protocol);
        QCOMPARE(specValue(result.draft, QStringLiteral("speed_gbps")), speed);
        QCOMPARE(specValue(result.draft, QStringLiteral("ports")), QStringLiteral("1"));
        QVERIFY(result.notes.join(u'\n').contains(QStringLiteral("virtual")));
    }
};

QTEST_GUILESS_MAIN(TestNetboxImport)
#include "tst_netboximport.moc"
