#include "reports/layout/reportfonts.h"

#include <QFontDatabase>
#include <QGuiApplication>
#include <QStringList>

#include <mutex>

namespace iovplan::reports {

namespace {

// The faces compiled in by reports/CMakeLists.txt (qt_add_resources, prefix /fonts).
const char *const embeddedFaces[] = {":/fonts/DejaVuSans.ttf", ":/fonts/DejaVuSans-Bold.ttf"};

QString fallbackFamily()
{
    return QStringLiteral("DejaVu Sans");
}

} // namespace

QString reportFontFamily()
{
    static std::mutex mutex;
    static QString registeredFamily; // empty until registration succeeded
    const std::lock_guard<std::mutex> lock(mutex);
    if (!registeredFamily.isEmpty())
        return registeredFamily;
    // The font database belongs to the GUI application: registering earlier would fail for good.
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance()) == nullptr)
        return fallbackFamily();
    QString family;
    for (const char *face : embeddedFaces) {
        const int id = QFontDatabase::addApplicationFont(QString::fromLatin1(face));
        const QStringList families = id >= 0 ? QFontDatabase::applicationFontFamilies(id) : QStringList();
        if (family.isEmpty() && !families.isEmpty())
            family = families.constFirst();
    }
    if (family.isEmpty())
        return fallbackFamily();
    registeredFamily = family;
    return registeredFamily;
}

} // namespace iovplan::reports
