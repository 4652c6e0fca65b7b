#pragma once
// A pinned catalog item, read-only: what it is, its price with date and source, and every spec with
// its unit and source — the figures the scenario's evaluation uses.

#include "model/design/itemspecs.h"

#include <QWidget>

class QLabel;

namespace iovplan::ui {

/// Title line and the specs of one pinned item: name, value with unit in bold, its source below in small
/// type (a rich-text label rather than a table, so long sources wrap instead of being cut off).
class ItemSummary : public QWidget
{
    Q_OBJECT

public:
    explicit ItemSummary(QWidget *parent = nullptr);

    /// Shows item `itemId` of `catalog`, or says the project does not pin it.
    void showItem(const design::PinnedCatalog &catalog, const QString &itemId);
    [[nodiscard]] QString titleText() const;
    /// The specs as shown (rich text).
    [[nodiscard]] QString specsText() const;

private:
    QLabel *m_title = nullptr;
    QLabel *m_specs = nullptr;
};

} // namespace iovplan::ui
