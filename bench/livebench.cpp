// SPDX-License-Identifier: GPL-3.0-or-later
// How long the GUI thread stops answering while a busy run streams in: 64 threads, each
// printing and sleeping a millisecond over and over, watched live by a real MainWindow.
#include "benchutil.h"

#include "mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>

using namespace ForklineBench;
using namespace Forkline;

namespace {

constexpr int kWorkers = 64;
constexpr int kRunMs = 10000;
constexpr int kTickMs = 1;
constexpr int kStopWaitMs = 15000;

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

    // A 1 ms timer: how late each tick comes is how long the event loop was busy elsewhere.
    std::vector<double> lateness;
    lateness.reserve(size_t(kRunMs / kTickMs) + 1);
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
        qWarning("live_stall_ms: the run does not start");
        return {};
    }
    clock.start();
    tick.start();
    QTimer::singleShot(kRunMs, &window, [&] {
        tick.stop();
        window.stopRun();
    });
    QTimer::singleShot(kRunMs + kStopWaitMs, &loop, &QEventLoop::quit);
    loop.exec();

    const TraceModel model = window.exportModel();
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
              { QStringLiteral("events_per_s"), double(events) / (kRunMs / 1000.0) } };
    return { r };
}

const Registrar live(QStringLiteral("live_stall_ms"), liveStall);

} // namespace
