// The paged report document seen from outside: the PDF it writes (read back with poppler's tools), the
// pages it renders and the layout summary it reports.

#include "layouttesthelpers.h"

#include "reports/layout/reportdocument.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <ctime>

using namespace iovplan;
using namespace iovplan::reports;
using iovplan::testing::pdfText;

namespace {

// Pixels that are not (nearly) white in `rect` of `image`.
int inkedPixels(const QImage &image, const QRect &rect)
{
    int count = 0;
    const QRect area = rect.intersected(image.rect());
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            if (qGray(image.pixel(x, y)) < 245)
                ++count;
    return count;
}

ReportDocument tableDocument(int rows)
{
    ReportDocument document;
    document.addHeading(1, QStringLiteral("Parts"));
    document.addTable(testing::partsTable(rows));
    return document;
}

} // namespace

class TestReportDocument : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_samplePdf;
    ReportLayoutSummary m_sampleLayout;

    QString writeTemp(const QString &name, const QByteArray &pdf)
    {
        const QString path = m_dir.filePath(name);
        return testing::writeBytes(path, pdf) ? path : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const ReportDocument document = testing::sampleDocument();
        m_sampleLayout = document.layout(PaperSize::A4);
        m_samplePdf = writeTemp(QStringLiteral("sample.pdf"), document.toPdf(PaperSize::A4));
        QVERIFY(!m_samplePdf.isEmpty());
    }

    void paperSizeNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("paper");
        QTest::newRow("A4") << QStringLiteral("A4") << true << int(PaperSize::A4);
        QTest::newRow("a4 lower case") << QStringLiteral("a4") << true << int(PaperSize::A4);
        QTest::newRow("Letter") << QStringLiteral("Letter") << true << int(PaperSize::Letter);
        QTest::newRow("LETTER with spaces") << QStringLiteral(" LETTER ") << true << int(PaperSize::Letter);
        QTest::newRow("A3 unknown") << QStringLiteral("A3") << false << 0;
        QTest::newRow("empty") << QString() << false << 0;
    }
    void paperSizeNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QFETCH(int, paper);
        const std::optional<PaperSize> parsed = paperSizeFromName(name);
        QCOMPARE(parsed.has_value(), valid);
        if (valid) {
            QCOMPARE(int(*parsed), paper);
            QCOMPARE(paperSizeFromName(paperSizeName(*parsed)), parsed);
        }
    }

    void emptyDocumentIsOnePage()
    {
        const ReportDocument document;
        QCOMPARE(document.layout(PaperSize::A4).pageCount, 1);
        QVERIFY(document.layout(PaperSize::A4).headings.empty());
        QVERIFY(document.toPdf(PaperSize::Letter).startsWith("%PDF-"));
        const QImage page = document.renderPage(PaperSize::A4, 0, 72);
        QCOMPARE(page.size(), QSize(595, 842));
        QVERIFY(document.renderPage(PaperSize::A4, 1, 72).isNull());
        QVERIFY(document.renderPage(PaperSize::A4, -1, 72).isNull());
        QVERIFY(document.renderPage(PaperSize::A4, 0, 0).isNull());
    }

    void pageCountGrowsWithRows_data()
    {
        QTest::addColumn<int>("fewer");
        QTest::addColumn<int>("more");
        QTest::newRow("10 -> 200 rows") << 10 << 200;
        QTest::newRow("200 -> 2000 rows") << 200 << 2000;
    }
    void pageCountGrowsWithRows()
    {
        QFETCH(int, fewer);
        QFETCH(int, more);
        const int fewerPages = tableDocument(fewer).layout(PaperSize::A4).pageCount;
        const int morePages = tableDocument(more).layout(PaperSize::A4).pageCount;
        QVERIFY2(morePages > fewerPages, qPrintable(QStringLiteral("%1 vs %2 pages").arg(fewerPages).arg(morePages)));
        // A one-line row is at least 8.5 pt of text: no page holds more than ~80 of them.
        QVERIFY(morePages >= more / 80);
    }

    void letterAndA4Differ()
    {
        const ReportDocument document = tableDocument(2000);
        const int a4 = document.layout(PaperSize::A4).pageCount;
        const int letter = document.layout(PaperSize::Letter).pageCount;
        // Letter is 50 pt shorter than A4: the same rows need more pages.
        QVERIFY2(letter > a4, qPrintable(QStringLiteral("A4 %1 pages, Letter %2").arg(a4).arg(letter)));
    }

    void pdfPagesMatchLayout()
    {
        IOVPLAN_REQUIRE_POPPLER("pdfinfo");
        const QString info = testing::popplerOutput(testing::popplerTool(QStringLiteral("pdfinfo")), {m_samplePdf});
        const QRegularExpression pages(QStringLiteral("^Pages:\\s+(\\d+)$"), QRegularExpression::MultilineOption);
        QCOMPARE(pages.match(info).captured(1).toInt(), m_sampleLayout.pageCount);
        QVERIFY(m_sampleLayout.pageCount >= 6);
        QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Page size:\\s+595 x 842 pts \\(A4\\)"))), qPrintable(info));
    }

    void headingPagesMatchPdfText()
    {
        IOVPLAN_REQUIRE_POPPLER("pdftotext");
        // Pages 2 .. (first heading page - 1) hold the contents, which repeat every heading's text.
        const int firstHeadingPage = m_sampleLayout.headings.front().page;
        QVERIFY(firstHeadingPage >= 3);
        std::vector<QString> pageTexts(std::size_t(m_sampleLayout.pageCount) + 1);
        for (int page = 1; page <= m_sampleLayout.pageCount; ++page)
            pageTexts[std::size_t(page)] = pdfText(m_samplePdf, page, page);
        for (const LaidOutHeading &heading : m_sampleLayout.headings) {
            const QString &text = pageTexts[std::size_t(heading.page)];
            const QString line = heading.number.isEmpty()
                                     ? QRegularExpression::escape(heading.text)
                                     : QRegularExpression::escape(heading.number) + QStringLiteral("\\s+") +
                                           QRegularExpression::escape(heading.text);
            QVERIFY2(text.contains(QRegularExpression(QStringLiteral("^\\s*") + line, QRegularExpression::MultilineOption)),
                     qPrintable(heading.text + QStringLiteral(" not on page ") + QString::number(heading.page)));
            for (int page = firstHeadingPage; page <= m_sampleLayout.pageCount; ++page)
                if (page != heading.page)
                    QVERIFY2(!pageTexts[std::size_t(page)].contains(heading.text),
                             qPrintable(heading.text + QStringLiteral(" also on page ") + QString::number(page)));
        }
    }

    void contentsListEveryNumberedHeading()
    {
        IOVPLAN_REQUIRE_POPPLER("pdftotext");
        const QString contents = pdfText(m_samplePdf, 2, m_sampleLayout.headings.front().page - 1);
        QVERIFY(contents.contains(QStringLiteral("Contents")));
        int listed = 0;
        for (const LaidOutHeading &heading : m_sampleLayout.headings) {
            if (heading.level == 3) {
                QVERIFY2(!contents.contains(heading.text), qPrintable(heading.text));
                continue;
            }
            ++listed;
            const QRegularExpression entry(QStringLiteral("^\\s*") + QRegularExpression::escape(heading.number) +
                                               QStringLiteral("\\s+") + QRegularExpression::escape(heading.text) +
                                               QStringLiteral("\\s+") + QString::number(heading.page) + QStringLiteral("\\s*$"),
                                           QRegularExpression::MultilineOption);
            QVERIFY2(contents.contains(entry), qPrintable(heading.number + QLatin1Char(' ') + heading.text +
                                                          QStringLiteral(" page ") + QString::number(heading.page) +
                                                          QStringLiteral(" missing in:\n") + contents));
        }
        QCOMPARE(listed, 7);
    }

    void contentsOverSeveralPages()
    {
        // 90 numbered headings need more than one page of contents; the page numbers still point right.
        ReportDocument document;
        document.addTableOfContents();
        for (int chapter = 1; chapter <= 30; ++chapter) {
            document.addHeading(1, QStringLiteral("Chapter %1").arg(chapter));
            for (int section = 1; section <= 2; ++section) {
                document.addHeading(2, QStringLiteral("Section %1 of chapter %2").arg(section).arg(chapter));
                document.addParagraph(QStringLiteral("Text."));
            }
        }
        const ReportLayoutSummary summary = document.layout(PaperSize::A4);
        QCOMPARE(summary.headings.size(), std::size_t(90));
        const int firstChapter = summary.headings.front().page;
        QVERIFY(firstChapter >= 3); // more than one page of contents
        QCOMPARE(summary.headings.back().page, firstChapter + 29); // a page per chapter
        QCOMPARE(summary.pageCount, firstChapter + 29);
        IOVPLAN_REQUIRE_POPPLER("pdftotext");
        const QString pdf = writeTemp(QStringLiteral("contents.pdf"), document.toPdf(PaperSize::A4));
        const QString contents = pdfText(pdf, 1, firstChapter - 1);
        QVERIFY(contents.contains(QRegularExpression(QStringLiteral("^\\s*1\\s+Chapter 1\\s+%1\\s*$").arg(firstChapter),
                                                     QRegularExpression::MultilineOption)));
        QVERIFY(contents.contains(QRegularExpression(QStringLiteral("^\\s*30\\.2\\s+Section 2 of chapter 30\\s+%1\\s*$")
                                                         .arg(firstChapter + 29),
                                                     QRegularExpression::MultilineOption)));
        // The last contents page is followed by chapter 1, not by an empty page.
        QVERIFY(pdfText(pdf, firstChapter, firstChapter).contains(QStringLiteral("Chapter 1")));
    }

    void tableHeaderRepeatsOnEveryPage()
    {
        IOVPLAN_REQUIRE_POPPLER("pdftotext");
        const int rows = 300;
        const ReportDocument document = tableDocument(rows);
        const int pages = document.layout(PaperSize::Letter).pageCount;
        QVERIFY(pages >= 4);
        const QString pdf = writeTemp(QStringLiteral("table.pdf"), document.toPdf(PaperSize::Letter));
        QString all;
        for (int page = 1; page <= pages; ++page) {
            const QString text = pdfText(pdf, page, page);
            const qsizetype header = text.indexOf(QRegularExpression(QStringLiteral("Part number\\s+Description\\s+Qty\\s+Extended price")));
            QVERIFY2(header >= 0, qPrintable(QStringLiteral("no header on page %1").arg(page)));
            QVERIFY(header < text.indexOf(QStringLiteral("ROW-")));
            all += text;
        }
        // Every row exactly once: none lost or repeated at a break.
        for (int i = 0; i < rows; ++i)
            QCOMPARE(all.count(QStringLiteral("ROW-%1 ").arg(i, 4, 10, QLatin1Char('0'))), 1);
    }

    void tableRowExtractsOnOneLine()
    {
        IOVPLAN_REQUIRE_POPPLER("pdftotext");
        const QString text = pdfText(m_samplePdf, 1, m_sampleLayout.pageCount);
        QVERIFY(text.contains(QRegularExpression(QStringLiteral("Mellanox MHEA28-XTC\\s+128\\s+\\$1,062\\.00\\s+\\$135,936\\.00"))));
        QVERIFY(text.contains(QRegularExpression(QStringLiteral("Total\\s+\\$338,608\\.00"))));
        QVERIFY(text.contains(QStringLiteral("352.1 µs")));
    }

    void headingKeptWithTable_data()
    {
        QTest::addColumn<int>("fillerLines");
        // Around a page's worth of one-line paragraphs, so the heading falls at every height near the foot.
        for (int lines = 26; lines <= 36; ++lines)
            QTest::addRow("%d filler lines", lines) << lines;
    }
    void headingKeptWithTable()
    {
        QFETCH(int, fillerLines);
        ReportDocument document;
        document.addHeading(1, QStringLiteral("Start"));
        for (int i = 0; i < fillerLines; ++i)
            document.addParagraph(QStringLiteral("Filler line %1.").arg(i));
        document.addHeading(2, QStringLiteral("Kept heading"));
        document.addTable(testing::partsTable(3));
        const ReportLayoutSummary summary = document.layout(PaperSize::A4);
        QCOMPARE(summary.headings.size(), std::size_t(2));
        IOVPLAN_REQUIRE_POPPLER("pdftotext");
        const QString pdf = writeTemp(QStringLiteral("keep.pdf"), document.toPdf(PaperSize::A4));
        const QString text = pdfText(pdf, summary.headings.back().page, summary.headings.back().page);
        QVERIFY(text.contains(QStringLiteral("Kept heading")));
        QVERIFY2(text.contains(QStringLiteral("ROW-0000")), "the heading ended its page without the table");
    }

    void fontsAreEmbedded()
    {
        IOVPLAN_REQUIRE_POPPLER("pdffonts");
        const QString listing = testing::popplerOutput(testing::popplerTool(QStringLiteral("pdffonts")), {m_samplePdf});
        const QStringList lines = listing.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(lines.size() >= 4); // header, rule, regular and bold
        // The rule of dashes under the header shows where each column is.
        const QStringList dashes = lines.at(1).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        QVERIFY(dashes.size() >= 4);
        qsizetype embColumn = 0;
        for (int i = 0; i < 3; ++i)
            embColumn += dashes.at(i).size() + 1;
        for (qsizetype i = 2; i < lines.size(); ++i) {
            QVERIFY2(lines.at(i).contains(QStringLiteral("DejaVuSans")), qPrintable(lines.at(i)));
            QCOMPARE(lines.at(i).mid(embColumn, 3), QStringLiteral("yes"));
        }
        QVERIFY(listing.contains(QStringLiteral("Bold")));
    }

    void metadataInPdfInfo()
    {
        IOVPLAN_REQUIRE_POPPLER("pdfinfo");
        const QString info = testing::popplerOutput(testing::popplerTool(QStringLiteral("pdfinfo")), {m_samplePdf});
        QVERIFY2(info.contains(QRegularExpression(QStringLiteral("^Title:\\s+IOV plan: Rack A$"), QRegularExpression::MultilineOption)), qPrintable(info));
        QVERIFY(info.contains(QRegularExpression(QStringLiteral("^Author:\\s+Jane Buyer$"), QRegularExpression::MultilineOption)));
        QVERIFY(info.contains(QRegularExpression(QStringLiteral("^Subject:\\s+Procurement report$"), QRegularExpression::MultilineOption)));
        QVERIFY(info.contains(QRegularExpression(QStringLiteral("^Creator:\\s+IOV Planner test$"), QRegularExpression::MultilineOption)));
        QVERIFY(info.contains(QRegularExpression(QStringLiteral("^CreationDate:\\s+\\S"), QRegularExpression::MultilineOption)));
    }

    void renderedPagesAreNotBlank()
    {
        const ReportDocument document = testing::sampleDocument();
        for (int page = 0; page < m_sampleLayout.pageCount; ++page) {
            const QImage image = document.renderPage(PaperSize::A4, page, 36);
            QCOMPARE(image.size(), QSize(298, 421));
            QVERIFY2(inkedPixels(image, image.rect()) > 200, qPrintable(QStringLiteral("page %1 is blank").arg(page + 1)));
        }
    }

    void coverHasNoHeaderOrFooter()
    {
        const ReportDocument document = testing::sampleDocument();
        const QImage cover = document.renderPage(PaperSize::A4, 0, 72);
        const QImage second = document.renderPage(PaperSize::A4, 1, 72);
        const QRect headerBand(0, 0, cover.width(), 56);
        const QRect footerBand(0, cover.height() - 50, cover.width(), 50);
        QCOMPARE(inkedPixels(cover, headerBand), 0);
        QCOMPARE(inkedPixels(cover, footerBand), 0);
        QVERIFY(inkedPixels(second, headerBand) > 20);
        QVERIFY(inkedPixels(second, footerBand) > 20);
        QVERIFY(inkedPixels(cover, cover.rect()) > 1000);
    }

    void pageNumbersInFooters()
    {
        IOVPLAN_REQUIRE_POPPLER("pdftotext");
        const int pages = m_sampleLayout.pageCount;
        QVERIFY(!pdfText(m_samplePdf, 1, 1).contains(QStringLiteral("Page 1 of")));
        for (int page = 2; page <= pages; ++page) {
            const QString text = pdfText(m_samplePdf, page, page);
            QVERIFY(text.contains(QStringLiteral("Page %1 of %2").arg(page).arg(pages)));
            QVERIFY(text.contains(QStringLiteral("Project Rack A")));
            QVERIFY(text.contains(QStringLiteral("IOV Planner procurement report")));
        }
    }

    void writePdfToUnwritablePathFails_data()
    {
        QTest::addColumn<QString>("relative");
        QTest::newRow("missing folder") << QStringLiteral("no-such-folder/report.pdf");
        QTest::newRow("a folder") << QStringLiteral("folder");
    }
    void writePdfToUnwritablePathFails()
    {
        QFETCH(QString, relative);
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("folder")));
        const QString path = m_dir.filePath(relative);
        const QString error = testing::sampleDocument(5).writePdf(path, PaperSize::A4);
        QVERIFY2(error.startsWith(path + QStringLiteral(": ")), qPrintable(error));
        QVERIFY(error.size() > path.size() + 2);
        QCOMPARE(QFileInfo(path).isFile(), false);
        QCOMPARE(QDir(m_dir.filePath(QStringLiteral("no-such-folder"))).exists(), false);
    }

    void writePdfWritesTheFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("written.pdf"));
        const ReportDocument document = testing::sampleDocument(5);
        QCOMPARE(document.writePdf(path, PaperSize::Letter), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(bytes.trimmed().endsWith("%%EOF"));
        QVERIFY(bytes.contains("/MediaBox [0 0 612.000000 792.000000]"));
    }

    void robustAgainstPathologicalInput_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("zero columns") << 0;
        QTest::newRow("word of 5,000 letters") << 1;
        QTest::newRow("cell of 20,000 characters") << 2;
        QTest::newRow("figure ten pages tall") << 3;
        QTest::newRow("figure of no height") << 4;
        QTest::newRow("null figure") << 5;
        QTest::newRow("page breaks only") << 6;
        QTest::newRow("headings only") << 7;
        QTest::newRow("2,000 rows") << 8;
        QTest::newRow("bad weights and levels") << 9;
    }
    void robustAgainstPathologicalInput()
    {
        QFETCH(int, kind);
        ReportDocument document;
        ReportTable table;
        switch (kind) {
        case 0:
            table.rows = {{{QStringLiteral("orphan cell")}, RowStyle::Normal, false}};
            table.caption = QStringLiteral("A table without columns");
            document.addTable(table);
            break;
        case 1: document.addParagraph(QString(5000, QLatin1Char('W'))); break;
        case 2:
            table = testing::partsTable(2);
            table.rows[0].cells[1] = QString(20000, QLatin1Char('x'));
            table.rows[1].cells[0] = QStringLiteral("word ").repeated(4000);
            document.addTable(table);
            break;
        case 3: document.addFigure(std::make_shared<testing::BoxFigure>(15.0), QStringLiteral("tall")); break;
        case 4: document.addFigure(std::make_shared<testing::BoxFigure>(0.0), QStringLiteral("flat")); break;
        case 5: document.addFigure(nullptr, QStringLiteral("nothing")); break;
        case 6:
            for (int i = 0; i < 50; ++i)
                document.addPageBreak();
            break;
        case 7:
            for (int i = 0; i < 100; ++i)
                document.addHeading(1 + i % 3, QStringLiteral("Heading %1").arg(i));
            break;
        case 8: document.addTable(testing::partsTable(2000)); break;
        case 9:
            table = testing::partsTable(3);
            table.columns[0].weight = -1;
            table.columns[1].weight = 0;
            table.columns[2].weight = std::numeric_limits<double>::quiet_NaN();
            document.addTable(table);
            document.addHeading(-4, QStringLiteral("Level below one"));
            document.addHeading(9, QStringLiteral("Level above three"));
            document.addFigure(std::make_shared<testing::BoxFigure>(1.0), QString(), std::numeric_limits<double>::infinity());
            break;
        default: QFAIL("unknown kind");
        }
        const ReportLayoutSummary summary = document.layout(PaperSize::A4);
        QVERIFY(summary.pageCount >= 1);
        QVERIFY(summary.pageCount < 200);
        if (kind == 6)
            QCOMPARE(summary.pageCount, 1); // breaks never make blank pages
        if (kind == 7)
            QCOMPARE(summary.headings.size(), std::size_t(100));
        QVERIFY(document.toPdf(PaperSize::A4).startsWith("%PDF-"));
        QVERIFY(!document.renderPage(PaperSize::A4, summary.pageCount - 1, 24).isNull());
    }

    void sampleForInspection()
    {
        // IOVPLAN_LAYOUT_SAMPLE=/path/sample.pdf writes the sample report and times a large document.
        const QString path = qEnvironmentVariable("IOVPLAN_LAYOUT_SAMPLE");
        if (path.isEmpty())
            QSKIP("set IOVPLAN_LAYOUT_SAMPLE=FILE.pdf to write the sample report");
        QCOMPARE(testing::sampleDocument().writePdf(path, PaperSize::A4), QString());
        // Beside it, on Letter: the hard cases, to look at.
        ReportDocument stress;
        stress.setRunningHeader(QStringLiteral("A very long project name ").repeated(6), QStringLiteral("A long date ").repeated(5));
        stress.setFooter(QStringLiteral("Footer text ").repeated(20));
        stress.addHeading(1, QStringLiteral("A heading long enough to wrap onto a second line of the page in the report"));
        stress.addParagraph(QStringLiteral("Alert without a lead-in but long enough to wrap over two lines of text, ").repeated(3),
                            ParagraphStyle::Alert);
        stress.addParagraph(QString(700, QLatin1Char('W')));
        ReportTable table = testing::partsTable(4, QStringLiteral("Caption of a table whose cells are too long."));
        table.rows[0].cells[0] = QStringLiteral("PARTNUMBERWITHOUTANYSPACESATALL-0123456789");
        table.rows[1].cells[1] = QStringLiteral("A description that wraps over several lines in its column because it is long. ").repeated(80);
        table.rows[2].marked = true;
        table.rows[3].style = RowStyle::Total;
        stress.addTable(table);
        stress.addKeyValues({{QStringLiteral("A label that is much too long for its column"), QStringLiteral("value ").repeated(40)}});
        stress.addFigure(std::make_shared<testing::BoxFigure>(0.4), QStringLiteral("A narrow figure, 40 % of the width"), 0.4);
        QCOMPARE(stress.writePdf(path + QStringLiteral(".stress.pdf"), PaperSize::Letter), QString());
        // The same work as a 3,000-row procurement report: lay out, then write (the layout is cached).
        const ReportDocument large = testing::sampleDocument(3000);
        // Wall time and this process's CPU time (the build machine is often busy with other builds).
        QElapsedTimer timer;
        timer.start();
        std::clock_t cpu = std::clock();
        const auto cpuMs = [&cpu] {
            const std::clock_t now = std::clock();
            const auto ms = static_cast<long long>((now - cpu) * 1000 / CLOCKS_PER_SEC);
            cpu = now;
            return ms;
        };
        const int pages = large.layout(PaperSize::A4).pageCount;
        const qint64 layoutMs = timer.restart();
        const long long layoutCpu = cpuMs();
        const QByteArray pdf = large.toPdf(PaperSize::A4);
        const qint64 pdfMs = timer.restart();
        const long long pdfCpu = cpuMs();
        qInfo("3,000-row document, %d A4 pages: layout %lld ms (CPU %lld ms), PDF writing %lld ms (CPU %lld ms), "
              "%lld bytes",
              pages, layoutMs, layoutCpu, pdfMs, pdfCpu, static_cast<long long>(pdf.size()));
    }
};

QTEST_MAIN(TestReportDocument)
#include "tst_reportdocument.moc"
