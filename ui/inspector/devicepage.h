#pragma once
// The inspector's page for one placed object: a server, switch, gateway or storage array (name, server
// group, rack and U position, fabric, its item's specs, cards by slot) or a rack (name, height).

#include "ui/editing/document.h"
#include "ui/editing/documenteditor.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QGridLayout;
class QGroupBox;
class QLabel;
class QLineEdit;

namespace iovplan::ui {

class ItemSummary;

/// Properties of one design object. Name and group apply as typed (merged per field); a new rack or U
/// position applies when the field is left, as one move; refusals show red with the editor's reason.
class DevicePage : public QWidget
{
    Q_OBJECT

public:
    /// What kind of object the page shows.
    enum class Kind { None, Server, Switch, Gateway, Storage, Rack, Fabric };

    DevicePage(Document &document, DocumentEditor &editor, QWidget *parent = nullptr);
    ~DevicePage() override;

    /// Shows object `id` of scenario `key`; returns false (and shows nothing) when the design has no such object.
    bool showObject(ScenarioKey key, const QString &id);
    /// Re-reads the object, keeping what the user is typing.
    void refresh();
    [[nodiscard]] Kind kind() const { return m_kind; }
    [[nodiscard]] QString objectId() const { return m_id; }
    /// "Slot 1: Intel PRO/1000 PT Quad", one line per card shown.
    [[nodiscard]] QStringList cardLines() const { return m_cardLines; }

Q_SIGNALS:
    /// The reason the last input was refused, or "" when it is fine again.
    void message(const QString &text);

private:
    struct Placement
    {
        QString name;
        QString itemId;
        QString rackId;
        int positionU = 0;
        QString fabricId;
        QString group;
    };
    [[nodiscard]] Kind findKind(const design::Design &design, const QString &id) const;
    [[nodiscard]] Placement placement(const design::Scenario &scenario) const;
    [[nodiscard]] bool valid() const;
    EditOutcome applyProperty(const QString &field, const QString &text);
    void textEdited(QLineEdit *edit, const QString &field, const QString &text);
    void moveTo(const QString &rackId, const QString &positionText);
    void report(QWidget *field, const QString &reason);
    /// The document's current text of property `field` ("name", "group", "height").
    [[nodiscard]] QString propertyText(const QString &field) const;
    /// The highest U of the rack chosen in the rack field.
    [[nodiscard]] double rackTop() const;
    void rebuildCards(const design::Scenario &scenario);

    Document &m_document;
    DocumentEditor &m_editor;
    ScenarioKey m_key = 0;
    QString m_id;
    Kind m_kind = Kind::None;
    QLabel *m_header = nullptr;
    QFormLayout *m_form = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_group = nullptr;
    QComboBox *m_rack = nullptr;
    QLineEdit *m_position = nullptr;
    QComboBox *m_fabric = nullptr;
    QLineEdit *m_height = nullptr;
    QGroupBox *m_itemBox = nullptr;
    ItemSummary *m_item = nullptr;
    QGroupBox *m_cardsBox = nullptr;
    QGridLayout *m_cards = nullptr;
    QStringList m_cardLines;
    /// Per text field, the document's text when the user started typing (see ScenarioPage::NumberField).
    QHash<QLineEdit *, QString> m_sessionStart;
};

} // namespace iovplan::ui
