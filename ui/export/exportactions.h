#pragma once
// File → Export in the main window (issue 6, docs/gui-export.md): Report (PDF)… opens the export dialog with
// its preview; Bill of Materials (CSV)…, Charts (PNG and SVG)… and Results (JSON)… ask for a file or folder
// and write it with exportfiles.h, evaluating off the GUI thread behind a busy dialog. Each action takes a
// snapshot of the project when it is triggered; nothing here edits the document.

#include "model/design/project.h"

#include <QObject>
#include <QString>

#include <functional>

class QAction;
class QMenu;
class QWidget;

namespace iovplan::ui {

/// What an export works on, asked for when an action is triggered.
struct ExportContext
{
    design::Project project;
    QString currentScenario; ///< the scenario being edited; empty on the Compare view
    QString projectPath; ///< the document's file (empty when unsaved): the file dialogs start in its folder
};

/// The four export actions, for a window's File → Export menu.
class ExportActions : public QObject
{
    Q_OBJECT

public:
    /// `context` is called each time an action runs; `window` parents the dialogs.
    ExportActions(std::function<ExportContext()> context, QWidget *window);

    [[nodiscard]] QAction *reportAction() const { return m_report; } ///< "actionExportReport"
    [[nodiscard]] QAction *bomAction() const { return m_bom; } ///< "actionExportBom"
    [[nodiscard]] QAction *chartsAction() const { return m_charts; } ///< "actionExportCharts"
    [[nodiscard]] QAction *resultsAction() const { return m_results; } ///< "actionExportResults"
    /// An "&Export" submenu holding the four actions, owned by `parent`.
    [[nodiscard]] QMenu *createMenu(QWidget *parent) const;

public Q_SLOTS:
    void exportReport();
    void exportBomCsv();
    void exportCharts();
    void exportResults();

Q_SIGNALS:
    /// Something was written: a one-line message for the status bar ("Report written to …").
    void exported(const QString &message);

private:
    [[nodiscard]] QString startFolder(const ExportContext &context) const;

    std::function<ExportContext()> m_context;
    QWidget *m_window;
    QAction *m_report;
    QAction *m_bom;
    QAction *m_charts;
    QAction *m_results;
};

} // namespace iovplan::ui
