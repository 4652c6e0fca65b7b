// Random networks solved by IOV Planner's engine and by Octave's independent `queueing` package
// (Debian octave-queueing, Moreno Marzolla), compared to 1e-9 relative.
//
// Octave reports per-visit response times R(c,k), per-server utilizations for multi-server centres
// and per-station throughputs X(c,k); we convert ours (residence / V, utilization, X_c V_ck) before
// comparing. The functions used and what they cover:
//   qncsmva   closed single class, single-server, multi-server and delay stations, think time
//   qncsmvald closed single class, load-dependent stations
//   qncmmva   closed multiclass, single-server and delay stations, think times
//   qnos      open single class, multi-server stations
//   qnom      open multiclass, single-server and delay stations
//   qnmix     mixed open + closed, single-server stations (it refuses delay stations)
//   qncmmvabs Bard-Schweitzer approximate MVA, compared with our Bard-Schweitzer
#include "networkbuilders.h"
#include "queueing/solver.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <map>
#include <random>
#include <sstream>

using namespace iovplan::queueing;
using iovplan::queueing::testing::optionsFor;

namespace {

// Relative agreement demanded between the two solvers; the absolute floor covers values that are
// zero in exact arithmetic (round-off leaves ~1e-17 on either side).
constexpr double relativeTolerance = 1e-9;
constexpr double absoluteFloor = 1e-12;

enum class Kind { ClosedSingle, ClosedLoadDependent, ClosedMulti, OpenSingle, OpenMulti, Mixed, BardSchweitzer };

struct Case {
    Kind kind;
    Network network;
    MethodRequest method = MethodRequest::Exact;
};

std::string octaveVector(const std::vector<double> &v)
{
    std::ostringstream out;
    out.precision(17);
    out << '[';
    for (std::size_t i = 0; i < v.size(); ++i)
        out << (i ? " " : "") << v[i];
    out << ']';
    return out.str();
}

// Rows separated by semicolons: one row per class.
std::string octaveMatrix(const std::vector<std::vector<double>> &rows)
{
    std::string text = "[";
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const std::string row = octaveVector(rows[r]);
        text += (r ? "; " : "") + row.substr(1, row.size() - 2);
    }
    return text + "]";
}

class Generator
{
public:
    explicit Generator(std::uint64_t seed)
        : m_random(seed)
    {
    }
    double uniform(double a, double b) { return std::uniform_real_distribution<double>(a, b)(m_random); }
    int integer(int a, int b) { return std::uniform_int_distribution<int>(a, b)(m_random); }

    Station station(int index, bool allowMultiServer, bool allowDelay)
    {
        Station s;
        s.name = "s" + std::to_string(index);
        const double pick = uniform(0, 1);
        if (allowDelay && pick < 0.15) {
            s.kind = StationKind::Delay;
        } else if (allowMultiServer && pick < 0.4) {
            s.servers = integer(2, 8);
        }
        return s;
    }

    JobClass jobClass(const std::string &name, std::size_t stations, bool open)
    {
        JobClass c;
        c.name = name;
        c.kind = open ? ClassKind::Open : ClassKind::Closed;
        c.visits.resize(stations);
        c.serviceTimes.resize(stations);
        for (std::size_t k = 0; k < stations; ++k) {
            c.visits[k] = k == 0 ? 1.0 : uniform(0.1, 3.0);
            c.serviceTimes[k] = uniform(0.01, 1.0);
        }
        return c;
    }

private:
    std::mt19937_64 m_random;
};

// Class-independent service times at multi-server stations, as FCFS product form requires.
void shareServiceTimes(Network &network)
{
    for (std::size_t k = 0; k < network.stationCount(); ++k) {
        if (network.stations[k].kind != StationKind::Queue || network.stations[k].servers == 1)
            continue;
        for (auto &c : network.classes)
            c.serviceTimes[k] = network.classes.front().serviceTimes[k];
    }
}

// Scales open arrival rates so the busiest station runs at `target` of its capacity.
void scaleOpenLoad(Network &network, double target)
{
    double worst = 0.0;
    for (std::size_t k = 0; k < network.stationCount(); ++k) {
        const Station &s = network.stations[k];
        if (s.kind == StationKind::Delay)
            continue;
        double load = 0.0;
        for (const auto &c : network.classes)
            if (c.kind == ClassKind::Open)
                load += c.arrivalRate * c.demand(k);
        worst = std::max(worst, load / s.capacityMultiplier());
    }
    for (auto &c : network.classes)
        if (c.kind == ClassKind::Open && worst > 0)
            c.arrivalRate *= target / worst;
}

std::vector<Case> makeCases()
{
    Generator g(20261124);
    std::vector<Case> cases;
    for (int i = 0; i < 20; ++i) { // closed single class, multi-server and delay stations
        Case c{Kind::ClosedSingle, {}, MethodRequest::Exact};
        const int m = g.integer(2, 8);
        for (int k = 0; k < m; ++k)
            c.network.stations.push_back(g.station(k, true, k > 0));
        auto job = g.jobClass("c0", static_cast<std::size_t>(m), false);
        job.population = g.integer(1, 60);
        job.thinkTime = g.uniform(0, 1) < 0.5 ? 0.0 : g.uniform(0.1, 5.0);
        c.network.classes.push_back(job);
        cases.push_back(c);
    }
    for (int i = 0; i < 15; ++i) { // closed single class, load-dependent stations
        Case c{Kind::ClosedLoadDependent, {}, MethodRequest::Exact};
        const int m = g.integer(2, 5);
        for (int k = 0; k < m; ++k) {
            Station s;
            s.name = "s" + std::to_string(k);
            if (g.uniform(0, 1) < 0.6) {
                s.kind = StationKind::LoadDependent;
                double alpha = 1.0;
                const int length = g.integer(1, 6);
                for (int j = 0; j < length; ++j) {
                    s.rateMultipliers.push_back(alpha);
                    alpha += g.uniform(0.0, 1.0);
                }
            }
            c.network.stations.push_back(s);
        }
        auto job = g.jobClass("c0", static_cast<std::size_t>(m), false);
        job.population = g.integer(1, 30);
        job.thinkTime = g.uniform(0, 1) < 0.5 ? 0.0 : g.uniform(0.1, 5.0);
        c.network.classes.push_back(job);
        cases.push_back(c);
    }
    for (int i = 0; i < 15; ++i) { // closed multiclass, single-server and delay
        Case c{Kind::ClosedMulti, {}, MethodRequest::Exact};
        const int m = g.integer(2, 6);
        for (int k = 0; k < m; ++k)
            c.network.stations.push_back(g.station(k, false, k > 0));
        const int classes = g.integer(2, 3);
        for (int r = 0; r < classes; ++r) {
            auto job = g.jobClass("c" + std::to_string(r), static_cast<std::size_t>(m), false);
            job.population = g.integer(1, 8);
            job.thinkTime = g.uniform(0, 1) < 0.5 ? 0.0 : g.uniform(0.1, 5.0);
            c.network.classes.push_back(job);
        }
        cases.push_back(c);
    }
    for (int i = 0; i < 15; ++i) { // open single class, multi-server
        Case c{Kind::OpenSingle, {}, MethodRequest::Exact};
        const int m = g.integer(2, 8);
        for (int k = 0; k < m; ++k)
            c.network.stations.push_back(g.station(k, true, false));
        auto job = g.jobClass("c0", static_cast<std::size_t>(m), true);
        job.arrivalRate = 1.0;
        c.network.classes.push_back(job);
        scaleOpenLoad(c.network, g.uniform(0.1, 0.95));
        cases.push_back(c);
    }
    for (int i = 0; i < 15; ++i) { // open multiclass, single-server and delay
        Case c{Kind::OpenMulti, {}, MethodRequest::Exact};
        const int m = g.integer(2, 8);
        for (int k = 0; k < m; ++k)
            c.network.stations.push_back(g.station(k, false, k > 0));
        const int classes = g.integer(2, 4);
        for (int r = 0; r < classes; ++r) {
            auto job = g.jobClass("c" + std::to_string(r), static_cast<std::size_t>(m), true);
            job.arrivalRate = g.uniform(0.1, 1.0);
            c.network.classes.push_back(job);
        }
        scaleOpenLoad(c.network, g.uniform(0.1, 0.95));
        cases.push_back(c);
    }
    for (int i = 0; i < 15; ++i) { // mixed, single-server stations
        Case c{Kind::Mixed, {}, MethodRequest::Exact};
        const int m = g.integer(2, 6);
        for (int k = 0; k < m; ++k)
            c.network.stations.push_back(g.station(k, false, false));
        const int open = g.integer(1, 2);
        const int closed = g.integer(1, 2);
        for (int r = 0; r < open + closed; ++r) {
            auto job = g.jobClass("c" + std::to_string(r), static_cast<std::size_t>(m), r < open);
            // Octave's qnmix computes closed-class utilization as X(c,k) D(c,k) with X already per
            // station, i.e. V counted twice; unit visit ratios keep that comparison meaningful.
            std::fill(job.visits.begin(), job.visits.end(), 1.0);
            job.arrivalRate = r < open ? g.uniform(0.1, 1.0) : 0.0;
            job.population = r < open ? 0 : g.integer(1, 6);
            c.network.classes.push_back(job);
        }
        scaleOpenLoad(c.network, g.uniform(0.1, 0.8));
        cases.push_back(c);
    }
    for (int i = 0; i < 10; ++i) { // Bard-Schweitzer, multiclass
        Case c{Kind::BardSchweitzer, {}, MethodRequest::BardSchweitzer};
        const int m = g.integer(2, 6);
        for (int k = 0; k < m; ++k)
            c.network.stations.push_back(g.station(k, false, k > 0));
        const int classes = g.integer(2, 4);
        for (int r = 0; r < classes; ++r) {
            auto job = g.jobClass("c" + std::to_string(r), static_cast<std::size_t>(m), false);
            job.population = g.integer(1, 20);
            job.thinkTime = g.uniform(0, 1) < 0.5 ? 0.0 : g.uniform(0.1, 5.0);
            c.network.classes.push_back(job);
        }
        cases.push_back(c);
    }
    for (auto &c : cases)
        shareServiceTimes(c.network);
    return cases;
}

// Octave's m(k): servers, or -1 for a delay (infinite-server) centre.
std::vector<double> serverVector(const Network &network)
{
    std::vector<double> m;
    for (const auto &s : network.stations)
        m.push_back(s.kind == StationKind::Delay ? -1.0 : static_cast<double>(s.servers));
    return m;
}

std::vector<std::vector<double>> perClass(const Network &network, bool serviceTimes)
{
    std::vector<std::vector<double>> rows;
    for (const auto &c : network.classes)
        rows.push_back(serviceTimes ? c.serviceTimes : c.visits);
    return rows;
}

std::vector<double> perClassValue(const Network &network, double JobClass::*field)
{
    std::vector<double> values;
    for (const auto &c : network.classes)
        values.push_back(c.*field);
    return values;
}

std::vector<double> populations(const Network &network)
{
    std::vector<double> values;
    for (const auto &c : network.classes)
        values.push_back(static_cast<double>(c.population));
    return values;
}

// One Octave statement solving case i and printing U R Q X per class and station.
std::string octaveCall(std::size_t i, const Case &c)
{
    const Network &n = c.network;
    const std::string S = octaveMatrix(perClass(n, true));
    const std::string V = octaveMatrix(perClass(n, false));
    const std::string m = octaveVector(serverVector(n));
    const std::string N = octaveVector(populations(n));
    const std::string Z = octaveVector(perClassValue(n, &JobClass::thinkTime));
    const std::string lambda = octaveVector(perClassValue(n, &JobClass::arrivalRate));
    std::string call;
    switch (c.kind) {
    case Kind::ClosedSingle:
        call = "qncsmva(" + N + ", " + S + ", " + V + ", " + m + ", " + Z + ")";
        break;
    case Kind::ClosedLoadDependent: {
        // S(k, j): service time with j jobs present = S_k / alpha_k(j).
        const std::int64_t population = n.classes.front().population;
        std::vector<std::vector<double>> rows;
        for (std::size_t k = 0; k < n.stationCount(); ++k) {
            std::vector<double> row;
            for (std::int64_t j = 1; j <= population; ++j)
                row.push_back(n.classes.front().serviceTimes[k] / n.stations[k].rateMultiplier(j));
            rows.push_back(row);
        }
        call = "qncsmvald(" + N + ", " + octaveMatrix(rows) + ", " + V + ", " + Z + ")";
        break;
    }
    case Kind::ClosedMulti:
        call = "qncmmva(" + N + ", " + S + ", " + V + ", " + m + ", " + Z + ")";
        break;
    case Kind::OpenSingle:
        call = "qnos(" + lambda + ", " + S + ", " + V + ", " + m + ")";
        break;
    case Kind::OpenMulti: {
        // qnom takes X(c,k) = sum(lambda) V(c,k): it reads visits per arrival of any class, so
        // class c's visit ratios are passed scaled by lambda_c / sum(lambda).
        double total = 0;
        for (const auto &j : n.classes)
            total += j.arrivalRate;
        std::vector<std::vector<double>> scaled;
        for (const auto &j : n.classes) {
            std::vector<double> row = j.visits;
            for (double &v : row)
                v *= j.arrivalRate / total;
            scaled.push_back(row);
        }
        call = "qnom(" + lambda + ", " + S + ", " + octaveMatrix(scaled) + ", " + m + ")";
        break;
    }
    case Kind::Mixed:
        // All single-server here, so m is left to its default: qnmix 1.2.7 checks size_equal(lambda, m)
        // (classes against stations) and refuses any network whose class and station counts differ.
        call = "qnmix(" + lambda + ", " + N + ", " + S + ", " + V + ")";
        break;
    case Kind::BardSchweitzer:
        call = "qncmmvabs(" + N + ", " + S + ", " + V + ", " + m + ", " + Z + ", 1e-14, 100000)";
        break;
    }
    return "[U, R, Q, X] = " + call + "; dump(" + std::to_string(i) + ", U, R, Q, X);\n";
}

struct OctaveValue {
    double u = 0, r = 0, q = 0, x = 0;
};
using OctaveResults = std::map<std::tuple<std::size_t, std::size_t, std::size_t>, OctaveValue>;

bool close(double ours, double theirs)
{
    return std::abs(ours - theirs) <= relativeTolerance * std::max(std::abs(ours), std::abs(theirs)) + absoluteFloor;
}

} // namespace

class TestOctaveComparison : public QObject
{
    Q_OBJECT

private:
    std::vector<Case> m_cases;
    OctaveResults m_octave;

private Q_SLOTS:
    void initTestCase()
    {
        const QString octave = QStandardPaths::findExecutable(QStringLiteral("octave-cli"));
        if (octave.isEmpty())
            QFAIL("octave-cli not found: scripts/deps.sh installs octave and octave-queueing");
        m_cases = makeCases();

        std::string script = "1;\npkg load queueing\nwarning('off', 'all');\n"
                             "function dump(i, U, R, Q, X)\n"
                             "  for c = 1:rows(U)\n    for k = 1:columns(U)\n"
                             "      printf('%d %d %d %.17g %.17g %.17g %.17g\\n', i, c - 1, k - 1, U(c,k), R(c,k), Q(c,k), X(c,k));\n"
                             "    end\n  end\nend\n";
        for (std::size_t i = 0; i < m_cases.size(); ++i)
            script += octaveCall(i, m_cases[i]);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile file(dir.filePath(QStringLiteral("compare.m")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(script.c_str());
        file.close();

        QProcess process;
        process.start(octave, {QStringLiteral("--no-gui"), QStringLiteral("--quiet"), QStringLiteral("--no-window-system"),
                               file.fileName()});
        QVERIFY2(process.waitForFinished(300000), "octave-cli did not finish within 5 minutes");
        if (process.exitCode() != 0) {
            // Keep the script for whoever has to look into it.
            const QString kept = QDir::temp().filePath(QStringLiteral("iovplan-octave-comparison-failed.m"));
            QFile::remove(kept);
            QFile::copy(file.fileName(), kept);
            QFAIL(qPrintable(QStringLiteral("octave failed (script kept as %1): %2")
                                 .arg(kept, QString::fromLocal8Bit(process.readAllStandardError()))));
        }
        const QList<QByteArray> lines = process.readAllStandardOutput().split('\n');
        for (const QByteArray &line : lines) {
            std::istringstream in(line.toStdString());
            std::size_t i = 0, c = 0, k = 0;
            OctaveValue v;
            if (in >> i >> c >> k >> v.u >> v.r >> v.q >> v.x)
                m_octave[{i, c, k}] = v;
        }
        QVERIFY2(!m_octave.empty(), "octave printed no results");
    }

    void agreesWithOctave_data()
    {
        QTest::addColumn<int>("index");
        static const char *names[] = {"qncsmva closed single class", "qncsmvald load-dependent",
                                      "qncmmva closed multiclass", "qnos open multi-server",
                                      "qnom open multiclass", "qnmix mixed", "qncmmvabs Bard-Schweitzer"};
        for (std::size_t i = 0; i < m_cases.size(); ++i)
            QTest::newRow(qPrintable(QStringLiteral("Octave queueing %1 #%2")
                                         .arg(QLatin1String(names[static_cast<int>(m_cases[i].kind)]))
                                         .arg(i)))
                << static_cast<int>(i);
    }

    void agreesWithOctave()
    {
        QFETCH(int, index);
        const Case &c = m_cases[static_cast<std::size_t>(index)];
        const Solution solution = solve(c.network, optionsFor(c.method, 1e-14));
        QVERIFY(!solution.saturated);
        for (std::size_t r = 0; r < c.network.classCount(); ++r) {
            const JobClass &job = c.network.classes[r];
            for (std::size_t k = 0; k < c.network.stationCount(); ++k) {
                const auto found = m_octave.find({static_cast<std::size_t>(index), r, k});
                QVERIFY2(found != m_octave.end(), "octave result missing");
                const OctaveValue &theirs = found->second;
                const StationResult &station = solution.stations[k];
                const auto perClass = std::find_if(station.perClass.begin(), station.perClass.end(),
                                                   [&](const StationClassResult &p) { return p.className == job.name; });
                QVERIFY(perClass != station.perClass.end());
                const double x = perClass->throughput;
                const double q = perClass->queueLength.value_or(-1);
                const double rVisit = perClass->residenceTime.value_or(-1) / job.visits[k];
                // Single-class load-dependent: Octave's U is P(busy); otherwise class utilization
                // per server, or traffic intensity at a delay centre.
                const double u = c.kind == Kind::ClosedLoadDependent && c.network.stations[k].kind == StationKind::LoadDependent
                    ? station.utilization
                    : x * job.serviceTimes[k] / (c.network.stations[k].kind == StationKind::Queue ? c.network.stations[k].servers : 1);
                const auto where = QStringLiteral("class %1 station %2: ").arg(r).arg(k);
                QVERIFY2(close(x, theirs.x), qPrintable(where + QStringLiteral("X %1 vs %2").arg(x, 0, 'g', 17).arg(theirs.x, 0, 'g', 17)));
                QVERIFY2(close(q, theirs.q), qPrintable(where + QStringLiteral("Q %1 vs %2").arg(q, 0, 'g', 17).arg(theirs.q, 0, 'g', 17)));
                QVERIFY2(close(rVisit, theirs.r), qPrintable(where + QStringLiteral("R %1 vs %2").arg(rVisit, 0, 'g', 17).arg(theirs.r, 0, 'g', 17)));
                QVERIFY2(close(u, theirs.u), qPrintable(where + QStringLiteral("U %1 vs %2").arg(u, 0, 'g', 17).arg(theirs.u, 0, 'g', 17)));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestOctaveComparison)
#include "tst_octavecomparison.moc"
