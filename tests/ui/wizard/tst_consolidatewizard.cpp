// The "Consolidate..." wizard (issue 5, part 2) on the white paper's GigE+FC scenario with a scratch
// catalog database: preselection, the review page, the accepted plan, a refused plan.
#include "catalogs/catalogdatabase.h"
#include "model/edit/consolidation.h"
#include "tests/exampleproject.h"
#include "ui/wizard/consolidatewizard.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace iovplan;

namespace {

design::Scenario gigeFc() { return testing::exampleScenario(QStringLiteral("GigE+FC")); }

// The combo box whose buddy label reads `label` (without the '&').
QComboBox *comboLabelled(QWizard &wizard, const QString &label)
{
    for (QLabel *l : wizard.findChildren<QLabel *>()) {
        if (QString(l->text()).remove(QLatin1Char('&')) == label)
            return qobject_cast<QComboBox *>(l->buddy());
    }
    return nullptr;
}

void saveScreenshot(QWidget &widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("IOVPLAN_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QVERIFY(widget.grab().save(QDir(dir).filePath(name)));
}

} // namespace

class TestConsolidateWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void preselectsTheProposal();
    void reviewShowsTheStepsAndAcceptGivesThePlan();
    void catalogItemIsPinnedWhenChosen();
    void refusedPlanDisablesFinish();
    void worksWithoutADatabase();

private:
    QTemporaryDir m_dir;
    catalogs::CatalogDatabase m_db;
};

void TestConsolidateWizard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QCOMPARE(m_db.open(m_dir.filePath(QStringLiteral("catalog.sqlite")), QStringLiteral("wizard-tests")), QString());
    QVERIFY(m_db.ensureShippedCatalog().ok());
}

void TestConsolidateWizard::preselectsTheProposal()
{
    ui::ConsolidateWizard wizard(gigeFc(), testing::ciovExample().catalog, &m_db);
    // The database adds items the project does not pin (the ConnectX HCA, the Xsigo chassis, ...).
    QVERIFY(wizard.offeredCatalog().count(QStringLiteral("mellanox-mhgh28-xtc")) == 1);
    QVERIFY(wizard.offeredCatalog().count(QStringLiteral("xsigo-vp780")) == 1);
    QVERIFY(wizard.offeredCatalog().count(QStringLiteral("hp-proliant-dl380-g5")) == 1); // the project's own
    QVERIFY(wizard.offeredCatalog().count(QStringLiteral("cisco-catalyst-3750g-48ts")) == 1);
    QVERIFY(wizard.offeredCatalog().count(QStringLiteral("hp-procurve-2900-48g")) == 0); // no role: not offered

    const edit::ConsolidationOptions expected
        = edit::proposeConsolidation(gigeFc(), wizard.offeredCatalog(), wizard.projectItemIds());
    QCOMPARE(wizard.options(), expected);
    // The white paper's choice, from the project's pins.
    QCOMPARE(wizard.options().hcaItemId, QStringLiteral("mellanox-mhga28-xtc"));
    QCOMPARE(wizard.options().gatewayItemId, QStringLiteral("cisco-sfs-3012"));
    QComboBox *hca = comboLabelled(wizard, QStringLiteral("HCA:"));
    QVERIFY(hca != nullptr);
    QVERIFY(hca->currentText().contains(QStringLiteral("MHGA28-XTC")));
    QVERIFY(hca->count() >= 5); // the 2007 and current catalogs' HCAs
    QComboBox *fc = comboLabelled(wizard, QStringLiteral("FC module:"));
    QVERIFY(fc != nullptr);
    for (int i = 0; i < fc->count(); ++i) // modules of the chosen chassis only
        QVERIFY2(fc->itemData(i).toString().startsWith(QStringLiteral("cisco-sfs-3012")), qPrintable(fc->itemText(i)));
}

void TestConsolidateWizard::reviewShowsTheStepsAndAcceptGivesThePlan()
{
    ui::ConsolidateWizard wizard(gigeFc(), testing::ciovExample().catalog, &m_db);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    saveScreenshot(wizard, QStringLiteral("consolidate-wizard-choices.png"));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ui::ConsolidateWizard::ReviewPage));

    const edit::ConsolidationPlan expected = edit::planConsolidation(
        gigeFc(), wizard.offeredCatalog(), edit::proposeConsolidation(gigeFc(), wizard.offeredCatalog(), wizard.projectItemIds()));
    QVERIFY(expected.ok());
    auto *steps = wizard.findChild<QTextBrowser *>(QStringLiteral("steps"));
    QVERIFY(steps != nullptr && steps->isVisible());
    QVERIFY(expected.steps.size() >= 5);
    const QString shown = steps->toPlainText();
    qsizetype at = 0; // every step's what and why, in order
    for (const edit::ConsolidationStep &step : expected.steps) {
        at = shown.indexOf(step.what, at);
        QVERIFY2(at >= 0, qPrintable(step.what));
        at = shown.indexOf(step.why, at);
        QVERIFY2(at >= 0, qPrintable(step.why));
    }
    auto *figures = wizard.findChild<QTableWidget *>();
    QVERIFY(figures != nullptr);
    QAbstractItemModelTester figuresTester(figures->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(figures->verticalHeaderItem(0)->text(), QStringLiteral("I/O purchase"));
    QCOMPARE(figures->item(0, 0)->text(), QStringLiteral("$873,792.00")); // docs/ciov-whitepaper-example.md
    QCOMPARE(figures->item(0, 1)->text(), QStringLiteral("$384,798.00")); // same as the example's IB scenario
    QVERIFY(figures->item(0, 2)->text().startsWith(QStringLiteral("−")));
    QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
    saveScreenshot(wizard, QStringLiteral("consolidate-wizard-review.png"));

    wizard.accept();
    QCOMPARE(wizard.result(), int(QDialog::Accepted));
    QCOMPARE(wizard.plan(), expected);
    // The plan uses project items only here: the catalog handed back is the project's.
    QCOMPARE(wizard.catalog(), testing::ciovExample().catalog);
}

void TestConsolidateWizard::catalogItemIsPinnedWhenChosen()
{
    ui::ConsolidateWizard wizard(gigeFc(), testing::ciovExample().catalog, &m_db);
    QComboBox *hca = comboLabelled(wizard, QStringLiteral("HCA:"));
    QVERIFY(hca != nullptr);
    const int connectX = hca->findData(QStringLiteral("mellanox-mhgh28-xtc"));
    QVERIFY(connectX >= 0);
    QVERIFY(hca->itemText(connectX).contains(QStringLiteral("from the catalog")));
    hca->setCurrentIndex(connectX);
    wizard.show();
    wizard.next();
    QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
    wizard.accept();
    QVERIFY(wizard.plan().ok());
    QCOMPARE(wizard.plan().scenario->design.servers.front().adapters.front().itemId, QStringLiteral("mellanox-mhgh28-xtc"));
    const design::PinnedCatalog catalog = wizard.catalog();
    QCOMPARE(catalog.size(), testing::ciovExample().catalog.size() + 1);
    QCOMPARE(catalog.at(QStringLiteral("mellanox-mhgh28-xtc")).priceUsd, 950.0); // catalogs/data/items.csv
}

void TestConsolidateWizard::refusedPlanDisablesFinish()
{
    ui::ConsolidateWizard wizard(gigeFc(), testing::ciovExample().catalog, &m_db);
    // Passthrough needs a ConnectX-class HCA; the preselected InfiniHost III does software and native only.
    QRadioButton *passthrough = nullptr;
    for (QRadioButton *b : wizard.findChildren<QRadioButton *>()) {
        if (b->text() == u"Passthrough")
            passthrough = b;
    }
    QVERIFY(passthrough != nullptr);
    passthrough->setChecked(true);
    wizard.show();
    wizard.next();
    QCOMPARE(wizard.currentId(), int(ui::ConsolidateWizard::ReviewPage));
    QVERIFY(!wizard.plan().ok());
    QVERIFY(!wizard.button(QWizard::FinishButton)->isEnabled());
    bool reasonShown = false;
    for (QLabel *l : wizard.findChildren<QLabel *>())
        reasonShown = reasonShown || (l->isVisible() && l->text().contains(QStringLiteral("not passthrough")));
    QVERIFY(reasonShown);
    saveScreenshot(wizard, QStringLiteral("consolidate-wizard-refused.png"));

    // Back, choose software again: the plan is built and Finish comes back.
    wizard.back();
    passthrough->setChecked(false);
    for (QRadioButton *b : wizard.findChildren<QRadioButton *>()) {
        if (b->text() == u"Software")
            b->setChecked(true);
    }
    wizard.next();
    QVERIFY(wizard.plan().ok());
    QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
}

void TestConsolidateWizard::worksWithoutADatabase()
{
    ui::ConsolidateWizard wizard(gigeFc(), testing::ciovExample().catalog, nullptr);
    QCOMPARE(wizard.offeredCatalog(), testing::ciovExample().catalog);
    QCOMPARE(wizard.options().hcaItemId, QStringLiteral("mellanox-mhga28-xtc"));
    wizard.show();
    wizard.next();
    QVERIFY(wizard.plan().ok());
}

QTEST_MAIN(TestConsolidateWizard)
#include "tst_consolidatewizard.moc"
