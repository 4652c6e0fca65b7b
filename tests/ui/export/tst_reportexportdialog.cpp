// File → Export → Report (ui/export/reportexportdialog.h): the dialog on the example lists its 4 scenarios
// and every section; with no scenario Export is disabled and says why; the preview has exactly the pages
// buildProcurementReport lays out for the same options, and follows the paper and the sections; Export
// writes that document (pdfinfo counts the preview's pages) and a failed write keeps the dialog open.
// Screenshots (light and dark) go to /tmp/shots-export/ and to IOVPLAN_SCREENSHOT_DIR when it is set.

#include "tests/exampleproject.h"
#include "tests/reports/pdftools.h"
#include "tests/ui/uitesthelpers.h"

#include "reports/procurement/procurementreport.h"
#include "ui/export/exportfiles.h"
#include "ui/export/reportexportdialog.h"
#include "ui/export/reportpreview.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace iovplan;
using reports::PaperSize;
using reports::ReportSection;

Q_DECLARE_METATYPE(iovplan::reports::PaperSize)
Q_DECLARE_METATYPE(std::vector<iovplan::reports::ReportSection>)

class TestReportExportDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listsScenariosAndSections();
    void noScenarioDisablesExport();
    void previewMatchesReport_data();
    void previewMatchesReport();
    void previewFollowsPaperAndSections();
    void previewRendersAgainWhenWider();
    void exportWritesPreviewedPdf();
    void failedExportKeepsDialogOpen();
    void screenshots_data();
    void screenshots();
};

namespace {

// Evaluating the example's four scenarios with their latency curves takes seconds on a loaded machine:
// a generous bound on waiting, not a timing assertion.
constexpr int previewTimeoutMs = 180'000;

const design::Project &example()
{
    return testing::ciovExample();
}

/// The page count buildProcurementReport lays out for `options`, computed here without the dialog.
int expectedPageCount(const reports::ReportOptions &options)
{
    const reports::ReportInputs inputs = reports::evaluateReportInputs(example(), options);
    return reports::buildProcurementReport(example(), inputs, options).layout(options.paper).pageCount;
}

QStringList itemTexts(const QListWidget *list)
{
    QStringList texts;
    for (int row = 0; row < list->count(); ++row)
        texts << list->item(row)->text();
    return texts;
}

int checkedCount(const QListWidget *list)
{
    int checked = 0;
    for (int row = 0; row < list->count(); ++row)
        checked += list->item(row)->checkState() == Qt::Checked ? 1 : 0;
    return checked;
}

void saveScreenshot(QWidget *widget, const QString &name)
{
    QStringList dirs { QStringLiteral("/tmp/shots-export") };
    if (!qEnvironmentVariable("IOVPLAN_SCREENSHOT_DIR").isEmpty())
        dirs << qEnvironmentVariable("IOVPLAN_SCREENSHOT_DIR");
    QApplication::processEvents(); // let the layouts settle after the last change
    const QPixmap shot = widget->grab();
    for (const QString &dir : dirs) {
        QDir().mkpath(dir);
        QVERIFY(shot.save(QDir(dir).filePath(name)));
    }
}

} // namespace

void TestReportExportDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestReportExportDialog::listsScenariosAndSections()
{
    ui::ReportExportDialog dialog(example());
    QStringList names;
    for (const design::Scenario &s : example().scenarios)
        names << s.name;
    QCOMPARE(names.size(), 4);
    QCOMPARE(itemTexts(dialog.scenarioList()), names); // project order
    QCOMPARE(checkedCount(dialog.scenarioList()), 4);

    QStringList titles;
    for (ReportSection section : reports::allReportSections())
        titles << reports::reportSectionTitle(section);
    QCOMPARE(itemTexts(dialog.sectionList()), titles);
    QCOMPARE(checkedCount(dialog.sectionList()), static_cast<int>(titles.size()));

    QCOMPARE(dialog.baselineBox()->count(), 4);
    QCOMPARE(dialog.baselineBox()->currentText(), names.first());
    QCOMPARE(dialog.authorEdit()->text(), example().author);
    QCOMPARE(dialog.paperBox()->currentText(), QStringLiteral("A4"));

    const reports::ReportOptions options = dialog.reportOptions();
    QCOMPARE(options.scenarios, names);
    QCOMPARE(options.sections, reports::allReportSections());
    QCOMPARE(options.baseline, names.first());
    QCOMPARE(ui::ReportExportDialog::suggestedFileName(example()), ui::exportFileName(example().name, QStringLiteral("report.pdf")));
}

void TestReportExportDialog::noScenarioDisablesExport()
{
    ui::ReportExportDialog dialog(example());
    QTRY_VERIFY_WITH_TIMEOUT(dialog.exportButton()->isEnabled(), previewTimeoutMs);
    for (const design::Scenario &s : example().scenarios)
        dialog.setScenarioChecked(s.name, false);

    QVERIFY(!dialog.exportButton()->isEnabled());
    QVERIFY(!dialog.exportBlockedReason().isEmpty());
    QVERIFY(dialog.exportBlockedReason().contains(QStringLiteral("scenario")));
    const auto *reason = dialog.findChild<QLabel *>(QStringLiteral("exportReason"));
    QVERIFY(reason);
    QCOMPARE(reason->text(), dialog.exportBlockedReason());
    QCOMPARE(dialog.baselineBox()->count(), 0);
    QCOMPARE(dialog.preview()->pageCount(), 0);
    QVERIFY(!dialog.preview()->message().isEmpty());
    QVERIFY(!dialog.isPreviewReady());

    // One scenario back: a preview of it, and Export again.
    dialog.setScenarioChecked(example().scenarios.back().name, true);
    QCOMPARE(dialog.baselineBox()->currentText(), example().scenarios.back().name);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.exportButton()->isEnabled(), previewTimeoutMs);
    QCOMPARE(dialog.previewOptions().scenarios, QStringList { example().scenarios.back().name });
    QVERIFY(reason->text().isEmpty());
}

void TestReportExportDialog::previewMatchesReport_data()
{
    QTest::addColumn<PaperSize>("paper");
    QTest::addColumn<QStringList>("unchecked"); // scenarios left out
    QTest::addColumn<std::vector<ReportSection>>("omitted");
    QTest::newRow("A4, everything") << PaperSize::A4 << QStringList() << std::vector<ReportSection>();
    QTest::newRow("Letter, everything") << PaperSize::Letter << QStringList() << std::vector<ReportSection>();
    QTest::newRow("A4, two scenarios, no racks or sources")
        << PaperSize::A4 << QStringList { example().scenarios[1].name, example().scenarios[3].name }
        << std::vector<ReportSection> { ReportSection::Racks, ReportSection::Sources };
    QTest::newRow("Letter, summary only")
        << PaperSize::Letter << QStringList()
        << std::vector<ReportSection> { ReportSection::Comparison, ReportSection::BillOfMaterials, ReportSection::Power,
                                        ReportSection::Tco, ReportSection::Performance, ReportSection::Racks,
                                        ReportSection::Problems, ReportSection::Assumptions, ReportSection::Sources,
                                        ReportSection::ModelNotes };
}

void TestReportExportDialog::previewMatchesReport()
{
    QFETCH(PaperSize, paper);
    QFETCH(QStringList, unchecked);
    QFETCH(std::vector<ReportSection>, omitted);

    ui::ReportExportDialog dialog(example());
    QSignalSpy ready(&dialog, &ui::ReportExportDialog::previewReady);
    dialog.setPaper(paper);
    for (const QString &name : unchecked)
        dialog.setScenarioChecked(name, false);
    for (ReportSection section : omitted)
        dialog.setSectionChecked(section, false);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isPreviewReady(), previewTimeoutMs);
    QVERIFY(ready.count() >= 1);

    const reports::ReportOptions options = dialog.reportOptions();
    QCOMPARE(options.paper, paper);
    QCOMPARE(options.scenarios.size(), example().scenarios.size() - static_cast<std::size_t>(unchecked.size()));
    QCOMPARE(options.sections.size(), reports::allReportSections().size() - omitted.size());
    QCOMPARE(dialog.previewOptions().scenarios, options.scenarios);
    QCOMPARE(dialog.previewOptions().sections, options.sections);

    const int expected = expectedPageCount(options);
    QVERIFY(expected >= 2); // cover and contents at least
    QCOMPARE(dialog.previewPageCount(), expected);
    QCOMPARE(dialog.preview()->pageCount(), expected);
    const auto *pageLabel = dialog.findChild<QLabel *>(QStringLiteral("exportPageLabel"));
    QVERIFY(pageLabel);
    QCOMPARE(pageLabel->text(), QStringLiteral("Page 1 of %1").arg(expected));

    QTRY_VERIFY_WITH_TIMEOUT(dialog.isPreviewComplete(), previewTimeoutMs);
    QCOMPARE(dialog.preview()->renderedPageCount(), expected);
}

void TestReportExportDialog::previewFollowsPaperAndSections()
{
    ui::ReportExportDialog dialog(example());
    dialog.resize(1000, 700);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isPreviewComplete(), previewTimeoutMs);
    const int a4Pages = dialog.previewPageCount();
    const QImage a4 = dialog.preview()->pageImage(0);
    QVERIFY(!a4.isNull());
    QVERIFY(qAbs(double(a4.height()) / a4.width() - 297.0 / 210.0) < 0.01);

    dialog.setPaper(PaperSize::Letter);
    QVERIFY(!dialog.isPreviewReady()); // the A4 pages no longer answer the choices
    QVERIFY(!dialog.exportButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isPreviewComplete(), previewTimeoutMs);
    QCOMPARE(dialog.previewOptions().paper, PaperSize::Letter);
    const QImage letter = dialog.preview()->pageImage(0);
    QVERIFY(qAbs(double(letter.height()) / letter.width() - 11.0 / 8.5) < 0.01);
    QCOMPARE(dialog.previewPageCount(), expectedPageCount(dialog.reportOptions()));

    // Fewer sections, fewer pages: the bill of materials and the rack drawings take pages of their own.
    dialog.setSectionChecked(ReportSection::BillOfMaterials, false);
    dialog.setSectionChecked(ReportSection::Racks, false);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isPreviewReady(), previewTimeoutMs);
    QVERIFY(dialog.previewPageCount() < expectedPageCount([] {
        reports::ReportOptions letterAll;
        letterAll.paper = PaperSize::Letter;
        return letterAll;
    }()));
    QCOMPARE(dialog.previewPageCount(), expectedPageCount(dialog.reportOptions()));
    QVERIFY(a4Pages > 0);
}

void TestReportExportDialog::previewRendersAgainWhenWider()
{
    ui::ReportExportDialog dialog(example());
    dialog.setSectionChecked(ReportSection::ModelNotes, false); // fewer pages to render twice
    dialog.resize(900, 700);
    dialog.show();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isPreviewComplete(), previewTimeoutMs);
    const int narrow = dialog.preview()->pageImage(0).width();
    // Drawn for about the width shown (a small change of width keeps the pages, scaled).
    QVERIFY(narrow > dialog.preview()->pageRect(0).width() * 0.7 && narrow < dialog.preview()->pageRect(0).width() * 1.5);

    dialog.resize(1600, 900);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.preview()->pageImage(0).width() > narrow * 5 / 4, previewTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isPreviewComplete(), previewTimeoutMs);
    QVERIFY(qAbs(dialog.preview()->pageImage(0).width() - dialog.preview()->pageRect(0).width()) <= 2);
    QCOMPARE(dialog.preview()->renderedPageCount(), dialog.previewPageCount());
}

void TestReportExportDialog::exportWritesPreviewedPdf()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("report.pdf"));

    ui::ReportExportDialog dialog(example());
    dialog.setPaper(PaperSize::Letter);
    dialog.setSectionChecked(ReportSection::ModelNotes, false);
    dialog.setAuthor(QStringLiteral("Test Author"));
    dialog.show();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isPreviewReady(), previewTimeoutMs);
    QSignalSpy exported(&dialog, &ui::ReportExportDialog::reportExported);
    QVERIFY(dialog.exportTo(path));
    QCOMPARE(exported.count(), 1);
    QCOMPARE(exported.first().first().toString(), path);
    QCOMPARE(dialog.exportedPath(), path);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());
    QVERIFY(QFileInfo(path).size() > 0);

    if (QStandardPaths::findExecutable(QStringLiteral("pdfinfo")).isEmpty())
        QSKIP("pdfinfo (poppler-utils) is not installed");
    const QString info = QString::fromUtf8(testing::runTool(QStringLiteral("pdfinfo"), { path }));
    QString pages, size, author;
    for (const QString &line : info.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("Pages:")))
            pages = line.mid(6).trimmed();
        if (line.startsWith(QLatin1String("Page size:")))
            size = line.mid(10).trimmed();
        if (line.startsWith(QLatin1String("Author:")))
            author = line.mid(7).trimmed();
    }
    QCOMPARE(pages.toInt(), dialog.previewPageCount());
    QVERIFY2(size.contains(QLatin1String("612 x 792")), qPrintable(size)); // Letter in points
    QCOMPARE(author, QStringLiteral("Test Author"));
}

void TestReportExportDialog::failedExportKeepsDialogOpen()
{
    ui::ReportExportDialog dialog(example());
    dialog.show();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isPreviewReady(), previewTimeoutMs);

    QString shownError;
    QTimer::singleShot(0, this, [&shownError] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (box) {
            shownError = box->text();
            box->accept();
        }
    });
    QSignalSpy exported(&dialog, &ui::ReportExportDialog::reportExported);
    const QString badPath = QStringLiteral("/nonexistent-folder-iovplan/report.pdf");
    QVERIFY(!dialog.exportTo(badPath));
    QVERIFY2(shownError.contains(badPath), qPrintable(shownError));
    QCOMPARE(exported.count(), 0);
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.exportedPath().isEmpty());
    QVERIFY(dialog.exportButton()->isEnabled());
}

void TestReportExportDialog::screenshots_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestReportExportDialog::screenshots()
{
    QFETCH(bool, dark);
    ui::ReportExportDialog dialog(example());
    if (dark)
        dialog.setPalette(testing::darkPalette());
    dialog.resize(1040, 760);
    dialog.show();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isPreviewComplete(), previewTimeoutMs);
    dialog.preview()->scrollToPage(2);
    QCOMPARE(dialog.preview()->currentPage(), 2);
    const auto *pageLabel = dialog.findChild<QLabel *>(QStringLiteral("exportPageLabel"));
    QCOMPARE(pageLabel->text(), QStringLiteral("Page 3 of %1").arg(dialog.previewPageCount()));
    // Where one page ends and the next begins, so the page numbers show.
    dialog.preview()->verticalScrollBar()->setValue(dialog.preview()->verticalScrollBar()->value() - 400);
    QCOMPARE(dialog.preview()->currentPage(), 1);
    QCOMPARE(pageLabel->text(), QStringLiteral("Page 2 of %1").arg(dialog.previewPageCount()));
    saveScreenshot(&dialog, dark ? QStringLiteral("export-dialog-dark.png") : QStringLiteral("export-dialog-light.png"));

    // The state a user meets before choosing a scenario.
    for (const design::Scenario &s : example().scenarios)
        dialog.setScenarioChecked(s.name, false);
    saveScreenshot(&dialog, dark ? QStringLiteral("export-dialog-empty-dark.png") : QStringLiteral("export-dialog-empty-light.png"));
}

QTEST_MAIN(TestReportExportDialog)
#include "tst_reportexportdialog.moc"
