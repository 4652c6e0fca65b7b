#include "refreshcommand.h"

#include "catalogs/catalogdatabase.h"
#include "catalogs/catalogexport.h"
#include "catalogs/pricerefresh.h"
#include "commandline.h"
#include "usercatalog.h"
#include "model/io/projectdocument.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace iovplan::cli {

namespace {

using catalogs::ChangeSide;
using catalogs::PinnedChangeKind;
using catalogs::PinnedItemChange;

void printRefreshUsage(QTextStream &stream)
{
    stream << "Usage: iovplan-cli refresh-prices FILE.iovplan [--database DB] [--apply] [--format table|json]\n"
              "Compares the catalog items the document pins (specs, price, price date, sources) with the\n"
              "catalog database (default: the one the iovplan program uses) and lists every difference.\n"
              "Without --apply the document is not touched; with --apply the listed changes are saved.\n"
              "Exit status: 0 success (also when nothing changed), 2 bad input, 1 internal error.\n";
}

QString kindName(PinnedChangeKind kind)
{
    switch (kind) {
    case PinnedChangeKind::ItemField:
        return QStringLiteral("field");
    case PinnedChangeKind::Spec:
        return QStringLiteral("spec");
    case PinnedChangeKind::Retired:
        return QStringLiteral("retired");
    case PinnedChangeKind::NotInCatalog:
        return QStringLiteral("not-in-catalog");
    case PinnedChangeKind::Unreadable:
        return QStringLiteral("unreadable");
    }
    return {};
}

QJsonValue specJson(const std::optional<design::PinnedSpec> &spec)
{
    if (!spec)
        return QJsonValue::Null;
    return QJsonObject{{QStringLiteral("value"), spec->value},
                       {QStringLiteral("unit"), spec->unit},
                       {QStringLiteral("source"), spec->source}};
}

QJsonValue numberJson(const std::optional<double> &number)
{
    return number ? QJsonValue(*number) : QJsonValue(QJsonValue::Null);
}

// The old or new value in its own JSON type: a number (or null) for prices and maintenance, a spec
// object (or null) for specs, text otherwise.
QJsonValue valueJson(const PinnedItemChange &change, ChangeSide side)
{
    const bool old = side == ChangeSide::Old;
    if (change.kind == PinnedChangeKind::Spec)
        return specJson(old ? change.oldSpec : change.newSpec);
    if (change.kind == PinnedChangeKind::ItemField
        && (change.field == QLatin1String("price_usd") || change.field == QLatin1String("maintenance_pct_per_year")))
        return numberJson(old ? change.oldNumber : change.newNumber);
    if (change.kind == PinnedChangeKind::ItemField)
        return old ? change.oldText : change.newText;
    return catalogs::changeValueText(change, side);
}

/// The counts of the summary line.
struct Summary
{
    qsizetype pinnedItems = 0;
    qsizetype itemsChanged = 0;
    qsizetype changes = 0;
    qsizetype applicable = 0;
};

Summary summarize(const design::Project &project, const std::vector<PinnedItemChange> &changes)
{
    Summary summary;
    summary.pinnedItems = static_cast<qsizetype>(project.catalog.size());
    summary.changes = static_cast<qsizetype>(changes.size());
    QSet<QString> items;
    for (const PinnedItemChange &change : changes) {
        items.insert(change.itemId);
        if (change.applicable)
            ++summary.applicable;
    }
    summary.itemsChanged = items.size();
    return summary;
}

QString summaryLine(const Summary &summary, bool apply, const QString &file)
{
    if (summary.changes == 0)
        return QStringLiteral("all pinned items match the catalog (%1 item(s))").arg(summary.pinnedItems);
    const QString listed = QStringLiteral("%1 change(s) in %2 of %3 pinned item(s)")
                               .arg(summary.changes)
                               .arg(summary.itemsChanged)
                               .arg(summary.pinnedItems);
    const qsizetype reportedOnly = summary.changes - summary.applicable;
    const QString notApplied = reportedOnly > 0
        ? QStringLiteral(" (%1 reported only, never applied)").arg(reportedOnly)
        : QString();
    if (!apply)
        return QStringLiteral("%1%2; %3 can be applied: run again with --apply to save them")
            .arg(listed, notApplied)
            .arg(summary.applicable);
    if (summary.applicable == 0)
        return QStringLiteral("%1%2; nothing to apply, %3 not written").arg(listed, notApplied, file);
    return QStringLiteral("%1%2; applied %3 and saved %4").arg(listed, notApplied).arg(summary.applicable).arg(file);
}

void printTable(QTextStream &out, const std::vector<PinnedItemChange> &changes)
{
    if (changes.empty())
        return;
    qsizetype idWidth = 4;
    qsizetype fieldWidth = 5;
    for (const PinnedItemChange &change : changes) {
        idWidth = std::max(idWidth, change.itemId.size());
        fieldWidth = std::max(fieldWidth, change.field.size());
    }
    // Returns QString, not auto: with QStringBuilder, auto would hold references to the temporaries.
    const auto columns = [&](const QString &id, const QString &field) -> QString {
        return id.leftJustified(static_cast<int>(idWidth)) + QStringLiteral("  ")
               + field.leftJustified(static_cast<int>(fieldWidth)) + QStringLiteral("  ");
    };
    out << oneLine(columns(QStringLiteral("item"), QStringLiteral("field")) + QStringLiteral("old -> new")) << '\n';
    for (const PinnedItemChange &change : changes) {
        out << oneLine(columns(change.itemId, change.field) + catalogs::changeValueText(change, ChangeSide::Old)
                       + QStringLiteral(" -> ") + catalogs::changeValueText(change, ChangeSide::New))
            << '\n';
        if (!change.note.isEmpty())
            out << oneLine(QString(idWidth + 2, u' ') + QStringLiteral("(") + change.note + QStringLiteral(")")) << '\n';
    }
}

QJsonObject changesJson(const std::vector<PinnedItemChange> &changes, const Summary &summary, const QString &file,
                        const QString &database, bool apply, bool applied)
{
    QJsonArray list;
    for (const PinnedItemChange &change : changes) {
        list.append(QJsonObject{{QStringLiteral("item_id"), change.itemId},
                                {QStringLiteral("field"), change.field},
                                {QStringLiteral("kind"), kindName(change.kind)},
                                {QStringLiteral("old"), valueJson(change, ChangeSide::Old)},
                                {QStringLiteral("new"), valueJson(change, ChangeSide::New)},
                                {QStringLiteral("applicable"), change.applicable},
                                {QStringLiteral("note"), change.note}});
    }
    return QJsonObject{{QStringLiteral("file"), file},
                       {QStringLiteral("database"), database},
                       {QStringLiteral("applied"), applied},
                       {QStringLiteral("changes"), list},
                       {QStringLiteral("summary"),
                        QJsonObject{{QStringLiteral("pinned_items"), summary.pinnedItems},
                                    {QStringLiteral("items_changed"), summary.itemsChanged},
                                    {QStringLiteral("changes"), summary.changes},
                                    {QStringLiteral("applicable"), summary.applicable},
                                    {QStringLiteral("message"), summaryLine(summary, apply, file)}}}};
}

} // namespace

int runRefreshPricesCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const CommandLine line = parseCommandLine(args, {QStringLiteral("--database"), QStringLiteral("--format")},
                                              {QStringLiteral("--apply")});
    if (line.help) {
        printRefreshUsage(out);
        return 0;
    }
    const QString format = line.option(QStringLiteral("--format"), QStringLiteral("table"));
    if (line.error.isEmpty() && format != u"json" && format != u"table")
        return reportBadInput(err, QStringLiteral("--format"), {},
                              QStringLiteral("must be table or json, got '%1'").arg(format));
    if (!line.error.isEmpty() || line.file.isEmpty()) {
        err << "iovplan-cli refresh-prices: " << (line.error.isEmpty() ? QStringLiteral("needs a FILE") : line.error)
            << '\n';
        printRefreshUsage(err);
        return 2;
    }
    const bool apply = line.flags.contains(QStringLiteral("--apply"));

    const io::ProjectReadResult read = io::readProjectFile(line.file);
    if (!read.ok())
        return reportBadInput(err, line.file, read.error.field, read.error.message);

    // An explicit database that does not exist is a typo, not a request for a new catalog; the default
    // one is created with the shipped catalogs on first use, as `iovplan-cli catalog` does.
    const QString databasePath = line.option(QStringLiteral("--database"));
    if (!databasePath.isEmpty() && !QFileInfo(databasePath).isFile())
        return reportBadInput(err, databasePath, {}, QStringLiteral("no such catalog database"));
    const QString path = databasePath.isEmpty() ? userCatalogPath() : databasePath;
    catalogs::CatalogDatabase db;
    // A database named with --database is the user's file: refused when damaged, never moved aside.
    const auto onDamage = databasePath.isEmpty() ? catalogs::CatalogDatabase::OnDamage::Rebuild
                                                 : catalogs::CatalogDatabase::OnDamage::Refuse;
    if (const QString problem = db.open(path, QStringLiteral("iovplan-cli-refresh"), onDamage); !problem.isEmpty()) {
        // open() names the file in its message already.
        err << "iovplan-cli: " << oneLine(problem) << '\n';
        err.flush();
        return 2;
    }
    reportCatalogRecovery(db, err);
    if (const catalogs::CatalogLoadResult loaded = db.ensureShippedCatalog(); !loaded.ok())
        return reportBadInput(err, path, {},
                              QStringLiteral("cannot load the shipped catalogs: %1")
                                  .arg(loaded.errors.join(QStringLiteral("; "))));

    const std::vector<PinnedItemChange> changes = catalogs::compareWithCatalog(*read.project, db);
    for (const PinnedItemChange &change : changes) {
        if (change.kind == PinnedChangeKind::Unreadable) {
            // The note names the database file and the item already.
            err << "iovplan-cli: " << oneLine(change.note) << '\n';
            err.flush();
            return 2;
        }
    }
    const Summary summary = summarize(*read.project, changes);

    bool saved = false;
    if (apply && summary.applicable > 0) {
        const design::Project refreshed = catalogs::applyRefresh(*read.project, changes);
        const io::SaveResult save = io::saveProjectFile(line.file, refreshed, read.loadedVersion);
        if (!save.ok)
            return reportBadInput(err, line.file, {}, save.message);
        saved = true;
    }

    if (format == u"json") {
        out << QString::fromUtf8(QJsonDocument(changesJson(changes, summary, line.file, path, apply, saved))
                                     .toJson(QJsonDocument::Indented));
    } else {
        printTable(out, changes);
        out << oneLine(summaryLine(summary, apply, line.file)) << '\n';
    }
    out.flush();
    return 0;
}

} // namespace iovplan::cli
