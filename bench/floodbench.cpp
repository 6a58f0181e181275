// SPDX-License-Identifier: GPL-3.0-or-later
// What a million printed lines cost the window: four threads print 250,000 lines each as fast
// as they can, watched live by a real MainWindow, whose console shows every one of them. The
// figure is the window process's resident memory once the run is over and every line is in
// the console; beside it, the memory before the run, how long the event loop stalled at worst
// while the lines poured in, and how many lines the console shows.
#include "benchutil.h"

#include "consolemodel.h"
#include "consolepane.h"
#include "mainwindow.h"
#include "timelineview.h"
#include "tracemodel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>
#include <QWindow>
#include <cstdlib>

using namespace ForklineBench;
using namespace Forkline;

namespace {

constexpr int kWorkers = 4;
constexpr int kLinesEach = 250000;
constexpr int kTickMs = 1;
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

QByteArray floodScenario()
{
    QByteArray json = R"({"format": 1, "name": "flood", "gil": false, "main": [)";
    for (int i = 0; i < kWorkers; ++i)
        json += QStringLiteral(R"({"start": "w%1"},)").arg(i).toUtf8();
    for (int i = 0; i < kWorkers; ++i)
        json += QStringLiteral(R"(%1{"join": "w%2"})").arg(i ? QStringLiteral(",") : QString()).arg(i).toUtf8();
    json += R"(], "workers": [)";
    for (int i = 0; i < kWorkers; ++i)
        json += QStringLiteral(R"(%1{"name": "w%2", "steps": [{"repeat": %3, "as": "i", "steps": [)"
                               R"({"print": "{name} printed line {i} of the flood"}]}]})")
                    .arg(i ? QStringLiteral(",") : QString())
                    .arg(i)
                    .arg(kLinesEach)
                    .toUtf8();
    json += "]}";
    return json;
}

std::vector<Result> liveFlood()
{
    QCoreApplication::setOrganizationName(QStringLiteral("ForklineBench"));
    QCoreApplication::setApplicationName(QStringLiteral("forkline-bench"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("flood.json"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(floodScenario()) < 0)
        return {};
    file.close();

    MainWindow window;
    window.setRunnerProgram(forklineProgram());
    window.resize(1600, 1000);
    window.show();
    if (!window.openScenarioFile(path)) {
        qWarning("live_flood_mib: the scenario does not load");
        return {};
    }
    window.setTimeScale(1.0);
    QElapsedTimer opening;
    opening.start();
    while (!(window.windowHandle() && window.windowHandle()->isExposed()) && opening.elapsed() < 5000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    QCoreApplication::processEvents();
    const double before = residentMiB();

    std::vector<double> lateness;
    QElapsedTimer clock;
    qint64 last = 0;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(kTickMs);
    QObject::connect(&tick, &QTimer::timeout, &tick, [&] {
        const qint64 now = clock.nsecsElapsed();
        lateness.push_back(std::max(0.0, double(now - last) / 1e6 - kTickMs));
        last = now;
    });
    QEventLoop loop;
    QObject::connect(&window, &MainWindow::runFinished, &loop, &QEventLoop::quit);
    if (!window.startRun()) {
        qWarning("live_flood_mib: the run does not start");
        return {};
    }
    clock.start();
    tick.start();
    QTimer::singleShot(kRunLimitMs, &loop, &QEventLoop::quit);
    loop.exec();
    tick.stop();
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
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
        { QStringLiteral("seconds"), seconds },
        { QStringLiteral("stall_ms"), lateness.empty() ? 0 : *std::max_element(lateness.begin(), lateness.end()) },
        { QStringLiteral("p99"), percentile(lateness, 0.99) } };
    double load = 0;
    if (getloadavg(&load, 1) == 1)
        r.extra.emplace_back(QStringLiteral("loadavg"), load);
    return { r };
}

const Registrar flood(QStringLiteral("live_flood_mib"), liveFlood);

} // namespace
