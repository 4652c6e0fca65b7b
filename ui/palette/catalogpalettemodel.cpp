#include "catalogpalettemodel.h"

#include "paletteitemtooltip.h"

#include "catalogs/catalogdatabase.h"
#include "reports/figureformat.h"
#include "ui/catalogitemmime.h"

#include <QFont>
#include <QHash>
#include <QMimeData>
#include <QSqlError>

#include <algorithm>
#include <map>

namespace iovplan::ui {

namespace {

constexpr quintptr noNode = 0;

/// internalId() is the node's index + 1, so 0 never names a node.
quintptr idOf(int node)
{
    return static_cast<quintptr>(node) + 1;
}

QString lowerKey(const QString &text)
{
    return text.toCaseFolded();
}

} // namespace

CatalogPaletteModel::CatalogPaletteModel(const catalogs::CatalogDatabase &database, QObject *parent)
    : QAbstractItemModel(parent)
    , m_db(database.database())
    , m_itemsQuery(m_db)
    , m_specsQuery(m_db)
{
    m_itemsQuery.setForwardOnly(true);
    m_specsQuery.setForwardOnly(true);
    if (!m_itemsQuery.prepare(QStringLiteral(
            "SELECT id, catalog, kind, vendor, model, part_number, description, price_usd, price_date, "
            "price_source, retired FROM items")))
        m_prepareError = QStringLiteral("%1: cannot read the items: %2")
                             .arg(m_db.databaseName(), m_itemsQuery.lastError().text());
    else if (!m_specsQuery.prepare(QStringLiteral(
                 "SELECT item_id, field, value, unit, source FROM item_specs ORDER BY item_id, rowid")))
        m_prepareError = QStringLiteral("%1: cannot read the item specs: %2")
                             .arg(m_db.databaseName(), m_specsQuery.lastError().text());
    m_error = read();
}

CatalogPaletteModel::~CatalogPaletteModel() = default;

QStringList CatalogPaletteModel::kindOrder()
{
    return {QStringLiteral("server"), QStringLiteral("adapter"), QStringLiteral("switch"),
            QStringLiteral("gateway"), QStringLiteral("gateway-module"), QStringLiteral("storage"),
            QStringLiteral("cable"), QStringLiteral("transceiver")};
}

QString CatalogPaletteModel::kindTitle(const QString &kind)
{
    static const QHash<QString, QString> titles = {
        {QStringLiteral("server"), QStringLiteral("Servers")},
        {QStringLiteral("adapter"), QStringLiteral("Adapters")},
        {QStringLiteral("switch"), QStringLiteral("Switches")},
        {QStringLiteral("gateway"), QStringLiteral("Gateways")},
        {QStringLiteral("gateway-module"), QStringLiteral("Gateway modules")},
        {QStringLiteral("storage"), QStringLiteral("Storage")},
        {QStringLiteral("cable"), QStringLiteral("Cables")},
        {QStringLiteral("transceiver"), QStringLiteral("Transceivers")},
    };
    return titles.value(kind, kind);
}

QString CatalogPaletteModel::reload()
{
    beginResetModel();
    m_error = read();
    endResetModel();
    return m_error;
}

QString CatalogPaletteModel::read()
{
    m_items.clear();
    m_nodes.clear();
    m_kindNodes.clear();
    if (!m_prepareError.isEmpty())
        return m_prepareError;

    if (!m_itemsQuery.exec())
        return QStringLiteral("%1: cannot read the items: %2").arg(m_db.databaseName(), m_itemsQuery.lastError().text());
    std::vector<PaletteItem> items;
    while (m_itemsQuery.next()) {
        PaletteItem item;
        item.id = m_itemsQuery.value(0).toString();
        item.catalog = m_itemsQuery.value(1).toString();
        item.kind = m_itemsQuery.value(2).toString();
        item.vendor = m_itemsQuery.value(3).toString();
        item.model = m_itemsQuery.value(4).toString();
        item.partNumber = m_itemsQuery.value(5).toString();
        item.description = m_itemsQuery.value(6).toString();
        if (!m_itemsQuery.value(7).isNull())
            item.priceUsd = m_itemsQuery.value(7).toDouble();
        item.priceDate = m_itemsQuery.value(8).toString();
        item.priceSource = m_itemsQuery.value(9).toString();
        item.retired = m_itemsQuery.value(10).toInt() != 0;
        items.push_back(std::move(item));
    }
    m_itemsQuery.finish();

    if (!m_specsQuery.exec())
        return QStringLiteral("%1: cannot read the item specs: %2").arg(m_db.databaseName(), m_specsQuery.lastError().text());
    std::map<QString, std::vector<PaletteSpec>> specs;
    while (m_specsQuery.next()) {
        specs[m_specsQuery.value(0).toString()].push_back(
            PaletteSpec{m_specsQuery.value(1).toString(), m_specsQuery.value(2).toString(),
                        m_specsQuery.value(3).toString(), m_specsQuery.value(4).toString()});
    }
    m_specsQuery.finish();
    for (PaletteItem &item : items) {
        auto it = specs.find(item.id);
        if (it != specs.end())
            item.specs = std::move(it->second);
    }

    // Kinds in the palette's order (unknown kinds last, by name), vendors and models alphabetically.
    const QStringList order = kindOrder();
    const auto kindRank = [&order](const QString &kind) {
        const qsizetype rank = order.indexOf(kind);
        return rank < 0 ? order.size() : rank;
    };
    std::stable_sort(items.begin(), items.end(), [&](const PaletteItem &a, const PaletteItem &b) {
        const qsizetype ra = kindRank(a.kind);
        const qsizetype rb = kindRank(b.kind);
        if (ra != rb)
            return ra < rb;
        if (a.kind != b.kind)
            return a.kind < b.kind;
        const int vendor = QString::compare(a.vendor, b.vendor, Qt::CaseInsensitive);
        if (vendor != 0)
            return vendor < 0;
        const int model = QString::compare(a.model, b.model, Qt::CaseInsensitive);
        if (model != 0)
            return model < 0;
        return a.id < b.id;
    });
    m_items = std::move(items);

    int kindNode = -1;
    int vendorNode = -1;
    const auto addNode = [this](Node node) {
        const int index = static_cast<int>(m_nodes.size());
        if (node.parent < 0) {
            node.row = static_cast<int>(m_kindNodes.size());
            m_kindNodes.push_back(index);
        } else {
            std::vector<int> &siblings = m_nodes[static_cast<std::size_t>(node.parent)].children;
            node.row = static_cast<int>(siblings.size());
            siblings.push_back(index);
        }
        m_nodes.push_back(std::move(node));
        return index;
    };
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        const PaletteItem &item = m_items[i];
        if (kindNode < 0 || m_nodes[static_cast<std::size_t>(kindNode)].kind != item.kind) {
            kindNode = addNode(Node{0, -1, 0, kindTitle(item.kind), item.kind, -1, {}});
            vendorNode = -1;
        }
        if (vendorNode < 0
            || lowerKey(m_nodes[static_cast<std::size_t>(vendorNode)].text) != lowerKey(item.vendor)) {
            vendorNode = addNode(Node{1, kindNode, 0, item.vendor, item.kind, -1, {}});
        }
        addNode(Node{2, vendorNode, 0, {}, item.kind, static_cast<int>(i), {}});
    }
    return {};
}

const PaletteItem *CatalogPaletteModel::item(const QString &id) const
{
    for (const PaletteItem &candidate : m_items) {
        if (candidate.id == id)
            return &candidate;
    }
    return nullptr;
}

QModelIndex CatalogPaletteModel::indexOfItem(const QString &id, int column) const
{
    for (std::size_t n = 0; n < m_nodes.size(); ++n) {
        const Node &node = m_nodes[n];
        if (node.level == 2 && m_items[static_cast<std::size_t>(node.item)].id == id)
            return createIndex(node.row, column, idOf(static_cast<int>(n)));
    }
    return {};
}

int CatalogPaletteModel::itemCount(const QString &kind) const
{
    return static_cast<int>(std::count_if(m_items.begin(), m_items.end(),
                                          [&kind](const PaletteItem &item) { return item.kind == kind; }));
}

const CatalogPaletteModel::Node *CatalogPaletteModel::nodeOf(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() == noNode)
        return nullptr;
    const std::size_t n = static_cast<std::size_t>(index.internalId() - 1);
    return n < m_nodes.size() ? &m_nodes[n] : nullptr;
}

QModelIndex CatalogPaletteModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid()) {
        if (row >= static_cast<int>(m_kindNodes.size()))
            return {};
        return createIndex(row, column, idOf(m_kindNodes[static_cast<std::size_t>(row)]));
    }
    const Node *node = nodeOf(parent);
    if (!node || parent.column() != 0 || row >= static_cast<int>(node->children.size()))
        return {};
    return createIndex(row, column, idOf(node->children[static_cast<std::size_t>(row)]));
}

QModelIndex CatalogPaletteModel::parent(const QModelIndex &child) const
{
    const Node *node = nodeOf(child);
    if (!node || node->parent < 0)
        return {};
    const Node &parentNode = m_nodes[static_cast<std::size_t>(node->parent)];
    return createIndex(parentNode.row, 0, idOf(node->parent));
}

int CatalogPaletteModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_kindNodes.size());
    if (parent.column() != 0)
        return 0;
    const Node *node = nodeOf(parent);
    return node ? static_cast<int>(node->children.size()) : 0;
}

int CatalogPaletteModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant CatalogPaletteModel::itemData(const PaletteItem &item, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        if (column == NameColumn)
            return item.model;
        return item.priceUsd ? reports::formatUsd(*item.priceUsd) : QStringLiteral("no price");
    case Qt::ToolTipRole:
        return paletteItemToolTip(item);
    case Qt::TextAlignmentRole:
        if (column == PriceColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::FontRole:
        if (item.retired || (column == PriceColumn && !item.priceUsd)) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case ItemIdRole:
        return item.id;
    case CatalogRole:
        return item.catalog;
    case RetiredRole:
        return item.retired;
    case SearchTextRole:
        return QStringList{item.model, item.vendor, item.partNumber, item.description}.join(u'\n');
    default:
        return {};
    }
}

QVariant CatalogPaletteModel::data(const QModelIndex &index, int role) const
{
    const Node *node = nodeOf(index);
    if (!node)
        return {};
    if (role == KindRole)
        return node->kind;
    if (role == NodeLevelRole)
        return node->level;
    if (node->level == 2)
        return itemData(m_items[static_cast<std::size_t>(node->item)], index.column(), role);
    if (role == Qt::DisplayRole && index.column() == NameColumn)
        return node->text;
    if (role == Qt::FontRole && node->level == 0) {
        QFont font;
        font.setBold(true);
        return font;
    }
    if (role == ItemIdRole || role == CatalogRole || role == SearchTextRole)
        return QString();
    return {};
}

QVariant CatalogPaletteModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section == NameColumn)
        return QStringLiteral("Item");
    if (section == PriceColumn)
        return QStringLiteral("Price");
    return {};
}

Qt::ItemFlags CatalogPaletteModel::flags(const QModelIndex &index) const
{
    const Node *node = nodeOf(index);
    if (!node)
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (node->level == 2)
        flags |= Qt::ItemIsDragEnabled | Qt::ItemNeverHasChildren;
    return flags;
}

QStringList CatalogPaletteModel::mimeTypes() const
{
    return {QString::fromLatin1(catalogItemMimeType)};
}

QMimeData *CatalogPaletteModel::mimeData(const QModelIndexList &indexes) const
{
    // One item per drag: the canvas places one thing per drop.
    for (const QModelIndex &index : indexes) {
        const Node *node = nodeOf(index);
        if (node && node->level == 2) {
            auto *mime = new QMimeData;
            mime->setData(QString::fromLatin1(catalogItemMimeType),
                          m_items[static_cast<std::size_t>(node->item)].id.toUtf8());
            return mime;
        }
    }
    return nullptr;
}

Qt::DropActions CatalogPaletteModel::supportedDragActions() const
{
    return Qt::CopyAction;
}

} // namespace iovplan::ui
