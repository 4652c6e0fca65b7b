#include "qnjsonwriter.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace iovplan::io {

namespace {

using queueing::ClassResult;
using queueing::Method;
using queueing::Solution;
using queueing::StationResult;

// An ordered JSON text builder. QJsonObject sorts its keys alphabetically; people reading the
// output expect the contract's order (method, saturated, bottleneck, classes, stations), so the
// text is written directly. Objects opened "inline" stay on one line with everything inside them.
class JsonText
{
public:
    void beginObject(bool inlineObject = false) { open('{', inlineObject); }
    void endObject() { close('}'); }
    void beginArray(bool inlineArray = false) { open('[', inlineArray); }
    void endArray() { close(']'); }

    void key(std::string_view name)
    {
        separate();
        string(name);
        m_text += ": ";
        m_afterKey = true;
    }

    void value(double x)
    {
        separate();
        if (!std::isfinite(x)) {
            m_text += "null";
            return;
        }
        if (x == 0.0)
            x = 0.0; // no "-0"
        char buffer[32];
        // Shortest representation that reads back to the same double.
        const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, x);
        if (error != std::errc())
            m_text += "null";
        else
            m_text.append(buffer, end);
    }
    void value(std::optional<double> x)
    {
        if (x)
            value(*x);
        else
            null();
    }
    void value(int x)
    {
        separate();
        m_text += std::to_string(x);
    }
    void value(bool x)
    {
        separate();
        m_text += x ? "true" : "false";
    }
    void value(std::string_view s)
    {
        separate();
        string(s);
    }
    void value(const char *s) { value(std::string_view(s)); }
    void null()
    {
        separate();
        m_text += "null";
    }

    template <typename T> void member(std::string_view name, const T &x)
    {
        key(name);
        value(x);
    }

    [[nodiscard]] QByteArray finish()
    {
        m_text += '\n';
        return QByteArray(m_text.data(), static_cast<qsizetype>(m_text.size()));
    }

private:
    struct Level
    {
        bool inlined = false;
        bool empty = true;
    };

    void open(char bracket, bool inlineLevel)
    {
        separate();
        m_text += bracket;
        const bool parentInline = !m_levels.empty() && m_levels.back().inlined;
        m_levels.push_back({ inlineLevel || parentInline, true });
    }

    void close(char bracket)
    {
        const Level level = m_levels.back();
        m_levels.pop_back();
        if (!level.empty && !level.inlined)
            newline();
        m_text += bracket;
    }

    // Comma and line break before a new element; nothing between a key and its value.
    void separate()
    {
        if (m_afterKey) {
            m_afterKey = false;
            return;
        }
        if (m_levels.empty())
            return;
        Level &level = m_levels.back();
        if (!level.empty)
            m_text += level.inlined ? ", " : ",";
        if (!level.inlined)
            newline();
        level.empty = false;
    }

    void newline()
    {
        m_text += '\n';
        m_text.append(2 * m_levels.size(), ' ');
    }

    void string(std::string_view s)
    {
        static const char hex[] = "0123456789abcdef";
        m_text += '"';
        for (const char ch : s) {
            const auto byte = static_cast<unsigned char>(ch);
            if (ch == '"' || ch == '\\') {
                m_text += '\\';
                m_text += ch;
            } else if (byte < 0x20) {
                m_text += "\\u00";
                m_text += hex[byte >> 4];
                m_text += hex[byte & 0xf];
            } else {
                m_text += ch; // UTF-8 passes through
            }
        }
        m_text += '"';
    }

    std::string m_text;
    std::vector<Level> m_levels;
    bool m_afterKey = false;
};

// A bound that is 0 or less means "no finite bound" in ClassBounds.
std::optional<double> positiveOrAbsent(double x)
{
    return x > 0.0 && std::isfinite(x) ? std::optional<double>(x) : std::nullopt;
}

void writeClass(JsonText &json, const ClassResult &result)
{
    json.beginObject();
    json.member("name", result.name);
    json.member("kind", result.open ? "open" : "closed");
    json.member("throughput", result.throughput);
    json.member("response_time", result.responseTime);
    json.key("response_time_percentiles");
    if (result.percentiles) {
        json.beginObject(true);
        json.member("p50", result.percentiles->p50);
        json.member("p90", result.percentiles->p90);
        json.member("p95", result.percentiles->p95);
        json.member("p99", result.percentiles->p99);
        json.endObject();
    } else {
        json.null();
    }
    json.member("percentiles_exact", result.percentiles ? result.percentiles->exact : false);
    json.member("bottleneck", result.bottleneck);
    const queueing::ClassBounds &bounds = result.bounds;
    json.key("bounds");
    json.beginObject(true);
    json.member("throughput_upper", bounds.throughputUpper);
    json.member("response_time_lower", bounds.responseTimeLower);
    json.member("throughput_lower", bounds.throughputLower);
    json.member("response_time_upper", positiveOrAbsent(bounds.responseTimeUpper));
    json.member("balanced_job", bounds.balancedJob);
    json.member(
        "saturation_population", result.open ? std::nullopt : positiveOrAbsent(bounds.saturationPopulation));
    json.endObject();
    json.endObject();
}

void writeStation(JsonText &json, const StationResult &result, const char *kind)
{
    json.beginObject();
    json.member("name", result.name);
    json.member("kind", kind);
    json.member("utilization", result.utilization);
    json.member("queue_length", result.queueLength);
    json.key("per_class");
    json.beginArray();
    for (const auto &perClass : result.perClass) {
        json.beginObject(true);
        json.member("class", perClass.className);
        json.member("throughput", perClass.throughput);
        json.member("utilization", perClass.utilization);
        json.member("queue_length", perClass.queueLength);
        json.member("residence_time", perClass.residenceTime);
        json.endObject();
    }
    json.endArray();
    json.endObject();
}

} // namespace

const char *algorithmName(queueing::Algorithm algorithm)
{
    switch (algorithm) {
    case queueing::Algorithm::OpenProductForm:
        return "open-product-form";
    case queueing::Algorithm::ExactMva:
        return "exact-mva";
    case queueing::Algorithm::Convolution:
        return "convolution";
    case queueing::Algorithm::BardSchweitzer:
        return "bard-schweitzer";
    case queueing::Algorithm::Linearizer:
        return "linearizer";
    }
    return "unknown";
}

const char *methodName(Method method)
{
    return method == Method::Exact ? "exact" : "approximate";
}

const char *stationKindName(queueing::StationKind kind)
{
    switch (kind) {
    case queueing::StationKind::Queue:
        return "queue";
    case queueing::StationKind::Delay:
        return "delay";
    case queueing::StationKind::LoadDependent:
        return "load-dependent";
    }
    return "queue";
}

QByteArray writeQnSolution(const queueing::Network &network, const Solution &solution)
{
    std::unordered_map<std::string_view, const char *> stationKinds;
    stationKinds.reserve(network.stationCount());
    for (const auto &station : network.stations)
        stationKinds.emplace(station.name, stationKindName(station.kind));

    JsonText json;
    json.beginObject();
    json.member("method", methodName(solution.method));
    json.member("algorithm", algorithmName(solution.algorithm));
    json.member("saturated", solution.saturated);
    json.member("bottleneck", solution.bottleneck);
    // Null when no station limits the open classes (delay stations only): the solver then reports
    // the largest double, which is no useful number to print.
    if (network.hasOpenClasses()) {
        const auto scale = solution.maxArrivalScale;
        json.member(
            "max_arrival_scale", scale && *scale < std::numeric_limits<double>::max() ? scale : std::nullopt);
    }
    if (solution.method == Method::Approximate) {
        json.member("iterations", solution.iterations);
        json.member("converged", solution.converged);
    }
    json.key("classes");
    json.beginArray();
    for (const auto &result : solution.classes)
        writeClass(json, result);
    json.endArray();
    json.key("stations");
    json.beginArray();
    for (const auto &result : solution.stations) {
        const auto kind = stationKinds.find(result.name);
        writeStation(json, result, kind != stationKinds.end() ? kind->second : "queue");
    }
    json.endArray();
    json.endObject();
    return json.finish();
}

} // namespace iovplan::io
