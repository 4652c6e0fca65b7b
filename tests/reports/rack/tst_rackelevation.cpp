// Rack elevation drawings: figures per scenario, scale, where devices are drawn, invalid designs, PDF text
// and a 1,000-server design.

#include "reports/rack/rackelevation.h"

#include "../../exampleproject.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <ctime>

using namespace iovplan;
using namespace iovplan::reports;

namespace {

design::PinnedItem item(const QString &id, const QString &kind, const QString &model,
                        const std::vector<std::pair<QString, QString>> &specs)
{
    design::PinnedItem it;
    it.id = id;
    it.kind = kind;
    it.vendor = QStringLiteral("Acme");
    it.model = model;
    for (const auto &[field, value] : specs)
        it.specs.push_back({ field, value, {}, {} });
    return it;
}

// Items of every kind: a 2 U server with two PCIe slots, a 1 U switch, a 4 U gateway with four module
// slots, a 3 U storage array, a 1 U server, an Ethernet NIC and an FC gateway module.
design::PinnedCatalog testCatalog()
{
    design::PinnedCatalog catalog;
    for (design::PinnedItem it :
         { item(QStringLiteral("srv2u"), QStringLiteral("server"), QStringLiteral("Server 2U"),
                { { QStringLiteral("u_height"), QStringLiteral("2") }, { QStringLiteral("pcie_slots"), QStringLiteral("2") } }),
           item(QStringLiteral("srv1u"), QStringLiteral("server"), QStringLiteral("Server 1U"),
                { { QStringLiteral("u_height"), QStringLiteral("1") }, { QStringLiteral("pcie_slots"), QStringLiteral("1") } }),
           item(QStringLiteral("sw"), QStringLiteral("switch"), QStringLiteral("Switch 48"),
                { { QStringLiteral("u_height"), QStringLiteral("1") }, { QStringLiteral("protocol"), QStringLiteral("ethernet") } }),
           item(QStringLiteral("gw"), QStringLiteral("gateway"), QStringLiteral("Gateway 4U"),
                { { QStringLiteral("u_height"), QStringLiteral("4") }, { QStringLiteral("module_slots"), QStringLiteral("4") } }),
           item(QStringLiteral("array"), QStringLiteral("storage"), QStringLiteral("Array 3U"),
                { { QStringLiteral("u_height"), QStringLiteral("3") } }),
           item(QStringLiteral("nic"), QStringLiteral("adapter"), QStringLiteral("NIC"),
                { { QStringLiteral("protocol"), QStringLiteral("ethernet") } }),
           item(QStringLiteral("fcmod"), QStringLiteral("gateway-module"), QStringLiteral("FC module"),
                { { QStringLiteral("ext_protocol"), QStringLiteral("fibre-channel") } }) })
        catalog.emplace(it.id, it);
    return catalog;
}

design::Rack rack(const QString &id, int heightU)
{
    return { id, QStringLiteral("Rack ") + id, heightU };
}

design::Server server(const QString &id, const QString &itemId, const QString &rackId, int positionU)
{
    design::Server s;
    s.id = id;
    s.name = QStringLiteral("host-") + id;
    s.itemId = itemId;
    s.rackId = rackId;
    s.positionU = positionU;
    return s;
}

// Rack A (42 U): a 2 U server at U 10 with a NIC in slot 1, a gateway at U 30 with an FC module.
// Rack B (24 U): a switch at U 20, a storage array at U 5.
design::Scenario twoRackScenario()
{
    design::Scenario scenario;
    scenario.name = QStringLiteral("two racks");
    design::Design &d = scenario.design;
    d.racks = { rack(QStringLiteral("A"), 42), rack(QStringLiteral("B"), 24) };
    design::Server s = server(QStringLiteral("s1"), QStringLiteral("srv2u"), QStringLiteral("A"), 10);
    s.adapters.push_back({ 1, QStringLiteral("nic") });
    d.servers.push_back(s);
    design::Switch sw;
    sw.id = QStringLiteral("sw1");
    sw.name = QStringLiteral("LAN-1");
    sw.itemId = QStringLiteral("sw");
    sw.rackId = QStringLiteral("B");
    sw.positionU = 20;
    d.switches.push_back(sw);
    design::Gateway gw;
    gw.id = QStringLiteral("gw1");
    gw.name = QStringLiteral("GW-1");
    gw.itemId = QStringLiteral("gw");
    gw.rackId = QStringLiteral("A");
    gw.positionU = 30;
    gw.modules.push_back({ 2, QStringLiteral("fcmod") });
    d.gateways.push_back(gw);
    design::StorageArray array;
    array.id = QStringLiteral("st1");
    array.name = QStringLiteral("ARRAY-1");
    array.itemId = QStringLiteral("array");
    array.rackId = QStringLiteral("B");
    array.positionU = 5;
    d.storage.push_back(array);
    return scenario;
}

// `racks` racks of 42 U with 40 1 U servers each (U 1-40).
design::Scenario bigScenario(int servers)
{
    design::Scenario scenario;
    scenario.name = QStringLiteral("big");
    const int racks = (servers + 39) / 40;
    for (int r = 0; r < racks; ++r)
        scenario.design.racks.push_back(rack(QStringLiteral("r%1").arg(r + 1), 42));
    for (int i = 0; i < servers; ++i) {
        design::Server s = server(QStringLiteral("s%1").arg(i + 1, 4, 10, QLatin1Char('0')), QStringLiteral("srv1u"),
                                  QStringLiteral("r%1").arg(i / 40 + 1), i % 40 + 1);
        s.adapters.push_back({ 1, QStringLiteral("nic") });
        scenario.design.servers.push_back(s);
    }
    return scenario;
}

// `figure` painted `width` units wide, each unit `scale` pixels.
QImage paintToImage(const ReportFigure &figure, double width, double scale = 1.0)
{
    const double height = figure.heightForWidth(width);
    QImage image(static_cast<int>(std::ceil(width * scale)), static_cast<int>(std::ceil(height * scale)), QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.scale(scale, scale);
    figure.paint(painter, QRectF(0, 0, width, height));
    painter.end();
    return image;
}

int pixelsNear(const QImage &image, const QColor &colour, int tolerance, const QRect &area)
{
    int count = 0;
    const QRect clipped = area.intersected(image.rect());
    for (int y = clipped.top(); y <= clipped.bottom(); ++y) {
        for (int x = clipped.left(); x <= clipped.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - colour.red()) <= tolerance && std::abs(c.green() - colour.green()) <= tolerance
                && std::abs(c.blue() - colour.blue()) <= tolerance)
                ++count;
        }
    }
    return count;
}

// A point inside U `u` of `rackId`, near the left edge of the interior (left of any device text).
QPoint coverPoint(const RackElevationFigure &figure, const QRectF &rect, const QString &rackId, int u)
{
    const QRectF unit = figure.unitRect(rect, rackId, u);
    return QPoint(static_cast<int>(unit.left() + unit.height() * 0.2), static_cast<int>(unit.center().y()));
}

// Paints `figure` on one page of a PDF at `path`, `width` points wide.
void writePdf(const QString &path, const std::vector<const ReportFigure *> &figures)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setResolution(72);
    QPainter painter(&writer);
    bool first = true;
    for (const ReportFigure *figure : figures) {
        if (!first)
            writer.newPage();
        first = false;
        const double width = 480.0;
        figure->paint(painter, QRectF(50, 50, width, std::min(figure->heightForWidth(width), 740.0)));
    }
}

QString pdfText(const QString &path)
{
    QProcess process;
    process.start(QStringLiteral("pdftotext"), { path, QStringLiteral("-") });
    if (!process.waitForFinished(20000))
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

class TestRackElevation : public QObject
{
    Q_OBJECT

private slots:
    void figuresPerScenario_data()
    {
        QTest::addColumn<QString>("scenario");
        for (const design::Scenario &s : testing::ciovExample().scenarios)
            QTest::newRow(qPrintable(QStringLiteral("example: ") + s.name)) << s.name;
    }
    void figuresPerScenario()
    {
        QFETCH(QString, scenario);
        const design::Scenario s = testing::exampleScenario(scenario);
        const auto figures = rackElevationFigures(s, testing::ciovExample().catalog);
        const std::size_t racks = s.design.racks.size();
        QVERIFY(racks > 0);
        QCOMPARE(figures.size(), (racks + 3) / 4);
        QStringList drawn;
        for (const auto &figure : figures) {
            QVERIFY(figure->rackIds().size() <= 4);
            QCOMPARE(figure->columns(), 4);
            drawn += figure->rackIds();
        }
        QStringList expected;
        for (const design::Rack &r : s.design.racks)
            expected << r.id;
        QCOMPARE(drawn, expected);
    }

    void racksSplitIntoRows()
    {
        design::Scenario s;
        for (int i = 1; i <= 5; ++i)
            s.design.racks.push_back(rack(QString::number(i), 42));
        const auto figures = rackElevationFigures(s, {}, 4);
        QCOMPARE(figures.size(), std::size_t { 2 });
        QCOMPARE(figures[0]->rackIds(), (QStringList { QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"), QStringLiteral("4") }));
        QCOMPARE(figures[1]->rackIds(), QStringList { QStringLiteral("5") });
        // The last, emptier figure keeps the others' scale.
        QCOMPARE(figures[1]->heightForWidth(400.0), figures[0]->heightForWidth(400.0));
        QCOMPARE(rackElevationFigures(s, {}, 2).size(), std::size_t { 3 });
        QVERIFY(rackElevationFigures(design::Scenario {}, {}).empty());
    }

    void heightIsProportionalToWidth()
    {
        const design::Scenario s = twoRackScenario();
        const RackElevationFigure figure(s, testCatalog(), { QStringLiteral("A"), QStringLiteral("B") });
        const double h = figure.heightForWidth(300.0);
        QVERIFY(h > 0.0);
        QVERIFY(std::isfinite(h));
        QCOMPARE(figure.heightForWidth(600.0), 2.0 * h);
        // Portrait: a 42 U rack is much taller than it is wide.
        QVERIFY(h > 300.0);
        // Taller racks make a taller figure at the same width.
        design::Scenario tall = s;
        tall.design.racks[0].heightU = 48;
        const RackElevationFigure tallFigure(tall, testCatalog(), { QStringLiteral("A"), QStringLiteral("B") });
        QVERIFY(tallFigure.heightForWidth(300.0) > h);
    }

    void unitsShareOneScaleAndFloor()
    {
        const design::Scenario s = twoRackScenario();
        const RackElevationFigure figure(s, testCatalog(), { QStringLiteral("A"), QStringLiteral("B") });
        const QRectF rect(0, 0, 800, figure.heightForWidth(800));
        const QRectF a1 = figure.unitRect(rect, QStringLiteral("A"), 1);
        const QRectF a2 = figure.unitRect(rect, QStringLiteral("A"), 2);
        const QRectF b1 = figure.unitRect(rect, QStringLiteral("B"), 1);
        const QRectF b24 = figure.unitRect(rect, QStringLiteral("B"), 24);
        QVERIFY(!a1.isEmpty());
        QCOMPARE(a1.height(), b1.height());
        QCOMPARE(a1.bottom(), b1.bottom()); // one floor line
        QVERIFY(a2.bottom() <= a1.top() + 1e-9); // U 1 is the lowest
        QVERIFY(b1.left() > a1.right()); // racks side by side, in order
        QVERIFY(figure.unitRect(rect, QStringLiteral("B"), 25).isEmpty());
        QVERIFY(figure.unitRect(rect, QStringLiteral("nope"), 1).isEmpty());
        QVERIFY(rect.contains(b24));
        QVERIFY(rect.contains(a1));
    }

    void devicesAreFilledAtTheirU_data()
    {
        QTest::addColumn<QString>("rackId");
        QTest::addColumn<int>("positionU");
        QTest::addColumn<int>("heightU");
        QTest::addColumn<int>("kind");
        QTest::newRow("2 U server at U 10 in rack A") << QStringLiteral("A") << 10 << 2 << static_cast<int>(RackDeviceKind::Server);
        QTest::newRow("4 U gateway at U 30 in rack A") << QStringLiteral("A") << 30 << 4 << static_cast<int>(RackDeviceKind::Gateway);
        QTest::newRow("1 U switch at U 20 in rack B") << QStringLiteral("B") << 20 << 1 << static_cast<int>(RackDeviceKind::Switch);
        QTest::newRow("3 U array at U 5 in rack B") << QStringLiteral("B") << 5 << 3 << static_cast<int>(RackDeviceKind::Storage);
    }
    void devicesAreFilledAtTheirU()
    {
        QFETCH(QString, rackId);
        QFETCH(int, positionU);
        QFETCH(int, heightU);
        QFETCH(int, kind);
        const RackElevationFigure figure(twoRackScenario(), testCatalog(), { QStringLiteral("A"), QStringLiteral("B") });
        const double width = 900.0;
        const QImage image = paintToImage(figure, width);
        const QRectF rect(0, 0, width, figure.heightForWidth(width));
        const QColor fill = rackDeviceFill(static_cast<RackDeviceKind>(kind));
        for (int u = positionU; u < positionU + heightU; ++u)
            QCOMPARE(image.pixelColor(coverPoint(figure, rect, rackId, u)), fill);
        // The U just below and just above are empty rack.
        QCOMPARE(image.pixelColor(coverPoint(figure, rect, rackId, positionU - 1)), QColor(Qt::white));
        QCOMPARE(image.pixelColor(coverPoint(figure, rect, rackId, positionU + heightU)), QColor(Qt::white));
    }

    void slotMarkersShowTheCards()
    {
        const RackElevationFigure figure(twoRackScenario(), testCatalog(), { QStringLiteral("A"), QStringLiteral("B") });
        const RackDevice &s1 = figure.racks()[0].devices[0];
        QCOMPARE(s1.id, QStringLiteral("s1"));
        QCOMPARE(s1.cardSlots.size(), std::size_t { 2 });
        QCOMPARE(s1.cardSlots[0].kind, SlotMarkerKind::Ethernet);
        QCOMPARE(s1.cardSlots[1].kind, SlotMarkerKind::Empty);
        const RackDevice &gw = figure.racks()[0].devices[1];
        QCOMPARE(gw.cardSlots.size(), std::size_t { 4 });
        QCOMPARE(gw.cardSlots[1].kind, SlotMarkerKind::FibreChannel);
        // Painted: the server's U carries Ethernet blue, the gateway's the FC colour.
        const double width = 900.0;
        const QImage image = paintToImage(figure, width);
        const QRectF rect(0, 0, width, figure.heightForWidth(width));
        const QRectF serverBox = figure.unitRect(rect, QStringLiteral("A"), 11).united(figure.unitRect(rect, QStringLiteral("A"), 10));
        QVERIFY(pixelsNear(image, slotMarkerFill(SlotMarkerKind::Ethernet), 2, serverBox.toAlignedRect()) > 20);
        QRectF gatewayBox = figure.unitRect(rect, QStringLiteral("A"), 30).united(figure.unitRect(rect, QStringLiteral("A"), 33));
        QVERIFY(pixelsNear(image, slotMarkerFill(SlotMarkerKind::FibreChannel), 2, gatewayBox.toAlignedRect()) > 20);
        QCOMPARE(pixelsNear(image, slotMarkerFill(SlotMarkerKind::FibreChannel), 2, serverBox.toAlignedRect()), 0);
        // Used U under each rack.
        QCOMPARE(figure.racks()[0].usedU, 6.0);
        QCOMPARE(figure.racks()[1].usedU, 4.0);
    }

    void paintingIsNotBlankAndLeavesThePainterAlone()
    {
        const RackElevationFigure figure(twoRackScenario(), testCatalog(), { QStringLiteral("A"), QStringLiteral("B") });
        QImage image(600, 900, QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setPen(Qt::red);
        painter.setFont(QFont(QStringLiteral("DejaVu Sans"), 13));
        figure.paint(painter, QRectF(10, 10, 500, figure.heightForWidth(500)));
        QCOMPARE(painter.pen().color(), QColor(Qt::red));
        QCOMPARE(painter.font().pointSize(), 13);
        painter.end();
        QVERIFY(pixelsNear(image, Qt::white, 0, image.rect()) < image.width() * image.height() * 9 / 10);
        // Nothing outside the rectangle it was given.
        QCOMPARE(pixelsNear(image, Qt::white, 0, QRect(0, 0, 600, 9)), 600 * 9);
        QCOMPARE(pixelsNear(image, Qt::white, 0, QRect(512, 0, 88, 900)), 88 * 900);
    }

    void validDesignHasNoAlert()
    {
        const RackElevationFigure figure(twoRackScenario(), testCatalog(), { QStringLiteral("A"), QStringLiteral("B") });
        const QImage image = paintToImage(figure, 900.0);
        QCOMPARE(pixelsNear(image, rackAlertColor(), 12, image.rect()), 0);
        QVERIFY(unrackedDevices(twoRackScenario()).isEmpty());
    }

    void invalidPlacementsAreOutlined_data()
    {
        QTest::addColumn<int>("positionU");
        QTest::addColumn<bool>("outside");
        QTest::addColumn<bool>("overlaps");
        QTest::newRow("reaches above the top") << 42 << true << false;
        QTest::newRow("far above the rack") << 1000 << true << false;
        QTest::newRow("below U 1") << -5 << true << false;
        QTest::newRow("on the server at U 10") << 11 << false << true;
        QTest::newRow("fits exactly at the top") << 41 << false << false;
    }
    void invalidPlacementsAreOutlined()
    {
        QFETCH(int, positionU);
        QFETCH(bool, outside);
        QFETCH(bool, overlaps);
        design::Scenario s = twoRackScenario();
        s.design.servers.push_back(server(QStringLiteral("bad"), QStringLiteral("srv2u"), QStringLiteral("A"), positionU));
        const RackElevationFigure figure(s, testCatalog(), { QStringLiteral("A"), QStringLiteral("B") });
        const auto &devices = figure.racks()[0].devices;
        const auto bad = std::find_if(devices.begin(), devices.end(), [](const RackDevice &d) { return d.id == u"bad"; });
        QVERIFY(bad != devices.end());
        QCOMPARE(bad->outsideRack, outside);
        QCOMPARE(bad->overlaps, overlaps);
        const QImage image = paintToImage(figure, 900.0);
        const QRectF rect(0, 0, 900.0, figure.heightForWidth(900.0));
        // The device is drawn anyway, inside the rack, and outlined when misplaced.
        const int drawnAt = std::clamp(positionU, 1, 41);
        const QRectF box = figure.unitRect(rect, QStringLiteral("A"), drawnAt).united(figure.unitRect(rect, QStringLiteral("A"), drawnAt + 1));
        const QRect row = figure.unitRect(rect, QStringLiteral("A"), drawnAt + 1).toAlignedRect();
        QVERIFY(pixelsNear(image, rackDeviceFill(RackDeviceKind::Server), 0, row) > row.width() * row.height() / 4);
        QCOMPARE(bad->drawnPositionU, static_cast<double>(drawnAt));
        // Devices drawn over the same U share the width, so both stay legible.
        const RackDevice &s1 = devices.front();
        QCOMPARE(s1.id, QStringLiteral("s1"));
        QCOMPARE(bad->lanes, overlaps ? 2 : 1);
        QCOMPARE(s1.lanes, overlaps ? 2 : 1);
        QVERIFY(!overlaps || bad->lane != s1.lane);
        const int alertPixels = pixelsNear(image, rackAlertColor(), 12, box.adjusted(-4, -4, 4, 4).toAlignedRect());
        if (outside || overlaps)
            QVERIFY(alertPixels > 20);
        else
            QCOMPARE(alertPixels, 0);
    }

    void unrackedDevicesAreListed()
    {
        design::Scenario s = twoRackScenario();
        s.design.servers.push_back(server(QStringLiteral("lost"), QStringLiteral("srv2u"), QStringLiteral("nowhere"), 3));
        s.design.servers.push_back(server(QStringLiteral("loose"), QStringLiteral("srv2u"), QString(), 3));
        s.design.storage[0].rackId = QStringLiteral("Z");
        const QStringList lines = unrackedDevices(s);
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines[0].contains(QStringLiteral("host-lost")) && lines[0].contains(QStringLiteral("'nowhere'")));
        QVERIFY(lines[1].contains(QStringLiteral("host-loose")) && lines[1].contains(QStringLiteral("in no rack")));
        QVERIFY(lines[2].startsWith(QStringLiteral("Storage array ARRAY-1")));
        // Unknown racks asked for are left out; the drawing still paints.
        const RackElevationFigure figure(s, testCatalog(), { QStringLiteral("nowhere"), QStringLiteral("A") });
        QCOMPARE(figure.rackIds(), QStringList { QStringLiteral("A") });
        QCOMPARE(figure.racks()[0].devices.size(), std::size_t { 2 });
        QVERIFY(!paintToImage(figure, 400).isNull());
    }

    void oddInputDoesNotCrash()
    {
        design::Scenario s = twoRackScenario();
        s.design.racks.push_back(rack(QStringLiteral("zero"), 0));
        s.design.racks.push_back(rack(QStringLiteral("huge"), 100000));
        s.design.servers.push_back(server(QStringLiteral("x"), QStringLiteral("not-pinned"), QStringLiteral("zero"), 1));
        // A name the report font has no glyphs for is drawn by the fallback path.
        s.design.servers.back().name = QStringLiteral("服务器-1 ✓ 𝄞");
        design::Server many = server(QStringLiteral("y"), QStringLiteral("srv2u"), QStringLiteral("huge"), 7);
        many.adapters.push_back({ 1000000, QStringLiteral("nic") });
        many.adapters.push_back({ -3, QStringLiteral("unknown-card") });
        s.design.servers.push_back(many);
        const RackElevationFigure figure(s, testCatalog(), { QStringLiteral("zero"), QStringLiteral("huge") });
        const double h = figure.heightForWidth(400.0);
        QVERIFY(std::isfinite(h) && h > 0.0 && h < 400.0 * 20);
        QVERIFY(figure.heightForWidth(0.0) > 0.0);
        QCOMPARE(figure.racks()[0].devices[0].model, QStringLiteral("not-pinned"));
        QCOMPARE(figure.racks()[0].devices[0].heightU, 1.0);
        QVERIFY(figure.racks()[1].devices[0].cardSlots.size() <= 64);
        QVERIFY(!paintToImage(figure, 400).isNull());
        // Painting into nothing, or an empty rectangle, does nothing.
        QImage image(10, 10, QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        figure.paint(painter, QRectF());
        RackLegendFigure().paint(painter, QRectF());
        painter.end();
        QCOMPARE(pixelsNear(image, Qt::white, 0, image.rect()), 100);
    }

    void legendExplainsEveryFill()
    {
        const RackLegendFigure legend;
        const double narrow = legend.heightForWidth(200.0);
        const double wide = legend.heightForWidth(500.0);
        QVERIFY(wide > 0.0);
        QVERIFY(narrow > wide); // entries wrap onto more lines
        const QImage image = paintToImage(legend, 500.0, 3.0);
        for (RackDeviceKind kind : allRackDeviceKinds)
            QVERIFY2(pixelsNear(image, rackDeviceFill(kind), 0, image.rect()) > 40, qPrintable(rackDeviceKindName(kind)));
        for (SlotMarkerKind kind : allSlotMarkerKinds) {
            if (kind != SlotMarkerKind::Empty)
                QVERIFY2(pixelsNear(image, slotMarkerFill(kind), 0, image.rect()) > 4, qPrintable(slotMarkerKindName(kind)));
        }
        QVERIFY(pixelsNear(image, rackAlertColor(), 12, image.rect()) > 10);
    }

    void pdfHasRackAndDeviceNames()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed");
        const design::Scenario s = testing::exampleScenario(QStringLiteral("IB software IOV"));
        const auto figures = rackElevationFigures(s, testing::ciovExample().catalog);
        const RackLegendFigure legend;
        std::vector<const ReportFigure *> pages;
        for (const auto &f : figures)
            pages.push_back(f.get());
        pages.push_back(&legend);
        const QString path = dir.filePath(QStringLiteral("racks.pdf"));
        writePdf(path, pages);
        const QString text = pdfText(path);
        QVERIFY(!text.isEmpty());
        for (const design::Rack &r : s.design.racks)
            QVERIFY2(text.contains(r.name), qPrintable(r.name));
        for (const design::Server &server : s.design.servers)
            QVERIFY2(text.contains(server.name), qPrintable(server.name));
        for (const design::Gateway &gateway : s.design.gateways)
            QVERIFY2(text.contains(gateway.name), qPrintable(gateway.name));
        QVERIFY(text.contains(QStringLiteral("ProLiant DL380 G5")));
        QVERIFY(text.contains(QStringLiteral("32 / 42 U used")));
        QVERIFY(text.contains(QStringLiteral("Fibre Channel")));
        QVERIFY(text.contains(QStringLiteral("Storage array")));
    }

    void thousandServers()
    {
        const design::Scenario s = bigScenario(1000);
        const design::PinnedCatalog catalog = testCatalog();
        const auto figures = rackElevationFigures(s, catalog);
        QCOMPARE(s.design.racks.size(), std::size_t { 25 });
        QCOMPARE(figures.size(), std::size_t { 7 });
        QCOMPARE(figures.back()->rackIds(), QStringList { QStringLiteral("r25") });
        int devices = 0;
        for (const auto &f : figures) {
            for (const RackContents &r : f->racks()) {
                devices += static_cast<int>(r.devices.size());
                QCOMPARE(r.usedU, r.id == u"r25" ? 40.0 : 40.0);
            }
        }
        QCOMPARE(devices, 1000);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("big.pdf"));
        qint64 pages = 1;
        {
            QPdfWriter writer(path);
            writer.setPageSize(QPageSize(QPageSize::A4));
            writer.setResolution(1200);
            QPainter painter(&writer);
            painter.scale(1200.0 / 72.0, 1200.0 / 72.0); // points, as the report's layout paints figures
            // Warm up (font loading), then time one 4-rack figure per page: reported, not asserted. CPU time
            // as well as wall time, since a loaded build machine stretches the wall clock.
            figures[0]->paint(painter, QRectF(50, 50, 480, figures[0]->heightForWidth(480)));
            QElapsedTimer timer;
            std::vector<double> wall;
            std::vector<double> cpu;
            const int repeat = std::max(1, qEnvironmentVariableIntValue("IOVPLAN_RACK_REPEAT"));
            for (int r = 0; r < repeat; ++r) {
                for (const auto &f : figures) {
                    writer.newPage();
                    ++pages;
                    const std::clock_t cpuStart = std::clock();
                    timer.start();
                    f->paint(painter, QRectF(50, 50, 480, f->heightForWidth(480)));
                    wall.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
                    cpu.push_back(static_cast<double>(std::clock() - cpuStart) * 1000.0 / CLOCKS_PER_SEC);
                }
            }
            std::sort(wall.begin(), wall.end());
            std::sort(cpu.begin(), cpu.end());
            qInfo("painting a 4-rack figure (160 servers) into QPdfWriter, %d paints: CPU median %.2f ms; wall min %.2f, median %.2f ms",
                  static_cast<int>(wall.size()), cpu[cpu.size() / 2], wall.front(), wall[wall.size() / 2]);
        }
        const qint64 size = QFileInfo(path).size();
        qInfo("%lld pages of 4-rack drawings: %lld bytes, %lld bytes a page", pages, size, size / pages);
        QVERIFY(size > 0);
        // 160 servers a page stay small: no per-U fills, fonts embedded once. (About 6.5 kB a page today.)
        QVERIFY2(size / pages < 40 * 1024, "a page of rack drawings should stay small");
    }

    // Writes the example's drawings as PNGs (at 2x) for people to look at, when IOVPLAN_SHOTS_DIR is set.
    void exampleShots()
    {
        const QString dir = qEnvironmentVariable("IOVPLAN_SHOTS_DIR");
        if (dir.isEmpty())
            QSKIP("set IOVPLAN_SHOTS_DIR to write the example's drawings as PNG");
        QVERIFY(QDir().mkpath(dir));
        const double width = 480.0; // A4 text width, in points
        auto save = [&](const ReportFigure &figure, const QString &name) {
            const double height = figure.heightForWidth(width);
            QImage image(qRound(width * 2), qRound(height * 2), QImage::Format_RGB32);
            image.fill(Qt::white);
            image.setDotsPerMeterX(2835 * 2); // 144 dpi: a point is two pixels
            image.setDotsPerMeterY(2835 * 2);
            QPainter painter(&image);
            painter.scale(2.0, 2.0);
            figure.paint(painter, QRectF(0, 0, width, height));
            painter.end();
            QVERIFY(image.save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
        };
        for (const design::Scenario &s : testing::ciovExample().scenarios) {
            const auto figures = rackElevationFigures(s, testing::ciovExample().catalog);
            for (std::size_t i = 0; i < figures.size(); ++i)
                save(*figures[i], QStringLiteral("%1-%2").arg(s.name).replace(QLatin1Char(' '), QLatin1Char('-')).arg(i + 1));
        }
        design::Scenario broken = twoRackScenario();
        broken.design.servers.push_back(server(QStringLiteral("bad"), QStringLiteral("srv2u"), QStringLiteral("A"), 11));
        broken.design.servers.push_back(server(QStringLiteral("high"), QStringLiteral("srv2u"), QStringLiteral("A"), 60));
        broken.design.servers.push_back(server(QStringLiteral("long"), QStringLiteral("srv1u"), QStringLiteral("B"), 12));
        broken.design.servers.back().name = QStringLiteral("a-very-long-server-name-that-cannot-fit-anywhere");
        save(RackElevationFigure(broken, testCatalog(), { QStringLiteral("A"), QStringLiteral("B") }, 4), QStringLiteral("invalid"));
        save(*rackElevationFigures(bigScenario(1000), testCatalog()).front(), QStringLiteral("big-1"));
        save(RackLegendFigure(), QStringLiteral("legend"));
        // And as PDF pages, to look at the vector output (e.g. with pdftoppm).
        const design::Scenario ha = testing::exampleScenario(QStringLiteral("IB software IOV HA"));
        const auto figures = rackElevationFigures(ha, testing::ciovExample().catalog);
        const RackLegendFigure legend;
        writePdf(dir + QStringLiteral("/racks.pdf"), { figures.front().get(), &legend });
    }
};

QTEST_MAIN(TestRackElevation)
#include "tst_rackelevation.moc"
