#include "palettefiltermodel.h"

#include "catalogpalettemodel.h"

namespace iovplan::ui {

PaletteFilterModel::PaletteFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
}

void PaletteFilterModel::setSearchText(const QString &text)
{
    if (text == m_searchText)
        return;
    m_searchText = text;
    m_words = text.simplified().split(u' ', Qt::SkipEmptyParts);
    invalidateFilter();
}

void PaletteFilterModel::setCatalog(const QString &catalog)
{
    if (catalog == m_catalog)
        return;
    m_catalog = catalog;
    invalidateFilter();
}

bool PaletteFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    // Kind and vendor rows are never accepted on their own: recursive filtering shows them above a match.
    if (index.data(CatalogPaletteModel::NodeLevelRole).toInt() != 2)
        return false;
    if (index.data(CatalogPaletteModel::RetiredRole).toBool())
        return false;
    if (!m_catalog.isEmpty() && index.data(CatalogPaletteModel::CatalogRole).toString() != m_catalog)
        return false;
    const QString text = index.data(CatalogPaletteModel::SearchTextRole).toString();
    for (const QString &word : m_words) {
        if (!text.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

} // namespace iovplan::ui
