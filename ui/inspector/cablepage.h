#pragma once
// The inspector's page for one cable: which ports it joins, its fabric, its item and optics (read-only;
// re-cabling is a canvas gesture).

#include "ui/editing/document.h"

#include <QWidget>

class QLabel;

namespace iovplan::ui {

class ItemSummary;

/// Ends, fabric, cable item and transceivers of one cable.
class CablePage : public QWidget
{
    Q_OBJECT

public:
    explicit CablePage(const Document &document, QWidget *parent = nullptr);

    /// Shows cable `id` of scenario `key`; false when there is no such cable.
    bool showCable(ScenarioKey key, const QString &id);
    void refresh();
    /// The "From" and "To" lines as shown.
    [[nodiscard]] QString endsText() const;

private:
    [[nodiscard]] QString endText(const design::Design &design, const design::CableEnd &end) const;

    const Document &m_document;
    ScenarioKey m_key = 0;
    QString m_id;
    QLabel *m_header = nullptr;
    QLabel *m_from = nullptr;
    QLabel *m_to = nullptr;
    QLabel *m_fabric = nullptr;
    QLabel *m_optics = nullptr;
    ItemSummary *m_item = nullptr;
};

} // namespace iovplan::ui
