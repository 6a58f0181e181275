// SPDX-License-Identifier: GPL-3.0-or-later
// What tracing costs a real Python program (bench/python/*.py):
// - python_trace_overhead: the wall time of `forkline run FILE.py` (interpreter check, tracer,
//   collector, all of it) over `python3 FILE.py`, on seed 003's sum split over two threads,
//   sized to about a second, and on a program that prints and sleeps 10,000 times;
// - python_event_latency_ms: from print() in the program to its mark in the collector's model.
// The interpreter is the python3 on PATH (FORKLINE_BENCH_PYTHON names another).
#include "benchutil.h"

#include "collector.h"
#include "platform.h"
#include "pythonlauncher.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>
#include <cstdio>
#include <cstdlib>

using namespace ForklineBench;
using namespace Forkline;

namespace {

constexpr int kRounds = 3;
constexpr int kTimeoutMs = 600000;

QString pythonProgram()
{
    const QString chosen = qEnvironmentVariable("FORKLINE_BENCH_PYTHON");
    return chosen.isEmpty() ? QStandardPaths::findExecutable(QStringLiteral("python3")) : chosen;
}

// The real interpreter behind a name such as a pyenv shim: the untraced run must not pay for
// a launcher that the traced one skips.
QString realInterpreter(const QString& python)
{
    QProcess p;
    p.start(python, { QStringLiteral("-c"), QStringLiteral("import sys; print(sys.executable)") });
    if (!p.waitForFinished(kTimeoutMs))
        return python;
    const QString exe = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    return exe.isEmpty() ? python : exe;
}

QString script(const char* name)
{
    return QStringLiteral(FORKLINE_SOURCE_DIR "/bench/python/") + QLatin1String(name);
}

// Wall seconds of one run with stdout thrown away; < 0 when it failed.
double wallSeconds(const QString& program, const QStringList& args)
{
    QProcess p;
    p.setStandardOutputFile(QProcess::nullDevice());
    p.setStandardInputFile(QProcess::nullDevice());
    QElapsedTimer clock;
    clock.start();
    p.start(program, args);
    if (!p.waitForFinished(kTimeoutMs) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        std::fprintf(stderr, "forkline-bench: %s %s failed: %s\n", qPrintable(program),
            qPrintable(args.join(QLatin1Char(' '))), p.readAllStandardError().constData());
        return -1;
    }
    return clock.nsecsElapsed() / 1e9;
}

double loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? f.readAll().split(' ').value(0).toDouble() : -1;
}

// Rounds alternate untraced and traced, so that a change in the machine's load falls on both.
Result overhead(const QString& bench, const QString& python, const QString& file, const QStringList& args)
{
    std::vector<double> plain;
    std::vector<double> traced;
    for (int i = 0; i < kRounds; ++i) {
        plain.push_back(wallSeconds(python, QStringList { file } << args));
        QStringList cli { QStringLiteral("run"), file, QStringLiteral("--python"), python };
        if (!args.isEmpty())
            cli << QStringLiteral("--") << args;
        traced.push_back(wallSeconds(forklineProgram(), cli));
    }
    Result r { bench, median(traced), QStringLiteral("s"), median(plain), {} };
    r.extra = { { QStringLiteral("traced_min"), *std::min_element(traced.begin(), traced.end()) },
        { QStringLiteral("traced_max"), *std::max_element(traced.begin(), traced.end()) },
        { QStringLiteral("plain_min"), *std::min_element(plain.begin(), plain.end()) },
        { QStringLiteral("plain_max"), *std::max_element(plain.begin(), plain.end()) },
        { QStringLiteral("load"), loadAverage() } };
    return r;
}

std::vector<Result> traceOverhead()
{
    const QString python = realInterpreter(pythonProgram());
    if (python.isEmpty()) {
        std::fprintf(stderr, "forkline-bench: no python3 for python_trace_overhead\n");
        return {};
    }
    // Size the threaded sum to about a second of this machine's time, untraced.
    qint64 size = 2000000;
    for (int i = 0; i < 6; ++i) {
        const double s = wallSeconds(python, { script("thread_sum.py"), QString::number(size) });
        if (s <= 0 || s > 0.7)
            break;
        size = qint64(double(size) * std::min(8.0, 1.0 / std::max(s, 0.05)));
    }
    return { overhead(QStringLiteral("python_trace_overhead.threads"), python, script("thread_sum.py"),
                 { QString::number(size) }),
        overhead(QStringLiteral("python_trace_overhead.prints"), python, script("print_sleep.py"),
            { QStringLiteral("10000") }) };
}

std::vector<Result> eventLatency()
{
    const QString python = pythonProgram();
    PythonLauncher::Request request;
    request.file = script("print_latency.py");
    request.python = python;
    request.arguments = { QStringLiteral("200") };
    Collector::Launch launch;
    QString error;
    if (python.isEmpty() || !PythonLauncher::prepare(request, &launch, &error)) {
        std::fprintf(stderr, "forkline-bench: python_event_latency_ms: %s\n", qPrintable(error));
        return {};
    }
    Collector collector;
    std::vector<double> latencies;
    QObject::connect(&collector, &Collector::printed, [&latencies](int, const QString& text) {
        // Each line is the moment print() was called, on the clock the collector reads.
        bool ok = false;
        const qint64 printedAt = text.toLongLong(&ok);
        if (ok)
            latencies.push_back((monotonicNs() - printedAt) / 1e6);
    });
    QEventLoop loop;
    bool done = false;
    QObject::connect(&collector, &Collector::finished, &loop, [&] {
        done = true;
        loop.quit();
    });
    QTimer::singleShot(kTimeoutMs, &loop, &QEventLoop::quit);
    if (collector.start(launch, &error))
        loop.exec();
    if (!done || latencies.empty()) {
        std::fprintf(stderr, "forkline-bench: python_event_latency_ms: the run failed %s\n", qPrintable(error));
        return {};
    }
    Result r { QStringLiteral("python_event_latency_ms"), median(latencies), QStringLiteral("ms"), std::nullopt, {} };
    r.extra = { { QStringLiteral("p90"), percentile(latencies, 0.9) },
        { QStringLiteral("max"), *std::max_element(latencies.begin(), latencies.end()) },
        { QStringLiteral("samples"), double(latencies.size()) }, { QStringLiteral("load"), loadAverage() } };
    return { r };
}

const Registrar overheadBench(QStringLiteral("python_trace_overhead"), traceOverhead);
const Registrar latencyBench(QStringLiteral("python_event_latency_ms"), eventLatency);

} // namespace
