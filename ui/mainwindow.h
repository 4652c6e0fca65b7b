#pragma once
// The application's main window (issue 5): scenario tabs with the design canvas and the Compare view in
// the middle; the catalog palette, inspector, dashboard, problems and undo history as dock panels whose
// layout is kept in QSettings; menus for files, editing, scenarios and help.

#include "filereport.h"

#include <QMainWindow>

class QDialog;
class QLabel;
class QPlainTextEdit;
class QUndoView;

namespace iovplan::catalogs {
class CatalogDatabase;
}

namespace iovplan::ui {

class CatalogPalette;
class CompareView;
class Dashboard;
class DesignSelection;
class Document;
class DocumentEditor;
class EvaluationService;
class FileController;
class HelpBrowser;
class Inspector;
class ProblemsPanel;
class ScenarioTabs;

/// One open project. `catalog` (may be null: no palette, placing only items the project pins) must
/// outlive the window.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(const catalogs::CatalogDatabase *catalog = nullptr, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens a *.iovplan project (asking to save a modified one first); false, with the reason shown,
    /// when it cannot be read.
    bool openProject(const QString &path);
    /// The first run: opens the white paper's example at the Compare view, so the point shows at a glance.
    bool openWelcomeProject(const QString &examplePath);
    /// Reads and solves the qn JSON file in the background and shows the solution (or what is wrong with
    /// the file) in the queueing-network window; reportShown() is emitted. A newer request supersedes.
    void openQueueingNetwork(const QString &path);
    /// The text the queueing-network window shows.
    [[nodiscard]] QString queueingReportText() const;

    [[nodiscard]] Document &document() const { return *m_document; }
    [[nodiscard]] DocumentEditor &editor() const { return *m_editor; }
    [[nodiscard]] DesignSelection &selection() const { return *m_selection; }
    [[nodiscard]] EvaluationService &evaluations() const { return *m_evaluations; }
    [[nodiscard]] FileController &files() const { return *m_files; }
    [[nodiscard]] ScenarioTabs *scenarioTabs() const { return m_tabs; }
    [[nodiscard]] CompareView *compareView() const { return m_compare; }

public Q_SLOTS:
    /// Scenario > Consolidate...: the wizard on the current scenario; the result becomes a new scenario.
    void consolidate();
    void showSweep();
    void showCapacitySearch();
    void showHelp();

Q_SIGNALS:
    void reportShown(const QString &path, bool ok);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createDocks();
    void createMenus();
    void createStatusBar();
    void restoreLayout();
    void saveLayout() const;
    void resetLayout();
    void updateTitle();
    void showAbout();
    void chooseQueueingNetwork();
    void showQueueingReport(const QString &path, const FileReport &report);
    /// Runs `slot` on the current canvas (edit commands do nothing on the Compare tab).
    template<typename Slot>
    void onCurrentView(Slot slot);

    Document *m_document = nullptr;
    DocumentEditor *m_editor = nullptr;
    DesignSelection *m_selection = nullptr;
    EvaluationService *m_evaluations = nullptr;
    FileController *m_files = nullptr;
    const catalogs::CatalogDatabase *m_catalog = nullptr;

    ScenarioTabs *m_tabs = nullptr;
    CompareView *m_compare = nullptr;
    CatalogPalette *m_palette = nullptr;
    Inspector *m_inspector = nullptr;
    Dashboard *m_dashboard = nullptr;
    ProblemsPanel *m_problems = nullptr;
    QUndoView *m_history = nullptr;
    HelpBrowser *m_help = nullptr;
    QLabel *m_evaluationStatus = nullptr;
    QByteArray m_defaultState; ///< the dock layout before restoring the user's, for View > Reset Layout

    QDialog *m_queueingWindow = nullptr; ///< File > Open Queueing Network's solution
    QPlainTextEdit *m_queueingText = nullptr;
    int m_generation = 0; ///< newer queueing-network requests supersede older ones still running
};

} // namespace iovplan::ui
