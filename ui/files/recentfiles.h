#pragma once
// File > Open Recent (docs/gui-files-whatif.md): the last ten projects opened or saved, most recent first,
// kept in QSettings; files that no longer exist are dropped whenever the list is read.

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class QMenu;
class QSettings;

namespace iovplan::ui {

/// The recent-files list and the menu that shows it.
class RecentFiles : public QObject
{
    Q_OBJECT

public:
    static constexpr int maxFiles = 10;

    /// Kept in the application's QSettings.
    explicit RecentFiles(QObject *parent = nullptr);
    /// Kept in the INI file `settingsFile` (tests).
    explicit RecentFiles(const QString &settingsFile, QObject *parent = nullptr);
    ~RecentFiles() override;

    /// Absolute paths, most recent first, at most maxFiles, only files that exist (the stored list is
    /// pruned to match).
    [[nodiscard]] QStringList files() const;
    /// Puts `path` first (moving it up if listed), dropping the oldest beyond maxFiles.
    void add(const QString &path);
    /// Drops `path` (a file that failed to open).
    void remove(const QString &path);
    void clear();

    /// Keeps `menu` filled with the list (rebuilt whenever it is about to show, and after the list changes).
    void attachMenu(QMenu *menu);
    /// Fills `menu` now: "&1 name" actions (the full path as tooltip and status tip), a separator and
    /// "Clear List"; a disabled "No Recent Files" entry when the list is empty.
    void fillMenu(QMenu *menu);

Q_SIGNALS:
    /// The user chose `path` from the menu.
    void fileChosen(const QString &path);
    /// The list changed.
    void changed();

private:
    [[nodiscard]] QStringList stored() const;
    void store(const QStringList &files) const;

    std::unique_ptr<QSettings> m_settings;
};

} // namespace iovplan::ui
