// The design edits the GUI's gestures make (model/edit/designedits.h): each accepted edit keeps the rules
// model/cost/designcheck enforces, each refusal names the object and the rule and changes nothing.

#include "model/cost/designcheck.h"
#include "model/edit/designedits.h"
#include "model/io/projectchecks.h"
#include "tests/exampleproject.h"
#include "tests/iov/iovtesthelpers.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>

using namespace iovplan;
using namespace iovplan::design;
using namespace iovplan::edit;

namespace {

// The example's items plus shipped items the rows need: a blade, mezzanine cards, another vendor's
// gateway module, a storage array and a VPI adapter.
const PinnedCatalog &catalog()
{
    static const PinnedCatalog c = testing::catalogWith({ QStringLiteral("hp-proliant-bl460c-g1"), QStringLiteral("hp-nc360m-mezz"),
                                                          QStringLiteral("xsigo-vp780-4x1gbe"), QStringLiteral("generic-fc-array-2007"),
                                                          QStringLiteral("nvidia-connectx-6-vpi-hdr-1p") });
    return c;
}

Scenario example(const QString &name)
{
    return testing::exampleScenario(name);
}

const QString gigeFc = QStringLiteral("GigE+FC");
const QString ibSoftware = QStringLiteral("IB software IOV");

int errors(const Scenario &s, const PinnedCatalog &c = catalog())
{
    const cost::DesignCheck check = cost::checkDesign(s, c);
    return static_cast<int>(std::count_if(check.problems.begin(), check.problems.end(),
                                          [](const Problem &p) { return p.severity == Severity::Error; }));
}

const Server *server(const Scenario &s, const QString &id)
{
    for (const Server &x : s.design.servers) {
        if (x.id == id)
            return &x;
    }
    return nullptr;
}

int cablesOn(const Scenario &s, const QString &deviceId, int slot = -1)
{
    return static_cast<int>(std::count_if(s.design.cables.begin(), s.design.cables.end(), [&](const Cable &c) {
        const auto on = [&](const CableEnd &e) { return e.deviceId == deviceId && (slot < 0 || e.slot == slot); };
        return on(c.from) || on(c.to);
    }));
}

// Every id of the design, in order; the document requires them unique.
QStringList allIds(const Design &d)
{
    QStringList ids;
    for (const Rack &x : d.racks)
        ids << x.id;
    for (const Server &x : d.servers)
        ids << x.id;
    for (const Switch &x : d.switches)
        ids << x.id;
    for (const Gateway &x : d.gateways)
        ids << x.id;
    for (const StorageArray &x : d.storage)
        ids << x.id;
    for (const Fabric &x : d.fabrics)
        ids << x.id;
    for (const Cable &x : d.cables)
        ids << x.id;
    return ids;
}

// The edited scenario still loads: the document's cross-checks (references, fabric ends, profile groups) pass.
QString loadProblem(const Scenario &s)
{
    Project project;
    project.name = QStringLiteral("t");
    project.catalog = catalog();
    project.scenarios.push_back(s);
    const std::optional<io::DocumentError> error = io::checkProject(project);
    if (error)
        return error->field + QStringLiteral(": ") + error->message;
    const QStringList ids = allIds(s.design);
    if (QSet<QString>(ids.begin(), ids.end()).size() != ids.size())
        return QStringLiteral("duplicate ids");
    for (const Server &x : s.design.servers) {
        if (x.positionU < 1)
            return QStringLiteral("position below U 1");
    }
    return {};
}

Scenario withoutServerCables(const Scenario &s, int *removed = nullptr)
{
    Scenario out = s;
    QSet<QString> servers;
    for (const Server &x : s.design.servers)
        servers.insert(x.id);
    const auto before = out.design.cables.size();
    out.design.cables.erase(std::remove_if(out.design.cables.begin(), out.design.cables.end(),
                                           [&](const Cable &c) { return servers.contains(c.from.deviceId) || servers.contains(c.to.deviceId); }),
                            out.design.cables.end());
    if (removed != nullptr)
        *removed = static_cast<int>(before - out.design.cables.size());
    return out;
}

QStringList serverIds(const Scenario &s)
{
    QStringList ids;
    for (const Server &x : s.design.servers)
        ids << x.id;
    return ids;
}

} // namespace

class TestDesignEdits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void exampleHasNoErrors();
    void newIdsAreFreshAndDeterministic();
    void placeItem_data();
    void placeItem();
    void bladesStackByWholeU();
    void placedSwitchAndStorageJoinAFabric();
    void moveDevice_data();
    void moveDevice();
    void moveOntoItsOwnSpace();
    void insertCard_data();
    void insertCard();
    void mezzanineCardsGoIntoBladeSlots();
    void removeCardTakesItsCables();
    void portsOfADevice();
    void defaultCableItemPerProtocol_data();
    void defaultCableItemPerProtocol();
    void connectPorts_data();
    void connectPorts();
    void gatewayServesAtMostMaxServers();
    void autoCableRestoresTheExample_data();
    void autoCableRestoresTheExample();
    void autoCableWithNothingFreeIsRefused();
    void removeObjectsCascades_data();
    void removeObjectsCascades();
    void extractPasteRoundTrip();
    void pasteWithoutRoomChangesNothing();
    void duplicateGoesNextToTheOriginal();
    void addServersLikeFillsRacksThenNewRacks();
    void addServersLikeAtScale();
    void applyAdapterKit();
    void applyAdapterKitRefusalChangesNothing();
    void randomEditsNeverAddErrors();
    void timingsAtDataCenterScale();
};

void TestDesignEdits::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(catalog().count(QStringLiteral("hp-proliant-bl460c-g1")) == 1);
}

void TestDesignEdits::exampleHasNoErrors()
{
    // The rows below count on a clean start: every accepted edit must keep it clean.
    for (const Scenario &s : testing::ciovExample().scenarios)
        QCOMPARE(errors(s), 0);
}

void TestDesignEdits::newIdsAreFreshAndDeterministic()
{
    Scenario s = example(gigeFc);
    QCOMPARE(newObjectId(s.design, QStringLiteral("server")), QStringLiteral("server-1"));
    Server extra = *server(s, QStringLiteral("srv-001"));
    extra.id = QStringLiteral("server-7");
    s.design.servers.push_back(extra);
    extra.id = QStringLiteral("server-x"); // not a number: ignored
    s.design.servers.push_back(extra);
    QCOMPARE(newObjectId(s.design, QStringLiteral("server")), QStringLiteral("server-8"));
    QCOMPARE(newObjectId(s.design, QStringLiteral("server")), QStringLiteral("server-8"));
    const EditResult r = edit::addServersLike(example(gigeFc), catalog(), QStringLiteral("srv-001"), 3);
    QVERIFY(r.ok());
    QCOMPARE(r.createdIds.mid(0, 3), (QStringList { QStringLiteral("server-1"), QStringLiteral("server-2"), QStringLiteral("server-3") }));
}

void TestDesignEdits::placeItem_data()
{
    QTest::addColumn<QString>("item");
    QTest::addColumn<QString>("rack");
    QTest::addColumn<int>("u");
    QTest::addColumn<QString>("refusal"); // empty: accepted

    // rack-1 of GigE+FC: 16 DL380 (2 U) at U 1..32, four 1 U switches at U 33..36, U 37..42 free.
    QTest::newRow("free U accepted") << "hp-proliant-dl380-g5" << "rack-1" << 37 << "";
    QTest::newRow("top U fits exactly") << "hp-proliant-dl380-g5" << "rack-1" << 41 << "";
    QTest::newRow("overlap names the first device in the way") << "hp-proliant-dl380-g5" << "rack-1" << 32 << "taken by srv-016";
    QTest::newRow("overlap names the server there") << "cisco-catalyst-3750g-48ts" << "rack-1" << 2 << "taken by srv-001";
    QTest::newRow("overlap of a 1U switch") << "cisco-mds-9124" << "rack-1" << 34 << "taken by lan-1b";
    QTest::newRow("beyond the top") << "hp-proliant-dl380-g5" << "rack-1" << 42 << "place it at U 41 or lower";
    QTest::newRow("below U 1") << "hp-proliant-dl380-g5" << "rack-1" << 0 << "cannot go below U 1";
    QTest::newRow("wrong kind adapter") << "intel-pro1000-pt-quad" << "rack-1" << 37 << "drop it onto a server or gateway";
    QTest::newRow("wrong kind cable") << "cat6-patch-3m" << "rack-1" << 37 << "not a rack device";
    QTest::newRow("unknown rack") << "hp-proliant-dl380-g5" << "rack-99" << 37 << "rack rack-99 does not exist";
    QTest::newRow("item not pinned") << "no-such-item" << "rack-1" << 37 << "not pinned";
    QTest::newRow("fractional blade at the top U") << "hp-proliant-bl460c-g1" << "rack-1" << 42 << "";
    QTest::newRow("fractional blade overlapping a 2U server") << "hp-proliant-bl460c-g1" << "rack-1" << 32 << "taken by srv-016";
    QTest::newRow("storage of 12U beyond the top") << "generic-fc-array-2007" << "rack-1" << 37 << "place it at U 31 or lower";
}

void TestDesignEdits::placeItem()
{
    QFETCH(QString, item);
    QFETCH(QString, rack);
    QFETCH(int, u);
    QFETCH(QString, refusal);
    const Scenario before = example(gigeFc);
    const EditResult r = edit::placeItem(before, catalog(), item, rack, u);
    if (!refusal.isEmpty()) {
        QVERIFY2(!r.ok(), "the edit should have been refused");
        QVERIFY2(r.refusal.contains(refusal), qPrintable(r.refusal));
        QVERIFY(!r.refusal.contains(QLatin1Char('\n')));
        return;
    }
    QVERIFY2(r.ok(), qPrintable(r.refusal));
    QCOMPARE(r.createdIds.size(), 1);
    QCOMPARE(r.scenario->design.servers.size() + r.scenario->design.switches.size(),
             before.design.servers.size() + before.design.switches.size() + 1);
    const Server *placed = server(*r.scenario, r.createdIds.front());
    QVERIFY(placed != nullptr);
    QCOMPARE(placed->positionU, u);
    QCOMPARE(placed->rackId, rack);
    QCOMPARE(placed->group, QStringLiteral("vm-hosts"));
    QCOMPARE(errors(*r.scenario), 0);
}

void TestDesignEdits::bladesStackByWholeU()
{
    const QString blade = QStringLiteral("hp-proliant-bl460c-g1"); // 0.625 U
    EditResult r = edit::placeItem(example(gigeFc), catalog(), blade, QStringLiteral("rack-1"), 37);
    QVERIFY(r.ok());
    r = edit::placeItem(*r.scenario, catalog(), blade, QStringLiteral("rack-1"), 38); // 37..37.625 leaves U 38 free
    QVERIFY2(r.ok(), qPrintable(r.refusal));
    const EditResult again = edit::placeItem(*r.scenario, catalog(), blade, QStringLiteral("rack-1"), 37);
    QVERIFY(!again.ok());
    QVERIFY2(again.refusal.contains(QStringLiteral("taken by server-1")), qPrintable(again.refusal));
    QCOMPARE(errors(*r.scenario), 0);
}

void TestDesignEdits::placedSwitchAndStorageJoinAFabric()
{
    EditResult r = edit::placeItem(example(gigeFc), catalog(), QStringLiteral("cisco-mds-9124"), QStringLiteral("rack-1"), 37);
    QVERIFY(r.ok());
    QCOMPARE(r.scenario->design.switches.back().fabricId, QStringLiteral("san-a")); // first SAN fabric
    r = edit::placeItem(*r.scenario, catalog(), QStringLiteral("cisco-mds-9124"), QStringLiteral("rack-1"), 38, QStringLiteral("san-b"));
    QVERIFY(r.ok());
    QCOMPARE(r.scenario->design.switches.back().fabricId, QStringLiteral("san-b"));
    const EditResult wrongFabric = edit::placeItem(*r.scenario, catalog(), QStringLiteral("cisco-mds-9124"), QStringLiteral("rack-1"), 39, QStringLiteral("lan"));
    QVERIFY(!wrongFabric.ok());
    QVERIFY2(wrongFabric.refusal.contains(QStringLiteral("cannot join LAN fabric lan")), qPrintable(wrongFabric.refusal));

    // Without a LAN, a placed Ethernet switch brings its fabric along.
    const EditResult noLan = edit::removeObjects(example(gigeFc), { QStringLiteral("lan") });
    QVERIFY(noLan.ok());
    QVERIFY(std::none_of(noLan.scenario->design.switches.begin(), noLan.scenario->design.switches.end(),
                         [](const Switch &s) { return s.fabricId == u"lan"; }));
    const EditResult lan = edit::placeItem(*noLan.scenario, catalog(), QStringLiteral("cisco-catalyst-3750g-48ts"), QStringLiteral("rack-1"), 33);
    QVERIFY2(lan.ok(), qPrintable(lan.refusal));
    QCOMPARE(lan.createdIds, (QStringList { QStringLiteral("switch-1"), QStringLiteral("fabric-1") }));
    QCOMPARE(lan.scenario->design.fabrics.back().kind, FabricKind::Lan);
    QCOMPARE(loadProblem(*lan.scenario), QString());

    // A 12 U array in a new rack joins the first SAN.
    const EditResult rack = edit::addRack(example(gigeFc));
    QVERIFY(rack.ok());
    QCOMPARE(rack.createdIds, QStringList { QStringLiteral("rack-9") });
    const EditResult array = edit::placeItem(*rack.scenario, catalog(), QStringLiteral("generic-fc-array-2007"), QStringLiteral("rack-9"), 1);
    QVERIFY2(array.ok(), qPrintable(array.refusal));
    QCOMPARE(array.scenario->design.storage.back().fabricId, QStringLiteral("san-a"));
    QCOMPARE(errors(*array.scenario), 0);
}

void TestDesignEdits::moveDevice_data()
{
    QTest::addColumn<QString>("device");
    QTest::addColumn<QString>("rack");
    QTest::addColumn<int>("u");
    QTest::addColumn<QString>("refusal");

    QTest::newRow("to free U") << "srv-001" << "rack-1" << 37 << "";
    QTest::newRow("to another rack's free U") << "lan-1a" << "rack-2" << 42 << "";
    QTest::newRow("overlap names the device") << "srv-001" << "rack-1" << 2 << "taken by srv-002";
    QTest::newRow("beyond the top") << "srv-001" << "rack-1" << 42 << "place it at U 41 or lower";
    QTest::newRow("below U 1") << "lan-1a" << "rack-1" << -3 << "cannot go below U 1";
    QTest::newRow("unknown rack") << "srv-001" << "rack-42" << 1 << "rack rack-42 does not exist";
    QTest::newRow("unknown device") << "srv-999" << "rack-1" << 37 << "nothing to move";
    QTest::newRow("a fabric is not a device") << "lan" << "rack-1" << 37 << "nothing to move";
}

void TestDesignEdits::moveDevice()
{
    QFETCH(QString, device);
    QFETCH(QString, rack);
    QFETCH(int, u);
    QFETCH(QString, refusal);
    const Scenario before = example(gigeFc);
    const EditResult r = edit::moveDevice(before, catalog(), device, rack, u);
    if (!refusal.isEmpty()) {
        QVERIFY(!r.ok());
        QVERIFY2(r.refusal.contains(refusal), qPrintable(r.refusal));
        return;
    }
    QVERIFY2(r.ok(), qPrintable(r.refusal));
    QVERIFY(*r.scenario != before);
    QCOMPARE(errors(*r.scenario), 0);
    QCOMPARE(r.scenario->design.cables, before.design.cables); // cables follow the device
}

void TestDesignEdits::moveOntoItsOwnSpace()
{
    const Scenario before = example(gigeFc);
    const EditResult same = edit::moveDevice(before, catalog(), QStringLiteral("srv-001"), QStringLiteral("rack-1"), 1);
    QVERIFY(same.ok());
    QVERIFY(*same.scenario == before); // no-op: equal, so the GUI pushes no command
    QVERIFY(same.createdIds.isEmpty());

    // A 2 U server moved up by one U overlaps only itself, which does not count.
    const EditResult placed = edit::placeItem(before, catalog(), QStringLiteral("hp-proliant-dl380-g5"), QStringLiteral("rack-1"), 37);
    QVERIFY(placed.ok());
    const EditResult up = edit::moveDevice(*placed.scenario, catalog(), placed.createdIds.front(), QStringLiteral("rack-1"), 38);
    QVERIFY2(up.ok(), qPrintable(up.refusal));
    QCOMPARE(server(*up.scenario, placed.createdIds.front())->positionU, 38);
    QCOMPARE(rackSpaceRefusal(*up.scenario, catalog(), QStringLiteral("rack-1"), 37, 2.0, placed.createdIds.front()), QString());
    QVERIFY(!rackSpaceRefusal(*up.scenario, catalog(), QStringLiteral("rack-1"), 37, 2.0).isEmpty());
}

void TestDesignEdits::insertCard_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("device");
    QTest::addColumn<QString>("item");
    QTest::addColumn<int>("slot"); // 0: the first free slot of the right kind
    QTest::addColumn<int>("expectedSlot"); // 0: refused
    QTest::addColumn<QString>("refusal");

    // IB software IOV: each DL380 (3 PCIe slots) holds one HCA in slot 1; each SFS 3012 (12 module slots)
    // holds an Ethernet and an FC module in slots 1 and 2. GigE+FC's DL380s are full (3 of 3).
    QTest::newRow("first free PCIe slot") << ibSoftware << "srv-001" << "intel-pro1000-pt-quad" << 0 << 2 << "";
    QTest::newRow("explicit free slot") << ibSoftware << "srv-001" << "qlogic-qle2460" << 3 << 3 << "";
    QTest::newRow("explicit taken slot") << ibSoftware << "srv-001" << "qlogic-qle2460" << 1 << 0 << "slot 1 of server srv-001 (HP ProLiant DL380 G5) already holds a card";
    QTest::newRow("slot beyond the server's") << ibSoftware << "srv-001" << "qlogic-qle2460" << 4 << 0 << "has no slot 4: it has slots 1–3 (3 PCIe, 0 mezzanine)";
    QTest::newRow("full server names the counts") << gigeFc << "srv-001" << "mellanox-mhga28-xtc" << 0 << 0 << "has no free PCIe slot for the Mellanox InfiniHost III Ex MHGA28-XTC: 3 of 3 used";
    QTest::newRow("mezzanine card in a rack server") << ibSoftware << "srv-001" << "hp-nc360m-mezz" << 0 << 0 << "no free mezzanine slot";
    QTest::newRow("mezzanine card in a PCIe slot") << ibSoftware << "srv-001" << "hp-nc360m-mezz" << 2 << 0 << "needs a mezzanine slot but slot 2 of server srv-001 (HP ProLiant DL380 G5) is a PCIe slot";
    QTest::newRow("module into first free module slot") << ibSoftware << "gw-1a" << "cisco-sfs-3012-eth-gw" << 0 << 3 << "";
    QTest::newRow("gateway module chassis mismatch") << ibSoftware << "gw-1a" << "xsigo-vp780-4x1gbe" << 0 << 0 << "fits the xsigo-vp780, not gateway gw-1a";
    QTest::newRow("module slot beyond the chassis") << ibSoftware << "gw-1a" << "cisco-sfs-3012-eth-gw" << 13 << 0 << "has no module slot 13";
    QTest::newRow("adapter into a gateway") << ibSoftware << "gw-1a" << "intel-pro1000-pt-quad" << 0 << 0 << "not a gateway module";
    QTest::newRow("module into a server") << ibSoftware << "srv-001" << "cisco-sfs-3012-eth-gw" << 0 << 0 << "not an adapter";
    QTest::newRow("card into a switch") << gigeFc << "lan-1a" << "intel-pro1000-pt-quad" << 0 << 0 << "not a server or gateway";
}

void TestDesignEdits::insertCard()
{
    QFETCH(QString, scenario);
    QFETCH(QString, device);
    QFETCH(QString, item);
    QFETCH(int, slot);
    QFETCH(int, expectedSlot);
    QFETCH(QString, refusal);
    const Scenario before = example(scenario);
    const EditResult r = edit::insertCard(before, catalog(), device, item, slot > 0 ? std::optional<int>(slot) : std::nullopt);
    if (expectedSlot == 0) {
        QVERIFY(!r.ok());
        QVERIFY2(r.refusal.contains(refusal), qPrintable(r.refusal));
        return;
    }
    QVERIFY2(r.ok(), qPrintable(r.refusal));
    const auto holds = [&](const std::vector<SlotItem> &cards) {
        return std::any_of(cards.begin(), cards.end(), [&](const SlotItem &c) { return c.slot == expectedSlot && c.itemId == item; });
    };
    if (const Server *s = server(*r.scenario, device)) {
        QVERIFY(holds(s->adapters));
        QVERIFY(std::is_sorted(s->adapters.begin(), s->adapters.end(), [](const SlotItem &a, const SlotItem &b) { return a.slot < b.slot; }));
    } else {
        QVERIFY(holds(r.scenario->design.gateways.front().modules));
    }
    QCOMPARE(errors(*r.scenario), 0);
}

void TestDesignEdits::mezzanineCardsGoIntoBladeSlots()
{
    // The BL460c has 0 PCIe and 2 mezzanine slots: slots 1 and 2 are mezzanine.
    EditResult r = edit::placeItem(example(gigeFc), catalog(), QStringLiteral("hp-proliant-bl460c-g1"), QStringLiteral("rack-1"), 37);
    QVERIFY(r.ok());
    const QString blade = r.createdIds.front();
    r = edit::insertCard(*r.scenario, catalog(), blade, QStringLiteral("hp-nc360m-mezz"));
    QVERIFY2(r.ok(), qPrintable(r.refusal));
    QCOMPARE(server(*r.scenario, blade)->adapters.front().slot, 1);
    const EditResult pcie = edit::insertCard(*r.scenario, catalog(), blade, QStringLiteral("intel-pro1000-pt-quad"));
    QVERIFY(!pcie.ok());
    QVERIFY2(pcie.refusal.contains(QStringLiteral("no free PCIe slot for the Intel PRO/1000 PT Quad Port Server Adapter: 0 of 0 used")),
             qPrintable(pcie.refusal));
    r = edit::insertCard(*r.scenario, catalog(), blade, QStringLiteral("hp-nc360m-mezz"));
    QVERIFY(r.ok());
    const EditResult full = edit::insertCard(*r.scenario, catalog(), blade, QStringLiteral("hp-nc360m-mezz"));
    QVERIFY(!full.ok());
    QVERIFY2(full.refusal.contains(QStringLiteral("2 of 2 used")), qPrintable(full.refusal));
    QCOMPARE(errors(*r.scenario), 0);
}

void TestDesignEdits::removeCardTakesItsCables()
{
    const Scenario before = example(gigeFc);
    QCOMPARE(cablesOn(before, QStringLiteral("srv-001"), 1), 4);
    EditResult r = edit::removeCard(before, QStringLiteral("srv-001"), 1);
    QVERIFY(r.ok());
    QCOMPARE(cablesOn(*r.scenario, QStringLiteral("srv-001"), 1), 0);
    QCOMPARE(r.scenario->design.cables.size(), before.design.cables.size() - 4);
    QCOMPARE(server(*r.scenario, QStringLiteral("srv-001"))->adapters.size(), std::size_t { 2 });
    QCOMPARE(errors(*r.scenario), 0);
    const EditResult empty = edit::removeCard(*r.scenario, QStringLiteral("srv-001"), 1);
    QVERIFY(!empty.ok());
    QVERIFY2(empty.refusal.contains(QStringLiteral("slot 1 of server srv-001 holds no card")), qPrintable(empty.refusal));
    // A gateway module goes with its uplinks.
    const Scenario ib = example(ibSoftware);
    r = edit::removeCard(ib, QStringLiteral("gw-1a"), 1);
    QVERIFY(r.ok());
    QCOMPARE(cablesOn(*r.scenario, QStringLiteral("gw-1a"), 1), 0);
    QCOMPARE(errors(*r.scenario), 0);
}

void TestDesignEdits::portsOfADevice()
{
    const Scenario s = example(gigeFc);
    // DL380: 2 on-board ports, a quad NIC in slot 1, single-port HBAs in slots 2 and 3.
    const std::vector<PortInfo> ports = edit::devicePorts(s, catalog(), QStringLiteral("srv-001"));
    QCOMPARE(ports.size(), std::size_t { 8 });
    QCOMPARE(ports[0].end, (CableEnd { QStringLiteral("srv-001"), 0, 1 }));
    QCOMPARE(ports[0].protocol, QStringLiteral("ethernet"));
    QVERIFY(ports[0].cableId.isEmpty());
    QCOMPARE(ports[2].end, (CableEnd { QStringLiteral("srv-001"), 1, 1 }));
    QCOMPARE(ports[2].cableId, QStringLiteral("cbl-0001"));
    QCOMPARE(ports[6].protocol, QStringLiteral("fibre-channel"));
    QCOMPARE(ports[6].speedGbps, 4.0);
    QVERIFY(!ports[7].cableId.isEmpty());
    const std::map<QString, std::vector<PortInfo>> all = edit::designPorts(s, catalog());
    QCOMPARE(all.size(), s.design.servers.size() + s.design.switches.size());
    for (const QString &id : { QStringLiteral("srv-001"), QStringLiteral("lan-1a"), QStringLiteral("fc-8b") }) {
        const std::vector<PortInfo> one = edit::devicePorts(s, catalog(), id);
        const std::vector<PortInfo> &many = all.at(id);
        QCOMPARE(one.size(), many.size());
        for (std::size_t i = 0; i < one.size(); ++i) {
            QCOMPARE(one[i].end, many[i].end);
            QCOMPARE(one[i].cableId, many[i].cableId);
        }
    }
    const std::vector<PortInfo> gw = edit::devicePorts(example(ibSoftware), catalog(), QStringLiteral("gw-1a"));
    QCOMPARE(gw.size(), std::size_t { 24 + 6 + 2 }); // 24 InfiniBand ports, Ethernet module 6, FC module 2
    QCOMPARE(gw.front().protocol, QStringLiteral("infiniband"));
    QCOMPARE(gw.back().protocol, QStringLiteral("fibre-channel"));
    QVERIFY(edit::devicePorts(s, catalog(), QStringLiteral("nope")).empty());
}

void TestDesignEdits::defaultCableItemPerProtocol_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<QString>("item");
    QTest::newRow("used in the design") << gigeFc << "ethernet" << "cat6-patch-3m";
    QTest::newRow("fibre channel used") << gigeFc << "fibre-channel" << "fc-om2-lc-lc-5m";
    QTest::newRow("not used: first pinned by id") << gigeFc << "infiniband" << "ib-cx4-copper-3m";
    QTest::newRow("used in the IB design") << ibSoftware << "infiniband" << "ib-cx4-copper-3m";
    QTest::newRow("no cable of that protocol") << gigeFc << "token-ring" << "";
}

void TestDesignEdits::defaultCableItemPerProtocol()
{
    QFETCH(QString, scenario);
    QFETCH(QString, protocol);
    QFETCH(QString, item);
    QCOMPARE(edit::defaultCableItem(example(scenario), catalog(), protocol), item);
}

void TestDesignEdits::connectPorts_data()
{
    QTest::addColumn<QString>("fromDevice");
    QTest::addColumn<int>("fromSlot");
    QTest::addColumn<int>("fromPort");
    QTest::addColumn<QString>("toDevice");
    QTest::addColumn<int>("toSlot");
    QTest::addColumn<int>("toPort");
    QTest::addColumn<QString>("cableItem");
    QTest::addColumn<QString>("fabric"); // of the new cable; empty: refused
    QTest::addColumn<QString>("refusal");

    // "new" is a DL380 placed at rack-1 U 37 with a quad NIC (slot 1) and an FC HBA (slot 2). lan-1a's
    // ports 33..46 are free, fc-1a's 17..22.
    const QString cat6 = QStringLiteral("cat6-patch-3m");
    const QString fc = QStringLiteral("fc-om2-lc-lc-5m");
    QTest::newRow("free port to a switch") << "new" << 1 << 1 << "lan-1a" << 0 << 33 << cat6 << "lan" << "";
    QTest::newRow("fc port to an fc switch") << "new" << 2 << 1 << "fc-1a" << 0 << 17 << fc << "san-a" << "";
    QTest::newRow("fabric uplink") << "new" << 2 << 1 << "san-b" << 0 << 0 << fc << "san-b" << "";
    QTest::newRow("uplink port numbers are ignored") << "lan-1a" << 0 << 40 << "lan" << 5 << 9 << cat6 << "lan" << "";
    QTest::newRow("taken port") << "new" << 1 << 1 << "lan-1a" << 0 << 1 << cat6 << "" << "already carries cable cbl-0001";
    QTest::newRow("nonexistent port") << "new" << 1 << 1 << "lan-1a" << 0 << 49 << cat6 << "" << "port 49 of switch lan-1a does not exist: that slot has ports 1–48";
    QTest::newRow("nonexistent adapter port") << "new" << 1 << 5 << "lan-1a" << 0 << 33 << cat6 << "" << "does not exist: that slot has ports 1–4";
    QTest::newRow("empty slot") << "new" << 3 << 1 << "lan-1a" << 0 << 33 << cat6 << "" << "has no ports in slot 3";
    QTest::newRow("unknown device") << "new" << 1 << 1 << "lan-9z" << 0 << 33 << cat6 << "" << "lan-9z is not a device or fabric";
    QTest::newRow("protocol mismatch") << "new" << 1 << 1 << "fc-1a" << 0 << 17 << cat6 << "" << "is ethernet but port 17 of switch fc-1a is fibre-channel";
    QTest::newRow("protocol mismatch with the fabric") << "new" << 1 << 1 << "san-a" << 0 << 0 << cat6 << "" << "but fabric san-a is fibre-channel";
    QTest::newRow("cable of another protocol") << "new" << 1 << 1 << "lan-1a" << 0 << 33 << fc << "" << "is a fibre-channel cable";
    QTest::newRow("both ends on one device") << "new" << 1 << 1 << "new" << 1 << 2 << cat6 << "" << "both ends are on";
    QTest::newRow("switch uplink into another fabric") << "fc-1a" << 0 << 20 << "san-b" << 0 << 0 << fc << "" << "is on fabric san-a but fabric san-b is on fabric san-b";
    QTest::newRow("not a cable item") << "new" << 1 << 1 << "lan-1a" << 0 << 33 << "intel-pro1000-pt-quad" << "" << "not a cable";
}

void TestDesignEdits::connectPorts()
{
    QFETCH(QString, fromDevice);
    QFETCH(int, fromSlot);
    QFETCH(int, fromPort);
    QFETCH(QString, toDevice);
    QFETCH(int, toSlot);
    QFETCH(int, toPort);
    QFETCH(QString, cableItem);
    QFETCH(QString, fabric);
    QFETCH(QString, refusal);

    EditResult setup = edit::placeItem(example(gigeFc), catalog(), QStringLiteral("hp-proliant-dl380-g5"), QStringLiteral("rack-1"), 37);
    QVERIFY(setup.ok());
    const QString fresh = setup.createdIds.front();
    setup = edit::insertCard(*setup.scenario, catalog(), fresh, QStringLiteral("intel-pro1000-pt-quad"));
    QVERIFY(setup.ok());
    setup = edit::insertCard(*setup.scenario, catalog(), fresh, QStringLiteral("qlogic-qle2460"));
    QVERIFY(setup.ok());
    const Scenario before = *setup.scenario;
    const auto device = [&](const QString &id) { return id == u"new" ? fresh : id; };
    const CableEnd from { device(fromDevice), fromSlot, fromPort };
    const CableEnd to { device(toDevice), toSlot, toPort };
    const EditResult r = edit::connectPorts(before, catalog(), from, to, cableItem);
    if (fabric.isEmpty()) {
        QVERIFY(!r.ok());
        QVERIFY2(r.refusal.contains(refusal.replace(QStringLiteral("new"), fresh)), qPrintable(r.refusal));
        return;
    }
    QVERIFY2(r.ok(), qPrintable(r.refusal));
    QCOMPARE(r.createdIds, QStringList { QStringLiteral("cable-1") });
    const Cable &cable = r.scenario->design.cables.back();
    QCOMPARE(cable.id, QStringLiteral("cable-1"));
    QCOMPARE(cable.fabricId, fabric);
    QCOMPARE(cable.from, from);
    if (toDevice == u"lan" || toDevice == u"san-b")
        QCOMPARE(cable.to, (CableEnd { to.deviceId, 0, 0 }));
    else
        QCOMPARE(cable.to, to);
    if (cableItem == u"fc-om2-lc-lc-5m") // optics follow the cable type, as on the design's first FC cable
        QCOMPARE(cable.transceiverItemIds, std::vector<QString> { QStringLiteral("fc-4g-sfp-sw") });
    QCOMPARE(errors(*r.scenario), 0);
    QCOMPARE(loadProblem(*r.scenario), QString());
    // The same port again is taken now.
    const EditResult twice = edit::connectPorts(*r.scenario, catalog(), from, to, cableItem);
    QVERIFY(!twice.ok());
}

void TestDesignEdits::gatewayServesAtMostMaxServers()
{
    // With max_servers lowered to the servers gw-1a serves now, one more is refused.
    const Scenario s = example(ibSoftware);
    QSet<QString> served;
    for (const Cable &c : s.design.cables) {
        if (c.to.deviceId == u"gw-1a" && c.to.slot == 0 && c.from.deviceId.startsWith(QStringLiteral("srv-")))
            served.insert(c.from.deviceId);
    }
    QVERIFY(!served.contains(QStringLiteral("srv-017")));
    PinnedCatalog tight = catalog();
    for (PinnedSpec &spec : tight[QStringLiteral("cisco-sfs-3012")].specs) {
        if (spec.field == u"max_servers")
            spec.value = QString::number(served.size());
    }
    QCOMPARE(errors(s, tight), 0);
    const CableEnd freePort { QStringLiteral("gw-1a"), 0, 23 };
    const EditResult other = edit::connectPorts(s, tight, { QStringLiteral("srv-017"), 1, 2 }, freePort, QStringLiteral("ib-cx4-copper-3m"));
    QVERIFY(!other.ok());
    QVERIFY2(other.refusal.contains(QStringLiteral("gateway gw-1a already serves %1 servers").arg(served.size())), qPrintable(other.refusal));
    // A second link of a server it already serves is fine.
    const EditResult same = edit::connectPorts(s, tight, { QStringLiteral("srv-001"), 1, 2 }, freePort, QStringLiteral("ib-cx4-copper-3m"));
    QVERIFY2(same.ok(), qPrintable(same.refusal));
    QCOMPARE(same.scenario->design.cables.back().fabricId, QStringLiteral("ib"));
    QCOMPARE(errors(*same.scenario, tight), 0);
}

void TestDesignEdits::autoCableRestoresTheExample_data()
{
    QTest::addColumn<QString>("scenario");
    for (const Scenario &s : testing::ciovExample().scenarios)
        QTest::newRow(qPrintable(s.name)) << s.name;
}

void TestDesignEdits::autoCableRestoresTheExample()
{
    QFETCH(QString, scenario);
    const Scenario original = example(scenario);
    int removed = 0;
    const Scenario bare = withoutServerCables(original, &removed);
    QVERIFY(removed >= 128);
    const EditResult r = edit::autoCable(bare, catalog(), serverIds(bare));
    QVERIFY2(r.ok(), qPrintable(r.refusal));
    QCOMPARE(errors(*r.scenario), 0);
    QCOMPARE(loadProblem(*r.scenario), QString());
    // Every server has at least the links it had, and each protocol's links spread over two devices when
    // it had two cards or ports of it (dual-homed LAN and SAN in GigE+FC, A and B gateways in HA).
    for (const Server &s : original.design.servers) {
        QVERIFY2(cablesOn(*r.scenario, s.id) >= cablesOn(original, s.id), qPrintable(s.id));
    }
    if (scenario == gigeFc) {
        QCOMPARE(static_cast<int>(r.createdIds.size()), removed); // every adapter port cabled again
        QSet<QString> fcPeers;
        for (const Cable &c : r.scenario->design.cables) {
            if (c.from.deviceId == u"srv-001" && c.from.slot >= 2)
                fcPeers.insert(c.to.deviceId);
        }
        QCOMPARE(fcPeers, (QSet<QString> { QStringLiteral("fc-1a"), QStringLiteral("fc-1b") }));
        for (const Cable &c : r.scenario->design.cables) {
            if (c.from.deviceId == u"srv-001" && c.from.slot == 2)
                QCOMPARE(c.transceiverItemIds, std::vector<QString> { QStringLiteral("fc-4g-sfp-sw") });
        }
    }
    if (original.assumptions.haDualHoming) {
        const cost::DesignCheck check = cost::checkDesign(*r.scenario, catalog());
        QVERIFY(std::none_of(check.problems.begin(), check.problems.end(),
                             [](const Problem &p) { return p.message.contains(QStringLiteral("dual-homing")); }));
    }
}

void TestDesignEdits::autoCableWithNothingFreeIsRefused()
{
    const Scenario s = example(gigeFc);
    const EditResult r = edit::autoCable(s, catalog(), { QStringLiteral("srv-001"), QStringLiteral("srv-002") });
    QVERIFY(!r.ok());
    QVERIFY2(r.refusal.contains(QStringLiteral("no free adapter port")), qPrintable(r.refusal));
    QVERIFY(!edit::autoCable(s, catalog(), { QStringLiteral("lan-1a") }).ok());
    // An InfiniBand card in a design without InfiniBand devices finds no partner.
    const EditResult card = edit::insertCard(withoutServerCables(example(ibSoftware)), catalog(), QStringLiteral("srv-001"),
                                       QStringLiteral("intel-pro1000-pt-quad"));
    QVERIFY(card.ok());
    Scenario noGateways = *edit::removeObjects(*card.scenario, { QStringLiteral("gw-1a"), QStringLiteral("gw-2a"), QStringLiteral("gw-3a"),
                                                           QStringLiteral("gw-4a"), QStringLiteral("gw-5a"), QStringLiteral("gw-6a") })
                                .scenario;
    const EditResult none = edit::autoCable(noGateways, catalog(), { QStringLiteral("srv-001") });
    QVERIFY(!none.ok());
    QVERIFY2(none.refusal.contains(QStringLiteral("2 infiniband")) && none.refusal.contains(QStringLiteral("4 ethernet")), qPrintable(none.refusal));
}

void TestDesignEdits::removeObjectsCascades_data()
{
    QTest::addColumn<QStringList>("ids");
    QTest::addColumn<int>("servers");
    QTest::addColumn<int>("switches");
    QTest::addColumn<int>("cables"); // left; -1: refused
    QTest::addColumn<QString>("refusal");

    // GigE+FC: 128 servers, 32 switches, 832 cables (6 per server, 2 uplinks per switch).
    QTest::newRow("a server and its 6 cables") << QStringList { "srv-001" } << 127 << 32 << 826 << "";
    QTest::newRow("a switch, its 32 server cables and 2 uplinks") << QStringList { "lan-1a" } << 128 << 31 << 798 << "";
    QTest::newRow("a rack with 16 servers and 4 switches") << QStringList { "rack-1" } << 112 << 28 << 728 << "";
    QTest::newRow("a fabric with its switches and cables") << QStringList { "san-a" } << 128 << 24 << 688 << "";
    QTest::newRow("a cable") << QStringList { "cbl-0001" } << 128 << 32 << 831 << "";
    QTest::newRow("unknown ids are ignored") << QStringList { "nope", "cbl-0001" } << 128 << 32 << 831 << "";
    QTest::newRow("nothing known") << QStringList { "nope" } << 0 << 0 << -1 << "nothing to delete";
    QStringList everyRack;
    for (int i = 1; i <= 8; ++i)
        everyRack << QStringLiteral("rack-%1").arg(i);
    QTest::newRow("the last servers of a VM profile's group") << everyRack << 0 << 0 << -1 << "leaves VM profile consolidated server VM without a server of group vm-hosts";
}

void TestDesignEdits::removeObjectsCascades()
{
    QFETCH(QStringList, ids);
    QFETCH(int, servers);
    QFETCH(int, switches);
    QFETCH(int, cables);
    QFETCH(QString, refusal);
    const EditResult r = edit::removeObjects(example(gigeFc), ids);
    if (cables < 0) {
        QVERIFY(!r.ok());
        QVERIFY2(r.refusal.contains(refusal), qPrintable(r.refusal));
        return;
    }
    QVERIFY2(r.ok(), qPrintable(r.refusal));
    QCOMPARE(static_cast<int>(r.scenario->design.servers.size()), servers);
    QCOMPARE(static_cast<int>(r.scenario->design.switches.size()), switches);
    QCOMPARE(static_cast<int>(r.scenario->design.cables.size()), cables);
    QCOMPARE(errors(*r.scenario), 0);
    QCOMPARE(loadProblem(*r.scenario), QString());
}

void TestDesignEdits::extractPasteRoundTrip()
{
    const Scenario s = example(gigeFc);
    const Design fragment = edit::extractObjects(s, { QStringLiteral("srv-001"), QStringLiteral("lan-1a") });
    QCOMPARE(fragment.servers.size(), std::size_t { 1 });
    QCOMPARE(fragment.switches.size(), std::size_t { 1 });
    QVERIFY(fragment.racks.empty());
    // The server's two links to lan-1a and lan-1a's two uplinks into the LAN.
    QCOMPARE(fragment.cables.size(), std::size_t { 4 });
    QCOMPARE(fragment.fabrics.size(), std::size_t { 1 });

    const EditResult rack = edit::addRack(s);
    const EditResult r = edit::pasteObjects(*rack.scenario, catalog(), fragment, QStringLiteral("rack-9"));
    QVERIFY2(r.ok(), qPrintable(r.refusal));
    QCOMPARE(r.createdIds, (QStringList { QStringLiteral("server-1"), QStringLiteral("switch-1"), QStringLiteral("cable-1"),
                                          QStringLiteral("cable-2"), QStringLiteral("cable-3"), QStringLiteral("cable-4") }));
    const Server &pasted = r.scenario->design.servers.back();
    QCOMPARE(pasted.rackId, QStringLiteral("rack-9"));
    QCOMPARE(pasted.positionU, 1);
    QCOMPARE(pasted.adapters, fragment.servers.front().adapters);
    QCOMPARE(r.scenario->design.switches.back().positionU, 33);
    QCOMPARE(r.scenario->design.switches.back().fabricId, QStringLiteral("lan"));
    for (std::size_t i = 0; i < 4; ++i) {
        const Cable &c = r.scenario->design.cables[s.design.cables.size() + i];
        QVERIFY(c.from.deviceId == u"server-1" || c.from.deviceId == u"switch-1");
        QVERIFY(c.to.deviceId == u"switch-1" || c.to.deviceId == u"lan");
    }
    QCOMPARE(errors(*r.scenario), 0);
    QCOMPARE(loadProblem(*r.scenario), QString());

    // Extracting the pasted copy gives the fragment back up to ids and placement.
    const Design again = edit::extractObjects(*r.scenario, { QStringLiteral("server-1"), QStringLiteral("switch-1") });
    QCOMPARE(again.cables.size(), fragment.cables.size());
    QCOMPARE(again.servers.front().adapters, fragment.servers.front().adapters);
    QCOMPARE(again.servers.front().itemId, fragment.servers.front().itemId);

    // Into a scenario without that fabric's id: its fabric of the same kind is used.
    const EditResult noLan = edit::removeObjects(example(ibSoftware), { QStringLiteral("lan") });
    QVERIFY(noLan.ok());
    const EditResult core = edit::addFabric(*noLan.scenario, FabricKind::Lan, QStringLiteral("Core"));
    QCOMPARE(core.createdIds, QStringList { QStringLiteral("fabric-1") });
    const EditResult other = edit::pasteObjects(*core.scenario, catalog(), fragment);
    QVERIFY2(other.ok(), qPrintable(other.refusal));
    QCOMPARE(other.scenario->design.switches.back().fabricId, QStringLiteral("fabric-1"));
    QCOMPARE(other.scenario->design.cables.back().to, (CableEnd { QStringLiteral("fabric-1"), 0, 0 }));
    QCOMPARE(other.scenario->design.servers.back().positionU, 37); // rack-1: servers to U 32, gateway U 33..36
    QCOMPARE(other.scenario->design.switches.back().positionU, 39);
    QCOMPARE(errors(*other.scenario), 0);
    QCOMPARE(loadProblem(*other.scenario), QString());
}

void TestDesignEdits::pasteWithoutRoomChangesNothing()
{
    const Scenario s = example(gigeFc);
    // Four 2 U servers need 8 U; rack-1 has U 37..42 free: the fourth finds no room.
    const Design fragment = edit::extractObjects(s, { QStringLiteral("srv-001"), QStringLiteral("srv-002"), QStringLiteral("srv-003"),
                                                QStringLiteral("srv-004") });
    const EditResult r = edit::pasteObjects(s, catalog(), fragment, QStringLiteral("rack-1"));
    QVERIFY(!r.ok());
    QVERIFY(!r.scenario.has_value());
    QVERIFY2(r.refusal.contains(QStringLiteral("no room for server srv-004")), qPrintable(r.refusal));
    QVERIFY(edit::pasteObjects(s, catalog(), fragment, QStringLiteral("rack-77")).refusal.contains(QStringLiteral("rack-77")));
    QVERIFY(!edit::pasteObjects(s, catalog(), Design {}).ok());
}

void TestDesignEdits::duplicateGoesNextToTheOriginal()
{
    const Scenario s = example(gigeFc);
    const EditResult r = edit::duplicateObjects(s, catalog(), { QStringLiteral("srv-016") });
    QVERIFY2(r.ok(), qPrintable(r.refusal));
    QCOMPARE(r.createdIds, QStringList { QStringLiteral("server-1") });
    const Server *copy = server(*r.scenario, QStringLiteral("server-1"));
    QCOMPARE(copy->rackId, QStringLiteral("rack-1"));
    QCOMPARE(copy->positionU, 37); // the lowest free U at or above its U 31
    QCOMPARE(copy->adapters, server(s, QStringLiteral("srv-016"))->adapters);
    QCOMPARE(r.scenario->design.cables.size(), s.design.cables.size()); // its cables go to devices not duplicated
    QCOMPARE(errors(*r.scenario), 0);
    QVERIFY(!edit::duplicateObjects(s, catalog(), { QStringLiteral("cbl-0001") }).ok());
}

void TestDesignEdits::addServersLikeFillsRacksThenNewRacks()
{
    const Scenario s = example(gigeFc);
    // Every rack has U 37..42 free: three 2 U servers each; its own rack (rack-2 for srv-017) first.
    EditResult r = edit::addServersLike(s, catalog(), QStringLiteral("srv-017"), 10);
    QVERIFY2(r.ok(), qPrintable(r.refusal));
    QCOMPARE(r.createdIds.size(), 10);
    const auto at = [&](int k) {
        const Server *x = server(*r.scenario, r.createdIds[k]);
        return QStringLiteral("%1@%2").arg(x->rackId).arg(x->positionU);
    };
    QCOMPARE(at(0), QStringLiteral("rack-2@37"));
    QCOMPARE(at(2), QStringLiteral("rack-2@41"));
    QCOMPARE(at(3), QStringLiteral("rack-1@37"));
    QCOMPARE(at(6), QStringLiteral("rack-3@37"));
    QCOMPARE(at(9), QStringLiteral("rack-4@37"));
    const Server *copy = server(*r.scenario, r.createdIds[0]);
    QCOMPARE(copy->adapters, server(s, QStringLiteral("srv-017"))->adapters);
    QCOMPARE(copy->group, QStringLiteral("vm-hosts"));
    QCOMPARE(r.scenario->design.cables.size(), s.design.cables.size());
    QCOMPARE(errors(*r.scenario), 0);

    // 8 racks x 3 free places, then new 42 U racks of 21 servers each.
    r = edit::addServersLike(s, catalog(), QStringLiteral("srv-001"), 24 + 21 + 1);
    QVERIFY(r.ok());
    QCOMPARE(r.scenario->design.racks.size(), std::size_t { 10 });
    QVERIFY(r.createdIds.contains(QStringLiteral("rack-9")) && r.createdIds.contains(QStringLiteral("rack-10")));
    QCOMPARE(r.scenario->design.racks[8].heightU, 42);
    QCOMPARE(server(*r.scenario, r.createdIds.back())->rackId, QStringLiteral("rack-10"));
    QCOMPARE(errors(*r.scenario), 0);
    QCOMPARE(loadProblem(*r.scenario), QString());

    QVERIFY(edit::addServersLike(s, catalog(), QStringLiteral("srv-001"), 0).refusal.contains(QStringLiteral("add 1 to 10000")));
    QVERIFY(!edit::addServersLike(s, catalog(), QStringLiteral("srv-001"), 10001).ok());
    QVERIFY(!edit::addServersLike(s, catalog(), QStringLiteral("lan-1a"), 1).ok());
}

void TestDesignEdits::addServersLikeAtScale()
{
    const Scenario s = example(gigeFc);
    const EditResult r = edit::addServersLike(s, catalog(), QStringLiteral("srv-001"), 2000);
    QVERIFY(r.ok());
    QCOMPARE(r.scenario->design.servers.size(), std::size_t { 2128 });
    // 24 into the free U of the 8 racks, 1,976 into ceil(1976 / 21) = 95 new racks.
    QCOMPARE(r.scenario->design.racks.size(), std::size_t { 8 + 95 });
    QCOMPARE(errors(*r.scenario), 0);
}

void TestDesignEdits::applyAdapterKit()
{
    const Scenario s = example(gigeFc);
    // The kit: srv-001 without its second HBA (slot 3).
    const EditResult kit = edit::removeCard(s, QStringLiteral("srv-001"), 3);
    QVERIFY(kit.ok());
    const EditResult r = edit::applyAdapterKit(*kit.scenario, catalog(), QStringLiteral("srv-001"),
                                               { QStringLiteral("srv-002"), QStringLiteral("srv-003"), QStringLiteral("srv-001") });
    QVERIFY2(r.ok(), qPrintable(r.refusal));
    for (const QString &id : { QStringLiteral("srv-002"), QStringLiteral("srv-003") }) {
        QCOMPARE(server(*r.scenario, id)->adapters, server(*kit.scenario, QStringLiteral("srv-001"))->adapters);
        QCOMPARE(cablesOn(*r.scenario, id, 3), 0); // the removed card's cable went
        QCOMPARE(cablesOn(*r.scenario, id, 1), 4); // unchanged cards keep theirs
        QCOMPARE(cablesOn(*r.scenario, id, 2), 1);
    }
    QCOMPARE(r.scenario->design.cables.size(), kit.scenario->design.cables.size() - 2);
    QCOMPARE(errors(*r.scenario), 0);

    // An IB kit replaces every card: all their cables go.
    const EditResult ib = edit::insertCard(*edit::removeCard(*edit::removeCard(*kit.scenario, QStringLiteral("srv-001"), 1).scenario,
                                                 QStringLiteral("srv-001"), 2).scenario,
                                     catalog(), QStringLiteral("srv-001"), QStringLiteral("mellanox-mhga28-xtc"));
    QVERIFY(ib.ok());
    const EditResult all = edit::applyAdapterKit(*ib.scenario, catalog(), QStringLiteral("srv-001"), { QStringLiteral("srv-002") });
    QVERIFY(all.ok());
    QCOMPARE(cablesOn(*all.scenario, QStringLiteral("srv-002")), 0);
    QCOMPARE(errors(*all.scenario), 0);
}

void TestDesignEdits::applyAdapterKitRefusalChangesNothing()
{
    // A blade's mezzanine kit does not fit a DL380 (3 PCIe, no mezzanine): refused, naming the server.
    EditResult r = edit::placeItem(example(gigeFc), catalog(), QStringLiteral("hp-proliant-bl460c-g1"), QStringLiteral("rack-1"), 37);
    const QString blade = r.createdIds.front();
    r = edit::insertCard(*r.scenario, catalog(), blade, QStringLiteral("hp-nc360m-mezz"));
    QVERIFY(r.ok());
    const EditResult refused = edit::applyAdapterKit(*r.scenario, catalog(), blade, { QStringLiteral("srv-001"), QStringLiteral("srv-002") });
    QVERIFY(!refused.ok());
    QVERIFY(!refused.scenario.has_value());
    QVERIFY2(refused.refusal.startsWith(QStringLiteral("server srv-001 (HP ProLiant DL380 G5) has no mezzanine slot 1")), qPrintable(refused.refusal));
    QVERIFY(!edit::applyAdapterKit(*r.scenario, catalog(), blade, { blade }).ok());
    QVERIFY(!edit::applyAdapterKit(*r.scenario, catalog(), QStringLiteral("lan-1a"), { blade }).ok());
}

void TestDesignEdits::randomEditsNeverAddErrors()
{
    // 200 random gestures (fixed seed) over the example's scenarios, each applied when accepted: the error
    // count never grows, refusals are one line, and the document stays loadable.
    QRandomGenerator random(20070615);
    const PinnedCatalog &c = catalog();
    std::vector<QString> placeable, cards, cableItems;
    for (const auto &[id, item] : c) {
        if (item.kind == u"server" || item.kind == u"switch" || item.kind == u"gateway" || item.kind == u"storage")
            placeable.push_back(id);
        else if (item.kind == u"adapter" || item.kind == u"gateway-module")
            cards.push_back(id);
        else if (item.kind == u"cable")
            cableItems.push_back(id);
    }
    const auto pickOf = [&](const auto &list) { return list[static_cast<std::size_t>(random.bounded(static_cast<int>(list.size())))]; };
    int accepted = 0;
    int refused = 0;
    for (const Scenario &start : testing::ciovExample().scenarios) {
        Scenario s = start;
        for (int step = 0; step < 50; ++step) {
            const Design &d = s.design;
            QStringList devices;
            for (const Server &x : d.servers)
                devices << x.id;
            for (const Switch &x : d.switches)
                devices << x.id;
            for (const Gateway &x : d.gateways)
                devices << x.id;
            if (devices.isEmpty() || d.servers.empty() || d.racks.empty())
                break;
            const QString device = pickOf(devices);
            const QString aServer = pickOf(d.servers).id;
            const QString rack = pickOf(d.racks).id;
            const int kind = random.bounded(11);
            EditResult r;
            switch (kind) {
            case 0:
                r = edit::placeItem(s, c, pickOf(placeable), rack, random.bounded(-1, 45));
                break;
            case 1:
                r = edit::moveDevice(s, c, device, rack, random.bounded(0, 44));
                break;
            case 2: {
                const int slot = random.bounded(0, 5);
                r = edit::insertCard(s, c, device, pickOf(cards), slot == 0 ? std::nullopt : std::optional<int>(slot));
                break;
            }
            case 3:
                r = edit::removeCard(s, device, random.bounded(0, 4));
                break;
            case 4: {
                const std::vector<PortInfo> a = edit::devicePorts(s, c, device);
                const QString other = random.bounded(4) == 0 && !d.fabrics.empty() ? pickOf(d.fabrics).id : pickOf(devices);
                const std::vector<PortInfo> b = edit::devicePorts(s, c, other);
                if (a.empty())
                    continue;
                const CableEnd to = b.empty() ? CableEnd { other, 0, 0 } : pickOf(b).end;
                r = edit::connectPorts(s, c, pickOf(a).end, to, pickOf(cableItems));
                break;
            }
            case 5: {
                QStringList some;
                for (int k = random.bounded(1, 6); k > 0; --k)
                    some << pickOf(d.servers).id;
                r = edit::autoCable(s, c, some);
                break;
            }
            case 6: {
                QStringList ids { device };
                if (!d.cables.empty() && random.bounded(2) == 0)
                    ids << pickOf(d.cables).id;
                if (random.bounded(10) == 0)
                    ids << rack;
                r = edit::removeObjects(s, ids);
                break;
            }
            case 7:
                r = edit::duplicateObjects(s, c, { device });
                break;
            case 8:
                r = edit::addServersLike(s, c, aServer, random.bounded(1, 6));
                break;
            case 9:
                r = edit::applyAdapterKit(s, c, aServer, { pickOf(d.servers).id, pickOf(d.servers).id });
                break;
            case 10:
                r = edit::pasteObjects(s, c, edit::extractObjects(s, { device, pickOf(devices) }), random.bounded(2) == 0 ? rack : QString());
                break;
            }
            if (!r.ok()) {
                ++refused;
                QVERIFY2(!r.refusal.isEmpty() && !r.refusal.contains(QLatin1Char('\n')), qPrintable(r.refusal));
                continue;
            }
            ++accepted;
            const int before = errors(s);
            const int after = errors(*r.scenario);
            QVERIFY2(after <= before, qPrintable(QStringLiteral("%1: edit kind %2 at step %3 raised errors %4 -> %5")
                                                     .arg(start.name).arg(kind).arg(step).arg(before).arg(after)));
            const QString load = loadProblem(*r.scenario);
            QVERIFY2(load.isEmpty(), qPrintable(QStringLiteral("edit kind %1: %2").arg(kind).arg(load)));
            s = *r.scenario;
        }
    }
    qInfo("random edits: %d accepted, %d refused", accepted, refused);
    QVERIFY(accepted > 40); // the test must exercise accepted edits, not only refusals
    QVERIFY(refused > 10);
}

// The GigE+FC example 16 times over (ids suffixed): 2,048 servers, 512 switches, 13,312 cables.
Scenario dataCenter()
{
    const Scenario one = example(gigeFc);
    Scenario s = one;
    s.design.racks.clear();
    s.design.servers.clear();
    s.design.switches.clear();
    s.design.cables.clear();
    QSet<QString> fabrics;
    for (const Fabric &f : one.design.fabrics)
        fabrics.insert(f.id);
    for (int k = 1; k <= 16; ++k) {
        const QString suffix = QStringLiteral("-x%1").arg(k);
        for (Rack r : one.design.racks) {
            r.id += suffix;
            s.design.racks.push_back(r);
        }
        for (Server x : one.design.servers) {
            x.id += suffix;
            x.rackId += suffix;
            s.design.servers.push_back(x);
        }
        for (Switch x : one.design.switches) {
            x.id += suffix;
            x.rackId += suffix;
            s.design.switches.push_back(x);
        }
        for (Cable c : one.design.cables) {
            c.id += suffix;
            for (CableEnd *e : { &c.from, &c.to }) {
                if (!fabrics.contains(e->deviceId))
                    e->deviceId += suffix;
            }
            s.design.cables.push_back(c);
        }
    }
    return s;
}

void TestDesignEdits::timingsAtDataCenterScale()
{
    // Figures for docs/editing.md (each the fastest of 5 runs: the build machine is shared); no timed
    // assertions: the results are checked instead.
    const Scenario s = dataCenter();
    QCOMPARE(s.design.servers.size(), std::size_t { 2048 });
    QCOMPARE(errors(s), 0);
    const QString rack = QStringLiteral("rack-1-x7");
    const auto fastest = [](auto edit) {
        double best = 1e9;
        for (int run = 0; run < 5; ++run) {
            QElapsedTimer timer;
            timer.start();
            edit();
            best = std::min(best, static_cast<double>(timer.nsecsElapsed()) / 1e6);
        }
        return best;
    };
    EditResult placed, refused, moved, card, cable, removed, duplicated, added, cabled;
    std::map<QString, std::vector<PortInfo>> ports;
    const Scenario bare = withoutServerCables(s);
    const double copyMs = fastest([&] { const Scenario copy = s; QCOMPARE(copy.design.cables.size(), s.design.cables.size()); });
    const double placeMs = fastest([&] { placed = edit::placeItem(s, catalog(), QStringLiteral("hp-proliant-dl380-g5"), rack, 37); });
    const double refuseMs = fastest([&] { refused = edit::placeItem(s, catalog(), QStringLiteral("hp-proliant-dl380-g5"), rack, 33); });
    const double moveMs = fastest([&] { moved = edit::moveDevice(s, catalog(), QStringLiteral("srv-001-x7"), rack, 37); });
    QVERIFY(placed.ok() && moved.ok());
    QVERIFY(refused.refusal.contains(QStringLiteral("lan-1a-x7")));
    const double cardMs = fastest([&] { card = edit::insertCard(*placed.scenario, catalog(), placed.createdIds.front(), QStringLiteral("intel-pro1000-pt-quad")); });
    QVERIFY(card.ok());
    const double cableMs = fastest([&] {
        cable = edit::connectPorts(*card.scenario, catalog(), { placed.createdIds.front(), 1, 1 }, { QStringLiteral("lan-1a-x7"), 0, 33 },
                                   QStringLiteral("cat6-patch-3m"));
    });
    QVERIFY2(cable.ok(), qPrintable(cable.refusal));
    const double portsMs = fastest([&] { ports = edit::designPorts(s, catalog()); });
    QCOMPARE(ports.size(), std::size_t { 2048 + 512 });
    const double removeMs = fastest([&] { removed = edit::removeObjects(s, { rack }); });
    const double duplicateMs = fastest([&] { duplicated = edit::duplicateObjects(s, catalog(), { QStringLiteral("srv-016-x7") }); });
    const double addMs = fastest([&] { added = edit::addServersLike(s, catalog(), QStringLiteral("srv-001-x1"), 2000); });
    QVERIFY(removed.ok() && duplicated.ok() && added.ok());
    const double autoCableMs = fastest([&] { cabled = edit::autoCable(bare, catalog(), serverIds(bare)); });
    QVERIFY(cabled.ok());
    QCOMPARE(cabled.createdIds.size(), 2048 * 6);
    QCOMPARE(errors(*cabled.scenario), 0);
    qInfo("2,048 servers, 13,312 cables: copying the scenario %.2f ms; placeItem %.2f ms (refused %.2f), moveDevice %.2f, "
          "insertCard %.2f, connectPorts %.2f, designPorts %.2f, removeObjects(rack) %.2f, duplicate %.2f, "
          "addServersLike(2000) %.2f, autoCable(all 2,048) %.2f ms",
          copyMs, placeMs, refuseMs, moveMs, cardMs, cableMs, portsMs, removeMs, duplicateMs, addMs, autoCableMs);
}

QTEST_GUILESS_MAIN(TestDesignEdits)
#include "tst_designedits.moc"
