#pragma once
// The hardware catalog as the palette shows it: a tree kind -> vendor -> item read from the user's
// SQLite catalog, with each item's price and a tooltip naming the source of every figure (issue 5).

#include "paletteitem.h"

#include <QAbstractItemModel>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <vector>

namespace iovplan::catalogs {
class CatalogDatabase;
}

namespace iovplan::ui {

/// Tree model of the catalog: top-level rows are item kinds (servers, adapters, ... in a fixed order),
/// their children vendors (alphabetical), theirs the items (by model). Columns: name, price. Reads the
/// database through its named connection with statements prepared once; reload() re-reads it.
/// The model lists retired items too (RetiredRole); the palette's filter hides them.
class CatalogPaletteModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { NameColumn = 0, PriceColumn = 1, ColumnCount = 2 };
    enum Role {
        ItemIdRole = Qt::UserRole + 1, ///< QString: the item id (empty on kind and vendor rows)
        KindRole, ///< QString: "server", "adapter", ... (on every row)
        CatalogRole, ///< QString: "2007", "current" or "user" (item rows)
        RetiredRole, ///< bool (item rows)
        SearchTextRole, ///< QString: model, vendor, part number and description (item rows), for filtering
        NodeLevelRole, ///< int: 0 kind, 1 vendor, 2 item
    };

    /// Reads `database` (which must stay open while the model lives) at once.
    explicit CatalogPaletteModel(const catalogs::CatalogDatabase &database, QObject *parent = nullptr);
    ~CatalogPaletteModel() override;

    /// Re-reads the catalog (after an import or an edit of it). Returns the error, "" on success; on an
    /// error the model is left empty and lastError() tells why.
    QString reload();
    /// Why the last read failed ("" when it succeeded).
    [[nodiscard]] QString lastError() const { return m_error; }

    /// The item with `id`, or null.
    [[nodiscard]] const PaletteItem *item(const QString &id) const;
    /// The index of item `id` in `column` (invalid when absent).
    [[nodiscard]] QModelIndex indexOfItem(const QString &id, int column = NameColumn) const;
    /// Number of items of `kind` in the model (retired included).
    [[nodiscard]] int itemCount(const QString &kind) const;

    /// "Servers", "Adapters", ..., "Gateway modules": the readable plural of a catalog kind.
    [[nodiscard]] static QString kindTitle(const QString &kind);
    /// The kinds in the palette's order.
    [[nodiscard]] static QStringList kindOrder();

    // QAbstractItemModel
    [[nodiscard]] QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    [[nodiscard]] QModelIndex parent(const QModelIndex &child) const override;
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;
    [[nodiscard]] QStringList mimeTypes() const override;
    [[nodiscard]] QMimeData *mimeData(const QModelIndexList &indexes) const override;
    [[nodiscard]] Qt::DropActions supportedDragActions() const override;

private:
    /// One row of the tree; nodes live in m_nodes and refer to each other by index.
    struct Node
    {
        int level = 0; ///< 0 kind, 1 vendor, 2 item
        int parent = -1; ///< index in m_nodes, -1 for a kind
        int row = 0; ///< row under its parent
        QString text; ///< kind, vendor or (for items) unused
        QString kind;
        int item = -1; ///< index in m_items for an item node
        std::vector<int> children;
    };

    QString read();
    [[nodiscard]] const Node *nodeOf(const QModelIndex &index) const;
    [[nodiscard]] QVariant itemData(const PaletteItem &item, int column, int role) const;

    QSqlDatabase m_db;
    QSqlQuery m_itemsQuery; ///< prepared once
    QSqlQuery m_specsQuery; ///< prepared once
    QString m_prepareError;
    std::vector<PaletteItem> m_items;
    std::vector<Node> m_nodes;
    std::vector<int> m_kindNodes; ///< top-level rows
    QString m_error;
};

} // namespace iovplan::ui
