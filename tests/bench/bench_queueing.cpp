// Google Benchmark cases for the queueing engine (issue: foundation). Run with scripts/bench.sh.
// Each model is timed twice: the algorithm core (what Octave's functions compute) and the whole
// solve() that also validates, computes bounds and percentiles and builds the named result.
#include "benchmodels.h"

#include "queueing/approximatemva.h"
#include "queueing/exactmva.h"
#include "queueing/mixednetwork.h"
#include "queueing/openproductform.h"
#include "queueing/solver.h"

#include <benchmark/benchmark.h>

using namespace iovplan::queueing;
using iovplan::bench::benchModels;

namespace {

const iovplan::bench::BenchModel &model(std::size_t i)
{
    static const auto models = benchModels();
    return models[i];
}

void exactSingleClassCore(benchmark::State &state)
{
    const ClosedModel closed = closedModelOf(model(0).network, nullptr);
    for (auto _ : state)
        benchmark::DoNotOptimize(exactMva(closed));
}
BENCHMARK(exactSingleClassCore)->Name("exactMva/1 class N=10000/100 stations")->Unit(benchmark::kMillisecond);

void exactMulticlassCore(benchmark::State &state)
{
    const ClosedModel closed = closedModelOf(model(1).network, nullptr);
    for (auto _ : state)
        benchmark::DoNotOptimize(exactMva(closed));
}
BENCHMARK(exactMulticlassCore)->Name("exactMva/3 classes x 30/50 stations")->Unit(benchmark::kMillisecond);

void bardSchweitzerCore(benchmark::State &state)
{
    const ClosedModel closed = closedModelOf(model(2).network, nullptr);
    for (auto _ : state)
        benchmark::DoNotOptimize(bardSchweitzer(closed, {1e-10, 100000}));
}
BENCHMARK(bardSchweitzerCore)->Name("bardSchweitzer/20 classes x 200/1000 stations")->Unit(benchmark::kMillisecond);

void linearizerCore(benchmark::State &state)
{
    const ClosedModel closed = closedModelOf(model(2).network, nullptr);
    for (auto _ : state)
        benchmark::DoNotOptimize(linearizer(closed, {1e-10, 100000}));
}
BENCHMARK(linearizerCore)->Name("linearizer/20 classes x 200/1000 stations")->Unit(benchmark::kMillisecond);

void openCore(benchmark::State &state)
{
    const Network &network = model(3).network;
    for (auto _ : state)
        benchmark::DoNotOptimize(solveOpenClasses(network));
}
BENCHMARK(openCore)->Name("solveOpenClasses/3 classes/100000 stations")->Unit(benchmark::kMillisecond);

// solve() with the method auto picks: exact MVA for models 0 and 1, Linearizer for 2, open for 3.
void endToEnd(benchmark::State &state)
{
    const auto index = static_cast<std::size_t>(state.range(0));
    const Network &network = model(index).network;
    Solution solution;
    for (auto _ : state) {
        solution = solve(network);
        benchmark::DoNotOptimize(solution);
    }
    const char *algorithms[] = {"open", "exact MVA", "convolution", "Bard-Schweitzer", "Linearizer"};
    state.SetLabel(model(index).name + " [" + algorithms[static_cast<int>(solution.algorithm)] + "]");
}
BENCHMARK(endToEnd)->Name("solve/end to end")->DenseRange(0, 3)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
