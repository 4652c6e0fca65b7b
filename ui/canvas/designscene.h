#pragma once
// The scene of one scenario's design: racks, devices with their slots and ports, fabrics and cables.
// It follows the Document's change channel (CONVENTIONS 4): on scenarioChanged it diffs the design by
// object id and touches only the items whose object changed (and the cables of moved devices); on
// projectReset it rebuilds. It never edits the project.

#include "designlayout.h"
#include "deviceitem.h"

#include "ui/editing/document.h"

#include <QGraphicsScene>
#include <QHash>
#include <QSet>
#include <QStringList>

namespace iovplan::ui {

class CableItem;
class FabricItem;
class RackItem;

/// The canvas scene of scenario `key` of `document`.
class DesignScene : public QGraphicsScene
{
    Q_OBJECT

public:
    DesignScene(const Document &document, ScenarioKey key, QObject *parent = nullptr);

    [[nodiscard]] ScenarioKey scenarioKey() const { return m_key; }
    [[nodiscard]] const Document &document() const { return m_document; }
    /// Whether the scenario is (still) in the project.
    [[nodiscard]] bool hasScenario() const { return m_document.contains(m_key); }
    /// The scenario shown (hasScenario() must hold).
    [[nodiscard]] const design::Scenario &scenario() const { return m_document.scenario(m_key); }
    [[nodiscard]] const design::PinnedCatalog &catalog() const { return m_document.catalog(); }
    [[nodiscard]] const DesignLayout &layout() const { return m_layout; }

    /// What the last sync did, for tests and the benchmark.
    struct SyncStats
    {
        int created = 0;
        int updated = 0;
        int removed = 0;
        int cablesRouted = 0;
    };
    /// Brings the items in line with the scenario, touching only what changed.
    SyncStats sync();
    /// Drops every item and builds them again (a new project).
    SyncStats rebuild();
    [[nodiscard]] const SyncStats &lastSync() const { return m_lastSync; }

    [[nodiscard]] DeviceItem *device(const QString &id) const { return m_devices.value(id, nullptr); }
    [[nodiscard]] CableItem *cable(const QString &id) const { return m_cables.value(id, nullptr); }
    [[nodiscard]] RackItem *rack(const QString &id) const { return m_racks.value(id, nullptr); }
    [[nodiscard]] FabricItem *fabric(const QString &id) const { return m_fabrics.value(id, nullptr); }
    /// The item showing design object `id` (a card id "srv-1/slot2" finds the slot marker), or null.
    [[nodiscard]] QGraphicsItem *itemForId(const QString &id) const;
    [[nodiscard]] int deviceCount() const { return static_cast<int>(m_devices.size()); }
    [[nodiscard]] int cableCount() const { return static_cast<int>(m_cables.size()); }

    /// The object ids of the selected items (unordered).
    [[nodiscard]] QStringList selectedIds() const;
    /// Selects exactly the items of `ids` (unknown ids are ignored).
    void selectIds(const QStringList &ids);

    /// Shows or hides every device's slots and ports (the view's level of detail); new devices follow.
    void setDetailVisible(bool visible);
    [[nodiscard]] bool detailVisible() const { return m_detailVisible; }

    /// Re-routes the cables on `deviceIds` from where their items are now (live moves).
    void rerouteCablesOf(const QStringList &deviceIds);
    /// Puts `item` where its record says (hidden when its rack is unknown).
    void placeDevice(DeviceItem *item) const;

    /// The object id an item shows (its data), or empty.
    [[nodiscard]] static QString objectId(const QGraphicsItem *item);

Q_SIGNALS:
    /// Every item was deleted (a rebuild or the scenario's removal): drop pointers to items.
    void cleared();

private:
    void clearAll();
    void onScenarioChanged(ScenarioKey key, ScenarioParts parts);
    void syncRacksAndFabrics(SyncStats &stats);
    void syncDevice(const DeviceRecord &record, bool layoutChanged, QSet<QString> &seen, QSet<QString> &moved,
                    SyncStats &stats);
    void routeCable(CableItem *item);
    [[nodiscard]] QColor cableColor(const design::Cable &cable);

    const Document &m_document;
    ScenarioKey m_key;
    DesignLayout m_layout;
    std::vector<design::Rack> m_shownRacks;
    std::vector<design::Fabric> m_shownFabrics;
    bool m_refreshFaces = false;
    bool m_detailVisible = true;
    QHash<QString, RackItem *> m_racks;
    QHash<QString, FabricItem *> m_fabrics;
    QHash<QString, DeviceItem *> m_devices;
    QHash<QString, CableItem *> m_cables;
    QHash<QString, QStringList> m_cablesByDevice;
    QHash<QString, QColor> m_cableColors; ///< by cable item id, cleared when the pinned items change
    SyncStats m_lastSync;
};

} // namespace iovplan::ui
