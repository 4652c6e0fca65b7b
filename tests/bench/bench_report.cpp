// The procurement report's speed and size (issue 6: a report for a 1,000-server design in under 5 s and
// under 5 MB). Each run does everything `iovplan-cli report` does after reading the file: evaluate every
// scenario with its capacity search and latency curve, build the report, lay it out and write the PDF.
// Counters: pages and PDF bytes. Run by scripts/bench.sh; figures in docs/PERFORMANCE.md.
#include "designgenerator.h"
#include "../exampleproject.h"

#include "reports/procurement/procurementreport.h"

#include <benchmark/benchmark.h>

#include <QGuiApplication>

using namespace iovplan;

namespace {

// The example's first two designs generalised to `servers` servers: the comparison a buyer would print.
design::Project projectOf(int servers)
{
    design::Project project = testing::ciovExample();
    project.scenarios = { bench::generateScenario(testing::ciovExample(), bench::DesignShape::GigeFc, servers),
                          bench::generateScenario(testing::ciovExample(), bench::DesignShape::IbSoftwareIov, servers) };
    return project;
}

void writeReport(benchmark::State &state, const design::Project &project)
{
    reports::ReportOptions options;
    qint64 bytes = 0;
    int pages = 0;
    for (auto _ : state) {
        const reports::ReportInputs inputs = reports::evaluateReportInputs(project, options);
        const reports::ReportDocument document = reports::buildProcurementReport(project, inputs, options);
        const QByteArray pdf = document.toPdf(options.paper);
        bytes = pdf.size();
        benchmark::DoNotOptimize(pdf.data());
        state.PauseTiming();
        pages = document.layout(options.paper).pageCount;
        state.ResumeTiming();
    }
    state.counters["pages"] = pages;
    state.counters["pdf_bytes"] = double(bytes);
}

void BM_ReportExample(benchmark::State &state)
{
    writeReport(state, testing::ciovExample());
}
BENCHMARK(BM_ReportExample)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_ReportServers(benchmark::State &state)
{
    writeReport(state, projectOf(int(state.range(0))));
}
BENCHMARK(BM_ReportServers)->Arg(128)->Arg(1000)->Unit(benchmark::kMillisecond)->Iterations(2);

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
