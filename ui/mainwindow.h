#pragma once

#include "filereport.h"

#include <QMainWindow>

class QPlainTextEdit;

namespace iovplan::ui {

/// The application's main window: menus, status bar and the dock layout restored from QSettings.
/// Until the design canvas lands it can open a queueing network (qn JSON) and show its solution,
/// solved off the GUI thread.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    /// Reads and solves the qn JSON file in the background; the result (or what is wrong with the
    /// file) replaces the central view when it arrives, and reportShown() is emitted.
    void openQueueingNetwork(const QString &path);

    /// Reads a *.iovplan project and evaluates its scenarios in the background; their cost, power and
    /// performance (or what is wrong with the document) replace the central view, and reportShown() is
    /// emitted. A newer request of either kind supersedes one still running.
    void openProject(const QString &path);

    /// The text the central view shows (the solution table, or the error).
    [[nodiscard]] QString centralText() const;

Q_SIGNALS:
    void reportShown(const QString &path, bool ok);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void restoreLayout();
    void saveLayout() const;
    void showAbout();
    void chooseQueueingNetwork();
    void chooseProject();
    /// Runs `produce(path)` off the GUI thread and shows its report unless a newer request came meanwhile.
    void showReportOf(const QString &path, const QString &doing, FileReport (*produce)(const QString &));
    void showReport(const QString &path, const FileReport &report);

    QPlainTextEdit *m_view = nullptr;
    int m_generation = 0; ///< newer requests supersede older ones still running
};

} // namespace iovplan::ui
