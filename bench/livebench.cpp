// SPDX-License-Identifier: GPL-3.0-or-later
// How long the GUI thread stops answering while a busy run streams in: 64 threads, each
// printing and sleeping a millisecond over and over, watched live by a real MainWindow (its
// timeline, console and collector, and the runner it starts as the app does). Besides the
// longest stall: how busy the GUI thread was (overall, and the most CPU time it spent between
// two ticks: the part of the worst stall that was its own work), how many lines the console
// shows (every print, and its notes), and the machine's load, since other programs on the
// same cores stall the window too.
#include "benchutil.h"
#include "livewatch.h"

#include "console/consolemodel.h"
#include "console/consolepane.h"
#include "window/mainwindow.h"

#include <QEventLoop>
#include <QTimer>

using namespace ForklineBench;
using namespace Forkline;

namespace {

constexpr int kWorkers = 64;
constexpr int kRunMs = 10000;
constexpr int kStopWaitMs = 15000;

std::vector<Result> liveStall()
{
    // Far more rounds than fit in the measured time: the run is stopped, not waited for. No
    // GIL: the threads print as fast as the system lets them rather than take turns.
    WatchedWindow watched(fanOutScenario("live-stall", kWorkers,
        R"({"repeat": 1000000, "as": "i", "steps": [{"print": "{name} {i}"}, {"sleep": 0.001}]})"));
    if (!watched.isReady())
        return {};
    MainWindow& window = watched.window();
    StallClock stalls;
    QEventLoop loop;
    QObject::connect(&window, &MainWindow::runFinished, &loop, &QEventLoop::quit);
    if (!window.startRun()) {
        qWarning("live_stall_ms: the run does not start");
        return {};
    }
    stalls.start();
    QTimer::singleShot(kRunMs, &window, [&] {
        stalls.stop();
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
    r.value = stalls.worstMs();
    r.extra = { { QStringLiteral("p99"), percentile(stalls.lateness(), 0.99) },
        { QStringLiteral("ticks"), double(stalls.lateness().size()) },
        { QStringLiteral("lanes"), double(model.laneCount()) }, { QStringLiteral("events"), double(events) },
        { QStringLiteral("events_per_s"), double(events) / (kRunMs / 1000.0) },
        { QStringLiteral("prints"), double(model.prints().size()) },
        { QStringLiteral("console_rows"), double(window.console()->model()->totalRows()) } };
    if (stalls.cpuMs() >= 0)
        r.extra.emplace_back(QStringLiteral("gui_cpu_share"), stalls.cpuMs() / kRunMs);
    if (stalls.worstBusyMs() >= 0)
        r.extra.emplace_back(QStringLiteral("worst_busy_ms"), stalls.worstBusyMs());
    if (loadAverage() >= 0)
        r.extra.emplace_back(QStringLiteral("loadavg"), loadAverage());
    return { r };
}

const Registrar live(QStringLiteral("live_stall_ms"), liveStall);

} // namespace
