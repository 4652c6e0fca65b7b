#include "objectclipboard.h"

#include "model/io/projectdocument.h"

#include <QMimeData>
#include <QSet>

namespace iovplan::ui {

design::PinnedCatalog itemsUsedBy(const design::Design &fragment, const design::PinnedCatalog &catalog)
{
    design::PinnedCatalog used;
    const auto use = [&](const QString &itemId) {
        const auto it = catalog.find(itemId);
        if (it != catalog.end())
            used.insert(*it);
    };
    for (const design::Server &s : fragment.servers) {
        use(s.itemId);
        for (const design::SlotItem &card : s.adapters)
            use(card.itemId);
    }
    for (const design::Switch &s : fragment.switches)
        use(s.itemId);
    for (const design::Gateway &g : fragment.gateways) {
        use(g.itemId);
        for (const design::SlotItem &module : g.modules)
            use(module.itemId);
    }
    for (const design::StorageArray &a : fragment.storage)
        use(a.itemId);
    for (const design::Cable &c : fragment.cables) {
        use(c.itemId);
        for (const QString &t : c.transceiverItemIds)
            use(t);
    }
    return used;
}

QByteArray encodeObjects(const design::Design &fragment, const design::PinnedCatalog &catalog,
                         const std::vector<design::Rack> &racks)
{
    design::Project project;
    project.name = QStringLiteral("clipboard");
    project.catalog = itemsUsedBy(fragment, catalog);
    design::Scenario scenario;
    scenario.name = QStringLiteral("clipboard");
    scenario.design = fragment;
    // The document reader wants every device's rack to exist; the racks travel as references only.
    QSet<QString> used;
    const auto use = [&used](const auto &devices) {
        for (const auto &d : devices)
            used.insert(d.rackId);
    };
    use(fragment.servers);
    use(fragment.switches);
    use(fragment.gateways);
    use(fragment.storage);
    for (const design::Rack &rack : racks) {
        if (used.contains(rack.id))
            scenario.design.racks.push_back(rack);
    }
    project.scenarios.push_back(std::move(scenario));
    return io::writeProjectJson(project);
}

DecodedObjects decodeObjects(const QByteArray &payload)
{
    DecodedObjects decoded;
    io::ProjectReadResult read = io::readProjectJson(payload);
    if (!read.ok()) {
        decoded.error = read.error.field.isEmpty() ? read.error.message
                                                   : read.error.field + QStringLiteral(": ") + read.error.message;
        return decoded;
    }
    if (read.project->scenarios.size() != 1) {
        decoded.error = QStringLiteral("scenarios: copied objects come in exactly one scenario");
        return decoded;
    }
    decoded.fragment = std::move(read.project->scenarios.front().design);
    decoded.fragment->racks.clear(); // references only: pasting never copies racks
    decoded.items = std::move(read.project->catalog);
    return decoded;
}

QMimeData *objectsMimeData(const design::Design &fragment, const design::PinnedCatalog &catalog,
                           const std::vector<design::Rack> &racks)
{
    auto *data = new QMimeData;
    data->setData(QLatin1String(objectsMimeType), encodeObjects(fragment, catalog, racks));
    QStringList names;
    for (const design::Server &s : fragment.servers)
        names << s.id;
    for (const design::Switch &s : fragment.switches)
        names << s.id;
    for (const design::Gateway &g : fragment.gateways)
        names << g.id;
    for (const design::StorageArray &a : fragment.storage)
        names << a.id;
    data->setText(QStringLiteral("IOV Planner objects: ") + names.join(QStringLiteral(", ")));
    return data;
}

} // namespace iovplan::ui
