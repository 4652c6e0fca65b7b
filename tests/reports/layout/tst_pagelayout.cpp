// The layout engine from inside: word wrapping never exceeds its width or loses text, nothing is placed
// outside the text area, figures move or shrink to fit, and level-1 headings open pages.

#include "layouttesthelpers.h"

#include "reports/layout/paginator.h"
#include "reports/layout/reportfonts.h"
#include "reports/layout/textwrap.h"

#include <QFontInfo>
#include <QTest>

using namespace iovplan;
using namespace iovplan::reports;
using namespace iovplan::reports::pagelayout;

namespace {

QString withoutSpaces(QString text)
{
    text.remove(QRegularExpression(QStringLiteral("\\s")));
    return text;
}

QString joined(const std::vector<TextLine> &lines)
{
    QString text;
    for (const TextLine &line : lines)
        for (const LineSegment &segment : line.segments)
            text += segment.text;
    return text;
}

// The extent of an operation on its page.
QRectF extent(const PageOp &op, const ReportFonts &fonts)
{
    if (const auto *text = std::get_if<TextOp>(&op))
        return QRectF(text->baseline.x(), text->baseline.y() - fonts.ascent(text->font),
                      fonts.advance(text->font, text->text), fonts.ascent(text->font));
    if (const auto *line = std::get_if<LineOp>(&op))
        return QRectF(line->line.p1(), line->line.p2()).normalized();
    if (const auto *rect = std::get_if<RectOp>(&op))
        return rect->rect;
    return std::get<FigureOp>(op).target;
}

} // namespace

class TestPageLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reportFontIsTheEmbeddedDejaVu()
    {
        const QString family = reportFontFamily();
        QCOMPARE(family, QStringLiteral("DejaVu Sans"));
        QVERIFY(QFile::exists(QStringLiteral(":/fonts/DejaVuSans.ttf")));
        QVERIFY(QFile::exists(QStringLiteral(":/fonts/DejaVuSans-Bold.ttf")));
        QFont bold(family);
        bold.setBold(true);
        QCOMPARE(QFontInfo(bold).family(), family);
        QVERIFY(QFontInfo(bold).bold());
    }

    void wrapping_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("width");
        QTest::addColumn<int>("minLines");
        QTest::newRow("fits") << QStringLiteral("Mellanox MHEA28-XTC") << 300.0 << 1;
        QTest::newRow("sentence in a narrow column") << QStringLiteral("The quick brown fox jumps over the lazy dog again and again") << 60.0 << 4;
        QTest::newRow("one long word") << QString(400, QLatin1Char('M')) << 100.0 << 20;
        QTest::newRow("line breaks") << QStringLiteral("first\nsecond\n\nthird") << 300.0 << 3;
        QTest::newRow("width below a letter") << QStringLiteral("abc") << 0.5 << 3;
        QTest::newRow("spaces only") << QStringLiteral("   ") << 100.0 << 0;
        QTest::newRow("surrogate pairs") << QString::fromUtf8("\xF0\x9D\x90\x80").repeated(60) << 40.0 << 2;
    }
    void wrapping()
    {
        QFETCH(QString, text);
        QFETCH(double, width);
        QFETCH(int, minLines);
        const ReportFonts fonts;
        const std::vector<TextLine> lines = wrapText(text, FontRole::Body, width, fonts);
        QVERIFY(int(lines.size()) >= minLines);
        for (const TextLine &line : lines) {
            QVERIFY(!line.segments.empty());
            const double measured = fonts.advance(FontRole::Body, line.segments.front().text);
            QVERIFY(std::abs(measured - line.width) < 0.5);
            // One glyph wider than the line is the only thing allowed to stick out.
            if (line.segments.front().text.size() > 2)
                QVERIFY2(line.width <= std::max(width, 4.0) + 0.01, qPrintable(line.segments.front().text));
            for (const LineSegment &segment : line.segments)
                QVERIFY(!segment.text.isEmpty() && !segment.text.front().isLowSurrogate());
        }
        QCOMPARE(withoutSpaces(joined(lines)), withoutSpaces(text));
    }

    void mixedRunsKeepTheirFonts()
    {
        const ReportFonts fonts;
        const std::vector<TextLine> lines = wrapText({{QStringLiteral("Over budget:"), FontRole::BodyBold},
                                                      {QStringLiteral(" the rack needs 12 more ports than it has."), FontRole::Body}},
                                                     150.0, fonts);
        QVERIFY(lines.size() >= 2);
        QCOMPARE(lines.front().segments.front().font, FontRole::BodyBold);
        QCOMPARE(lines.front().segments.front().text, QStringLiteral("Over budget:"));
        QCOMPARE(lines.front().segments.at(1).font, FontRole::Body);
        QVERIFY(lines.front().segments.at(1).x > fonts.advance(FontRole::BodyBold, QStringLiteral("Over budget:")));
    }

    void truncationEndsInEllipsis()
    {
        const ReportFonts fonts;
        std::vector<TextLine> lines = wrapText(QStringLiteral("word ").repeated(200), FontRole::Table, 80.0, fonts);
        QVERIFY(lines.size() > 5);
        truncateLines(lines, 3, 80.0, fonts);
        QCOMPARE(lines.size(), std::size_t(3));
        QVERIFY(lines.back().segments.back().text.endsWith(QChar(0x2026)));
        QVERIFY(lines.back().width <= 80.0 + 0.01);
    }

    void everythingStaysInTheTextArea_data()
    {
        QTest::addColumn<int>("paper");
        QTest::newRow("A4") << int(PaperSize::A4);
        QTest::newRow("Letter") << int(PaperSize::Letter);
    }
    void everythingStaysInTheTextArea()
    {
        QFETCH(int, paper);
        DocumentContent content;
        content.cover = ReportCover{QStringLiteral("A title long enough to need two lines on the cover of the report"),
                                    QStringLiteral("Subtitle"),
                                    {{QStringLiteral("Project"), QString(300, QLatin1Char('P'))}},
                                    QStringLiteral("note ").repeated(100)};
        content.blocks.emplace_back(ContentsBlock{});
        content.blocks.emplace_back(HeadingBlock{1, QString(200, QLatin1Char('H'))});
        content.blocks.emplace_back(ParagraphBlock{QString(3000, QLatin1Char('x')), ParagraphStyle::Alert});
        content.blocks.emplace_back(KeyValuesBlock{{{QString(100, QLatin1Char('k')), QString(500, QLatin1Char('v'))}}});
        ReportTable table = testing::partsTable(400);
        table.rows[3].cells[1] = QString(30000, QLatin1Char('y'));
        table.rows[5].style = RowStyle::Group;
        table.rows[5].cells[0] = QString(500, QLatin1Char('g'));
        content.blocks.emplace_back(TableBlock{table});
        content.blocks.emplace_back(FigureBlock{std::make_shared<testing::BoxFigure>(4.0), QStringLiteral("caption"), 1.0});
        const ReportFonts fonts;
        const LaidOutDocument document = paginate(content, PaperSize(paper), fonts);
        const QRectF body = document.geometry.body;
        const QRectF allowed = body.adjusted(-0.5, -4.0, 0.5, 4.0); // an alert's tint reaches 3 pt past its lines
        for (std::size_t p = 0; p < document.pages.size(); ++p)
            for (const PageOp &op : document.pages[p].ops) {
                const QRectF box = extent(op, fonts);
                QVERIFY2(allowed.contains(box.topLeft()) && allowed.contains(box.bottomRight()), qPrintable(QStringLiteral("page %1: %2,%3 %4x%5")
                                                               .arg(p + 1).arg(box.x()).arg(box.y()).arg(box.width()).arg(box.height())));
            }
    }

    void figuresMoveOrShrinkToFit()
    {
        DocumentContent content;
        content.blocks.emplace_back(ParagraphBlock{QStringLiteral("Some text first."), ParagraphStyle::Body});
        // 0.9 of the text width tall: does not fit under the paragraph's page remainder after the next one...
        content.blocks.emplace_back(FigureBlock{std::make_shared<testing::BoxFigure>(1.0), QString(), 1.0});
        content.blocks.emplace_back(FigureBlock{std::make_shared<testing::BoxFigure>(1.0), QString(), 1.0});
        // ...and one three pages tall, scaled to one page.
        content.blocks.emplace_back(FigureBlock{std::make_shared<testing::BoxFigure>(4.5), QStringLiteral("tall"), 1.0});
        const ReportFonts fonts;
        const LaidOutDocument document = paginate(content, PaperSize::A4, fonts);
        std::vector<std::pair<std::size_t, QRectF>> figures;
        for (std::size_t p = 0; p < document.pages.size(); ++p)
            for (const PageOp &op : document.pages[p].ops)
                if (const auto *figure = std::get_if<FigureOp>(&op))
                    figures.emplace_back(p, figure->target);
        QCOMPARE(figures.size(), std::size_t(3));
        const QRectF body = document.geometry.body;
        QCOMPARE(figures[0].first, std::size_t(0));
        QCOMPARE(figures[1].first, std::size_t(1)); // moved, not cut
        QCOMPARE(figures[1].second.top(), body.top());
        QCOMPARE(figures[1].second.width(), body.width()); // moved at full size
        QCOMPARE(figures[2].first, std::size_t(2));
        QVERIFY(figures[2].second.height() < body.height());
        QVERIFY(figures[2].second.height() > body.height() * 0.9);
        QVERIFY(std::abs(figures[2].second.height() / figures[2].second.width() - 4.5) < 1e-6); // aspect kept
    }

    void levelOneHeadingsOpenPages()
    {
        DocumentContent content;
        content.blocks.emplace_back(ParagraphBlock{QStringLiteral("Before."), ParagraphStyle::Body});
        content.blocks.emplace_back(HeadingBlock{1, QStringLiteral("One")});
        content.blocks.emplace_back(HeadingBlock{2, QStringLiteral("One point one")});
        content.blocks.emplace_back(HeadingBlock{3, QStringLiteral("Unnumbered")});
        content.blocks.emplace_back(ParagraphBlock{QStringLiteral("Text."), ParagraphStyle::Body});
        content.blocks.emplace_back(HeadingBlock{1, QStringLiteral("Two")});
        content.blocks.emplace_back(HeadingBlock{2, QStringLiteral("Two point one")});
        content.blocks.emplace_back(PageBreakBlock{});
        content.blocks.emplace_back(HeadingBlock{2, QStringLiteral("Two point two")});
        const LaidOutDocument document = paginate(content, PaperSize::A4, ReportFonts());
        QCOMPARE(document.pages.size(), std::size_t(4));
        const std::vector<std::pair<QString, int>> expected = {
            {QStringLiteral("1"), 2}, {QStringLiteral("1.1"), 2}, {QString(), 2}, {QStringLiteral("2"), 3},
            {QStringLiteral("2.1"), 3}, {QStringLiteral("2.2"), 4}};
        QCOMPARE(document.headings.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            QCOMPARE(document.headings[i].number, expected[i].first);
            QCOMPARE(document.headings[i].page, expected[i].second);
        }
    }
};

QTEST_MAIN(TestPageLayout)
#include "tst_pagelayout.moc"
