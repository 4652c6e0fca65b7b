#pragma once
// File → Export → Report (PDF)… (issue 6, docs/gui-export.md): the report's choices on the left — scenarios,
// baseline, sections, paper, author — and on the right the pages of the PDF exactly as they will be written:
// the same ReportDocument, evaluated, built and rendered off the GUI thread, refreshed shortly after each
// change of the choices. Export… writes that document. Works on a snapshot: it never edits the project.

#include "reportpreviewjob.h"

#include "model/design/project.h"
#include "reports/procurement/reportoptions.h"

#include <QDate>
#include <QDialog>
#include <QFutureWatcher>
#include <QTimer>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace iovplan::ui {

class ReportPreview;

/// The export dialog of the procurement report.
class ReportExportDialog : public QDialog
{
    Q_OBJECT

public:
    /// Every scenario of `project` checked, every section, A4, the project's author.
    explicit ReportExportDialog(const design::Project &project, QWidget *parent = nullptr);
    /// Stops rendering the preview; a running evaluation finishes on its own and is dropped.
    ~ReportExportDialog() override;

    // ---- the choices (what the controls hold) ----
    /// The options the controls hold: checked scenarios in project order, the baseline, checked sections,
    /// paper, author, today's date. What the preview shows once it is ready, and what Export writes.
    [[nodiscard]] reports::ReportOptions reportOptions() const;
    void setScenarioChecked(const QString &name, bool checked);
    void setSectionChecked(reports::ReportSection section, bool checked);
    void setPaper(reports::PaperSize paper);
    void setBaseline(const QString &name);
    void setAuthor(const QString &author);
    /// The folder the file dialog starts in (the project's, usually).
    void setDirectory(const QString &directory) { m_directory = directory; }

    [[nodiscard]] QListWidget *scenarioList() const { return m_scenarios; }
    [[nodiscard]] QListWidget *sectionList() const { return m_sections; }
    [[nodiscard]] QComboBox *baselineBox() const { return m_baseline; }
    [[nodiscard]] QComboBox *paperBox() const { return m_paper; }
    [[nodiscard]] QLineEdit *authorEdit() const { return m_author; }
    [[nodiscard]] QPushButton *exportButton() const { return m_exportButton; }
    /// Why Export is disabled ("Choose at least one scenario."), empty when it is enabled.
    [[nodiscard]] QString exportBlockedReason() const;

    // ---- the preview ----
    [[nodiscard]] ReportPreview *preview() const { return m_preview; }
    /// The preview is laid out for the choices the controls hold now (its pages may still be rendering).
    [[nodiscard]] bool isPreviewReady() const;
    /// Ready, and every page rendered.
    [[nodiscard]] bool isPreviewComplete() const;
    /// Pages of the document the preview shows (0 while none).
    [[nodiscard]] int previewPageCount() const;
    /// The options of the document the preview shows.
    [[nodiscard]] const reports::ReportOptions &previewOptions() const { return m_shown.options; }
    /// "Page 3 of 41", "Evaluating 4 scenarios…", or why there is no preview.
    [[nodiscard]] QString statusText() const;

    // ---- export ----
    /// "<project> report.pdf".
    [[nodiscard]] static QString suggestedFileName(const design::Project &project);
    /// Writes the previewed document to `path` as PDF. On failure shows the error in a message box and stays
    /// open; on success emits reportExported and closes. False when nothing was written.
    bool exportTo(const QString &path);
    /// The file written by the last successful export.
    [[nodiscard]] QString exportedPath() const { return m_exportedPath; }

public Q_SLOTS:
    /// Export…: asks for the file and exports to it.
    void chooseFileAndExport();

Q_SIGNALS:
    /// A preview for the current choices is laid out (its pages are rendering).
    void previewReady();
    /// Every page of the current preview is rendered.
    void previewComplete();
    void reportExported(const QString &path);

private:
    void buildUi();
    void onScenariosChanged();
    void onChoicesChanged();
    void startPreparing();
    void onPrepared();
    /// Renders the shown document's pages; `keepImages`: the old images stay (scaled) until replaced.
    void startRendering(bool keepImages);
    void onPreviewWidthChanged();
    void onPageRendered(int resultIndex);
    void onRenderFinished();
    void updateStatus();
    void updateExportState();

    ProjectPtr m_project;
    QDate m_date; ///< fixed when the dialog opens, so the preview and the file carry the same date
    QString m_directory;
    QString m_exportedPath;

    QListWidget *m_scenarios = nullptr;
    QComboBox *m_baseline = nullptr;
    QListWidget *m_sections = nullptr;
    QComboBox *m_paper = nullptr;
    QLineEdit *m_author = nullptr;
    ReportPreview *m_preview = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_pageLabel = nullptr;
    QLabel *m_reason = nullptr;
    QPushButton *m_exportButton = nullptr;

    /// Each change of the choices is a new request; a result answering an older one is dropped.
    quint64 m_generation = 0;
    QTimer m_debounce;
    QTimer m_resizeDebounce; ///< re-renders at the new width once resizing pauses
    QFutureWatcher<PreparedReport> m_prepareWatcher;
    QFutureWatcher<PreviewPage> m_renderWatcher;
    ReportInputsPtr m_inputs; ///< the latest evaluation, reused while the chosen scenarios stay the same
    PreparedReport m_shown; ///< what the preview shows
    bool m_renderDone = false;
    double m_renderDpi = 0.0; ///< the dpi of the pages shown
    int m_pagesRendered = 0; ///< by the running (or last) rendering
};

} // namespace iovplan::ui
