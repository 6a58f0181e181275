// SPDX-License-Identifier: GPL-3.0-or-later
// How long the GUI thread stops answering while a busy run streams in: 64 threads, each
// printing and sleeping a millisecond over and over, watched live by a real MainWindow (its
// timeline, console and collector, and the runner it starts as the app does). Besides the
// longest stall: how busy the GUI thread was (overall, and the most CPU time it spent between
// two ticks: the part of the worst stall that was its own work), how many lines the console
// shows (every print, and its notes), and the machine's load, since other programs on the
// same cores stall the window too.
#include "benchutil.h"

#include "consolemodel.h"
#include "consolepane.h"
#include "mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>
#include <QWindow>
#include <cstdlib>
#include <ctime>

using namespace ForklineBench;
using namespace Forkline;

namespace {

constexpr int kWorkers = 64;
constexpr int kRunMs = 10000;
constexpr int kTickMs = 1;
constexpr int kStopWaitMs = 15000;

// CPU time of the calling thread, -1 where the system does not say.
double threadCpuMs()
{
#if defined(CLOCK_THREAD_CPUTIME_ID)
    timespec ts {};
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) == 0)
        return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
#endif
    return -1;
}

// Far more rounds than fit in the measured time: the run is stopped, not waited for.
QByteArray busyScenario()
{
    // No GIL: the threads print as fast as the system lets them rather than take turns.
    QByteArray json = R"({"format": 1, "name": "live-stall", "gil": false, "main": [)";
    for (int i = 0; i < kWorkers; ++i)
        json += QStringLiteral(R"({"start": "w%1"},)").arg(i).toUtf8();
    for (int i = 0; i < kWorkers; ++i)
        json += QStringLiteral(R"(%1{"join": "w%2"})").arg(i ? QStringLiteral(",") : QString()).arg(i).toUtf8();
    json += R"(], "workers": [)";
    for (int i = 0; i < kWorkers; ++i)
        json += QStringLiteral(R"(%1{"name": "w%2", "steps": [{"repeat": 1000000, "as": "i", "steps": [)"
                               R"({"print": "{name} {i}"}, {"sleep": 0.001}]}]})")
                    .arg(i ? QStringLiteral(",") : QString())
                    .arg(i)
                    .toUtf8();
    json += "]}";
    return json;
}

std::vector<Result> liveStall()
{
    // The window remembers things between sessions; keep them apart from the app's own.
    QCoreApplication::setOrganizationName(QStringLiteral("ForklineBench"));
    QCoreApplication::setApplicationName(QStringLiteral("forkline-bench"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("live-stall.json"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(busyScenario()) < 0)
        return {};
    file.close();

    MainWindow window;
    window.setRunnerProgram(forklineProgram());
    window.resize(1600, 1000);
    window.show();
    if (!window.openScenarioFile(path)) {
        qWarning("live_stall_ms: the scenario does not load");
        return {};
    }
    window.setTimeScale(1.0);
    // Opening the window (its first expose and paint) comes before a person presses Run, and
    // is not part of the run being watched.
    QElapsedTimer opening;
    opening.start();
    while (!(window.windowHandle() && window.windowHandle()->isExposed()) && opening.elapsed() < 5000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    QCoreApplication::processEvents();

    // A 1 ms timer: how late each tick comes is how long the event loop was busy elsewhere.
    // The thread's own CPU time between ticks tells how much of that was the window's work
    // and how much the system running something else.
    std::vector<double> lateness;
    lateness.reserve(size_t(kRunMs / kTickMs) + 1);
    QElapsedTimer clock;
    qint64 last = 0;
    double cpuLast = -1;
    double worstBusy = -1;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(kTickMs);
    QObject::connect(&tick, &QTimer::timeout, &tick, [&] {
        const qint64 now = clock.nsecsElapsed();
        lateness.push_back(std::max(0.0, double(now - last) / 1e6 - kTickMs));
        last = now;
        const double cpu = threadCpuMs();
        if (cpu >= 0 && cpuLast >= 0)
            worstBusy = std::max(worstBusy, cpu - cpuLast);
        cpuLast = cpu;
    });

    QEventLoop loop;
    QObject::connect(&window, &MainWindow::runFinished, &loop, &QEventLoop::quit);
    if (!window.startRun()) {
        qWarning("live_stall_ms: the run does not start");
        return {};
    }
    clock.start();
    tick.start();
    const double cpuStart = threadCpuMs();
    double cpuMs = -1;
    QTimer::singleShot(kRunMs, &window, [&] {
        tick.stop();
        if (cpuStart >= 0)
            cpuMs = threadCpuMs() - cpuStart;
        window.stopRun();
    });
    QTimer::singleShot(kRunMs + kStopWaitMs, &loop, &QEventLoop::quit);
    loop.exec();

    const TraceModel model = window.exportModel();
    window.console()->flush();
    qint64 events = 0;
    for (const Lane& l : model.lanes())
        events += qint64(l.spans.size() + l.instants.size());
    Result r;
    r.bench = QStringLiteral("live_stall_ms");
    r.unit = QStringLiteral("ms");
    r.value = lateness.empty() ? 0 : *std::max_element(lateness.begin(), lateness.end());
    r.extra
        = { { QStringLiteral("p99"), percentile(lateness, 0.99) }, { QStringLiteral("ticks"), double(lateness.size()) },
              { QStringLiteral("lanes"), double(model.laneCount()) }, { QStringLiteral("events"), double(events) },
              { QStringLiteral("events_per_s"), double(events) / (kRunMs / 1000.0) },
              { QStringLiteral("prints"), double(model.prints().size()) },
              { QStringLiteral("console_rows"), double(window.console()->model()->totalRows()) } };
    if (cpuMs >= 0)
        r.extra.emplace_back(QStringLiteral("gui_cpu_share"), cpuMs / kRunMs);
    if (worstBusy >= 0)
        r.extra.emplace_back(QStringLiteral("worst_busy_ms"), worstBusy);
    double load = 0;
    if (getloadavg(&load, 1) == 1)
        r.extra.emplace_back(QStringLiteral("loadavg"), load);
    return { r };
}

const Registrar live(QStringLiteral("live_stall_ms"), liveStall);

} // namespace
