#pragma once
// One KPI tile of the dashboard: title, headline value, a detail line and a caption saying what the figure
// is and its basis. Colours come from the palette; an alert shows the value in the alert colour.

#include "dashboardfigures.h"

#include <QFrame>

class QLabel;

namespace iovplan::ui {

/// A framed tile showing one KpiFigure. Its objectName is "kpi-<id>".
class KpiTile : public QFrame
{
    Q_OBJECT

public:
    explicit KpiTile(QWidget *parent = nullptr);

    /// Shows `figure` (and takes its id as objectName).
    void setFigure(const KpiFigure &figure);
    [[nodiscard]] const KpiFigure &figure() const { return m_figure; }

    [[nodiscard]] QString valueText() const;
    [[nodiscard]] QString detailText() const;
    [[nodiscard]] QString captionText() const;
    [[nodiscard]] bool isAlert() const { return m_figure.alert; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColours();

    KpiFigure m_figure;
    QLabel *m_title = nullptr;
    QLabel *m_value = nullptr;
    QLabel *m_detail = nullptr;
    QLabel *m_caption = nullptr;
};

} // namespace iovplan::ui
