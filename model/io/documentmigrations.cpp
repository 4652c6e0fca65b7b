// The steps that bring older *.iovplan documents up to currentDocumentVersion (docs/document-format.md,
// "Adding a migration"). Each edits the JSON before it is parsed.
#include "projectdocument.h"

#include <QJsonArray>

namespace iovplan::io {

namespace {

// Applies `edit` to every cable object of every scenario's design. Parts of the wrong shape are left
// as they are for the reader to refuse with its usual message.
template <typename Edit> QJsonObject editCables(QJsonObject root, const Edit &edit)
{
    const QJsonValue scenariosValue = root.value(QLatin1String("scenarios"));
    if (!scenariosValue.isArray())
        return root;
    QJsonArray scenarios = scenariosValue.toArray();
    for (qsizetype i = 0; i < scenarios.size(); ++i) {
        if (!scenarios.at(i).isObject())
            continue;
        QJsonObject scenario = scenarios.at(i).toObject();
        const QJsonValue designValue = scenario.value(QLatin1String("design"));
        if (!designValue.isObject())
            continue;
        QJsonObject design = designValue.toObject();
        const QJsonValue cablesValue = design.value(QLatin1String("cables"));
        if (!cablesValue.isArray())
            continue;
        QJsonArray cables = cablesValue.toArray();
        for (qsizetype k = 0; k < cables.size(); ++k) {
            if (cables.at(k).isObject())
                cables[k] = edit(cables.at(k).toObject());
        }
        design.insert(QStringLiteral("cables"), cables);
        scenario.insert(QStringLiteral("design"), design);
        scenarios[i] = scenario;
    }
    root.insert(QStringLiteral("scenarios"), scenarios);
    return root;
}

// Version 2 added cable ends' "slot" and cables' "transceiver_item_ids". Version-1 ends were always
// a device's own ports (slot 0) and version 1 had no optics.
QJsonObject migrate1To2(QJsonObject root)
{
    return editCables(std::move(root), [](QJsonObject cable) {
        for (const QString &key : { QStringLiteral("from"), QStringLiteral("to") }) {
            const QJsonValue endValue = cable.value(key);
            if (!endValue.isObject())
                continue;
            QJsonObject end = endValue.toObject();
            end.insert(QStringLiteral("slot"), 0);
            cable.insert(key, end);
        }
        cable.insert(QStringLiteral("transceiver_item_ids"), QJsonArray());
        return cable;
    });
}

} // namespace

const std::vector<DocumentMigration> &documentMigrations()
{
    // Append {N, step} here to read version-N documents after raising currentDocumentVersion to N+1.
    static const std::vector<DocumentMigration> migrations { { 1, migrate1To2 } };
    return migrations;
}

} // namespace iovplan::io
