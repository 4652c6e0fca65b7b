// The catalog palette: its tree mirrors the SQLite catalog, the search keeps matches with their parents,
// tooltips name every figure's source, and drags carry the item id.

#include "catalogs/catalogdatabase.h"
#include "catalogs/csvreader.h"
#include "ui/catalogitemmime.h"
#include "ui/palette/catalogpalette.h"
#include "ui/palette/catalogpalettemodel.h"
#include "ui/palette/palettefiltermodel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QMouseEvent>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocumentFragment>
#include <QTreeView>

#include <memory>

using namespace iovplan;
using ui::CatalogPaletteModel;

namespace {

/// Item ids under `parent` of `model`, depth first.
QStringList itemIdsUnder(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        const QString id = index.data(CatalogPaletteModel::ItemIdRole).toString();
        if (!id.isEmpty())
            ids << id;
        ids << itemIdsUnder(model, index);
    }
    return ids;
}

/// The source column of specs.csv for (item, field), read from the shipped file itself.
QString shippedSpecSource(const QString &itemId, const QString &field)
{
    QFile file(QStringLiteral(IOVPLAN_SOURCE_DIR "/catalogs/data/specs.csv"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const catalogs::CsvParseResult csv = catalogs::parseCsv(file.readAll(), file.fileName());
    for (const catalogs::CsvRecord &record : csv.records) {
        if (record.fields.size() >= 5 && record.fields.at(0) == itemId && record.fields.at(1) == field)
            return record.fields.at(4);
    }
    return {};
}

/// What a platform delivers for a double click: press, release, double-click, release. (QTest::mouseDClick
/// sends a second press before the double-click, which QTreeView takes as the start of a new gesture.)
void doubleClick(QAbstractItemView *view, QPoint at)
{
    QWidget *viewport = view->viewport();
    const QPointF local(at);
    const QPointF global(viewport->mapToGlobal(at));
    for (QEvent::Type type : {QEvent::MouseButtonPress, QEvent::MouseButtonRelease, QEvent::MouseButtonDblClick,
                              QEvent::MouseButtonRelease}) {
        const Qt::MouseButtons buttons = type == QEvent::MouseButtonRelease ? Qt::NoButton : Qt::LeftButton;
        QMouseEvent event(type, local, global, Qt::LeftButton, buttons, Qt::NoModifier);
        QApplication::sendEvent(viewport, &event);
    }
}

QString plainText(const QString &html)
{
    return QTextDocumentFragment::fromHtml(html).toPlainText();
}

} // namespace

class TestCatalogPalette : public QObject
{
    Q_OBJECT

private:
    int countOf(const QString &sql)
    {
        QSqlQuery query(m_db.database());
        if (!query.exec(sql) || !query.next()) {
            qWarning() << query.lastError().text();
            return -1;
        }
        return query.value(0).toInt();
    }
    bool exec(const QString &sql)
    {
        QSqlQuery query(m_db.database());
        const bool ok = query.exec(sql);
        if (!ok)
            qWarning() << query.lastError().text();
        return ok;
    }

    QTemporaryDir m_dir;
    catalogs::CatalogDatabase m_db;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        const QString error = m_db.open(m_dir.filePath(QStringLiteral("catalog.sqlite")), QStringLiteral("palette-tests"));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const catalogs::CatalogLoadResult loaded = m_db.ensureShippedCatalog();
        QVERIFY(loaded.ok());
        // One item of the user's own, so the "user" filter has something to show.
        QVERIFY(exec(QStringLiteral(
            "INSERT INTO items (id, catalog, kind, vendor, model, part_number, description, price_usd, price_date, "
            "price_source, origin) VALUES ('acme-nic-1', 'user', 'adapter', 'Acme', 'Acme NIC One', 'AC-1', "
            "'test adapter of the user', 100, '2024-01', 'quote: test', 'user')")));
    }

    void modelPassesTester()
    {
        CatalogPaletteModel model(m_db);
        QVERIFY2(model.lastError().isEmpty(), qPrintable(model.lastError()));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.rowCount() > 0);
        QCOMPARE(model.reload(), QString());
        QVERIFY(model.rowCount() > 0);
    }

    void filterModelPassesTester()
    {
        CatalogPaletteModel model(m_db);
        ui::PaletteFilterModel filter;
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setSourceModel(&model);
        filter.setSearchText(QStringLiteral("mellanox"));
        filter.setCatalog(QStringLiteral("2007"));
        filter.setSearchText(QString());
        filter.setCatalog(QString());
        model.reload();
        QVERIFY(filter.rowCount() > 0);
    }

    void rowsPerKind_data()
    {
        QTest::addColumn<QString>("kind");
        for (const QString &kind : CatalogPaletteModel::kindOrder())
            QTest::newRow(qPrintable(kind)) << kind;
    }
    void rowsPerKind()
    {
        QFETCH(QString, kind);
        const int inDatabase = countOf(QStringLiteral("SELECT COUNT(*) FROM items WHERE kind = '%1'").arg(kind));
        QVERIFY(inDatabase > 0);
        CatalogPaletteModel model(m_db);
        QModelIndex kindRow;
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.index(row, 0).data(CatalogPaletteModel::KindRole).toString() == kind)
                kindRow = model.index(row, 0);
        }
        QVERIFY(kindRow.isValid());
        QCOMPARE(kindRow.data().toString(), CatalogPaletteModel::kindTitle(kind));
        QCOMPARE(itemIdsUnder(model, kindRow).size(), inDatabase);
        QCOMPARE(model.itemCount(kind), inDatabase);
        // Every vendor row under the kind names the vendor of each of its items.
        for (int v = 0; v < model.rowCount(kindRow); ++v) {
            const QModelIndex vendorRow = model.index(v, 0, kindRow);
            for (const QString &id : itemIdsUnder(model, vendorRow))
                QCOMPARE(model.item(id)->vendor, vendorRow.data().toString());
        }
    }

    void kindsInPaletteOrder()
    {
        CatalogPaletteModel model(m_db);
        QStringList titles;
        for (int row = 0; row < model.rowCount(); ++row)
            titles << model.index(row, 0).data().toString();
        QCOMPARE(titles, (QStringList{QStringLiteral("Servers"), QStringLiteral("Adapters"), QStringLiteral("Switches"),
                                      QStringLiteral("Gateways"), QStringLiteral("Gateway modules"),
                                      QStringLiteral("Storage"), QStringLiteral("Cables"),
                                      QStringLiteral("Transceivers")}));
    }

    void priceColumnUsesReportFormat()
    {
        CatalogPaletteModel model(m_db);
        const QModelIndex price = model.indexOfItem(QStringLiteral("mellanox-mhga28-xtc"), CatalogPaletteModel::PriceColumn);
        QVERIFY(price.isValid());
        QCOMPARE(price.data().toString(), QStringLiteral("$900.00")); // items.csv: price_usd 900
    }

    void searchKeepsMatchAndParents()
    {
        ui::CatalogPalette palette(m_db);
        palette.searchField()->setText(QStringLiteral("MHGA28"));
        const ui::PaletteFilterModel &shown = *palette.filterModel();
        QCOMPARE(shown.rowCount(), 1);
        const QModelIndex kindRow = shown.index(0, 0);
        QCOMPARE(kindRow.data().toString(), QStringLiteral("Adapters"));
        QCOMPARE(shown.rowCount(kindRow), 1);
        const QModelIndex vendorRow = shown.index(0, 0, kindRow);
        QCOMPARE(vendorRow.data().toString(), QStringLiteral("Mellanox"));
        QCOMPARE(shown.rowCount(vendorRow), 1);
        QCOMPARE(shown.index(0, 0, vendorRow).data(CatalogPaletteModel::ItemIdRole).toString(),
                 QStringLiteral("mellanox-mhga28-xtc"));
        QCOMPARE(shown.rowCount(shown.index(0, 0, vendorRow)), 0);
        QVERIFY(palette.view()->isExpanded(vendorRow)); // a search opens the tree down to the matches
    }

    void searchAcrossFields_data()
    {
        // Each row searches a word found in the named field; the palette must show every item having all
        // the words in any of model, vendor, part number and description.
        QTest::addColumn<QString>("search");
        QTest::addColumn<QString>("field");
        QTest::newRow("vendor") << QStringLiteral("mellanox") << QStringLiteral("vendor");
        QTest::newRow("model") << QStringLiteral("infinihost") << QStringLiteral("model");
        QTest::newRow("part number") << QStringLiteral("QLE2460") << QStringLiteral("part_number");
        QTest::newRow("description words in any order") << QStringLiteral("hca dual-port") << QStringLiteral("description");
    }
    void searchAcrossFields()
    {
        QFETCH(QString, search);
        QFETCH(QString, field);
        const QString text = QStringLiteral("(model || char(10) || vendor || char(10) || part_number || char(10) || description)");
        QString where = QStringLiteral("retired = 0");
        for (const QString &word : search.split(u' '))
            where += QStringLiteral(" AND %1 LIKE '%%2%'").arg(text, word);
        const int expected = countOf(QStringLiteral("SELECT COUNT(*) FROM items WHERE ") + where);
        QVERIFY(countOf(QStringLiteral("SELECT COUNT(*) FROM items WHERE %1 LIKE '%%2%'").arg(field, search.split(u' ').last())) > 0);
        ui::CatalogPalette palette(m_db);
        palette.searchField()->setText(search);
        QCOMPARE(itemIdsUnder(*palette.filterModel()).size(), expected);
    }

    void catalogFilter_data()
    {
        QTest::addColumn<QString>("catalog");
        QTest::newRow("all") << QString();
        QTest::newRow("2007") << QStringLiteral("2007");
        QTest::newRow("current") << QStringLiteral("current");
        QTest::newRow("user") << QStringLiteral("user");
    }
    void catalogFilter()
    {
        QFETCH(QString, catalog);
        const QString where = catalog.isEmpty() ? QString() : QStringLiteral(" AND catalog = '%1'").arg(catalog);
        const int expected = countOf(QStringLiteral("SELECT COUNT(*) FROM items WHERE retired = 0") + where);
        QVERIFY(expected > 0);
        ui::CatalogPalette palette(m_db);
        palette.setCatalog(catalog);
        QCOMPARE(palette.catalogFilter()->currentData().toString(), catalog);
        const QStringList shown = itemIdsUnder(*palette.filterModel());
        QCOMPARE(shown.size(), expected);
        for (const QString &id : shown) {
            if (!catalog.isEmpty())
                QCOMPARE(palette.model()->item(id)->catalog, catalog);
        }
    }

    void retiredItemsHidden()
    {
        ui::CatalogPalette palette(m_db);
        const int before = static_cast<int>(itemIdsUnder(*palette.filterModel()).size());
        QVERIFY(exec(QStringLiteral("UPDATE items SET retired = 1 WHERE id = 'mellanox-mhga28-xtc'")));
        palette.reload();
        const QStringList shown = itemIdsUnder(*palette.filterModel());
        QVERIFY(exec(QStringLiteral("UPDATE items SET retired = 0 WHERE id = 'mellanox-mhga28-xtc'")));
        QCOMPARE(shown.size(), before - 1);
        QVERIFY(!shown.contains(QStringLiteral("mellanox-mhga28-xtc")));
        QVERIFY(palette.model()->item(QStringLiteral("mellanox-mhga28-xtc"))->retired); // still in the model
    }

    void tooltipNamesSources_data()
    {
        QTest::addColumn<QString>("itemId");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("HCA speed") << QStringLiteral("mellanox-mhga28-xtc") << QStringLiteral("speed_gbps")
                                   << QStringLiteral("20 Gb/s");
        QTest::newRow("HCA latency") << QStringLiteral("mellanox-mhga28-xtc") << QStringLiteral("latency_us")
                                     << QStringLiteral("2.6 µs");
        QTest::newRow("server cores") << QStringLiteral("hp-proliant-dl380-g5") << QStringLiteral("cores")
                                      << QStringLiteral("8");
    }
    void tooltipNamesSources()
    {
        QFETCH(QString, itemId);
        QFETCH(QString, field);
        QFETCH(QString, value);
        const QString source = shippedSpecSource(itemId, field);
        QVERIFY2(!source.isEmpty(), "specs.csv has the row");
        CatalogPaletteModel model(m_db);
        const QString tooltip = plainText(model.indexOfItem(itemId).data(Qt::ToolTipRole).toString());
        QVERIFY2(tooltip.contains(source), qPrintable(tooltip));
        QVERIFY2(tooltip.contains(value), qPrintable(tooltip)); // toPlainText turns the no-break space into a space
        // The price with its date and source, as items.csv gives them.
        const PaletteItemPrice price = priceOf(itemId);
        QVERIFY(tooltip.contains(price.date));
        QVERIFY(tooltip.contains(price.source));
    }

    void dragCarriesItemId()
    {
        ui::CatalogPalette palette(m_db);
        palette.searchField()->setText(QStringLiteral("MHGA28"));
        QAbstractItemModel *shown = palette.view()->model();
        const QModelIndex vendorRow = shown->index(0, 0, shown->index(0, 0));
        const QModelIndex itemRow = shown->index(0, 0, vendorRow);
        QVERIFY(shown->flags(itemRow).testFlag(Qt::ItemIsDragEnabled));
        QVERIFY(!shown->flags(vendorRow).testFlag(Qt::ItemIsDragEnabled));
        QVERIFY(palette.view()->dragEnabled());
        // What QAbstractItemView::startDrag asks of the model for the selected row:
        std::unique_ptr<QMimeData> mime(shown->mimeData({itemRow, itemRow.siblingAtColumn(1)}));
        QVERIFY(mime);
        const QString type = QString::fromLatin1(ui::catalogItemMimeType);
        QVERIFY(mime->hasFormat(type));
        QCOMPARE(QString::fromUtf8(mime->data(type)), QStringLiteral("mellanox-mhga28-xtc"));
        QVERIFY(shown->mimeTypes().contains(type));
    }

    void doubleClickActivatesItem()
    {
        ui::CatalogPalette palette(m_db);
        palette.resize(360, 480);
        palette.show();
        QVERIFY(QTest::qWaitForWindowExposed(&palette));
        palette.searchField()->setText(QStringLiteral("MHGA28"));
        QSignalSpy activated(&palette, &ui::CatalogPalette::itemActivated);
        QTreeView *view = palette.view();
        const QModelIndex vendorRow = view->model()->index(0, 0, view->model()->index(0, 0));
        const QModelIndex itemRow = view->model()->index(0, 0, vendorRow);
        doubleClick(view, view->visualRect(itemRow).center());
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().first().toString(), QStringLiteral("mellanox-mhga28-xtc"));
        // A vendor row is not an item: no signal.
        doubleClick(view, view->visualRect(vendorRow).center());
        QCOMPARE(activated.size(), 1);
    }

    void screenshots()
    {
        const QString dir = qEnvironmentVariable("IOVPLAN_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("IOVPLAN_SCREENSHOT_DIR not set");
        QDir().mkpath(dir);
        ui::CatalogPalette palette(m_db);
        palette.resize(380, 620);
        palette.show();
        QVERIFY(QTest::qWaitForWindowExposed(&palette));
        QVERIFY(palette.grab().save(dir + QStringLiteral("/palette.png")));
        palette.searchField()->setText(QStringLiteral("mellanox"));
        QVERIFY(palette.grab().save(dir + QStringLiteral("/palette-search.png")));
        // The tooltip as QToolTip shows it (rich text, word-wrapped).
        QLabel tip(palette.model()->indexOfItem(QStringLiteral("mellanox-mhga28-xtc")).data(Qt::ToolTipRole).toString());
        tip.setWordWrap(true);
        tip.setFixedWidth(480);
        tip.setContentsMargins(6, 6, 6, 6);
        tip.setAutoFillBackground(true);
        tip.setBackgroundRole(QPalette::ToolTipBase);
        tip.setForegroundRole(QPalette::ToolTipText);
        tip.adjustSize();
        tip.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tip));
        QVERIFY(tip.grab().save(dir + QStringLiteral("/palette-tooltip.png")));
    }

private:
    struct PaletteItemPrice
    {
        QString date;
        QString source;
    };
    PaletteItemPrice priceOf(const QString &itemId)
    {
        QSqlQuery query(m_db.database());
        query.prepare(QStringLiteral("SELECT price_date, price_source FROM items WHERE id = ?"));
        query.addBindValue(itemId);
        if (!query.exec() || !query.next())
            return {};
        return {query.value(0).toString(), query.value(1).toString()};
    }
};

QTEST_MAIN(TestCatalogPalette)
#include "tst_catalogpalette.moc"
