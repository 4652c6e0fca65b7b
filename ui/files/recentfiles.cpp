#include "recentfiles.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace iovplan::ui {

namespace {

const auto filesKey = QStringLiteral("recentfiles/files");

QString absolute(const QString &path)
{
    return QFileInfo(path).absoluteFilePath();
}

} // namespace

RecentFiles::RecentFiles(QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>())
{
}

RecentFiles::RecentFiles(const QString &settingsFile, QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(settingsFile, QSettings::IniFormat))
{
}

RecentFiles::~RecentFiles() = default;

QStringList RecentFiles::stored() const
{
    return m_settings->value(filesKey).toStringList();
}

void RecentFiles::store(const QStringList &files) const
{
    if (files.isEmpty())
        m_settings->remove(filesKey);
    else
        m_settings->setValue(filesKey, files);
    m_settings->sync();
}

QStringList RecentFiles::files() const
{
    const QStringList all = stored();
    QStringList existing;
    for (const QString &path : all) {
        if (QFileInfo(path).isFile() && !existing.contains(path))
            existing << path;
    }
    while (existing.size() > maxFiles)
        existing.removeLast();
    if (existing != all)
        store(existing); // so a file that is gone stops taking a place in the ten
    return existing;
}

void RecentFiles::add(const QString &path)
{
    const QString file = absolute(path);
    QStringList list = files();
    list.removeAll(file);
    list.prepend(file);
    while (list.size() > maxFiles)
        list.removeLast();
    store(list);
    Q_EMIT changed();
}

void RecentFiles::remove(const QString &path)
{
    QStringList list = stored();
    if (list.removeAll(absolute(path)) == 0)
        return;
    store(list);
    Q_EMIT changed();
}

void RecentFiles::clear()
{
    store({});
    Q_EMIT changed();
}

void RecentFiles::attachMenu(QMenu *menu)
{
    connect(menu, &QMenu::aboutToShow, this, [this, menu] { fillMenu(menu); });
    // Queued: the list changes while one of the menu's own actions is being triggered (Clear List, or
    // opening a file that then becomes the most recent), and rebuilding deletes those actions.
    connect(this, &RecentFiles::changed, menu, [this, menu] { fillMenu(menu); }, Qt::QueuedConnection);
    fillMenu(menu);
}

void RecentFiles::fillMenu(QMenu *menu)
{
    menu->clear();
    menu->setToolTipsVisible(true);
    const QStringList list = files();
    if (list.isEmpty()) {
        menu->addAction(tr("No Recent Files"))->setEnabled(false);
        return;
    }
    for (int i = 0; i < list.size(); ++i) {
        const QString path = list[i];
        // "&1".."&9" give keyboard accelerators; the tenth is "1&0". Ampersands in names are doubled.
        const QString number = i < 9 ? QStringLiteral("&%1").arg(i + 1) : QStringLiteral("1&0");
        QString name = QFileInfo(path).fileName();
        name.replace(QLatin1Char('&'), QStringLiteral("&&"));
        QAction *action = menu->addAction(number + QLatin1Char(' ') + name);
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setStatusTip(QDir::toNativeSeparators(path));
        action->setData(path);
        connect(action, &QAction::triggered, this, [this, path] { Q_EMIT fileChosen(path); });
    }
    menu->addSeparator();
    QAction *clearAction = menu->addAction(tr("&Clear List"));
    connect(clearAction, &QAction::triggered, this, &RecentFiles::clear);
}

} // namespace iovplan::ui
