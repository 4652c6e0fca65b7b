// The editing core: the document's undo stack restores the project exactly, one gesture is one step,
// continuous edits merge, nothing-changing edits push nothing, scenarios can be added, copied, renamed and
// removed, and the background evaluation always ends on the newest revision.
#include "ui/editing/designselection.h"
#include "ui/editing/document.h"
#include "ui/editing/documenteditor.h"
#include "ui/editing/evaluationservice.h"

#include "model/io/projectdocument.h"
#include "tests/exampleproject.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace iovplan;
using iovplan::ui::Document;
using iovplan::ui::DocumentEditor;
using iovplan::ui::EvaluationService;
using iovplan::ui::ScenarioKey;

namespace {

/// A document holding the white paper's example, opened from its file.
void openExample(Document &document)
{
    const io::DocumentError error = document.open(testing::ciovExamplePath());
    if (!error.message.isEmpty())
        QFAIL(qPrintable(error.message));
}

ScenarioKey keyNamed(const Document &document, const QString &name)
{
    for (ScenarioKey key : document.scenarioKeys()) {
        if (document.scenario(key).name == name)
            return key;
    }
    return 0;
}

} // namespace

class TestDocumentEditing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void newDocumentHasOneScenarioWithARack()
    {
        Document document;
        QCOMPARE(document.scenarioKeys().size(), std::size_t(1));
        const design::Scenario &scenario = document.scenario(document.scenarioKeys().front());
        QCOMPARE(scenario.design.racks.size(), std::size_t(1));
        QCOMPARE(scenario.design.racks.front().heightU, 42);
        QVERIFY(!document.isModified());
        QCOMPARE(document.displayName(), QStringLiteral("Untitled"));
    }

    void openReadsTheProjectAndRefusesABadFileUntouched()
    {
        Document document;
        openExample(document);
        QCOMPARE(document.project(), testing::ciovExample());
        QCOMPARE(document.displayName(), QStringLiteral("ciov-whitepaper.iovplan"));
        QTemporaryDir dir;
        QFile bad(dir.filePath(QStringLiteral("bad.iovplan")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(R"({"format": "iovplan", "version": 99})");
        bad.close();
        const io::DocumentError error = document.open(bad.fileName());
        QVERIFY(error.message.contains(QStringLiteral("newer")));
        QCOMPARE(document.project(), testing::ciovExample()); // the open project is kept
    }

    // Settings edits: one undo step each, undo/redo restore the project byte for byte, invalid values refused.
    void assumptionEditsUndoExactly()
    {
        Document document;
        openExample(document);
        DocumentEditor editor(document, nullptr);
        const ScenarioKey key = document.scenarioKeys().front();
        QSignalSpy changed(&document, &Document::scenarioChanged);
        design::Assumptions assumptions = document.scenario(key).assumptions;
        assumptions.pue = 1.8;
        QVERIFY(editor.setAssumptions(key, assumptions, QStringLiteral("PUE")).ok());
        QCOMPARE(document.undoStack()->count(), 1);
        QCOMPARE(document.scenario(key).assumptions.pue, 1.8);
        QCOMPARE(changed.count(), 1);
        QVERIFY(document.isModified());
        document.undoStack()->undo();
        QCOMPARE(document.project(), testing::ciovExample());
        QVERIFY(!document.isModified());
        document.undoStack()->redo();
        QCOMPARE(document.scenario(key).assumptions.pue, 1.8);
        QCOMPARE(io::writeProjectJson(document.project()).count("\"pue\": 1.8"), 1);

        assumptions.pue = 0.5;
        QVERIFY(editor.setAssumptions(key, assumptions, QStringLiteral("PUE")).refusal.contains(QStringLiteral("PUE")));
        QCOMPARE(document.undoStack()->count(), 1);
        QCOMPARE(document.scenario(key).assumptions.pue, 1.8);
    }

    // Typing 1.6, 1.7, 1.75 into one field is one step; typing back to the start leaves nothing to undo.
    void continuousEditsMergeAndReturningToTheStartIsObsolete()
    {
        Document document;
        openExample(document);
        DocumentEditor editor(document, nullptr);
        const ScenarioKey key = document.scenarioKeys().front();
        design::Assumptions assumptions = document.scenario(key).assumptions;
        const double original = assumptions.pue;
        for (double pue : {1.6, 1.7, 1.75}) {
            assumptions.pue = pue;
            QVERIFY(editor.setAssumptions(key, assumptions, QStringLiteral("PUE")).ok());
        }
        QCOMPARE(document.undoStack()->count(), 1);
        assumptions.years = 5;
        QVERIFY(editor.setAssumptions(key, assumptions, QStringLiteral("years")).ok());
        QCOMPARE(document.undoStack()->count(), 2); // another field: another step
        document.undoStack()->undo();
        document.undoStack()->undo();
        QCOMPARE(document.scenario(key).assumptions.pue, original);

        Document again;
        openExample(again);
        DocumentEditor editor2(again, nullptr);
        design::Assumptions a = again.scenario(key).assumptions;
        a.pue = 1.9;
        QVERIFY(editor2.setAssumptions(key, a, QStringLiteral("PUE")).ok());
        a.pue = original;
        QVERIFY(editor2.setAssumptions(key, a, QStringLiteral("PUE")).ok());
        QCOMPARE(again.undoStack()->count(), 0);
        QVERIFY(!again.isModified());
    }

    void editsThatChangeNothingPushNothing()
    {
        Document document;
        openExample(document);
        DocumentEditor editor(document, nullptr);
        const ScenarioKey key = document.scenarioKeys().front();
        QVERIFY(editor.setAssumptions(key, document.scenario(key).assumptions, QStringLiteral("PUE")).ok());
        QVERIFY(editor.setIovMode(key, document.scenario(key).iovMode).ok());
        QVERIFY(editor.setServer(key, document.scenario(key).design.servers.front(), QStringLiteral("name")).ok());
        QCOMPARE(document.undoStack()->count(), 0);
    }

    void serverPropertiesAreValidated()
    {
        Document document;
        openExample(document);
        DocumentEditor editor(document, nullptr);
        const ScenarioKey key = document.scenarioKeys().front();
        design::Server server = document.scenario(key).design.servers.front();
        server.name = QStringLiteral("db-primary");
        QVERIFY(editor.setServer(key, server, QStringLiteral("name")).ok());
        QCOMPARE(document.scenario(key).design.servers.front().name, QStringLiteral("db-primary"));
        server.name = QStringLiteral("  ");
        QVERIFY(!editor.setServer(key, server, QStringLiteral("name")).ok());
        server.id = QStringLiteral("no-such-server");
        server.name = QStringLiteral("x");
        QVERIFY(editor.setServer(key, server, QStringLiteral("name")).refusal.contains(QStringLiteral("no-such-server")));
        QCOMPARE(document.undoStack()->count(), 1);
    }

    void scenariosAddDuplicateRenameRemoveAndUndo()
    {
        Document document;
        openExample(document);
        DocumentEditor editor(document, nullptr);
        const ScenarioKey gige = keyNamed(document, QStringLiteral("GigE+FC"));
        QVERIFY(gige != 0);
        const ScenarioKey copy = editor.duplicateScenario(gige);
        QCOMPARE(document.scenarioKeys().size(), std::size_t(5));
        QCOMPARE(document.indexOf(copy), document.indexOf(gige) + 1);
        QCOMPARE(document.scenario(copy).name, QStringLiteral("GigE+FC (copy)"));
        QCOMPARE(document.scenario(copy).design, document.scenario(gige).design);

        QVERIFY(editor.renameScenario(copy, QStringLiteral("GigE+FC 2010")).ok());
        QVERIFY(editor.renameScenario(copy, QStringLiteral("IB native IOV")).refusal.contains(QStringLiteral("already")));
        QVERIFY(!editor.renameScenario(copy, QString()).ok());
        QCOMPARE(document.scenario(copy).name, QStringLiteral("GigE+FC 2010"));

        const ScenarioKey added = editor.addScenario(QStringLiteral("Greenfield"));
        QCOMPARE(document.scenario(added).design.racks.size(), std::size_t(1));
        QVERIFY(editor.removeScenario(gige).ok());
        QVERIFY(!document.contains(gige));
        QCOMPARE(document.undoStack()->count(), 4);

        while (document.undoStack()->canUndo())
            document.undoStack()->undo();
        QCOMPARE(document.project(), testing::ciovExample());
        QVERIFY(document.contains(gige)); // the same key comes back with the scenario
        while (document.undoStack()->canRedo())
            document.undoStack()->redo();
        QCOMPARE(document.scenarioKeys().size(), std::size_t(5));
        QVERIFY(document.contains(copy) && document.contains(added) && !document.contains(gige));
    }

    void theLastScenarioStays()
    {
        Document document;
        DocumentEditor editor(document, nullptr);
        QVERIFY(editor.removeScenario(document.scenarioKeys().front()).refusal.contains(QStringLiteral("at least one")));
        QCOMPARE(document.scenarioKeys().size(), std::size_t(1));
    }

    void saveRoundTripAndCleanState()
    {
        Document document;
        openExample(document);
        DocumentEditor editor(document, nullptr);
        const ScenarioKey key = document.scenarioKeys().back();
        QVERIFY(editor.setIovMode(key, design::IovMode::Passthrough).ok());
        QSignalSpy fileState(&document, &Document::fileStateChanged);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("copy.iovplan"));
        QVERIFY(document.save(path).ok);
        QVERIFY(!document.isModified());
        QVERIFY(fileState.count() >= 1);
        QCOMPARE(document.displayName(), QStringLiteral("copy.iovplan"));
        Document reread;
        QVERIFY(reread.open(path).message.isEmpty());
        QCOMPARE(reread.project(), document.project());
        // Undoing past the save point makes the document modified again.
        document.undoStack()->undo();
        QVERIFY(document.isModified());
    }

    void adoptedProjectIsModified()
    {
        Document document;
        document.adopt(testing::ciovExample(), QStringLiteral("/nowhere/x.iovplan"), io::currentDocumentVersion);
        QVERIFY(document.isModified());
        QCOMPARE(document.project(), testing::ciovExample());
    }

    void cardIdsSplit()
    {
        QCOMPARE(ui::DesignSelection::cardId(QStringLiteral("server-3"), 2), QStringLiteral("server-3/slot2"));
        QString device;
        int slot = 0;
        QVERIFY(ui::DesignSelection::splitCardId(QStringLiteral("server-3/slot2"), &device, &slot));
        QCOMPARE(device, QStringLiteral("server-3"));
        QCOMPARE(slot, 2);
        QVERIFY(!ui::DesignSelection::splitCardId(QStringLiteral("server-3"), &device, &slot));
        QVERIFY(!ui::DesignSelection::splitCardId(QStringLiteral("server-3/slotx"), &device, &slot));
    }

    // Every scenario is evaluated off the GUI thread; its metrics equal iov::evaluate's.
    void evaluatesEveryScenario()
    {
        Document document;
        openExample(document);
        EvaluationService service(document);
        QSignalSpy evaluated(&service, &EvaluationService::evaluated);
        QVERIFY(service.waitForIdle());
        QCOMPARE(evaluated.count(), 4);
        for (ScenarioKey key : document.scenarioKeys()) {
            const ui::EvaluationPtr result = service.latest(key);
            QVERIFY(result);
            QVERIFY(!service.isPending(key));
            const iov::ScenarioMetrics direct = iov::evaluate(document.scenario(key), document.catalog());
            QCOMPARE(result->metrics.rollup.cost.ioPurchase, direct.rollup.cost.ioPurchase);
            QCOMPARE(result->metrics.performance.maxVmsPerServer, direct.performance.maxVmsPerServer);
            QVERIFY(result->elapsedMs > 0.0);
        }
    }

    // Ten edits in a row: the service ends on the last one and never announces an older revision after it.
    void newerEditsSupersedeOlderOnes()
    {
        Document document;
        openExample(document);
        DocumentEditor editor(document, nullptr);
        EvaluationService service(document);
        QVERIFY(service.waitForIdle());
        const ScenarioKey key = document.scenarioKeys().front();
        QSignalSpy evaluated(&service, &EvaluationService::evaluated);
        design::Workload workload = document.scenario(key).workload;
        for (int vms = 1; vms <= 10; ++vms) {
            workload.profiles.front().vmsPerServer = vms;
            QVERIFY(editor.setWorkload(key, workload, QStringLiteral("VMs %1").arg(vms)).ok());
        }
        QVERIFY(service.isPending(key));
        QVERIFY(service.waitForIdle());
        // The first edit's evaluation ran on; the nine after it only bumped the revision, so when it finished
        // it was dropped and the tenth computed: one announcement, of the newest.
        QCOMPARE(evaluated.count(), 1);
        const ui::EvaluationPtr result = service.latest(key);
        QCOMPARE(result->scenario.workload.profiles.front().vmsPerServer, 10);
        const iov::ScenarioMetrics direct = iov::evaluate(document.scenario(key), document.catalog());
        QCOMPARE(result->metrics.performance.cpuUtilization, direct.performance.cpuUtilization);
    }

    void removedScenariosAreForgotten()
    {
        Document document;
        openExample(document);
        DocumentEditor editor(document, nullptr);
        EvaluationService service(document);
        const ScenarioKey key = document.scenarioKeys().back();
        QVERIFY(editor.removeScenario(key).ok());
        QVERIFY(service.waitForIdle());
        QVERIFY(!service.latest(key));
        document.undoStack()->undo();
        QVERIFY(service.waitForIdle());
        QVERIFY(service.latest(key));
    }
};

QTEST_MAIN(TestDocumentEditing)
#include "tst_documentediting.moc"
