// The inspector on the white paper's example: scenario fields validated as typed and applied as one undo
// step, VM profiles edited in the table, a server's name and cards, several servers, a cable.

#include "tests/exampleproject.h"
#include "ui/editing/designselection.h"
#include "ui/editing/document.h"
#include "ui/editing/documenteditor.h"
#include "ui/inspector/cablepage.h"
#include "ui/inspector/devicepage.h"
#include "ui/inspector/fieldvalidation.h"
#include "ui/inspector/inspector.h"
#include "ui/inspector/multiselectionpage.h"
#include "ui/inspector/scenariopage.h"
#include "ui/inspector/vmprofilesmodel.h"

#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace iovplan;
using ui::Inspector;

class TestInspector : public QObject
{
    Q_OBJECT

private:
    struct Fixture
    {
        ui::Document document;
        std::unique_ptr<ui::DocumentEditor> editor;
        ui::DesignSelection selection;
        std::unique_ptr<Inspector> inspector;
        ui::ScenarioKey key = 0;

        [[nodiscard]] const design::Scenario &scenario() const { return document.scenario(key); }
        [[nodiscard]] int undoCount() const { return document.undoStack()->count(); }
        template <typename T> T *field(const QString &name) const
        {
            return inspector->findChild<T *>(name);
        }
    };

    /// The example open, its first scenario ("GigE+FC") current, the inspector shown.
    std::unique_ptr<Fixture> openExample()
    {
        auto f = std::make_unique<Fixture>();
        const io::DocumentError error = f->document.open(testing::ciovExamplePath());
        if (!error.message.isEmpty())
            qFatal("cannot open the example: %s", qPrintable(error.message));
        f->editor = std::make_unique<ui::DocumentEditor>(f->document, nullptr);
        f->key = f->document.scenarioKeys().front();
        f->selection.setScenario(f->key);
        f->inspector = std::make_unique<Inspector>(f->document, *f->editor, f->selection);
        f->inspector->resize(460, 900);
        f->inspector->show();
        return f;
    }

    /// Replaces the text of `edit` by typing `text`, as a user does after selecting all.
    static void typeInto(QLineEdit *edit, const QString &text)
    {
        edit->setFocus();
        edit->selectAll();
        QTest::keyClicks(edit, text);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
    }

    void nothingSelectedShowsScenario()
    {
        auto f = openExample();
        QCOMPARE(f->inspector->currentPage(), Inspector::Page::Scenario);
        QCOMPARE(f->field<QLineEdit>(QStringLiteral("scenarioName"))->text(), QStringLiteral("GigE+FC"));
        QCOMPARE(f->field<QLineEdit>(QStringLiteral("pue"))->text(), QStringLiteral("2")); // the example's PUE
        QCOMPARE(f->field<QLineEdit>(QStringLiteral("sla-latency"))->text(), QStringLiteral("2")); // 0.002 s in ms
        QCOMPARE(f->inspector->scenarioPage()->profilesModel()->rowCount(), 1);
    }

    void editingPueIsOneUndoStep()
    {
        auto f = openExample();
        const int before = f->undoCount();
        QLineEdit *pue = f->field<QLineEdit>(QStringLiteral("pue"));
        typeInto(pue, QStringLiteral("1.8"));
        QCOMPARE(f->scenario().assumptions.pue, 1.8);
        QCOMPARE(f->undoCount(), before + 1); // "1", "1.", "1.8" merged into one step
        QCOMPARE(pue->text(), QStringLiteral("1.8"));
        QVERIFY(!ui::isMarkedInvalid(pue));
        QVERIFY(f->inspector->message().isEmpty());
        f->document.undoStack()->undo();
        QCOMPARE(f->scenario().assumptions.pue, 2.0);
        QCOMPARE(pue->text(), QStringLiteral("2")); // re-read on Document::scenarioChanged
    }

    void refusedInputLeavesDocumentUnchanged_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("reason");
        QTest::newRow("PUE below 1") << QStringLiteral("pue") << QStringLiteral("0.5") << QStringLiteral("PUE: must be at least 1");
        QTest::newRow("PUE not a number") << QStringLiteral("pue") << QStringLiteral("abc") << QStringLiteral("not a number");
        QTest::newRow("PUE above 5") << QStringLiteral("pue") << QStringLiteral("7") << QStringLiteral("at most 5");
        QTest::newRow("TCO years fractional") << QStringLiteral("tco-horizon") << QStringLiteral("2.5") << QStringLiteral("whole number");
        QTest::newRow("SLA latency zero") << QStringLiteral("sla-latency") << QStringLiteral("0") << QStringLiteral("more than 0");
        QTest::newRow("maintenance over 100 %") << QStringLiteral("maintenance-override") << QStringLiteral("150") << QStringLiteral("at most 100");
    }
    void refusedInputLeavesDocumentUnchanged()
    {
        QFETCH(QString, field);
        QFETCH(QString, text);
        QFETCH(QString, reason);
        auto f = openExample();
        const design::Scenario before = f->scenario();
        const int undo = f->undoCount();
        QLineEdit *edit = f->field<QLineEdit>(field);
        QVERIFY(edit);
        typeInto(edit, text);
        QCOMPARE(f->scenario(), before);
        QCOMPARE(f->undoCount(), undo);
        QVERIFY(ui::isMarkedInvalid(edit));
        QVERIFY2(f->inspector->message().contains(reason), qPrintable(f->inspector->message()));
        QCOMPARE(edit->toolTip(), f->inspector->message());
        QCOMPARE(edit->text(), text); // the user's text stays for them to fix
    }

    void optionalMaintenanceClearsBack()
    {
        auto f = openExample();
        QLineEdit *maintenance = f->field<QLineEdit>(QStringLiteral("maintenance-override"));
        QVERIFY(maintenance->text().isEmpty()); // the example uses each item's own figure
        typeInto(maintenance, QStringLiteral("12"));
        QCOMPARE(f->scenario().assumptions.maintenancePctOverride, std::optional<double>(12.0));
        maintenance->selectAll();
        QTest::keyClick(maintenance, Qt::Key_Backspace);
        QCOMPARE(f->scenario().assumptions.maintenancePctOverride, std::optional<double>());
    }

    void editingVmsPerServerChangesWorkload()
    {
        auto f = openExample();
        QVERIFY(QTest::qWaitForWindowExposed(f->inspector.get()));
        const int undo = f->undoCount();
        QTableView *view = f->inspector->scenarioPage()->profilesView();
        const QModelIndex cell = view->model()->index(0, ui::VmProfilesModel::VmsPerServerColumn);
        view->setCurrentIndex(cell);
        view->edit(cell);
        auto *editor = view->viewport()->findChild<QLineEdit *>();
        QVERIFY(editor);
        editor->selectAll();
        QTest::keyClicks(editor, QStringLiteral("12"));
        QTest::keyClick(editor, Qt::Key_Return); // the delegate commits on the next event-loop pass
        QTRY_COMPARE(f->scenario().workload.profiles.front().vmsPerServer, 12);
        QCOMPARE(f->undoCount(), undo + 1);
        QCOMPARE(cell.data().toString(), QStringLiteral("12"));
    }

    void refusedProfileEditShowsReason()
    {
        auto f = openExample();
        const design::Workload before = f->scenario().workload;
        ui::VmProfilesModel *model = f->inspector->scenarioPage()->profilesModel();
        QVERIFY(!model->setData(model->index(0, ui::VmProfilesModel::VmsPerServerColumn), QStringLiteral("-3")));
        QCOMPARE(f->scenario().workload, before);
        QVERIFY(f->inspector->message().contains(QStringLiteral("VMs/server")));
    }

    void addAndRemoveProfile()
    {
        auto f = openExample();
        const int undo = f->undoCount();
        f->field<QPushButton>(QStringLiteral("addProfile"))->click();
        QCOMPARE(f->scenario().workload.profiles.size(), std::size_t(2));
        QCOMPARE(f->inspector->scenarioPage()->profilesModel()->rowCount(), 2);
        QTableView *view = f->inspector->scenarioPage()->profilesView();
        view->setCurrentIndex(view->model()->index(1, 0));
        f->field<QPushButton>(QStringLiteral("removeProfile"))->click();
        QCOMPARE(f->scenario().workload.profiles.size(), std::size_t(1));
        QCOMPARE(f->undoCount(), undo + 2);
    }

    void selectingServerShowsNameAndCards()
    {
        auto f = openExample();
        f->selection.setIds({QStringLiteral("srv-001")});
        QCOMPARE(f->inspector->currentPage(), Inspector::Page::Device);
        QCOMPARE(f->inspector->devicePage()->kind(), ui::DevicePage::Kind::Server);
        QCOMPARE(f->field<QLineEdit>(QStringLiteral("deviceName"))->text(), QStringLiteral("esx-001"));
        QCOMPARE(f->field<QLineEdit>(QStringLiteral("group"))->text(), QStringLiteral("vm-hosts"));
        QStringList expected;
        for (const design::SlotItem &card : f->scenario().design.servers.front().adapters)
            expected << QStringLiteral("Slot %1: %2").arg(card.slot).arg(design::displayName(f->document.catalog().at(card.itemId)));
        QCOMPARE(expected.size(), 3); // one quad NIC and two FC HBAs in the GigE+FC design
        QCOMPARE(f->inspector->devicePage()->cardLines(), expected);
        QVERIFY(f->field<QPushButton>(QStringLiteral("removeCard2")));
    }

    void renamingServerAppliesAsTyped()
    {
        auto f = openExample();
        f->selection.setIds({QStringLiteral("srv-001")});
        const int undo = f->undoCount();
        typeInto(f->field<QLineEdit>(QStringLiteral("deviceName")), QStringLiteral("db-01"));
        QCOMPARE(f->scenario().design.servers.front().name, QStringLiteral("db-01"));
        QCOMPARE(f->undoCount(), undo + 1);
        typeInto(f->field<QLineEdit>(QStringLiteral("group")), QString());
        QTest::keyClick(f->field<QLineEdit>(QStringLiteral("group")), Qt::Key_Backspace);
        QCOMPARE(f->scenario().design.servers.front().group, QStringLiteral("vm-hosts"));
        QVERIFY(f->inspector->message().contains(QStringLiteral("must not be empty")));
    }

    void removeCardButton()
    {
        auto f = openExample();
        f->selection.setIds({QStringLiteral("srv-001")});
        const int undo = f->undoCount();
        f->field<QPushButton>(QStringLiteral("removeCard2"))->click();
        const design::Server &server = f->scenario().design.servers.front();
        QCOMPARE(server.adapters.size(), std::size_t(2));
        for (const design::SlotItem &card : server.adapters)
            QVERIFY(card.slot != 2);
        QCOMPARE(f->undoCount(), undo + 1);
        QCOMPARE(f->inspector->devicePage()->cardLines().size(), 2);
    }

    void severalServersShareGroup()
    {
        auto f = openExample();
        f->selection.setIds({QStringLiteral("srv-001"), QStringLiteral("srv-002"), QStringLiteral("rack-1")});
        QCOMPARE(f->inspector->currentPage(), Inspector::Page::Selection);
        QVERIFY2(f->inspector->selectionPage()->summaryText().contains(QStringLiteral("2 servers, 1 rack")),
                 qPrintable(f->inspector->selectionPage()->summaryText()));
        const int undo = f->undoCount();
        QLineEdit *group = f->inspector->selectionPage()->groupField();
        typeInto(group, QStringLiteral("db-hosts"));
        QTest::keyClick(group, Qt::Key_Return);
        QCOMPARE(f->scenario().design.servers.at(0).group, QStringLiteral("db-hosts"));
        QCOMPARE(f->scenario().design.servers.at(1).group, QStringLiteral("db-hosts"));
        QCOMPARE(f->scenario().design.servers.at(2).group, QStringLiteral("vm-hosts"));
        QCOMPARE(f->undoCount(), undo + 1);
    }

    void cableShowsEnds()
    {
        auto f = openExample();
        f->selection.setIds({QStringLiteral("cbl-0001")});
        QCOMPARE(f->inspector->currentPage(), Inspector::Page::Cable);
        const QString ends = f->inspector->cablePage()->endsText();
        QVERIFY2(ends.contains(QStringLiteral("esx-001 (srv-001), slot 1, port 1")), qPrintable(ends));
        QVERIFY2(ends.contains(QStringLiteral("LAN-1A (lan-1a), port 1")), qPrintable(ends));
    }

    void screenshots()
    {
        const QString dir = qEnvironmentVariable("IOVPLAN_SCREENSHOT_DIR");
        if (dir.isEmpty())
            QSKIP("IOVPLAN_SCREENSHOT_DIR not set");
        QDir().mkpath(dir);
        auto f = openExample();
        QVERIFY(QTest::qWaitForWindowExposed(f->inspector.get()));
        // Each page as the user sees it once the event loop has laid it out.
        const auto save = [&f, &dir](const QString &name) {
            QCoreApplication::processEvents();
            return f->inspector->grab().save(dir + u'/' + name);
        };
        typeInto(f->field<QLineEdit>(QStringLiteral("pue")), QStringLiteral("0.5")); // a refused value, shown red
        QVERIFY(save(QStringLiteral("inspector-scenario.png")));
        f->selection.setIds({QStringLiteral("srv-001")});
        QVERIFY(save(QStringLiteral("inspector-server.png")));
        f->selection.setIds({QStringLiteral("cbl-0001")});
        QVERIFY(save(QStringLiteral("inspector-cable.png")));
        f->selection.setIds({QStringLiteral("srv-001"), QStringLiteral("srv-002")});
        QVERIFY(save(QStringLiteral("inspector-selection.png")));
    }
};

QTEST_MAIN(TestInspector)
#include "tst_inspector.moc"
