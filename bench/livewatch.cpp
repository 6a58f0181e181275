// SPDX-License-Identifier: GPL-3.0-or-later
#include "livewatch.h"

#include "benchutil.h"
#include "window/mainwindow.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QWindow>
#include <algorithm>
#include <cstdlib>
#include <ctime>

namespace ForklineBench {

namespace {
constexpr int kTickMs = 1;

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
} // namespace

QByteArray fanOutScenario(const QByteArray& name, int workers, const QByteArray& steps)
{
    QByteArray json = R"({"format": 1, "name": ")" + name + R"(", "gil": false, "main": [)";
    for (int i = 0; i < workers; ++i)
        json += QStringLiteral(R"({"start": "w%1"},)").arg(i).toUtf8();
    for (int i = 0; i < workers; ++i)
        json += QStringLiteral(R"(%1{"join": "w%2"})").arg(i ? QStringLiteral(",") : QString()).arg(i).toUtf8();
    json += R"(], "workers": [)";
    for (int i = 0; i < workers; ++i)
        json += (i ? "," : "") + QStringLiteral(R"({"name": "w%1", "steps": [)").arg(i).toUtf8() + steps + "]}";
    json += "]}";
    return json;
}

WatchedWindow::WatchedWindow(const QByteArray& scenarioJson)
{
    // The window remembers things between sessions; keep them apart from the app's own.
    QCoreApplication::setOrganizationName(QStringLiteral("ForklineBench"));
    QCoreApplication::setApplicationName(QStringLiteral("forkline-bench"));
    const QString path = m_dir.filePath(QStringLiteral("scenario.json"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(scenarioJson) < 0)
        return;
    file.close();
    m_window = std::make_unique<Forkline::MainWindow>();
    m_window->setRunnerProgram(forklineProgram());
    m_window->resize(1600, 1000);
    m_window->show();
    if (!m_window->openScenarioFile(path)) {
        qWarning("bench: the scenario does not load");
        return;
    }
    m_window->setTimeScale(1.0);
    // Opening the window (its first expose and paint) comes before a person presses Run, and
    // is not part of the run being watched.
    QElapsedTimer opening;
    opening.start();
    while (!(m_window->windowHandle() && m_window->windowHandle()->isExposed()) && opening.elapsed() < 5000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    QCoreApplication::processEvents();
    m_ready = true;
}

WatchedWindow::~WatchedWindow() = default;

StallClock::StallClock()
{
    m_tick.setTimerType(Qt::PreciseTimer);
    m_tick.setInterval(kTickMs);
    QObject::connect(&m_tick, &QTimer::timeout, &m_tick, [this] { onTick(); });
}

void StallClock::start()
{
    m_lateness.clear();
    m_clock.start();
    m_last = 0;
    m_cpuStart = threadCpuMs();
    m_cpuLast = m_cpuStart;
    m_tick.start();
}

void StallClock::stop()
{
    m_tick.stop();
    m_elapsedNs = m_clock.nsecsElapsed();
    m_cpuStop = threadCpuMs();
}

void StallClock::onTick()
{
    const qint64 now = m_clock.nsecsElapsed();
    m_lateness.push_back(std::max(0.0, double(now - m_last) / 1e6 - kTickMs));
    m_last = now;
    const double cpu = threadCpuMs();
    if (cpu >= 0 && m_cpuLast >= 0)
        m_worstBusy = std::max(m_worstBusy, cpu - m_cpuLast);
    m_cpuLast = cpu;
}

double StallClock::worstMs() const
{
    return m_lateness.empty() ? 0 : *std::max_element(m_lateness.begin(), m_lateness.end());
}

double StallClock::cpuMs() const
{
    return m_cpuStart >= 0 && m_cpuStop >= 0 ? m_cpuStop - m_cpuStart : -1;
}

double loadAverage()
{
    double load = 0;
    return getloadavg(&load, 1) == 1 ? load : -1;
}

} // namespace ForklineBench
