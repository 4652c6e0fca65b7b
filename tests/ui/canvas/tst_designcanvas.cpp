// The design canvas (issue 5, part 1 "Design canvas", part 6 tests): palette drops, refusals, cards,
// cabling, moves, selection sync, delete / copy / paste / duplicate / add N, one undo step per gesture,
// undo restoring the document exactly, and a re-sync that touches only the changed items.

#include "../../exampleproject.h"

#include "ui/canvas/cableitem.h"
#include "ui/canvas/designscene.h"
#include "ui/canvas/designview.h"
#include "ui/canvas/deviceitem.h"
#include "ui/canvas/objectclipboard.h"
#include "ui/canvas/portitem.h"
#include "ui/catalogitemmime.h"
#include "ui/editing/designselection.h"
#include "ui/editing/document.h"
#include "ui/editing/documenteditor.h"

#include "model/edit/designedits.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QDragEnterEvent>
#include <QInputDialog>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <memory>

using namespace iovplan;
using namespace iovplan::ui;

namespace {

// A document holding the white paper's example, an editor without a catalog database (every item the
// tests drop is pinned by the example) and a shown canvas of one scenario.
struct Fixture
{
    Document document;
    DocumentEditor editor { document, nullptr };
    DesignSelection selection;
    std::unique_ptr<DesignView> view;
    ScenarioKey key = 0;

    explicit Fixture(const QString &scenarioName)
    {
        document.adopt(testing::ciovExample(), {}, io::currentDocumentVersion);
        for (const ScenarioKey k : document.scenarioKeys()) {
            if (document.scenario(k).name == scenarioName)
                key = k;
        }
        view = std::make_unique<DesignView>(document, editor, selection, key);
        view->resize(1200, 800);
        view->show();
    }

    [[nodiscard]] const design::Scenario &scenario() const { return document.scenario(key); }
    [[nodiscard]] DesignScene *scene() const { return view->designScene(); }
    [[nodiscard]] int undoCount() const { return document.undoStack()->count(); }

    // Zooms to `zoom` around `scenePos` and returns where it is in the viewport.
    QPoint show(QPointF scenePos, qreal zoom)
    {
        view->setZoom(zoom);
        view->centerOn(scenePos);
        return view->mapFromScene(scenePos);
    }

    // A palette drag of `itemId` that enters the canvas, hovers and drops at `viewPos`.
    void drop(const QString &itemId, QPoint viewPos)
    {
        QMimeData mime;
        mime.setData(QLatin1String(catalogItemMimeType), itemId.toUtf8());
        QDragEnterEvent enter(viewPos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(view->viewport(), &enter);
        QDragMoveEvent move(viewPos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(view->viewport(), &move);
        QDropEvent dropEvent(QPointF(viewPos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(view->viewport(), &dropEvent);
    }

    [[nodiscard]] QPointF deviceCenter(const QString &id) const
    {
        const DeviceItem *item = scene()->device(id);
        return item == nullptr ? QPointF() : item->mapToScene(item->boundingRect().center());
    }

    [[nodiscard]] QPointF portCenter(const PortItem *port) const
    {
        return port->mapToScene(port->boundingRect().center());
    }
};

const design::Server *findServer(const design::Scenario &s, const QString &id)
{
    for (const design::Server &server : s.design.servers) {
        if (server.id == id)
            return &server;
    }
    return nullptr;
}

const QString gigeFc = QStringLiteral("GigE+FC");
const QString ibSoftware = QStringLiteral("IB software IOV");

} // namespace

class TestDesignCanvas : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void sceneShowsEveryObject();
    void dropPlacesAtSnappedU_data();
    void dropPlacesAtSnappedU();
    void refusedDropChangesNothing_data();
    void refusedDropChangesNothing();
    void adapterGoesIntoFreeSlot();
    void adapterWithoutFreeSlotIsRefused();
    void dragFromPortToPortMakesCable();
    void dragFromPortToFabricMakesUplink();
    void selectionFollowsBothWays();
    void deleteThenUndo();
    void copyPaste();
    void duplicate();
    void addServersLikeSelected();
    void mouseMoveIsOneUndoStep();
    void refusedMoveSnapsBack();
    void resyncTouchesOnlyChangedItems();
    void clipboardPayloadRoundTrips();
    void screenshots();
};

void TestDesignCanvas::sceneShowsEveryObject()
{
    Fixture f(gigeFc);
    const design::Design &d = f.scenario().design;
    QCOMPARE(f.scene()->deviceCount(),
             static_cast<int>(d.servers.size() + d.switches.size() + d.gateways.size() + d.storage.size()));
    QCOMPARE(f.scene()->cableCount(), static_cast<int>(d.cables.size()));
    // srv-001 has a quad NIC in slot 1 whose port 1 is cabled, as the document says.
    const DeviceItem *srv = f.scene()->device(QStringLiteral("srv-001"));
    QVERIFY(srv != nullptr);
    QVERIFY(srv->port(1, 4) != nullptr);
    QVERIFY(srv->port(1, 5) == nullptr);
    QCOMPARE(srv->port(1, 1)->cableId(), QStringLiteral("cbl-0001"));
    // Racks stand side by side: rack-2 to the right of rack-1; U 1 at the bottom.
    const RackPlacement *r1 = f.scene()->layout().rack(QStringLiteral("rack-1"));
    const RackPlacement *r2 = f.scene()->layout().rack(QStringLiteral("rack-2"));
    QVERIFY(r2->interior.left() > r1->interior.right());
    const DeviceItem *top = f.scene()->device(QStringLiteral("lan-1a")); // U33
    QVERIFY(top->pos().y() < srv->pos().y());
}

void TestDesignCanvas::dropPlacesAtSnappedU_data()
{
    QTest::addColumn<QString>("itemId");
    QTest::addColumn<QString>("rackId");
    QTest::addColumn<double>("dropU"); // continuous U coordinate under the cursor
    QTest::addColumn<int>("expectedU");
    QTest::addColumn<QString>("kind");
    // A 2U server dropped with its middle at U 39.2 snaps to U 38-39; the rack's free U are 37-42.
    QTest::newRow("2U server, rack-1") << QStringLiteral("hp-proliant-dl380-g5") << QStringLiteral("rack-1") << 39.2 << 38
                                       << QStringLiteral("server");
    // Near the top it stays inside the rack: U 41-42.
    QTest::newRow("2U server at the top") << QStringLiteral("hp-proliant-dl380-g5") << QStringLiteral("rack-3") << 42.9
                                          << 41 << QStringLiteral("server");
    QTest::newRow("1U switch, rack-2") << QStringLiteral("cisco-catalyst-3750g-48ts") << QStringLiteral("rack-2") << 40.6
                                       << 40 << QStringLiteral("switch");
}

void TestDesignCanvas::dropPlacesAtSnappedU()
{
    QFETCH(QString, itemId);
    QFETCH(QString, rackId);
    QFETCH(double, dropU);
    QFETCH(int, expectedU);
    QFETCH(QString, kind);
    Fixture f(gigeFc);
    const design::Project before = f.document.project();
    const design::Scenario scenarioBefore = f.scenario();
    const RackPlacement *rack = f.scene()->layout().rack(rackId);
    const QPointF scenePos(rack->interior.center().x(), rack->interior.bottom() - (dropU - 1.0) * DesignLayout::unitHeight);
    const QPoint viewPos = f.show(scenePos, 1.0);
    f.drop(itemId, viewPos);

    QCOMPARE(f.undoCount(), 1);
    const design::Design &after = f.scenario().design;
    int found = 0;
    const auto check = [&](const auto &records, const auto &old) {
        QCOMPARE(records.size(), old.size() + 1);
        for (const auto &r : records) {
            if (r.itemId == itemId && r.rackId == rackId && r.positionU == expectedU)
                ++found;
        }
    };
    if (kind == u"server")
        check(after.servers, scenarioBefore.design.servers);
    else
        check(after.switches, scenarioBefore.design.switches);
    QCOMPARE(found, 1);
    // The new device is on the canvas and selected.
    QCOMPARE(f.selection.ids().size(), 1);
    const QString createdId = f.selection.ids().front();
    QVERIFY(f.scene()->device(createdId) != nullptr);

    f.document.undoStack()->undo();
    QVERIFY(f.document.project() == before);
    QVERIFY(f.scene()->device(createdId) == nullptr);
}

void TestDesignCanvas::refusedDropChangesNothing_data()
{
    QTest::addColumn<QString>("itemId");
    QTest::addColumn<double>("dropU");
    QTest::addColumn<bool>("fillRackFirst");
    QTest::addColumn<QString>("reasonMentions");
    // Servers fill U 1-32 of rack-1 two units each: U 5-6 is srv-003.
    QTest::newRow("overlap with srv-003") << QStringLiteral("hp-proliant-dl380-g5") << 6.0 << false << QStringLiteral("srv-003");
    // U 37-42 filled by three more servers first: no room left anywhere in rack-1.
    QTest::newRow("full rack") << QStringLiteral("hp-proliant-dl380-g5") << 40.0 << true << QStringLiteral("rack-1");
    QTest::newRow("outside every rack") << QStringLiteral("hp-proliant-dl380-g5") << -20.0 << false << QStringLiteral("rack");
}

void TestDesignCanvas::refusedDropChangesNothing()
{
    QFETCH(QString, itemId);
    QFETCH(double, dropU);
    QFETCH(bool, fillRackFirst);
    QFETCH(QString, reasonMentions);
    Fixture f(gigeFc);
    if (fillRackFirst) {
        for (const int u : { 37, 39, 41 })
            QVERIFY(f.editor.placeItem(f.key, itemId, QStringLiteral("rack-1"), u).ok());
    }
    const design::Project before = f.document.project();
    const int undoBefore = f.undoCount();
    QSignalSpy messages(f.view.get(), &DesignView::statusMessage);
    const RackPlacement *rack = f.scene()->layout().rack(QStringLiteral("rack-1"));
    const QPointF scenePos(rack->interior.center().x(), rack->interior.bottom() - (dropU - 1.0) * DesignLayout::unitHeight);
    f.drop(itemId, f.show(scenePos, 1.0));

    QVERIFY(f.document.project() == before);
    QCOMPARE(f.undoCount(), undoBefore);
    QVERIFY(!messages.isEmpty());
    const QString reason = messages.last().at(0).toString();
    QVERIFY2(reason.contains(reasonMentions), qPrintable(reason));
}

void TestDesignCanvas::adapterGoesIntoFreeSlot()
{
    Fixture f(ibSoftware); // one HCA in slot 1; slots 2 and 3 free
    const design::Project before = f.document.project();
    f.drop(QStringLiteral("intel-pro1000-pt-quad"), f.show(f.deviceCenter(QStringLiteral("srv-001")), 2.0));
    QCOMPARE(f.undoCount(), 1);
    const design::Server *srv = findServer(f.scenario(), QStringLiteral("srv-001"));
    QCOMPARE(srv->adapters.size(), 2u);
    QCOMPARE(srv->adapters[1].slot, 2);
    QCOMPARE(srv->adapters[1].itemId, QStringLiteral("intel-pro1000-pt-quad"));
    // The canvas shows the card's four ports.
    QVERIFY(f.scene()->device(QStringLiteral("srv-001"))->port(2, 4) != nullptr);
    f.document.undoStack()->undo();
    QVERIFY(f.document.project() == before);
    QVERIFY(f.scene()->device(QStringLiteral("srv-001"))->port(2, 1) == nullptr);
}

void TestDesignCanvas::adapterWithoutFreeSlotIsRefused()
{
    Fixture f(gigeFc); // NIC, HBA, HBA: 3 of 3 slots used
    const design::Project before = f.document.project();
    QSignalSpy messages(f.view.get(), &DesignView::statusMessage);
    f.drop(QStringLiteral("mellanox-mhga28-xtc"), f.show(f.deviceCenter(QStringLiteral("srv-001")), 2.0));
    QVERIFY(f.document.project() == before);
    QCOMPARE(f.undoCount(), 0);
    QVERIFY(!messages.isEmpty());
    const QString reason = messages.last().at(0).toString();
    QVERIFY2(reason.contains(QStringLiteral("slot")) && reason.contains(QStringLiteral("srv-001")), qPrintable(reason));
}

void TestDesignCanvas::dragFromPortToPortMakesCable()
{
    Fixture f(ibSoftware);
    const DeviceItem *srv = f.scene()->device(QStringLiteral("srv-001"));
    const PortItem *from = srv->port(1, 2); // the HCA's second port is free
    QVERIFY(from != nullptr && from->isFree());
    // A free InfiniBand port on the rack's gateway.
    const DeviceItem *gw = f.scene()->device(QStringLiteral("gw-1a"));
    const PortItem *to = nullptr;
    for (int p = 1; p <= 24 && to == nullptr; ++p) {
        if (const PortItem *port = gw->port(0, p); port != nullptr && port->isFree())
            to = port;
    }
    QVERIFY(to != nullptr);
    const design::CableEnd toEnd = to->end();
    const std::size_t cablesBefore = f.scenario().design.cables.size();
    const design::Project before = f.document.project();

    f.view->setZoom(0.8);
    f.view->centerOn((f.portCenter(from) + f.portCenter(to)) / 2);
    const QPoint a = f.view->mapFromScene(f.portCenter(from));
    const QPoint b = f.view->mapFromScene(f.portCenter(to));
    QVERIFY(f.view->viewport()->rect().contains(a) && f.view->viewport()->rect().contains(b));
    QTest::mousePress(f.view->viewport(), Qt::LeftButton, {}, a);
    QTest::mouseMove(f.view->viewport(), (a + b) / 2);
    QTest::mouseMove(f.view->viewport(), b);
    QTest::mouseRelease(f.view->viewport(), Qt::LeftButton, {}, b);

    QCOMPARE(f.undoCount(), 1);
    QCOMPARE(f.scenario().design.cables.size(), cablesBefore + 1);
    const design::Cable &made = f.scenario().design.cables.back();
    const design::CableEnd fromEnd { QStringLiteral("srv-001"), 1, 2 };
    QVERIFY((made.from == fromEnd && made.to == toEnd) || (made.from == toEnd && made.to == fromEnd));
    QVERIFY(!srv->port(1, 2)->isFree());
    QVERIFY(f.scene()->cable(made.id) != nullptr);
    f.document.undoStack()->undo();
    QVERIFY(f.document.project() == before);
    QVERIFY(srv->port(1, 2)->isFree());
}

void TestDesignCanvas::dragFromPortToFabricMakesUplink()
{
    Fixture f(gigeFc);
    const DeviceItem *sw = f.scene()->device(QStringLiteral("lan-1a"));
    const PortItem *from = nullptr;
    for (int p = 48; p >= 1 && from == nullptr; --p) {
        if (const PortItem *port = sw->port(0, p); port != nullptr && port->isFree())
            from = port;
    }
    QVERIFY(from != nullptr);
    const QRectF lan = f.scene()->layout().fabricRect(QStringLiteral("lan"));
    const QPointF target(f.portCenter(from).x(), lan.center().y());
    f.view->setZoom(0.6);
    f.view->centerOn((f.portCenter(from) + target) / 2);
    const QPoint a = f.view->mapFromScene(f.portCenter(from));
    const QPoint b = f.view->mapFromScene(target);
    QTest::mousePress(f.view->viewport(), Qt::LeftButton, {}, a);
    QTest::mouseMove(f.view->viewport(), b);
    QTest::mouseRelease(f.view->viewport(), Qt::LeftButton, {}, b);
    QCOMPARE(f.undoCount(), 1);
    const design::Cable &made = f.scenario().design.cables.back();
    QVERIFY(made.from.deviceId == u"lan" || made.to.deviceId == u"lan");
    QCOMPARE(made.fabricId, QStringLiteral("lan"));
}

void TestDesignCanvas::selectionFollowsBothWays()
{
    Fixture f(gigeFc);
    // Canvas -> shared selection: a click, then Ctrl+click adds.
    QTest::mouseClick(f.view->viewport(), Qt::LeftButton, {}, f.show(f.deviceCenter(QStringLiteral("srv-001")) + QPointF(-60, 0), 1.0));
    QCOMPARE(f.selection.scenario(), f.key);
    QCOMPARE(f.selection.ids(), QStringList { QStringLiteral("srv-001") });
    const QPoint second = f.view->mapFromScene(f.deviceCenter(QStringLiteral("srv-002")) + QPointF(-60, 0));
    QTest::mouseClick(f.view->viewport(), Qt::LeftButton, Qt::ControlModifier, second);
    QCOMPARE(f.selection.ids(), (QStringList { QStringLiteral("srv-001"), QStringLiteral("srv-002") }));
    // Shared selection -> canvas.
    f.selection.setIds({ QStringLiteral("srv-010"), QStringLiteral("cbl-0001") });
    QStringList shown = f.scene()->selectedIds();
    shown.sort();
    QCOMPARE(shown, (QStringList { QStringLiteral("cbl-0001"), QStringLiteral("srv-010") }));
    QVERIFY(!f.scene()->device(QStringLiteral("srv-001"))->isSelected());
    // Chosen elsewhere (a problem activated) and off screen: the canvas brings it into view.
    f.view->setZoom(1.0);
    f.view->centerOn(f.deviceCenter(QStringLiteral("srv-001")));
    const QString far = f.scenario().design.servers.back().id;
    const QRectF visible = f.view->mapToScene(f.view->viewport()->rect()).boundingRect();
    QVERIFY(!visible.contains(f.deviceCenter(far)));
    f.selection.setIds({ far });
    QVERIFY(f.view->mapToScene(f.view->viewport()->rect()).boundingRect().contains(f.deviceCenter(far)));
    // A rubber band over empty rack space selects nothing and clears the selection.
    f.selection.setIds({});
    QVERIFY(f.scene()->selectedItems().isEmpty());
}

void TestDesignCanvas::deleteThenUndo()
{
    Fixture f(gigeFc);
    const design::Project before = f.document.project();
    f.selection.setScenario(f.key);
    f.selection.setIds({ QStringLiteral("srv-005") });
    f.view->setFocus();
    QTest::keyClick(f.view.get(), Qt::Key_Delete);
    QCOMPARE(f.undoCount(), 1);
    QVERIFY(findServer(f.scenario(), QStringLiteral("srv-005")) == nullptr);
    QVERIFY(f.scene()->device(QStringLiteral("srv-005")) == nullptr);
    QCOMPARE(f.scene()->cableCount(), static_cast<int>(f.scenario().design.cables.size()));
    f.document.undoStack()->undo();
    QVERIFY(f.document.project() == before);
    QVERIFY(f.scene()->device(QStringLiteral("srv-005")) != nullptr);
    QCOMPARE(f.scene()->cableCount(), static_cast<int>(before.scenarios[0].design.cables.size()));
}

void TestDesignCanvas::copyPaste()
{
    Fixture f(ibSoftware);
    f.selection.setScenario(f.key);
    f.selection.setIds({ QStringLiteral("srv-001") });
    f.view->copySelection();
    const QMimeData *data = QGuiApplication::clipboard()->mimeData();
    QVERIFY(data != nullptr && data->hasFormat(QLatin1String(objectsMimeType)));
    const std::size_t serversBefore = f.scenario().design.servers.size();
    f.view->paste();
    QCOMPARE(f.undoCount(), 1);
    QCOMPARE(f.scenario().design.servers.size(), serversBefore + 1);
    const design::Server &pasted = f.scenario().design.servers.back();
    QVERIFY(pasted.id != u"srv-001");
    QCOMPARE(pasted.adapters, findServer(f.scenario(), QStringLiteral("srv-001"))->adapters);
    QVERIFY(f.scene()->device(pasted.id) != nullptr);
    QCOMPARE(f.selection.ids(), QStringList { pasted.id });
}

void TestDesignCanvas::duplicate()
{
    Fixture f(gigeFc);
    f.selection.setScenario(f.key);
    f.selection.setIds({ QStringLiteral("srv-001"), QStringLiteral("srv-002") });
    const std::size_t serversBefore = f.scenario().design.servers.size();
    f.view->setFocus();
    QTest::keyClick(f.view.get(), Qt::Key_D, Qt::ControlModifier);
    QCOMPARE(f.undoCount(), 1);
    QCOMPARE(f.scenario().design.servers.size(), serversBefore + 2);
    QCOMPARE(f.selection.ids().size(), 2);
}

void TestDesignCanvas::addServersLikeSelected()
{
    Fixture f(gigeFc);
    f.selection.setScenario(f.key);
    f.selection.setIds({ QStringLiteral("srv-001") });
    const std::size_t serversBefore = f.scenario().design.servers.size();
    bool answered = false;
    QTimer::singleShot(0, this, [&answered] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *dialog = qobject_cast<QInputDialog *>(w)) {
                dialog->setIntValue(5);
                dialog->accept();
                answered = true;
            }
        }
    });
    f.view->addServersLikeSelected();
    QVERIFY(answered);
    QCOMPARE(f.undoCount(), 1);
    QCOMPARE(f.scenario().design.servers.size(), serversBefore + 5);
    const design::Server &added = f.scenario().design.servers.back();
    QCOMPARE(added.adapters, findServer(f.scenario(), QStringLiteral("srv-001"))->adapters);
    QCOMPARE(f.scene()->deviceCount(), static_cast<int>(f.scenario().design.servers.size() + f.scenario().design.switches.size()));
}

void TestDesignCanvas::mouseMoveIsOneUndoStep()
{
    Fixture f(gigeFc);
    const design::Project before = f.document.project();
    // srv-016 (U 31-32) up by 8 U into the free U 37-42 of rack-1, dragged in several steps.
    const QPointF start = f.deviceCenter(QStringLiteral("srv-016")) + QPointF(-60, 0);
    const QPoint a = f.show(start + QPointF(0, -4 * DesignLayout::unitHeight), 1.0);
    const QPoint pressAt = f.view->mapFromScene(start);
    QTest::mousePress(f.view->viewport(), Qt::LeftButton, {}, pressAt);
    for (int step = 1; step <= 8; ++step)
        QTest::mouseMove(f.view->viewport(), f.view->mapFromScene(start - QPointF(0, step * DesignLayout::unitHeight)));
    // Live: the item already sits at U 39 before the release; nothing is pushed yet.
    QCOMPARE(f.undoCount(), 0);
    QCOMPARE(f.scene()->device(QStringLiteral("srv-016"))->pos().y(),
             DesignLayout::deviceRect(*f.scene()->layout().rack(QStringLiteral("rack-1")), 39, 2).top());
    QTest::mouseRelease(f.view->viewport(), Qt::LeftButton, {}, f.view->mapFromScene(start - QPointF(0, 8 * DesignLayout::unitHeight)));
    (void)a;
    QCOMPARE(f.undoCount(), 1);
    QCOMPARE(findServer(f.scenario(), QStringLiteral("srv-016"))->positionU, 39);
    f.document.undoStack()->undo();
    QVERIFY(f.document.project() == before);
    QCOMPARE(f.scene()->device(QStringLiteral("srv-016"))->pos().y(),
             DesignLayout::deviceRect(*f.scene()->layout().rack(QStringLiteral("rack-1")), 31, 2).top());
}

void TestDesignCanvas::refusedMoveSnapsBack()
{
    Fixture f(gigeFc);
    const design::Project before = f.document.project();
    const QPointF start = f.deviceCenter(QStringLiteral("srv-001")) + QPointF(-60, 0);
    const QPointF originalPos = f.scene()->device(QStringLiteral("srv-001"))->pos();
    QSignalSpy messages(f.view.get(), &DesignView::statusMessage);
    const QPoint pressAt = f.show(start, 1.0);
    QTest::mousePress(f.view->viewport(), Qt::LeftButton, {}, pressAt);
    const QPoint end = f.view->mapFromScene(start - QPointF(0, 2 * DesignLayout::unitHeight)); // onto srv-002
    QTest::mouseMove(f.view->viewport(), end);
    QTest::mouseRelease(f.view->viewport(), Qt::LeftButton, {}, end);
    QVERIFY(f.document.project() == before);
    QCOMPARE(f.undoCount(), 0);
    QCOMPARE(f.scene()->device(QStringLiteral("srv-001"))->pos(), originalPos);
    QVERIFY(!messages.isEmpty());
    QVERIFY2(messages.last().at(0).toString().contains(QStringLiteral("srv-002")), qPrintable(messages.last().at(0).toString()));
}

void TestDesignCanvas::resyncTouchesOnlyChangedItems()
{
    Fixture f(gigeFc);
    const DeviceItem *untouched = f.scene()->device(QStringLiteral("srv-100"));
    const CableItem *untouchedCable = f.scene()->cable(QStringLiteral("cbl-0100"));
    QVERIFY(f.editor.placeItem(f.key, QStringLiteral("hp-proliant-dl380-g5"), QStringLiteral("rack-4"), 37).ok());
    const DesignScene::SyncStats stats = f.scene()->lastSync();
    QCOMPARE(stats.created, 1);
    QCOMPARE(stats.updated, 0);
    QCOMPARE(stats.removed, 0);
    QCOMPARE(stats.cablesRouted, 0);
    QCOMPARE(f.scene()->device(QStringLiteral("srv-100")), untouched);
    QCOMPARE(f.scene()->cable(QStringLiteral("cbl-0100")), untouchedCable);
    // A move re-routes only the moved server's cables (6 of them).
    QVERIFY(f.editor.moveDevice(f.key, QStringLiteral("srv-016"), QStringLiteral("rack-1"), 39).ok());
    QCOMPARE(f.scene()->lastSync().updated, 1);
    QCOMPARE(f.scene()->lastSync().cablesRouted, 6);
}

void TestDesignCanvas::clipboardPayloadRoundTrips()
{
    const design::Scenario s = testing::exampleScenario(gigeFc);
    const design::Design fragment = edit::extractObjects(s, { QStringLiteral("srv-001"), QStringLiteral("lan-1a") });
    QVERIFY(!fragment.servers.empty());
    const DecodedObjects decoded = decodeObjects(encodeObjects(fragment, testing::ciovExample().catalog, s.design.racks));
    QVERIFY2(decoded.ok(), qPrintable(decoded.error));
    QVERIFY(*decoded.fragment == fragment);
    QVERIFY(decoded.items.contains(QStringLiteral("intel-pro1000-pt-quad")));
    QVERIFY(!decoded.items.contains(QStringLiteral("mellanox-mhga28-xtc"))); // only the items it uses
    QVERIFY(!decodeObjects("{\"format\": \"iovplan\"").ok());
}

void TestDesignCanvas::screenshots()
{
    const QString dir = qEnvironmentVariable("IOVPLAN_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("IOVPLAN_SCREENSHOT_DIR is not set");
    QDir().mkpath(dir);
    for (const QString &name : { gigeFc, ibSoftware }) {
        Fixture f(name);
        f.view->resize(1600, 1000);
        f.view->zoomToFit();
        const QString slug = name == gigeFc ? QStringLiteral("gigefc") : QStringLiteral("ib");
        QVERIFY(f.view->grab().save(dir + QStringLiteral("/canvas-%1-fit.png").arg(slug)));
        f.selection.setScenario(f.key);
        f.selection.setIds({ QStringLiteral("srv-015") });
        f.show(f.deviceCenter(QStringLiteral("srv-015")) + QPointF(40, -60), 1.6);
        QVERIFY(f.view->grab().save(dir + QStringLiteral("/canvas-%1-zoomed.png").arg(slug)));
        // A refused drop hovering: the ghost and its reason.
        const RackPlacement *rack = f.scene()->layout().rack(QStringLiteral("rack-1"));
        const QPointF over(rack->interior.center().x(), rack->interior.bottom() - 29 * DesignLayout::unitHeight);
        const QPoint viewPos = f.show(over, 1.0);
        QMimeData mime;
        mime.setData(QLatin1String(catalogItemMimeType), QByteArrayLiteral("hp-proliant-dl380-g5"));
        QDragEnterEvent enter(viewPos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(f.view->viewport(), &enter);
        QDragMoveEvent move(viewPos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(f.view->viewport(), &move);
        QVERIFY(f.view->grab().save(dir + QStringLiteral("/canvas-%1-refused-drop.png").arg(slug)));
    }
}

QTEST_MAIN(TestDesignCanvas)
#include "tst_designcanvas.moc"
