// Edit to updated dashboard (issue 5, part 4: under 100 ms for the 128-server example, under 500 ms for
// 2,000 servers): the whole main window on the offscreen platform; one edit through the editor, then the
// event loop until the edited scenario's new evaluation has reached every view (dashboard, problems,
// compare, status bar) and the queued updates it caused have run. Figures: docs/PERFORMANCE.md.

#include "designgenerator.h"

#include "../exampleproject.h"

#include "ui/editing/document.h"
#include "ui/editing/documenteditor.h"
#include "ui/editing/evaluationservice.h"
#include "ui/mainwindow.h"
#include "ui/scenariotabs.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <memory>

using namespace iovplan;

namespace {

/// A main window showing `project`'s scenario `index`, every scenario evaluated.
struct Window
{
    QTemporaryDir dir;
    ui::MainWindow window;
    ui::ScenarioKey key = 0;

    Window(const design::Project &project, int index)
    {
        const QString path = dir.filePath(QStringLiteral("bench.iovplan"));
        if (!io::saveProjectFile(path, project).ok || !window.openProject(path))
            throw std::runtime_error("cannot open the benchmark project");
        window.resize(1600, 1000);
        window.show();
        key = window.document().scenarioKeys()[static_cast<std::size_t>(index)];
        window.scenarioTabs()->showScenario(key);
        window.evaluations().waitForIdle(120000);
    }
};

/// One edit (the workload's VMs per server, alternating 10 and 11) and the wait for its result.
void editToDashboard(benchmark::State &state, Window &w)
{
    int vms = 10;
    double evaluationMs = 0.0;
    for (auto _ : state) {
        vms = vms == 10 ? 11 : 10;
        design::Workload workload = w.window.document().scenario(w.key).workload;
        workload.profiles.front().vmsPerServer = vms;
        QElapsedTimer timer;
        timer.start();
        // A distinct field name per step: consecutive edits must not merge into one undo step.
        w.window.editor().setWorkload(w.key, workload, QStringLiteral("vms %1").arg(timer.nsecsElapsed()));
        while (!w.window.evaluations().latest(w.key)
               || w.window.evaluations().latest(w.key)->scenario.workload.profiles.front().vmsPerServer != vms)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
        evaluationMs += w.window.evaluations().latest(w.key)->elapsedMs;
        QCoreApplication::processEvents(); // the views' queued updates
        state.SetIterationTime(static_cast<double>(timer.nsecsElapsed()) / 1e9);
    }
    // Of the edit-to-dashboard time, how much the evaluation itself took (edit to result on the GUI thread).
    state.counters["evaluation_ms"] = evaluationMs / static_cast<double>(state.iterations());
    state.counters["servers"] = static_cast<double>(w.window.document().scenario(w.key).design.servers.size());
}

void BM_EditToDashboard_Example(benchmark::State &state)
{
    Window w(testing::ciovExample(), 1); // "IB software IOV"
    editToDashboard(state, w);
}
BENCHMARK(BM_EditToDashboard_Example)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(30);

void BM_EditToDashboard_2000Servers(benchmark::State &state)
{
    design::Project project = testing::ciovExample();
    project.scenarios = {bench::generateScenario(project, bench::DesignShape::IbSoftwareIov, 2000)};
    Window w(project, 0);
    editToDashboard(state, w);
}
BENCHMARK(BM_EditToDashboard_2000Servers)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(10);

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("IOV Planner Benchmarks"));
    QCoreApplication::setApplicationName(QStringLiteral("bench_gui"));
    ::benchmark::Initialize(&argc, argv);
    ::benchmark::RunSpecifiedBenchmarks();
    ::benchmark::Shutdown();
    return 0;
}
