// Side by side with Octave's queueing package: the same models (benchmodels.h) timed in both, and
// the largest relative difference between the two sets of results. Prints a Markdown table.
// Usage: bench_octave [--octave PATH] [--json FILE]   (scripts/bench.sh and scripts/perfgate.sh run it)
// --json also writes the results in Google Benchmark's JSON shape, so the performance gate
// (tools/perfgate) reads every benchmark program the same way.
#include "benchmodels.h"

#include "queueing/approximatemva.h"
#include "queueing/exactmva.h"
#include "queueing/mixednetwork.h"
#include "queueing/openproductform.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace iovplan::queueing;
using iovplan::bench::BenchModel;

namespace {

// Per class: system throughput, response time per pass and jobs in the network.
struct ClassFigures {
    double throughput = 0, responseTime = 0, jobs = 0;
};

template<typename F>
double bestOfSeconds(int repeats, F &&f)
{
    double best = 1e300;
    for (int r = 0; r < repeats; ++r) {
        const auto start = std::chrono::steady_clock::now();
        f();
        const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
        best = std::min(best, elapsed.count());
    }
    return best;
}

std::vector<ClassFigures> ours(std::size_t index, const BenchModel &model, double &seconds)
{
    const Network &network = model.network;
    std::vector<ClassFigures> figures(network.classCount());
    if (network.hasOpenClasses()) {
        OpenSolution open;
        seconds = bestOfSeconds(5, [&] { open = solveOpenClasses(network); });
        for (std::size_t c = 0; c < network.classCount(); ++c) {
            const auto ci = static_cast<Eigen::Index>(c);
            figures[c] = {network.classes[c].arrivalRate, open.residence.row(ci).sum(), open.queueLength.row(ci).sum()};
        }
        return figures;
    }
    const ClosedModel closed = closedModelOf(network, nullptr);
    ClosedSolution solution;
    seconds = bestOfSeconds(index == 1 ? 3 : 5, [&] {
        solution = index == 2 ? bardSchweitzer(closed, {1e-10, 100000}) : exactMva(closed);
    });
    for (std::size_t c = 0; c < network.classCount(); ++c) {
        const auto ci = static_cast<Eigen::Index>(c);
        figures[c] = {solution.throughput[ci], solution.residence.row(ci).sum(), solution.queueLength.row(ci).sum()};
    }
    return figures;
}

std::string octaveScript(const std::vector<BenchModel> &models)
{
    std::ostringstream out;
    out << "pkg load queueing\nwarning('off', 'all');\n";
    for (std::size_t i = 0; i < models.size(); ++i) {
        const std::string repeats = i == 1 ? "1" : "3";
        out << models[i].octaveCall.substr(0, models[i].octaveCall.rfind("[U, R, Q, X]")) << "t = inf;\n"
            << "for r = 1:" << repeats << "\n  tic; " << models[i].octaveCall.substr(models[i].octaveCall.rfind("[U, R, Q, X]"))
            << " t = min(t, toc);\nend\n"
            << "if rows(X) != rows(V), X = reshape(X, rows(V), []); R = reshape(R, rows(V), []); Q = reshape(Q, rows(V), []); end\n"
            << "for c = 1:rows(V)\n"
            << "  printf('%d %d %.17g %.17g %.17g %.17g\\n', " << i
            << ", c - 1, t, X(c, 1) / V(c, 1), sum(R(c, :) .* V(c, :)), sum(Q(c, :)));\nend\n";
    }
    return out.str();
}

double relativeDifference(double a, double b)
{
    const double scale = std::max(std::abs(a), std::abs(b));
    return scale > 0 ? std::abs(a - b) / scale : 0.0;
}

// One model's row: our core's best time, Octave's and the largest relative difference between them.
struct ModelRow {
    std::string name;
    double seconds = 0, octaveSeconds = 0, worst = 0;
};

std::string jsonString(const std::string &text)
{
    std::string quoted = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            quoted += '\\';
            quoted += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
            quoted += escaped;
        } else {
            quoted += c;
        }
    }
    return quoted + '"';
}

// Google Benchmark's JSON shape (context.executable and benchmarks[] of run_type "iteration", times in
// ms), one row per model. Our time is wall-clock time, written as both real_time and cpu_time; the gate
// also fails a row whose largest_relative_difference exceeds 1e-9.
bool writeJson(const std::string &path, const std::string &executable, const std::vector<ModelRow> &rows)
{
    std::ofstream out(path);
    char date[64] = "";
    const std::time_t now = std::time(nullptr);
    std::strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%S%z", std::localtime(&now));
    std::string stamp = date; // "+0000" as Google Benchmark spells it: "+00:00"
    if (stamp.size() > 5)
        stamp.insert(stamp.size() - 2, ":");
    out << "{\n  \"context\": {\n    \"date\": " << jsonString(stamp) << ",\n    \"executable\": " << jsonString(executable)
        << ",\n    \"num_cpus\": " << std::thread::hardware_concurrency() << "\n  },\n  \"benchmarks\": [";
    for (std::size_t r = 0; r < rows.size(); ++r) {
        char figures[256];
        std::snprintf(figures, sizeof figures,
                      "\"real_time\": %.17g, \"cpu_time\": %.17g, \"time_unit\": \"ms\", "
                      "\"octave_time_ms\": %.17g, \"largest_relative_difference\": %.17g",
                      rows[r].seconds * 1e3, rows[r].seconds * 1e3, rows[r].octaveSeconds * 1e3, rows[r].worst);
        out << (r == 0 ? "\n" : ",\n") << "    {\"name\": "
            << jsonString("octave comparison/" + rows[r].name + "/IOV Planner core")
            << ", \"run_type\": \"iteration\", \"repetitions\": 1, \"repetition_index\": 0, \"iterations\": 1, "
            << figures << "}";
    }
    out << "\n  ]\n}\n";
    out.close();
    return static_cast<bool>(out);
}

} // namespace

int main(int argc, char **argv)
{
    std::string octave = "octave-cli";
    std::string jsonPath;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::string(argv[i]) == "--octave")
            octave = argv[i + 1];
        else if (std::string(argv[i]) == "--json")
            jsonPath = argv[i + 1];
    }
    const auto models = iovplan::bench::benchModels();

    const std::string scriptPath = "/tmp/iovplan-bench-octave.m";
    const std::string outputPath = "/tmp/iovplan-bench-octave.out";
    std::ofstream(scriptPath) << octaveScript(models);
    std::cerr << "Running Octave (this takes a while: its multiclass MVA is interpreted)...\n";
    const std::string command = octave + " --quiet --no-window-system " + scriptPath + " > " + outputPath;
    if (std::system(command.c_str()) != 0) {
        std::cerr << "bench_octave: octave failed; is octave-queueing installed?\n";
        return 1;
    }
    std::map<std::pair<std::size_t, std::size_t>, std::pair<double, ClassFigures>> theirs;
    std::ifstream in(outputPath);
    std::size_t i = 0, c = 0;
    double t = 0;
    ClassFigures f;
    while (in >> i >> c >> t >> f.throughput >> f.responseTime >> f.jobs)
        theirs[{i, c}] = {t, f};

    std::cout << "| model | IOV Planner core (ms) | Octave queueing (ms) | Octave / ours | largest relative difference |\n"
              << "|---|---:|---:|---:|---:|\n";
    std::vector<ModelRow> rows;
    for (std::size_t m = 0; m < models.size(); ++m) {
        double seconds = 0;
        const auto figures = ours(m, models[m], seconds);
        double octaveSeconds = 0, worst = 0;
        for (std::size_t k = 0; k < figures.size(); ++k) {
            const auto found = theirs.find({m, k});
            if (found == theirs.end()) {
                std::cerr << "bench_octave: no Octave result for model " << m << " class " << k << '\n';
                return 1;
            }
            octaveSeconds = found->second.first;
            worst = std::max({worst, relativeDifference(figures[k].throughput, found->second.second.throughput),
                              relativeDifference(figures[k].responseTime, found->second.second.responseTime),
                              relativeDifference(figures[k].jobs, found->second.second.jobs)});
        }
        char line[512];
        std::snprintf(line, sizeof line, "| %s | %.3f | %.1f | %.0fx | %.1e |\n", models[m].name.c_str(),
                      seconds * 1e3, octaveSeconds * 1e3, octaveSeconds / seconds, worst);
        std::cout << line;
        rows.push_back({models[m].name, seconds, octaveSeconds, worst});
    }
    if (!jsonPath.empty() && !writeJson(jsonPath, argv[0], rows)) {
        std::cerr << "bench_octave: cannot write " << jsonPath << '\n';
        return 1;
    }
    return 0;
}
