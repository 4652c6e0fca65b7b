#pragma once
// One KPI tile of the dashboard, compact enough for seven in a row of a bottom dock: title, headline value
// and one short detail line. What the figure is and its basis (the caption) is the tile's tooltip. Colours
// come from the palette; an alert shows the value in the alert colour.

#include "reports/kpifigures.h"

#include <QFrame>

class QLabel;

namespace iovplan::ui {

/// A framed tile showing one reports::KpiFigure. Its objectName is "kpi-<id>".
class KpiTile : public QFrame
{
    Q_OBJECT

public:
    explicit KpiTile(QWidget *parent = nullptr);

    /// Shows `figure` (and takes its id as objectName).
    void setFigure(const reports::KpiFigure &figure);
    [[nodiscard]] const reports::KpiFigure &figure() const { return m_figure; }

    /// The full texts shown (a narrow tile shrinks the value's font, then elides; the tooltip has them all).
    [[nodiscard]] QString valueText() const { return m_figure.value; }
    [[nodiscard]] QString detailText() const { return m_figure.detail; }
    /// What the figure is and its basis: the tooltip's text.
    [[nodiscard]] QString captionText() const { return m_figure.caption; }
    [[nodiscard]] bool isAlert() const { return m_figure.alert; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void applyColours();
    void fitTexts();

    reports::KpiFigure m_figure;
    QLabel *m_title = nullptr;
    QLabel *m_value = nullptr;
    QLabel *m_detail = nullptr;
};

} // namespace iovplan::ui
