#include "reportoptions.h"

#include <algorithm>

namespace iovplan::reports {

const std::vector<ReportSection> &allReportSections()
{
    static const std::vector<ReportSection> sections { ReportSection::Summary, ReportSection::Comparison,
        ReportSection::BillOfMaterials, ReportSection::Power, ReportSection::Tco, ReportSection::Performance,
        ReportSection::Racks, ReportSection::Problems, ReportSection::Assumptions, ReportSection::Sources,
        ReportSection::ModelNotes };
    return sections;
}

QString reportSectionName(ReportSection section)
{
    switch (section) {
    case ReportSection::Summary: return QStringLiteral("summary");
    case ReportSection::Comparison: return QStringLiteral("comparison");
    case ReportSection::BillOfMaterials: return QStringLiteral("bom");
    case ReportSection::Power: return QStringLiteral("power");
    case ReportSection::Tco: return QStringLiteral("tco");
    case ReportSection::Performance: return QStringLiteral("performance");
    case ReportSection::Racks: return QStringLiteral("racks");
    case ReportSection::Problems: return QStringLiteral("problems");
    case ReportSection::Assumptions: return QStringLiteral("assumptions");
    case ReportSection::Sources: return QStringLiteral("sources");
    case ReportSection::ModelNotes: return QStringLiteral("model-notes");
    }
    return {};
}

QString reportSectionTitle(ReportSection section)
{
    switch (section) {
    case ReportSection::Summary: return QStringLiteral("Executive summary");
    case ReportSection::Comparison: return QStringLiteral("Comparison of scenarios");
    case ReportSection::BillOfMaterials: return QStringLiteral("Bill of materials");
    case ReportSection::Power: return QStringLiteral("Power and cooling");
    case ReportSection::Tco: return QStringLiteral("Total cost of ownership");
    case ReportSection::Performance: return QStringLiteral("Performance");
    case ReportSection::Racks: return QStringLiteral("Rack elevations");
    case ReportSection::Problems: return QStringLiteral("Problems");
    case ReportSection::Assumptions: return QStringLiteral("Assumptions");
    case ReportSection::Sources: return QStringLiteral("Sources of prices and parameters");
    case ReportSection::ModelNotes: return QStringLiteral("Model notes");
    }
    return {};
}

ReportSectionsParse parseReportSections(const QString &commaSeparated)
{
    ReportSectionsParse result;
    const QStringList names = commaSeparated.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &raw : names) {
        const QString name = raw.trimmed().toLower();
        const auto &all = allReportSections();
        const auto found = std::find_if(all.begin(), all.end(),
                                        [&](ReportSection s) { return reportSectionName(s) == name; });
        if (found == all.end()) {
            QStringList known;
            for (ReportSection s : all)
                known << reportSectionName(s);
            result.error = QStringLiteral("unknown section '%1' (known: %2)").arg(raw.trimmed(), known.join(QStringLiteral(", ")));
            result.sections.clear();
            return result;
        }
        if (std::find(result.sections.begin(), result.sections.end(), *found) == result.sections.end())
            result.sections.push_back(*found);
    }
    if (result.sections.empty())
        result.error = QStringLiteral("no section named");
    return result;
}

bool ReportOptions::includes(ReportSection section) const
{
    return std::find(sections.begin(), sections.end(), section) != sections.end();
}

} // namespace iovplan::reports
