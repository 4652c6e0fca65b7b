#pragma once
// What a ReportDocument holds before layout: the blocks in reading order, as the caller gave them.
// Internal to reports/layout/.

#include "reports/layout/reportdocument.h"

#include <QString>

#include <memory>
#include <optional>
#include <utility>
#include <variant>
#include <vector>

namespace iovplan::reports::pagelayout {

struct HeadingBlock
{
    int level = 1; ///< clamped to 1..3 when added
    QString text;
};

struct ParagraphBlock
{
    QString text;
    ParagraphStyle style = ParagraphStyle::Body;
};

struct KeyValuesBlock
{
    std::vector<std::pair<QString, QString>> pairs;
};

struct TableBlock
{
    ReportTable table;
};

struct FigureBlock
{
    std::shared_ptr<const ReportFigure> figure;
    QString caption;
    double maxWidthShare = 1.0; ///< clamped to 0.1..1 when added
};

struct ContentsBlock
{
};

struct PageBreakBlock
{
};

using Block = std::variant<HeadingBlock, ParagraphBlock, KeyValuesBlock, TableBlock, FigureBlock, ContentsBlock,
                           PageBreakBlock>;

/// Everything a document says, ready to be laid out on any paper.
struct DocumentContent
{
    ReportMetadata metadata;
    QString headerLeft;
    QString headerRight;
    QString footer;
    std::optional<ReportCover> cover;
    std::vector<Block> blocks;
};

} // namespace iovplan::reports::pagelayout
