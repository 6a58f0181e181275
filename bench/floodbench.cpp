// SPDX-License-Identifier: GPL-3.0-or-later
// What a million printed lines cost the window: four threads print 250,000 lines each as fast
// as they can, watched live by a real MainWindow, whose console shows every one of them. The
// figure is the window process's resident memory once the run is over and every line is in
// the console; beside it, the memory before the run, how long the event loop stalled at worst
// while the lines poured in, and how many lines the console shows.
#include "benchutil.h"
#include "livewatch.h"

#include "console/consolemodel.h"
#include "console/consolepane.h"
#include "tracemodel.h"
#include "view/timelineview.h"
#include "window/mainwindow.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QTimer>

using namespace ForklineBench;
using namespace Forkline;

namespace {

constexpr int kWorkers = 4;
constexpr int kRunLimitMs = 600000;

// Resident memory of this process in MiB; -1 where /proc does not say.
double residentMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

std::vector<Result> liveFlood()
{
    WatchedWindow watched(fanOutScenario("flood", kWorkers,
        R"({"repeat": 250000, "as": "i", "steps": [{"print": "{name} printed line {i} of the flood"}]})"));
    if (!watched.isReady())
        return {};
    MainWindow& window = watched.window();
    const double before = residentMiB();
    StallClock stalls;
    QEventLoop loop;
    QObject::connect(&window, &MainWindow::runFinished, &loop, &QEventLoop::quit);
    if (!window.startRun()) {
        qWarning("live_flood_mib: the run does not start");
        return {};
    }
    stalls.start();
    QTimer::singleShot(kRunLimitMs, &loop, &QEventLoop::quit);
    loop.exec();
    stalls.stop();
    // Every line in the console, and what it draws of them on screen.
    window.console()->flush();
    QCoreApplication::processEvents();

    Result r;
    r.bench = QStringLiteral("live_flood_mib");
    r.unit = QStringLiteral("MiB");
    r.value = residentMiB();
    r.extra = { { QStringLiteral("rss_before_run_mib"), before },
        { QStringLiteral("prints"), double(window.timelineView()->model()->prints().size()) },
        { QStringLiteral("console_rows"), double(window.console()->model()->rowCount()) },
        { QStringLiteral("seconds"), stalls.seconds() }, { QStringLiteral("stall_ms"), stalls.worstMs() },
        { QStringLiteral("p99"), percentile(stalls.lateness(), 0.99) } };
    if (loadAverage() >= 0)
        r.extra.emplace_back(QStringLiteral("loadavg"), loadAverage());
    return { r };
}

const Registrar flood(QStringLiteral("live_flood_mib"), liveFlood);

} // namespace
