#pragma once
// What the palette shows of the catalog: items matching the search and the chosen catalog, never retired
// ones, with the kind and vendor rows above each match.

#include <QSortFilterProxyModel>
#include <QStringList>

namespace iovplan::ui {

/// Filters a CatalogPaletteModel. Only item rows are tested; kind and vendor rows stay exactly when
/// one of their items does (recursive filtering), so a search keeps a match's parents and nothing else.
class PaletteFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit PaletteFilterModel(QObject *parent = nullptr);

    /// Words that must all occur (case-insensitive) in an item's model, vendor, part number or description.
    void setSearchText(const QString &text);
    [[nodiscard]] QString searchText() const { return m_searchText; }
    /// "2007", "current", "user", or "" for every catalog.
    void setCatalog(const QString &catalog);
    [[nodiscard]] QString catalog() const { return m_catalog; }

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_searchText;
    QStringList m_words;
    QString m_catalog;
};

} // namespace iovplan::ui
