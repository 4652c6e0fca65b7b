#include "usercatalog.h"

#include "catalogs/catalogdatabase.h"

#include <QCoreApplication>
#include <QTextStream>

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

void reportCatalogRecovery(const catalogs::CatalogDatabase &db, QTextStream &err)
{
    if (db.recovery().rebuilt) {
        err << "iovplan-cli: " << db.recovery().summary() << '\n';
        err.flush();
    }
}

} // namespace iovplan::cli
