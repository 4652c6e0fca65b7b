#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace iovplan::catalogs {

/// How a spec value is written and checked.
enum class SpecType {
    Number,  ///< a finite number >= 0 in the field's unit
    Integer, ///< a whole number >= 0
    Choice,  ///< one word out of the field's allowed values
    List,    ///< words out of the allowed values separated by ';'
    ItemRef, ///< the id of another catalog item (e.g. a gateway module's chassis)
    Text     ///< free text without line breaks
};

/// One known spec field: its name in specs.csv, its type, its unit ("" for counts and words) and,
/// for Choice and List, the allowed words.
struct SpecFieldDefinition
{
    QString name;
    SpecType type = SpecType::Text;
    QString unit;
    QStringList allowed;
    QString meaning;
};

/// Where a number came from, judged from its source text (rules in catalogs/data/README.md).
enum class SourceClass {
    Missing,  ///< empty, or "estimate" without reasoning, or an unknown prefix
    Sourced,  ///< a named document: reference-data.md, white paper, standard, data sheet, paper, survey, product name, quote, NetBox file
    Derived,  ///< arithmetic on sourced figures, shown in the source text
    Estimate  ///< "estimate: " and the reasoning
};

/// The catalogs of shipped items ("2007", "current") and of the user's own items ("user").
[[nodiscard]] QStringList catalogNames();
/// The item kinds: server, adapter, switch, gateway, gateway-module, cable, transceiver, storage.
[[nodiscard]] QStringList itemKinds();
/// Every spec field the catalog knows, in a stable order.
[[nodiscard]] const QList<SpecFieldDefinition> &specFields();
/// The definition of a spec field, or nullptr when the name is unknown.
[[nodiscard]] const SpecFieldDefinition *findSpecField(QStringView name);
/// Fields every item of the kind must have. Some are conditional and checked by requiredSpecsMissing().
[[nodiscard]] QStringList requiredSpecFields(QStringView kind);
/// The required fields an item of `kind` lacks, given the spec fields it has and their values
/// (adapters on PCIe need generation and lanes, on PCI-X width and clock; fixed gateways need ports
/// on both sides while modular ones need module slots).
[[nodiscard]] QStringList requiredSpecsMissing(QStringView kind, const QStringList &fields, const QStringList &values);
/// Classifies a source text.
[[nodiscard]] SourceClass classifySource(QStringView source);
/// True for an item id: 1..80 characters of a-z, 0-9 and '-', starting with a letter or digit.
[[nodiscard]] bool isValidItemId(QStringView id);

} // namespace iovplan::catalogs
