// SPDX-License-Identifier: GPL-3.0-or-later
// Opening a big Chrome trace: import time against Python's json.load of the same file, the
// importer's peak memory against the file's size (in a child that does nothing else), and
// the model's memory per span.
#include "benchutil.h"

#include "chrometraceimport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <cstdio>

#if defined(__GLIBC__)
#include <malloc.h>
#endif
#if !defined(Q_OS_WIN)
#include <sys/resource.h>
#endif

using namespace ForklineBench;

namespace {

constexpr int kEvents = 1000000;
constexpr int kRounds = 3;
const QByteArray kPeakFlag = QByteArrayLiteral("--fl-bench-import-peak");

// A trace like a long, busy run seen by another tool: 12 processes of 8 threads with
// realistic pids and tids, events interleaved across threads in time order, state slices
// with other tools' slices nested inside some, prints and forks, flows between threads
// and memory counters. About 100 bytes an event.
bool writeTrace(const QString& path, int events)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    constexpr int kProcs = 12;
    constexpr int kThreads = 8;
    struct LaneGen
    {
        qint64 pid, tid;
        qint64 clock; // ns
    };
    std::vector<LaneGen> lanes;
    QByteArray out = "{\"traceEvents\":[\n";
    auto micros = [](qint64 ns) -> QByteArray {
        return QByteArray::number(ns / 1000) + '.' + QByteArray::number(ns % 1000 + 1000).mid(1);
    };
    for (int p = 0; p < kProcs; ++p) {
        const qint64 pid = 21377 + 131 * p;
        out += "{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":" + QByteArray::number(pid) + ",\"tid\":"
            + QByteArray::number(pid) + ",\"args\":{\"name\":\"worker-pool-" + QByteArray::number(p) + "\"}},\n";
        for (int t = 0; t < kThreads; ++t) {
            const qint64 tid = t == 0 ? pid : pid + 3 + 2 * t;
            out += "{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":" + QByteArray::number(pid)
                + ",\"tid\":" + QByteArray::number(tid) + ",\"args\":{\"name\":\""
                + (t == 0 ? QByteArray("MainThread") : "Thread-" + QByteArray::number(t)) + "\"}},\n";
            lanes.push_back({ pid, tid, 123456789000LL + 1000LL * t });
        }
    }
    static const char* const kStates[] = { "running", "sleeping", "computing", "waiting:gil", "waiting:lock" };
    static const char* const kForeign[] = { "GC", "json.parse", "compile", "v8.run" };
    QRandomGenerator rng(20240601);
    qint64 flowId = 1;
    std::vector<std::pair<qint64, qint64>> pendingFlows; // id, ts: an f still to write
    int written = 0;
    while (written < events) {
        LaneGen& l = lanes[size_t(rng.bounded(int(lanes.size())))];
        const QByteArray ids = ",\"pid\":" + QByteArray::number(l.pid) + ",\"tid\":" + QByteArray::number(l.tid);
        const int kind = rng.bounded(100);
        const qint64 dur = 1000 + rng.bounded(2000000);
        if (kind < 62) {
            out += "{\"ph\":\"X\",\"cat\":\"state\",\"name\":\"" + QByteArray(kStates[rng.bounded(5)]) + '"' + ids
                + ",\"ts\":" + micros(l.clock) + ",\"dur\":" + micros(dur) + "},\n";
            if (kind < 10) { // a slice of another tool inside it
                out += "{\"ph\":\"X\",\"cat\":\"v8\",\"name\":\"" + QByteArray(kForeign[rng.bounded(4)]) + '"' + ids
                    + ",\"ts\":" + micros(l.clock + dur / 4) + ",\"dur\":" + micros(dur / 2) + "},\n";
                ++written;
            }
            l.clock += dur + rng.bounded(5000);
        } else if (kind < 82) {
            out += "{\"ph\":\"i\",\"s\":\"t\",\"cat\":\"event\",\"name\":\"print\"" + ids + ",\"ts\":" + micros(l.clock)
                + ",\"args\":{\"text\":\"[" + QByteArray::number(l.tid) + "] step " + QByteArray::number(written)
                + " done\"}},\n";
            l.clock += 500;
        } else if (kind < 94) {
            if (!pendingFlows.empty() && rng.bounded(2)) {
                const auto [id, from] = pendingFlows.back();
                pendingFlows.pop_back();
                l.clock = std::max(l.clock, from + 1000);
                out += "{\"ph\":\"f\",\"bp\":\"e\",\"cat\":\"flow\",\"name\":\"message\",\"id\":"
                    + QByteArray::number(id) + ids + ",\"ts\":" + micros(l.clock) + "},\n";
            } else {
                out += "{\"ph\":\"s\",\"cat\":\"flow\",\"name\":\"message\",\"id\":" + QByteArray::number(flowId) + ids
                    + ",\"ts\":" + micros(l.clock) + "},\n";
                pendingFlows.push_back({ flowId++, l.clock });
            }
        } else {
            out += "{\"ph\":\"C\",\"cat\":\"counter\",\"name\":\"memory\",\"pid\":" + QByteArray::number(l.pid)
                + ",\"tid\":" + QByteArray::number(l.pid) + ",\"ts\":" + micros(l.clock)
                + ",\"args\":{\"MiB\":" + QByteArray::number(20 + rng.bounded(4000) / 16.0) + "}},\n";
        }
        ++written;
        if (out.size() > (1 << 20)) {
            if (f.write(out) != out.size())
                return false;
            out.clear();
        }
    }
    out += "{\"ph\":\"M\",\"name\":\"process_labels\",\"pid\":21377,\"args\":{\"labels\":\"bench\"}}\n]}\n";
    return f.write(out) == out.size() && f.flush();
}

// A trace like `clang -ftime-trace` or a profiler's: slices nested ten deep (an outer one, then
// each next one inside the last, as a call stack), 16 threads, a million X events in all,
// written outer first as such tools write them.
bool writeNestedTrace(const QString& path, int events)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    constexpr int kLanes = 16;
    constexpr int kDepth = 10;
    static const char* const kNames[kDepth]
        = { "ExecuteCompiler", "Frontend", "Source", "ParseClass", "ParseFunctionDefinition",
              "PerformPendingInstantiations", "InstantiateFunction", "CodeGen Function", "RunPass", "OptFunction" };
    std::vector<qint64> clocks(kLanes, 5000000000LL);
    QRandomGenerator rng(20240602);
    QByteArray out = "{\"traceEvents\":[\n";
    auto micros = [](qint64 ns) -> QByteArray {
        return QByteArray::number(ns / 1000) + '.' + QByteArray::number(ns % 1000 + 1000).mid(1);
    };
    int written = 0;
    while (written < events) {
        const int lane = rng.bounded(kLanes);
        const QByteArray ids = ",\"pid\":4242,\"tid\":" + QByteArray::number(4242 + lane);
        qint64 start = clocks[size_t(lane)];
        qint64 dur = 2000000 + rng.bounded(20000000);
        for (int d = 0; d < kDepth && written < events; ++d, ++written) {
            out += "{\"ph\":\"X\",\"cat\":\"c\",\"name\":\"" + QByteArray(kNames[d]) + '"' + ids
                + ",\"ts\":" + micros(start) + ",\"dur\":" + micros(dur) + "},\n";
            const qint64 inset = 1000 + rng.bounded(int(dur / 8));
            start += inset;
            dur -= 2 * inset;
        }
        clocks[size_t(lane)] += 25000000;
        if (out.size() > (1 << 20)) {
            if (f.write(out) != out.size())
                return false;
            out.clear();
        }
    }
    out += "{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":4242,\"args\":{\"name\":\"clang\"}}\n]}\n";
    return f.write(out) == out.size() && f.flush();
}

double importMs(const QString& path, Forkline::JsonBackend backend, qint64* spans)
{
    Forkline::ChromeTraceImportOptions options;
    options.backend = backend;
    QElapsedTimer timer;
    timer.start();
    const Forkline::ChromeTraceImportResult r = Forkline::importChromeTrace(path, options);
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    if (!r.ok())
        qWarning("import_1m_ms: %s", qPrintable(r.error));
    *spans = r.model.spanCount();
    return ms;
}

double pythonMs(const QString& python, const QString& path)
{
    QProcess p;
    QElapsedTimer timer;
    timer.start();
    p.start(python, { QStringLiteral("-c"), QStringLiteral("import json, sys; json.load(open(sys.argv[1]))"), path });
    if (!p.waitForFinished(600000) || p.exitCode() != 0)
        return -1;
    return double(timer.nsecsElapsed()) / 1e6;
}

// The baseline interpreter's version as major + minor/100 + micro/10000 (3.1102 for 3.11.2):
// builds of one version differ (a Python built without optimisation parses far slower), so a
// ratio says which one it was measured against. 0 when it cannot be asked.
double pythonVersion(const QString& python)
{
    QProcess p;
    p.start(python,
        { QStringLiteral("-c"),
            QStringLiteral("import sys; v = sys.version_info; print(v[0] + v[1] / 100 + v[2] / 10000)") });
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return 0;
    return p.readAllStandardOutput().trimmed().toDouble();
}

qint64 peakRssBytes()
{
#if defined(Q_OS_WIN)
    return -1;
#else
    struct rusage usage;
    if (getrusage(RUSAGE_SELF, &usage) != 0)
        return -1;
#if defined(Q_OS_MACOS)
    return qint64(usage.ru_maxrss); // bytes
#else
    return qint64(usage.ru_maxrss) * 1024; // kilobytes
#endif
#endif
}

// The helper process: imports argv[2] and prints its own peak resident memory.
int importPeakMain(int argc, char** argv)
{
    if (argc < 3)
        return 2;
    const Forkline::ChromeTraceImportResult r = Forkline::importChromeTrace(QString::fromLocal8Bit(argv[2]));
    if (!r.ok())
        return 1;
    std::printf("%lld %lld\n", static_cast<long long>(peakRssBytes()), static_cast<long long>(r.model.spanCount()));
    return 0;
}

struct TraceFile
{
    QTemporaryDir dir;
    QString path;
    qint64 size = 0;
};

TraceFile& benchTrace()
{
    static TraceFile file;
    if (file.path.isEmpty()) {
        file.path = file.dir.filePath(QStringLiteral("big.json"));
        if (!writeTrace(file.path, kEvents))
            qWarning("import bench: cannot write %s", qPrintable(file.path));
        file.size = QFile(file.path).size();
    }
    return file;
}

std::vector<Result> import1m()
{
    const TraceFile& file = benchTrace();
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    std::vector<double> ours;
    std::vector<double> baseline;
    qint64 spans = 0;
    // Alternate, so that load from elsewhere on the machine hits both alike.
    for (int round = 0; round < kRounds; ++round) {
        ours.push_back(importMs(file.path, Forkline::JsonBackend::Auto, &spans));
        if (!python.isEmpty()) {
            const double ms = pythonMs(python, file.path);
            if (ms >= 0)
                baseline.push_back(ms);
        }
    }
    qint64 fallbackSpans = 0;
    const double fallback = importMs(file.path, Forkline::JsonBackend::QtJson, &fallbackSpans);
    Result r;
    r.bench = QStringLiteral("import_1m_ms");
    r.unit = QStringLiteral("ms");
    r.value = median(ours);
    if (!baseline.empty())
        r.baseline = median(baseline);
    r.extra = { { QStringLiteral("events"), double(kEvents) }, { QStringLiteral("file_mb"), double(file.size) / 1e6 },
        { QStringLiteral("spans"), double(spans) }, { QStringLiteral("qtjson_ms"), fallback },
        { QStringLiteral("simdjson"), Forkline::chromeTraceSimdjsonAvailable() ? 1.0 : 0.0 },
        { QStringLiteral("python_version"), python.isEmpty() ? 0.0 : pythonVersion(python) } };
    return { r };
}

std::vector<Result> importNested1m()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("nested.json"));
    if (!writeNestedTrace(path, kEvents)) {
        qWarning("import_nested_1m_ms: cannot write %s", qPrintable(path));
        return {};
    }
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    std::vector<double> ours;
    std::vector<double> baseline;
    qint64 spans = 0;
    for (int round = 0; round < kRounds; ++round) {
        ours.push_back(importMs(path, Forkline::JsonBackend::Auto, &spans));
        if (!python.isEmpty()) {
            const double ms = pythonMs(python, path);
            if (ms >= 0)
                baseline.push_back(ms);
        }
    }
    Result r;
    r.bench = QStringLiteral("import_nested_1m_ms");
    r.unit = QStringLiteral("ms");
    r.value = median(ours);
    if (!baseline.empty())
        r.baseline = median(baseline);
    r.extra = { { QStringLiteral("events"), double(kEvents) },
        { QStringLiteral("file_mb"), double(QFile(path).size()) / 1e6 }, { QStringLiteral("spans"), double(spans) },
        { QStringLiteral("python_version"), python.isEmpty() ? 0.0 : pythonVersion(python) } };
    return { r };
}

std::vector<Result> importPeakRatio()
{
    const TraceFile& file = benchTrace();
    QProcess child;
    child.start(QCoreApplication::applicationFilePath(), { QString::fromLatin1(kPeakFlag), file.path });
    Result r;
    r.bench = QStringLiteral("import_peak_ratio");
    r.unit = QStringLiteral("x");
    if (!child.waitForFinished(600000) || child.exitCode() != 0) {
        qWarning("import_peak_ratio: the helper failed: %s", child.readAllStandardError().constData());
        return {};
    }
    const QList<QByteArray> fields = child.readAllStandardOutput().trimmed().split(' ');
    const double peak = fields.value(0).toDouble();
    r.value = file.size > 0 ? peak / double(file.size) : 0;
    r.extra = { { QStringLiteral("peak_mb"), peak / 1e6 }, { QStringLiteral("file_mb"), double(file.size) / 1e6 },
        { QStringLiteral("spans"), fields.value(1).toDouble() } };
    return { r };
}

qint64 heapInUse()
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
    const struct mallinfo2 m = mallinfo2();
    return qint64(m.uordblks + m.hblkhd);
#else
    return -1;
#endif
}

std::vector<Result> modelBytesPerSpan()
{
    constexpr int kLanes = 1000;
    constexpr int kSpansPerLane = 1000;
    const qint64 before = heapInUse();
    if (before < 0) {
        qWarning("model_bytes_per_span: needs glibc's mallinfo2");
        return {};
    }
    double perSpan = 0;
    qint64 spans = 0;
    {
        // Built the way the collector builds a live run: one state change at a time.
        Forkline::TraceModel model;
        for (int lane = 0; lane < kLanes; ++lane) {
            const qint64 pid = 30000 + lane / 10;
            const int index = model.ensureLane(pid, lane % 10 == 0 ? pid : pid + lane % 10);
            for (int i = 0; i < kSpansPerLane; ++i)
                model.setState(index, qint64(i) * 1000, i % 2 ? Forkline::State::Sleeping : Forkline::State::Running);
        }
        model.closeAll(qint64(kSpansPerLane) * 1000);
        spans = model.spanCount();
        perSpan = double(heapInUse() - before) / double(spans);
    }
    Result r;
    r.bench = QStringLiteral("model_bytes_per_span");
    r.unit = QStringLiteral("B");
    r.value = perSpan;
    r.extra = { { QStringLiteral("spans"), double(spans) }, { QStringLiteral("lanes"), double(kLanes) } };
    return { r };
}

const Registrar a(QStringLiteral("import_1m_ms"), import1m);
const Registrar b(QStringLiteral("import_peak_ratio"), importPeakRatio);
const Registrar c(QStringLiteral("model_bytes_per_span"), modelBytesPerSpan);
const Registrar d(QStringLiteral("import_nested_1m_ms"), importNested1m);
const HiddenModeRegistrar peak(kPeakFlag, importPeakMain);

} // namespace
