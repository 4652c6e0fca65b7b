#pragma once
// The catalog palette dock's content: search, catalog filter and the tree of items to drag into a design.

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTreeView;

namespace iovplan::catalogs {
class CatalogDatabase;
}

namespace iovplan::ui {

class CatalogPaletteModel;
class PaletteFilterModel;

/// Search field, catalog filter ("All catalogs", "2007", "Current", "User") and the catalog tree
/// (kind -> vendor -> item, retired items hidden). Dragging an item carries its id under
/// catalogItemMimeType (ui/catalogitemmime.h); double-clicking an item emits itemActivated.
class CatalogPalette : public QWidget
{
    Q_OBJECT

public:
    /// Reads `database`, which must stay open while the palette lives.
    explicit CatalogPalette(const catalogs::CatalogDatabase &database, QWidget *parent = nullptr);
    ~CatalogPalette() override;

    [[nodiscard]] CatalogPaletteModel *model() const { return m_model; }
    [[nodiscard]] PaletteFilterModel *filterModel() const { return m_filter; }
    [[nodiscard]] QTreeView *view() const { return m_view; }
    [[nodiscard]] QLineEdit *searchField() const { return m_search; }
    [[nodiscard]] QComboBox *catalogFilter() const { return m_catalog; }

    /// Shows only catalog `catalog` ("2007", "current", "user"; "" for all).
    void setCatalog(const QString &catalog);
    /// Re-reads the catalog database (after an import or an edit), keeping search and filter.
    void reload();

Q_SIGNALS:
    /// The user double-clicked catalog item `itemId` (e.g. to add it to the selection).
    void itemActivated(const QString &itemId);

private:
    void searchChanged(const QString &text);
    void showError();
    void expandForFilter();

    CatalogPaletteModel *m_model = nullptr;
    PaletteFilterModel *m_filter = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_catalog = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace iovplan::ui
