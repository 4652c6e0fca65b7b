#include "catalogcommand.h"

#include "commandline.h"
#include "usercatalog.h"

#include "catalogs/catalogdatabase.h"
#include "catalogs/catalogexport.h"
#include "catalogs/catalogfields.h"
#include "catalogs/vendorquoteimport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextStream>

#include <algorithm>

namespace iovplan::cli {

namespace {

void printCatalogUsage(QTextStream &stream)
{
    stream << "Usage: iovplan-cli catalog list [--catalog 2007|current|user] [--kind KIND] [--database PATH]\n"
              "       iovplan-cli catalog import QUOTE.csv [--check] [--database PATH]\n"
              "       iovplan-cli catalog export DIR [--catalog 2007|current|user] [--database PATH]\n"
              "Lists, prices (vendor quote: all rows or none) and exports the hardware catalog database\n"
              "(default: the one the iovplan program uses; created with the shipped catalogs on first use).\n"
              "Exit status: 0 success, 2 bad input (nothing changed), 1 internal error.\n";
}

// A usage error: "iovplan-cli catalog: MESSAGE".
int usageError(QTextStream &err, const QString &message)
{
    err << "iovplan-cli catalog: " << oneLine(message) << '\n';
    err.flush();
    return 2;
}

// The one line a bad input produces: "iovplan-cli: MESSAGE", where MESSAGE starts with the file.
int badInput(QTextStream &err, const QString &message)
{
    err << "iovplan-cli: " << oneLine(message) << '\n';
    err.flush();
    return 2;
}

int internalError(QTextStream &err, const QString &message)
{
    err << "iovplan-cli: internal error: " << oneLine(message) << '\n';
    err.flush();
    return 1;
}

/// The options every subcommand shares, and its positional arguments.
struct ParsedArgs
{
    QString database;
    QString catalog;
    QString kind;
    bool check = false;
    QStringList positional;
    QString error; ///< a usage error ("" when the arguments parsed)
};

// Reads "--name VALUE" or "--name=VALUE" into value; false when the argument is not that option.
bool takeValue(const QStringList &args, qsizetype &i, const QString &name, QString &value, QString &error)
{
    const QString &arg = args.at(i);
    if (arg == name) {
        // "--database --kind" is a forgotten value, not a file named "--kind".
        if (i + 1 >= args.size() || args.at(i + 1).startsWith(QLatin1String("--"))) {
            error = QStringLiteral("%1 needs a value").arg(name);
            return true;
        }
        value = args.at(++i);
        return true;
    }
    if (arg.startsWith(name + QLatin1Char('='))) {
        value = arg.mid(name.size() + 1);
        return true;
    }
    return false;
}

ParsedArgs parseArgs(const QStringList &args, const QStringList &allowedOptions)
{
    ParsedArgs parsed;
    for (qsizetype i = 0; i < args.size() && parsed.error.isEmpty(); ++i) {
        const QString &arg = args.at(i);
        const auto allowed = [&](const char *name) { return allowedOptions.contains(QLatin1String(name)); };
        if (allowed("--database") && takeValue(args, i, QStringLiteral("--database"), parsed.database, parsed.error))
            continue;
        if (allowed("--catalog") && takeValue(args, i, QStringLiteral("--catalog"), parsed.catalog, parsed.error))
            continue;
        if (allowed("--kind") && takeValue(args, i, QStringLiteral("--kind"), parsed.kind, parsed.error))
            continue;
        if (allowed("--check") && arg == QLatin1String("--check")) {
            parsed.check = true;
            continue;
        }
        if (arg.startsWith(QLatin1Char('-')) && arg.size() > 1)
            parsed.error = QStringLiteral("unknown option '%1'").arg(arg);
        else
            parsed.positional << arg;
    }
    if (parsed.error.isEmpty() && !parsed.catalog.isEmpty() && !catalogs::catalogNames().contains(parsed.catalog))
        parsed.error = QStringLiteral("--catalog must be one of %1, got '%2'")
                           .arg(catalogs::catalogNames().join(QStringLiteral(", ")), parsed.catalog);
    if (parsed.error.isEmpty() && !parsed.kind.isEmpty() && !catalogs::itemKinds().contains(parsed.kind))
        parsed.error = QStringLiteral("--kind must be one of %1, got '%2'")
                           .arg(catalogs::itemKinds().join(QStringLiteral(", ")), parsed.kind);
    return parsed;
}

// Opens the database (saying so on `err` when it had to be rebuilt) and loads the shipped catalogs when it
// lacks them. Returns "" or the problem.
QString openCatalog(catalogs::CatalogDatabase &db, const QString &requestedPath, QTextStream &err)
{
    const QString path = requestedPath.isEmpty() ? userCatalogPath() : requestedPath;
    // A database named with --database is the user's file: refused when damaged, never moved aside.
    const QString opened = db.open(path, QStringLiteral("iovplan-cli-catalog"),
                                   requestedPath.isEmpty() ? catalogs::CatalogDatabase::OnDamage::Rebuild
                                                           : catalogs::CatalogDatabase::OnDamage::Refuse);
    if (!opened.isEmpty())
        return opened;
    reportCatalogRecovery(db, err);
    const catalogs::CatalogLoadResult loaded = db.ensureShippedCatalog();
    if (!loaded.ok())
        return QStringLiteral("%1: cannot load the shipped catalogs: %2")
            .arg(path, loaded.errors.join(QStringLiteral("; ")));
    return {};
}

// A table column: left-aligned text, or right-aligned for numbers.
void printTable(QTextStream &out, const QStringList &header, const QList<QStringList> &rows,
                const QList<bool> &rightAligned)
{
    QList<qsizetype> widths;
    for (const QString &title : header)
        widths << title.size();
    for (const QStringList &row : rows) {
        for (qsizetype c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], row.at(c).size());
    }
    const auto printRow = [&](const QStringList &row) {
        QString line;
        for (qsizetype c = 0; c < row.size(); ++c) {
            if (c > 0)
                line += QStringLiteral("  ");
            const int width = static_cast<int>(widths.at(c));
            line += rightAligned.at(c) ? row.at(c).rightJustified(width) : row.at(c).leftJustified(width);
        }
        out << oneLine(line).trimmed() << '\n';
    };
    printRow(header);
    for (const QStringList &row : rows)
        printRow(row);
}

int runList(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const ParsedArgs parsed = parseArgs(args, {QStringLiteral("--database"), QStringLiteral("--catalog"),
                                               QStringLiteral("--kind")});
    if (!parsed.error.isEmpty())
        return usageError(err, parsed.error);
    if (!parsed.positional.isEmpty())
        return usageError(err, QStringLiteral("list takes no arguments, got '%1'").arg(parsed.positional.first()));

    catalogs::CatalogDatabase db;
    if (const QString problem = openCatalog(db, parsed.database, err); !problem.isEmpty())
        return badInput(err, problem);

    QStringList conditions;
    if (!parsed.catalog.isEmpty())
        conditions << QStringLiteral("catalog = ?");
    if (!parsed.kind.isEmpty())
        conditions << QStringLiteral("kind = ?");
    QSqlQuery query(db.database());
    // rowid order is the order the items were first written (the shipped files' order, then the user's).
    query.prepare(QStringLiteral("SELECT id, catalog, kind, vendor, model, price_usd, price_date, origin, user_edited,"
                                 " retired FROM items")
                  + (conditions.isEmpty() ? QString() : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND ")))
                  + QStringLiteral(" ORDER BY rowid"));
    if (!parsed.catalog.isEmpty())
        query.addBindValue(parsed.catalog);
    if (!parsed.kind.isEmpty())
        query.addBindValue(parsed.kind);
    if (!query.exec())
        return internalError(err, query.lastError().text());

    QList<QStringList> rows;
    while (query.next()) {
        QStringList flags;
        if (query.value(7).toString() == QLatin1String("user"))
            flags << QStringLiteral("user");
        if (query.value(8).toInt() != 0)
            flags << QStringLiteral("edited");
        if (query.value(9).toInt() != 0)
            flags << QStringLiteral("retired");
        const QVariant price = query.value(5);
        rows << QStringList{query.value(0).toString(),
                            query.value(1).toString(),
                            query.value(2).toString(),
                            query.value(3).toString(),
                            query.value(4).toString(),
                            price.isNull() ? QStringLiteral("-") : catalogs::catalogNumberText(price.toDouble()),
                            query.value(6).isNull() ? QStringLiteral("-") : query.value(6).toString(),
                            flags.isEmpty() ? QStringLiteral("-") : flags.join(QLatin1Char(','))};
    }
    printTable(out,
               {QStringLiteral("id"), QStringLiteral("catalog"), QStringLiteral("kind"), QStringLiteral("vendor"),
                QStringLiteral("model"), QStringLiteral("price_usd"), QStringLiteral("price_date"),
                QStringLiteral("flags")},
               rows, {false, false, false, false, false, true, false, false});
    out.flush();
    return 0;
}

QString priceText(const std::optional<double> &price)
{
    return price ? catalogs::catalogNumberText(*price) : QStringLiteral("none");
}

int runImport(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const ParsedArgs parsed = parseArgs(args, {QStringLiteral("--database"), QStringLiteral("--check")});
    if (!parsed.error.isEmpty())
        return usageError(err, parsed.error);
    if (parsed.positional.size() != 1)
        return usageError(err, QStringLiteral("import needs one QUOTE.csv file"));
    const QString &file = parsed.positional.first();

    QFile quote(file);
    if (!quote.open(QIODevice::ReadOnly))
        return badInput(err, QStringLiteral("%1: cannot read: %2").arg(file, quote.errorString()));
    const QByteArray csv = quote.readAll();

    catalogs::CatalogDatabase db;
    if (const QString problem = openCatalog(db, parsed.database, err); !problem.isEmpty())
        return badInput(err, problem);

    const catalogs::QuoteImportReport report = parsed.check
        ? catalogs::checkVendorQuote(db.database(), csv, file)
        : catalogs::importVendorQuote(db.database(), csv, file);
    if (!report.ok()) {
        // A whole-file problem (missing columns, unreadable CSV) or one line per rejected row.
        for (const QString &message : report.messages())
            badInput(err, message.startsWith(file) ? message : QStringLiteral("%1: %2").arg(file, message));
        return 2;
    }

    if (parsed.check)
        out << "checked " << report.changes.size() << " price(s) in " << file << ", nothing written\n";
    else
        out << "applied " << report.applied << " price(s) from " << file << '\n';
    for (const catalogs::QuotePriceChange &change : report.changes) {
        out << "  line " << change.line << ": " << change.itemId << ": " << priceText(change.oldPriceUsd) << " ("
            << (change.oldPriceDate.isEmpty() ? QStringLiteral("-") : change.oldPriceDate) << ") -> "
            << catalogs::catalogNumberText(change.newPriceUsd) << " (" << change.newPriceDate << "), "
            << oneLine(change.newPriceSource) << '\n';
    }
    out.flush();
    return 0;
}

int runExport(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const ParsedArgs parsed = parseArgs(args, {QStringLiteral("--database"), QStringLiteral("--catalog")});
    if (!parsed.error.isEmpty())
        return usageError(err, parsed.error);
    if (parsed.positional.size() != 1)
        return usageError(err, QStringLiteral("export needs one DIR"));
    const QString &dirPath = parsed.positional.first();
    if (!QDir().mkpath(dirPath))
        return badInput(err, QStringLiteral("%1: cannot create the folder").arg(dirPath));

    catalogs::CatalogDatabase db;
    if (const QString problem = openCatalog(db, parsed.database, err); !problem.isEmpty())
        return badInput(err, problem);

    const catalogs::CatalogCsvExport exported = catalogs::exportCatalogCsv(db.database(), parsed.catalog);
    if (!exported.ok())
        return internalError(err, exported.error);
    const QDir dir(dirPath);
    const QString itemsPath = dir.filePath(QStringLiteral("items.csv"));
    const QString specsPath = dir.filePath(QStringLiteral("specs.csv"));
    if (const QString problem = catalogs::writeCatalogCsvFiles(exported, itemsPath, specsPath); !problem.isEmpty())
        return badInput(err, problem);
    out << "exported " << exported.items << " item(s) to " << itemsPath << " and " << exported.specs
        << " spec(s) to " << specsPath << '\n';
    out.flush();
    return 0;
}

} // namespace

int runCatalogCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (args.isEmpty()) {
        printCatalogUsage(err);
        return 2;
    }
    const QString &subcommand = args.first();
    if (subcommand == QLatin1String("--help") || subcommand == QLatin1String("-h")
        || args.contains(QLatin1String("--help"))) {
        printCatalogUsage(out);
        return 0;
    }
    if (subcommand == QLatin1String("list"))
        return runList(args.mid(1), out, err);
    if (subcommand == QLatin1String("import"))
        return runImport(args.mid(1), out, err);
    if (subcommand == QLatin1String("export"))
        return runExport(args.mid(1), out, err);
    usageError(err, QStringLiteral("unknown subcommand '%1' (list, import or export)").arg(subcommand));
    return 2;
}

} // namespace iovplan::cli
