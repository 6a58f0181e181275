// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimer>
#include <memory>
#include <vector>

namespace Forkline {
class MainWindow;
}

namespace ForklineBench {

// A scenario (no GIL) whose main thread starts `workers` workers, w0, w1, ..., and joins
// them; each runs `steps`, the items of a JSON array.
QByteArray fanOutScenario(const QByteArray& name, int workers, const QByteArray& steps);

// A real MainWindow (its timeline, console and collector, and the runner it starts as the app
// does) with a scenario open, shown and exposed: what a person has before pressing Run.
class WatchedWindow
{
public:
    explicit WatchedWindow(const QByteArray& scenarioJson);
    ~WatchedWindow();
    // False when the scenario does not load (a warning says so).
    bool isReady() const { return m_ready; }
    Forkline::MainWindow& window() { return *m_window; }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Forkline::MainWindow> m_window;
    bool m_ready = false;
};

// A 1 ms timer: how late each tick comes is how long the event loop was busy elsewhere. The
// thread's own CPU time between ticks tells how much of that was the window's work and how
// much the system running something else.
class StallClock
{
public:
    StallClock();
    void start();
    void stop();
    // How late each tick came, in ms.
    const std::vector<double>& lateness() const { return m_lateness; }
    double worstMs() const;
    // The most CPU time the thread spent between two ticks; -1 where the system does not say.
    double worstBusyMs() const { return m_worstBusy; }
    // The thread's CPU time from start() to stop(); -1 where the system does not say.
    double cpuMs() const;
    double seconds() const { return double(m_elapsedNs) / 1e9; }

private:
    void onTick();

    QTimer m_tick;
    QElapsedTimer m_clock;
    std::vector<double> m_lateness;
    qint64 m_last = 0;
    qint64 m_elapsedNs = 0;
    double m_cpuLast = -1;
    double m_cpuStart = -1;
    double m_cpuStop = -1;
    double m_worstBusy = -1;
};

// The system's load average over the last minute; -1 where it does not say.
double loadAverage();

} // namespace ForklineBench
