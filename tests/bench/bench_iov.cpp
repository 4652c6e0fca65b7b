// Google Benchmark cases for the performance model and the cost roll-up (issue 4, part 6). Run with
// scripts/bench.sh; the figures are in docs/PERFORMANCE.md. Targets: the 128-server example's "IB software
// IOV" scenario evaluated in < 5 ms, its capacity search in < 50 ms, a 10,000-server design in < 200 ms,
// and linear growth in the number of servers.
#include "designgenerator.h"
#include "tests/exampleproject.h"

#include "model/cost/rollup.h"
#include "model/iov/performance.h"

#include <benchmark/benchmark.h>

#include <QtGlobal>

#include <cstdio>
#include <cstdlib>
#include <map>

using namespace iovplan;
using iovplan::bench::DesignShape;

namespace {

const design::Project &example()
{
    return testing::ciovExample();
}

design::Scenario exampleScenario(const char *name)
{
    return testing::exampleScenario(QLatin1String(name));
}

// Generated scenarios are built once per size and kept: building 100,000 servers takes longer than
// evaluating them, and is not what is measured.
const design::Scenario &generated(DesignShape shape, int servers)
{
    static std::map<std::pair<DesignShape, int>, design::Scenario> cache;
    auto found = cache.find({ shape, servers });
    if (found == cache.end())
        found
            = cache
                  .emplace(std::make_pair(shape, servers), bench::generateScenario(example(), shape, servers))
                  .first;
    return found->second;
}

iov::PerformanceOptions withoutSearch(bool aggregate = true)
{
    iov::PerformanceOptions options;
    options.capacitySearch = false;
    options.aggregate = aggregate;
    return options;
}

// Times evaluatePerformance and labels the run with the size of the solved network; a run whose
// evaluation reports an error is marked failed rather than timed (it would time the wrong thing).
void timeEvaluation(
    benchmark::State &state, const design::Scenario &scenario, const iov::PerformanceOptions &options)
{
    iov::PerformanceMetrics metrics;
    for (auto _ : state) {
        metrics = iov::evaluatePerformance(scenario, example().catalog, options);
        benchmark::DoNotOptimize(metrics);
    }
    for (const design::Problem &p : metrics.problems) {
        if (p.severity == design::Severity::Error) {
            state.SkipWithError(qPrintable(p.object + QStringLiteral(": ") + p.message));
            return;
        }
    }
    state.counters["stations"] = static_cast<double>(metrics.networkStations);
    state.counters["classes"] = static_cast<double>(metrics.networkClasses);
    if (options.capacitySearch)
        state.counters["maxVms"] = metrics.maxVmsPerServer;
}

// ---- the 128-server example ----------------------------------------------------------------------

void exampleEvaluate(benchmark::State &state)
{
    timeEvaluation(state, exampleScenario("IB software IOV"), withoutSearch());
}
BENCHMARK(exampleEvaluate)
    ->Name("example IB software IOV/evaluatePerformance, no search")
    ->Unit(benchmark::kMillisecond);

// With the capacity search: its cost is this minus the case above.
void exampleEvaluateWithSearch(benchmark::State &state)
{
    timeEvaluation(state, exampleScenario("IB software IOV"), iov::PerformanceOptions {});
}
BENCHMARK(exampleEvaluateWithSearch)
    ->Name("example IB software IOV/evaluatePerformance, capacity search")
    ->Unit(benchmark::kMillisecond);

void exampleRollUp(benchmark::State &state)
{
    const design::Scenario &scenario = exampleScenario("IB software IOV");
    for (auto _ : state)
        benchmark::DoNotOptimize(cost::rollUp(scenario, example().catalog));
}
BENCHMARK(exampleRollUp)->Name("example IB software IOV/cost::rollUp")->Unit(benchmark::kMillisecond);

void exampleGigeFcEvaluate(benchmark::State &state)
{
    timeEvaluation(state, exampleScenario("GigE+FC"), withoutSearch());
}
BENCHMARK(exampleGigeFcEvaluate)
    ->Name("example GigE+FC/evaluatePerformance, no search")
    ->Unit(benchmark::kMillisecond);

void readExample(benchmark::State &state)
{
    const QString path = testing::ciovExamplePath();
    for (auto _ : state) {
        io::ProjectReadResult read = io::readProjectFile(path);
        if (!read.ok()) {
            state.SkipWithError(qPrintable(read.error.message));
            return;
        }
        benchmark::DoNotOptimize(read);
    }
}
BENCHMARK(readExample)->Name("example/io::readProjectFile")->Unit(benchmark::kMillisecond);

// ---- generated designs ---------------------------------------------------------------------------

void generatedEvaluate(benchmark::State &state, DesignShape shape)
{
    const design::Scenario &scenario = generated(shape, static_cast<int>(state.range(0)));
    timeEvaluation(state, scenario, withoutSearch());
    state.SetComplexityN(state.range(0));
}

void generatedIbEvaluate(benchmark::State &state)
{
    generatedEvaluate(state, DesignShape::IbSoftwareIov);
}
// The 10,000-server target.
BENCHMARK(generatedIbEvaluate)
    ->Name("generated IB software IOV/evaluatePerformance, no search")
    ->Arg(10000)
    ->Unit(benchmark::kMillisecond);

// The scaling curve, registered in main() up to IOVPLAN_BENCH_MAX_SERVERS servers (default 100,000): a
// model whose memory grows faster than linearly can exhaust the machine at the largest sizes.
void registerScaling(int maxServers)
{
    if (maxServers < 1000)
        return; // no point of the curve fits
    benchmark::internal::Benchmark *b = benchmark::RegisterBenchmark(
        "scaling IB software IOV/evaluatePerformance, no search", generatedIbEvaluate);
    for (const int n : { 1000, 3000, 10000, 30000, 100000 }) {
        if (n <= maxServers)
            b->Arg(n);
    }
    b->Iterations(2)->Complexity(benchmark::oN)->Unit(benchmark::kMillisecond);
}

void generatedGigeFcEvaluate(benchmark::State &state)
{
    generatedEvaluate(state, DesignShape::GigeFc);
}
BENCHMARK(generatedGigeFcEvaluate)
    ->Name("generated GigE+FC/evaluatePerformance, no search")
    ->Arg(10000)
    ->Iterations(2)
    ->Unit(benchmark::kMillisecond);

void generatedRollUp(benchmark::State &state)
{
    const design::Scenario &scenario
        = generated(DesignShape::IbSoftwareIov, static_cast<int>(state.range(0)));
    for (auto _ : state)
        benchmark::DoNotOptimize(cost::rollUp(scenario, example().catalog));
}
BENCHMARK(generatedRollUp)
    ->Name("generated IB software IOV/cost::rollUp")
    ->Arg(10000)
    ->Unit(benchmark::kMillisecond);

// Aggregation: servers with the same configuration share one set of stations. Off, every server has its own.
void aggregation(benchmark::State &state)
{
    const bool aggregate = state.range(1) != 0;
    const design::Scenario &scenario
        = generated(DesignShape::IbSoftwareIov, static_cast<int>(state.range(0)));
    timeEvaluation(state, scenario, withoutSearch(aggregate));
    state.SetLabel(aggregate ? "aggregate" : "one set of stations per server");
}
BENCHMARK(aggregation)
    ->Name("aggregation IB software IOV/evaluatePerformance, no search")
    ->ArgNames({ "servers", "aggregate" })
    ->Args({ 128, 1 })
    ->Args({ 128, 0 })
    ->Args({ 1000, 1 })
    ->Args({ 1000, 0 })
    ->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    bool ok = false;
    const int maxServers = qEnvironmentVariableIntValue("IOVPLAN_BENCH_MAX_SERVERS", &ok);
    registerScaling(ok ? maxServers : 100000);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
