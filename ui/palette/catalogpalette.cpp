#include "catalogpalette.h"

#include "catalogpalettemodel.h"
#include "palettefiltermodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTreeView>
#include <QVBoxLayout>

namespace iovplan::ui {

CatalogPalette::CatalogPalette(const catalogs::CatalogDatabase &database, QWidget *parent)
    : QWidget(parent)
    , m_model(new CatalogPaletteModel(database, this))
    , m_filter(new PaletteFilterModel(this))
    , m_search(new QLineEdit(this))
    , m_catalog(new QComboBox(this))
    , m_view(new QTreeView(this))
    , m_error(new QLabel(this))
{
    m_filter->setSourceModel(m_model);

    m_search->setPlaceholderText(QStringLiteral("Search model, vendor, part number…"));
    m_search->setClearButtonEnabled(true);
    m_search->setToolTip(QStringLiteral("Every word must occur in the item's model, vendor, part number or description"));
    m_catalog->addItem(QStringLiteral("All catalogs"), QString());
    m_catalog->addItem(QStringLiteral("2007"), QStringLiteral("2007"));
    m_catalog->addItem(QStringLiteral("Current"), QStringLiteral("current"));
    m_catalog->addItem(QStringLiteral("User"), QStringLiteral("user"));
    m_catalog->setToolTip(QStringLiteral("Which catalog to show: the white paper's 2007 hardware, current "
                                         "hardware, or your own items"));

    m_view->setModel(m_filter);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setDragEnabled(true);
    m_view->setDragDropMode(QAbstractItemView::DragOnly);
    m_view->setDefaultDropAction(Qt::CopyAction);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setExpandsOnDoubleClick(true);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(CatalogPaletteModel::NameColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(CatalogPaletteModel::PriceColumn, QHeaderView::ResizeToContents);

    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setVisible(false);

    auto *filters = new QHBoxLayout;
    filters->setContentsMargins(0, 0, 0, 0);
    filters->addWidget(m_search, 1);
    filters->addWidget(m_catalog);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filters);
    layout->addWidget(m_error);
    layout->addWidget(m_view, 1);

    connect(m_search, &QLineEdit::textChanged, this, &CatalogPalette::searchChanged);
    connect(m_catalog, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_filter->setCatalog(m_catalog->itemData(index).toString());
        expandForFilter();
    });
    connect(m_view, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        const QString id = index.data(CatalogPaletteModel::ItemIdRole).toString();
        if (!id.isEmpty())
            Q_EMIT itemActivated(id);
    });

    showError();
    expandForFilter();
}

CatalogPalette::~CatalogPalette() = default;

void CatalogPalette::setCatalog(const QString &catalog)
{
    const int index = m_catalog->findData(catalog);
    if (index >= 0)
        m_catalog->setCurrentIndex(index);
}

void CatalogPalette::reload()
{
    m_model->reload();
    showError();
    expandForFilter();
}

void CatalogPalette::searchChanged(const QString &text)
{
    m_filter->setSearchText(text);
    expandForFilter();
}

void CatalogPalette::showError()
{
    m_error->setText(m_model->lastError());
    m_error->setVisible(!m_model->lastError().isEmpty());
}

void CatalogPalette::expandForFilter()
{
    // Searching: show every match. Browsing: kinds open, vendors closed, so the tree fits a dock.
    if (!m_filter->searchText().trimmed().isEmpty()) {
        m_view->expandAll();
        return;
    }
    m_view->collapseAll();
    m_view->expandToDepth(0);
}

} // namespace iovplan::ui
