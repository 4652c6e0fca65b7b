// The design canvas at data-center scale (issue 5: "fluid with 2,000 servers"): build the scene of a
// generated 2,000-server design, re-sync it after one edit, and paint the whole view into an image at
// fit zoom and at 100 %. Runs on the offscreen platform. Figures: docs/canvas.md, docs/PERFORMANCE.md.

#include "designgenerator.h"

#include "../exampleproject.h"

#include "ui/canvas/designscene.h"
#include "ui/canvas/designview.h"
#include "ui/editing/designselection.h"
#include "ui/editing/document.h"
#include "ui/editing/documenteditor.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QUndoStack>

#include <benchmark/benchmark.h>

#include <memory>

using namespace iovplan;

namespace {

constexpr int servers = 2000;

// One document holding a generated GigE+FC scenario (the shape with the most cables: 6 per server).
struct Canvas
{
    ui::Document document;
    ui::DocumentEditor editor { document, nullptr };
    ui::DesignSelection selection;
    ui::ScenarioKey key = 0;

    Canvas()
    {
        design::Project project = testing::ciovExample();
        project.scenarios = { bench::generateScenario(project, bench::DesignShape::GigeFc, servers) };
        document.adopt(std::move(project), {}, io::currentDocumentVersion);
        key = document.scenarioKeys().front();
    }
};

void BM_BuildScene(benchmark::State &state)
{
    Canvas canvas;
    for (auto _ : state) {
        auto scene = std::make_unique<ui::DesignScene>(canvas.document, canvas.key);
        benchmark::DoNotOptimize(scene->deviceCount());
        state.PauseTiming();
        scene.reset();
        state.ResumeTiming();
    }
    ui::DesignScene scene(canvas.document, canvas.key);
    state.counters["devices"] = scene.deviceCount();
    state.counters["cables"] = scene.cableCount();
    state.counters["items"] = static_cast<double>(scene.items().size());
}
BENCHMARK(BM_BuildScene)->Unit(benchmark::kMillisecond);

// Moving one server (with its 6 cables): undo and redo alternately replace the scenario and the scene
// follows through Document::scenarioChanged. Includes the document's own replace.
void BM_ResyncAfterOneEdit(benchmark::State &state)
{
    Canvas canvas;
    ui::DesignScene scene(canvas.document, canvas.key);
    const ui::EditOutcome moved = canvas.editor.moveDevice(canvas.key, QStringLiteral("srv-016"),
                                                           QStringLiteral("rack-2"), 39);
    if (!moved.ok()) {
        state.SkipWithError(moved.refusal.toStdString().c_str());
        return;
    }
    bool undo = true;
    for (auto _ : state) {
        if (undo)
            canvas.document.undoStack()->undo();
        else
            canvas.document.undoStack()->redo();
        undo = !undo;
        benchmark::DoNotOptimize(scene.lastSync().updated);
    }
    state.counters["updated"] = scene.lastSync().updated;
    state.counters["cables_routed"] = scene.lastSync().cablesRouted;
}
BENCHMARK(BM_ResyncAfterOneEdit)->Unit(benchmark::kMillisecond);

// The whole 1920x1080 view painted into an image, as a screen refresh would.
void paintView(benchmark::State &state, bool fit)
{
    Canvas canvas;
    ui::DesignView view(canvas.document, canvas.editor, canvas.selection, canvas.key);
    view.resize(1920, 1080);
    view.show(); // lays out the viewport (offscreen platform: nothing appears)
    QCoreApplication::processEvents();
    if (fit) {
        view.zoomToFit();
    } else {
        view.setZoom(1.0);
        view.centerOn(view.designScene()->layout().rack(QStringLiteral("rack-2"))->interior.center());
    }
    QImage image(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        QPainter painter(&image);
        view.render(&painter, QRectF(), view.viewport()->rect());
    }
    state.counters["zoom"] = view.zoom();
    state.counters["width"] = image.width();
}

void BM_PaintFit(benchmark::State &state)
{
    paintView(state, true);
}
BENCHMARK(BM_PaintFit)->Unit(benchmark::kMillisecond);

void BM_Paint100Percent(benchmark::State &state)
{
    paintView(state, false);
}
BENCHMARK(BM_Paint100Percent)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
