#pragma once

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
    /// file) replaces the central view when it arrives, and queueingNetworkSolved() is emitted.
    void openQueueingNetwork(const QString &path);

    /// The text the central view shows (the solution table, or the error).
    [[nodiscard]] QString centralText() const;

Q_SIGNALS:
    void queueingNetworkSolved(const QString &path, bool ok);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void restoreLayout();
    void saveLayout() const;
    void showAbout();
    void chooseQueueingNetwork();
    void showSolved(const QString &path, bool ok, const QString &text);

    QPlainTextEdit *m_view = nullptr;
    int m_generation = 0; ///< newer requests supersede older ones still running
};

} // namespace iovplan::ui
