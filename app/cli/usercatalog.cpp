#include "usercatalog.h"

#include "catalogs/catalogdatabase.h"

#include <QCoreApplication>

namespace iovplan::cli {

QString userCatalogPath()
{
    const QString organization = QCoreApplication::organizationName();
    const QString application = QCoreApplication::applicationName();
    QCoreApplication::setOrganizationName(QStringLiteral("IOV Planner"));
    QCoreApplication::setApplicationName(QStringLiteral("iovplan"));
    const QString path = catalogs::CatalogDatabase::defaultPath();
    QCoreApplication::setOrganizationName(organization);
    QCoreApplication::setApplicationName(application);
    return path;
}

} // namespace iovplan::cli
