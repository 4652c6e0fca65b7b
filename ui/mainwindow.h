#pragma once

#include <QMainWindow>

namespace iovplan::ui {

/// The application's main window: menus, status bar and the dock layout restored from QSettings.
/// The design canvas, palette, inspector and dashboard dock into it as they are built.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void restoreLayout();
    void saveLayout() const;
    void showAbout();
};

} // namespace iovplan::ui
